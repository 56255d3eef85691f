import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { createMetrics } from '../../src/api/metrics';
import type { CallRecord } from '../../src/domain/call-record';
import { MetricsQueries } from '../../src/store/metrics/metrics-queries';
import { CallRecordRepository } from '../../src/store/call-record-repository';
import { openTestDb } from '../support/test-db';
import { samples } from '../support/prometheus-samples';
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
      assert.equal(s.get('dialer_abandon_rate{campaign="7",window="all"}'), 1 / 3);
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

describe('metrics read from the store', () => {
  let t: ReturnType<typeof openTestDb>;
  beforeEach(() => { t = openTestDb(); });
  afterEach(() => t.close());

  const insertRecord = (repo: CallRecordRepository, campaignId: number, outcome: CallRecord['outcome'], endAt: string) => {
    const end = new Date(endAt);
    repo.insert({ ...record(campaignId, outcome, '+84912000000'), endAt: end, dialAt: end } as CallRecord);
  };
  const live = (campaignId: number) => ({
    campaignId, agentsByState: {} as never, calls: { ringing: 0, talking: 0, waiting: 0, longestWaitMs: 0 },
    abandon: { target: 0.03, campaignRate: 0, rollingRate: 0 }, dialLevel: null,
  });

  it('when records span yesterday, today and two months ago in the campaign\'s time zone, then the shift, 30-day and all-time abandon rates each count their own', async () => {
    const repo = new CallRecordRepository(t.db);
    // Now: 2026-11-25 02:00 UTC = 09:00 in Ho Chi Minh City (UTC+7); its day began at 2026-11-24 17:00 UTC.
    const now = new Date('2026-11-25T02:00:00Z');
    insertRecord(repo, 5, 'abandoned', '2026-11-24T18:00:00Z'); // today there
    insertRecord(repo, 5, 'answered', '2026-11-25T01:00:00Z'); // today there
    insertRecord(repo, 5, 'answered', '2026-11-25T01:30:00Z'); // today there
    insertRecord(repo, 5, 'abandoned', '2026-11-24T16:30:00Z'); // yesterday there (today in UTC)
    insertRecord(repo, 5, 'answered', '2026-11-10T10:00:00Z'); // this month
    insertRecord(repo, 5, 'abandoned', '2026-09-01T10:00:00Z'); // more than 30 days ago
    insertRecord(repo, 5, 'busy', '2026-11-25T01:40:00Z'); // not in the rate
    const m = createMetrics({
      registry: new Registry(), callRecords: repo, queries: new MetricsQueries(t.db), live: () => [live(5)],
      campaignTimezone: () => 'Asia/Ho_Chi_Minh', now: () => now,
    });
    const s = samples(await m.registry.metrics());
    assert.equal(s.get('dialer_abandon_rate{campaign="5",window="shift"}'), 1 / 3);
    assert.equal(s.get('dialer_abandon_rate{campaign="5",window="30d"}'), 2 / 5);
    assert.equal(s.get('dialer_abandon_rate{campaign="5",window="all"}'), 3 / 6);
  });

  it('when an import runs and a finished job is deleted, then the import row counter grows with the batches and never goes down', async () => {
    const insertJob = (kind: string, imported: number, rejected: number) => Number(t.db.prepare(`INSERT INTO import_jobs
      (kind, status, file_name, format, file_bytes, imported, rejected, created_at) VALUES (?, 'running', 'x.csv', 'csv', 1, ?, ?, '2026-11-25T00:00:00Z')`)
      .run(kind, imported, rejected).lastInsertRowid);
    const m = createMetrics({ registry: new Registry(), callRecords: { countsByCampaignOutcome: () => [] }, queries: new MetricsQueries(t.db) });
    const first = insertJob('contacts', 100, 2);
    insertJob('dnc', 40, 0);
    let s = samples(await m.registry.metrics());
    assert.equal(s.get('dialer_import_rows_total{kind="contacts",result="imported"}'), 100);
    assert.equal(s.get('dialer_import_rows_total{kind="contacts",result="rejected"}'), 2);
    assert.equal(s.get('dialer_import_rows_total{kind="dnc",result="imported"}'), 40);
    t.db.prepare('UPDATE import_jobs SET imported = imported + 250 WHERE id = ?').run(first);
    s = samples(await m.registry.metrics());
    assert.equal(s.get('dialer_import_rows_total{kind="contacts",result="imported"}'), 350);
    t.db.prepare('DELETE FROM import_jobs WHERE id = ?').run(first);
    insertJob('contacts', 10, 0);
    s = samples(await m.registry.metrics());
    assert.equal(s.get('dialer_import_rows_total{kind="contacts",result="imported"}'), 360, 'a deleted job\'s rows stay counted');
  });

  it('when the process starts on a database with call records, then the histogram counts only the calls finished since', async () => {
    const repo = new CallRecordRepository(t.db);
    const bridged = (answer: string, bridge: string) => repo.insert({ ...record(3, 'answered', '+84912000001'), answerAt: new Date(answer), bridgeAt: new Date(bridge) } as CallRecord);
    bridged('2026-11-25T08:00:00.000Z', '2026-11-25T08:00:00.080Z');
    const m = createMetrics({ registry: new Registry(), callRecords: repo, queries: new MetricsQueries(t.db) });
    bridged('2026-11-25T08:01:00.000Z', '2026-11-25T08:01:00.300Z');
    bridged('2026-11-25T08:02:00.000Z', '2026-11-25T08:02:04.000Z');
    repo.insert(record(3, 'busy', '+84912000002'));
    const s = samples(await m.registry.metrics());
    const key = (suffix: string, extra = '') => `dialer_answer_to_bridge_seconds_${suffix}{${extra}campaign="3",flow="customer-first"}`;
    assert.equal(s.get(key('count')), 2);
    assert.ok(Math.abs(s.get(key('sum'))! - 4.3) < 1e-9);
    assert.equal(s.get(key('bucket', 'le="0.25",')), 0);
    assert.equal(s.get(key('bucket', 'le="0.5",')), 1);
    assert.equal(s.get(key('bucket', 'le="5",')), 2);
  });
});
