import type { SimBridge, SimChannel, SimPlayback, SimRecording, StasisApp, StoredRecording } from './sim-types';

/** JSON shapes as the real server writes them, with the same key order. */
export function channelJson(ch: SimChannel): Record<string, unknown> {
  const dp = ch.dialplan;
  return {
    id: ch.id,
    name: ch.name,
    state: ch.state,
    protocol_id: ch.protocolId,
    caller: ch.caller,
    connected: ch.connected,
    accountcode: '',
    dialplan: { context: dp.context, exten: dp.exten, priority: dp.priority, app_name: dp.appName, app_data: dp.appData },
    creationtime: ch.creationtime,
    language: 'en',
  };
}

export function bridgeJson(b: SimBridge): Record<string, unknown> {
  return {
    id: b.id,
    technology: b.technology,
    bridge_type: b.bridgeType,
    bridge_class: 'stasis',
    creator: 'Stasis',
    name: b.name,
    channels: b.channels.map((c) => c.id),
    creationtime: b.creationtime,
    video_mode: 'talker',
  };
}

export function playbackJson(p: SimPlayback, state: string = p.state): Record<string, unknown> {
  const next = p.media[p.index + 1];
  const out: Record<string, unknown> = { id: p.id, media_uri: p.media[p.index] ?? '' };
  if (next !== undefined && state !== 'done' && state !== 'failed') out.next_media_uri = next;
  out.target_uri = p.target.uri;
  out.language = p.language;
  out.state = state;
  return out;
}

export function liveRecordingJson(r: SimRecording, durationSeconds?: number): Record<string, unknown> {
  const out: Record<string, unknown> = { name: r.name, format: r.format, state: r.state, target_uri: r.target.uri };
  if (durationSeconds !== undefined) out.duration = durationSeconds;
  return out;
}

export function storedRecordingJson(r: StoredRecording): Record<string, unknown> {
  return { name: r.name, format: r.format };
}

export function applicationJson(app: StasisApp): Record<string, unknown> {
  return {
    name: app.name,
    channel_ids: [...app.channelIds],
    bridge_ids: [...app.bridgeIds],
    endpoint_ids: [],
    device_names: [],
    events_allowed: [],
    events_disallowed: [],
  };
}
