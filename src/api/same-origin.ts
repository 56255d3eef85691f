import type { IncomingMessage } from 'node:http';

/**
 * Whether a browser request comes from a page of this server. Browsers send Origin on every
 * state-changing request (and Referer when a privacy setting drops Origin); a request with neither
 * comes from a program (curl, a script with a bearer token), which no other site can make a browser send.
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin ?? refererOrigin(req.headers.referer);
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid:';
  }
}
