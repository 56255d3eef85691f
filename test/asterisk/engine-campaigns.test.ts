import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { loadOurDialplan, realAsteriskSettings, sharedAsteriskCli, type RealAsteriskSettings } from '../support/asterisk-target';
import { callTable, leaveAll, leftovers, numbers, talkingAgent } from './support/campaign-checks';
import { RealEngine } from './support/real-engine';

const settings = realAsteriskSettings();
const FINAL = ['success', 'retries_exhausted', 'call_error'];

/**
 * Starts an engine of its own and runs `body` on it; the engine is stopped whatever happens. Independent runs
 * share the PBX at once (each engine has its own Stasis app and id prefix), which keeps the tier in its budget.
 */
async function withEngine<T>(s: RealAsteriskSettings, body: (e: RealEngine) => Promise<T>): Promise<T> {
  const e = new RealEngine(s);
  try {
    await e.boot();
    return await body(e);
  } finally {
    await e.stop().catch(() => undefined);
  }
}

const dialled = (e: RealEngine, campaignId: number): number =>
  e.rows<{ n: number }>('SELECT COUNT(*) AS n FROM dial_attempts WHERE campaign_id = ? AND dialing_at IS NOT NULL', campaignId)[0]!.n;

const settle = (e: RealEngine, campaignId: number, ms: number) =>
  e.until(() => e.leadsOf(campaignId).every((l) => FINAL.includes(l.status)), ms, 'every contact settled');

/** Progressive, 2 agents, 40 contacts: every outcome the agent-first flow knows. */
async function progressive40(s: RealAsteriskSettings) {
  return withEngine(s, async (e) => {
    const agents = [e.agent('ann', '1001'), e.agent('ben', '1002')];
    // One attempt each keeps retries out of the budget (the retry gap is a minute at least; proven on the simulator).
    const c = e.campaign({ dialingMode: 'progressive', agentIds: agents, maxAttempts: 1 });
    e.addLeads(c.id, numbers([['0901', 20], ['0907', 4], ['0906', 3], ['0902', 4], ['0903', 2], ['0904', 3], ['0900', 3], ['0777', 1]]));
    for (const a of agents) { talkingAgent(e, a, c.id, { letCustomerHangUp: ['0907'] }); e.engine.join(a, c.id); e.engine.ready(a, c.id); }
    const started = Date.now();
    await settle(e, c.id, 150_000);
    const seconds = (Date.now() - started) / 1000;
    await leaveAll(e, agents, c.id);
    return { leads: e.leadsOf(c.id), table: callTable(e, c.id), dialled: dialled(e, c.id), left: await leftovers(s, e.idPrefix), seconds };
  });
}

/** Predictive, 4 agents, 80 contacts, mostly humans. */
async function predictive80(s: RealAsteriskSettings) {
  return withEngine(s, async (e) => {
    const agents = [1, 2, 3, 4].map((i) => e.agent(`agent${i}`, String(1000 + i)));
    const c = e.campaign({ dialingMode: 'predictive', agentIds: agents, maxAttempts: 1 });
    e.addLeads(c.id, numbers([['0901', 67], ['0906', 4], ['0902', 3], ['0904', 2], ['0900', 2], ['0903', 2]], 100));
    for (const a of agents) { talkingAgent(e, a, c.id); e.engine.join(a, c.id); e.engine.ready(a, c.id); }
    let peak = 0;
    const started = Date.now();
    await e.until(() => {
      const live = e.engine.snapshotOf(c.id)!;
      peak = Math.max(peak, live.calls.ringing + live.calls.waiting + live.calls.talking);
      return e.leadsOf(c.id).every((l) => FINAL.includes(l.status));
    }, 150_000, 'every contact settled');
    const seconds = (Date.now() - started) / 1000;
    await leaveAll(e, agents, c.id);
    return { leads: e.leadsOf(c.id), table: callTable(e, c.id), dialled: dialled(e, c.id), left: await leftovers(s, e.idPrefix), seconds, peak };
  });
}

/** Progressive, 2 agents: the process is killed with a call connected and started again on the same database. */
async function killAndRestart(s: RealAsteriskSettings) {
  return withEngine(s, async (e) => {
    const agents = [e.agent('ann', '1001'), e.agent('ben', '1002')];
    const c = e.campaign({ dialingMode: 'progressive', agentIds: agents });
    e.addLeads(c.id, numbers([['0901', 4], ['0903', 2]], 300));
    for (const a of agents) { e.engine.join(a, c.id); e.engine.ready(a, c.id); }
    await e.until(() => agents.some((a) => e.engine.view(a).call?.phase === 'connected'), 30_000, 'a connected call');
    await e.kill();
    const orphans = await leftovers(s, e.idPrefix);
    await e.boot();
    const openAfterBoot = e.rows("SELECT id FROM dial_attempts WHERE state <> 'ended'");
    const inProgressAfterBoot = e.leadsOf(c.id).filter((l) => l.status === 'in_progress');
    await e.until(() => e.telephony.runner.active === 0, 10_000, 'nothing running');
    await new Promise((r) => setTimeout(r, 1000));
    const leftAfterBoot = await leftovers(s, e.idPrefix);
    for (const a of agents) { talkingAgent(e, a, c.id); e.engine.ready(a, c.id); }
    // Calls that were ringing when the process died count as not answered and wait a retry minute: not awaited here.
    await e.until(() => e.leadsOf(c.id).every((l) => l.status !== 'not_started' && l.status !== 'in_progress'), 60_000, 'every contact dialled');
    const twice = e.rows('SELECT attempt_id, COUNT(*) AS n FROM call_records WHERE attempt_id IS NOT NULL GROUP BY attempt_id HAVING n > 1');
    await leaveAll(e, agents, c.id);
    return { orphans, openAfterBoot, inProgressAfterBoot, leftAfterBoot, twice };
  });
}

/** Predictive, 3 agents on their lines, 24 contacts, in its own engine: what the same PBX restart does to it. */
function predictiveBesideTheRestart(q: RealEngine) {
  const agents = [1, 2, 3].map((i) => q.agent(`line${i}`, String(1010 + i)));
  const c = q.campaign({ dialingMode: 'predictive', agentIds: agents, maxAttempts: 1 });
  q.addLeads(c.id, numbers([['0901', 22], ['0902', 2]], 700));
  for (const a of agents) { talkingAgent(q, a, c.id, { talkMs: 1000 }); q.engine.join(a, c.id); q.engine.ready(a, c.id); }
  return {
    underway: () => q.leadsOf(c.id).filter((l) => FINAL.includes(l.status)).length >= 3 && agents.some((a) => q.engine.view(a).state.kind === 'talking'),
    finish: async () => {
      await settle(q, c.id, 60_000);
      await leaveAll(q, agents, c.id);
      return {
        leads: q.leadsOf(c.id),
        // Set not ready for their phone or their line, rather than for the telephony outage: the agents were blamed.
        blamed: q.rows<{ reason: string }>("SELECT reason FROM agent_state_changes WHERE reason IN ('no answer', 'line closed')").map((r) => r.reason),
        lost: q.rows<{ n: number }>("SELECT COUNT(*) AS n FROM agent_state_changes WHERE reason = 'telephony lost'")[0]!.n,
        customersDialled: q.rows<{ n: number }>('SELECT COUNT(*) AS n FROM dial_attempts WHERE campaign_id = ? AND outcome IS NOT NULL', c.id)[0]!.n,
        open: q.rows("SELECT id FROM dial_attempts WHERE state <> 'ended'"), left: await leftovers(q.target, q.idPrefix),
      };
    },
  };
}

/**
 * Progressive, 2 agents, 16 contacts, and beside it a predictive campaign in a second engine: `core restart now` once
 * a few are done and calls are connected. Records the progressive engine's telephony status through the run (polled)
 * and at every originate (see RealEngine.originated).
 */
async function pbxRestartMidCampaign(s: RealAsteriskSettings) {
  return withEngine(s, async (q) => withEngine(s, async (e) => {
    const beside = predictiveBesideTheRestart(q);
    const agents = [e.agent('ann', '1001'), e.agent('ben', '1002')];
    const c = e.campaign({ dialingMode: 'progressive', agentIds: agents, maxAttempts: 1 });
    e.addLeads(c.id, numbers([['0901', 12], ['0902', 2], ['0904', 2]], 500));
    let noAnswer = 0;
    for (const a of agents) { talkingAgent(e, a, c.id, { talkMs: 1000, onNoAnswer: () => noAnswer++ }); e.engine.join(a, c.id); e.engine.ready(a, c.id); }
    const statuses: { at: number; status: string }[] = [];
    const poll = setInterval(() => {
      const status = e.telephony.port.status;
      if (statuses.at(-1)?.status !== status) statuses.push({ at: Date.now(), status });
    }, 10);
    try {
      await e.until(() => e.leadsOf(c.id).filter((l) => FINAL.includes(l.status)).length >= 4
        && agents.some((a) => e.engine.view(a).call?.phase === 'connected') && beside.underway(), 60_000, 'a few contacts done and calls connected');
      const restartAt = Date.now();
      await new Promise<void>((resolve, reject) => execFile(sharedAsteriskCli, ['--port', String(s.port), 'core restart now'], (err) => (err ? reject(err) : resolve())));
      await e.until(() => e.telephony.port.status !== 'ready', 15_000, 'telephony to notice the restart');
      await e.until(() => e.telephony.port.status === 'ready' && q.telephony.port.status === 'ready', 30_000, 'telephony back after the restart');
      const backAt = Date.now();
      const predictive = beside.finish();
      await settle(e, c.id, 60_000).catch((err: Error) => {
        const views = agents.map((a) => { const v = e.engine.view(a); return `${v.state.kind}/${v.state.reason}/${v.call?.phase}/${v.customer?.status}`; });
        throw new Error(`${err.message}: contacts ${e.leadsOf(c.id).map((l) => `${l.phones[0]}=${l.status}`).join(' ')}; agents ${views.join(' ')}; telephony ${e.telephony.port.status}; `
          + `statuses ${statuses.map((x) => `${x.status}@${x.at - restartAt}`).join(' ')}; originated ${e.originated.map((o) => `${o.status}@${o.at - restartAt}`).join(' ')}`);
      });
      await leaveAll(e, agents, c.id);
      return {
        restartAt, backAt, statuses, noAnswer, originated: [...e.originated], leads: e.leadsOf(c.id),
        customersDialled: e.rows<{ n: number }>('SELECT COUNT(*) AS n FROM dial_attempts WHERE campaign_id = ? AND outcome IS NOT NULL', c.id)[0]!.n,
        agentUnreachable: e.rows<{ n: number }>("SELECT COUNT(*) AS n FROM dial_attempts WHERE campaign_id = ? AND end_reason = 'agent_unreachable'", c.id)[0]!.n,
        reasons: e.rows<{ r: string; n: number; t: number }>("SELECT end_reason || '/' || ifnull(outcome, '-') AS r, COUNT(*) AS n, MIN(julianday(claimed_at)) AS t FROM dial_attempts WHERE campaign_id = ? GROUP BY 1", c.id).map((x) => `${x.r}=${x.n}`).join(' '),
        unrecorded: e.rows(`SELECT a.id FROM dial_attempts a WHERE a.campaign_id = ? AND a.dialing_at IS NOT NULL
          AND (SELECT COUNT(*) FROM call_records r WHERE r.attempt_id = a.id) <> 1`, c.id),
        open: e.rows("SELECT id FROM dial_attempts WHERE state <> 'ended'"), left: await leftovers(s, e.idPrefix),
        predictive: await predictive,
      };
    } finally {
      clearInterval(poll);
    }
  }));
}

if (!settings) {
  process.stdout.write('real-Asterisk engine campaigns skipped: DIALER_IT_ARI_URL not set\n');
} else {
  describe('whole campaigns on real Asterisk', function () {
    this.timeout(200_000);
    let runs: { progressive: ReturnType<typeof progressive40>; predictive: ReturnType<typeof predictive80>; killed: ReturnType<typeof killAndRestart> };
    before(function () {
      this.timeout(20_000);
      loadOurDialplan(settings.port);
      // The three runs are independent, so they share the PBX at once; each test below awaits its own.
      runs = { progressive: progressive40(settings), predictive: predictive80(settings), killed: killAndRestart(settings) };
      for (const p of Object.values(runs)) p.catch(() => undefined);
    });

    it('when 2 agents work a progressive list of 40 across every outcome, then every contact ends right, each record matches what the PBX did and nothing of ours is left', async () => {
      const r = await runs.progressive;
      process.stdout.write(`      progressive: 40 contacts in ${r.seconds.toFixed(1)} s\n`);
      assert.equal(r.leads.length, 40);
      // status attempts outcome | records outcome cause DialStatus AMD end-reason. With Local channels our leg sees
      // no cause for busy and congestion (reference README): the record takes the one the Dial status stands for.
      assert.deepEqual(r.table, {
        '0901': ['success 1 answered | 1 answered 16 ANSWER - agent_hangup'],
        '0906': ['success 1 answered | 1 answered 16 ANSWER - agent_hangup'],
        '0907': ['success 1 answered | 1 answered 16 ANSWER - customer_hangup'],
        '0902': ['retries_exhausted 1 busy | 1 busy 17 BUSY - not_reached'],
        '0903': ['retries_exhausted 1 no_answer | 1 no_answer 19 - - not_reached'],
        '0904': ['retries_exhausted 1 congestion | 1 congestion 34 CONGESTION - not_reached'],
        '0900': ['call_error 1 invalid_number | 1 invalid_number 1 - - not_reached'],
        '0777': ['call_error 1 failed | 1 failed 16 - - not_reached'],
      });
      assert.equal(r.dialled, 40, 'every contact was dialled once');
      assert.deepEqual(r.leads.map((l) => l.attempts), r.leads.map(() => 1));
      assert.deepEqual(r.left, []);
    });

    it('when 4 agents work a predictive list of 80, mostly humans, then every contact ends right within the line cap and nothing of ours is left', async () => {
      const r = await runs.predictive;
      process.stdout.write(`      predictive: 80 contacts in ${r.seconds.toFixed(1)} s, peak ${r.peak} lines\n`);
      assert.ok(r.peak <= 12, `lines within 3 per agent (${r.peak})`);
      assert.equal(r.leads.length, 80);
      assert.deepEqual(r.leads.map((l) => l.attempts), r.leads.map(() => 1));
      assert.equal(r.dialled, 80, 'every contact was dialled once');
      // A human either reached an agent, or waited past the hold limit and was abandoned (safe-harbor prompt).
      const human = 'success 1 answered | 1 answered 16 ANSWER HUMAN agent_hangup';
      const abandoned = /^retries_exhausted 1 abandoned \| 1 abandoned \d+ ANSWER HUMAN abandoned$/;
      const { '0901': humans = [], ...others } = r.table;
      assert.ok(humans.includes(human), humans.join('; '));
      for (const line of humans) assert.ok(line === human || abandoned.test(line), line);
      assert.deepEqual(others, {
        '0906': ['retries_exhausted 1 machine | 1 machine 16 ANSWER MACHINE machine'],
        '0902': ['retries_exhausted 1 busy | 1 busy 17 BUSY - not_reached'],
        '0903': ['retries_exhausted 1 no_answer | 1 no_answer 19 - - not_reached'],
        '0904': ['retries_exhausted 1 congestion | 1 congestion 34 CONGESTION - not_reached'],
        '0900': ['call_error 1 invalid_number | 1 invalid_number 1 - - not_reached'],
      });
      assert.deepEqual(r.left, []);
    });

    it('when the dialer dies mid-campaign and starts again, then its orphans are hung up, nothing stays in progress and no attempt is dialled twice', async () => {
      const r = await runs.killed;
      assert.notDeepEqual(r.orphans, [], 'the dead process left calls behind');
      assert.deepEqual(r.openAfterBoot, []);
      assert.deepEqual(r.inProgressAfterBoot, []);
      assert.deepEqual(r.leftAfterBoot, [], 'the orphans were hung up');
      assert.deepEqual(r.twice, [], 'one call per attempt');
    });
  });

  describe('a PBX restart in the middle of a campaign on real Asterisk', function () {
    this.timeout(150_000);

    it('when Asterisk restarts mid-campaign, then dialing pauses from the first sign of the shutdown, resumes after the reconnect with the agents still working, nothing stays in progress and the campaign finishes', async () => {
      const r = await pbxRestartMidCampaign(settings);
      const down = r.statuses.find((x) => x.at >= r.restartAt && x.status !== 'ready');
      process.stdout.write(`      restart: telephony ${r.statuses.map((x) => `${x.status}@+${((x.at - r.restartAt) / 1000).toFixed(1)}s`).join(' ')}; `
        + `${r.originated.filter((o) => o.at < r.restartAt).length} originates before, ${r.originated.filter((o) => o.at >= r.backAt).length} after; `
        + `${r.agentUnreachable} agent rings failed, agents set not ready for no answer ${r.noAnswer} time(s); attempts ${r.reasons}\n`);
      assert.deepEqual(r.originated.filter((o) => o.status !== 'ready'), [], 'nothing originated while telephony was not ready');
      assert.ok(down, 'telephony noticed the restart');
      assert.ok(r.originated.some((o) => o.at >= r.backAt), 'dialing resumed after the reconnect');
      // Rings the PBX refused while going away are not the agents' fault: they stay ready and nobody presses anything.
      assert.deepEqual([r.agentUnreachable, r.noAnswer], [0, 0], 'no agent blamed for the restart');
      assert.deepEqual(r.leads.filter((l) => !FINAL.includes(l.status)), [], 'every contact ended, none in progress');
      assert.deepEqual(r.leads.map((l) => l.attempts), r.leads.map(() => 1), 'one attempt each');
      assert.equal(r.customersDialled, 16, 'each customer dialled once');
      assert.deepEqual(r.unrecorded, [], 'one call record per dialled attempt');
      assert.deepEqual(r.open, []);
      assert.deepEqual(r.left, []);

      // The predictive campaign beside it: lines lost with the restart come back by themselves, nobody is blamed.
      const p = r.predictive;
      process.stdout.write(`      predictive beside it: ${p.lost} agent state change(s) for the outage, blamed ${p.blamed.length}\n`);
      assert.deepEqual(p.blamed, [], 'no agent set not ready for their phone or their line');
      assert.deepEqual(p.leads.filter((l) => !FINAL.includes(l.status)), [], 'every predictive contact ended');
      assert.deepEqual(p.leads.map((l) => l.attempts), p.leads.map(() => 1));
      assert.equal(p.customersDialled, 24, 'each predictive customer dialled once');
      assert.deepEqual([p.open, p.left], [[], []]);
    });
  });
}
