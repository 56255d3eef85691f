import assert from 'node:assert/strict';
import type { LegSignals } from '../../../src/domain/call-outcome-rules';
import type { AgentLine, Effect, FlowDefinition, FlowInput, FlowResult } from '../../../src/domain/flows/flow-types';
import { bridgeId, legId } from '../../../src/domain/telephony-ids';

/** Feeds inputs to a flow the way the runner does and keeps every effect. */
export function run<S>(flow: FlowDefinition<S>, inputs: readonly FlowInput[]): { state: S; effects: Effect[]; last: Effect[] } {
  let state = flow.initial;
  const effects: Effect[] = [];
  let last: Effect[] = [];
  for (const input of inputs) {
    last = flow.decide(state, input);
    state = flow.evolve(state, input);
    effects.push(...last);
  }
  return { state, effects, last };
}

export function resultOf(effects: readonly Effect[]): FlowResult | undefined {
  const done = effects.filter((e): e is Extract<Effect, { kind: 'done' }> => e.kind === 'done');
  assert.ok(done.length <= 1, 'a flow reports done once');
  return done[0]?.result;
}

export function notices(effects: readonly Effect[]): string[] {
  return effects.flatMap((e) => (e.kind === 'notify' ? [e.notice.kind] : []));
}

/** The legs hung up and bridges destroyed by these effects, to check that an end releases all. */
export function released(effects: readonly Effect[]): string[] {
  return effects.flatMap((e) => (e.kind === 'hangup' ? [`hangup:${e.leg}`] : e.kind === 'destroyBridge' ? [`destroy:${e.bridge}`] : e.kind === 'stopRecording' ? ['stopRecording'] : e.kind === 'withdrawAgentRequest' ? ['withdraw'] : []));
}

export function has(effects: readonly Effect[], expected: Effect): boolean {
  return effects.some((e) => { try { assert.deepEqual(e, expected); return true; } catch { return false; } });
}

export const sig = {
  answeredHangup: (cause = 16): LegSignals => ({ answered: true, dialStatus: 'ANSWER', cause }),
  busy: (): LegSignals => ({ answered: false, dialStatus: 'BUSY', cause: 19 }),
  congestion: (): LegSignals => ({ answered: false, dialStatus: 'CONGESTION', cause: 19 }),
  noAnswer: (): LegSignals => ({ answered: false, cause: 19 }),
  unallocated: (): LegSignals => ({ answered: false, cause: 1 }),
  failed: (): LegSignals => ({ answered: false, requestFailed: true }),
  gone: (): LegSignals => ({ answered: false }),
  /** Torn down by `core restart now` (soft hangup cause 4, then destroyed with cause 0). */
  pbxShutdown: (answered = true): LegSignals => ({ answered, ...(answered ? { dialStatus: 'ANSWER' } : {}), cause: 0, pbxShutdown: true }),
  /** Refused because the PBX could not take calls at all (503 while shutting down, telephony not ready). */
  unavailable: (): LegSignals => ({ answered: false, requestFailed: true, unavailable: true }),
};

export const line: AgentLine = { lineId: 'line-7', agentId: 7, bridgeId: bridgeId('dialer.line.7.abc'), agentLeg: legId('dialer.line.7.def') };

export const i = {
  start: { kind: 'start' } as FlowInput,
  ringing: (leg: 'agent' | 'customer'): FlowInput => ({ kind: 'ringing', leg }),
  answered: (leg: 'agent' | 'customer'): FlowInput => ({ kind: 'answered', leg }),
  ended: (leg: 'agent' | 'customer', signals: LegSignals): FlowInput => ({ kind: 'legEnded', leg, signals }),
  timer: (timer: Extract<FlowInput, { kind: 'timer' }>['timer']): FlowInput => ({ kind: 'timer', timer }),
  amd: (status: 'HUMAN' | 'MACHINE' | 'NOTSURE' | 'HANGUP'): FlowInput => ({ kind: 'amd', leg: 'customer', status, cause: `${status}-1-1` }),
  dtmf: (digit: string): FlowInput => ({ kind: 'dtmf', leg: 'customer', digit }),
  played: (playback: string, failed = false): FlowInput => ({ kind: 'playbackFinished', playback, failed }),
  assigned: { kind: 'agentAssigned', line } as FlowInput,
  noAgent: { kind: 'noAgentFree' } as FlowInput,
  lost: { kind: 'connectionLost' } as FlowInput,
  cancel: { kind: 'cancel' } as FlowInput,
  agentEnds: { kind: 'cancel', by: 'agent' } as FlowInput,
};
