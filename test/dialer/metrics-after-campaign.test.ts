import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { ANSWER_TO_BRIDGE_BUCKETS, createMetrics, type DialerMetrics } from '../../src/api/metrics';
import { MetricsQueries } from '../../src/store/metrics/metrics-queries';
import { samples } from '../support/prometheus-samples';
import { disposeEverything, numbersOf } from './support/campaign-bots';
import { EngineHarness } from './support/engine-harness';




interface RecordRow { campaign_id: number; flow: string; outcome: string | null; answer_at: string | null; bridge_at: string | null; end_at: string }

describe('/metrics scraped after a simulated predictive campaign', function () {
  this.timeout(120_000);
  let h: EngineHarness;
  let metrics: DialerMetrics;
  let campaignId: number;
  /** The live snapshots the last scrape read (the gauges must show exactly these). */
  let scraped: ReturnType<EngineHarness['engine']['snapshots']> = [];
  const scrape = async () => samples(await metrics.registry.metrics());

  before(async () => {
    // One agent for four lines and a short hold: some answered customers find no agent and are abandoned.
    h = await EngineHarness.start({ settings: { holdMaxSeconds: 2 } });
    metrics = createMetrics({
      registry: new Registry(), callRecords: h.services.repos.callRecords, live: () => { scraped = h.engine.snapshots(); return scraped; },
      queries: new MetricsQueries(h.proc.db), campaignTimezone: (id) => h.services.repos.campaigns.get(id)?.timezone, now: () => h.clock.now(),
    });
    const agents = [1, 2].map((i) => h.agent(`agent${i}`, String(1000 + i)));
    const c = h.campaign({ dialingMode: 'predictive', agentIds: agents, wrapUpSeconds: 20, maxLinesPerAgent: 3, abandonRateTarget: 0.3, timezone: 'Asia/Ho_Chi_Minh' });
    campaignId = c.id;
    h.addLeads(c.id, numbersOf([['0901', 40], ['0902', 4], ['0903', 4], ['0906', 4]]));
    for (const a of agents) {
      h.bot(a, disposeEverything(h, a));
      h.engine.join(a, c.id);
      h.engine.ready(a, c.id);
    }
  });
  after(async () => { await h?.stop(); });

  it('when the campaign is dialing, then calls in progress, agents by state and due leads match the live state and the list', async () => {
    let busy = false;
    await h.run(() => {
      const live = h.engine.snapshotOf(campaignId)!;
      busy = live.calls.ringing + live.calls.talking > 0 && h.rows('SELECT 1 FROM call_records').length >= 5;
      return busy;
    }, 3600_000);
    assert.ok(busy, 'calls are up and some have finished');
    const s = await scrape();
    const live = scraped.find((x) => x.campaignId === campaignId)!;
    const label = `campaign="${campaignId}"`;
    for (const phase of ['ringing', 'waiting', 'talking'] as const) assert.equal(s.get(`dialer_calls_in_progress{${label},phase="${phase}"}`), live.calls[phase], phase);
    for (const [state, n] of Object.entries(live.agentsByState)) assert.equal(s.get(`dialer_agents{${label},state="${state}"}`), n, state);
    const due = h.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = ?
      AND status IN ('not_started', 'failed_will_retry', 'callback_scheduled', 'do_not_call_again') AND (next_call_at IS NULL OR next_call_at <= ?)`,
    campaignId, h.clock.now().toISOString())[0]!.n;
    assert.ok(due > 0, 'leads are still due');
    assert.equal(s.get(`dialer_due_leads{${label}}`), due);
  });

  it('when the list is worked through, then outcomes, the answer-to-bridge histogram and the abandon rates equal the call records', async () => {
    const done = await h.run(() => h.leadsOf(campaignId).every((l) => !['not_started', 'in_progress'].includes(l.status))
      && h.engine.snapshotOf(campaignId)!.calls.ringing + h.engine.snapshotOf(campaignId)!.calls.talking === 0, 4 * 3600_000);
    assert.ok(done, 'the list was worked through');
    const s = await scrape();
    const records = h.rows<RecordRow>('SELECT campaign_id, flow, outcome, answer_at, bridge_at, end_at FROM call_records');
    assert.ok(records.length >= 52, `${records.length} call records`);

    const byOutcome = new Map<string, number>();
    for (const r of records) byOutcome.set(r.outcome ?? 'none', (byOutcome.get(r.outcome ?? 'none') ?? 0) + 1);
    const scrapedOutcomes = [...s].filter(([k]) => k.startsWith('dialer_calls_total{'));
    assert.equal(scrapedOutcomes.length, byOutcome.size);
    for (const [outcome, n] of byOutcome) assert.equal(s.get(`dialer_calls_total{campaign="${campaignId}",outcome="${outcome}"}`), n, outcome);
    for (const outcome of ['answered', 'busy', 'no_answer', 'machine']) assert.ok((byOutcome.get(outcome) ?? 0) > 0, `some ${outcome}`);

    const bridged = records.filter((r) => r.answer_at && r.bridge_at);
    const flows = new Set(bridged.map((r) => r.flow));
    for (const flow of flows) {
      const secs = bridged.filter((r) => r.flow === flow).map((r) => (Date.parse(r.bridge_at!) - Date.parse(r.answer_at!)) / 1000);
      const key = (suffix: string, extra = '') => `dialer_answer_to_bridge_seconds_${suffix}{${extra}campaign="${campaignId}",flow="${flow}"}`;
      assert.equal(s.get(key('count')), secs.length, `${flow} count`);
      assert.ok(Math.abs(s.get(key('sum'))! - secs.reduce((a, b) => a + b, 0)) < 1e-6, `${flow} sum`);
      for (const le of ANSWER_TO_BRIDGE_BUCKETS) assert.equal(s.get(key('bucket', `le="${le}",`)), secs.filter((x) => x <= le).length, `${flow} le=${le}`);
    }
    assert.ok(bridged.length > 0 && bridged.length === s.get(`dialer_answer_to_bridge_seconds_count{campaign="${campaignId}",flow="customer-first"}`));

    const abandoned = byOutcome.get('abandoned') ?? 0;
    const rate = abandoned / (abandoned + (byOutcome.get('answered') ?? 0));
    // Every record of this test is from the last 30 days and, at 09:00 UTC (16:00 in Ho Chi Minh City), from today there.
    for (const window of ['all', 'shift', '30d']) assert.equal(s.get(`dialer_abandon_rate{campaign="${campaignId}",window="${window}"}`), rate, window);
    assert.equal(h.engine.snapshotOf(campaignId)!.abandon.campaignRate, rate, 'the same rate the supervisor sees');
  });

  it('when scraped again with nothing new, then the histogram does not count a call twice and nothing names a phone number', async () => {
    const first = await scrape();
    const again = await scrape();
    const key = `dialer_answer_to_bridge_seconds_count{campaign="${campaignId}",flow="customer-first"}`;
    assert.equal(again.get(key), first.get(key));
    assert.doesNotMatch(await metrics.registry.metrics(), /090[0-9]{5}/);
  });
});
