import { z } from 'zod';
import { CALL_OUTCOMES } from '../../domain/call-outcome';
import { CONTACT_STATUSES } from '../../domain/contact-status';
import { CUSTOMER_SORTS } from '../../domain/customer-results/customer-result';
import { DISPOSITIONS } from '../../domain/disposition';
import { dateKey } from './agent-performance-schemas';
import { pageQueryFields } from './pagination';
import { pathId } from './common';

/** The filters and order every customer-results route shares. */
const filterFields = {
  campaignId: z.coerce.number().int().positive().describe('The campaign whose contacts are listed (403 when the user may not see its reports)'),
  status: z.enum(CONTACT_STATUSES).optional().describe('Only contacts with this status in the campaign'),
  disposition: z.enum(DISPOSITIONS).optional().describe('Only contacts whose last disposition is this one'),
  agentId: z.coerce.number().int().positive().optional().describe('Only contacts this agent is in charge of'),
  from: dateKey.optional().describe('Only contacts last called on or after this local day of the campaign\'s time zone, YYYY-MM-DD'),
  to: dateKey.optional().describe('Only contacts last called on or before this local day, included'),
  sort: z.enum(CUSTOMER_SORTS).default('id').describe('id: the list\'s order (when added); name; status; attempts; lastCallAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
};

export const customerResultsQuery = z.object({ ...filterFields, ...pageQueryFields }).strict();

export const customerResultsExportQuery = z.object({ ...filterFields, format: z.enum(['csv', 'xlsx']).default('csv') }).strict();

export const entryParams = z.object({ entryId: pathId.describe('A campaign list entry (the id of a row of the report)') });

const iso = z.string().describe('ISO-8601 UTC');

const answerColumnDto = z.object({ questionId: z.number().int(), text: z.string().describe('The question, as the script words it: the column\'s name') });

export const customerResultDto = z.object({
  entryId: z.number().int(), contactId: z.number().int(), name: z.string(), phone: z.string().describe('The number dialled for this entry'),
  phones: z.array(z.string()).describe('Every number of the contact, main first'),
  status: z.enum(CONTACT_STATUSES), attempts: z.number().int(), lastCallAt: iso.nullable().describe('When the latest attempt was dialled'),
  lastOutcome: z.enum(CALL_OUTCOMES).nullable(), lastDisposition: z.enum(DISPOSITIONS).nullable(), callbackAt: iso.nullable(),
  agentId: z.number().int().nullable(), agentName: z.string().nullable(),
  answers: z.record(z.string(), z.string()).describe('The latest answer to each script question, by question id, as text (choices joined by "; ")'),
});

const campaignFields = { campaignId: z.number().int(), campaignName: z.string(), columns: z.array(answerColumnDto).describe('The answer columns, in the script\'s order') };

export const customerResultsPageDto = z.object({
  ...campaignFields,
  byStatus: z.partialRecord(z.enum(CONTACT_STATUSES), z.number().int()).describe('Contacts per status under the other filters (the status filter left out)'),
  items: z.array(customerResultDto), limit: z.number().int(), offset: z.number().int(),
  total: z.number().int().describe('Exact up to 10,000; beyond, totalExact is false and there are more'), totalExact: z.boolean(),
}).describe('One row per contact of the campaign');

export const customerHistoryDto = z.object({
  ...campaignFields,
  customer: customerResultDto,
  attempts: z.array(z.object({
    id: z.number().int(), agentId: z.number().int().nullable(), agentName: z.string().nullable(), mode: z.string(), phoneNumber: z.string().nullable(),
    claimedAt: iso, dialingAt: iso.nullable(), answeredAt: iso.nullable(), connectedAt: iso.nullable(), endedAt: iso.nullable(),
    outcome: z.enum(CALL_OUTCOMES).nullable(), endReason: z.string().nullable(), disposition: z.enum(DISPOSITIONS).nullable(), callbackAt: iso.nullable(),
    resultStatus: z.enum(CONTACT_STATUSES).nullable().describe('The status the attempt left the contact in'),
    answers: z.array(z.object({ questionId: z.number().int(), question: z.string().nullable().describe('null: no longer in the script'), value: z.string() })),
  })).describe('Every attempt of this contact in the campaign, oldest first'),
  calls: z.array(z.object({
    id: z.number().int(), attemptId: z.number().int().nullable(), flow: z.string(), agentId: z.number().int().nullable(), agentName: z.string().nullable(),
    phoneNumber: z.string().nullable(), dialAt: iso.nullable(), answerAt: iso.nullable(), bridgeAt: iso.nullable(), endAt: iso,
    hangupCause: z.number().int().nullable(), outcome: z.enum(CALL_OUTCOMES).nullable(), endReason: z.string(),
    recordingName: z.string().nullable(), hasRecording: z.boolean().describe('GET /api/reports/calls/{id}/recording serves it'),
  })).describe('Every call of those attempts, oldest first'),
});
