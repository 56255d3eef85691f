/**
 * Served on an address other people can reach, a session cookie without Secure travels in clear text
 * unless HTTPS ends at a proxy we were told to trust. Returns the warning to log at start-up, if any.
 */
export function insecureCookieWarning(host: string, cookieSecure: boolean, trustProxy: boolean): string | undefined {
  if (cookieSecure || trustProxy || isLoopback(host)) return undefined;
  return `listening on ${host} with neither cookieSecure nor trustProxy: the session cookie is sent without Secure; `
    + 'serve HTTPS through a reverse proxy on loopback and set trustProxy, or set cookieSecure';
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
