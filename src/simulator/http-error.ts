/**
 * An HTTP error the simulated ARI answers with. Asterisk writes `{"message": …}` except for the 500
 * of a failed channel allocation, which is `{"error": "Allocation failed"}`.
 */
export class AriHttpError extends Error {
  constructor(readonly status: number, message: string, readonly key: 'message' | 'error' = 'message') {
    super(message);
    this.name = 'AriHttpError';
  }

  body(): Record<string, string> {
    return { [this.key]: this.message };
  }
}

export const notFound = (what: 'Channel' | 'Bridge' | 'Playback' | 'Recording' | 'Application' | 'Sound'): AriHttpError =>
  new AriHttpError(404, `${what} not found`);

export const notInStasis = (status = 409): AriHttpError => new AriHttpError(status, 'Channel not in Stasis application');

export const missingParameter = (name: string): AriHttpError => new AriHttpError(400, `Missing parameter ${name}`);

export const allocationFailed = (): AriHttpError => new AriHttpError(500, 'Allocation failed', 'error');
