import { adminCampaignsEn, adminCampaignsVi } from './admin/campaigns.js';
import { adminContactsEn, adminContactsVi } from './admin/contacts.js';
import { adminPeopleEn, adminPeopleVi } from './admin/people.js';

/** Labels of the admin pages, composed per area; each area types its Vietnamese against its English. */
export const adminEn = { ...adminPeopleEn, ...adminCampaignsEn, ...adminContactsEn };

export const adminVi: Record<keyof typeof adminEn, string> = { ...adminPeopleVi, ...adminCampaignsVi, ...adminContactsVi };
