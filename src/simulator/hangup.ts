import { leaveBridge } from './bridge-ops';
import { emitDestroyed, emitDial, emitHangupRequest, emitVarset } from './channel-events';
import { abortPlaybacks } from './playback-engine';
import { finishAllRecordings } from './recording-engine';
import type { SimWorld } from './sim-world';
import type { SimCall, SimChannel } from './sim-types';
import { leaveStasis } from './stasis';

/** ARI's soft-hangup flag in ChannelHangupRequest.cause after DELETE /channels/{id}. */
export const SOFT_HANGUP_ARI = 32;

export function endCall(w: SimWorld, call: SimCall): void {
  call.phase = 'ended';
  for (const timer of call.timers) w.clock.cancel(timer);
  call.timers.length = 0;
}

/** ChannelDestroyed, then the channel is gone: its subscriptions end and REST answers 404. */
export function destroyChannel(w: SimWorld, ch: SimChannel, cause: number, techCause?: number): void {
  if (!ch.alive) return;
  abortPlaybacks(w, ch.media);
  finishAllRecordings(w, ch.media);
  emitDestroyed(w.hub, ch, cause, techCause);
  ch.alive = false;
  for (const app of ch.subs) {
    app.channelIds.delete(ch.id);
    w.hub.dropIfIdle(app);
  }
  ch.subs = [];
  w.channels.delete(ch.id);
}

/**
 * What follows a hangup request on our channel: its media stops, it leaves the bridge and Stasis
 * (StasisEnd, STASISSTATUS=SUCCESS). A channel that an originate sent into the dialplan then runs
 * its own Hangup(). A created channel that went back into Stasis from the dialplan (/continue to
 * the AMD context) is inside two Stasis sessions: two STASISSTATUS=SUCCESS and no Hangup() of its
 * own (checked on Asterisk 22). Returns whether it was in a bridge.
 */
export function releaseChannel(w: SimWorld, ch: SimChannel): boolean {
  abortPlaybacks(w, ch.media);
  finishAllRecordings(w, ch.media);
  const bridged = ch.bridge !== null;
  leaveBridge(w, ch, 'hangup');
  if (ch.stasis) {
    const fromDialplan = ch.stasis.fromDialplan;
    const nested = fromDialplan && ch.call?.mode === 'create';
    leaveStasis(w, ch, nested ? 2 : 1);
    // It shows the application it had before its first Stasis (none, being created into the app).
    if (nested) ch.dialplan = { ...ch.dialplan, appName: '', appData: '' };
    if (fromDialplan && !nested) emitHangupRequest(w.hub, ch, 16, true);
  } else if (ch.leftStasis) {
    emitVarset(w.hub, ch, 'STASISSTATUS', 'SUCCESS');
  }
  return bridged;
}

/** A PJSIP channel that had media reports its RTP statistics as it hangs up. */
export function reportRtpStatistics(w: SimWorld, ch: SimChannel, answered: boolean): void {
  if (ch.tech !== 'PJSIP' || !answered) return;
  const zeros = (names: string[]) => names.map((n) => `${n}=000.000000;`).join('');
  emitVarset(w.hub, ch, 'RTPAUDIOQOS', `ssrc=${w.rng.int(1, 2 ** 31)};themssrc=${w.rng.int(1, 2 ** 31)};lp=0;rxjitter=0.000000;rxcount=0;txjitter=0.000000;txcount=0;rlp=0;rtt=0.000000;rxmes=0.000000;txmes=0.000000`);
  emitVarset(w.hub, ch, 'RTPAUDIOQOSJITTER', zeros(['minrxjitter', 'maxrxjitter', 'avgrxjitter', 'stdevrxjitter', 'mintxjitter', 'maxtxjitter', 'avgtxjitter', 'stdevtxjitter']));
  emitVarset(w.hub, ch, 'RTPAUDIOQOSLOSS', zeros(['  minrxlost', '  maxrxlost', '  avgrxlost', '  stdevrxlost', '  mintxlost', '  maxtxlost', '  avgtxlost', '  stdevtxlost']));
  emitVarset(w.hub, ch, 'RTPAUDIOQOSRTT', zeros(['     minrtt', '     maxrtt', '     avgrtt', '     stdevrtt']));
  emitVarset(w.hub, ch, 'RTPAUDIOQOSMES', zeros(['   minrxmes', '   maxrxmes', '   avgrxmes', '   stdevrxmes', '   mintxmes', '   maxtxmes', '   avgtxmes', '   stdevtxmes']));
}

/** The far (;2) half goes after our half: its own soft hangup, then ChannelDestroyed. */
export function destroyFarHalf(w: SimWorld, far: SimChannel | null, cause: number): void {
  if (!far?.alive) return;
  emitHangupRequest(w.hub, far, 16, true);
  destroyChannel(w, far, cause);
}

/** DELETE /channels/{id} (reason gives `cause`). */
export function hangupByApp(w: SimWorld, ch: SimChannel, cause: number): void {
  const call = ch.call;
  if (ch.half === 2 && call) {
    emitHangupRequest(w.hub, ch, SOFT_HANGUP_ARI, true);
    if (call.phase === 'answered') return farEndHangup(w, call, cause, false);
  }
  const near = call?.near ?? ch;
  const far = call?.far ?? null;
  reportRtpStatistics(w, near, call?.phase === 'answered');
  if (ch === near) emitHangupRequest(w.hub, near, SOFT_HANGUP_ARI, true);
  const ringing = call !== null && call.mode === 'originate' && (call.phase === 'dialing' || call.phase === 'created');
  if (ringing && call.phase === 'dialing') emitDial(w.hub, near, 'NOANSWER', call.dialstring);
  if (!ringing) releaseChannel(w, near);
  if (far?.alive) emitHangupRequest(w.hub, far, cause, false);
  destroyChannel(w, near, cause);
  destroyFarHalf(w, far, cause);
  if (call) endCall(w, call);
}

/**
 * The far end hangs up an answered call. When its dialplan does it (Hangup(16)), the ;1 half of a
 * call that was not bridged is destroyed with cause 0 (the real cause is on the hangup request); in
 * a bridge, or when the app deleted the ;2 half, with the cause itself.
 */
export function farEndHangup(w: SimWorld, call: SimCall, cause: number, byFarDialplan = true): void {
  const { near, far } = call;
  const answered = call.phase === 'answered';
  endCall(w, call);
  if (!near.alive) return;
  reportRtpStatistics(w, near, answered);
  if (far?.alive) emitHangupRequest(w.hub, far, 16, true);
  emitHangupRequest(w.hub, near, cause, false);
  if (far?.alive) destroyChannel(w, far, cause);
  const stasisByOriginate = byFarDialplan && near.stasis !== null && !near.stasis.fromDialplan && call.mode === 'originate' && near.tech === 'Local';
  const bridged = releaseChannel(w, near);
  destroyChannel(w, near, stasisByOriginate && !bridged ? 0 : cause);
}
