import type { Logger } from 'winston';
import type { CallOutcome } from '../domain/call-outcome';
import type { DialAttempt } from '../domain/dialer/dial-attempt';
import type { CallResults } from './call-results';
import type { OrphanChannels } from './dialer-telephony';
import type { EngineDeps } from './engine-deps';

/**
 * What a dialling attempt found open at start-up came to, when its flow died with the old process.
 *  1. Its call record was written: that record's outcome.
 *  2. Nobody answered (no answer seen, and no channel of it left Up): `no_answer` — the attempt counts
 *     and the contact is retried after the campaign's retry minutes (or retries are exhausted).
 *  3. The customer answered and was connected to an agent, or in an agent-first or IVR call: reached, as an
 *     answered call without a disposition (the contact is not called again).
 *  4. The customer answered a predictive call and was never given an agent: `abandoned` (it was, for the
 *     customer), so the abandon rate counts it and the lock-out keeps the contact from being called soon.
 * In no case is the attempt dialled again: a new attempt would be needed, and it only comes from selection.
 */
export function recoveredResult(a: DialAttempt, recordOutcome: CallOutcome | null | undefined, channelUp: boolean): CallOutcome | 'reached' {
  if (recordOutcome) return recordOutcome === 'answered' ? 'reached' : recordOutcome;
  if (!a.answeredAt && !channelUp) return 'no_answer';
  if (a.connectedAt || a.mode !== 'predictive') return 'reached';
  return 'abandoned';
}

/**
 * Start-up reconciliation: the store says what was in flight when the last process stopped, Asterisk (the
 * telephony layer's orphan report) says which of its channels are still there. Claimed attempts go back at
 * once; dialling ones wait for the first report, their channels are hung up, and each is settled by
 * `recoveredResult`; finally no contact is left in progress.
 */
export class Recovery {
  private pending: DialAttempt[] = [];
  private readonly upRefs = new Set<string>();
  private timer: unknown;
  done = false;

  constructor(private readonly d: EngineDeps, private readonly results: CallResults, private readonly log: Logger, private readonly onDone: () => void) {}

  begin(): void {
    for (const a of this.d.attempts.open()) {
      const c = this.d.campaigns.get(a.campaignId);
      if (a.state === 'claimed' && c) this.results.release(c, a.id, a.leadId, 'recovered');
      else if (a.state === 'dialing') this.pending.push(a);
    }
    this.log.info('recovery started', { dialling: this.pending.length });
    if (this.d.telephony.status === 'ready') return this.finish();
    this.timer = this.d.timers.setTimeout(() => {
      this.log.warn('telephony did not come back in time; settling open attempts without it');
      this.finish();
    }, this.d.settings.recoveryTimeoutMs);
  }

  /** Everything of ours Asterisk still holds that no flow knows: hang it up, and note which calls were up. */
  orphans(r: OrphanChannels): void {
    for (const ch of r.channels) {
      if (ch.state === 'Up' && ch.role === 'customer') this.upRefs.add(ch.ref);
      this.log.warn('hanging up an orphaned channel', { role: ch.role, ref: ch.ref, state: ch.state });
      void this.d.telephony.hangup(ch.leg);
    }
    for (const b of r.bridges) void this.d.telephony.destroyBridge(b.bridge);
  }

  telephonyReady(): void {
    if (!this.done) this.finish();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.d.timers.clearTimeout(this.timer);
    const now = this.d.clock.now();
    for (const a of this.pending) {
      const c = this.d.campaigns.get(a.campaignId);
      if (!c) continue;
      const record = this.d.records.forAttempt(a.id).at(-1);
      const result = recoveredResult(a, record?.outcome, this.upRefs.has(String(a.id)));
      this.d.attempts.end(a.id, result === 'reached' ? 'answered' : result, 'recovered', now);
      if (result === 'reached') this.results.reachedWithoutDisposition(c, a.id, a.leadId);
      else this.results.outcome(c, a.id, a.leadId, result);
      this.log.info('attempt recovered', { attemptId: a.id, result });
    }
    this.pending = [];
    this.sweep();
    this.onDone();
  }

  /** No contact stays in progress: settle those whose attempt ended unwritten, give back the rest. */
  private sweep(): void {
    for (const lead of this.d.leads.inProgress()) {
      const c = this.d.campaigns.get(lead.campaignId);
      if (!c) continue;
      const a = this.d.attempts.latestForLead(lead.id);
      if (a && a.state === 'ended' && a.resultStatus === null && a.outcome !== null) {
        if (a.outcome === 'answered') this.results.reachedWithoutDisposition(c, a.id, lead.id);
        else this.results.outcome(c, a.id, lead.id, a.outcome);
      } else {
        this.results.releaseLead(c, lead.id);
      }
    }
  }
}
