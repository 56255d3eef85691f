-- Spreadsheet imports run as background jobs; progress and counts are written with each committed batch.
CREATE TABLE import_jobs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('contacts', 'dnc', 'blacklist')),
  status      TEXT NOT NULL CHECK (status IN ('uploaded', 'running', 'done', 'failed')),
  file_name   TEXT NOT NULL,
  file_path   TEXT,            -- the uploaded copy; removed when the job ends
  format      TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'xls')),
  file_bytes  INTEGER NOT NULL,
  options     TEXT,            -- JSON: sheet, mapping and what to do with existing contacts
  rows_total  INTEGER,
  rows_done   INTEGER NOT NULL DEFAULT 0,
  imported    INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  duplicate   INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  blocked_hits INTEGER NOT NULL DEFAULT 0, -- rows written whose phone is on the DNC list or blacklist (into a campaign: entered as dnc/blocked)
  listed      INTEGER NOT NULL DEFAULT 0,  -- imports into a campaign: entries added to its list
  error       TEXT,
  created_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  started_at  TEXT,
  finished_at TEXT
);

-- Rows not written (rejected or duplicate), for the downloadable report.
CREATE TABLE import_rejections (
  import_id  INTEGER NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  row_number INTEGER NOT NULL,  -- as the spreadsheet shows it: the header is row 1
  kind       TEXT NOT NULL CHECK (kind IN ('rejected', 'duplicate')),
  reason     TEXT NOT NULL,
  cells      TEXT NOT NULL,     -- JSON array of the row's original cells
  PRIMARY KEY (import_id, row_number)
) WITHOUT ROWID; -- SQLite-only; PostgreSQL: an ordinary table with this primary key
