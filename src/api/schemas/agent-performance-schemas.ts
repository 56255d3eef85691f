import { z } from 'zod';
import { DISPOSITIONS } from '../../domain/disposition';

export const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

const idList = z.string().regex(/^[1-9][0-9]{0,15}(,[1-9][0-9]{0,15}){0,499}$/, 'agent ids separated by commas')
  .transform((s) => s.split(',').map(Number));

export const agentPerformanceQuery = z.object({
  from: dateKey.describe('First local day (in each campaign\'s time zone), YYYY-MM-DD'),
  to: dateKey.describe('Last local day, included'),
  campaignId: z.coerce.number().int().positive().optional().describe('Only this campaign (and its quota)'),
  agentIds: idList.optional().describe('Only these agents, e.g. 4,7,9 (an agent may ask only for themselves)'),
}).strict();

export const agentPerformanceExportQuery = agentPerformanceQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }).strict();

const figures = z.object({
  loggedInMs: z.number(), readyMs: z.number(), previewingMs: z.number(), ringingMs: z.number(), talkingMs: z.number(),
  wrapUpMs: z.number(), pausedMs: z.number(), notReadyMs: z.number(),
  notReadyByReason: z.record(z.string(), z.number()).describe('Not-ready ms per pause code (or the dialer\'s own reasons: joined, no answer, telephony lost)'),
  occupancy: z.number().nullable().describe('(talking + wrap-up) / logged in'),
  calls: z.number().int(), connects: z.number().int(), avgTalkMs: z.number().nullable(), avgWrapMs: z.number().nullable(),
  dispositions: z.partialRecord(z.enum(DISPOSITIONS), z.number().int()), conversions: z.number().int().describe('Closed deals'),
  conversionRate: z.number().nullable().describe('Closed deals / connects'),
  abandonedWhileReady: z.number().int().describe('Calls of the campaign abandoned while this agent was ready in it'),
  quotaCount: z.number().int().describe('Customers disposed with anything but skip'),
});

const dayFigures = figures.extend({ day: z.string() });

export const agentPerformanceDto = z.object({
  from: z.string(), to: z.string(),
  campaign: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  agents: z.array(z.object({
    agentId: z.number().int(), name: z.string(), days: z.array(dayFigures), total: figures,
    quota: z.object({
      kind: z.enum(['per_day', 'per_campaign']), min: z.number().int().nullable(), max: z.number().int().nullable(), count: z.number().int(),
      daysMetMin: z.number().int(), daysAtMax: z.number().int(), daysWorked: z.number().int(),
    }).nullable().describe('Only for a report on one campaign with a quota'),
  })),
  team: z.object({ days: z.array(dayFigures), total: figures }),
}).describe('Agent performance: time per state from the daily rollup, calls and results from the attempts');
