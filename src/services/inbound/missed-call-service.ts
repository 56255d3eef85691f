import type { Clock } from '../../domain/clock';
import type { Actor } from '../../domain/roles';
import { DialerError, forbidden, notFound } from '../../errors';
import type { CallbackRequestRepository } from '../../store/callback-request-repository';
import type { MissedCall, MissedCallRepository } from '../../store/inbound/missed-call-repository';

/**
 * Missed inbound calls for supervisors: the callers who hung up in the queue, newest first, and "send to the
 * callback campaign", which queues a callback request for the caller's number (FIFO, as a press-1 request), once.
 */
export class MissedCallService {
  constructor(
    private readonly missed: MissedCallRepository,
    private readonly callbacks: CallbackRequestRepository,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, limit: number, offset = 0): MissedCall[] {
    this.staffOnly(actor);
    return this.missed.list(limit, offset);
  }

  /** `queued` runs once the request is stored (the engine feeds a running callback campaign at once). */
  sendToCallback(actor: Actor, callRecordId: number, queued?: () => void): MissedCall {
    this.staffOnly(actor);
    const call = this.missed.get(callRecordId);
    if (!call) throw notFound('missed call', callRecordId);
    if (!call.phoneNumber) throw new DialerError('E_CONFLICT', 'the caller withheld their number: nobody can call back');
    const at = this.clock.now();
    const number = call.phoneNumber;
    const sent = this.missed.markSent(callRecordId, actor.id, at, () => this.callbacks.add(number, at, null));
    if (!sent) throw new DialerError('E_CONFLICT', 'this missed call was sent to the callback campaign already');
    queued?.();
    return this.missed.get(callRecordId)!;
  }

  private staffOnly(actor: Actor): void {
    if (actor.role === 'agent') throw forbidden('only supervisors handle missed calls');
  }
}
