-- The dialer engine's own state: every dial attempt (claimed → dialing → ended), the script answers
-- given during it, each agent's time-stamped state changes, and the agent sessions open right now.
-- campaign_id and lead_id are plain integers: leads live in the campaign list (another branch), and
-- an attempt must outlive the removal of its contact from the list.
CREATE TABLE dial_attempts (
  id             INTEGER PRIMARY KEY,
  campaign_id    INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  lead_id        INTEGER NOT NULL,
  contact_id     INTEGER,
  agent_id       INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- who got the customer (predictive: set at connect)
  mode           TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('claimed', 'dialing', 'ended')),
  phone_number   TEXT,              -- E.164 chosen at dial time
  claimed_at     TEXT NOT NULL,     -- ISO-8601 UTC text throughout
  dialing_at     TEXT,              -- set by the one conditional UPDATE claimed → dialing, before the originate
  answered_at    TEXT,
  connected_at   TEXT,              -- customer and agent bridged
  ended_at       TEXT,
  outcome        TEXT,              -- CallOutcome; NULL when never dialled
  end_reason     TEXT,              -- the flow's EndReason, or not_dialed / skipped / blocked / recovered
  disposition    TEXT,
  callback_at    TEXT,
  disposed_at    TEXT,
  reminded_at    TEXT,              -- the callback reminder was sent
  result_status  TEXT               -- the contact status the result led to
);
CREATE INDEX dial_attempts_open ON dial_attempts(state) WHERE state <> 'ended'; -- partial index: SQLite and PostgreSQL both accept it
CREATE INDEX dial_attempts_campaign ON dial_attempts(campaign_id, ended_at);
CREATE INDEX dial_attempts_agent ON dial_attempts(agent_id, campaign_id, claimed_at);
CREATE INDEX dial_attempts_lead ON dial_attempts(lead_id);
CREATE INDEX dial_attempts_reminders ON dial_attempts(callback_at) WHERE disposition = 'callback' AND reminded_at IS NULL;

-- The script answers of one attempt, autosaved as the agent types (value: JSON string or array).
CREATE TABLE dial_attempt_answers (
  attempt_id  INTEGER NOT NULL REFERENCES dial_attempts(id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (attempt_id, question_id)
);

-- From `at` on, the agent was in `to_state` in this campaign: what reports sum time per state from.
CREATE TABLE agent_state_changes (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  agent_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  from_state  TEXT NOT NULL,
  to_state    TEXT NOT NULL,
  reason      TEXT,              -- the not-ready reason
  lead_id     INTEGER,
  event       TEXT NOT NULL
);
CREATE INDEX agent_state_changes_agent ON agent_state_changes(agent_id, at);
CREATE INDEX agent_state_changes_campaign ON agent_state_changes(campaign_id, at);

-- One row per agent joined to a campaign (an agent works one campaign at a time); kept so a restart
-- knows who was logged in. state is the AgentState as JSON, since its last visible change.
CREATE TABLE agent_sessions (
  agent_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  joined_at   TEXT NOT NULL,
  state       TEXT NOT NULL,
  since       TEXT NOT NULL
);
