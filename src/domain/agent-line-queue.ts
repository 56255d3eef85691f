import type { AgentLine } from './flows/flow-types';

/**
 * Free agent lines and the customers waiting for one, both first in, first out. A waiting
 * customer gets the line that frees up next; a freed line with nobody waiting is kept for the
 * next customer. Pure bookkeeping: who delivers the line is the caller's business.
 */
export class AgentLineQueue<W> {
  private readonly free: AgentLine[] = [];
  private readonly waiting: W[] = [];

  /** A line for this customer now, or undefined and the customer joins the end of the queue. */
  request(waiter: W): AgentLine | undefined {
    const line = this.free.shift();
    if (!line) this.waiting.push(waiter);
    return line;
  }

  /** Leaves the queue (abandoned, hung up); false if the customer was not waiting. */
  withdraw(waiter: W): boolean {
    const i = this.waiting.indexOf(waiter);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    return true;
  }

  /** A line became free: the longest-waiting customer gets it, else it is kept. */
  offer(line: AgentLine): { waiter: W; line: AgentLine } | undefined {
    this.removeLine(line.lineId);
    const waiter = this.waiting.shift();
    if (waiter === undefined) {
      this.free.push(line);
      return undefined;
    }
    return { waiter, line };
  }

  /** A declined line goes back to the front: it was free before anyone else's. */
  giveBack(line: AgentLine): { waiter: W; line: AgentLine } | undefined {
    const waiter = this.waiting.shift();
    if (waiter !== undefined) return { waiter, line };
    this.removeLine(line.lineId);
    this.free.unshift(line);
    return undefined;
  }

  /** The agent went not-ready or the line closed. */
  removeLine(lineId: string): boolean {
    const i = this.free.findIndex((l) => l.lineId === lineId);
    if (i < 0) return false;
    this.free.splice(i, 1);
    return true;
  }

  get freeLines(): readonly AgentLine[] { return this.free; }
  get waitingCount(): number { return this.waiting.length; }
}
