-- Indexes the reports need at call-center scale (issue 14 item 8, npm run bench:reports).
--
-- The call log filtered by outcome: an owner's page of busy calls over a month
-- walked call_records_end through every call of the month, and counted matches up to 10,000 the same way (a rare
-- outcome among 500,000 calls a month: hundreds of ms). With the outcome first the page and the count read only
-- the calls of that outcome, still in end-time order (id breaks ties, as in call_records_end).
CREATE INDEX call_records_outcome_end ON call_records(outcome, end_at, id);

-- The agent performance report counts the abandoned calls of the agents' campaigns over the range (to find those that
-- came while an agent was ready): through dial_attempts_campaign it read every attempt of those campaigns in the range
-- (50 agents over a month: ~50 ms); the partial index holds the abandoned ones only. Partial indexes: SQLite and
-- PostgreSQL both accept them.
CREATE INDEX dial_attempts_abandoned ON dial_attempts(campaign_id, ended_at) WHERE outcome = 'abandoned';
