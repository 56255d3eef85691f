import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// The rooms of CONVENTIONS.md, checked on the source (there is no lint step yet).
const src = path.resolve(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

const rel = (f: string) => path.relative(src, f).split(path.sep).join('/');

describe('architecture', () => {
  it('when a file imports ari-client, then it lives in src/telephony/ari/', () => {
    const offenders = files(src).filter((f) => imports(f).includes('ari-client') && !rel(f).startsWith('telephony/ari/'));
    assert.deepEqual(offenders.map(rel), []);
  });

  // Pure packages the domain may use: zod (validation is a pure rule, the schemas double as types) and
  // libphonenumber-js (reading phone numbers is a pure function of the text and the region).
  const PURE_PACKAGES = new Set(['zod', 'libphonenumber-js/max', 'libphonenumber-js/core', 'libphonenumber-js/metadata.max.json']);

  it('when a domain file imports, then only other domain files (and pure packages)', () => {
    const offenders = files(path.join(src, 'domain')).flatMap((f) => imports(f)
      .filter((i) => !PURE_PACKAGES.has(i))
      .filter((i) => !i.startsWith('.') || !path.resolve(path.dirname(f), i).startsWith(path.join(src, 'domain')))
      .map((i) => `${rel(f)} → ${i}`));
    assert.deepEqual(offenders, []);
  });

  it('when a telephony file imports our code, then never the engine, the api, the services or the store', () => {
    const offenders = files(path.join(src, 'telephony')).flatMap((f) => imports(f)
      .filter((i) => i.startsWith('.') && /^(dialer|api|services|store|web)\//.test(rel(path.resolve(path.dirname(f), i))))
      .map((i) => `${rel(f)} → ${i}`));
    assert.deepEqual(offenders, []);
  });
});
