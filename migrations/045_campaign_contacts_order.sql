-- Lead selection reads a campaign's list in id order from a random point (LeadRepository.candidates), one
-- callable status at a time: with these, each read touches only the rows it returns, on a list of millions,
-- whatever statistics the planner has. (campaign_id, id) also finds a list's first and last id at once.
CREATE INDEX campaign_contacts_callable ON campaign_contacts(campaign_id, status, id);
CREATE INDEX campaign_contacts_order ON campaign_contacts(campaign_id, id);
