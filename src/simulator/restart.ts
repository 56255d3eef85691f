import { emitHangupRequest } from './channel-events';
import { destroyChannel, endCall, releaseChannel } from './hangup';
import type { SimWorld } from './sim-world';
import type { SimChannel } from './sim-types';

/** Asterisk's soft-hangup flag for a shutdown (`core restart now`). */
const SOFT_HANGUP_SHUTDOWN = 4;

/**
 * The start of `core restart now`: every live channel gets a soft hangup (cause 4), then each call is
 * torn down (events still delivered: ChannelLeftBridge, StasisEnd, ChannelDestroyed — our half 16 if it
 * was in Stasis, the far half 0). The process still answers for a while (see SimulatorOptions).
 */
export function tearDownForRestart(w: SimWorld): void {
  const channels = [...w.channels.values()].filter((c) => c.alive);
  for (const ch of channels) emitHangupRequest(w.hub, ch, SOFT_HANGUP_SHUTDOWN, true);
  const nears = channels.filter((c) => c.half !== 2 || !c.other?.alive);
  for (const near of nears) tearDown(w, near);
  w.bridges.clear();
  w.playbacks.clear();
  w.liveRecordings.clear();
}

/**
 * The new process: no channels, bridges, apps, timers or global variables set over ARI, a new startup
 * time, and ids that start again with a new prefix.
 */
export function startAfresh(w: SimWorld): void {
  // Global variables go back to the dialplan's [globals] (checked on Asterisk 22: a value set over ARI is gone).
  w.globals.clear();
  w.hub.reset();
  w.clock.clear();
  const previousEpoch = Math.floor(w.startupTime / 1000);
  w.startupTime = Math.max(w.clock.now(), (previousEpoch + 1) * 1000);
  w.ids.reset(Math.floor(w.startupTime / 1000));
}

function tearDown(w: SimWorld, near: SimChannel): void {
  if (!near.alive) return;
  const far = near.half === 1 ? near.other : null;
  if (far?.alive) emitHangupRequest(w.hub, far, 16, true);
  emitHangupRequest(w.hub, near, 0, false);
  if (far?.alive) destroyChannel(w, far, 0);
  const inStasis = near.stasis !== null;
  releaseChannel(w, near);
  destroyChannel(w, near, inStasis ? 16 : 0);
  if (near.call) endCall(w, near.call);
}
