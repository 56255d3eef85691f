import type { UserId } from '../domain/roles';
import type { Timers } from './dialer-ports';

/**
 * Agents whose page is gone. When an agent's last WebSocket closes (browser closed, computer off, session
 * ended) and none comes back within `awayMs`, `leaveIfIdle` takes them out of their campaign, so the dialer
 * stops handing them customers or ringing a phone nobody watches. An agent still on a call or in wrap-up
 * (their SIP phone works without the page) is looked at again after the same wait.
 */
export class AgentPresence {
  private readonly timers = new Map<UserId, unknown>();
  /** Once stopped, pages closing (the WebSocket hub shuts down after the engine) arm nothing. */
  private stopped = false;

  constructor(
    private readonly t: Timers,
    private readonly awayMs: number,
    /** Leaves the agent's campaign unless they are busy on a call; true when nothing is left to do. */
    private readonly leaveIfIdle: (agentId: UserId) => boolean,
  ) {}

  connected(agentId: UserId): void {
    this.t.clearTimeout(this.timers.get(agentId));
    this.timers.delete(agentId);
  }

  /** The agent's last page connection closed. */
  disconnected(agentId: UserId): void {
    if (this.stopped) return;
    this.t.clearTimeout(this.timers.get(agentId));
    this.timers.set(agentId, this.t.setTimeout(() => this.look(agentId), this.awayMs));
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) this.t.clearTimeout(timer);
    this.timers.clear();
  }

  private look(agentId: UserId): void {
    this.timers.delete(agentId);
    if (!this.leaveIfIdle(agentId)) this.disconnected(agentId);
  }
}
