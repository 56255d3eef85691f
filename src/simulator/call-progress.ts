import { findAmdContext, runAmdContext } from './amd-dialplan';
import { leaveBridge } from './bridge-ops';
import { emitDial, emitDialplan, emitDtmf, emitHangupRequest, emitStateChange, emitVarset } from './channel-events';
import { failBusyOrCongested, failNoSuchExtension, failTimeout, failUnallocated } from './dial-failures';
import { farEndScript, type FarStep } from './far-end-script';
import { continueInboundCall } from './inbound-callback-dialplan';
import { destroyChannel, destroyFarHalf, endCall, farEndHangup } from './hangup';
import type { SimWorld } from './sim-world';
import type { SimCall, SimChannel } from './sim-types';
import { enterStasis, leaveStasis } from './stasis';

/**
 * Dials a call: `Dial ""`, then the far end's script one step at a time (a single pending timer per
 * call), the originate or dial timeout, and on answer whatever the originate asked for (Stasis app
 * or dialplan context).
 */
export function startDial(w: SimWorld, call: SimCall): void {
  if (call.phase === 'ended' || !call.near.alive) return;
  call.phase = 'dialing';
  call.dialStartedAt = w.clock.now();
  const plan = call.plan;
  if (!plan) return failNoSuchExtension(w, call);
  const sip = call.near.tech === 'PJSIP';
  if (sip && plan.outcome === 'unallocated') return failUnallocated(w, call);
  emitDial(w.hub, call.near, '', call.dialstring);
  const steps = farEndScript(plan, call.farContext, call.farExten).filter((s) => !sip || (s.kind !== 'dialplan' && s.kind !== 'var'));
  if (call.timeoutMs > 0) call.timers.push(w.clock.after(call.timeoutMs, () => onTimeout(w, call)));
  runFrom(w, call, steps, 0);
}

function runFrom(w: SimWorld, call: SimCall, steps: readonly FarStep[], index: number): void {
  const first = steps[index];
  if (!first || call.phase === 'ended') return;
  const due = call.dialStartedAt + w.scaled(first.at);
  call.timers.push(w.clock.at(due, () => {
    let i = index;
    for (let step = steps[i]; step && step.at === first.at && call.phase !== 'ended'; step = steps[++i]) execute(w, call, step);
    runFrom(w, call, steps, i);
  }));
}

function execute(w: SimWorld, call: SimCall, step: FarStep): void {
  const { near, far } = call;
  switch (step.kind) {
    case 'dialplan':
      if (!far?.alive) return;
      far.dialplan = { context: step.context ?? far.dialplan.context, exten: step.exten ?? far.dialplan.exten, priority: step.priority, appName: step.app, appData: step.data };
      return emitDialplan(w.hub, far);
    case 'var':
      if (!far?.alive) return;
      far.vars.set(step.name, step.value);
      return emitVarset(w.hub, far, step.name, step.value);
    case 'ringing':
      near.state = 'Ringing';
      return emitStateChange(w.hub, near);
    case 'ringDial': return emitDial(w.hub, near, 'RINGING', call.dialstring);
    case 'answer': return answer(w, call);
    case 'busy': return failBusyOrCongested(w, call, 'busy');
    case 'congestion': return failBusyOrCongested(w, call, 'congestion');
    case 'unallocated': return failUnallocated(w, call);
    case 'dtmf':
      if (call.phase === 'answered' && near.alive) emitDtmf(w.hub, near, step.digit);
      return;
    case 'hangup':
      if (call.phase === 'answered') farEndHangup(w, call, step.cause);
  }
}

function answer(w: SimWorld, call: SimCall): void {
  const { near, far } = call;
  if (far?.alive) {
    far.state = 'Up';
    emitStateChange(w.hub, far);
  }
  near.state = 'Up';
  emitStateChange(w.hub, near);
  emitDial(w.hub, near, 'ANSWER', call.dialstring);
  call.phase = 'answered';
  const after = call.after;
  if (after.kind === 'app') {
    const app = w.hub.activeApp(after.app);
    if (app) enterStasis(w, near, app, after.args, { fromDialplan: false, rawArgs: after.rawArgs });
    else hangUpAfterAnswer(w, call, 'FAILED');
  } else if (after.kind === 'dialplan') {
    const amd = findAmdContext(w, after.context);
    if (amd) runAmdContext(w, call, amd, after, () => hangUpAfterAnswer(w, call, null));
    else hangUpAfterAnswer(w, call, null);
  }
}

/**
 * The answered call has nowhere to go (Stasis app missing: "Stasis app doesn't exist", or an unknown
 * context): the customer hears an answered, silent, dropped call.
 */
function hangUpAfterAnswer(w: SimWorld, call: SimCall, stasisStatus: string | null): void {
  const { near, far } = call;
  if (!near.alive) return;
  if (stasisStatus) emitVarset(w.hub, near, 'STASISSTATUS', stasisStatus);
  emitHangupRequest(w.hub, near, 16, true);
  if (far?.alive) emitHangupRequest(w.hub, far, 16, false);
  destroyChannel(w, near, 16);
  destroyFarHalf(w, far, 16);
  endCall(w, call);
}

export interface ContinueTarget {
  readonly context?: string;
  readonly extension?: string;
  readonly priority?: number;
}

/**
 * POST /channels/{id}/continue: StasisEnd, then the channel runs the dialplan. The AMD context is
 * simulated (it comes back with StasisStart); anywhere else the channel just stays up until hung up.
 */
export function continueInDialplan(w: SimWorld, ch: SimChannel, target: ContinueTarget): void {
  leaveBridge(w, ch, 'remove');
  leaveStasis(w, ch);
  const here = ch.dialplan;
  const context = target.context ?? here.context;
  const exten = target.extension ?? (target.context ? 's' : here.exten);
  const priority = target.priority ?? (target.context || target.extension ? 1 : here.priority + 1);
  ch.dialplan = { context, exten, priority, appName: '', appData: '' };
  const call = ch.call;
  if (call?.mode === 'inbound' && !target.context) return continueInboundCall(w, ch);
  const amd = findAmdContext(w, context);
  if (call && call.near === ch && call.phase === 'answered' && amd) {
    runAmdContext(w, call, amd, { kind: 'dialplan', context, exten, priority }, () => hangUpAfterAnswer(w, call, null));
  }
}

function onTimeout(w: SimWorld, call: SimCall): void {
  if (call.phase === 'dialing' || (call.mode === 'create' && call.phase === 'failed')) failTimeout(w, call);
}
