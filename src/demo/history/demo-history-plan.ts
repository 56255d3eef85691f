import type { CallOutcome } from '../../domain/call-outcome';
import type { Campaign } from '../../domain/campaign';
import type { AgentEvent, AgentStateKind } from '../../domain/dialer/agent-session-state';
import { applyCallResult } from '../../domain/dialer/apply-call-result';
import type { ScriptAnswer } from '../../domain/dialer/dial-attempt';
import type { LeadSnapshot } from '../../domain/dialer/lead-snapshot';
import { localTimeAt } from '../../domain/dialer/local-time';
import type { RandomSource } from '../../domain/dialer/seeded-random';
import type { Disposition } from '../../domain/disposition';
import type { EndReason } from '../../domain/flows/flow-types';
import type { Script } from '../../domain/script';
import { localDayStart, nextDateKey } from '../../domain/agent-performance/local-day-span';
import { callResultPolicy } from '../../dialer/campaign-policies';
import { answersFor, between, DISPOSITION_MIX, weighted } from '../agents/demo-agent-choices';

const S = 1000;
const MIN = 60 * S;

export interface PlannedLead { campaignId: number; index: number; phone: string; lead: LeadSnapshot; agentId: number | null }
export interface PlannedAttempt {
  campaignId: number; lead: number; agentId: number | null; mode: string; phone: string;
  claimedAt: number; dialingAt: number; answeredAt: number | null; connectedAt: number | null; endedAt: number;
  outcome: CallOutcome; endReason: EndReason; disposition: Disposition | null; callbackAt: number | null; disposedAt: number | null;
  resultStatus: string; answers: ScriptAnswer[];
  record: { flow: string; dialAt: number; answerAt: number | null; bridgeAt: number | null; dialStatus: string; hangupCause: number; amdStatus: string | null };
}
export interface PlannedChange { campaignId: number; agentId: number; at: number; from: AgentStateKind; to: AgentStateKind; reason: string | null; lead: number | null; event: AgentEvent['type'] }
export interface HistoryPlan { leads: PlannedLead[]; attempts: PlannedAttempt[]; changes: PlannedChange[] }

export interface HistoryInput {
  campaigns: readonly Campaign[];
  scriptOf(id: number): Script | undefined;
  agentIds: readonly number[];
  days: number;
  now: Date;
  random: RandomSource;
}

/** What a dialled customer does when no human answers: outcome, ring time, Dial status and Q.850 cause. */
const UNANSWERED: readonly (readonly [{ outcome: CallOutcome; ringMs: [number, number]; dialStatus: string; cause: number }, number])[] = [
  [{ outcome: 'no_answer', ringMs: [15 * S, 15 * S + 1], dialStatus: 'NOANSWER', cause: 19 }, 45],
  [{ outcome: 'busy', ringMs: [2 * S, 6 * S], dialStatus: 'BUSY', cause: 17 }, 25],
  [{ outcome: 'machine', ringMs: [3 * S, 9 * S], dialStatus: 'ANSWER', cause: 16 }, 18],
  [{ outcome: 'congestion', ringMs: [1 * S, 3 * S], dialStatus: 'CONGESTION', cause: 34 }, 6],
  [{ outcome: 'invalid_number', ringMs: [1 * S, 2 * S], dialStatus: 'CHANUNAVAIL', cause: 1 }, 6],
];

const fresh = (ownerAgentId: number | null): LeadSnapshot => ({
  status: 'not_started', attempts: 0, nextCallAt: null, callbackAt: null, doNotCallUntil: null, lastAbandonedAt: null,
  lastOutcome: null, lastDisposition: null, onDnc: false, onBlacklist: false, timezone: null, ownerAgentId,
});

/**
 * A month of a small call centre, simulated in memory: on each working day (Monday to Saturday, in the campaign's
 * zone) each demo agent works a three-hour shift on one demo campaign: ready, a customer (previewed and dialled in
 * preview, connected by the pacer in predictive), talk, script, disposition, wrap-up, now and then a break. Each
 * call's result goes through the dialer's own rule (applyCallResult), so retries, callbacks and final statuses
 * come out as the engine would have left them. Deterministic for one random source and `now`.
 */
export function planDemoHistory(h: HistoryInput): HistoryPlan {
  const plan: HistoryPlan = { leads: [], attempts: [], changes: [] };
  if (h.days <= 0 || h.campaigns.length === 0) return plan;
  const rnd = h.random;
  // Each campaign's script read once, not once per call.
  const scripts = new Map<number, Script | undefined>();
  const scriptOf = (id: number): Script | undefined => {
    if (!scripts.has(id)) scripts.set(id, h.scriptOf(id));
    return scripts.get(id);
  };
  const input: HistoryInput = { ...h, scriptOf };
  const waiting = new Map<number, PlannedLead[]>(h.campaigns.map((c) => [c.id, []]));
  const zone = h.campaigns[0]!.timezone;
  let day = localTimeAt(new Date(h.now.getTime() - h.days * 86_400_000), zone).dateKey;
  const today = localTimeAt(h.now, zone).dateKey;
  for (let dayIndex = 0; day < today; day = nextDateKey(day), dayIndex++) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 0) continue;
    for (const [n, agentId] of h.agentIds.entries()) {
      if (rnd() < 0.1) continue;
      const c = h.campaigns[(n + dayIndex) % h.campaigns.length]!;
      const morning = rnd() < 0.5;
      const start = localDayStart(day, c.timezone).getTime() + (morning ? 8 * 60 : 13 * 60 + 30) * MIN + between(rnd, 0, 20 * MIN);
      new Shift(input, plan, waiting.get(c.id)!, c, agentId, rnd).work(start, start + 3 * 60 * MIN - between(rnd, 0, 30 * MIN), Math.min(h.now.getTime(), localDayStart(nextDateKey(day), c.timezone).getTime()));
    }
  }
  return plan;
}

/** One agent's shift on one campaign. */
class Shift {
  private state: AgentStateKind = 'offline';
  private t = 0;

  constructor(private readonly h: HistoryInput, private readonly plan: HistoryPlan, private readonly waiting: PlannedLead[],
    private readonly c: Campaign, private readonly agentId: number, private readonly rnd: RandomSource) {}

  private push(to: AgentStateKind, event: AgentEvent['type'], reason: string | null = null, lead: number | null = null): void {
    this.plan.changes.push({ campaignId: this.c.id, agentId: this.agentId, at: this.t, from: this.state, to, reason, lead, event });
    this.state = to;
  }

  work(start: number, end: number, hardEnd: number): void {
    this.t = start;
    this.push('not_ready', 'join', 'joined');
    this.t += between(this.rnd, 30 * S, 3 * MIN);
    if (this.rnd() < 0.08) {
      this.push('not_ready', 'setNotReady', this.rnd() < 0.5 ? 'training' : 'meeting');
      this.t += between(this.rnd, 10 * MIN, 30 * MIN);
    }
    while (this.t < end) {
      this.push('ready', 'setReady');
      const wait = between(this.rnd, 40 * S, 5 * MIN);
      if (this.c.dialingMode === 'predictive') this.pacerCalls(this.t, this.t + wait);
      this.t += wait;
      this.customer();
      if (this.t < end && this.rnd() < 0.07) {
        this.push('not_ready', 'setNotReady', 'break');
        this.t += between(this.rnd, 5 * MIN, 15 * MIN);
      }
    }
    this.t = Math.min(this.t + between(this.rnd, 10 * S, 60 * S), hardEnd - 1);
    this.push('offline', 'leave');
  }

  /** The next lead: a retry or callback that is due, else a fresh one. */
  private take(at: number): PlannedLead {
    let best = -1;
    for (const [i, l] of this.waiting.entries()) {
      const due = l.lead.nextCallAt?.getTime() ?? 0;
      if (due <= at && (best < 0 || due < (this.waiting[best]!.lead.nextCallAt?.getTime() ?? 0))) best = i;
    }
    if (best >= 0) return this.waiting.splice(best, 1)[0]!;
    const index = this.plan.leads.length;
    const l: PlannedLead = { campaignId: this.c.id, index, phone: `+8493${String(1_000_000 + index * 7).padStart(7, '0')}`, lead: fresh(null), agentId: null };
    this.plan.leads.push(l);
    return l;
  }

  /** Predictive: the calls the pacer placed meanwhile that reached nobody, or were abandoned (no agent). */
  private pacerCalls(from: number, to: number): void {
    for (let k = Math.floor(this.rnd() * 3); k > 0; k--) {
      const dial = between(this.rnd, from, to);
      const abandoned = this.rnd() < 0.06;
      const u = weighted(this.rnd, UNANSWERED);
      const ring = between(this.rnd, u.ringMs[0], u.ringMs[1]);
      const l = this.take(dial);
      if (abandoned) {
        this.settle(l, { dial, answer: dial + ring, bridge: null, end: dial + ring + 4 * S, outcome: 'abandoned', endReason: 'abandoned', dialStatus: 'ANSWER', cause: 16, amd: 'HUMAN', agent: null });
      } else {
        this.settle(l, { dial, answer: u.outcome === 'machine' ? dial + ring : null, bridge: null, end: dial + ring + (u.outcome === 'machine' ? 3 * S : 0),
          outcome: u.outcome, endReason: u.outcome === 'machine' ? 'machine' : 'not_reached', dialStatus: u.dialStatus, cause: u.cause, amd: u.outcome === 'machine' ? 'MACHINE' : null, agent: null });
      }
    }
  }

  /** One customer for the agent, from hand-over to the end of the wrap-up. */
  private customer(): void {
    const predictive = this.c.dialingMode === 'predictive';
    const l = this.take(this.t);
    const claimed = this.t;
    if (!predictive) {
      this.push('previewing', 'customerHandedOver', null, l.index);
      this.t += between(this.rnd, 4 * S, 15 * S);
    }
    const dialing = this.t;
    // Agent-first: the agent's phone answers first, then the customer is dialled.
    const dial = predictive ? dialing : dialing + between(this.rnd, 1500, 3000);
    if (!predictive) this.push('ringing', 'callStarted', null, l.index);
    const answered = predictive || this.rnd() < 0.55;
    if (!answered) {
      const u = weighted(this.rnd, UNANSWERED);
      const end = dial + between(this.rnd, u.ringMs[0], u.ringMs[1]);
      this.t = end;
      this.settle(l, { claimed, dialing, dial, answer: u.outcome === 'machine' ? end - 2 * S : null, bridge: null, end, outcome: u.outcome,
        endReason: u.outcome === 'machine' ? 'machine' : 'not_reached', dialStatus: u.dialStatus, cause: u.cause, amd: null, agent: this.agentId });
      this.push('wrap_up', 'callEnded', null, l.index);
      this.t += between(this.rnd, 3 * S, 10 * S);
      this.push('ready', 'wrapUpEnded');
      return;
    }
    const answer = dial + between(this.rnd, 3 * S, 12 * S);
    const bridge = answer + (predictive ? between(this.rnd, 2 * S, 3500) : between(this.rnd, 200, 800));
    if (predictive) {
      this.t = bridge - 1 * S;
      this.push('ringing', 'callStarted', null, l.index);
    }
    this.t = bridge;
    this.push('talking', 'customerConnected', null, l.index);
    const talk = 30 * S + Math.floor(this.rnd() * this.rnd() * 5 * MIN);
    const end = bridge + talk;
    this.t = end;
    this.push('wrap_up', 'callEnded', null, l.index);
    const disposedAt = end + between(this.rnd, 5 * S, 30 * S);
    const disposition = weighted(this.rnd, DISPOSITION_MIX);
    const quarter = 15 * MIN;
    const callbackAt = disposition === 'callback' ? Math.ceil((disposedAt + between(this.rnd, 3 * 3600 * S, 72 * 3600 * S)) / quarter) * quarter : null;
    const script = this.c.scriptId === null ? undefined : this.h.scriptOf(this.c.scriptId);
    this.settle(l, {
      claimed, dialing, dial, answer, bridge, end, outcome: 'answered', endReason: this.rnd() < 0.6 ? 'customer_hangup' : 'agent_hangup',
      dialStatus: 'ANSWER', cause: 16, amd: predictive ? 'HUMAN' : null, agent: this.agentId,
      disposition, disposedAt, callbackAt, answers: script ? answersFor(script, disposition, this.rnd) : [],
    });
    this.t = disposedAt + between(this.rnd, 2 * S, 10 * S);
    this.push('ready', 'wrapUpEnded');
  }

  private settle(l: PlannedLead, a: {
    claimed?: number; dialing?: number; dial: number; answer: number | null; bridge: number | null; end: number; outcome: CallOutcome; endReason: EndReason;
    dialStatus: string; cause: number; amd: string | null; agent: number | null;
    disposition?: Exclude<Disposition, 'skip'>; disposedAt?: number; callbackAt?: number | null; answers?: ScriptAnswer[];
  }): void {
    const settledAt = a.disposedAt ?? a.end;
    const r = applyCallResult({ ...l.lead, status: 'in_progress' },
      { outcome: a.outcome, disposition: a.disposition, callbackAt: a.callbackAt ? new Date(a.callbackAt) : undefined }, callResultPolicy(this.c), new Date(settledAt));
    // The rule refuses nothing here (calling hours are all day in the demo); a refusal keeps the lead as it was.
    if (r.ok) l.lead = r.lead;
    // Sticky campaigns route a contact's later calls to the agent who spoke with them first (CallResults.stickyOwner).
    if (this.c.stickyAgent && l.agentId === null && a.agent !== null && a.bridge !== null) l.agentId = a.agent;
    const predictive = this.c.dialingMode === 'predictive';
    this.plan.attempts.push({
      campaignId: this.c.id, lead: l.index, agentId: a.agent, mode: this.c.dialingMode, phone: l.phone,
      claimedAt: a.claimed ?? a.dial, dialingAt: a.dialing ?? a.dial, answeredAt: a.answer, connectedAt: a.bridge, endedAt: a.end,
      outcome: a.outcome, endReason: a.endReason, disposition: a.disposition ?? null, callbackAt: a.callbackAt ?? null, disposedAt: a.disposedAt ?? null,
      resultStatus: l.lead.status, answers: a.answers ?? [],
      record: { flow: predictive ? 'customer-first' : 'agent-first', dialAt: a.dial, answerAt: a.answer, bridgeAt: a.bridge, dialStatus: a.dialStatus, hangupCause: a.cause, amdStatus: a.amd },
    });
    const s = l.lead.status;
    if (s === 'failed_will_retry' || s === 'callback_scheduled') this.waiting.push(l);
  }
}
