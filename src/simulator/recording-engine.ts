import { liveRecordingJson } from './ari-json';
import { updateBridgePeers } from './bridge-ops';
import type { SimWorld } from './sim-world';
import type { MediaTarget, SimRecording } from './sim-types';

/**
 * Live recordings: 201 "queued", then RecordingStarted; stop (or maxDurationSeconds, or the target
 * going away) gives RecordingFinished with the duration in whole seconds and a stored recording.
 */
export function startRecording(w: SimWorld, target: MediaTarget, name: string, format: string, maxDurationSeconds: number): SimRecording {
  const rec: SimRecording = { name, format, target, state: 'queued', startedAt: w.clock.now(), timer: null, recorderName: null };
  w.liveRecordings.set(name, rec);
  target.recordings.add(rec);
  recorder(w, rec, true);
  w.soon(() => {
    if (rec.state !== 'queued') return;
    rec.state = 'recording';
    rec.startedAt = w.clock.now();
    send(w, rec, 'RecordingStarted');
    if (maxDurationSeconds > 0) rec.timer = w.clock.after(maxDurationSeconds * 1000, () => finishRecording(w, rec));
  });
  return rec;
}

function send(w: SimWorld, rec: SimRecording, type: 'RecordingStarted' | 'RecordingFinished', durationSeconds?: number): void {
  const audience = rec.target.audience();
  if (audience.length === 0) return;
  w.hub.send(audience, { type, timestamp: w.hub.timestamp(), recording: liveRecordingJson(rec, durationSeconds) });
}

/** Stops a recording and keeps the file (stored recording), or throws it away when `keep` is false. */
export function finishRecording(w: SimWorld, rec: SimRecording, keep = true): void {
  if (rec.state === 'done') return;
  if (rec.timer) w.clock.cancel(rec.timer);
  rec.timer = null;
  const durationMs = Math.max(0, w.clock.now() - rec.startedAt);
  // Even a cancelled recording reports "done"; it is just not kept.
  rec.state = 'done';
  w.liveRecordings.delete(rec.name);
  rec.target.recordings.delete(rec);
  send(w, rec, 'RecordingFinished', Math.floor(durationMs / 1000));
  if (keep) w.storedRecordings.set(rec.name, { name: rec.name, format: rec.format, durationMs });
  recorder(w, rec, false);
}

export function finishAllRecordings(w: SimWorld, target: MediaTarget): void {
  for (const rec of [...target.recordings]) finishRecording(w, rec);
}

/** Recording a bridge adds a Recorder channel to it, which shows in BRIDGEPEER. */
function recorder(w: SimWorld, rec: SimRecording, on: boolean): void {
  if (!rec.target.uri.startsWith('bridge:')) return;
  const bridge = w.bridges.get(rec.target.uri.slice('bridge:'.length));
  if (!bridge) return;
  if (on) {
    rec.recorderName = `Recorder/ARI-${w.ids.nameSuffix()};2`;
    bridge.pseudo.push(rec.recorderName);
  } else {
    const index = bridge.pseudo.indexOf(rec.recorderName ?? '');
    if (index < 0) return;
    bridge.pseudo.splice(index, 1);
  }
  updateBridgePeers(w, bridge);
}
