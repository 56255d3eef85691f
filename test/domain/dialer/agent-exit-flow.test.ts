import assert from 'node:assert/strict';
import {
  decide, evolve, initialExit, type AgentExit, type ExitEffect, type ExitInput, type ExitPosition, type ExitState,
} from '../../../src/domain/dialer/agent-exit-flow';

const leave: AgentExit = { kind: 'leave' };
const pause: AgentExit = { kind: 'not_ready', reason: 'break' };
const ask = (exit: AgentExit, position: ExitPosition, inFlight: number[] = [], o: { force?: boolean; customerFirst?: boolean } = {}): ExitInput =>
  ({ type: 'requested', exit, force: o.force ?? false, customerFirst: o.customerFirst ?? true, position, inFlight });
const pending = (exit: AgentExit, waitingFor: number[]): ExitState => ({ kind: 'pending', exit, waitingFor });
const exitNow = (exit: AgentExit): ExitEffect => ({ kind: 'exitNow', exit });
const rejected = (reason: 'on_a_call' | 'in_wrap_up' | 'reason_required'): ExitEffect => ({ kind: 'rejected', reason });
const settled = (attemptId: number, position: ExitPosition): ExitInput => ({ type: 'callSettled', attemptId, position });

type Row = [string, ExitState, ExitInput, ExitEffect[], ExitState];
const rows: Row[] = [
  // Asking, customer first (predictive, IVR transfer).
  ['an idle agent asks to leave with customers in flight', initialExit, ask(leave, 'idle', [11, 12]), [], pending(leave, [11, 12])],
  ['an idle agent asks to leave with nobody in flight', initialExit, ask(leave, 'idle'), [exitNow(leave)], initialExit],
  ['an idle agent asks for a break with customers in flight', initialExit, ask(pause, 'idle', [11]), [], pending(pause, [11])],
  ['an idle agent asks for a break with nobody in flight', initialExit, ask(pause, 'idle'), [exitNow(pause)], initialExit],
  ['an agent without a line (away) asks to leave while customers are in flight', initialExit, ask(leave, 'away', [11]), [exitNow(leave)], initialExit],
  ['an agent in wrap-up asks to leave with nobody in flight', initialExit, ask(leave, 'wrap_up'), [], pending(leave, [])],
  ['an agent in wrap-up asks to leave with customers in flight', initialExit, ask(leave, 'wrap_up', [11]), [], pending(leave, [11])],
  ['an agent in wrap-up asks for a break with nobody in flight', initialExit, ask(pause, 'wrap_up'), [exitNow(pause)], initialExit],
  ['an agent in wrap-up asks for a break with customers in flight', initialExit, ask(pause, 'wrap_up', [11]), [{ kind: 'endWrapUp' }], pending(pause, [11])],
  ['an agent whose line was just handed to a customer asks to leave', initialExit, ask(leave, 'connecting'), [], pending(leave, [])],
  ['a pending leave is looked at while a customer is being put through', pending(leave, []), { type: 'review', position: 'connecting' }, [], pending(leave, [])],
  ['an agent on a call asks to leave', initialExit, ask(leave, 'on_call', [11]), [rejected('on_a_call')], initialExit],
  ['an agent on a call asks for a break', initialExit, ask(pause, 'on_call', [11]), [rejected('on_a_call')], initialExit],
  ['an agent on a call forces a leave', initialExit, ask(leave, 'on_call', [11], { force: true }), [exitNow(leave)], initialExit],
  ['an agent forces a leave while customers are in flight', initialExit, ask(leave, 'idle', [11], { force: true }), [exitNow(leave)], initialExit],
  ['a pending leave is forced', pending(leave, [11]), ask(leave, 'idle', [11], { force: true }), [exitNow(leave)], initialExit],
  ['a break is asked without a reason', initialExit, ask({ kind: 'not_ready', reason: ' ' }, 'idle', [11]), [rejected('reason_required')], initialExit],
  // Asking again while pending keeps the first list of customers.
  ['a pending break becomes a leave', pending(pause, [11]), ask(leave, 'idle', [11, 12, 13]), [], pending(leave, [11])],
  ['a pending leave becomes a break after its customers are gone', pending(leave, []), ask(pause, 'wrap_up'), [exitNow(pause)], initialExit],
  // Agent first (preview, progressive, manual): nothing is dialed ahead of an agent.
  ['an agent-first agent asks to leave', initialExit, ask(leave, 'idle', [11], { customerFirst: false }), [exitNow(leave)], initialExit],
  ['an agent-first agent asks to leave in wrap-up', initialExit, ask(leave, 'wrap_up', [], { customerFirst: false }), [rejected('in_wrap_up')], initialExit],
  ['an agent-first agent asks for a break in wrap-up', initialExit, ask(pause, 'wrap_up', [], { customerFirst: false }), [exitNow(pause)], initialExit],
  // Customers settling.
  ['one of two awaited customers reaches an agent', pending(leave, [11, 12]), settled(11, 'idle'), [], pending(leave, [12])],
  ['the last awaited customer ends while the agent is idle', pending(leave, [12]), settled(12, 'idle'), [exitNow(leave)], initialExit],
  ['the last awaited customer is connected to this agent', pending(pause, [12]), settled(12, 'on_call'), [], pending(pause, [])],
  ['the last awaited customer ends while the agent wraps up', pending(leave, [12]), settled(12, 'wrap_up'), [], pending(leave, [])],
  ['a call not awaited ends', pending(leave, [12]), settled(99, 'idle'), [], pending(leave, [12])],
  ['a call ends with no exit pending', initialExit, settled(12, 'idle'), [], initialExit],
  // The agent's position changing.
  ['the wrap-up ends with nobody left in flight', pending(leave, []), { type: 'review', position: 'idle' }, [exitNow(leave)], initialExit],
  ['the wrap-up ends with an awaited customer still in flight', pending(leave, [12]), { type: 'review', position: 'idle' }, [], pending(leave, [12])],
  ['the agent stops taking customers (line lost, campaign paused)', pending(pause, [12]), { type: 'review', position: 'away' }, [exitNow(pause)], initialExit],
  ['a review finds the agent on a call', pending(leave, []), { type: 'review', position: 'on_call' }, [], pending(leave, [])],
  ['a review with no exit pending', initialExit, { type: 'review', position: 'away' }, [], initialExit],
  ['the agent presses ready while a break is pending', pending(pause, [12]), { type: 'cancel' }, [], initialExit],
];

describe('agent exit decider (graceful leave and not ready)', () => {
  for (const [what, state, input, effects, next] of rows) {
    const outcome = effects.map((e) => (e.kind === 'exitNow' ? `${e.exit.kind} now` : e.kind === 'rejected' ? `refused (${e.reason})` : e.kind)).join(' + ')
      || (next.kind === 'pending' ? `pending, awaiting [${next.waitingFor.join(', ')}]` : 'nothing pending');
    it(`when ${what}, then ${outcome}`, () => {
      assert.deepEqual(decide(state, input), effects);
      assert.deepEqual(evolve(state, input), next);
    });
  }

  it('when customers in flight settle one by one, then the leave completes exactly when the last one is gone and the agent is idle', () => {
    let s = evolve(initialExit, ask(leave, 'idle', [1, 2, 3]));
    const inputs: ExitInput[] = [settled(1, 'on_call'), settled(2, 'wrap_up'), { type: 'review', position: 'idle' }, settled(3, 'idle')];
    const seen: ExitEffect[][] = [];
    for (const i of inputs) { seen.push(decide(s, i)); s = evolve(s, i); }
    assert.deepEqual(seen, [[], [], [], [exitNow(leave)]]);
    assert.deepEqual(s, initialExit);
  });
});
