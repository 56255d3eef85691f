import WebSocket from 'ws';

/** The ARI event WebSocket, as AriConnection needs it: text messages in, open and close out. */
export interface AriEventSocket {
  onOpen(fn: () => void): void;
  onMessage(fn: (text: string) => void): void;
  /** Once per socket, whether it opened or not. */
  onClose(fn: (reason: string) => void): void;
  close(): void;
}

export type OpenAriEventSocket = (app: string) => AriEventSocket;

export interface AriEventSocketOptions {
  url: string;
  user: string;
  password: string;
  /** A socket with no pong for this long is dead (a half-open TCP connection after a PBX crash). */
  pingMs?: number;
}

/**
 * Our own `ws` connection to /ari/events. ari-client builds a resource object with every Swagger
 * operation bound for each channel, bridge and playback in each event before emitting it; on a busy
 * PBX that work sat between Asterisk's event and our reaction. Here an event costs one JSON.parse and
 * our zod decode. REST stays on ari-client.
 */
export function ariEventSocketOpener(opts: AriEventSocketOptions): OpenAriEventSocket {
  return (app) => {
    const base = new URL(opts.url);
    const scheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
    const path = base.pathname.replace(/\/+$/, '');
    const q = new URLSearchParams({ app, subscribeAll: 'false' });
    const auth = `Basic ${Buffer.from(`${opts.user}:${opts.password}`).toString('base64')}`;
    const ws = new WebSocket(`${scheme}//${base.host}${path}/ari/events?${q.toString()}`, { headers: { authorization: auth }, perMessageDeflate: false });
    const pingMs = opts.pingMs ?? 20_000;
    let alive = true;
    let closed = false;
    const closeListeners: ((reason: string) => void)[] = [];
    const heartbeat = setInterval(() => {
      if (!alive) { ws.terminate(); return; }
      alive = false;
      if (ws.readyState === WebSocket.OPEN) ws.ping();
    }, pingMs);
    heartbeat.unref();
    ws.on('pong', () => { alive = true; });
    const finish = (reason: string) => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      for (const fn of closeListeners) fn(reason);
    };
    ws.on('close', (code, why) => finish(`closed ${code}${why.length ? ` ${why.toString()}` : ''}`));
    // 'close' follows 'error'; the error only says why.
    ws.on('error', (err) => { if (ws.readyState !== WebSocket.OPEN) finish(err.message); });
    ws.on('unexpected-response', (_req, res) => { finish(`HTTP ${res.statusCode ?? '?'}`); ws.terminate(); });
    return {
      onOpen: (fn) => { ws.on('open', fn); },
      onMessage: (fn) => { ws.on('message', (data, isBinary) => { if (!isBinary) fn(data.toString()); }); },
      onClose: (fn) => { closeListeners.push(fn); },
      close: () => {
        clearInterval(heartbeat);
        if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
        else ws.close();
      },
    };
  };
}
