import { DialerError } from '../../errors';

/**
 * The one reader of ari-client error messages. ari-client turns an HTTP error into an Error whose
 * message is the response body ({"message":"Channel not found"} or {"error":"Allocation failed"});
 * network failures keep their errno code. Everything else in the code sees a DialerError code.
 */
function bodyText(message: string): string {
  try {
    const body = JSON.parse(message) as { message?: unknown; error?: unknown };
    if (typeof body.message === 'string') return body.message;
    if (typeof body.error === 'string') return body.error;
  } catch {
    // not JSON: the message is the text itself
  }
  return message;
}

const RULES: [RegExp, ConstructorParameters<typeof DialerError>[0]][] = [
  [/channel not found|channel cannot be found/i, 'E_CHANNEL_GONE'],
  [/not in (a )?stasis application/i, 'E_NOT_IN_STASIS'],
  [/bridge not found/i, 'E_BRIDGE_GONE'],
  [/playback not found/i, 'E_PLAYBACK_GONE'],
  [/recording not found/i, 'E_RECORDING_GONE'],
  [/allocation failed/i, 'E_ALLOCATION_FAILED'],
  [/invalid endpoint|endpoint not found/i, 'E_INVALID_ENDPOINT'],
  [/already exists/i, 'E_DUPLICATE'],
  [/isn't playing music|channel in invalid state|cannot be dialed/i, 'E_CONFLICT'],
];

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH']);

export function toDialerError(err: unknown, operation: string): DialerError {
  if (err instanceof DialerError) return err;
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return new DialerError('E_TELEPHONY_UNAVAILABLE', `${operation}: Asterisk unreachable (${code})`, undefined, { cause: err });
  }
  const raw = err instanceof Error ? err.message : String(err);
  // Asterisk answers every request with an HTML 503 page while it shuts down or restarts.
  if (/shutdown in progress|503 service unavailable/i.test(raw)) {
    return new DialerError('E_TELEPHONY_UNAVAILABLE', `${operation}: Asterisk is shutting down (503)`, undefined, { cause: err });
  }
  const text = bodyText(raw);
  for (const [pattern, dialerCode] of RULES) {
    if (pattern.test(text)) return new DialerError(dialerCode, `${operation}: ${text}`, undefined, { cause: err });
  }
  if (/socket hang up|network error/i.test(text)) {
    return new DialerError('E_TELEPHONY_UNAVAILABLE', `${operation}: ${text}`, undefined, { cause: err });
  }
  return new DialerError('E_ARI', `${operation}: ${text || 'unknown ARI error'}`, undefined, { cause: err });
}
