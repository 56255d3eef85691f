-- Campaign lists: one entry per contact in a campaign, with where it stands. The dialer claims and
-- updates entries (status, attempts, times, outcome, disposition); people add, pause, resume and remove them.
-- Instants are ISO 8601 UTC text with milliseconds, like the rest of the store.
CREATE TABLE campaign_contacts (
  id                INTEGER PRIMARY KEY,
  campaign_id       INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  contact_id        INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  phone             TEXT NOT NULL,      -- E.164 dialled for this entry: the contact's main number when added
  status            TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'failed_will_retry',
                      'callback_scheduled', 'success', 'retries_exhausted', 'do_not_call_again', 'call_error', 'paused', 'blocked', 'dnc')),
  attempts          INTEGER NOT NULL DEFAULT 0,
  next_call_at      TEXT,               -- not to be dialled before (retry, callback, no-recall end, lock-out)
  callback_at       TEXT,               -- the time the customer asked to be called back
  do_not_call_until TEXT,
  last_abandoned_at TEXT,
  last_outcome      TEXT,               -- CallOutcome of the last attempt
  last_disposition  TEXT,               -- Disposition the agent gave last
  agent_id          INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- agent in charge (the contact's owner when added)
  duplicate_ok      INTEGER NOT NULL DEFAULT 0,  -- kept on purpose although its phone repeats in this campaign
  added_by          INTEGER REFERENCES users(id) ON DELETE SET NULL,
  added_at          TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (campaign_id, contact_id)
);
CREATE INDEX campaign_contacts_status ON campaign_contacts(campaign_id, status, next_call_at);
CREATE INDEX campaign_contacts_added ON campaign_contacts(campaign_id, added_at);
CREATE INDEX campaign_contacts_phone ON campaign_contacts(campaign_id, phone);
CREATE INDEX campaign_contacts_contact ON campaign_contacts(contact_id);
CREATE INDEX campaign_contacts_agent ON campaign_contacts(agent_id);
