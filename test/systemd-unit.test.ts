import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';

const root = path.resolve(__dirname, '..', '..');

function readUnit(): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const raw of readFileSync(path.join(root, 'config', 'systemd', 'dialer.service'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('[')) continue;
    const eq = line.indexOf('=');
    const key = line.slice(0, eq);
    directives.set(key, [...(directives.get(key) ?? []), line.slice(eq + 1)]);
  }
  return directives;
}

describe('systemd unit', () => {
  const unit = readUnit();
  const one = (key: string): string | undefined => unit.get(key)?.[0];

  it('when installed, then it runs the built server as its own user from /opt/dialer', () => {
    assert.equal(one('User'), 'dialer');
    assert.equal(one('WorkingDirectory'), '/opt/dialer');
    assert.match(one('ExecStart') ?? '', /node dist\/src\/main\.js$/);
    assert.equal(one('EnvironmentFile'), '-/etc/dialer/dialer.env');
    assert.equal(one('Restart'), 'on-failure');
    assert.equal(one('KillSignal'), 'SIGTERM');
  });

  it('when hardened, then only the data directory is writable and the database lives there', () => {
    for (const [key, value] of [['NoNewPrivileges', 'yes'], ['ProtectSystem', 'strict'], ['ProtectHome', 'yes'], ['PrivateTmp', 'yes'],
      ['ProtectKernelTunables', 'yes'], ['LockPersonality', 'yes'], ['RestrictAddressFamilies', 'AF_UNIX AF_INET AF_INET6']]) {
      assert.equal(one(key!), value, key);
    }
    assert.deepEqual(unit.get('ReadWritePaths'), ['/var/lib/dialer']);
    assert.ok(unit.get('Environment')?.includes('DIALER_DATA_DIR=/var/lib/dialer'));
    assert.equal(unit.get('MemoryDenyWriteExecute'), undefined, 'V8 needs writable executable memory');
  });

  it('when stopped, then systemd waits longer than the default drain of live calls', () => {
    const drain = loadConfig({ env: {}, localFile: path.join(root, 'config', 'no-such-file.json') }).shutdownDrainSeconds;
    const timeout = Number(/^(\d+)s?$/.exec(one('TimeoutStopSec') ?? '')?.[1]);
    assert.ok(timeout > drain, `TimeoutStopSec=${timeout} must exceed shutdownDrainSeconds=${drain}`);
  });
});
