import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAriSimulator } from '../src/simulator/start-ari-simulator';

const mainJs = path.resolve(__dirname, '..', 'src', 'main.js');

function run(env: Record<string, string>, until: RegExp): Promise<{ out: string; code: number | null; kill: () => Promise<number | null>; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainJs], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const output = () => out;
    const kill = () => new Promise<number | null>((done) => {
      if (child.exitCode !== null) return done(child.exitCode);
      child.once('exit', (code) => done(code));
      child.kill('SIGTERM');
    });
    // Generous: on a loaded CI machine a start (migrations, simulator, ARI connect) can take several seconds.
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`timed out; output: ${out}`)); }, 30_000);
    const check = (chunk: Buffer) => { out += chunk.toString(); if (until.test(out)) { clearTimeout(timer); resolve({ out, code: null, kill, output }); } };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ out, code, kill, output }); });
  });
}

describe('the dialer process', function () {
  // Each test starts the whole process (demo mode seeds users, campaigns and a month of history): slow on a busy machine.
  this.timeout(60_000);
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

  it('when running, then it holds <db>.pid with its pid, and a clean stop removes it', async () => {
    const proc = await run({ DIALER_DATA_DIR: dir, DIALER_PORT: '0', DIALER_LOG_LEVEL: 'warn' }, /running at (http:\/\/\S+)\//);
    const pidFile = path.join(dir, 'dialer.db.pid');
    assert.match(readFileSync(pidFile, 'utf8'), /^\d+\n$/);
    assert.equal(await proc.kill(), 0);
    assert.ok(!existsSync(pidFile));
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
    assert.ok(!proc.out.includes('Demo users'), 'no demo users next to a configured owner');
    await proc.kill();
  });

  async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 8000): Promise<T> {
    for (const limit = Date.now() + timeoutMs; Date.now() < limit; await new Promise((r) => setTimeout(r, 50))) {
      const value = await probe();
      if (value !== undefined) return value;
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const login = (url: string, username: string, password: string) => fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });

  it('when started with no ARI URL, then it says demo mode, /ready turns 200 on the built-in simulator, demo users log in with the password shown once, and SIGTERM exits cleanly', async () => {
    const env = { DIALER_DATA_DIR: dir, DIALER_PORT: '0', DIALER_LOG_LEVEL: 'info' };
    const proc = await run(env, /running at (http:\/\/\S+)\//);
    const url = /running at (http:\/\/\S+)\//.exec(proc.out)![1]!;
    assert.match(proc.out, /demo mode: no ARI URL configured, using the built-in ARI simulator at http:\/\/127\.0\.0\.1:\d+/);
    const ready = await until(async () => { const r = await fetch(`${url}/ready`); return r.status === 200 ? (await r.json()) as unknown : undefined; }, '/ready 200');
    assert.deepEqual(ready, { ready: true, db: true, telephony: 'ready' });
    assert.deepEqual(await (await fetch(`${url}/health`)).json(), { status: 'ok', db: true, telephony: 'ready' });
    const shown = /Demo users (owner, agent1, agent2, agent3, agent4) created; their password \(shown only now\): (\S+)/.exec(proc.out);
    assert.ok(shown, 'demo users and their password on stdout');
    const password = shown[2]!;
    assert.ok(password.length >= 12);
    assert.equal((await login(url, 'agent1', password)).status, 200);
    assert.equal((await login(url, 'owner', password)).status, 200);
    assert.equal(await proc.kill(), 0);
    assert.ok(!readFileSync(path.join(dir, 'dialer.log'), 'utf8').includes(password), 'the password is not in the log file');

    const again = await run(env, /running at (http:\/\/\S+)\//);
    assert.ok(!again.out.includes('Demo users'), 'a database with users is not seeded again');
    await again.kill();
  });

  /** The owner's token and the demo campaigns' live views, as the supervisor page reads them. */
  async function supervisor(url: string, out: string) {
    const password = /their password \(shown only now\): (\S+)/.exec(out)![1]!;
    const { token } = (await (await login(url, 'owner', password)).json()) as { token: string };
    const get = async (p: string) => (await fetch(`${url}${p}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<any>;
    const campaigns = ((await get('/api/campaigns?limit=10')).items as { id: number }[]).map((c) => c.id);
    const agents = async () => (await Promise.all(campaigns.map((id) => get(`/api/campaigns/${id}/live`)))).flatMap((l) => l.agents as { name: string; state: string }[]);
    return { get, agents };
  }

  it('when started in demo mode, then within seconds the simulated agents (not agent1) work the demo campaigns and the reports show a month of history', async () => {
    const proc = await run({ DIALER_DATA_DIR: dir, DIALER_PORT: '0', DIALER_LOG_LEVEL: 'info', DIALER_LOG_FORMAT: 'json', DIALER_SHUTDOWN_DRAIN_SECONDS: '0' }, /running at (http:\/\/\S+)\//);
    const url = /running at (http:\/\/\S+)\//.exec(proc.out)![1]!;
    const seeded = proc.out.split('\n').filter((l) => l.includes('demo history seeded')).map((l) => JSON.parse(l) as { attempts: number; ms: number })[0];
    assert.ok(seeded && seeded.attempts > 500, 'history seeded');
    assert.ok(seeded.ms < 3000, `history seeded in ${seeded.ms} ms`);
    const s = await supervisor(url, proc.out);
    const working = await until(async () => {
      const agents = await s.agents();
      return agents.filter((a) => a.state !== 'not_ready').length >= 3 ? agents : undefined;
    }, 'simulated agents ready or on a call', 10_000);
    assert.deepEqual(working.map((a) => a.name).sort(), ['Demo agent 2', 'Demo agent 3', 'Demo agent 4']);
    const today = new Date();
    const day = (ms: number) => new Date(today.getTime() + ms).toISOString().slice(0, 10);
    const report = await s.get(`/api/reports/agent-performance?from=${day(-31 * 86_400_000)}&to=${day(0)}`);
    const agent1 = (report.agents as { name: string; total: { calls: number; talkingMs: number } }[]).find((a) => a.name === 'Demo agent 1');
    assert.ok(agent1 && agent1.total.calls > 0 && agent1.total.talkingMs > 0, JSON.stringify(report.team?.total));
    assert.equal(await proc.kill(), 0);
  });

  it('when the demo database is started against a real ARI (production mode), then no demo agent is simulated', async () => {
    const first = await run({ DIALER_DATA_DIR: dir, DIALER_PORT: '0', DIALER_LOG_LEVEL: 'warn', DIALER_DEMO_SIMULATED_AGENTS: 'false', DIALER_DEMO_HISTORY_DAYS: '0' }, /running at (http:\/\/\S+)\//);
    await first.kill();
    const ari = await startAriSimulator({ clock: 'real', port: 0, user: 'asterisk', password: 'secret' });
    try {
      const proc = await run({
        DIALER_DATA_DIR: dir, DIALER_PORT: '0', DIALER_LOG_LEVEL: 'info', DIALER_SHUTDOWN_DRAIN_SECONDS: '0',
        DIALER_ARI_URL: ari.url, DIALER_ARI_USER: 'asterisk', DIALER_ARI_PASSWORD: 'secret',
      }, /running at (http:\/\/\S+)\//);
      const url = /running at (http:\/\/\S+)\//.exec(proc.out)![1]!;
      await until(async () => ((await fetch(`${url}/ready`)).status === 200 ? true : undefined), '/ready 200');
      const s = await supervisor(url, first.out);
      await new Promise((r) => setTimeout(r, 4000));
      assert.deepEqual(await s.agents(), [], 'nobody joined');
      assert.ok(!proc.output().includes('simulated agent'), 'no simulated agent in production mode');
      assert.equal(await proc.kill(), 0);
    } finally {
      await ari.stop();
    }
  });

  it('when demo.simulatedAgents is false and demo.historyDays 0, then the demo agents stay idle and nothing is seeded', async () => {
    const proc = await run({ DIALER_DATA_DIR: dir, DIALER_PORT: '0', DIALER_LOG_LEVEL: 'info', DIALER_DEMO_SIMULATED_AGENTS: 'false', DIALER_DEMO_HISTORY_DAYS: '0' }, /running at (http:\/\/\S+)\//);
    const url = /running at (http:\/\/\S+)\//.exec(proc.out)![1]!;
    assert.ok(!proc.out.includes('demo history seeded'));
    const s = await supervisor(url, proc.out);
    await new Promise((r) => setTimeout(r, 4000));
    assert.deepEqual(await s.agents(), [], 'nobody joined');
    assert.equal(await proc.kill(), 0);
  });
});
