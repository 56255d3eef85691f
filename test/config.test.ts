import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configKeys, ConfigError, envName, loadConfig } from '../src/config';
import { renderSettingsMarkdown } from '../src/config-docs';

const root = path.resolve(__dirname, '..', '..');
const noLocal = path.join(root, 'config', 'does-not-exist.json');

describe('configuration', () => {
  it('when nothing is overridden, then the defaults load and every key has a description', () => {
    const config = loadConfig({ env: {}, localFile: noLocal });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '127.0.0.1');
    for (const key of configKeys()) assert.ok(key.description.length > 10, `${key.path.join('.')} needs a description`);
  });

  it('when DIALER_ variables are set, then they override the file values with their types', () => {
    const config = loadConfig({ env: { DIALER_PORT: '9090', DIALER_ARI_URL: 'http://127.0.0.1:8088', DIALER_COOKIE_SECURE: 'true' }, localFile: noLocal });
    assert.equal(config.port, 9090);
    assert.equal(config.ari.url, 'http://127.0.0.1:8088');
    assert.equal(config.cookieSecure, true);
  });

  it('when a setting is bad, then loading fails naming the setting and its variable', () => {
    assert.throws(() => loadConfig({ env: { DIALER_PORT: 'eighty' }, localFile: noLocal }),
      (err: unknown) => err instanceof ConfigError && /port \(DIALER_PORT\)/.test(err.message));
    assert.throws(() => loadConfig({ env: { DIALER_TELEPHONY_RING_TIMEOUT_SECONDS: '5' }, localFile: noLocal }),
      (err: unknown) => err instanceof ConfigError && /telephony\.ringTimeoutSeconds/.test(err.message));
  });

  it('when an unknown DIALER_ variable is set, then it is reported as a likely typo', () => {
    assert.throws(() => loadConfig({ env: { DIALER_PROT: '1' }, localFile: noLocal }), /DIALER_PROT: unknown setting/);
  });

  it('when a key path is camel case, then its variable is upper snake case', () => {
    assert.equal(envName(['telephony', 'ringTimeoutSeconds']), 'DIALER_TELEPHONY_RING_TIMEOUT_SECONDS');
    assert.equal(envName(['dataDir']), 'DIALER_DATA_DIR');
  });

  it('when the default file is compared with the schema, then every key is present in it', () => {
    const defaults = JSON.parse(readFileSync(path.join(root, 'config', 'default.json'), 'utf8')) as Record<string, unknown>;
    for (const key of configKeys()) {
      const value = key.path.reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], defaults);
      assert.notEqual(value, undefined, `config/default.json lacks ${key.path.join('.')}`);
    }
  });

  it('when config/SETTINGS.md is compared with the schema, then it is up to date (npm run config:docs)', () => {
    assert.equal(readFileSync(path.join(root, 'config', 'SETTINGS.md'), 'utf8'), renderSettingsMarkdown());
  });
});
