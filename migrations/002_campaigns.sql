-- Campaigns with every setting, who manages and works them, and an audit row per lifecycle transition.
-- Instants are ISO 8601 UTC text with milliseconds (2026-12-01T08:00:00.000Z): they sort and compare as text.
CREATE TABLE campaigns (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT NOT NULL,
  dialing_mode          TEXT NOT NULL CHECK (dialing_mode IN ('manual', 'preview', 'progressive', 'predictive', 'ivr', 'callback')),
  state                 TEXT NOT NULL CHECK (state IN ('draft', 'pending_approval', 'approved', 'rejected', 'scheduled', 'running', 'paused', 'ended')),
  start_at              TEXT,
  end_at                TEXT,
  caller_id             TEXT,
  max_attempts          INTEGER NOT NULL,
  retry_minutes         INTEGER NOT NULL,
  no_recall_days        INTEGER NOT NULL,
  wrap_up_seconds       INTEGER NOT NULL,
  preview_seconds       INTEGER,
  quota_kind            TEXT NOT NULL CHECK (quota_kind IN ('none', 'per_day', 'per_campaign')),
  quota_min             INTEGER,
  quota_max             INTEGER,
  sticky_agent          INTEGER NOT NULL,
  abandon_rate_target   REAL NOT NULL,
  max_lines_per_agent   INTEGER NOT NULL,
  calling_start         TEXT NOT NULL,   -- HH:MM on the contact's wall clock, inclusive
  calling_end           TEXT NOT NULL,   -- HH:MM exclusive; 24:00 is midnight
  calling_weekdays      TEXT NOT NULL,   -- ISO weekdays, comma separated: '1,2,3,4,5'
  timezone              TEXT NOT NULL,   -- IANA zone for contacts without one and for per-day quotas
  record_calls          INTEGER NOT NULL,
  machine_action        TEXT NOT NULL CHECK (machine_action IN ('hangup', 'message')),
  machine_message       TEXT,
  abandon_lockout_hours INTEGER NOT NULL,
  ivr_json              TEXT,            -- the IVR script (JSON), ivr mode only
  created_by            INTEGER NOT NULL REFERENCES users(id),
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  review_note           TEXT,            -- the owner's note on the last approval or rejection
  reviewed_by           INTEGER REFERENCES users(id),
  reviewed_at           TEXT,
  activated_at          TEXT,
  started_at            TEXT,
  ended_at              TEXT
);
CREATE INDEX campaigns_state ON campaigns(state);

CREATE TABLE campaign_managers (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (campaign_id, user_id)
);
CREATE INDEX campaign_managers_user ON campaign_managers(user_id);

CREATE TABLE campaign_agents (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (campaign_id, user_id)
);
CREATE INDEX campaign_agents_user ON campaign_agents(user_id);

CREATE TABLE campaign_groups (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  group_id    INTEGER NOT NULL REFERENCES agent_groups(id) ON DELETE CASCADE,
  PRIMARY KEY (campaign_id, group_id)
);
CREATE INDEX campaign_groups_group ON campaign_groups(group_id);

-- One row per lifecycle transition (and creation and edits): who, what, from where to where, and why.
CREATE TABLE campaign_events (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  action      TEXT NOT NULL,
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  actor_id    INTEGER REFERENCES users(id),   -- NULL: the scheduler
  note        TEXT,
  at          TEXT NOT NULL
);
CREATE INDEX campaign_events_campaign ON campaign_events(campaign_id, id);
