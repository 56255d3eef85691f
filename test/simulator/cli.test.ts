import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { call, connectAri } from './support/ari-harness';
import type { AriEvent } from './support/trace-file';

describe('ARI simulator as a separate process', () => {
  const cliJs = path.resolve(__dirname, '..', '..', 'src', 'simulator', 'cli.js');

  it('when --behaviour scripts a prefix, then calls to it do what the JSON says; a bad one stops the start with the reason', async function () {
    this.timeout(15_000);
    const child = spawn(process.execPath, [cliJs, '--port', '0', '--log-level', 'error', '--behaviour', '0915*={"result":"busy","ringMs":0}'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => { out += d.toString(); const m = /ARI_URL=(\S+)/.exec(out); if (m?.[1]) resolve(m[1]); });
        child.once('exit', (code) => reject(new Error(`exited ${String(code)}`)));
      });
      const client = await connectAri(url);
      const events: AriEvent[] = [];
      client.on('*', (e) => events.push(e));
      await client.start('dialer');
      await call(client, 'channels', 'originate', { endpoint: 'PJSIP/09150001@trunk', app: 'dialer' });
      for (let i = 0; i < 200 && !events.some((e) => e.type === 'Dial' && e.dialstatus === 'BUSY'); i++) await new Promise((r) => setTimeout(r, 10));
      assert.ok(events.some((e) => e.type === 'Dial' && e.dialstatus === 'BUSY'), 'the scripted busy');
      client.stop();
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    const bad = spawn(process.execPath, [cliJs, '--port', '0', '--behaviour', '0915*={"result":"maybe"}'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    bad.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    assert.equal(await new Promise((r) => bad.once('exit', r)), 1);
    assert.match(err, /--behaviour 0915\*=.*result/);
  });

  it('when cli.js starts, then it prints ARI_URL, serves ari-client on real time, and exits 0 on SIGTERM', async function () {
    this.timeout(15_000);
    const cli = path.resolve(__dirname, '..', '..', 'src', 'simulator', 'cli.js');
    const child = spawn(process.execPath, [cli, '--port', '0', '--time-scale', '0.01', '--log-level', 'error'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /ARI_URL=(\S+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited ${String(code)}`)));
      });
      const client = await connectAri(url);
      const events: AriEvent[] = [];
      client.on('*', (e) => events.push(e));
      await client.start('dialer');
      await call(client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer' });
      for (let i = 0; i < 200 && !events.some((e) => e.type === 'StasisStart'); i++) await new Promise((r) => setTimeout(r, 10));
      assert.ok(events.some((e) => e.type === 'StasisStart'));
      client.stop();
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });
});
