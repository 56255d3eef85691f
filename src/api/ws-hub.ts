import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'winston';
import { WebSocketServer, WebSocket } from 'ws';
import { z } from 'zod';
import type { AuthenticatedUser, AuthService } from '../services/auth-service';
import { sameOrigin } from './same-origin';
import { SESSION_COOKIE } from './session-token';
import { WS_PATH } from './ws-topics';

/** What a client may send. Everything else is answered with an error message and otherwise ignored. */
const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), topic: z.string().min(1).max(100) }),
  z.object({ type: z.literal('unsubscribe'), topic: z.string().min(1).max(100) }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

export interface ServerMessage {
  type: string;
  /** Messages with a key replace an unsent older one with the same key when the socket is slow. */
  key?: string;
  [field: string]: unknown;
}

export interface WsHubOptions {
  server: Server;
  auth: AuthService;
  log: Logger;
  path?: string;
  /** May this user follow this topic (e.g. `campaign:7`)? */
  authorizeTopic: (actor: AuthenticatedUser, topic: string) => boolean;
  pingIntervalMs?: number;
  /** Above this many buffered bytes, keyed messages are coalesced instead of queued. */
  slowSocketBytes?: number;
  onConnect?: (actor: AuthenticatedUser) => void;
  /** A user's last open socket closed (their page is gone, or their session ended). */
  onLastDisconnect?: (actor: AuthenticatedUser) => void;
}

interface Client {
  socket: WebSocket;
  actor: AuthenticatedUser;
  /** The session it was opened with: checked again at every heartbeat. */
  token: string;
  topics: Set<string>;
  alive: boolean;
  pending: Map<string, ServerMessage>;
  flushTimer?: NodeJS.Timeout;
}

function tokenFrom(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export class WsHub {
  private readonly wss: WebSocketServer;
  private readonly clients = new Set<Client>();
  private readonly pingTimer: NodeJS.Timeout;
  private readonly path: string;
  private readonly slowBytes: number;

  constructor(private readonly options: WsHubOptions) {
    this.path = options.path ?? WS_PATH;
    this.slowBytes = options.slowSocketBytes ?? 256 * 1024;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
    options.server.on('upgrade', this.onUpgrade);
    this.pingTimer = setInterval(() => this.heartbeat(), options.pingIntervalMs ?? 15_000);
    this.pingTimer.unref();
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== this.path) return;
    const token = tokenFrom(req);
    const actor = token ? this.options.auth.authenticate(token) : undefined;
    if (!token || !actor || !sameOrigin(req)) {
      socket.end(`HTTP/1.1 ${actor ? '403 Forbidden' : '401 Unauthorized'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, actor, token));
  };

  private accept(socket: WebSocket, actor: AuthenticatedUser, token: string): void {
    const client: Client = { socket, actor, token, topics: new Set([`user:${actor.id}`]), alive: true, pending: new Map() };
    this.clients.add(client);
    socket.on('pong', () => { client.alive = true; });
    socket.on('message', (data) => this.onMessage(client, data.toString()));
    socket.on('close', () => {
      this.clients.delete(client);
      if (client.flushTimer) clearTimeout(client.flushTimer);
      if (![...this.clients].some((c) => c.actor.id === actor.id)) this.options.onLastDisconnect?.(actor);
    });
    socket.on('error', (err) => this.options.log.warn('websocket error', { err, userId: actor.id }));
    this.send(client, { type: 'hello', user: { id: actor.id, role: actor.role, username: actor.user.username } });
    this.options.onConnect?.(actor);
  }

  private onMessage(client: Client, text: string): void {
    let parsed: ClientMessage;
    try {
      const result = clientMessage.safeParse(JSON.parse(text));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'bad message');
      parsed = result.data;
    } catch (err) {
      this.send(client, { type: 'error', message: `bad message: ${(err as Error).message}` });
      return;
    }
    switch (parsed.type) {
      case 'ping':
        this.send(client, { type: 'pong' });
        return;
      case 'subscribe':
        if (!this.options.authorizeTopic(client.actor, parsed.topic)) {
          this.send(client, { type: 'error', message: `not allowed to follow ${parsed.topic}` });
          return;
        }
        client.topics.add(parsed.topic);
        this.send(client, { type: 'subscribed', topic: parsed.topic });
        return;
      case 'unsubscribe':
        client.topics.delete(parsed.topic);
        return;
    }
  }

  private heartbeat(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.socket.terminate();
        continue;
      }
      // Logged out elsewhere, expired, or the user was deactivated: the socket goes with the session.
      if (!this.options.auth.isValid(client.token)) {
        client.socket.close(4401, 'session ended');
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }

  private send(client: Client, message: ServerMessage): void {
    if (client.socket.readyState !== WebSocket.OPEN) return;
    if (message.key && (client.socket.bufferedAmount > this.slowBytes || client.pending.size > 0)) {
      client.pending.set(message.key, message);
      client.flushTimer ??= setTimeout(() => this.flush(client), 100);
      return;
    }
    client.socket.send(JSON.stringify(message));
  }

  private flush(client: Client): void {
    // At most one message per key per window reaches a slow socket, so its buffer stops growing.
    client.flushTimer = undefined;
    if (client.socket.readyState !== WebSocket.OPEN) return;
    const pending = [...client.pending.values()];
    client.pending.clear();
    for (const m of pending) client.socket.send(JSON.stringify(m));
  }

  /** Sends to every client following the topic; `user:<id>` is followed automatically by that user. */
  publish(topic: string, message: ServerMessage): number {
    let n = 0;
    for (const client of this.clients) {
      if (!client.topics.has(topic)) continue;
      this.send(client, message);
      n++;
    }
    return n;
  }

  /** Whether any connected client follows the topic (publishers skip building what nobody reads). */
  isFollowed(topic: string): boolean {
    for (const client of this.clients) if (client.topics.has(topic)) return true;
    return false;
  }

  sendToUser(userId: number, message: ServerMessage): number {
    return this.publish(`user:${userId}`, message);
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.pingTimer);
    this.options.server.off('upgrade', this.onUpgrade);
    for (const client of this.clients) client.socket.terminate();
    this.wss.close();
  }
}
