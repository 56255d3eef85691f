import { z } from 'zod';
import { CONTACT_STATUSES } from '../../domain/contact-status';
import { DIALING_MODES } from '../../domain/dialing-mode';
import { DISPOSITIONS } from '../../domain/disposition';

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

const idList = z.string().regex(/^[1-9][0-9]{0,15}(,[1-9][0-9]{0,15}){0,99}$/, 'campaign ids separated by commas (at most 100)')
  .transform((s) => s.split(',').map(Number));

export const campaignOverviewQuery = z.object({
  from: dateKey.describe('First local day, YYYY-MM-DD, read in each campaign\'s own time zone'),
  to: dateKey.describe('Last local day, included (at most 366 days)'),
  campaignIds: idList.optional().describe('Only these campaigns, e.g. 1,2; omitted: every campaign the user may see. One the user may not see is 403'),
}).strict();

export const campaignOverviewExportQuery = campaignOverviewQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }).strict();

const rate = (what: string) => z.number().nullable().describe(what);
const ms = (what: string) => z.number().describe(what);

const figures = z.object({
  attempts: z.number().int().describe('Dial attempts claimed in the span (counted by claim time), dialled or not'),
  placed: z.number().int().describe('Attempts that were dialled'),
  answered: z.number().int().describe('A person answered: outcome answered or abandoned (machines are counted apart)'),
  connected: z.number().int().describe('Customer and agent bridged'),
  abandoned: z.number().int().describe('An answered person was given up on (or hung up) before reaching an agent'),
  machine: z.number().int(), busy: z.number().int(), noAnswer: z.number().int(), congestion: z.number().int(),
  invalidNumber: z.number().int(), failed: z.number().int(),
  abandonRate: rate('Abandoned / answered, as the pacing measures it'),
  contactRate: rate('Answered / placed'),
  conversions: z.number().int().describe('Closed deals'),
  conversionRate: rate('Closed deals / connected'),
  talkMs: ms('Talk time: end − bridge (ended_at − connected_at) of connected calls'),
  avgTalkMs: rate('Talk time / connected'),
  holdMs: ms('Hold time: bridge − answer (connected_at − answered_at) of customer-first calls (predictive, IVR transfers): the customer waiting on music for an agent'),
  heldCalls: z.number().int().describe('Customer-first calls answered and then connected'),
  avgHoldMs: rate('Hold time / held calls'),
  wrapUpMs: ms('Wrap-up time: the closed time the campaign\'s agents spent in wrap-up (agent state changes, daily rollup)'),
  avgWrapUpMs: rate('Wrap-up time / connected'),
  dispositions: z.partialRecord(z.enum(DISPOSITIONS), z.number().int()),
});

const body = z.object({
  contacts: z.object({ total: z.number().int(), byStatus: z.record(z.enum(CONTACT_STATUSES), z.number().int()) })
    .describe('The campaign list now, by status (not limited to the range)'),
  total: figures.extend({ abandonRate30d: rate('Abandon rate of the 30 days ending on the last day of the range') }),
  days: z.array(figures.extend({ day: z.string(), abandonRate30d: rate('Abandon rate of the 30 days ending on this day') }))
    .describe('Every local day of the range, in order'),
  hours: z.array(z.object({ hour: z.number().int(), attempts: z.number().int(), placed: z.number().int(), answered: z.number().int(), connected: z.number().int() }))
    .describe('Calls by local hour of day (0–23) over the range'),
  dispositions: z.array(z.object({ disposition: z.enum(DISPOSITIONS), count: z.number().int(), share: z.number().describe('Count / all dispositions') })),
});

const campaignOverview = body.extend({
  campaign: z.object({
    id: z.number().int(), name: z.string(), dialingMode: z.enum(DIALING_MODES), timezone: z.string(),
    abandonRateTarget: z.number().describe('The campaign\'s abandon rate target (a fraction)'),
    quota: z.object({ kind: z.enum(['none', 'per_day', 'per_campaign']), min: z.number().int().nullable().optional(), max: z.number().int().nullable().optional() }),
  }),
  agents: z.array(z.object({
    agentId: z.number().int(), name: z.string(), attempts: z.number().int(), connected: z.number().int(), conversions: z.number().int(),
    quotaCount: z.number().int().describe('Customers disposed with anything but skip, in the range'),
    quota: z.object({
      kind: z.enum(['per_day', 'per_campaign']), min: z.number().int().nullable(), max: z.number().int().nullable(),
      count: z.number().int().describe('per_day: in the range; per_campaign: over the whole campaign'),
      daysWorked: z.number().int(), daysMetMin: z.number().int(), daysAtMax: z.number().int(),
    }).nullable(),
  })).describe('Quota progress of each agent who handled the campaign\'s customers in the range'),
  ivr: z.array(z.object({
    questionId: z.string(), asked: z.number().int(),
    answers: z.array(z.object({ answer: z.string().nullable().describe('The key pressed; null: no valid key before the retries ran out'), count: z.number().int(), share: z.number() })),
  })).nullable().describe('IVR campaigns: the answers per question of calls that ended in the range'),
  dialLevel: z.array(z.object({
    day: z.string(), hour: z.number().int(), placed: z.number().int(), agentHours: z.number(),
    dialLevel: z.number().nullable().describe('Calls placed in the hour / agent-hours logged in to the campaign in it'),
  })).nullable().describe('Predictive campaigns: dial level per local hour. Nothing stores the pacer\'s level, so it is derived: calls dialled in the hour divided by the agent-hours logged in (any state but offline) from agent_state_changes'),
});

export const campaignOverviewDto = z.object({
  from: z.string(), to: z.string(),
  campaigns: z.array(campaignOverview),
  combined: body.describe('Every campaign of the report summed; days and hours meet by their local date and hour, each in its own campaign\'s zone'),
}).describe('Campaign overview: days and hours in each campaign\'s time zone; attempts counted by the time they were claimed');
