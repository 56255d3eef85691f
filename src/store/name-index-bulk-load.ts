import type { Db } from './database';

// The same definition as in migrations/010_contacts.sql: this module only ever re-creates that index.
const CREATE = 'CREATE INDEX IF NOT EXISTS contacts_name ON contacts(name_folded)';

/**
 * Bulk loading around the name index. Its keys are random, so keeping it up to date costs a large import
 * about a third of its time, while building it afresh from the finished table is a quick sorted pass. For
 * an import larger than the table it lands in, the writer drops the index first and builds it again at the
 * end — whatever happens (an interrupted process restores it at start-up). Meanwhile only "sort by name"
 * is slower; nothing is wrong.
 */
export class NameIndexBulkLoad {
  constructor(private readonly db: Db) {}

  /** Whether an import of `rows` rows should drop the index first. */
  worthIt(rows: number): boolean {
    const existing = (this.db.prepare('SELECT max(id) AS n FROM contacts').get() as { n: number | null }).n ?? 0;
    return rows >= 100_000 && rows >= existing;
  }

  suspend(): void {
    this.db.exec('DROP INDEX IF EXISTS contacts_name');
  }

  /** Builds the index if it is missing (idempotent; seconds for millions of contacts). */
  restore(): void {
    this.db.exec(CREATE);
  }
}
