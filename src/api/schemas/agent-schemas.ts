import { z } from 'zod';
import { CALL_OUTCOMES } from '../../domain/call-outcome';
import { CONTACT_STATUSES } from '../../domain/contact-status';
import { CAMPAIGN_STATES } from '../../domain/campaign-lifecycle';
import { AGENT_STATE_KINDS } from '../../domain/dialer/agent-session-state';
import { DIALING_MODES } from '../../domain/dialing-mode';
import { DISPOSITIONS } from '../../domain/disposition';

const instant = z.string().describe('ISO-8601 UTC');

export const notReadyBody = z.object({
  reason: z.string().trim().min(1).max(100),
  force: z.boolean().optional().describe('Pause at once, even while customers dialed for the agent are still on their way (customer-first modes)'),
}).strict();
export const leaveBody = z.object({
  force: z.boolean().optional().describe('Leave at once, even during a call or while customers dialed for the agent are still on their way'),
}).strict().optional();
export const callNowBody = z.object({ phoneIndex: z.number().int().min(0).max(9).optional() }).strict().optional();
export const dispositionBody = z.object({
  disposition: z.enum(DISPOSITIONS),
  callbackAt: z.iso.datetime({ offset: true }).optional().describe('Required with disposition "callback"'),
}).strict();

const answerValue = z.union([z.string().max(2000), z.array(z.string().max(200)).max(50)]);
export const scriptAnswer = z.object({ questionId: z.number().int().positive(), value: answerValue }).strict();
export const answersBody = z.object({ answers: z.array(scriptAnswer).max(100) }).strict();
export const answersDto = z.array(scriptAnswer);

export const agentViewDto = z.object({
  campaign: z.object({
    id: z.number().int(), name: z.string(), mode: z.enum(DIALING_MODES), scriptId: z.number().int().nullable(),
    wrapUpSeconds: z.number().int(), previewSeconds: z.number().int().nullable(),
  }).nullable(),
  state: z.object({ kind: z.enum(AGENT_STATE_KINDS), reason: z.string().nullable(), since: instant }),
  line: z.enum(['none', 'ringing', 'up']),
  customer: z.object({
    leadId: z.number().int(), attemptId: z.number().int(), name: z.string(), phones: z.array(z.string()), status: z.enum(CONTACT_STATUSES),
    attempts: z.number().int(), callback: z.boolean(), callbackAt: instant.nullable(),
  }).nullable(),
  call: z.object({
    phase: z.enum(['agent_ringing', 'dialing', 'customer_ringing', 'waiting', 'connected', 'ended']),
    outcome: z.enum(CALL_OUTCOMES).nullable(), connectedAt: instant.nullable(),
  }).nullable(),
  countdown: z.object({ kind: z.enum(['preview', 'wrap_up']), deadline: instant }).nullable(),
  awaitingDisposition: z.boolean(),
  atMaxQuota: z.boolean(),
  noCustomer: z.boolean(),
  pendingExit: z.object({ kind: z.enum(['leave', 'not_ready']), reason: z.string().nullable() }).nullable()
    .describe('A leave or pause asked for that waits for customers already dialed for the agent ("leaving after this call")'),
  allowed: z.object({
    ready: z.boolean(), notReady: z.boolean(), nextCustomer: z.boolean(), callNow: z.boolean(), skip: z.boolean(),
    chooseNumber: z.boolean(), hangup: z.boolean(), dispose: z.boolean(), leave: z.boolean(),
  }),
}).describe('Everything the agent page shows; also pushed as the `agent.view` WebSocket message');

export const agentCampaignDto = z.object({
  id: z.number().int(), name: z.string(), mode: z.enum(DIALING_MODES), scriptId: z.number().int().nullable(),
  wrapUpSeconds: z.number().int(), previewSeconds: z.number().int().nullable(), joined: z.boolean(),
});

export const dispositionDto = z.object({ status: z.enum(CONTACT_STATUSES), view: agentViewDto });

export const receivedCustomerDto = z.object({
  leadId: z.number().int(), attemptId: z.number().int(), name: z.string(), phones: z.array(z.string()),
  status: z.enum(CONTACT_STATUSES).nullable(), outcome: z.enum(CALL_OUTCOMES).nullable(), disposition: z.enum(DISPOSITIONS).nullable(),
  callbackAt: instant.nullable(), access: z.enum(['active', 'manual', 'read_only', 'none']), answers: answersDto,
});

const counts = <T extends readonly [string, ...string[]]>(keys: T) => z.partialRecord(z.enum(keys), z.number().int());

export const liveDto = z.object({
  campaignId: z.number().int(), at: instant, state: z.enum(CAMPAIGN_STATES), mode: z.enum(DIALING_MODES),
  agents: z.array(z.object({
    agentId: z.number().int(), name: z.string(), state: z.enum(AGENT_STATE_KINDS), reason: z.string().nullable(), since: instant,
    timeInStateMs: z.number(), calls: z.number().int(), talkMs: z.number(), dispositions: counts(DISPOSITIONS),
    pendingExit: z.enum(['leave', 'not_ready']).nullable().describe('Leaving or pausing after the customers already dialed for the agent'),
  })),
  agentsByState: counts(AGENT_STATE_KINDS),
  calls: z.object({ ringing: z.number().int(), talking: z.number().int(), waiting: z.number().int(), longestWaitMs: z.number() }),
  abandon: z.object({ target: z.number(), campaignRate: z.number(), rollingRate: z.number() }),
  dialLevel: z.number().nullable(),
  list: counts(CONTACT_STATUSES),
  hopper: z.object({
    size: z.number().int().describe('Leads held: due, on no list and within calling hours when read'),
    refills: z.number().int(), coldFills: z.number().int().describe('Fills made on the call path (hopper empty or stale)'),
    lastRefillAt: instant.nullable(), lastRefillMs: z.number().nullable(),
  }).nullable().describe('The lead hopper: what the dialer picks the next customers from'),
  telephony: z.enum(['connecting', 'ready', 'degraded', 'draining']).describe('Anything but ready holds every campaign: no calls are placed'),
}).describe('The supervisor view of a running campaign; also pushed as `campaign.live` on topic campaign:<id>');

export const callbackReminderDto = z.object({
  type: z.literal('agent.reminder'), campaignId: z.number().int(), attemptId: z.number().int(), leadId: z.number().int(),
  name: z.string(), phones: z.array(z.string()), callbackAt: instant.nullable(),
});
