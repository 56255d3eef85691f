import { AgentLineQueue } from '../domain/agent-line-queue';
import type { AgentLine } from '../domain/flows/flow-types';

/** A customer flow waiting for a line; the dispatcher hands it one through deliver. */
export interface LineWaiter {
  deliver(line: AgentLine): void;
}

/**
 * Matches free agent lines with answered customers waiting for one, first in, first out. The
 * engine offers a line when its agent is ready (and again after wrap-up) and removes it when the
 * agent goes not ready; flows ask for lines through the runner.
 */
export class LineDispatcher {
  private readonly queue = new AgentLineQueue<LineWaiter>();

  offerLine(line: AgentLine): void {
    const match = this.queue.offer(line);
    match?.waiter.deliver(match.line);
  }

  removeLine(lineId: string): void {
    this.queue.removeLine(lineId);
  }

  request(waiter: LineWaiter): AgentLine | undefined {
    return this.queue.request(waiter);
  }

  withdraw(waiter: LineWaiter): void {
    this.queue.withdraw(waiter);
  }

  giveBack(line: AgentLine): void {
    const match = this.queue.giveBack(line);
    match?.waiter.deliver(match.line);
  }

  get freeLines(): readonly AgentLine[] { return this.queue.freeLines; }
  get waiting(): number { return this.queue.waitingCount; }
}
