import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageRelease } from '../src/release/package-release';

describe('release package', () => {
  it('when packaged from the built tree, then the tarball holds the server, migrations and unit, and no node_modules or tests', () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'dialer-release-'));
    try {
      const root = path.resolve(__dirname, '..', '..');
      const tarball = packageRelease({ root, outDir });
      assert.match(path.basename(tarball), /^dialer-\d+\.\d+\.\d+.*\.tar\.gz$/);
      const top = path.basename(tarball, '.tar.gz');
      const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n');
      for (const wanted of ['dist/src/main.js', 'migrations/001_users_and_sessions.sql', 'config/systemd/dialer.service',
        'config/default.json', 'config/SETTINGS.md', 'package.json', 'package-lock.json', 'README.md', 'asterisk.conf.example',
        'dialplan/extensions_dialer.conf']) {
        assert.ok(files.includes(`${top}/${wanted}`), `${wanted} missing`);
      }
      assert.ok(!files.some((f) => f.includes('node_modules')), 'node_modules packaged');
      assert.ok(!files.some((f) => f.includes('.test.js') || f.startsWith(`${top}/dist/test`)), 'tests packaged');
      assert.ok(!files.includes(`${top}/config/local.json`), 'local config packaged');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
