import assert from 'node:assert/strict';
import { disposeEverything, numbersOf } from './support/campaign-bots';
import { EngineHarness } from './support/engine-harness';



describe('a predictive campaign through the ARI simulator', function () {
  this.timeout(90_000);
  let h: EngineHarness;

  afterEach(async () => { await h?.stop(); });

  it('when 4 agents work 80 contacts (mostly humans, some busy, unanswered or machines), then every contact ends right, lines stay within the cap and abandons are accounted', async () => {
    h = await EngineHarness.start({});
    const agents = [1, 2, 3, 4].map((i) => h.agent(`agent${i}`, String(1000 + i)));
    const c = h.campaign({ dialingMode: 'predictive', agentIds: agents, wrapUpSeconds: 5, maxLinesPerAgent: 3 });
    const numbers = numbersOf([['0901', 64], ['0902', 6], ['0903', 5], ['0906', 5]]);
    h.addLeads(c.id, numbers);
    for (const a of agents) {
      h.bot(a, disposeEverything(h, a));
      h.engine.join(a, c.id);
      h.engine.ready(a, c.id);
    }
    let peakLines = 0;
    let peakLevel = 0;
    const settled = (status: string, lastOutcome: string | null) => !['not_started', 'in_progress'].includes(status)
      && !(status === 'failed_will_retry' && lastOutcome !== 'abandoned');
    const done = await h.run(() => {
      const live = h.engine.snapshotOf(c.id)!;
      peakLines = Math.max(peakLines, live.calls.ringing + live.calls.waiting + live.calls.talking);
      peakLevel = Math.max(peakLevel, live.dialLevel ?? 0);
      return h.leadsOf(c.id).every((l) => settled(l.status, l.lastOutcome));
    }, 3 * 3600_000);
    assert.ok(done, 'the list was worked through');
    assert.ok(peakLines <= 3 * agents.length, `at most 3 lines per agent (saw ${peakLines})`);
    assert.ok(peakLevel > 1, `the pacer dialled ahead of the agents (dial level ${peakLevel})`);

    let abandoned = 0;
    for (const lead of h.leadsOf(c.id)) {
      const prefix = lead.phones[0]!.slice(0, 4);
      const dialled = h.rows<any>('SELECT * FROM dial_attempts WHERE lead_id = ? AND dialing_at IS NOT NULL ORDER BY id', lead.id);
      if (prefix === '0902' || prefix === '0903' || prefix === '0906') {
        assert.deepEqual([lead.status, lead.attempts], ['retries_exhausted', 2], lead.phones[0]);
        if (prefix === '0906') assert.equal(lead.lastOutcome, 'machine', 'answering machines are told apart by AMD');
      } else if (lead.lastOutcome === 'abandoned') {
        abandoned++;
        assert.equal(lead.status, 'failed_will_retry');
        assert.equal(lead.nextCallAt!.getTime() - lead.lastAbandonedAt!.getTime(), 72 * 3600_000, 'locked out for 72 h');
      } else {
        assert.deepEqual([lead.status, lead.attempts], ['success', 1], lead.phones[0]);
      }
      assert.equal(dialled.length, lead.attempts);
      for (const a of dialled) {
        const records = h.rows<any>('SELECT outcome, agent_id, bridge_at FROM call_records WHERE attempt_id = ?', a.id);
        assert.equal(records.length, 1, `one record for attempt ${a.id}`);
        assert.equal(records[0].outcome, a.outcome);
        assert.equal(records[0].agent_id, a.agent_id, 'the record names the agent the customer was connected to');
      }
    }
    const connected = h.rows<any>('SELECT agent_id, COUNT(*) AS n FROM dial_attempts WHERE connected_at IS NOT NULL GROUP BY agent_id');
    assert.equal(connected.length, 4, 'every agent got customers');
    const answered = h.rows<any>("SELECT COUNT(*) AS n FROM dial_attempts WHERE outcome IN ('answered', 'abandoned')")[0].n;
    const live = h.engine.snapshotOf(c.id)!;
    assert.equal(live.abandon.campaignRate, answered ? abandoned / answered : 0);
    assert.equal(live.list.success, numbers.length - 16 - abandoned);
    assert.deepEqual(h.sim.control.errors, []);
  });

  it('when answered customers outnumber the free agents, then the extra ones are abandoned, counted and locked out', async () => {
    h = await EngineHarness.start({ settings: { holdMaxSeconds: 1 } });
    const agent = h.agent('solo', '1001');
    const c = h.campaign({ dialingMode: 'predictive', agentIds: [agent], wrapUpSeconds: 60, maxLinesPerAgent: 3, abandonRateTarget: 0.2 });
    h.addLeads(c.id, numbersOf([['0901', 12]]));
    h.bot(agent, disposeEverything(h, agent));
    h.engine.join(agent, c.id);
    h.engine.ready(agent, c.id);
    await h.run(() => h.leadsOf(c.id).some((l) => l.lastOutcome === 'abandoned'), 600_000);
    const lead = h.leadsOf(c.id).find((l) => l.lastOutcome === 'abandoned');
    assert.ok(lead, 'some customer was abandoned');
    const attempt = h.rows<any>('SELECT * FROM dial_attempts WHERE lead_id = ?', lead.id)[0];
    const record = h.rows<any>('SELECT * FROM call_records WHERE attempt_id = ?', attempt.id)[0];
    assert.equal(record.outcome, 'abandoned');
    assert.equal(record.end_reason, 'abandoned');
    assert.equal(lead.status, 'failed_will_retry');
    assert.ok(h.engine.snapshotOf(c.id)!.abandon.campaignRate > 0);
    await h.run(() => false, 5 * 60_000);
    assert.equal(h.rows<any>('SELECT COUNT(*) AS n FROM dial_attempts WHERE lead_id = ?', lead.id)[0].n, 1, 'not called again within the lock-out');
  });
});
