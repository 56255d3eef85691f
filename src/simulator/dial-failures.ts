import { emitDial, emitHangupRequest, emitStateChange } from './channel-events';
import { sipTechCause } from './hangup-causes';
import { destroyChannel, destroyFarHalf, endCall, releaseChannel, SOFT_HANGUP_ARI } from './hangup';
import type { SimWorld } from './sim-world';
import type { SimCall } from './sim-types';

/**
 * Calls that end before answer, as the real server reports them. With Local channels the real
 * cause (17, 34, …) shows only on the ;2 half and our leg ends with cause 0; over PJSIP our own
 * channel carries it. A created channel (POST /channels/create + dial) stays in Stasis after a busy
 * or congested dial, until the app hangs it up or the dial timeout does.
 */
export function failBusyOrCongested(w: SimWorld, call: SimCall, kind: 'busy' | 'congestion'): void {
  const { near, far } = call;
  const status = kind === 'busy' ? 'BUSY' : 'CONGESTION';
  const cause = kind === 'busy' ? 17 : 34;
  if (near.tech === 'PJSIP') return sipFailure(w, call, cause, [status]);
  if (far?.alive) {
    far.state = 'Busy';
    emitStateChange(w.hub, far);
  }
  emitDial(w.hub, near, status, call.dialstring);
  if (call.mode === 'create') {
    call.phase = 'failed';
    if (far) destroyChannel(w, far, cause);
    return;
  }
  if (far?.alive) emitHangupRequest(w.hub, far, 0, false);
  destroyChannel(w, near, 0);
  destroyFarHalf(w, far, cause);
  endCall(w, call);
}

/** Rejected number (Hangup(1) in the dialplan, SIP 404): Dial NOANSWER and cause 1 on our leg too. */
export function failUnallocated(w: SimWorld, call: SimCall): void {
  const { near, far } = call;
  if (near.tech === 'PJSIP') return sipFailure(w, call, 1, ['', 'NOANSWER']);
  if (far?.alive) emitHangupRequest(w.hub, far, 16, true);
  emitHangupRequest(w.hub, near, 1, false);
  if (far) destroyChannel(w, far, 1);
  if (call.mode === 'create') releaseChannel(w, near);
  else emitDial(w.hub, near, 'NOANSWER', call.dialstring);
  destroyChannel(w, near, 1);
  endCall(w, call);
}

/** A Local channel to an extension that does not exist dies at once with cause 0 and no Dial event. */
export function failNoSuchExtension(w: SimWorld, call: SimCall): void {
  const { near, far } = call;
  if (near.tech === 'PJSIP') return sipFailure(w, call, 1, ['', 'NOANSWER']);
  if (far) destroyChannel(w, far, 0);
  if (call.mode === 'create') {
    releaseChannel(w, near);
    destroyChannel(w, near, 16);
  } else {
    destroyChannel(w, near, 0);
  }
  endCall(w, call);
}

/** Nobody answered in time: the originate timeout (cause 19), or a created channel's dial timeout. */
export function failTimeout(w: SimWorld, call: SimCall): void {
  const { near, far } = call;
  if (!near.alive) return endCall(w, call);
  if (call.mode === 'create') {
    emitHangupRequest(w.hub, near, SOFT_HANGUP_ARI, true);
    releaseChannel(w, near);
    destroyChannel(w, near, 19, near.tech === 'PJSIP' ? 480 : undefined);
    destroyFarHalf(w, far, 19);
    return endCall(w, call);
  }
  if (near.tech === 'PJSIP') {
    destroyChannel(w, near, 19, 480);
    return endCall(w, call);
  }
  if (far?.alive) emitHangupRequest(w.hub, far, 19, false);
  destroyChannel(w, near, 19);
  destroyFarHalf(w, far, 19);
  endCall(w, call);
}

/** Over SIP the far end's answer (486, 503, 404) is a real hangup cause on our channel. */
function sipFailure(w: SimWorld, call: SimCall, cause: number, statuses: readonly string[]): void {
  const { near } = call;
  const techCause = sipTechCause(cause);
  emitHangupRequest(w.hub, near, cause, false, techCause);
  for (const status of statuses) emitDial(w.hub, near, status, call.dialstring);
  if (call.mode === 'create') releaseChannel(w, near);
  destroyChannel(w, near, cause, techCause);
  endCall(w, call);
}
