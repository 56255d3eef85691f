import { randomBytes } from 'node:crypto';
import type { CallHandle } from '../domain/flows/call-handle';
import type { FlowDefinition } from '../domain/flows/flow-types';
import type { LegId } from '../domain/telephony-ids';
import { RunningFlow, type FlowMeta, type RunnerDeps } from './running-flow';
import type { Unsubscribe } from './telephony-port';

export type { FlowEvent, FlowMeta } from './running-flow';

/** What the engine holds of a running call (CallHandle in src/domain/flows/call-handle.ts). */
export type FlowHandle = CallHandle;

/**
 * The one runner: starts flows, keeps them while they run, tells every one of them when the ARI
 * WebSocket drops, and forgets them when they end.
 */
export class FlowRunner {
  private readonly running = new Map<string, RunningFlow<unknown>>();
  private idleWaiters: (() => void)[] = [];
  private readonly unsubscribe: Unsubscribe;

  constructor(private readonly deps: RunnerDeps) {
    this.unsubscribe = deps.port.onStatus((s) => {
      if (s === 'degraded') for (const f of this.running.values()) f.input({ kind: 'connectionLost' });
    });
  }

  start<S>(flow: FlowDefinition<S>, meta: FlowMeta, adopt?: { customer?: LegId }): FlowHandle {
    const id = `${flow.name}-${meta.ref}-${randomBytes(3).toString('hex')}`;
    const run = new RunningFlow<S>(id, flow, meta, this.deps);
    this.running.set(id, run as RunningFlow<unknown>);
    void run.finished.then(() => {
      this.running.delete(id);
      if (this.running.size === 0) for (const w of this.idleWaiters.splice(0)) w();
    });
    if (adopt?.customer) run.adopt('customer', adopt.customer);
    run.input({ kind: 'start' });
    return { id, meta, finished: run.finished, legId: (name) => run.legs.get(name), input: (i) => run.input(i) };
  }

  get active(): number { return this.running.size; }

  /** Resolves once no flow is running. */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels every running flow and waits for them to end (shutdown). */
  async cancelAll(): Promise<void> {
    const all = [...this.running.values()];
    for (const f of all) f.input({ kind: 'cancel' });
    await Promise.all(all.map((f) => f.finished));
  }

  close(): void { this.unsubscribe(); }
}
