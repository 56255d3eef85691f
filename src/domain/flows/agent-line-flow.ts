import { defineFlow, legEndReason, type Effect, type FlowDefinition, type FlowInput, type Step } from './flow-types';
import { SAFETY_MARGIN_MS } from './agent-first-flow';

/**
 * Agent line: ring the agent once per session and keep the answered channel parked alone in the
 * agent's own mixing bridge. Customer flows add their customer to that bridge (no ringing, which
 * predictive mode needs) and leave it when they end; the line lasts until the agent hangs up or
 * the session closes it (cancel).
 */
export interface AgentLineOptions {
  extension: string;
  ringTimeoutSeconds: number;
}

type Phase = 'idle' | 'ringing' | 'parked' | 'done';

export interface AgentLineState {
  opts: AgentLineOptions;
  phase: Phase;
  agentAlive: boolean;
}

function close(s: AgentLineState, reason: 'line_closed' | 'agent_hangup' | 'agent_unreachable' | 'telephony_error', notices: Effect[]): Step<AgentLineState> {
  const effects: Effect[] = [{ kind: 'cancelTimer', timer: 'agentRing' }];
  if (s.agentAlive) effects.push({ kind: 'hangup', leg: 'agent' });
  if (s.phase === 'parked') effects.push({ kind: 'destroyBridge', bridge: 'call' });
  effects.push(...notices, { kind: 'done', result: { outcome: null, endReason: reason } });
  return { state: { ...s, phase: 'done', agentAlive: false }, effects };
}

/** The PBX refused or dropped the agent's line (restart, unreachable): not the agent's doing. */
function lostToPbx(s: AgentLineState): Step<AgentLineState> {
  return close({ ...s, agentAlive: false }, 'telephony_error', [{ kind: 'notify', notice: { kind: 'lineClosed', byPbx: true } }]);
}

function unreachable(s: AgentLineState, input: FlowInput): Step<AgentLineState> {
  const signals = input.kind === 'legEnded' ? input.signals : undefined;
  if (signals && legEndReason(signals, 'agent_unreachable') === 'telephony_error') return lostToPbx(s);
  const reason = signals?.dialStatus === 'BUSY' || signals?.cause === 17 ? 'busy' : signals?.requestFailed ? 'failed' : 'no_answer';
  return close({ ...s, agentAlive: signals ? false : s.agentAlive }, 'agent_unreachable', [{ kind: 'notify', notice: { kind: 'agentUnreachable', reason } }]);
}

function step(s: AgentLineState, input: FlowInput): Step<AgentLineState> {
  if (s.phase === 'done') return { state: s, effects: [] };
  if (input.kind === 'cancel') return close(s, 'line_closed', s.phase === 'parked' ? [{ kind: 'notify', notice: { kind: 'lineClosed' } }] : []);
  if (input.kind === 'commandFailed') return close(s, 'telephony_error', s.phase === 'parked' ? [{ kind: 'notify', notice: { kind: 'lineClosed' } }] : []);
  switch (s.phase) {
    case 'idle':
      if (input.kind !== 'start') return { state: s, effects: [] };
      return {
        state: { ...s, phase: 'ringing', agentAlive: true },
        effects: [
          { kind: 'dial', leg: 'agent', target: { kind: 'agent', extension: s.opts.extension }, ringTimeoutSeconds: s.opts.ringTimeoutSeconds },
          { kind: 'startTimer', timer: 'agentRing', ms: s.opts.ringTimeoutSeconds * 1000 + SAFETY_MARGIN_MS },
          { kind: 'notify', notice: { kind: 'agentRinging' } },
        ],
      };
    case 'ringing':
      if (input.kind === 'answered' && input.leg === 'agent') {
        return {
          state: { ...s, phase: 'parked' },
          effects: [
            { kind: 'cancelTimer', timer: 'agentRing' },
            { kind: 'createBridge', bridge: 'call', type: 'mixing' },
            { kind: 'addToBridge', leg: 'agent', bridge: { kind: 'own', name: 'call' } },
            { kind: 'notify', notice: { kind: 'lineReady' } },
          ],
        };
      }
      if ((input.kind === 'legEnded' && input.leg === 'agent') || (input.kind === 'timer' && input.timer === 'agentRing')) return unreachable(s, input);
      return { state: s, effects: [] };
    case 'parked':
      if (input.kind === 'legEnded' && input.leg === 'agent') {
        if (legEndReason(input.signals, 'agent_hangup') === 'telephony_error') return lostToPbx(s);
        return close({ ...s, agentAlive: false }, 'agent_hangup', [{ kind: 'notify', notice: { kind: 'lineClosed' } }]);
      }
      return { state: s, effects: [] };
  }
}

export function agentLineFlow(opts: AgentLineOptions): FlowDefinition<AgentLineState> {
  return defineFlow('agent-line', { opts, phase: 'idle', agentAlive: false }, step, (s) => s.phase === 'done');
}
