import { liveRecordingJson, playbackJson, storedRecordingJson } from './ari-json';
import { notFound } from './http-error';
import { stopPlayback } from './playback-engine';
import { finishRecording } from './recording-engine';
import { noContent, ok, pathParam, type RouteDef } from './route-def';
import type { SimWorld } from './sim-world';
import type { SimRecording } from './sim-types';

const playbackId = pathParam('playbackId', "Playback's id");
const recordingName = pathParam('recordingName', "The name of the recording");

/** A WAV header with no samples: what GET …/file returns for a simulated recording. */
function emptyWav(): Buffer {
  const b = Buffer.alloc(44);
  b.write('RIFF', 0, 'ascii'); b.writeUInt32LE(36, 4); b.write('WAVE', 8, 'ascii'); b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28); b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34); b.write('data', 36, 'ascii'); b.writeUInt32LE(0, 40);
  return b;
}

/** GET/DELETE /playbacks/{id}; live recordings (get, stop, cancel) and stored ones (list, get, file, delete). */
export function playbackRecordingRoutes(w: SimWorld): RouteDef[] {
  const live = (name: string | undefined): SimRecording => {
    const rec = name === undefined ? undefined : w.liveRecordings.get(name);
    if (!rec) throw notFound('Recording');
    return rec;
  };
  const stored = (name: string | undefined) => {
    const rec = name === undefined ? undefined : w.storedRecordings.get(name);
    if (!rec) throw notFound('Recording');
    return rec;
  };
  const playback = (id: string | undefined) => {
    const p = id === undefined ? undefined : w.playbacks.get(id);
    if (!p) throw notFound('Playback');
    return p;
  };
  const rec = (r: Omit<RouteDef, 'resource'>): RouteDef => ({ resource: 'recordings', ...r });
  return [
    { resource: 'playbacks', method: 'GET', path: '/playbacks/{playbackId}', nickname: 'get', summary: "Get a playback's details.", params: [playbackId],
      responseClass: 'Playback', errors: [[404, 'The playback cannot be found']], handle: (req) => ok(playbackJson(playback(req.path.playbackId))) },
    { resource: 'playbacks', method: 'DELETE', path: '/playbacks/{playbackId}', nickname: 'stop', summary: 'Stop a playback.', params: [playbackId],
      responseClass: 'void', errors: [[404, 'The playback cannot be found']], handle: (req) => {
        stopPlayback(w, playback(req.path.playbackId));
        return noContent();
      } },
    rec({ method: 'GET', path: '/recordings/stored', nickname: 'listStored', summary: 'List recordings that are complete.', params: [],
      responseClass: 'List[StoredRecording]', errors: [], handle: () => ok([...w.storedRecordings.values()].map(storedRecordingJson)) }),
    rec({ method: 'GET', path: '/recordings/stored/{recordingName}', nickname: 'getStored', summary: "Get a stored recording's details.", params: [recordingName],
      responseClass: 'StoredRecording', errors: [[404, 'Recording not found']], handle: (req) => ok(storedRecordingJson(stored(req.path.recordingName))) }),
    rec({ method: 'DELETE', path: '/recordings/stored/{recordingName}', nickname: 'deleteStored', summary: 'Delete a stored recording.', params: [recordingName],
      responseClass: 'void', errors: [[404, 'Recording not found']], handle: (req) => {
        w.storedRecordings.delete(stored(req.path.recordingName).name);
        return noContent();
      } }),
    rec({ method: 'GET', path: '/recordings/stored/{recordingName}/file', nickname: 'getStoredFile', summary: 'Get the file associated with the stored recording.',
      params: [recordingName], responseClass: 'binary', errors: [[403, 'The recording file could not be opened'], [404, 'Recording not found']],
      handle: (req) => {
        stored(req.path.recordingName);
        return { status: 200, body: emptyWav(), contentType: 'audio/wav' };
      } }),
    rec({ method: 'GET', path: '/recordings/live/{recordingName}', nickname: 'getLive', summary: 'List live recordings.', params: [recordingName],
      responseClass: 'LiveRecording', errors: [[404, 'Recording not found']], handle: (req) => ok(liveRecordingJson(live(req.path.recordingName))) }),
    rec({ method: 'DELETE', path: '/recordings/live/{recordingName}', nickname: 'cancel', summary: 'Stop a live recording and discard it.', params: [recordingName],
      responseClass: 'void', errors: [[404, 'Recording not found']], handle: (req) => {
        finishRecording(w, live(req.path.recordingName), false);
        return noContent();
      } }),
    rec({ method: 'POST', path: '/recordings/live/{recordingName}/stop', nickname: 'stop', summary: 'Stop a live recording and store it.', params: [recordingName],
      responseClass: 'void', errors: [[404, 'Recording not found']], handle: (req) => {
        finishRecording(w, live(req.path.recordingName));
        return noContent();
      } }),
  ];
}
