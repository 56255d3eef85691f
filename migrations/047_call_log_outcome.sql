-- The call log filtered by outcome (issue 14 item 8: at call-center scale): an owner's page of busy calls over a month
-- walked call_records_end through every call of the month, and counted matches up to 10,000 the same way (a rare
-- outcome among 500,000 calls a month: hundreds of ms). With the outcome first the page and the count read only
-- the calls of that outcome, still in end-time order (id breaks ties, as in call_records_end).
CREATE INDEX call_records_outcome_end ON call_records(outcome, end_at, id);
