import { playbackJson } from './ari-json';
import { updateBridgePeers } from './bridge-ops';
import type { SimWorld } from './sim-world';
import type { MediaTarget, PlaybackState, SimPlayback } from './sim-types';

/**
 * Playbacks on channels and bridges: one plays at a time per target, the rest wait (state queued).
 * A media list is one playback: PlaybackStarted → PlaybackContinuing → PlaybackStarted → … →
 * PlaybackFinished. A missing sound starts and fails at once; a stopped playback finishes "done".
 */
export function queuePlayback(w: SimWorld, target: MediaTarget, id: string, media: readonly string[], language: string): SimPlayback {
  const playback: SimPlayback = { id, media, index: 0, language, target, state: 'queued', stopped: false, timer: null };
  w.playbacks.set(id, playback);
  target.playbacks.push(playback);
  if (target.playbacks.length === 1) w.soon(() => startNext(w, target));
  return playback;
}

function emit(w: SimWorld, p: SimPlayback, type: 'PlaybackStarted' | 'PlaybackContinuing' | 'PlaybackFinished', state: PlaybackState): void {
  p.state = state;
  const audience = p.target.audience();
  if (audience.length === 0) return;
  w.hub.send(audience, { type, timestamp: w.hub.timestamp(), playback: playbackJson(p, state) });
}

function startNext(w: SimWorld, target: MediaTarget): void {
  for (let p = target.playbacks[0]; p && p.state === 'queued'; p = target.playbacks[0]) {
    if (p.stopped) {
      finish(w, p, 'done');
      continue;
    }
    announcer(w, target, true);
    emit(w, p, 'PlaybackStarted', 'playing');
    playCurrent(w, p);
    return;
  }
}

function playCurrent(w: SimWorld, p: SimPlayback): void {
  const uri = p.media[p.index] ?? '';
  const length = w.sounds.length(uri);
  // A bridge that is playing music on hold cannot play anything else: the playback fails at once.
  if (!length.ok || bridgeOf(w, p.target)?.moh) return finish(w, p, 'failed');
  if (length.ms === null) return;
  p.timer = w.clock.after(w.scaled(length.ms), () => mediaDone(w, p));
}

function mediaDone(w: SimWorld, p: SimPlayback): void {
  p.timer = null;
  if (p.index + 1 >= p.media.length) return finish(w, p, 'done');
  emit(w, p, 'PlaybackContinuing', 'continuing');
  p.index++;
  emit(w, p, 'PlaybackStarted', 'playing');
  playCurrent(w, p);
}

function finish(w: SimWorld, p: SimPlayback, state: 'done' | 'failed'): void {
  if (p.timer) w.clock.cancel(p.timer);
  p.timer = null;
  const target = p.target;
  const index = target.playbacks.indexOf(p);
  if (index >= 0) target.playbacks.splice(index, 1);
  if (w.playbacks.get(p.id) === p) w.playbacks.delete(p.id);
  emit(w, p, 'PlaybackFinished', state);
  if (target.playbacks.length === 0) announcer(w, target, false);
  else startNext(w, target);
}

/** DELETE /playbacks/{id}: a playing one finishes as done now; a queued one never starts. */
export function stopPlayback(w: SimWorld, p: SimPlayback): void {
  if (p.state === 'queued') {
    p.stopped = true;
    return;
  }
  finish(w, p, 'done');
}

/**
 * The target hung up or was destroyed: the playing one fails. Of the queued ones, stopped ones
 * finish as done and the others report PlaybackStarted without an end, as the real server does.
 */
export function abortPlaybacks(w: SimWorld, target: MediaTarget): void {
  const all = target.playbacks.splice(0, target.playbacks.length);
  for (const p of all) {
    if (p.timer) w.clock.cancel(p.timer);
    p.timer = null;
    if (w.playbacks.get(p.id) === p) w.playbacks.delete(p.id);
    if (p.state !== 'queued') emit(w, p, 'PlaybackFinished', 'failed');
    else if (p.stopped) emit(w, p, 'PlaybackFinished', 'done');
    else emit(w, p, 'PlaybackStarted', 'playing');
  }
}

function bridgeOf(w: SimWorld, target: MediaTarget) {
  return target.uri.startsWith('bridge:') ? w.bridges.get(target.uri.slice('bridge:'.length)) : undefined;
}

/** A bridge playback adds an Announcer channel to the bridge while it plays; it shows in BRIDGEPEER. */
function announcer(w: SimWorld, target: MediaTarget, on: boolean): void {
  const bridge = bridgeOf(w, target);
  if (!bridge) return;
  const index = bridge.pseudo.findIndex((n) => n.startsWith('Announcer/ARI-'));
  if (on && index < 0) bridge.pseudo.push(`Announcer/ARI-${w.ids.nameSuffix()};2`);
  else if (!on && index >= 0) bridge.pseudo.splice(index, 1);
  else return;
  updateBridgePeers(w, bridge);
}
