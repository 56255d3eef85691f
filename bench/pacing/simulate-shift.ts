import { addDuration, emptyDurationStats, type DurationStats } from '../../src/domain/pacing/duration-stats';
import { answerCountsAt, emptyAnswerCounts, recordAttempt, type AnswerCounts } from '../../src/domain/pacing/estimate-answer-rate';
import { PACING_HALF_LIFE_MS } from '../../src/domain/pacing/pacing-settings';
import { emptyRollingAbandonWindow, recordAnsweredOutcome, rollingAbandonCounts, type RollingAbandonWindow } from '../../src/domain/pacing/rolling-abandon-window';
import type { DialPolicy, ShiftDetails, ShiftView } from './dial-policy';
import { EventQueue } from './event-queue';
import { SeededRandom } from './seeded-random';
import { WaitHistogram, type ShiftResult } from './shift-result';
import type { ShiftScenario } from './shift-scenario';

const enum Ev { Tick, Answer, RingOut, HoldTimeout, TalkEnd, WrapEnd, LogOff }
const enum Agent { Ready, Talking, WrapUp, LoggedOut }
const enum Call { Ringing, Waiting, Connected, Done }

const MINUTE_MS = 60_000;
/** An event is one number: subject id × 8 + kind (the id is a call or an agent). */
const KINDS = 8;

/**
 * Discrete-event simulation of one shift: agents logged in from the start (some may log off when the
 * scenario says, each when it is next ready), customer-first calls placed
 * by the policy at each tick, answered customers connected FIFO to the first free agent or
 * abandoned after the hold limit. Each call's fate (answered, ring time, talk time) is drawn in
 * dial order from its own stream, so every policy meets the same customers in the same order.
 */
class ShiftSimulation {
  private readonly q = new EventQueue<number>();
  private readonly callRng: SeededRandom;
  private readonly wrapRng: SeededRandom;
  private readonly agentState: Agent[];
  private readonly agentSince: number[];
  private readonly agentCall: number[];
  private readonly readyAgents: number[] = [];
  private busyMs = 0;
  private loggedIn: number;
  private loggedOutMs = 0;
  private pendingLogOffs = 0;
  private readonly callState: Call[] = [];
  private readonly callDialedAt: number[] = [];
  private readonly callAnsweredAt: number[] = [];
  private readonly callTalkMs: number[] = [];
  private readonly ringing: number[] = [];
  private readonly ringPos: number[] = [];
  private readonly waiting: number[] = [];
  private waitingHead = 0;
  private waitingCount = 0;
  private talking = 0;
  private answerCounts: AnswerCounts = emptyAnswerCounts;
  private recentCounts: AnswerCounts = emptyAnswerCounts;
  private abandoned = 0;
  private connects = 0;
  private ringTime: DurationStats = emptyDurationStats;
  private talkTime: DurationStats = emptyDurationStats;
  private wrapUpTime: DurationStats = emptyDurationStats;
  private rolling: RollingAbandonWindow = emptyRollingAbandonWindow();
  private readonly waits: WaitHistogram;
  private readonly perMinuteAnswered: number[];
  private readonly perMinuteAbandoned: number[];
  private readonly buf = { talking: [] as number[], wrapUp: [] as number[], ringing: [] as number[], waiting: [] as number[] };

  constructor(private readonly s: ShiftScenario, private readonly policy: DialPolicy, private readonly memory: LearningMemory) {
    this.callRng = new SeededRandom(s.seed * 7919 + 1);
    this.wrapRng = new SeededRandom(s.seed * 104729 + 2);
    this.agentState = new Array<Agent>(s.agents).fill(Agent.Ready);
    this.loggedIn = s.agents;
    this.agentSince = new Array<number>(s.agents).fill(0);
    this.agentCall = new Array<number>(s.agents).fill(-1);
    for (let a = s.agents - 1; a >= 0; a--) this.readyAgents.push(a);
    this.waits = new WaitHistogram(s.holdLimitMs);
    const minutes = Math.ceil(s.shiftMs / MINUTE_MS);
    this.perMinuteAnswered = new Array<number>(minutes).fill(0);
    this.perMinuteAbandoned = new Array<number>(minutes).fill(0);
  }

  run(): ShiftResult {
    this.q.push(0, Ev.Tick);
    if (this.s.logOff) this.at(this.s.logOff.atShare * this.s.shiftMs, Ev.LogOff, 0);
    for (let e = this.q.pop(); e && e.time <= this.s.shiftMs; e = this.q.pop()) {
      const id = Math.floor(e.item / KINDS);
      switch ((e.item % KINDS) as Ev) {
        case Ev.Tick: this.tick(e.time); break;
        case Ev.Answer: this.answer(id, e.time); break;
        case Ev.RingOut: this.ringOut(id, e.time); break;
        case Ev.HoldTimeout: this.holdTimeout(id, e.time); break;
        case Ev.TalkEnd: this.talkEnd(id, e.time); break;
        case Ev.WrapEnd: this.wrapEnd(id, e.time); break;
        case Ev.LogOff: this.startLogOffs(e.time); break;
      }
    }
    return this.result();
  }

  private at(time: number, kind: Ev, id: number): void {
    this.q.push(time, id * KINDS + kind);
  }

  private tick(now: number): void {
    const n = Math.max(0, Math.floor(this.policy.decide(this.view(now))));
    for (let i = 0; i < n; i++) this.dial(now);
    if (now + this.s.tickMs <= this.s.shiftMs) this.at(now + this.s.tickMs, Ev.Tick, 0);
  }

  private dial(now: number): void {
    const s = this.s;
    const id = this.callState.length;
    const byHour = s.answerRateByHour;
    let rate = byHour && byHour.length > 0 ? byHour[Math.min(byHour.length - 1, Math.floor(now / 3_600_000))]! : s.answerRate;
    if (s.answerRateStep && now >= s.answerRateStep.atShare * s.shiftMs) rate = s.answerRateStep.rate;
    const isAnswered = this.callRng.next() < rate;
    let ringMs = s.ringTimeoutMs;
    if (isAnswered) {
      do ringMs = this.callRng.lognormal(Math.log(s.ringMedianMs), s.ringSigma); while (ringMs >= s.ringTimeoutMs);
    }
    let talkMean = s.talkMeanMs;
    let talkSigma = s.talkSigma;
    if (s.talkMix) {
      // Drawn for every call, answered or not, so the stream stays aligned across policies.
      let u = this.callRng.next();
      for (const part of s.talkMix) {
        talkMean = part.meanMs;
        talkSigma = part.sigma;
        u -= part.share;
        if (u < 0) break;
      }
    }
    const talkMu = Math.log(talkMean) - (talkSigma * talkSigma) / 2;
    this.callTalkMs.push(Math.max(5000, this.callRng.lognormal(talkMu, talkSigma)));
    this.callState.push(Call.Ringing);
    this.callDialedAt.push(now);
    this.callAnsweredAt.push(-1);
    this.ringPos.push(this.ringing.length);
    this.ringing.push(id);
    this.at(now + ringMs, isAnswered ? Ev.Answer : Ev.RingOut, id);
  }

  private stopRinging(id: number): void {
    const pos = this.ringPos[id]!;
    const last = this.ringing.pop()!;
    if (last !== id) {
      this.ringing[pos] = last;
      this.ringPos[last] = pos;
    }
  }

  private ringOut(id: number, now: number): void {
    this.stopRinging(id);
    this.answerCounts = recordAttempt(this.answerCounts, false, now, this.memory.attempts);
    this.recentCounts = recordAttempt(this.recentCounts, false, now, this.memory.recentAttempts);
    this.callState[id] = Call.Done;
  }

  private answer(id: number, now: number): void {
    this.stopRinging(id);
    this.answerCounts = recordAttempt(this.answerCounts, true, now, this.memory.attempts);
    this.recentCounts = recordAttempt(this.recentCounts, true, now, this.memory.recentAttempts);
    this.ringTime = addDuration(this.ringTime, now - this.callDialedAt[id]!, now, this.memory.durations);
    this.callAnsweredAt[id] = now;
    const agent = this.readyAgents.pop();
    if (agent !== undefined) return this.connect(id, agent, now);
    this.callState[id] = Call.Waiting;
    this.waitingCount += 1;
    this.waiting.push(id);
    this.at(now + this.s.holdLimitMs, Ev.HoldTimeout, id);
  }

  private holdTimeout(id: number, now: number): void {
    if (this.callState[id] !== Call.Waiting) return;
    this.callState[id] = Call.Done;
    this.waitingCount -= 1;
    this.abandoned += 1;
    this.waits.add(this.s.holdLimitMs);
    this.outcome(now, true);
  }

  private outcome(now: number, abandoned: boolean): void {
    this.rolling = recordAnsweredOutcome(this.rolling, { atMs: now, abandoned });
    const minute = Math.min(this.perMinuteAnswered.length - 1, Math.floor(now / MINUTE_MS));
    this.perMinuteAnswered[minute]! += 1;
    if (abandoned) this.perMinuteAbandoned[minute]! += 1;
  }

  private connect(id: number, agent: number, now: number): void {
    if (this.callState[id] === Call.Waiting) this.waitingCount -= 1;
    this.callState[id] = Call.Connected;
    this.talking += 1;
    this.connects += 1;
    this.waits.add(now - this.callAnsweredAt[id]!);
    this.outcome(now, false);
    this.agentState[agent] = Agent.Talking;
    this.agentSince[agent] = now;
    this.agentCall[agent] = id;
    this.at(now + this.callTalkMs[id]!, Ev.TalkEnd, agent);
  }

  private talkEnd(agent: number, now: number): void {
    this.busyMs += now - this.agentSince[agent]!;
    this.talkTime = addDuration(this.talkTime, now - this.agentSince[agent]!, now, this.memory.durations);
    this.callState[this.agentCall[agent]!] = Call.Done;
    this.talking -= 1;
    this.agentState[agent] = Agent.WrapUp;
    this.agentSince[agent] = now;
    const w = this.s.wrapUp;
    this.at(now + Math.min(w.limitMs, w.minMs + this.wrapRng.exponential(w.extraMeanMs)), Ev.WrapEnd, agent);
  }

  private startLogOffs(now: number): void {
    this.pendingLogOffs = Math.min(this.s.logOff?.agents ?? 0, this.loggedIn);
    while (this.pendingLogOffs > 0 && this.readyAgents.length > 0) this.logOff(this.readyAgents.pop()!, now);
  }

  private logOff(agent: number, now: number): void {
    this.pendingLogOffs -= 1;
    this.loggedIn -= 1;
    this.agentState[agent] = Agent.LoggedOut;
    this.loggedOutMs += this.s.shiftMs - now;
  }

  private wrapEnd(agent: number, now: number): void {
    this.busyMs += now - this.agentSince[agent]!;
    this.wrapUpTime = addDuration(this.wrapUpTime, now - this.agentSince[agent]!, now, this.memory.durations);
    if (this.pendingLogOffs > 0) return this.logOff(agent, now);
    while (this.waitingHead < this.waiting.length) {
      const id = this.waiting[this.waitingHead++]!;
      if (this.callState[id] === Call.Waiting) return this.connect(id, agent, now);
    }
    this.agentState[agent] = Agent.Ready;
    this.agentSince[agent] = now;
    this.readyAgents.push(agent);
  }

  private view(now: number): ShiftView {
    return {
      nowMs: now, shiftMs: this.s.shiftMs, agentsLoggedIn: this.loggedIn,
      ready: this.readyAgents.length, talking: this.talking, wrapUp: this.loggedIn - this.readyAgents.length - this.talking,
      ringing: this.ringing.length, waiting: this.waitingCount,
      campaign: { answered: this.connects + this.abandoned, abandoned: this.abandoned },
      details: () => this.details(now),
    };
  }

  private details(now: number): ShiftDetails {
    const b = this.buf;
    b.talking.length = 0;
    b.wrapUp.length = 0;
    b.ringing.length = 0;
    b.waiting.length = 0;
    for (let a = 0; a < this.s.agents; a++) {
      const st = this.agentState[a];
      if (st === Agent.Talking) b.talking.push(now - this.agentSince[a]!);
      else if (st === Agent.WrapUp) b.wrapUp.push(now - this.agentSince[a]!);
    }
    for (const id of this.ringing) b.ringing.push(now - this.callDialedAt[id]!);
    for (let i = this.waitingHead; i < this.waiting.length; i++) {
      const id = this.waiting[i]!;
      if (this.callState[id] === Call.Waiting) b.waiting.push(now - this.callAnsweredAt[id]!);
    }
    return {
      talkingElapsedMs: b.talking, wrapUpElapsedMs: b.wrapUp, ringingElapsedMs: b.ringing, waitingElapsedMs: b.waiting,
      history: {
        attempts: this.answerCounts.attempts, answered: this.answerCounts.answered,
        recent: answerCountsAt(this.recentCounts, now, this.memory.recentAttempts), ringTime: this.ringTime, talkTime: this.talkTime, wrapUpTime: this.wrapUpTime,
        campaign: { answered: this.connects + this.abandoned, abandoned: this.abandoned },
        rolling: rollingAbandonCounts(this.rolling, now),
      },
    };
  }

  /** Minute by minute: answered customers and abandons (for the bench's debugging and tests). */
  perMinute(): { answered: readonly number[]; abandoned: readonly number[] } {
    return { answered: this.perMinuteAnswered, abandoned: this.perMinuteAbandoned };
  }

  private worstHourRate(): number {
    const n = this.perMinuteAnswered.length;
    let worst = 0;
    let ans = 0;
    let ab = 0;
    for (let m = 0; m < n; m++) {
      ans += this.perMinuteAnswered[m]!;
      ab += this.perMinuteAbandoned[m]!;
      if (m >= 60) {
        ans -= this.perMinuteAnswered[m - 60]!;
        ab -= this.perMinuteAbandoned[m - 60]!;
      }
      if (m >= 59 && ans > 0) worst = Math.max(worst, ab / ans);
    }
    return worst;
  }

  private result(): ShiftResult {
    const s = this.s;
    let busy = this.busyMs;
    for (let a = 0; a < s.agents; a++) {
      const st = this.agentState[a];
      if (st === Agent.Talking || st === Agent.WrapUp) busy += s.shiftMs - this.agentSince[a]!;
    }
    const handled = this.connects + this.abandoned;
    return {
      scenario: s.name, policy: this.policy.name, callsPlaced: this.callState.length,
      answered: handled, abandoned: this.abandoned, connects: this.connects,
      occupancy: busy / (s.agents * s.shiftMs - this.loggedOutMs),
      abandonRate: handled > 0 ? this.abandoned / handled : 0,
      worstHourAbandonRate: this.worstHourRate(),
      meanWaitMs: this.waits.mean(), p95WaitMs: this.waits.quantile(0.95),
      connectsPerAgentHour: this.connects / ((s.agents * s.shiftMs - this.loggedOutMs) / 3_600_000),
    };
  }
}

/** Half-lives with which the simulated engine forgets what it learned (see recordAttempt). */
export interface LearningMemory {
  readonly attempts: number;
  readonly recentAttempts: number;
  readonly durations: number;
}

export function simulateShift(scenario: ShiftScenario, policy: DialPolicy, memory: LearningMemory = PACING_HALF_LIFE_MS): ShiftResult {
  return new ShiftSimulation(scenario, policy, memory).run();
}

/** The same, with answered customers and abandons per minute. */
export function simulateShiftByMinute(scenario: ShiftScenario, policy: DialPolicy, memory: LearningMemory = PACING_HALF_LIFE_MS):
  { result: ShiftResult; answered: readonly number[]; abandoned: readonly number[] } {
  const sim = new ShiftSimulation(scenario, policy, memory);
  const result = sim.run();
  return { result, ...sim.perMinute() };
}
