import type { Logger } from 'winston';
import type { Clock, Timers } from '../../domain/clock';
import type { RandomSource } from '../../domain/dialer/seeded-random';
import type { Disposition } from '../../domain/disposition';
import type { Script } from '../../domain/script';
import type { DialerEngine } from '../../dialer/dialer-engine';
import type { AgentView } from '../../dialer/agent-view';
import { DialerError } from '../../errors';
import { answersFor, between, callbackTime, DISPOSITION_MIX, weighted } from './demo-agent-choices';

/** The engine's public methods a simulated agent uses: the ones the agent page's routes call. */
export type DemoAgentEngine = Pick<DialerEngine,
  'campaignsFor' | 'join' | 'leave' | 'ready' | 'notReady' | 'callNow' | 'nextCustomer' | 'hangup' | 'dispose' | 'saveAnswers' | 'view' | 'agentConnected'>;

/** Timing of a simulated agent, in ms (tests shorten nothing: they run on simulated time). */
export interface DemoAgentTiming {
  /** Share of wrap-ups after which the agent takes a short pause. */
  pauseChance: number;
  pauseMs: [number, number];
  talkMs: [number, number];
}

export const DEFAULT_TIMING: DemoAgentTiming = { pauseChance: 0.12, pauseMs: [30_000, 120_000], talkMs: [20_000, 90_000] };

export interface SimulatedAgentDeps {
  engine: DemoAgentEngine;
  timers: Timers;
  clock: Clock;
  random: RandomSource;
  log: Logger;
  timing: DemoAgentTiming;
  scriptOf(scriptId: number): Script | undefined;
  /** Active pause codes (what the agent page offers). */
  pauseCodes(): string[];
}

interface Step { key: string; ms: number; act: () => AgentView | undefined }
interface Call { attemptId: number; disposition: Exclude<Disposition, 'skip'>; talkMs: number; answered: boolean }

/**
 * One demo agent nobody is sitting at: it reacts to its agent view as a person at the agent page would, with
 * human delays. Joins one of the running campaigns it is assigned to, goes ready, calls the
 * previewed customer, talks, fills the script, hangs up, disposes, ends the wrap-up early or takes a pause.
 * At most one timer is armed at a time; `stop` clears it and nothing runs after.
 */
export class SimulatedAgent {
  private timer: unknown = undefined;
  private plannedKey = '';
  private stopped = false;
  private call: Call | null = null;
  private pauseUntil = 0;
  private joinTries = 0;

  /** `turn` spreads the agents over the campaigns: the agent joins the turn-th running one it is assigned to (by id, wrapping). */
  constructor(readonly agentId: number, private readonly turn: number, private readonly d: SimulatedAgentDeps) {}

  start(): void {
    // The simulated agent is "at its page": its absence must not take it out of the campaign.
    this.d.engine.agentConnected(this.agentId);
    this.see(this.d.engine.view(this.agentId));
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  /**
   * Shutting down: stops, hangs up a call in progress and leaves at once, so the drain does not wait for the
   * line of an agent nobody sits at (a predictive agent's line would hold it for all of shutdownDrainSeconds).
   */
  signOff(): void {
    this.stop();
    const v = this.d.engine.view(this.agentId);
    if (!v.campaign) return;
    const campaignId = v.campaign.id;
    this.quietly(() => { if (v.allowed.hangup) this.d.engine.hangup(this.agentId, campaignId); });
    this.quietly(() => this.d.engine.leave(this.agentId, campaignId, true));
  }

  private quietly(move: () => unknown): void {
    try {
      move();
    } catch (err) {
      if (!(err instanceof DialerError)) this.d.log.warn('simulated agent sign-off failed', { agentId: this.agentId, err });
    }
  }

  get armed(): boolean { return this.timer !== undefined; }

  /** A view arrived (pushed, or answered by an action): plans the next move unless the same one is planned. */
  see(view: AgentView): void {
    if (this.stopped) return;
    const step = this.next(view);
    if (step && step.key === this.plannedKey && this.timer !== undefined) return;
    this.cancel();
    if (!step) return;
    this.plannedKey = step.key;
    this.timer = this.d.timers.setTimeout(() => {
      this.timer = undefined;
      this.plannedKey = '';
      this.run(step);
    }, step.ms);
  }

  private cancel(): void {
    if (this.timer !== undefined) this.d.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.plannedKey = '';
  }

  private run(step: Step): void {
    if (this.stopped) return;
    let view: AgentView | undefined;
    try {
      view = step.act();
    } catch (err) {
      // The situation moved on between the view and the move (the customer hung up first): look again.
      if (!(err instanceof DialerError)) this.d.log.warn('simulated agent move failed', { agentId: this.agentId, step: step.key, err });
    }
    this.see(view ?? this.d.engine.view(this.agentId));
  }

  private r(range: readonly [number, number]): number { return between(this.d.random, range[0], range[1]); }

  private next(v: AgentView): Step | undefined {
    const c = v.campaign;
    if (!c) return this.joinStep();
    this.joinTries = 0;
    const e = this.d.engine;
    const id = this.agentId;
    const st = v.state;
    const attemptId = v.customer?.attemptId ?? 0;
    if (v.allowed.dispose && v.customer) return { key: `dispose:${attemptId}`, ms: this.r([3000, 9000]), act: () => this.dispose(c.scriptId, attemptId) };
    if (st.kind === 'talking' && v.allowed.hangup) {
      const call = this.callFor(attemptId);
      return { key: `talk:${attemptId}`, ms: call.talkMs, act: () => { this.fillScript(c.scriptId, call); return e.hangup(id, c.id); } };
    }
    if (st.kind === 'not_ready') {
      const ms = Math.max(1000, this.pauseUntil - this.d.clock.now().getTime());
      return { key: `ready:${st.since}`, ms: this.pauseUntil > 0 ? ms : this.r([1500, 4000]), act: () => { this.pauseUntil = 0; return e.ready(id, c.id); } };
    }
    if (v.pendingExit) return undefined;
    if (v.allowed.callNow) return { key: `call-now:${attemptId}`, ms: this.r([2000, 7000]), act: () => e.callNow(id, c.id) };
    if (st.kind === 'wrap_up') return this.wrapUpStep(c.id, attemptId, st.since);
    if (st.kind === 'ready' && c.mode === 'manual' && v.allowed.nextCustomer && !v.noCustomer) {
      return { key: `next:${st.since}`, ms: this.r([2000, 5000]), act: () => e.nextCustomer(id, c.id) };
    }
    return undefined;
  }

  private joinStep(): Step {
    const ms = this.joinTries === 0 ? this.r([300, 1500]) : this.r([8000, 15_000]);
    return {
      key: `join:${this.joinTries}`, ms,
      act: () => {
        this.joinTries++;
        const open = this.d.engine.campaignsFor(this.agentId).map((x) => x.campaign.id).sort((a, b) => a - b);
        const target = open[this.turn % Math.max(1, open.length)];
        if (target === undefined) return undefined;
        this.d.log.info('simulated agent joins', { agentId: this.agentId, campaignId: target });
        return this.d.engine.join(this.agentId, target);
      },
    };
  }

  private wrapUpStep(campaignId: number, attemptId: number, since: string): Step {
    const codes = this.d.pauseCodes();
    if (codes.length > 0 && this.d.random() < this.d.timing.pauseChance) {
      const code = codes[Math.floor(this.d.random() * codes.length)]!;
      const pauseMs = this.r(this.d.timing.pauseMs);
      return {
        key: `wrap:${attemptId}:${since}`, ms: this.r([2000, 5000]),
        act: () => {
          this.pauseUntil = this.d.clock.now().getTime() + pauseMs;
          return this.d.engine.notReady(this.agentId, campaignId, code);
        },
      };
    }
    return { key: `wrap:${attemptId}:${since}`, ms: this.r([4000, 12_000]), act: () => this.d.engine.nextCustomer(this.agentId, campaignId) };
  }

  /** The plan for this customer: how long the talk lasts and what it comes to, drawn once. */
  private callFor(attemptId: number): Call {
    if (this.call?.attemptId !== attemptId) {
      this.call = { attemptId, disposition: weighted(this.d.random, DISPOSITION_MIX), talkMs: this.r(this.d.timing.talkMs), answered: false };
    }
    return this.call;
  }

  /** The answers the agent types during the call, autosaved as the page does; once per customer. */
  private fillScript(scriptId: number | null, call: Call): void {
    if (call.answered || scriptId === null) return;
    const script = this.d.scriptOf(scriptId);
    call.answered = true;
    if (!script || script.questions.length === 0) return;
    try {
      this.d.engine.saveAnswers(this.agentId, call.attemptId, answersFor(script, call.disposition, this.d.random));
    } catch (err) {
      // Read-only by now (the session moved on): the call goes without answers, as a page that lost them would.
      if (!(err instanceof DialerError)) throw err;
    }
  }

  private dispose(scriptId: number | null, attemptId: number): AgentView {
    const call = this.callFor(attemptId);
    this.fillScript(scriptId, call);
    const e = this.d.engine;
    if (call.disposition === 'callback') {
      try {
        return e.dispose(this.agentId, attemptId, 'callback', callbackTime(this.d.clock.now(), this.d.random)).view;
      } catch (err) {
        // A time outside the campaign's calling hours or end: the agent settles for "interested" instead.
        if (!(err instanceof DialerError) || err.code !== 'E_VALIDATION') throw err;
        call.disposition = 'interested';
      }
    }
    return e.dispose(this.agentId, attemptId, call.disposition).view;
  }
}
