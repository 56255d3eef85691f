-- Inbound calls to the agents (issue 15 item 2): a caller who hung up in the queue is a missed call (a call record
-- of flow 'inbound' with end_reason 'queue_hangup'). A supervisor may send it to the callback campaign once; this
-- keeps when and by whom, and the callback request it became.
CREATE TABLE inbound_missed_callbacks (
  call_record_id      INTEGER PRIMARY KEY REFERENCES call_records(id) ON DELETE CASCADE,
  callback_request_id INTEGER REFERENCES callback_requests(id) ON DELETE SET NULL,
  sent_by             INTEGER REFERENCES users(id) ON DELETE SET NULL,
  sent_at             TEXT NOT NULL      -- ISO-8601 UTC
);
-- The missed-call list walks the newest inbound records.
CREATE INDEX call_records_inbound_missed ON call_records(end_at) WHERE flow = 'inbound' AND end_reason = 'queue_hangup'; -- partial index: SQLite and PostgreSQL both have them
