import net from 'node:net';
import { WsFrameReader } from './ws-frame-reader';

/**
 * A TCP proxy in front of ARI, so a test can cut the dialer's connection (WebSocket and REST) the
 * way a network failure would (close 1006, no close frame) and let it come back.
 */
export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private cut = false;

  /** `onServerText` (optional) sees every WebSocket text frame the server sends through the proxy. */
  constructor(private readonly targetHost: string, private readonly targetPort: number, private readonly onServerText?: (text: string) => void) {}

  async start(): Promise<number> {
    this.server = net.createServer((client) => {
      if (this.cut) { client.destroy(); return; }
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => { client.destroy(); upstream.destroy(); });
      }
      client.pipe(upstream);
      upstream.pipe(client);
      const tap = this.onServerText;
      if (tap) {
        const reader = new WsFrameReader(tap);
        upstream.on('data', (chunk: Buffer) => reader.push(chunk));
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as net.AddressInfo).port;
  }

  /** Drops every open connection and refuses new ones until resume(). */
  pause(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  resume(): void { this.cut = false; }

  async stop(): Promise<void> {
    this.pause();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
