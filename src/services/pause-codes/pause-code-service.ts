import { pauseCodeProblem, type PauseCode, type PauseCodeDraft } from '../../domain/pause-codes/pause-code';
import type { Clock } from '../../domain/clock';
import type { Actor } from '../../domain/roles';
import { DialerError, forbidden, notFound } from '../../errors';
import type { PauseCodeRepository } from '../../store/pause-codes/pause-code-repository';

const mayManage = (actor: Actor): boolean => actor.role === 'owner' || actor.role === 'admin';

/** Pause codes: admins define them, agents pick an active one when they go not ready. */
export class PauseCodeService {
  constructor(private readonly repo: PauseCodeRepository, private readonly clock: Clock) {}

  /** Owners and admins see every code; agents only the active ones they may pick. */
  list(actor: Actor): PauseCode[] {
    const all = this.repo.list();
    return mayManage(actor) ? all : all.filter((c) => c.active);
  }

  create(actor: Actor, d: PauseCodeDraft): PauseCode {
    this.checkManager(actor);
    this.check(d, null);
    return this.repo.create({ ...d, label: d.label.trim() }, this.clock.now());
  }

  update(actor: Actor, id: number, patch: Partial<PauseCodeDraft>): PauseCode {
    this.checkManager(actor);
    const current = this.repo.get(id);
    if (!current) throw notFound('pause code', id);
    const next = { code: patch.code ?? current.code, label: (patch.label ?? current.label).trim(), active: patch.active ?? current.active };
    this.check(next, id);
    return this.repo.update(id, next, this.clock.now())!;
  }

  /** Removes a code; past not-ready time keeps its code as text (deactivate instead to keep the label). */
  delete(actor: Actor, id: number): void {
    this.checkManager(actor);
    if (!this.repo.delete(id)) throw notFound('pause code', id);
  }

  /** The reason of a not-ready request must be an active pause code. */
  assertActive(reason: string): void {
    const code = this.repo.findByCode(reason.trim());
    if (!code?.active) throw new DialerError('E_VALIDATION', `"${reason}" is not an active pause code`, 'reason');
  }

  private checkManager(actor: Actor): void {
    if (!mayManage(actor)) throw forbidden('only owners and admins manage pause codes');
  }

  private check(d: PauseCodeDraft, id: number | null): void {
    const p = pauseCodeProblem(d);
    if (p) throw new DialerError('E_VALIDATION', p.message, p.field);
    const same = this.repo.findByCode(d.code);
    if (same && same.id !== id) throw new DialerError('E_DUPLICATE', `pause code ${d.code} exists`, 'code');
  }
}
