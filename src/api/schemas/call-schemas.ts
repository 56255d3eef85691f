import { z } from 'zod';

export const clickToCallBody = z.object({
  contactId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()
    .describe('The contact called; the phone must then be one of its numbers. Omitted: a number typed in'),
  phone: z.string().min(1).max(40).describe('The number to call, in any form people write it (read in phone.defaultRegion)'),
}).strict();

export const closeCallBody = z.object({
  note: z.string().max(5000).describe('The agent\'s note; saved on the contact (with agent and call) and on the call record; empty: no note'),
}).strict();

export const clickToCallDto = z.object({
  state: z.enum(['ringing_agent', 'ringing_customer', 'talking', 'ended']),
  contactId: z.number().int().nullable(),
  contactName: z.string().nullable(),
  number: z.string(),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  end: z.enum(['completed', 'busy', 'no_answer', 'agent_no_answer', 'agent_busy', 'failed', 'cancelled']).nullable()
    .describe('How an ended call ended'),
  callRecordId: z.number().int().nullable().describe('The call record, once stored (the call may then be closed)'),
  direction: z.literal('inbound').optional().describe('inbound: a caller the agent took from the inbound queue (number: the caller\'s); absent: a click-to-call'),
}).describe('The agent\'s open call (click-to-call, or an inbound call)');

export const currentCallDto = z.object({ call: clickToCallDto.nullable() });

export const closedCallDto = z.object({ noteId: z.number().int().nullable(), callRecordId: z.number().int() });

export const contactNoteDto = z.object({
  id: z.number().int(), contactId: z.number().int(), agentId: z.number().int().nullable(), agentName: z.string().nullable(),
  callRecordId: z.number().int().nullable(), body: z.string(), createdAt: z.string(),
  call: z.object({
    flow: z.string(), phoneNumber: z.string().nullable(), dialAt: z.string().nullable(), bridgeAt: z.string().nullable(), endAt: z.string(), outcome: z.string().nullable(),
  }).nullable(),
});

export const contactCallDto = z.object({
  id: z.number().int(), flow: z.string().describe('agent-first, customer-first, ivr, click-to-call, inbound, …'), direction: z.enum(['outbound', 'inbound']),
  campaignId: z.number().int().nullable(), agentId: z.number().int().nullable(), agentName: z.string().nullable(), phoneNumber: z.string().nullable(),
  dialAt: z.string().nullable(), answerAt: z.string().nullable(), bridgeAt: z.string().nullable(), endAt: z.string(),
  hangupCause: z.number().int().nullable().describe('Q.850 cause of the customer leg'), outcome: z.string().nullable(), endReason: z.string(),
  note: z.string().nullable(),
}).describe('One call with a contact, from its call record');
