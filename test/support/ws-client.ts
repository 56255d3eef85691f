import { WebSocket } from 'ws';

export interface WsClient {
  ws: WebSocket;
  /** Every message received and not yet taken by `next`. */
  messages: any[];
  /** The next message of this type (one already received, or the next to come). */
  next(type: string): Promise<any>;
  /** Subscribes and answers what the hub said: 'subscribed', or the error message. */
  follow(topic: string): Promise<'subscribed' | string>;
}

/** Opens the hub's socket; rejects with `status NNN` when the upgrade is refused. */
export function connectWs(url: string, headers: Record<string, string>): Promise<WsClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const messages: any[] = [];
    const waiters: { types: string[]; resolve: (m: any) => void }[] = [];
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      const i = waiters.findIndex((w) => w.types.includes(m.type));
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(m);
      else messages.push(m);
    });
    const nextOf = (types: string[]) => {
      const seen = messages.findIndex((m) => types.includes(m.type));
      if (seen >= 0) return Promise.resolve(messages.splice(seen, 1)[0]);
      return new Promise<any>((r) => waiters.push({ types, resolve: r }));
    };
    const client: WsClient = {
      ws, messages, next: (type) => nextOf([type]),
      async follow(topic) {
        ws.send(JSON.stringify({ type: 'subscribe', topic }));
        const m = await nextOf(['subscribed', 'error']);
        return m.type === 'subscribed' ? 'subscribed' : String(m.message);
      },
    };
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}
