-- Callback requests left by inbound callers (context dialer-inbound-callback, press 1), served
-- first in, first out by the callback campaign. campaign_id is a plain integer until the
-- campaigns table exists (another branch).
CREATE TABLE callback_requests (
  id           INTEGER PRIMARY KEY,
  phone_number TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'taken', 'done')),
  campaign_id  INTEGER,
  taken_at     TEXT
);
CREATE INDEX callback_requests_pending ON callback_requests(status, id);
