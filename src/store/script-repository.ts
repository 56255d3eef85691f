import type { CampaignState } from '../domain/campaign-lifecycle';
import type { Actor, UserId } from '../domain/roles';
import type { QuestionKind, Script, ScriptQuestion, ScriptSharing } from '../domain/script';
import type { Db } from './database';
import type { Page, Paged } from './page';

export interface QuestionInput {
  kind: QuestionKind;
  text: string;
  options: string[];
}

export interface ScriptInput {
  name: string;
  sharing: ScriptSharing;
  sharedWith: UserId[];
  guidance: string;
}

interface ScriptRow { id: number; name: string; sharing: ScriptSharing; guidance: string; created_by: number; created_at: string; updated_at: string }
interface QuestionRow { id: number; position: number; kind: QuestionKind; text: string; options_json: string }

// Mirrors canSeeScript (src/domain/script-rules.ts) in SQL so that pages and totals are right.
const VISIBLE_TO_ADMIN = `(s.created_by = @actorId OR s.sharing = 'all_admins'
  OR (s.sharing = 'chosen_admins' AND EXISTS (SELECT 1 FROM script_shares sh WHERE sh.script_id = s.id AND sh.user_id = @actorId)))`;

export class ScriptRepository {
  private readonly byId;
  private readonly questionsStmt;
  private readonly sharesStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly touchStmt;
  private readonly clearShares;
  private readonly addShare;
  private readonly insertQuestion;
  private readonly updateQuestionStmt;
  private readonly deleteQuestionStmt;
  private readonly positionStmt;
  private readonly usageStmt;
  private readonly detachStmt;
  private readonly deleteStmt;
  private readonly listAll;
  private readonly countAll;
  private readonly listVisible;
  private readonly countVisible;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[number], ScriptRow>('SELECT * FROM scripts WHERE id = ?');
    this.questionsStmt = db.prepare<[number], QuestionRow>('SELECT * FROM script_questions WHERE script_id = ? ORDER BY position, id');
    this.sharesStmt = db.prepare<[number], { user_id: number }>('SELECT user_id FROM script_shares WHERE script_id = ? ORDER BY user_id');
    this.insertStmt = db.prepare(`INSERT INTO scripts (name, sharing, guidance, created_by, created_at, updated_at)
      VALUES (@name, @sharing, @guidance, @createdBy, @now, @now)`);
    this.updateStmt = db.prepare('UPDATE scripts SET name = @name, sharing = @sharing, guidance = @guidance, updated_at = @now WHERE id = @id');
    this.touchStmt = db.prepare('UPDATE scripts SET updated_at = ? WHERE id = ?');
    this.clearShares = db.prepare('DELETE FROM script_shares WHERE script_id = ?');
    this.addShare = db.prepare('INSERT INTO script_shares (script_id, user_id) VALUES (?, ?)');
    this.insertQuestion = db.prepare(`INSERT INTO script_questions (script_id, position, kind, text, options_json)
      VALUES (@scriptId, (SELECT COALESCE(MAX(position), 0) + 1 FROM script_questions WHERE script_id = @scriptId), @kind, @text, @options)`);
    this.updateQuestionStmt = db.prepare('UPDATE script_questions SET kind = @kind, text = @text, options_json = @options WHERE id = @id AND script_id = @scriptId');
    this.deleteQuestionStmt = db.prepare('DELETE FROM script_questions WHERE id = ? AND script_id = ?');
    this.positionStmt = db.prepare('UPDATE script_questions SET position = ? WHERE id = ? AND script_id = ?');
    this.usageStmt = db.prepare<[number], { state: CampaignState }>('SELECT state FROM campaigns WHERE script_id = ?');
    this.detachStmt = db.prepare('UPDATE campaigns SET script_id = NULL WHERE script_id = ?');
    this.deleteStmt = db.prepare('DELETE FROM scripts WHERE id = ?');
    this.listAll = db.prepare<[{ limit: number; offset: number }], ScriptRow>('SELECT s.* FROM scripts s ORDER BY s.name, s.id LIMIT @limit OFFSET @offset');
    this.countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM scripts s');
    this.listVisible = db.prepare<[{ actorId: number; limit: number; offset: number }], ScriptRow>(
      `SELECT s.* FROM scripts s WHERE ${VISIBLE_TO_ADMIN} ORDER BY s.name, s.id LIMIT @limit OFFSET @offset`);
    this.countVisible = db.prepare<[{ actorId: number }], { n: number }>(`SELECT COUNT(*) AS n FROM scripts s WHERE ${VISIBLE_TO_ADMIN}`);
  }

  private toScript(r: ScriptRow): Script {
    const questions: ScriptQuestion[] = this.questionsStmt.all(r.id).map((q) => ({
      id: q.id, position: q.position, kind: q.kind, text: q.text, options: JSON.parse(q.options_json) as string[],
    }));
    return {
      id: r.id, name: r.name, sharing: r.sharing, guidance: r.guidance, createdBy: r.created_by,
      sharedWith: this.sharesStmt.all(r.id).map((s) => s.user_id), questions, createdAt: r.created_at, updatedAt: r.updated_at,
    };
  }

  private writeShares(id: number, input: ScriptInput): void {
    this.clearShares.run(id);
    if (input.sharing !== 'chosen_admins') return;
    for (const userId of new Set(input.sharedWith)) this.addShare.run(id, userId);
  }

  get(id: number): Script | undefined {
    const r = this.byId.get(id);
    return r && this.toScript(r);
  }

  /** Owners list every script, admins those they may see. */
  list(actor: Actor, page: Page): Paged<Script> {
    if (actor.role === 'owner') {
      return { items: this.listAll.all(page).map((r) => this.toScript(r)), total: this.countAll.get()!.n };
    }
    return {
      items: this.listVisible.all({ actorId: actor.id, ...page }).map((r) => this.toScript(r)),
      total: this.countVisible.get({ actorId: actor.id })!.n,
    };
  }

  create(input: ScriptInput, questions: QuestionInput[], createdBy: UserId, now: Date): Script {
    const id = this.db.transaction(() => {
      const newId = Number(this.insertStmt.run({ name: input.name, sharing: input.sharing, guidance: input.guidance, createdBy, now: now.toISOString() }).lastInsertRowid);
      this.writeShares(newId, input);
      for (const q of questions) this.insertQuestion.run({ scriptId: newId, kind: q.kind, text: q.text, options: JSON.stringify(q.options) });
      return newId;
    }).immediate();
    return this.get(id)!;
  }

  update(id: number, input: ScriptInput, now: Date): void {
    this.db.transaction(() => {
      this.updateStmt.run({ id, name: input.name, sharing: input.sharing, guidance: input.guidance, now: now.toISOString() });
      this.writeShares(id, input);
    }).immediate();
  }

  /** The states of the campaigns that use this script (one entry per campaign). */
  usage(id: number): CampaignState[] {
    return this.usageStmt.all(id).map((r) => r.state);
  }

  /** Deletes the script; the campaigns that used it (drafts, by the rules) are left without a script. */
  delete(id: number): boolean {
    return this.db.transaction(() => {
      this.detachStmt.run(id);
      return this.deleteStmt.run(id).changes === 1;
    }).immediate();
  }

  addQuestion(scriptId: number, q: QuestionInput, now: Date): number {
    return this.db.transaction(() => {
      const id = Number(this.insertQuestion.run({ scriptId, kind: q.kind, text: q.text, options: JSON.stringify(q.options) }).lastInsertRowid);
      this.touchStmt.run(now.toISOString(), scriptId);
      return id;
    }).immediate();
  }

  updateQuestion(scriptId: number, questionId: number, q: QuestionInput, now: Date): boolean {
    return this.db.transaction(() => {
      const changed = this.updateQuestionStmt.run({ id: questionId, scriptId, kind: q.kind, text: q.text, options: JSON.stringify(q.options) }).changes === 1;
      if (changed) this.touchStmt.run(now.toISOString(), scriptId);
      return changed;
    }).immediate();
  }

  /** Removes a question and closes the gap, so positions stay 1..n. */
  deleteQuestion(scriptId: number, questionId: number, now: Date): boolean {
    return this.db.transaction(() => {
      if (this.deleteQuestionStmt.run(questionId, scriptId).changes !== 1) return false;
      this.questionsStmt.all(scriptId).forEach((q, i) => this.positionStmt.run(i + 1, q.id, scriptId));
      this.touchStmt.run(now.toISOString(), scriptId);
      return true;
    }).immediate();
  }

  /** Puts the questions in the given order; the caller has checked that `questionIds` are exactly this script's questions. */
  reorder(scriptId: number, questionIds: number[], now: Date): void {
    this.db.transaction(() => {
      questionIds.forEach((qid, i) => this.positionStmt.run(i + 1, qid, scriptId));
      this.touchStmt.run(now.toISOString(), scriptId);
    }).immediate();
  }
}
