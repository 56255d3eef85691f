import type { IncomingMessage } from 'node:http';

/** ARI credentials: HTTP basic auth or `?api_key=user:password`, as Asterisk accepts them. */
export type RequestAuth = (req: IncomingMessage, search: URLSearchParams) => boolean;

export function createRequestAuth(user: string, password: string): RequestAuth {
  const expected = `${user}:${password}`;
  return (req, search) => {
    const header = req.headers.authorization;
    if (header?.startsWith('Basic ')) return Buffer.from(header.slice(6), 'base64').toString('utf8') === expected;
    return search.get('api_key') === expected;
  };
}

export const unauthorizedBody = JSON.stringify({ message: 'Authentication required' });
export const unauthorizedHeaders = {
  'WWW-Authenticate': 'Basic realm="Asterisk REST Interface"',
  'Content-Type': 'application/json',
  'Cache-Control': 'no-cache, no-store',
};
