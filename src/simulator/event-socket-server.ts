import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'winston';
import { WebSocket, WebSocketServer } from 'ws';
import type { EventHub } from './event-hub';
import { unauthorizedBody, unauthorizedHeaders, type RequestAuth } from './request-auth';
import type { AppSocket } from './sim-types';

function reject(socket: Duplex, status: string, headers: Record<string, string>, body: string): void {
  const lines = Object.entries({ ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' }).map(([k, v]) => `${k}: ${v}`);
  socket.end(`HTTP/1.1 ${status}\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * `ws://…/ari/events?app=A[,B][&app=C]&api_key=user:pass`. One socket may carry several apps; a
 * second socket for an app takes it over and the first one gets ApplicationReplaced (it stays open).
 * When a socket closes its apps stay registered while they still have channels or bridges.
 */
export class EventSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  private readonly open = new Set<WebSocket>();

  constructor(private readonly hub: EventHub, private readonly auth: RequestAuth, private readonly log?: Logger) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const [path = '', query = ''] = (req.url ?? '').split('?', 2);
    const search = new URLSearchParams(query);
    if (path !== '/ari/events') return reject(socket, '404 Not Found', { 'Content-Type': 'application/json' }, JSON.stringify({ message: 'Resource not found' }));
    if (!this.auth(req, search)) return reject(socket, '401 Unauthorized', unauthorizedHeaders, unauthorizedBody);
    const names = [...new Set(search.getAll('app').flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean))];
    if (names.length === 0) return reject(socket, '400 Bad Request', { 'Content-Type': 'text/plain' }, 'HTTP request is missing param: [app]');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, names));
  }

  private attach(ws: WebSocket, names: readonly string[]): void {
    this.open.add(ws);
    const appSocket: AppSocket = {
      send: (text) => { if (ws.readyState === WebSocket.OPEN) ws.send(text); },
      drop: () => ws.terminate(),
    };
    for (const name of names) {
      const app = this.hub.register(name);
      if (app.socket && app.socket !== appSocket) {
        app.socket.send(JSON.stringify({ type: 'ApplicationReplaced', timestamp: this.hub.timestamp(), application: name, asterisk_id: this.hub.asteriskId }));
      }
      app.socket = appSocket;
    }
    this.log?.debug('event socket open', { apps: names });
    ws.on('error', (err) => this.log?.debug('event socket error', { err }));
    ws.on('close', () => {
      this.open.delete(ws);
      for (const name of names) {
        const app = this.hub.apps.get(name);
        if (app?.socket !== appSocket) continue;
        app.socket = null;
        this.hub.dropIfIdle(app);
      }
    });
  }

  /** Bytes queued on all sockets (the virtual clock waits for them to drain). */
  buffered(): number {
    let total = 0;
    for (const ws of this.open) total += ws.bufferedAmount;
    return total;
  }

  get size(): number { return this.open.size; }

  /** Cuts every socket without a close frame: clients see 1006. */
  dropAll(): void {
    for (const ws of this.open) ws.terminate();
  }

  closeAll(): void {
    for (const ws of this.open) ws.terminate();
    this.wss.close();
  }
}
