import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const cli = path.resolve(__dirname, '..', 'src', 'cli', 'user-add.js');

describe('npm run user:add', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dialer-cli-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], input: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', DIALER_DATA_DIR: dir, ...env } });

  it('when given a username, a role and a password on stdin, then the owner exists with a hashed password', () => {
    const res = run(['--username', 'boss', '--role', 'owner'], 'a long passphrase\n');
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /created owner boss/);
    const db = new Database(path.join(dir, 'dialer.db'), { readonly: true });
    const row = db.prepare("SELECT role, password_hash FROM users WHERE username = 'boss'").get() as { role: string; password_hash: string };
    db.close();
    assert.equal(row.role, 'owner');
    assert.match(row.password_hash, /^scrypt\$/);
  });

  it('when the password is too short or the role unknown, then it fails with a message and creates nobody', () => {
    const short = run(['--username', 'boss', '--role', 'owner'], 'short\n');
    assert.notEqual(short.status, 0);
    assert.match(short.stderr, /password/);
    const badRole = run(['--username', 'boss', '--role', 'king'], 'a long passphrase\n');
    assert.notEqual(badRole.status, 0);
    assert.match(badRole.stderr, /usage/);
  });
});
