-- Users, agent groups and login sessions.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'agent')),
  password_hash TEXT NOT NULL,
  extension     TEXT,              -- the agent's phone, filled into telephony.agentEndpoint
  language      TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'vi')),
  active        INTEGER NOT NULL DEFAULT 1,
  lead_receiving INTEGER NOT NULL DEFAULT 1, -- agent ON/OFF for round-robin lead assignment
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE agent_groups (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);

CREATE TABLE agent_group_members (
  group_id INTEGER NOT NULL REFERENCES agent_groups(id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);

CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,     -- sha256 of the bearer token; the token itself is never stored
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
