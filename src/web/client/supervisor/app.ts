import { api, ApiError } from '../api.js';
import { LiveSocket, type LiveMessage } from '../live-socket.js';
import type { DialingMode } from '../agent/types.js';
import type { LiveSnapshot } from '../api-types.js';

/** GET /api/campaigns/:id/live, also pushed as `campaign.live` on topic campaign:<id> (src/dialer/live-snapshot.ts). */
export type { LiveSnapshot } from '../api-types.js';

export interface CampaignChoice { id: number; name: string; state: string; dialingMode: DialingMode }
export interface CallSample { ringing: number; talking: number; waiting: number }

/** Ten minutes of one-second samples. */
export const HISTORY_CAPACITY = 600;
const POLL_OFFLINE_MS = 2000;
const POLL_SAFETY_MS = 15_000;

/**
 * The dashboard's state: the campaign followed, its latest live snapshot (pushed at most every 0.5 s by the
 * server after a change; polled while the socket is down, and every 15 s as a safety net), the server clock
 * offset (so times in state tick right even when the wall screen's clock is off), and a call history.
 */
export class SupervisorApp {
  campaigns: CampaignChoice[] = [];
  campaignId: number | null = null;
  snapshot: LiveSnapshot | null = null;
  /** Server time minus local time, from the last snapshot. */
  offsetMs = 0;
  receivedAt = 0;
  history: CallSample[] = [];
  connected = false;
  problem: 'notLive' | 'error' | null = null;
  private readonly socket: LiveSocket;
  private lastFetch = 0;
  private fetching = false;

  constructor(private readonly render: (app: SupervisorApp, what: 'all' | 'tick') => void) {
    this.socket = new LiveSocket((m) => this.onMessage(m), (up) => { this.connected = up; this.render(this, 'all'); }, () => { void this.fetch(); });
  }

  async start(): Promise<void> {
    const lists = await Promise.all(['running', 'paused'].map((state) =>
      api<{ items: CampaignChoice[] }>('GET', `/api/campaigns?state=${state}&limit=200&sort=name`)));
    this.campaigns = lists.flatMap((l) => l.items);
    const wanted = Number(/campaign=(\d+)/.exec(location.hash)?.[1]);
    const first = this.campaigns.find((c) => c.id === wanted) ?? this.campaigns[0];
    this.socket.open();
    window.setInterval(() => this.everySecond(), 1000);
    if (first) this.select(first.id);
    else this.render(this, 'all');
  }

  select(id: number): void {
    if (this.campaignId !== null) this.socket.unsubscribe(`campaign:${this.campaignId}`);
    this.campaignId = id;
    this.snapshot = null;
    this.history = [];
    this.problem = null;
    window.history.replaceState(null, '', `#campaign=${id}`);
    this.socket.subscribe(`campaign:${id}`);
    this.render(this, 'all');
    void this.fetch();
  }

  private onMessage(m: LiveMessage): void {
    if (m.type !== 'campaign.live') return;
    const s = m.snapshot as LiveSnapshot;
    if (s.campaignId === this.campaignId) this.apply(s);
  }

  private apply(s: LiveSnapshot): void {
    const now = Date.now();
    this.snapshot = s;
    this.receivedAt = now;
    this.offsetMs = Date.parse(s.at) - now;
    this.problem = null;
    this.render(this, 'all');
  }

  async fetch(): Promise<void> {
    const id = this.campaignId;
    if (id === null || this.fetching) return;
    this.fetching = true;
    this.lastFetch = Date.now();
    try {
      const s = await api<LiveSnapshot>('GET', `/api/campaigns/${id}/live`);
      if (this.campaignId === id) this.apply(s);
    } catch (err) {
      if (this.campaignId !== id) return;
      this.problem = err instanceof ApiError && err.status === 409 ? 'notLive' : 'error';
      this.render(this, 'all');
    } finally {
      this.fetching = false;
    }
  }

  /** Server time now, by the last snapshot's clock. */
  serverNow(): number {
    return Date.now() + this.offsetMs;
  }

  private everySecond(): void {
    const s = this.snapshot;
    if (s) {
      this.history.push({ ringing: s.calls.ringing, talking: s.calls.talking, waiting: s.calls.waiting });
      if (this.history.length > HISTORY_CAPACITY) this.history.shift();
    }
    const since = Date.now() - Math.max(this.lastFetch, this.receivedAt);
    if ((!this.connected && since >= POLL_OFFLINE_MS) || since >= POLL_SAFETY_MS) void this.fetch();
    this.render(this, 'tick');
  }
}
