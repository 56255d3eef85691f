import { createAriTimeFormatter } from './ari-time';
import type { SimScheduler } from './sim-scheduler';
import type { SimBridge, SimChannel, StasisApp } from './sim-types';

/** Sees every event delivered to an app's socket (tests and benchmarks; costs nothing when unused). */
export type EventObserver = (appName: string, event: Readonly<Record<string, unknown>>) => void;

/**
 * Stasis apps, their subscriptions, and event delivery. An event is serialised once; each app gets
 * that text with its own `asterisk_id`/`application` tail, which is how the real server orders them.
 */
export class EventHub {
  readonly apps = new Map<string, StasisApp>();
  private readonly format = createAriTimeFormatter();
  private readonly observers = new Set<EventObserver>();
  delivered = 0;

  constructor(readonly asteriskId: string, private readonly clock: SimScheduler) {}

  timestamp(): string {
    return this.format(this.clock.now());
  }

  register(name: string): StasisApp {
    let app = this.apps.get(name);
    if (!app) {
      const suffix = `,"asterisk_id":${JSON.stringify(this.asteriskId)},"application":${JSON.stringify(name)}}`;
      app = { name, suffix, socket: null, channelIds: new Set(), bridgeIds: new Set() };
      this.apps.set(name, app);
    }
    return app;
  }

  /** An app that exists and has a WebSocket: Stasis() into it succeeds. */
  activeApp(name: string): StasisApp | undefined {
    const app = this.apps.get(name);
    return app?.socket ? app : undefined;
  }

  /** Forgets an app with no socket and no subscriptions (what the real registry does on disconnect). */
  dropIfIdle(app: StasisApp): void {
    if (!app.socket && app.channelIds.size === 0 && app.bridgeIds.size === 0) this.apps.delete(app.name);
  }

  subscribeChannel(app: StasisApp, ch: SimChannel): void {
    if (ch.subs.includes(app)) return;
    ch.subs = [...ch.subs, app];
    app.channelIds.add(ch.id);
  }

  unsubscribeChannel(app: StasisApp, ch: SimChannel): void {
    if (!ch.subs.includes(app)) return;
    ch.subs = ch.subs.filter((a) => a !== app);
    app.channelIds.delete(ch.id);
  }

  addBridgeRef(app: StasisApp, bridge: SimBridge, delta: number): void {
    const count = Math.max(0, (bridge.appRefs.get(app) ?? 0) + delta);
    if (count > 0) {
      bridge.appRefs.set(app, count);
      app.bridgeIds.add(bridge.id);
    } else {
      bridge.appRefs.delete(app);
      app.bridgeIds.delete(bridge.id);
    }
  }

  /** Apps that hear about a bridge itself. */
  bridgeAudience(bridge: SimBridge): StasisApp[] {
    return [...bridge.appRefs.keys()];
  }

  /** Apps that hear about a channel entering or leaving a bridge. */
  union(a: readonly StasisApp[], b: readonly StasisApp[]): readonly StasisApp[] {
    if (b.length === 0) return a;
    if (a.length === 0) return b;
    const out = [...a];
    for (const app of b) if (!out.includes(app)) out.push(app);
    return out;
  }

  /** Delivers an event (without `asterisk_id`/`application`) to apps that have a socket. */
  send(targets: readonly StasisApp[], event: Record<string, unknown>): void {
    if (targets.length === 0) return;
    const head = JSON.stringify(event).slice(0, -1);
    for (const app of targets) {
      if (!app.socket) continue;
      app.socket.send(head + app.suffix);
      if (this.observers.size > 0) this.notify(app.name, event);
      this.delivered++;
    }
  }

  observe(observer: EventObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  private notify(appName: string, event: Record<string, unknown>): void {
    const full = { ...event, asterisk_id: this.asteriskId, application: appName };
    for (const observer of this.observers) observer(appName, full);
  }

  /** Restart: every app and subscription is gone. */
  reset(): void {
    this.apps.clear();
  }
}
