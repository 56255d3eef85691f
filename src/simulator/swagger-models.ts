import type { ApiResource } from './route-def';

/**
 * The Swagger 1.1 models the simulator declares, written in a short notation: `'Channel!'` is a
 * required property of type Channel, `'List[string]'` a list. ari-client reads the event models
 * to turn `channel`, `bridge`, `playback` … into resource objects, so every event the simulator
 * sends has a model here, with the field names of Asterisk's events.json.
 */
type Props = Readonly<Record<string, string>>;

export interface SwaggerModel {
  readonly id: string;
  readonly description: string;
  readonly properties: Record<string, { type: string; required?: boolean }>;
  readonly subTypes?: readonly string[];
  readonly discriminator?: string;
}

function model(id: string, description: string, props: Props): SwaggerModel {
  const properties: SwaggerModel['properties'] = {};
  for (const [name, spec] of Object.entries(props)) {
    const required = spec.endsWith('!');
    properties[name] = required ? { type: spec.slice(0, -1), required: true } : { type: spec };
  }
  return { id, description, properties };
}

const channelEvent = (id: string, description: string, extra: Props = {}) => model(id, description, { ...extra, channel: 'Channel!' });

const eventModels: SwaggerModel[] = [
  { ...model('Message', 'Base type for errors and events.', { type: 'string!', asterisk_id: 'string' }), discriminator: 'type', subTypes: ['MissingParams', 'Event'] },
  model('MissingParams', 'A required parameter was missing.', { params: 'List[string]!' }),
  model('Event', 'Base type for asynchronous events from Asterisk.', { application: 'string!', timestamp: 'Date!' }),
  model('ApplicationReplaced', 'Another WebSocket took over this application.', {}),
  model('ApplicationRegistered', 'The application was registered.', {}),
  model('ApplicationUnregistered', 'The application was unregistered.', {}),
  model('BridgeCreated', 'A bridge was created.', { bridge: 'Bridge!' }),
  model('BridgeDestroyed', 'A bridge was destroyed.', { bridge: 'Bridge!' }),
  model('ChannelEnteredBridge', 'A channel entered a bridge.', { bridge: 'Bridge!', channel: 'Channel' }),
  model('ChannelLeftBridge', 'A channel left a bridge.', { bridge: 'Bridge!', channel: 'Channel!' }),
  channelEvent('ChannelCreated', 'A channel was created.'),
  model('ChannelDestroyed', 'A channel was destroyed.', { cause: 'int!', cause_txt: 'string!', tech_cause: 'int', channel: 'Channel!' }),
  channelEvent('ChannelStateChange', 'A channel changed state.'),
  channelEvent('ChannelDtmfReceived', 'A DTMF digit was received.', { digit: 'string!', duration_ms: 'int!' }),
  channelEvent('ChannelDialplan', 'A channel moved in the dialplan.', { dialplan_app: 'string!', dialplan_app_data: 'string!' }),
  channelEvent('ChannelCallerId', 'A channel\'s caller id changed.', { caller_presentation: 'int!', caller_presentation_txt: 'string!' }),
  channelEvent('ChannelConnectedLine', 'A channel\'s connected line changed.'),
  model('ChannelHangupRequest', 'A hangup was requested on a channel.', { cause: 'int', tech_cause: 'int', soft: 'boolean', channel: 'Channel!' }),
  model('ChannelVarset', 'A channel variable changed.', { variable: 'string!', value: 'string!', channel: 'Channel' }),
  channelEvent('ChannelHold', 'A channel went on hold.', { musicclass: 'string' }),
  channelEvent('ChannelUnhold', 'A channel left hold.'),
  channelEvent('ChannelTalkingStarted', 'Talking was detected on a channel.'),
  model('ChannelTalkingFinished', 'Talking stopped on a channel.', { channel: 'Channel!', duration: 'int!' }),
  channelEvent('ChannelToneDetected', 'A tone was detected on a channel.'),
  model('Dial', 'Dialing state changed.', { caller: 'Channel', peer: 'Channel!', forward: 'string', forwarded: 'Channel', dialstring: 'string', dialstatus: 'string!' }),
  model('StasisStart', 'A channel entered a Stasis application.', { args: 'List[string]!', channel: 'Channel!', replace_channel: 'Channel' }),
  channelEvent('StasisEnd', 'A channel left a Stasis application.'),
  model('PlaybackStarted', 'A playback started.', { playback: 'Playback!' }),
  model('PlaybackContinuing', 'A playback moved to the next media of its list.', { playback: 'Playback!' }),
  model('PlaybackFinished', 'A playback finished.', { playback: 'Playback!' }),
  model('RecordingStarted', 'A recording started.', { recording: 'LiveRecording!' }),
  model('RecordingFinished', 'A recording finished.', { recording: 'LiveRecording!' }),
  model('RecordingFailed', 'A recording failed.', { recording: 'LiveRecording!' }),
  model('DeviceStateChanged', 'A device state changed.', { device_state: 'DeviceState!' }),
  model('EndpointStateChange', 'An endpoint changed state.', { endpoint: 'Endpoint!' }),
];
eventModels[2] = { ...eventModels[2]!, subTypes: eventModels.slice(3).map((m) => m.id) };

const channelModels = [
  model('Channel', 'A communication connection between Asterisk and an endpoint.', {
    id: 'string!', protocol_id: 'string!', name: 'string!', state: 'string!', caller: 'CallerID!', connected: 'CallerID!',
    accountcode: 'string!', dialplan: 'DialplanCEP!', creationtime: 'Date!', language: 'string!', channelvars: 'object',
  }),
  model('CallerID', 'Caller identification.', { name: 'string!', number: 'string!' }),
  model('DialplanCEP', 'Dialplan location (context, extension, priority).', {
    context: 'string!', exten: 'string!', priority: 'long!', app_name: 'string!', app_data: 'string!',
  }),
  model('Variable', 'The value of a channel variable.', { value: 'string!' }),
];

const resourceModels: Readonly<Record<ApiResource, SwaggerModel[]>> = {
  asterisk: [
    model('AsteriskInfo', 'Asterisk system information.', { build: 'BuildInfo', system: 'SystemInfo', config: 'ConfigInfo', status: 'StatusInfo' }),
    model('BuildInfo', 'How Asterisk was built.', { os: 'string!', kernel: 'string!', options: 'string!', machine: 'string!', date: 'string!', user: 'string!' }),
    model('SystemInfo', 'Version and entity id.', { version: 'string!', entity_id: 'string!' }),
    model('SetId', 'Effective user and group.', { user: 'string!', group: 'string!' }),
    model('ConfigInfo', 'Configuration.', { name: 'string!', default_language: 'string!', max_channels: 'int', setid: 'SetId!' }),
    model('StatusInfo', 'Start and reload times.', { startup_time: 'Date!', last_reload_time: 'Date!' }),
    model('AsteriskPing', 'Answer to a ping.', { asterisk_id: 'string!', ping: 'string!', timestamp: 'string!' }),
    model('Variable', 'The value of a global variable.', { value: 'string!' }),
  ],
  channels: channelModels,
  bridges: [model('Bridge', 'A bridge of channels.', {
    id: 'string!', technology: 'string!', bridge_type: 'string!', bridge_class: 'string!', creator: 'string!', name: 'string!',
    channels: 'List[string]!', video_mode: 'string', video_source_id: 'string', creationtime: 'Date!',
  })],
  playbacks: [model('Playback', 'A media playback.', {
    id: 'string!', media_uri: 'string!', next_media_uri: 'string', target_uri: 'string!', language: 'string', state: 'string!',
  })],
  recordings: [
    model('LiveRecording', 'A recording in progress.', {
      name: 'string!', format: 'string!', target_uri: 'string!', state: 'string!', duration: 'int', talking_duration: 'int', silence_duration: 'int', cause: 'string',
    }),
    model('StoredRecording', 'A recording on disk.', { name: 'string!', format: 'string!' }),
  ],
  applications: [model('Application', 'A Stasis application.', {
    name: 'string!', channel_ids: 'List[string]!', bridge_ids: 'List[string]!', endpoint_ids: 'List[string]!',
    device_names: 'List[string]!', events_allowed: 'List[object]!', events_disallowed: 'List[object]!',
  })],
  endpoints: [model('Endpoint', 'An external device.', { technology: 'string!', resource: 'string!', state: 'string', channel_ids: 'List[string]!' })],
  sounds: [
    model('Sound', 'A prompt.', { id: 'string!', text: 'string', formats: 'List[FormatLangPair]!' }),
    model('FormatLangPair', 'A format and language.', { language: 'string!', format: 'string!' }),
  ],
  deviceStates: [model('DeviceState', 'A device state.', { name: 'string!', state: 'string!' })],
  mailboxes: [model('Mailbox', 'A mailbox.', { name: 'string!', old_messages: 'int!', new_messages: 'int!' })],
  events: eventModels,
};

export function modelsFor(resource: ApiResource): Record<string, SwaggerModel> {
  const out: Record<string, SwaggerModel> = {};
  for (const m of resourceModels[resource]) out[m.id] = m;
  return out;
}

/** Event types the simulator declares (and so may send). */
export function declaredEventTypes(): string[] {
  return eventModels.slice(3).map((m) => m.id);
}
