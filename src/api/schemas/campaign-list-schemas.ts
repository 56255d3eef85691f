import { z } from 'zod';
import { CONTACT_STATUSES } from '../../domain/contact-status';
import { filterBody } from './contact-schemas';
import { pageQueryFields } from './pagination';

export const campaignEntryDto = z.object({
  id: z.number(), campaignId: z.number(), contactId: z.number(), name: z.string(), phone: z.string(),
  status: z.enum(CONTACT_STATUSES), attempts: z.number(), nextCallAt: z.string().nullable(), callbackAt: z.string().nullable(),
  doNotCallUntil: z.string().nullable(), lastAbandonedAt: z.string().nullable(), lastOutcome: z.string().nullable(),
  lastDisposition: z.string().nullable(), agentId: z.number().nullable(), duplicateOk: z.boolean(), addedBy: z.number().nullable(),
  addedAt: z.string(), updatedAt: z.string(),
});

export const addToListBody = z.object({
  contactIds: z.array(z.number().int().positive()).min(1).max(100_000).optional(),
  filter: filterBody.optional().describe('Every contact matching this search'),
  savedFilterId: z.number().int().positive().optional(),
  groupId: z.number().int().positive().optional(),
  dedupe: z.boolean().default(false).describe('Leave out contacts whose phone another entry of the campaign already has'),
}).strict().refine((b) => [b.contactIds, b.filter, b.savedFilterId, b.groupId].filter((x) => x !== undefined).length === 1,
  { message: 'give exactly one of contactIds, filter, savedFilterId, groupId', path: ['contactIds'] });

export const addToListDto = z.object({
  selected: z.number(), added: z.number(), alreadyListed: z.number(), duplicatePhones: z.number(), dnc: z.number(), blocked: z.number(),
});

const isoDateOrTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'a date (YYYY-MM-DD) or an ISO timestamp');
const statusList = z.union([z.string().max(300), z.array(z.string().max(40)).max(CONTACT_STATUSES.length)])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CONTACT_STATUSES)));

export const entryQuery = z.object({
  campaignId: z.coerce.number().int().positive().optional().describe('Required except for owners'),
  contactId: z.coerce.number().int().positive().optional(),
  name: z.string().max(200).optional().describe('The contact\'s name, searched as in GET /api/contacts'),
  phone: z.string().max(40).optional().describe('Any form'),
  status: statusList.optional().describe('One status or several, comma-separated'),
  agentId: z.coerce.number().int().positive().optional(),
  addedFrom: isoDateOrTime.optional(),
  addedTo: isoDateOrTime.optional().describe('Inclusive; a bare date means the end of that day (UTC)'),
  ...pageQueryFields,
}).strict();

export const duplicateGroupDto = z.object({ phone: z.string(), entries: z.array(campaignEntryDto) });

export const resolveDuplicateBody = z.object({
  phone: z.string().min(1).max(40),
  keep: z.enum(['one', 'all']).describe('one: keep entryId, remove the other entries with this phone; all: keep them all'),
  entryId: z.number().int().positive().optional(),
}).strict().refine((b) => b.keep === 'all' || b.entryId !== undefined, { message: 'keep "one" needs entryId', path: ['entryId'] });

export const campaignListExportBody = z.object({
  campaignId: z.number().int().positive(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
}).strict();
