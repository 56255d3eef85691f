import { z } from 'zod';
import { CALL_OUTCOMES } from '../../domain/call-outcome';
import { DISPOSITIONS } from '../../domain/disposition';
import { dateKey } from './agent-performance-schemas';
import { pageQueryFields, pagedOf } from './pagination';

/** The filters every call-log route shares. */
const filterFields = {
  from: dateKey.describe('First local day, YYYY-MM-DD: in each call\'s campaign\'s time zone, in UTC for calls of no campaign'),
  to: dateKey.describe('Last local day, included (at most 366 days after from)'),
  campaignId: z.coerce.number().int().positive().optional().describe('Only this campaign\'s calls (403 when the user may not see it)'),
  agentId: z.coerce.number().int().positive().optional().describe('Only the calls of this agent (an agent may ask only for themselves)'),
  outcome: z.enum(CALL_OUTCOMES).optional().describe('Only calls with this outcome'),
  cause: z.coerce.number().int().min(0).max(255).optional().describe('Only calls with this Q.850 hangup cause (0: unknown)'),
  number: z.string().max(32).regex(/^\+?[0-9 ().-]*[0-9]{2}[0-9 ().-]*$/, 'at least two digits of a phone number')
    .optional().describe('Part of the number dialled; a leading 0 (national prefix) is ignored, so 0912 finds +84912…'),
};

export const callLogQuery = z.object({
  ...filterFields,
  limit: pageQueryFields.limit,
  offset: z.coerce.number().int().min(0).max(10_000_000).optional().describe('Calls to skip (or give page)'),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().describe('1-based page of `limit` calls, instead of offset'),
}).strict();

export const callStatsQuery = z.object(filterFields).strict();

export const callLogExportQuery = z.object({ ...filterFields, format: z.enum(['csv', 'xlsx']).default('csv') }).strict();

export const recordingQuery = z.object({
  download: z.enum(['0', '1']).optional().describe('1: as an attachment (Save as); otherwise inline, for the page\'s player'),
}).strict();

const iso = z.string().describe('ISO-8601 UTC');

export const callLogEntryDto = z.object({
  id: z.number().int(), flow: z.string(), direction: z.enum(['outbound', 'inbound']),
  campaignId: z.number().int().nullable(), campaignName: z.string().nullable(),
  contactId: z.number().int().nullable(), contactName: z.string().nullable(),
  agentId: z.number().int().nullable(), agentName: z.string().nullable(), phoneNumber: z.string().nullable(),
  startAt: iso.describe('The attempt was claimed (else the dial, else the end)'), dialAt: iso.nullable().describe('The customer was dialled and rang'),
  answerAt: iso.nullable(), bridgeAt: iso.nullable().describe('Customer and agent connected'), endAt: iso,
  ringMs: z.number().int().nullable(), holdMs: z.number().int().nullable().describe('Answered, waiting for an agent'),
  talkMs: z.number().int().nullable().describe('Bridge to end'),
  hangupCause: z.number().int().nullable(), hangupCauseName: z.string().nullable().describe('Q.850 name, as Asterisk prints it'),
  hungUpBy: z.enum(['customer', 'agent', 'dialer', 'telephony']), endReason: z.string(),
  dialStatus: z.string().nullable(), amdStatus: z.string().nullable(), outcome: z.enum(CALL_OUTCOMES).nullable(),
  disposition: z.enum(DISPOSITIONS).nullable(), hasRecording: z.boolean().describe('GET /api/reports/calls/{id}/recording serves it'),
});

export const callLogPageDto = pagedOf(callLogEntryDto).extend({
  total: z.number().int().describe('Exact up to 10,000; beyond, totalExact is false and there are more (the stats count them all)'),
  totalExact: z.boolean(),
}).describe('Calls newest first (end time, then id)');

export const callStatsDto = z.object({
  calls: z.number().int(), dialled: z.number().int(), answered: z.number().int(), bridged: z.number().int(),
  answerRate: z.number().nullable().describe('answered / dialled'), talkMs: z.number(), avgTalkMs: z.number().nullable(),
  outcomes: z.record(z.string(), z.number().int()).describe('Calls per outcome ("none": ended before any outcome)'),
  byHour: z.array(z.object({ hour: z.number().int(), dialled: z.number().int(), answered: z.number().int(), rate: z.number().nullable() }))
    .describe('Hours 0–23 of the local day of the dial, in each call\'s campaign\'s time zone (UTC without one)'),
  talkHistogram: z.array(z.object({ fromSeconds: z.number().int(), toSeconds: z.number().int().nullable(), calls: z.number().int() }))
    .describe('Bridged calls by talk time'),
  causes: z.array(z.object({ cause: z.number().int().nullable(), name: z.string(), calls: z.number().int() })).describe('Hangup causes, most frequent first'),
}).describe('Call statistics over the same filters as the call log');
