import { z } from 'zod';

/**
 * The ARI events the dialer uses, decoded once with zod. Field names are exactly those of
 * Asterisk's events.json (ARI 10). Only the fields we read are validated; anything else in the
 * JSON is dropped. Consumers switch on `type` and end in assertNever.
 */
const callerId = z.object({ name: z.string(), number: z.string() });
const dialplan = z.object({ context: z.string(), exten: z.string(), priority: z.number(), app_name: z.string(), app_data: z.string() });

export const ariChannelSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  state: z.string(),
  caller: callerId.optional(),
  dialplan: dialplan.optional(),
});
export type AriChannel = z.infer<typeof ariChannelSchema>;

export const ariBridgeSchema = z.object({
  id: z.string().min(1),
  bridge_type: z.string().optional(),
  channels: z.array(z.string()),
});
export type AriBridge = z.infer<typeof ariBridgeSchema>;

const playback = z.object({ id: z.string().min(1), state: z.string(), media_uri: z.string().optional() });
const recording = z.object({ name: z.string().min(1), state: z.string(), cause: z.string().optional(), duration: z.number().optional() });
const base = { application: z.string().optional(), timestamp: z.string().optional() };

export const ariEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('StasisStart'), args: z.array(z.string()), channel: ariChannelSchema }),
  z.object({ ...base, type: z.literal('StasisEnd'), channel: ariChannelSchema }),
  z.object({ ...base, type: z.literal('ChannelStateChange'), channel: ariChannelSchema }),
  z.object({ ...base, type: z.literal('Dial'), peer: ariChannelSchema, caller: ariChannelSchema.optional(), dialstatus: z.string() }),
  z.object({ ...base, type: z.literal('ChannelHangupRequest'), channel: ariChannelSchema, cause: z.number().optional(), soft: z.boolean().optional() }),
  z.object({ ...base, type: z.literal('ChannelDestroyed'), channel: ariChannelSchema, cause: z.number(), cause_txt: z.string() }),
  z.object({ ...base, type: z.literal('ChannelDtmfReceived'), channel: ariChannelSchema, digit: z.string(), duration_ms: z.number() }),
  z.object({ ...base, type: z.literal('ChannelEnteredBridge'), bridge: ariBridgeSchema, channel: ariChannelSchema.optional() }),
  z.object({ ...base, type: z.literal('ChannelLeftBridge'), bridge: ariBridgeSchema, channel: ariChannelSchema }),
  z.object({ ...base, type: z.literal('BridgeDestroyed'), bridge: ariBridgeSchema }),
  z.object({ ...base, type: z.literal('PlaybackStarted'), playback }),
  z.object({ ...base, type: z.literal('PlaybackFinished'), playback }),
  z.object({ ...base, type: z.literal('RecordingStarted'), recording }),
  z.object({ ...base, type: z.literal('RecordingFinished'), recording }),
  z.object({ ...base, type: z.literal('RecordingFailed'), recording }),
  z.object({ ...base, type: z.literal('ApplicationReplaced') }),
]);

export type AriEvent = z.infer<typeof ariEventSchema>;
export type AriEventType = AriEvent['type'];

export const ARI_EVENT_TYPES: ReadonlySet<string> = new Set(ariEventSchema.options.map((o) => o.shape.type.value));

export type DecodedEvent =
  | { ok: true; event: AriEvent }
  /** An event type we do not use (ChannelVarset, ChannelDialplan, ...): ignore it. */
  | { ok: false; ignored: true; type: string }
  | { ok: false; ignored: false; type: string; problem: string };

export function decodeAriEvent(raw: unknown): DecodedEvent {
  const type = typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string' ? (raw as { type: string }).type : '';
  if (!ARI_EVENT_TYPES.has(type)) return { ok: false, ignored: true, type };
  const parsed = ariEventSchema.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  return { ok: false, ignored: false, type, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
}
