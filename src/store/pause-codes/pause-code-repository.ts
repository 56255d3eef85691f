import type { PauseCode, PauseCodeDraft } from '../../domain/pause-codes/pause-code';
import type { Db } from '../database';

interface Row { id: number; code: string; label: string; active: number; created_at: string; updated_at: string }

const toCode = (r: Row): PauseCode => ({ id: r.id, code: r.code, label: r.label, active: r.active === 1, createdAt: r.created_at, updatedAt: r.updated_at });

/** The pause codes admins define (migrations/041). */
export class PauseCodeRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      all: db.prepare<[], Row>('SELECT * FROM pause_codes ORDER BY label, code'),
      one: db.prepare<[number], Row>('SELECT * FROM pause_codes WHERE id = ?'),
      byCode: db.prepare<[string], Row>('SELECT * FROM pause_codes WHERE code = ?'),
      insert: db.prepare('INSERT INTO pause_codes (code, label, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
      update: db.prepare('UPDATE pause_codes SET code = ?, label = ?, active = ?, updated_at = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM pause_codes WHERE id = ?'),
    };
  }

  list(): PauseCode[] { return this.s.all.all().map(toCode); }

  get(id: number): PauseCode | undefined {
    const r = this.s.one.get(id);
    return r && toCode(r);
  }

  findByCode(code: string): PauseCode | undefined {
    const r = this.s.byCode.get(code);
    return r && toCode(r);
  }

  create(d: PauseCodeDraft, now: Date): PauseCode {
    const at = now.toISOString();
    return this.get(Number(this.s.insert.run(d.code, d.label, d.active ? 1 : 0, at, at).lastInsertRowid))!;
  }

  update(id: number, d: PauseCodeDraft, now: Date): PauseCode | undefined {
    this.s.update.run(d.code, d.label, d.active ? 1 : 0, now.toISOString(), id);
    return this.get(id);
  }

  delete(id: number): boolean { return this.s.remove.run(id).changes === 1; }
}
