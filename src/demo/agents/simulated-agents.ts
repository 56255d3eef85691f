import type { Logger } from 'winston';
import type { AgentView } from '../../dialer/agent-view';
import { DEFAULT_TIMING, SimulatedAgent, type SimulatedAgentDeps } from './simulated-agent';

const LOOK_AGAIN_MS = 15_000;

export interface SimulatedAgentsDeps extends Omit<SimulatedAgentDeps, 'timing' | 'log'> {
  log: Logger;
  timing?: SimulatedAgentDeps['timing'];
  /** The agents to drive; the i-th joins the i-th running campaign it is assigned to (wrapping), so they spread out. */
  agentIds: readonly number[];
}

/**
 * Demo mode's simulated agents: every demo agent nobody is sitting at, driven from the agent views the engine
 * pushes (the composition root passes each user message to `heard`) and a slow look-again in case a push was missed. `stop`
 * clears every timer and signs them off: nothing of theirs runs once the engine and the database are gone.
 */
export class SimulatedAgents {
  private readonly agents = new Map<number, SimulatedAgent>();
  private lookTimer: unknown = undefined;
  private running = false;
  private readonly log: Logger;

  constructor(private readonly d: SimulatedAgentsDeps) {
    const log = d.log.child({ component: 'demo-agents' });
    this.log = log;
    for (const [i, id] of d.agentIds.entries()) this.agents.set(id, new SimulatedAgent(id, i + 1, { ...d, log, timing: d.timing ?? DEFAULT_TIMING }));
  }

  get ids(): number[] { return [...this.agents.keys()]; }

  /** Armed timers (the look-again included): zero once stopped. */
  get armedTimers(): number {
    return [...this.agents.values()].filter((a) => a.armed).length + (this.lookTimer === undefined ? 0 : 1);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const a of this.agents.values()) a.start();
    this.armLook();
  }

  /** Clears every timer, then each agent hangs up and leaves (call it before telephony drains, while the engine runs). */
  stop(): void {
    this.running = false;
    if (this.lookTimer !== undefined) this.d.timers.clearTimeout(this.lookTimer);
    this.lookTimer = undefined;
    for (const a of this.agents.values()) a.stop();
    for (const a of this.agents.values()) a.signOff();
  }

  /** A person logged in as this agent (their page connected): the simulation lets go of it for the rest of the run. */
  release(agentId: number): void {
    const a = this.agents.get(agentId);
    if (!a) return;
    a.stop();
    this.agents.delete(agentId);
    this.log.info('simulated agent released: a person logged in as it', { agentId });
  }

  /** A message for a user: an agent view of a simulated agent is what it reacts to. */
  heard(userId: number, message: unknown): void {
    if (!this.running) return;
    const a = this.agents.get(userId);
    const m = message as { type?: string; view?: AgentView };
    if (a && m.type === 'agent.view' && m.view) a.see(m.view);
  }

  private armLook(): void {
    this.lookTimer = this.d.timers.setTimeout(() => {
      this.lookTimer = undefined;
      if (!this.running) return;
      for (const a of this.agents.values()) a.see(this.d.engine.view(a.agentId));
      this.armLook();
    }, LOOK_AGAIN_MS);
  }
}
