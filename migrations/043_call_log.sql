-- The call log (issue 14 item 4) pages through calls newest first. A campaign's or an agent's calls use
-- call_records_campaign_end / call_records_agent_end; an owner's log over every campaign reads the range by
-- end time alone, which needs an index of its own (id breaks ties, so the order is total and stable).
CREATE INDEX call_records_end ON call_records(end_at, id);
