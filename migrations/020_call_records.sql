-- One row per call, written when its flow ends (src/telephony/running-flow.ts).
-- campaign_id, contact_id and attempt_id are plain integers for now: the campaigns, contacts and
-- attempts tables arrive from other branches, and their foreign keys with them.
CREATE TABLE call_records (
  id             INTEGER PRIMARY KEY,
  flow           TEXT NOT NULL,     -- agent-first, agent-line, customer-first, ivr, callback-request
  attempt_id     INTEGER,
  campaign_id    INTEGER,
  contact_id     INTEGER,
  agent_id       INTEGER REFERENCES users(id) ON DELETE SET NULL,
  phone_number   TEXT,
  dial_at        TEXT,              -- ISO-8601 UTC; null when the customer was never dialled
  answer_at      TEXT,
  bridge_at      TEXT,              -- when customer and agent were connected
  end_at         TEXT NOT NULL,
  hangup_cause   INTEGER,           -- first real Q.850 cause of the customer leg (0 = unknown)
  dial_status    TEXT,              -- last final Dial status (ANSWER, BUSY, CONGESTION, NOANSWER, ...)
  amd_status     TEXT,              -- HUMAN, MACHINE, NOTSURE, HANGUP
  outcome        TEXT CHECK (outcome IN ('answered', 'busy', 'no_answer', 'congestion', 'invalid_number', 'machine', 'abandoned', 'failed')),
  end_reason     TEXT NOT NULL,
  recording_name TEXT               -- Asterisk spool name (recording/<name>.wav)
);
CREATE INDEX call_records_attempt ON call_records(attempt_id);
CREATE INDEX call_records_campaign_end ON call_records(campaign_id, end_at);
CREATE INDEX call_records_agent_end ON call_records(agent_id, end_at);

-- IVR answers of a call, in the order given (answer null: no valid key before the retries ran out).
CREATE TABLE call_ivr_answers (
  call_record_id INTEGER NOT NULL REFERENCES call_records(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  question_id    TEXT NOT NULL,
  answer         TEXT,
  PRIMARY KEY (call_record_id, position)
);
