import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dialer = path.resolve(__dirname, '..', '..', '..', 'src', 'dialer');

describe('the engine\'s imports', () => {
  it('when a file of src/dialer imports, then only the domain, the error catalogue, its own folder and logger types', () => {
    const offenders: string[] = [];
    for (const f of readdirSync(dialer).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(path.join(dialer, f), 'utf8');
      for (const m of text.matchAll(/^\s*import[^'"]*from\s+'([^']+)'/gm)) {
        const target = m[1]!;
        const ok = target.startsWith('./') || target.startsWith('../domain/') || target === '../errors' || target === 'winston';
        if (!ok) offenders.push(`${f} → ${target}`);
      }
    }
    assert.deepEqual(offenders, [], 'the engine reaches telephony, the store and the pages only through the ports it declares');
  });
});
