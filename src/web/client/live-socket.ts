export interface LiveMessage {
  type: string;
  [field: string]: unknown;
}

/**
 * The page's WebSocket: reconnects with backoff, re-subscribes its topics, and calls onReconnect
 * so the page can fetch what it missed (the server never replays).
 */
export class LiveSocket {
  private socket?: WebSocket;
  private readonly topics = new Set<string>();
  private attempt = 0;
  private closed = false;
  private connectedOnce = false;

  constructor(
    private readonly onMessage: (m: LiveMessage) => void,
    private readonly onStatus: (connected: boolean) => void = () => undefined,
    private readonly onReconnect: () => void = () => undefined,
  ) {}

  open(): void {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.onStatus(true);
      for (const topic of this.topics) socket.send(JSON.stringify({ type: 'subscribe', topic }));
      if (this.connectedOnce) this.onReconnect();
      this.connectedOnce = true;
    };
    socket.onmessage = (ev) => {
      try {
        this.onMessage(JSON.parse(String(ev.data)) as LiveMessage);
      } catch {
        /* a malformed frame is dropped */
      }
    };
    socket.onclose = (ev) => {
      this.onStatus(false);
      if (this.closed) return;
      // The server closes with 4401 when the session behind the socket ended (logged out elsewhere, expired).
      if (ev.code === 4401) {
        location.href = '/login';
        return;
      }
      const delay = Math.min(10_000, 250 * 2 ** this.attempt++) * (0.75 + Math.random() / 2);
      setTimeout(() => this.open(), delay);
    };
  }

  subscribe(topic: string): void {
    this.topics.add(topic);
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'subscribe', topic }));
  }

  unsubscribe(topic: string): void {
    this.topics.delete(topic);
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'unsubscribe', topic }));
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }
}
