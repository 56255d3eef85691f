import { z } from 'zod';
import { BLOCK_LISTS } from '../../domain/block-list';
import { CONTACT_SORTS } from '../../domain/contact-filter';
import { pagedOf, pageQueryFields } from './pagination';

const customValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const text = (max: number) => z.string().max(max);

export const contactDto = z.object({
  id: z.number(), name: z.string(),
  phones: z.array(z.object({ e164: z.string(), type: z.string() })),
  email: z.string().nullable(), address: z.string().nullable(), birthday: z.string().nullable(),
  customFields: z.record(z.string(), customValue), tags: z.array(z.string()),
  stage: z.string().nullable(), source: z.string().nullable(), timezone: z.string().nullable(),
  ownerId: z.number().nullable(), createdBy: z.number().nullable(),
  doNotContact: z.boolean(), doNotContactReason: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});

const contactFields = {
  name: text(200).nullable(),
  phones: z.array(z.string().max(40)).min(1).max(3),
  email: text(254).nullable(),
  address: text(500).nullable(),
  birthday: text(30).nullable(),
  customFields: z.record(z.string().max(100), customValue).nullable(),
  tags: z.array(text(50)).max(20),
  stage: text(100).nullable(),
  source: text(100).nullable(),
  timezone: text(64).nullable(),
};

/** Phones in any form (0912 345 678, +84 912.345.678 …); the answer has them in E.164. */
export const createContactBody = z.object({
  ...contactFields,
  name: contactFields.name.optional(), email: contactFields.email.optional(), address: contactFields.address.optional(),
  birthday: contactFields.birthday.optional(), customFields: contactFields.customFields.optional(), tags: contactFields.tags.optional(),
  stage: contactFields.stage.optional(), source: contactFields.source.optional(), timezone: contactFields.timezone.optional(),
  allowSharedPhones: z.boolean().optional().describe('Accept phones another contact already has (refused with 409 otherwise)'),
}).strict();

export const updateContactBody = z.object({
  ...Object.fromEntries(Object.entries(contactFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof contactFields]: z.ZodOptional<(typeof contactFields)[K]> },
  allowSharedPhones: z.boolean().optional(),
}).strict();

const isoDateOrTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'a date (YYYY-MM-DD) or an ISO timestamp');
const boolText = z.enum(['true', 'false']).transform((v) => v === 'true');
const tagList = z.union([z.string().max(500), z.array(z.string().max(50)).max(20)]).transform((v) => (Array.isArray(v) ? v : v.split(',')).map((t) => t.trim()).filter(Boolean));
const agentRef = z.union([z.literal('none'), z.coerce.number().int().positive()]);

/** Filter parts shared by the search query, saved filters and campaign list selection. */
export const contactFilterFields = {
  name: z.string().max(200).optional().describe('Whole words of the name, the last one possibly cut short; case and diacritics ignored ("nguyen van a" finds "Nguyễn Văn An")'),
  phone: z.string().max(40).optional().describe('Any form; matched against every number of the contact'),
  tag: tagList.optional().describe('One tag, or several (comma-separated or repeated): the contact has them all'),
  stage: z.string().max(100).optional(),
  agentId: agentRef.optional().describe('Owning agent, or "none" for the unassigned lead pool'),
  createdFrom: isoDateOrTime.optional(),
  createdTo: isoDateOrTime.optional().describe('Inclusive; a bare date means the end of that day (UTC)'),
  groupId: z.coerce.number().int().positive().optional(),
  doNotContact: boolText.optional(),
};

export const savedFilterRef = z.coerce.number().int().positive().optional().describe('Start from a saved filter; the other parameters refine it');

export const contactSearchQuery = z.object({
  ...contactFilterFields,
  savedFilterId: savedFilterRef,
  ...pageQueryFields,
  sort: z.enum(CONTACT_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).optional().describe('Default: newest first by createdAt, A→Z by name'),
}).strict();

export const contactPageDto = pagedOf(contactDto).extend({
  total: z.number().int().describe('Exact up to 1,000; beyond, totalExact is false and there are more'),
  totalExact: z.boolean(),
});

/** A stored filter, as saved filters hold it (phone already in E.164). */
export const storedFilterDto = z.object({
  name: z.string().optional(), phone: z.string().optional(), tags: z.array(z.string()).optional(), stage: z.string().optional(),
  ownerId: z.union([z.number(), z.literal('none')]).optional(), createdFrom: z.string().optional(), createdTo: z.string().optional(),
  groupId: z.number().optional(), doNotContact: z.boolean().optional(),
});

/** In a JSON body a number is a number: `true` or `"5"` is not an agent id (the query form coerces text). */
const agentRefBody = z.union([z.literal('none'), z.number().int().positive()]);

const filterBodyFields = z.object({
  name: z.string().max(200).optional(), phone: z.string().max(40).optional(), tag: z.array(z.string().max(50)).max(20).optional(),
  stage: z.string().max(100).optional(), agentId: agentRefBody.optional(), createdFrom: isoDateOrTime.optional(),
  createdTo: isoDateOrTime.optional(), groupId: z.number().int().positive().optional(), doNotContact: z.boolean().optional(),
}).strict();
export const filterBody = filterBodyFields;

export const savedFilterDto = z.object({
  id: z.number(), name: z.string(), userId: z.number(), shared: z.boolean(), filter: storedFilterDto, createdAt: z.string(), updatedAt: z.string(),
});
export const savedFilterBody = z.object({ name: z.string().trim().min(1).max(120), shared: z.boolean().default(false), filter: filterBody }).strict();

export const contactGroupDto = z.object({
  id: z.number(), name: z.string(), description: z.string(), size: z.number(), createdBy: z.number().nullable(), createdAt: z.string(),
});
export const contactGroupBody = z.object({ name: z.string().trim().min(1).max(120), description: z.string().max(2000).default('') }).strict();
const contactIds = z.array(z.number().int().positive()).min(1).max(10_000);
export const contactIdsBody = z.object({ contactIds }).strict();
export const groupMembersBody = z.object({ contactIds: contactIds.optional(), filter: filterBody.optional() }).strict()
  .refine((b) => (b.contactIds === undefined) !== (b.filter === undefined), { message: 'give either contactIds or filter', path: ['contactIds'] });

export const assignBody = z.object({ agentId: z.number().int().positive() }).strict();
export const doNotContactBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
export const leadAgentDto = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), active: z.boolean(), leadReceiving: z.boolean(), leads: z.number(),
});
export const receivingBody = z.object({ on: z.boolean() }).strict();

export const blockedNumberDto = z.object({
  e164: z.string(), list: z.enum(BLOCK_LISTS), reason: z.string(), source: z.string(), createdBy: z.number().nullable(), createdAt: z.string(),
});
export const blockBody = z.object({ phone: z.string().min(1).max(40), reason: z.string().max(500).default(''), source: z.string().max(100).optional() }).strict();
export const blockCheckDto = z.object({ e164: z.string(), blocked: z.boolean(), list: z.enum(BLOCK_LISTS).optional(), reason: z.string().optional() });
export const pageQuery = z.object(pageQueryFields).strict();
