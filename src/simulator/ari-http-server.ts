import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'winston';
import type { AriRouter } from './ari-router';
import type { EventSocketServer } from './event-socket-server';
import type { FaultInjector } from './fault-injector';
import { allocationFailed, AriHttpError } from './http-error';
import { unauthorizedBody, unauthorizedHeaders, type RequestAuth } from './request-auth';
import { RequestParams, type RouteResult } from './route-def';
import type { SwaggerDocs } from './swagger-docs';

export interface AriHttpServerDeps {
  readonly router: AriRouter;
  readonly docs: SwaggerDocs;
  readonly faults: FaultInjector;
  readonly sockets: EventSocketServer;
  readonly auth: RequestAuth;
  readonly serverHeader: string;
  readonly log?: Logger;
  /** Told about unexpected errors (bugs), so tests can fail on them. */
  readonly onError?: (err: unknown) => void;
}

const MAX_BODY = 1024 * 1024;
/** Requests that make a channel: the first to be refused when a shutdown starts. */
const CHANNEL_MAKERS: ReadonlySet<string> = new Set(['originate', 'create', 'originateWithId']);

/** Reads `variables` from a JSON body: plain strings, or {"value": …, "report_events": …}. */
function variablesOf(body: Record<string, unknown>): Record<string, string> {
  const raw = body.variables;
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = String(value);
    else if (value && typeof value === 'object' && 'value' in value) out[name] = String((value as { value: unknown }).value);
  }
  return out;
}

function paramsOf(search: URLSearchParams, body: Record<string, unknown>): RequestParams {
  const values = new Map<string, string[]>();
  for (const [key, value] of search) values.set(key, [...(values.get(key) ?? []), value]);
  for (const [key, value] of Object.entries(body)) {
    if (key === 'variables' || value === null || typeof value === 'object') continue;
    values.set(key, [String(value)]);
  }
  return new RequestParams(values, variablesOf(body));
}

/**
 * The REST side of the simulated ARI on plain node:http: basic auth or api_key, the generated
 * api-docs, the route table, injected faults, and the WebSocket upgrade for /ari/events.
 */
export class AriHttpServer {
  readonly server: Server;
  /** Requests being handled, and a counter of everything that arrived (the virtual clock's idle test). */
  inflight = 0;
  activity = 0;
  /** While true (a simulated restart) every connection is cut at once. */
  down = false;
  /** The phases of a shutdown before the sockets close (see SimulatorOptions.restartShuttingDownMs). */
  shutdown: 'no' | 'refusingChannels' | 'refusingAll' = 'no';

  constructor(private readonly deps: AriHttpServerDeps) {
    this.server = createServer((req, res) => this.onRequest(req, res));
    this.server.on('upgrade', (req, socket, head: Buffer) => {
      this.activity++;
      if (this.down) return socket.destroy();
      if (this.shutdown === 'refusingAll') {
        const page = this.shutdownPage();
        socket.end(`HTTP/1.1 503 Service Unavailable\r\nServer: ${deps.serverHeader}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(page)}\r\n\r\n${page}`);
        return;
      }
      deps.sockets.handleUpgrade(req, socket, head);
    });
    this.server.keepAliveTimeout = 30_000;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve((this.server.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    this.activity++;
    if (this.down) {
      req.socket.destroy();
      return;
    }
    this.inflight++;
    let done = false;
    const finish = () => { if (!done) { done = true; this.inflight--; } };
    res.on('close', finish);
    res.on('finish', finish);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      this.activity++;
      try {
        this.dispatch(req, res, size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8'));
      } catch (err) {
        this.fail(res, err);
      }
    });
  }

  private dispatch(req: IncomingMessage, res: ServerResponse, bodyText: string | null): void {
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
    const search = new URLSearchParams(query);
    if (this.shutdown === 'refusingAll') return this.reply(res, { status: 503, body: this.shutdownPage(), contentType: 'text/html' });
    if (!path.startsWith('/ari/')) throw new AriHttpError(404, 'Resource not found');
    if (!this.deps.auth(req, search)) {
      res.writeHead(401, { ...unauthorizedHeaders, 'Content-Length': Buffer.byteLength(unauthorizedBody), Server: this.deps.serverHeader });
      res.end(unauthorizedBody);
      return;
    }
    const rest = path.slice(4);
    if (rest.startsWith('/api-docs/')) return this.serveDocs(req, res, rest.slice('/api-docs/'.length));
    if (bodyText === null) throw new AriHttpError(413, 'Request body too large');
    const body = parseBody(bodyText);
    const match = this.deps.router.match(req.method ?? 'GET', rest);
    if (match.kind === 'none') throw new AriHttpError(404, 'Resource not found');
    if (match.kind === 'wrong-method') throw new AriHttpError(405, 'Invalid method');
    if (this.shutdown === 'refusingChannels' && match.route.resource === 'channels' && CHANNEL_MAKERS.has(match.route.nickname)) throw allocationFailed();
    const fault = this.deps.faults.take(match.route, match.path);
    if (fault) {
      fault.before?.(match.path);
      throw new AriHttpError(fault.status, fault.message, fault.key);
    }
    this.reply(res, match.route.handle({ path: match.path, params: paramsOf(search, body) }));
  }

  /** Asterisk's own error page while it shuts down (ast_http_error). */
  private shutdownPage(): string {
    return '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\r\n<html><head>\r\n<title>503 Service Unavailable</title>\r\n</head><body>\r\n'
      + `<h1>Service Unavailable</h1>\r\n<p>Shutdown in progress</p>\r\n<hr />\r\n<address>${this.deps.serverHeader}</address>\r\n</body></html>\r\n`;
  }

  private serveDocs(req: IncomingMessage, res: ServerResponse, file: string): void {
    const host = req.headers.host ?? '127.0.0.1';
    const name = file.replace(/\.json$/, '');
    const text = name === 'resources' ? this.deps.docs.resources(host) : this.deps.docs.api(name, host);
    if (text === undefined) throw new AriHttpError(404, 'Resource not found');
    this.reply(res, { status: 200, body: text, contentType: 'application/json' });
  }

  private reply(res: ServerResponse, result: Omit<RouteResult, 'status'> & { status: number }): void {
    const headers: Record<string, string | number> = { Server: this.deps.serverHeader, 'Cache-Control': 'no-cache, no-store' };
    if (result.status === 204 || result.body === undefined) {
      res.writeHead(result.status === 204 ? 204 : result.status, headers);
      res.end();
      return;
    }
    const payload = Buffer.isBuffer(result.body) ? result.body
      : typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    headers['Content-Type'] = result.contentType ?? 'application/json';
    headers['Content-Length'] = Buffer.byteLength(payload);
    res.writeHead(result.status, headers);
    res.end(payload);
  }

  private fail(res: ServerResponse, err: unknown): void {
    const error = err instanceof AriHttpError ? err : new AriHttpError(500, 'Internal Server Error');
    if (!(err instanceof AriHttpError)) {
      this.deps.log?.error('simulator request failed', { err });
      this.deps.onError?.(err);
    }
    const text = JSON.stringify(error.body());
    if (res.headersSent) return void res.end();
    res.writeHead(error.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), Server: this.deps.serverHeader });
    res.end(text);
  }
}

function parseBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AriHttpError(400, 'Failed to parse JSON body');
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
