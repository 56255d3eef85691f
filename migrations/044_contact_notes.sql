-- Notes an agent saves on a contact, most often at the end of a click-to-call ("Save and close").
-- call_record_id names the call the note was written for (null: a note without a call).
CREATE TABLE contact_notes (
  id             INTEGER PRIMARY KEY,
  contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  agent_id       INTEGER REFERENCES users(id) ON DELETE SET NULL,
  call_record_id INTEGER REFERENCES call_records(id) ON DELETE SET NULL,
  body           TEXT NOT NULL,
  created_at     TEXT NOT NULL      -- ISO-8601 UTC
);
CREATE INDEX contact_notes_contact ON contact_notes(contact_id, created_at);

-- The note the agent saved when closing the call (a click-to-call without a contact keeps it here only).
ALTER TABLE call_records ADD COLUMN note TEXT;
