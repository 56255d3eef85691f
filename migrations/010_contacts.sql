-- Contacts (customers and leads), their phones and tags, name search, groups, saved filters and
-- the lead round-robin position.
CREATE TABLE contacts (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT NOT NULL DEFAULT '',
  name_folded           TEXT NOT NULL DEFAULT '',  -- lower case, no diacritics, words split by one space: the search key
  email                 TEXT,
  address               TEXT,
  birthday              TEXT,                      -- YYYY-MM-DD
  custom_fields         TEXT,                      -- JSON object, NULL when empty
  stage                 TEXT,
  source                TEXT,                      -- funnel the contact came from
  timezone              TEXT,                      -- IANA zone, from the first phone's country unless set
  owner_id              INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- owning agent; NULL = lead pool
  created_by            INTEGER REFERENCES users(id),  -- no index: only a user's deletion looks it up
  do_not_contact        INTEGER NOT NULL DEFAULT 0,
  do_not_contact_reason TEXT,
  import_id             INTEGER,                   -- the import job that created it (provenance, no FK: jobs may be purged)
  import_row            INTEGER,                   -- its row in that file, to name in-file duplicates
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
);
-- Every index serves a sort or filter of the contact search; see contact-search-query.ts.
CREATE INDEX contacts_created ON contacts(created_at);
CREATE INDEX contacts_name ON contacts(name_folded);
CREATE INDEX contacts_owner ON contacts(owner_id, created_at);
CREATE INDEX contacts_stage ON contacts(stage, created_at);
CREATE INDEX contacts_do_not_contact ON contacts(created_at) WHERE do_not_contact = 1; -- partial: the few marked ones

-- WITHOUT ROWID is SQLite-only (PostgreSQL: an ordinary table with this primary key).
CREATE TABLE contact_phones (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,   -- 0 is the main number
  e164       TEXT NOT NULL,
  type       TEXT NOT NULL,      -- mobile, fixed_line, …
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_phones_e164 ON contact_phones(e164);

CREATE TABLE contact_tags (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  tag        TEXT NOT NULL,
  PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
CREATE INDEX contact_tags_tag ON contact_tags(tag, contact_id);

-- Word index of name_folded for rare-word searches. FTS5 is SQLite-only; on PostgreSQL use a GIN
-- index on to_tsvector('simple', name_folded). Contentless: the text lives in contacts.name_folded.
CREATE VIRTUAL TABLE contacts_fts USING fts5(name_folded, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE contacts_fts_vocab USING fts5vocab(contacts_fts, 'row');

CREATE TABLE contact_groups (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  created_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE contact_group_members (
  group_id   INTEGER NOT NULL REFERENCES contact_groups(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  added_at   TEXT NOT NULL,
  PRIMARY KEY (group_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX contact_group_members_contact ON contact_group_members(contact_id);

CREATE TABLE saved_filters (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  shared     INTEGER NOT NULL DEFAULT 0,  -- visible to every admin and owner, not only its author
  filter     TEXT NOT NULL,               -- JSON ContactFilter
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);

-- One row: the agent who received the last round-robin lead.
CREATE TABLE lead_rotation (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  last_agent_id INTEGER
);
INSERT INTO lead_rotation (id, last_agent_id) VALUES (1, NULL);
