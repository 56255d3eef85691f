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

-- Attempts per agent, campaign and UTC hour, kept by triggers in the same statement as every change to
-- dial_attempts (the rows are written by the engine in several steps: claim, dial, connect, end, disposition).
-- The report maps hours to each campaign's local days; a zone whose midnight is not on a whole UTC hour
-- (Asia/Kathmandu) is read from dial_attempts itself. julianday, ON CONFLICT in triggers and the trigger
-- bodies are SQLite's; PostgreSQL would use one plpgsql trigger function with EXTRACT(EPOCH FROM …).
CREATE TABLE agent_attempt_rollup (
  agent_id    INTEGER NOT NULL,
  campaign_id INTEGER NOT NULL,
  hour        TEXT NOT NULL,     -- YYYY-MM-DDTHH of claimed_at (UTC)
  calls       INTEGER NOT NULL,  -- dialled
  connects    INTEGER NOT NULL,
  talk_ms     INTEGER NOT NULL,  -- connected_at → ended_at
  d_closed_deal INTEGER NOT NULL,
  d_interested INTEGER NOT NULL,
  d_not_interested INTEGER NOT NULL,
  d_callback INTEGER NOT NULL,
  d_do_not_call_again INTEGER NOT NULL,
  d_skip INTEGER NOT NULL,
  PRIMARY KEY (agent_id, hour, campaign_id)
);
INSERT INTO agent_attempt_rollup (agent_id, campaign_id, hour, calls, connects, talk_ms, d_closed_deal, d_interested, d_not_interested, d_callback, d_do_not_call_again, d_skip)
  SELECT a.agent_id, a.campaign_id, substr(a.claimed_at, 1, 13), SUM(CASE WHEN a.dialing_at IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN a.connected_at IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN a.connected_at IS NOT NULL AND a.ended_at IS NOT NULL THEN CAST(ROUND((julianday(a.ended_at) - julianday(a.connected_at)) * 86400000) AS INTEGER) ELSE 0 END), SUM(CASE WHEN a.disposition = 'closed_deal' THEN 1 ELSE 0 END), SUM(CASE WHEN a.disposition = 'interested' THEN 1 ELSE 0 END), SUM(CASE WHEN a.disposition = 'not_interested' THEN 1 ELSE 0 END), SUM(CASE WHEN a.disposition = 'callback' THEN 1 ELSE 0 END), SUM(CASE WHEN a.disposition = 'do_not_call_again' THEN 1 ELSE 0 END), SUM(CASE WHEN a.disposition = 'skip' THEN 1 ELSE 0 END)
  FROM dial_attempts a WHERE a.agent_id IS NOT NULL GROUP BY a.agent_id, a.campaign_id, substr(a.claimed_at, 1, 13);

CREATE TRIGGER dial_attempts_rollup_insert AFTER INSERT ON dial_attempts BEGIN
  INSERT INTO agent_attempt_rollup (agent_id, campaign_id, hour, calls, connects, talk_ms, d_closed_deal, d_interested, d_not_interested, d_callback, d_do_not_call_again, d_skip)
  SELECT NEW.agent_id, NEW.campaign_id, substr(NEW.claimed_at, 1, 13),
    CASE WHEN NEW.dialing_at IS NOT NULL THEN 1 ELSE 0 END,
    CASE WHEN NEW.connected_at IS NOT NULL THEN 1 ELSE 0 END,
    CASE WHEN NEW.connected_at IS NOT NULL AND NEW.ended_at IS NOT NULL THEN CAST(ROUND((julianday(NEW.ended_at) - julianday(NEW.connected_at)) * 86400000) AS INTEGER) ELSE 0 END,
    CASE WHEN NEW.disposition = 'closed_deal' THEN 1 ELSE 0 END,
    CASE WHEN NEW.disposition = 'interested' THEN 1 ELSE 0 END,
    CASE WHEN NEW.disposition = 'not_interested' THEN 1 ELSE 0 END,
    CASE WHEN NEW.disposition = 'callback' THEN 1 ELSE 0 END,
    CASE WHEN NEW.disposition = 'do_not_call_again' THEN 1 ELSE 0 END,
    CASE WHEN NEW.disposition = 'skip' THEN 1 ELSE 0 END
  WHERE NEW.agent_id IS NOT NULL
  ON CONFLICT (agent_id, campaign_id, hour) DO UPDATE SET calls = calls + excluded.calls, connects = connects + excluded.connects, talk_ms = talk_ms + excluded.talk_ms, d_closed_deal = d_closed_deal + excluded.d_closed_deal, d_interested = d_interested + excluded.d_interested, d_not_interested = d_not_interested + excluded.d_not_interested, d_callback = d_callback + excluded.d_callback, d_do_not_call_again = d_do_not_call_again + excluded.d_do_not_call_again, d_skip = d_skip + excluded.d_skip;
END;
CREATE TRIGGER dial_attempts_rollup_update AFTER UPDATE OF agent_id, campaign_id, claimed_at, dialing_at, connected_at, ended_at, disposition ON dial_attempts BEGIN
  UPDATE agent_attempt_rollup SET
    calls = calls - (CASE WHEN OLD.dialing_at IS NOT NULL THEN 1 ELSE 0 END),
    connects = connects - (CASE WHEN OLD.connected_at IS NOT NULL THEN 1 ELSE 0 END),
    talk_ms = talk_ms - (CASE WHEN OLD.connected_at IS NOT NULL AND OLD.ended_at IS NOT NULL THEN CAST(ROUND((julianday(OLD.ended_at) - julianday(OLD.connected_at)) * 86400000) AS INTEGER) ELSE 0 END),
    d_closed_deal = d_closed_deal - (CASE WHEN OLD.disposition = 'closed_deal' THEN 1 ELSE 0 END),
    d_interested = d_interested - (CASE WHEN OLD.disposition = 'interested' THEN 1 ELSE 0 END),
    d_not_interested = d_not_interested - (CASE WHEN OLD.disposition = 'not_interested' THEN 1 ELSE 0 END),
    d_callback = d_callback - (CASE WHEN OLD.disposition = 'callback' THEN 1 ELSE 0 END),
    d_do_not_call_again = d_do_not_call_again - (CASE WHEN OLD.disposition = 'do_not_call_again' THEN 1 ELSE 0 END),
    d_skip = d_skip - (CASE WHEN OLD.disposition = 'skip' THEN 1 ELSE 0 END)
  WHERE agent_id = OLD.agent_id AND campaign_id = OLD.campaign_id AND hour = substr(OLD.claimed_at, 1, 13);
  INSERT INTO agent_attempt_rollup (agent_id, campaign_id, hour, calls, connects, talk_ms, d_closed_deal, d_interested, d_not_interested, d_callback, d_do_not_call_again, d_skip)
  SELECT NEW.agent_id, NEW.campaign_id, substr(NEW.claimed_at, 1, 13),
    CASE WHEN NEW.dialing_at IS NOT NULL THEN 1 ELSE 0 END,
    CASE WHEN NEW.connected_at IS NOT NULL THEN 1 ELSE 0 END,
    CASE WHEN NEW.connected_at IS NOT NULL AND NEW.ended_at IS NOT NULL THEN CAST(ROUND((julianday(NEW.ended_at) - julianday(NEW.connected_at)) * 86400000) AS INTEGER) ELSE 0 END,
    CASE WHEN NEW.disposition = 'closed_deal' THEN 1 ELSE 0 END,
    CASE WHEN NEW.disposition = 'interested' THEN 1 ELSE 0 END,
    CASE WHEN NEW.disposition = 'not_interested' THEN 1 ELSE 0 END,
    CASE WHEN NEW.disposition = 'callback' THEN 1 ELSE 0 END,
    CASE WHEN NEW.disposition = 'do_not_call_again' THEN 1 ELSE 0 END,
    CASE WHEN NEW.disposition = 'skip' THEN 1 ELSE 0 END
  WHERE NEW.agent_id IS NOT NULL
  ON CONFLICT (agent_id, campaign_id, hour) DO UPDATE SET calls = calls + excluded.calls, connects = connects + excluded.connects, talk_ms = talk_ms + excluded.talk_ms, d_closed_deal = d_closed_deal + excluded.d_closed_deal, d_interested = d_interested + excluded.d_interested, d_not_interested = d_not_interested + excluded.d_not_interested, d_callback = d_callback + excluded.d_callback, d_do_not_call_again = d_do_not_call_again + excluded.d_do_not_call_again, d_skip = d_skip + excluded.d_skip;
END;
CREATE TRIGGER dial_attempts_rollup_delete AFTER DELETE ON dial_attempts BEGIN
  UPDATE agent_attempt_rollup SET
    calls = calls - (CASE WHEN OLD.dialing_at IS NOT NULL THEN 1 ELSE 0 END),
    connects = connects - (CASE WHEN OLD.connected_at IS NOT NULL THEN 1 ELSE 0 END),
    talk_ms = talk_ms - (CASE WHEN OLD.connected_at IS NOT NULL AND OLD.ended_at IS NOT NULL THEN CAST(ROUND((julianday(OLD.ended_at) - julianday(OLD.connected_at)) * 86400000) AS INTEGER) ELSE 0 END),
    d_closed_deal = d_closed_deal - (CASE WHEN OLD.disposition = 'closed_deal' THEN 1 ELSE 0 END),
    d_interested = d_interested - (CASE WHEN OLD.disposition = 'interested' THEN 1 ELSE 0 END),
    d_not_interested = d_not_interested - (CASE WHEN OLD.disposition = 'not_interested' THEN 1 ELSE 0 END),
    d_callback = d_callback - (CASE WHEN OLD.disposition = 'callback' THEN 1 ELSE 0 END),
    d_do_not_call_again = d_do_not_call_again - (CASE WHEN OLD.disposition = 'do_not_call_again' THEN 1 ELSE 0 END),
    d_skip = d_skip - (CASE WHEN OLD.disposition = 'skip' THEN 1 ELSE 0 END)
  WHERE agent_id = OLD.agent_id AND campaign_id = OLD.campaign_id AND hour = substr(OLD.claimed_at, 1, 13);
END;
