-- Call scripts: guidance and questions for agents, shared among admins, attached to campaigns.
CREATE TABLE scripts (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  sharing    TEXT NOT NULL CHECK (sharing IN ('all_admins', 'only_me', 'chosen_admins')),
  guidance   TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The admins a chosen_admins script is shared with.
CREATE TABLE script_shares (
  script_id INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (script_id, user_id)
);

CREATE TABLE script_questions (
  id           INTEGER PRIMARY KEY,
  script_id    INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('free_text', 'single_choice', 'multiple_choice')),
  text         TEXT NOT NULL,
  options_json TEXT NOT NULL DEFAULT '[]'   -- JSON array of the answers to choose from
);
CREATE INDEX script_questions_script ON script_questions(script_id, position);

ALTER TABLE campaigns ADD COLUMN script_id INTEGER REFERENCES scripts(id);
CREATE INDEX campaigns_script ON campaigns(script_id);
