-- Do-not-call list (the customer asked) and blacklist (never dial: fraud, staff, emergency lines…).
-- The dialer checks both before every dial, so the lookup is one primary-key probe.
CREATE TABLE blocked_numbers (
  e164       TEXT NOT NULL,
  list       TEXT NOT NULL CHECK (list IN ('dnc', 'blacklist')),
  reason     TEXT NOT NULL DEFAULT '',
  source     TEXT NOT NULL DEFAULT 'manual',  -- manual, import:<job>, contact:<id>, or what the caller says
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (e164, list)
) WITHOUT ROWID; -- SQLite-only; PostgreSQL: an ordinary table with this primary key
CREATE INDEX blocked_numbers_list ON blocked_numbers(list, created_at);
CREATE INDEX blocked_numbers_source ON blocked_numbers(source);
