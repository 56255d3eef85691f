import type { Logger } from 'winston';
import type { Campaign } from '../domain/campaign';
import type { UserId } from '../domain/roles';
import type { ActiveCall, AgentSession } from './agent-session';
import type { CallResults } from './call-results';
import type { EngineDeps } from './engine-deps';
import type { LeadSelector } from './lead-selector';

/** Agent-page events, sent besides the full view when something happened the page may want to flash. */
export type AgentEventName =
  | 'customer_handed_over' | 'customer_released' | 'customer_blocked' | 'no_customer' | 'quota_reached' | 'agent_unreachable'
  | 'call_connected' | 'call_ended' | 'line_ready' | 'line_closed';

/** What the mode drivers share with the campaign runner that owns them. */
export interface RunnerContext {
  readonly d: EngineDeps;
  readonly log: Logger;
  readonly campaign: Campaign;
  readonly sessions: ReadonlyMap<UserId, AgentSession>;
  readonly calls: Map<number, ActiveCall>;
  readonly selector: LeadSelector;
  readonly results: CallResults;
  /** The campaign runs and the engine may place calls (recovery done, telephony ready). */
  canDial(): boolean;
  /**
   * An agent just became ready: give work the way the mode does (offer the line; in agent-first modes the next
   * customer when the mode hands them out by itself, or when `asked` says the agent asked for one).
   */
  becameReady(s: AgentSession, asked: boolean): void;
  /** Something the agent page or the supervisors show changed. */
  changed(s?: AgentSession): void;
  /** A wrap-up ended after `ms` (the pacer learns wrap-up times). */
  wrapUpEnded(ms: number): void;
  agentEvent(s: AgentSession, event: AgentEventName, extra?: Record<string, unknown>): void;
  /** A customer call reached an agent or ended: pending leaves and pauses waiting for it may complete. */
  callSettled(attemptId: number): void;
  /** Looks at pending leaves and pauses again (the agent's position changed, or the pacer's periodic look). */
  reviewExits(s?: AgentSession): void;
}
