-- Pause codes (the reasons an agent picks when going not ready) and the daily rollup the agent
-- performance report reads instead of scanning agent_state_changes.

-- Admins define them; agents pick an active one; agent_state_changes.reason stores the code.
CREATE TABLE pause_codes (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  label      TEXT NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- The reasons the agent page offered before pause codes existed, so nothing an agent did stops working.
INSERT INTO pause_codes (code, label, active, created_at, updated_at) VALUES
  ('break', 'Break', 1, '2026-12-07T00:00:00.000Z', '2026-12-07T00:00:00.000Z'),
  ('lunch', 'Lunch', 1, '2026-12-07T00:00:00.000Z', '2026-12-07T00:00:00.000Z'),
  ('training', 'Training', 1, '2026-12-07T00:00:00.000Z', '2026-12-07T00:00:00.000Z'),
  ('meeting', 'Meeting', 1, '2026-12-07T00:00:00.000Z', '2026-12-07T00:00:00.000Z');

-- Closed time per agent, campaign, local day (in the campaign's time zone), state and not-ready reason
-- ('' for other states), in ms. Offline time is not kept. The interval still open (an agent's last
-- change) is added at query time. Maintained in the same transaction as each agent_state_changes row
-- (src/store/agent-performance/agent-state-rollup.ts); folded_through is the last change id folded in.
CREATE TABLE agent_state_rollup (
  agent_id    INTEGER NOT NULL,
  day         TEXT NOT NULL,     -- YYYY-MM-DD, local to the campaign
  campaign_id INTEGER NOT NULL,
  state       TEXT NOT NULL,
  reason      TEXT NOT NULL,
  ms          INTEGER NOT NULL,
  PRIMARY KEY (agent_id, day, campaign_id, state, reason)
);
CREATE INDEX agent_state_rollup_day ON agent_state_rollup(day, campaign_id);

CREATE TABLE agent_state_rollup_mark (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  folded_through INTEGER NOT NULL
);
INSERT INTO agent_state_rollup_mark (id, folded_through) VALUES (1, 0);

-- The report counts an agent's attempts by claim time without knowing the campaigns first.
CREATE INDEX dial_attempts_agent_claimed ON dial_attempts(agent_id, claimed_at);
