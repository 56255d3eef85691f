-- The customer results report (issue 14 item 2) lists one campaign's contacts sorted by status, attempts or the last
-- call. The last call's start is kept on the entry itself (last_call_at: when the latest attempt was dialled), so a
-- sort or a date filter on it walks an index instead of reading every attempt of the campaign.
ALTER TABLE campaign_contacts ADD COLUMN last_call_at TEXT;

UPDATE campaign_contacts SET last_call_at = (
  SELECT MAX(a.dialing_at) FROM dial_attempts a WHERE a.lead_id = campaign_contacts.id AND a.campaign_id = campaign_contacts.campaign_id
);

-- Kept by the store itself, so no writer of attempts can forget it. SQLite trigger syntax; PostgreSQL would write
-- the same UPDATE in a trigger function (CREATE FUNCTION … RETURNS trigger, then CREATE TRIGGER … EXECUTE FUNCTION).
CREATE TRIGGER dial_attempts_last_call_update AFTER UPDATE OF dialing_at ON dial_attempts
WHEN NEW.dialing_at IS NOT NULL
BEGIN
  UPDATE campaign_contacts SET last_call_at = NEW.dialing_at
  WHERE id = NEW.lead_id AND campaign_id = NEW.campaign_id AND (last_call_at IS NULL OR last_call_at < NEW.dialing_at);
END;

CREATE TRIGGER dial_attempts_last_call_insert AFTER INSERT ON dial_attempts
WHEN NEW.dialing_at IS NOT NULL
BEGIN
  UPDATE campaign_contacts SET last_call_at = NEW.dialing_at
  WHERE id = NEW.lead_id AND campaign_id = NEW.campaign_id AND (last_call_at IS NULL OR last_call_at < NEW.dialing_at);
END;

-- Sorts of the report (id breaks ties, so a page order is total and stable). Status already has
-- campaign_contacts_callable (campaign_id, status, id), list order campaign_contacts_order (campaign_id, id).
CREATE INDEX campaign_contacts_attempts ON campaign_contacts(campaign_id, attempts, id);
CREATE INDEX campaign_contacts_last_call ON campaign_contacts(campaign_id, last_call_at, id);
-- The disposition filter, and the per-status counts above the table under it (covering: no row is read).
CREATE INDEX campaign_contacts_disposition ON campaign_contacts(campaign_id, last_disposition, status);
