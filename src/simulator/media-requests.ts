import { liveRecordingJson, playbackJson } from './ari-json';
import { AriHttpError } from './http-error';
import { queuePlayback } from './playback-engine';
import { startRecording } from './recording-engine';
import { created, queryParam, type ParamDef, type RouteRequest, type RouteResult } from './route-def';
import type { SimWorld } from './sim-world';
import type { MediaTarget } from './sim-types';

const recordingFormats = ['wav', 'WAV', 'wav49', 'gsm', 'ulaw', 'alaw', 'sln', 'slin', 'g722', 'g729'];

/** Parameters of play and record, shared by channels and bridges. */
export const playParams: ParamDef[] = [
  queryParam('media', 'string', "Media URIs to play (sound:, digits:, number:, characters:, tone:, recording:).", { required: true, allowMultiple: true }),
  queryParam('lang', 'string', 'For sounds, selects language for sound.'),
  queryParam('offsetms', 'int', 'Number of milliseconds to skip before playing.'),
  queryParam('skipms', 'int', 'Number of milliseconds to skip for forward/reverse operations.', { defaultValue: 3000 }),
];

export const recordParams: ParamDef[] = [
  queryParam('name', 'string', 'Recording name.', { required: true }),
  queryParam('format', 'string', 'Format to encode audio in.', { required: true }),
  queryParam('maxDurationSeconds', 'int', 'Maximum duration of the recording, in seconds. 0 for no limit.', { defaultValue: 0 }),
  queryParam('maxSilenceSeconds', 'int', 'Maximum duration of silence, in seconds. 0 for no limit.', { defaultValue: 0 }),
  queryParam('ifExists', 'string', 'Action to take if a recording with the same name already exists.', { defaultValue: 'fail', values: ['fail', 'overwrite', 'append'] }),
  queryParam('beep', 'boolean', 'Play beep when recording begins.', { defaultValue: false }),
  queryParam('terminateOn', 'string', 'DTMF input to terminate recording.', { defaultValue: 'none', values: ['none', 'any', '*', '#'] }),
];

/** POST …/play: 201 with the playback (state queued); PlaybackStarted follows. */
export function playOn(w: SimWorld, target: MediaTarget, req: RouteRequest, playbackId: string | undefined): RouteResult {
  const media = req.params.list('media');
  if (media.length === 0) throw new AriHttpError(500, 'Failed to queue media for playback');
  const id = playbackId ?? w.ids.uuid();
  const playback = queuePlayback(w, target, id, media, req.params.str('lang') ?? 'en');
  return created(playbackJson(playback, 'queued'));
}

/** POST …/record: 201 with the live recording (state queued); RecordingStarted follows. */
export function recordOn(w: SimWorld, target: MediaTarget, req: RouteRequest): RouteResult {
  const name = req.params.str('name');
  const format = req.params.str('format');
  if (!name) throw new AriHttpError(500, 'Error parsing request');
  if (!format || !recordingFormats.includes(format)) throw new AriHttpError(422, 'specified format is unknown on this system');
  const ifExists = req.params.str('ifExists') ?? 'fail';
  if (!['fail', 'overwrite', 'append'].includes(ifExists)) throw new AriHttpError(400, 'ifExists must be one of fail, overwrite or append');
  if (w.liveRecordings.has(name) || (ifExists === 'fail' && w.storedRecordings.has(name))) {
    throw new AriHttpError(409, `Recording '${name}' already exists and can not be overwritten`);
  }
  const recording = startRecording(w, target, name, format, req.params.int('maxDurationSeconds', 0));
  return created(liveRecordingJson(recording));
}
