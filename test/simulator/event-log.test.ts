import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAriSimulator } from '../../src/simulator/start-ari-simulator';
import { compareEventLogs } from '../support/compare-event-logs';
import { TcpProxy } from '../support/tcp-proxy';
import { call, connectAri, type AriClient } from './support/ari-harness';
import type { AriEvent } from './support/trace-file';

/** The tools behind DIALER_IT_EVENT_LOG: the proxy's WebSocket tap and the log comparison. */
describe('scenario event logs', () => {
  it('when ARI traffic goes through the proxy with a tap, then the tap reads every event the client received, in order', async () => {
    const sim = await startAriSimulator({ settleMs: 4 });
    const tapped: string[] = [];
    const proxy = new TcpProxy('127.0.0.1', sim.port, (text) => tapped.push((JSON.parse(text) as AriEvent).type));
    let client: AriClient | undefined;
    try {
      client = await connectAri(`http://127.0.0.1:${await proxy.start()}`);
      const received: string[] = [];
      client.on('*', (e) => received.push(e.type));
      await client.start('dialer');
      await call(client, 'channels', 'originate', { endpoint: 'Local/09020001@sim-customers', app: 'dialer', channelId: 'b' });
      await sim.control.advance(3000);
      assert.ok(received.includes('ChannelDestroyed'));
      assert.deepEqual(tapped, received);
    } finally {
      client?.stop();
      await proxy.stop();
      await sim.stop();
    }
  });

  it('when two logs differ on one channel, then the comparison names that scenario and channel only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'event-logs-'));
    try {
      const line = (cause: number, id: string) => JSON.stringify({ scenario: 's', event: { type: 'ChannelDestroyed', cause, channel: { id, state: 'Up' } } });
      writeFileSync(path.join(dir, 'a.jsonl'), `${line(16, 'itabcdef.customer.7.0a0b0c0d')}\n${line(16, 'itabcdef.agent.7.01020304')}\n`);
      writeFileSync(path.join(dir, 'b.jsonl'), `${line(16, 'it123456.customer.7.ffffffff')}\n${line(0, 'it123456.agent.7.eeeeeeee')}\n`);
      const report = compareEventLogs(path.join(dir, 'a.jsonl'), path.join(dir, 'b.jsonl'));
      assert.deepEqual(report, ['s | agent.7\n  real: Destroyed:16\n  sim:  Destroyed:0']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
