import type { Logger } from 'winston';
import type { DialAttempt } from '../domain/dialer/dial-attempt';
import type { UserId } from '../domain/roles';
import type { EngineDeps } from './engine-deps';

/** Longest single sleep: setTimeout's limit is ~24.8 days, and a shorter one notices clock changes. */
const MAX_SLEEP_MS = 60 * 60_000;

/** `agent.reminder`: a callback the agent set has come due. */
export interface CallbackReminder {
  type: 'agent.reminder';
  campaignId: number;
  attemptId: number;
  leadId: number;
  name: string;
  phones: string[];
  callbackAt: string | null;
}

/**
 * Reminds agents of the callbacks they set, at the callback time, over the WebSocket (`agent.reminder`).
 * All of it is in the store (callback dispositions not yet reminded), so a restart reminds what fell due
 * while the process was down; one timer is armed for the next one. An agent who was not connected then
 * reads the callbacks still due when their page loads (dueFor).
 */
export class CallbackReminders {
  private timer: unknown;
  private stopped = false;

  constructor(private readonly d: EngineDeps, private readonly log: Logger) {}

  arm(): void {
    if (this.stopped) return;
    this.d.timers.clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.d.attempts.nextReminderAt();
    if (!next) return;
    const wait = Math.min(Math.max(next.getTime() - this.d.clock.now().getTime(), 0), MAX_SLEEP_MS);
    this.timer = this.d.timers.setTimeout(() => this.fire(), wait);
  }

  stop(): void {
    this.stopped = true;
    this.d.timers.clearTimeout(this.timer);
  }

  private fire(): void {
    this.timer = undefined;
    const now = this.d.clock.now();
    for (const a of this.d.attempts.dueReminders(now)) {
      if (a.agentId === null || !this.d.attempts.markReminded(a.id, now)) continue;
      this.d.notifier.toUser(a.agentId, { ...this.reminderOf(a) });
      this.log.info('callback reminder sent', { agentId: a.agentId, attemptId: a.id });
    }
    this.arm();
  }

  /** The callbacks this agent set that are due now and not yet called back. */
  dueFor(agentId: UserId): CallbackReminder[] {
    return this.d.attempts.dueCallbacksOf(agentId, this.d.clock.now()).map((a) => this.reminderOf(a));
  }

  private reminderOf(a: DialAttempt): CallbackReminder {
    const lead = this.d.leads.get(a.leadId);
    return {
      type: 'agent.reminder', campaignId: a.campaignId, attemptId: a.id, leadId: a.leadId, name: lead?.name ?? '',
      phones: lead?.phones ?? (a.phoneNumber ? [a.phoneNumber] : []), callbackAt: a.callbackAt?.toISOString() ?? null,
    };
  }
}
