import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { spawnSimulator } from '../../bench/telephony/simulator-process';
import { call, connectAri } from './support/ari-harness';
import type { AriEvent } from './support/trace-file';

describe('ARI simulator as a separate process', () => {
  const cliJs = path.resolve(__dirname, '..', '..', 'src', 'simulator', 'cli.js');

  it('when --behaviour scripts a prefix, then calls to it do what the JSON says; a bad one stops the start with the reason', async function () {
    this.timeout(15_000);
    const sim = await spawnSimulator(['--log-level', 'error', '--behaviour', '0915*={"result":"busy","ringMs":0}']);
    try {
      const client = await connectAri(sim.url);
      const events: AriEvent[] = [];
      client.on('*', (e) => events.push(e));
      await client.start('dialer');
      await call(client, 'channels', 'originate', { endpoint: 'PJSIP/09150001@trunk', app: 'dialer' });
      for (let i = 0; i < 200 && !events.some((e) => e.type === 'Dial' && e.dialstatus === 'BUSY'); i++) await new Promise((r) => setTimeout(r, 10));
      assert.ok(events.some((e) => e.type === 'Dial' && e.dialstatus === 'BUSY'), 'the scripted busy');
      client.stop();
    } finally {
      await sim.stop();
    }
    const bad = spawn(process.execPath, [cliJs, '--port', '0', '--behaviour', '0915*={"result":"maybe"}'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    bad.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    assert.equal(await new Promise((r) => bad.once('exit', r)), 1);
    assert.match(err, /--behaviour 0915\*=.*result/);
  });

  it('when cli.js starts, then it prints ARI_URL, serves ari-client on real time, and exits 0 on SIGTERM', async function () {
    this.timeout(15_000);
    const sim = await spawnSimulator(['--time-scale', '0.01', '--log-level', 'error']);
    let exitCode: number | null = null;
    try {
      const client = await connectAri(sim.url);
      const events: AriEvent[] = [];
      client.on('*', (e) => events.push(e));
      await client.start('dialer');
      await call(client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer' });
      for (let i = 0; i < 200 && !events.some((e) => e.type === 'StasisStart'); i++) await new Promise((r) => setTimeout(r, 10));
      assert.ok(events.some((e) => e.type === 'StasisStart'));
      client.stop();
    } finally {
      exitCode = await sim.stop();
    }
    assert.equal(exitCode, 0);
  });
});
