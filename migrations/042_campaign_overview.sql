-- The campaign overview report counts a campaign's attempts by the instant they were claimed, over a range
-- of local days: without this index it would read every attempt of the campaign (dial_attempts_campaign is
-- on ended_at, dial_attempts_agent starts with the agent).
CREATE INDEX dial_attempts_campaign_claimed ON dial_attempts(campaign_id, claimed_at);
