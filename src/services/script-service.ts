import type { Clock } from '../domain/clock';
import type { Actor } from '../domain/roles';
import { questionProblems, type Script } from '../domain/script';
import { canCreateScript, canSeeScript, decideScriptChange } from '../domain/script-rules';
import { DialerError, forbidden, notFound } from '../errors';
import type { Page, Paged } from '../store/page';
import type { QuestionInput, ScriptInput, ScriptRepository } from '../store/script-repository';
import type { UserRepository } from '../store/user-repository';

export interface ScriptCreateInput {
  name: string;
  sharing: ScriptInput['sharing'];
  sharedWith?: number[];
  guidance?: string;
  questions?: QuestionInput[];
}

export type ScriptPatch = Partial<Omit<ScriptCreateInput, 'questions'>>;
export type QuestionPatch = Partial<QuestionInput>;

function checkQuestion(q: QuestionInput, prefix = ''): void {
  const problem = questionProblems(q)[0];
  if (problem) throw new DialerError('E_VALIDATION', `${prefix}${problem.field}: ${problem.message}`, `${prefix}${problem.field}`);
}

/** Scripts: who sees them (sharing), who may change them and when (not under an approved campaign). */
export class ScriptService {
  constructor(
    private readonly scripts: ScriptRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  private checkSharing(input: { sharing: ScriptInput['sharing']; sharedWith: number[] }): void {
    if (input.sharing !== 'chosen_admins' && input.sharedWith.length > 0) {
      throw new DialerError('E_VALIDATION', `sharedWith: only a chosen_admins script lists admins, not ${input.sharing}`, 'sharedWith');
    }
    input.sharedWith.forEach((id, i) => {
      if (this.users.get(id)?.role !== 'admin') throw new DialerError('E_VALIDATION', `sharedWith.${i}: user ${id} is not an admin`, `sharedWith.${i}`);
    });
  }

  /** A script the actor may see; the others answer 404 so their existence is not revealed. */
  get(actor: Actor, id: number): Script {
    const s = this.scripts.get(id);
    if (!s || !canSeeScript(actor, s)) {
      if (actor.role === 'agent') throw forbidden('agents may not read scripts here');
      throw notFound('script', id);
    }
    return s;
  }

  list(actor: Actor, page: Page): Paged<Script> {
    if (actor.role === 'agent') throw forbidden('agents may not list scripts');
    return this.scripts.list(actor, page);
  }

  create(actor: Actor, input: ScriptCreateInput): Script {
    if (!canCreateScript(actor)) throw forbidden('only owners and admins create scripts');
    const sharedWith = input.sharedWith ?? [];
    this.checkSharing({ sharing: input.sharing, sharedWith });
    const questions = input.questions ?? [];
    questions.forEach((q, i) => checkQuestion(q, `questions.${i}.`));
    return this.scripts.create({ name: input.name, sharing: input.sharing, sharedWith, guidance: input.guidance ?? '' }, questions, actor.id, this.clock.now());
  }

  /** Loads a script the actor may change now, or throws 403/404/409 with the reason. */
  private changeable(actor: Actor, id: number): Script {
    const s = this.get(actor, id);
    const d = decideScriptChange(actor, s, this.scripts.usage(id));
    if (!d.ok) throw new DialerError(d.status === 403 ? 'E_FORBIDDEN' : 'E_IN_USE', d.reason);
    return s;
  }

  update(actor: Actor, id: number, patch: ScriptPatch): Script {
    const s = this.changeable(actor, id);
    const sharing = patch.sharing ?? s.sharing;
    const sharedWith = patch.sharedWith ?? (sharing === 'chosen_admins' ? s.sharedWith : []);
    this.checkSharing({ sharing, sharedWith });
    this.scripts.update(id, { name: patch.name ?? s.name, sharing, sharedWith, guidance: patch.guidance ?? s.guidance }, this.clock.now());
    return this.scripts.get(id)!;
  }

  delete(actor: Actor, id: number): void {
    this.changeable(actor, id);
    this.scripts.delete(id);
  }

  addQuestion(actor: Actor, id: number, q: QuestionInput): Script {
    this.changeable(actor, id);
    checkQuestion(q);
    this.scripts.addQuestion(id, q, this.clock.now());
    return this.scripts.get(id)!;
  }

  updateQuestion(actor: Actor, id: number, questionId: number, patch: QuestionPatch): Script {
    const s = this.changeable(actor, id);
    const current = s.questions.find((q) => q.id === questionId);
    if (!current) throw notFound('question', questionId);
    const kind = patch.kind ?? current.kind;
    // Switching to free text drops the options unless new ones are given (and then they are refused).
    const options = patch.options ?? (kind === 'free_text' ? [] : current.options);
    const merged: QuestionInput = { kind, text: patch.text ?? current.text, options };
    checkQuestion(merged);
    this.scripts.updateQuestion(id, questionId, merged, this.clock.now());
    return this.scripts.get(id)!;
  }

  deleteQuestion(actor: Actor, id: number, questionId: number): Script {
    this.changeable(actor, id);
    if (!this.scripts.deleteQuestion(id, questionId, this.clock.now())) throw notFound('question', questionId);
    return this.scripts.get(id)!;
  }

  /** `questionIds` must name every question of the script exactly once. */
  reorder(actor: Actor, id: number, questionIds: number[]): Script {
    const s = this.changeable(actor, id);
    const have = s.questions.map((q) => q.id).sort((a, b) => a - b);
    const given = [...questionIds].sort((a, b) => a - b);
    if (new Set(questionIds).size !== questionIds.length || JSON.stringify(have) !== JSON.stringify(given)) {
      throw new DialerError('E_VALIDATION', `questionIds must list each of the script's questions (${have.join(', ') || 'none'}) exactly once`, 'questionIds');
    }
    this.scripts.reorder(id, questionIds, this.clock.now());
    return this.scripts.get(id)!;
  }
}
