/** What the agent asked for: leave the campaign, or go not ready with a reason (a break, the end of a shift). */
export type AgentExit = { kind: 'leave' } | { kind: 'not_ready'; reason: string };

/**
 * A leave or pause the agent asked for and that waits for customers already on their way to them. `waitingFor`
 * holds the customer calls (attempt ids) that were in flight (ringing or on hold, not yet with an agent) when the
 * agent asked: they were dialed while this agent counted as supply, so they may still come to this agent.
 */
export type ExitState =
  | { kind: 'none' }
  | { kind: 'pending'; exit: AgentExit; waitingFor: readonly number[] };

/**
 * Where the agent is, as far as an exit cares: `idle` ready with the line offered (a customer can come now),
 * `connecting` ready with the line just handed to a customer (the connect is on its way), `wrap_up` after a
 * call (back for customers when it ends), `on_call` ringing or talking, `away` taking no customers at all (not
 * ready, paused, previewing, no line).
 */
export type ExitPosition = 'idle' | 'connecting' | 'wrap_up' | 'on_call' | 'away';

export type ExitInput =
  /**
   * The agent asks. `customerFirst`: the campaign dials customers before it has an agent for them (predictive,
   * IVR transfer), so customers may be in flight for this agent; `inFlight` are those calls now.
   */
  | { type: 'requested'; exit: AgentExit; force: boolean; customerFirst: boolean; position: ExitPosition; inFlight: readonly number[] }
  /** A customer call reached an agent (anyone) or ended: it no longer waits for this one. */
  | { type: 'callSettled'; attemptId: number; position: ExitPosition }
  /** The agent's position changed (a wrap-up ended, the line went, the campaign paused), or a periodic look. */
  | { type: 'review'; position: ExitPosition }
  /** The agent pressed ready again: they stay. */
  | { type: 'cancel' };

export type ExitRejection = 'on_a_call' | 'in_wrap_up' | 'reason_required';

export type ExitEffect =
  /** Carry the exit out now: the agent leaves, or goes not ready with the reason. */
  | { kind: 'exitNow'; exit: AgentExit }
  /** Not ready pressed in wrap-up ends the wrap-up, as always; the customers in flight come first. */
  | { kind: 'endWrapUp' }
  | { kind: 'rejected'; reason: ExitRejection };

export const initialExit: ExitState = { kind: 'none' };

export function decide(state: ExitState, input: ExitInput): ExitEffect[] {
  return step(state, input).effects;
}

export function evolve(state: ExitState, input: ExitInput): ExitState {
  return step(state, input).state;
}

type Step = { state: ExitState; effects: ExitEffect[] };

const now = (exit: AgentExit): Step => ({ state: initialExit, effects: [{ kind: 'exitNow', exit }] });
const rejected = (state: ExitState, reason: ExitRejection): Step => ({ state, effects: [{ kind: 'rejected', reason }] });

/**
 * Graceful leave and not-ready. In customer-first modes a leave or pause stops new dials for the agent at once
 * (a pending agent is no supply for the pacer), but the customers dialed before the request may still be handed
 * to them; the exit completes when none of those is left in flight and the agent is idle, or as soon as the
 * agent takes no customers anyway. `force` exits at once. In agent-first modes nothing is dialed ahead of an
 * agent, so the exit happens at once, as it always did (and leaving during a call or wrap-up stays refused).
 */
function step(state: ExitState, input: ExitInput): Step {
  switch (input.type) {
    case 'requested':
      return requested(state, input);
    case 'callSettled': {
      if (state.kind !== 'pending') return { state, effects: [] };
      const waitingFor = state.waitingFor.filter((id) => id !== input.attemptId);
      return settle({ ...state, waitingFor }, input.position);
    }
    case 'review':
      return state.kind === 'pending' ? settle(state, input.position) : { state, effects: [] };
    case 'cancel':
      return { state: initialExit, effects: [] };
  }
}

function requested(state: ExitState, input: Extract<ExitInput, { type: 'requested' }>): Step {
  const { exit, position } = input;
  if (exit.kind === 'not_ready' && exit.reason.trim() === '') return rejected(state, 'reason_required');
  if (input.force) return now(exit);
  if (position === 'on_call') return rejected(state, 'on_a_call');
  if (!input.customerFirst) return exit.kind === 'leave' && position === 'wrap_up' ? rejected(state, 'in_wrap_up') : now(exit);
  // Customers dialed for this agent: the ones in flight when they first asked (a second request keeps that list).
  const waitingFor = state.kind === 'pending' ? state.waitingFor : position === 'away' ? [] : input.inFlight;
  const pending: ExitState = { kind: 'pending', exit, waitingFor };
  if (position === 'wrap_up' && exit.kind === 'not_ready') {
    // As before, not ready ends the wrap-up; with nobody in flight the agent is simply not ready now.
    return waitingFor.length === 0 ? now(exit) : { state: pending, effects: [{ kind: 'endWrapUp' }] };
  }
  // A leave in wrap-up waits for its end (the disposition is still to be given), then for the customers in flight.
  if (position === 'wrap_up') return { state: pending, effects: [] };
  // Idle: at once when nobody is in flight. Connecting (a customer is being put through): after that call.
  return settle(pending, position);
}

function settle(state: Extract<ExitState, { kind: 'pending' }>, position: ExitPosition): Step {
  const done = position === 'away' || (position === 'idle' && state.waitingFor.length === 0);
  return done ? now(state.exit) : { state, effects: [] };
}
