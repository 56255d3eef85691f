import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const mainJs = path.resolve(__dirname, '..', 'src', 'main.js');

function run(env: Record<string, string>, until: RegExp): Promise<{ out: string; code: number | null; kill: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainJs], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const kill = () => new Promise<void>((done) => { if (child.exitCode !== null) return done(); child.once('exit', () => done()); child.kill('SIGTERM'); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`timed out; output: ${out}`)); }, 10_000);
    const check = (chunk: Buffer) => { out += chunk.toString(); if (until.test(out)) { clearTimeout(timer); resolve({ out, code: null, kill }); } };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ out, code, kill }); });
  });
}

describe('the dialer process', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dialer-main-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when started on an empty data directory, then it creates the database, prints its URL and answers /health', async () => {
    const proc = await run({ DIALER_DATA_DIR: dir, DIALER_PORT: '0', DIALER_LOG_LEVEL: 'warn' }, /running at (http:\/\/\S+)\//);
    const url = /running at (http:\/\/\S+)\//.exec(proc.out)![1]!;
    assert.ok(existsSync(path.join(dir, 'dialer.db')));
    const health = await fetch(`${url}/health`);
    assert.equal(health.status, 200);
    await proc.kill();
  });

  it('when a setting is bad, then it refuses to start and names the setting', async () => {
    const proc = await run({ DIALER_DATA_DIR: dir, DIALER_PORT: 'abc' }, /$^/);
    assert.equal(proc.code, 2);
    assert.match(proc.out, /DIALER_PORT/);
  });

  it('when bootstrap owner variables are set on a fresh database, then that owner can log in', async () => {
    const proc = await run({ DIALER_DATA_DIR: dir, DIALER_PORT: '0', DIALER_LOG_LEVEL: 'warn', DIALER_BOOTSTRAP_OWNER_USERNAME: 'boss', DIALER_BOOTSTRAP_OWNER_PASSWORD: 'a long passphrase' }, /running at (http:\/\/\S+)\//);
    const url = /running at (http:\/\/\S+)\//.exec(proc.out)![1]!;
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'boss', password: 'a long passphrase' }) });
    assert.equal(res.status, 200);
    assert.ok(!proc.out.includes('a long passphrase'));
    await proc.kill();
  });
});
