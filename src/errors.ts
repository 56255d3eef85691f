/**
 * The one error catalogue. Codes are stable strings that clients may rely on; the API's error
 * middleware turns a DialerError into { error: { code, message, field? } } with the code's status.
 */
export const errorCatalogue = {
  E_VALIDATION: 400,
  E_BAD_JSON: 400,
  E_UNAUTHENTICATED: 401,
  E_BAD_CREDENTIALS: 401,
  E_FORBIDDEN: 403,
  E_NOT_FOUND: 404,
  E_CONFLICT: 409,
  E_TRANSITION_DENIED: 409,
  E_IN_USE: 409,
  E_DUPLICATE: 409,
  E_PAYLOAD_TOO_LARGE: 413,
  E_IMPORT_INFLATED: 413,
  E_TOO_MANY_ATTEMPTS: 429,
  E_UNSUPPORTED_MEDIA: 415,
  E_IMPORT_NOT_SPREADSHEET: 415,
  E_IMPORT_EMPTY: 422,
  E_IMPORT_NO_PHONE_COLUMN: 422,
  E_IMPORT_STATE: 409,
  E_EXPORT_TOO_LARGE: 422,
  E_CONTACT_DNC: 409,
  E_CAMPAIGN_NOT_APPROVED: 409,
  E_TELEPHONY_UNAVAILABLE: 503,
  E_NOT_READY: 503,
  E_CHANNEL_GONE: 404,
  E_BRIDGE_GONE: 404,
  E_PLAYBACK_GONE: 404,
  E_RECORDING_GONE: 404,
  E_NOT_IN_STASIS: 409,
  E_ALLOCATION_FAILED: 502,
  E_INVALID_ENDPOINT: 502,
  E_ARI: 502,
  E_INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class DialerError extends Error {
  readonly httpStatus: number;
  /** Sent as Retry-After with a 429 or 503. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.name = 'DialerError';
    this.httpStatus = errorCatalogue[code];
  }
}

export const notFound = (what: string, id: number | string): DialerError =>
  new DialerError('E_NOT_FOUND', `${what} ${id} not found`);

export const forbidden = (reason: string): DialerError => new DialerError('E_FORBIDDEN', reason);
