import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { createMetrics } from '../../src/api/metrics';
import type { CallRecord } from '../../src/domain/call-record';
import { startTestApp, type TestApp } from '../support/test-app';

const TOKEN = 'scrape-secret-0123456789';

function record(campaignId: number | null, outcome: CallRecord['outcome'], phoneNumber: string): CallRecord {
  const at = new Date('2026-11-25T08:00:00Z');
  return {
    flow: 'customer-first', attemptId: null, campaignId, contactId: null, agentId: null, phoneNumber,
    dialAt: at, answerAt: null, bridgeAt: null, endAt: at, hangupCause: 16, dialStatus: 'ANSWER', amdStatus: null,
    outcome, endReason: 'customer-hangup', recordingName: null, answers: [],
  } as unknown as CallRecord;
}

/** `name{labels} value` lines of a scrape, keyed by everything before the value. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

describe('GET /metrics', () => {
  describe('with metrics.token set', () => {
    let app: TestApp;
    before(async () => { app = await startTestApp({ metrics: { token: TOKEN } }); });
    after(async () => { await app.close(); });

    it('when no token or a wrong one is sent, then it answers 401, and a session token is not enough', async () => {
      assert.equal((await app.request('GET', '/metrics')).status, 401);
      assert.equal((await app.request('GET', '/metrics', { token: 'wrong' })).status, 401);
      const { token } = await app.login('admin');
      const res = await app.request('GET', '/metrics', { token });
      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'E_UNAUTHENTICATED');
    });

    it('when scraped with the token, then it answers the dialer_ process metrics, event-loop lag and ARI state in Prometheus text', async () => {
      const res = await app.request('GET', '/metrics', { token: TOKEN });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
      const s = samples(res.body);
      assert.ok(s.has('dialer_process_cpu_user_seconds_total'));
      assert.ok(s.has('dialer_nodejs_eventloop_lag_seconds'));
      assert.equal(s.get('dialer_ari_connection_state{state="ready"}'), 1);
      assert.equal(s.get('dialer_ari_connection_state{state="degraded"}'), 0);
      assert.equal(s.get('dialer_ari_reconnects_total'), 0);
      for (const name of s.keys()) assert.match(name, /^dialer_/);
    });

    it('when calls have been recorded, then dialer_calls_total matches the call records per campaign and outcome, without phone numbers', async () => {
      const repo = app.services.repos.callRecords;
      const made: [number | null, CallRecord['outcome']][] = [[7, 'answered'], [7, 'answered'], [7, 'abandoned'], [7, 'busy'], [8, 'no_answer'], [null, null]];
      made.forEach(([c, o], i) => repo.insert(record(c, o, `+8491200000${i}`)));
      const res = await app.request('GET', '/metrics', { token: TOKEN });
      const s = samples(res.body);
      const fromStore = repo.countsByCampaignOutcome();
      const scraped = [...s].filter(([k]) => k.startsWith('dialer_calls_total{'));
      assert.equal(scraped.length, fromStore.length);
      for (const r of fromStore) {
        assert.equal(s.get(`dialer_calls_total{campaign="${r.campaignId ?? 'none'}",outcome="${r.outcome ?? 'none'}"}`), r.count);
      }
      assert.equal(s.get('dialer_calls_total{campaign="7",outcome="answered"}'), 2);
      assert.equal(s.get('dialer_abandon_rate{campaign="7"}'), 1 / 3);
      assert.doesNotMatch(res.body, /\+849/);
    });
  });

  it('when metrics.token is unset, then /metrics answers 404 whatever is sent', async () => {
    const app = await startTestApp();
    try {
      assert.equal((await app.request('GET', '/metrics')).status, 404);
      assert.equal((await app.request('GET', '/metrics', { token: 'anything' })).status, 404);
    } finally { await app.close(); }
  });

  it('when telephony drops and comes back, then the reconnect counter counts it and the state gauge follows', async () => {
    let status: 'connecting' | 'ready' | 'degraded' | 'draining' = 'connecting';
    const m = createMetrics({ registry: new Registry(), callRecords: { countsByCampaignOutcome: () => [] }, telephonyStatus: () => status });
    for (const next of ['connecting', 'ready', 'degraded', 'connecting', 'ready', 'degraded', 'ready'] as const) {
      status = next;
      m.telephonyStatusChanged(next);
    }
    const s = samples(await m.registry.metrics());
    assert.equal(s.get('dialer_ari_reconnects_total'), 2);
    assert.equal(s.get('dialer_ari_connection_state{state="ready"}'), 1);
    assert.equal(s.get('dialer_ari_connection_state{state="connecting"}'), 0);
  });
});

describe('live campaign metrics', () => {
  it('when campaigns run, then agents by state, calls in progress, pacing abandon rates and dial level come from their live snapshots', async () => {
    const snapshot = {
      campaignId: 3,
      agentsByState: { ready: 2, on_call: 1, wrap_up: 0, not_ready: 1 } as never,
      calls: { ringing: 4, talking: 1, waiting: 1, longestWaitMs: 900 },
      abandon: { target: 0.03, campaignRate: 0.01, rollingRate: 0.02 },
      dialLevel: 2.5,
    };
    const m = createMetrics({ registry: new Registry(), callRecords: { countsByCampaignOutcome: () => [] }, live: () => [snapshot, { ...snapshot, campaignId: 4, dialLevel: null }] });
    const s = samples(await m.registry.metrics());
    assert.equal(s.get('dialer_agents{campaign="3",state="ready"}'), 2);
    assert.equal(s.get('dialer_agents{campaign="3",state="not_ready"}'), 1);
    assert.equal(s.get('dialer_calls_in_progress{campaign="3",phase="ringing"}'), 4);
    assert.equal(s.get('dialer_calls_in_progress{campaign="4",phase="waiting"}'), 1);
    assert.equal(s.get('dialer_pacing_abandon_rate{campaign="3",window="rolling"}'), 0.02);
    assert.equal(s.get('dialer_pacing_abandon_rate{campaign="3",window="target"}'), 0.03);
    assert.equal(s.get('dialer_dial_level{campaign="3"}'), 2.5);
    assert.equal(s.has('dialer_dial_level{campaign="4"}'), false);
  });
});
