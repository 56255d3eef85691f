import type { Logger } from 'winston';
import type { BlockCheck, BlockListName } from '../domain/block-list';
import type { Clock } from '../domain/clock';
import { canManageContactLists } from '../domain/contact-permissions';
import { normalizePhone } from '../domain/phone-number';
import type { Actor } from '../domain/roles';
import { DialerError, forbidden, notFound } from '../errors';
import { maskPhone } from '../logger';
import type { BlockedNumber, BlockListRepository } from '../store/block-list-repository';

/**
 * The DNC list and the blacklist. `isBlocked`/`check` are pure reads (one indexed probe, no logging):
 * the dialer calls them before every dial.
 */
export class BlockListService {
  constructor(
    private readonly repo: BlockListRepository,
    private readonly clock: Clock,
    private readonly region: string,
    private readonly log: Logger,
  ) {}

  isBlocked(e164: string): boolean {
    return this.repo.isBlocked(e164);
  }

  check(e164: string): BlockCheck {
    return this.repo.check(e164);
  }

  /** For people: the number in any form. The lists and their reasons are staff work, like the lists themselves. */
  checkAny(actor: Actor, raw: string): BlockCheck & { e164: string } {
    this.mustManage(actor);
    const e164 = this.parse(raw, 'phone');
    return { ...this.repo.check(e164), e164 };
  }

  add(actor: Actor, list: BlockListName, input: { phone: string; reason: string; source?: string }): { entry: BlockedNumber; added: boolean } {
    this.mustManage(actor);
    const e164 = this.parse(input.phone, 'phone');
    const added = this.repo.add({ e164, list, reason: input.reason, source: input.source ?? 'manual', createdBy: actor.id }, this.clock.now().toISOString());
    if (added) this.log.info('number blocked', { list, phone: maskPhone(e164) });
    return { entry: this.repo.get(list, e164)!, added };
  }

  remove(actor: Actor, list: BlockListName, phone: string): void {
    this.mustManage(actor);
    const e164 = this.parse(phone, 'phone');
    if (!this.repo.remove(list, e164)) throw notFound(`${list} entry`, e164);
    this.log.info('number unblocked', { list, phone: maskPhone(e164) });
  }

  page(actor: Actor, list: BlockListName, offset: number, limit: number): { items: BlockedNumber[]; total: number } {
    this.mustManage(actor);
    const { entries, total } = this.repo.page(list, offset, limit);
    return { items: entries, total };
  }

  private parse(raw: string, field: string): string {
    const parsed = normalizePhone(raw, this.region);
    if (!parsed.ok) throw new DialerError('E_VALIDATION', `${field}: ${parsed.reason}`, field);
    return parsed.phone.e164;
  }

  private mustManage(actor: Actor): void {
    if (!canManageContactLists(actor)) throw forbidden('only owners and admins manage the DNC list and the blacklist');
  }
}
