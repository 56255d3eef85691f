import { z } from 'zod';
import { pageQueryFields } from './pagination';

export const inboundLiveDto = z.object({
  waiting: z.number().int().describe('Callers waiting for an agent now'),
  longestWaitSeconds: z.number().int().describe('How long the longest-waiting caller has waited (0 when none)'),
  answered: z.number().int().describe('Inbound calls an agent answered, since the dialer started'),
  abandoned: z.number().int().describe('Callers who hung up while waiting (missed calls), since the dialer started'),
  unanswered: z.number().int().describe('Callers who heard the closing message (no agent in time, or none ON), since the dialer started'),
  agents: z.array(z.object({ agentId: z.number().int(), onInbound: z.boolean() })).describe('The agents who are ON, and whether each is on an inbound call now'),
}).describe('The inbound queue as supervisors see it');

export const missedCallDto = z.object({
  callRecordId: z.number().int(),
  phoneNumber: z.string().nullable().describe('The caller\'s number (null when withheld)'),
  contactId: z.number().int().nullable(),
  contactName: z.string().nullable(),
  at: z.string().describe('When the caller hung up in the queue'),
  sentAt: z.string().nullable().describe('When it was sent to the callback campaign (null: not yet)'),
}).describe('A caller who hung up while waiting in the inbound queue');

/** Newest first. */
export const missedCallsQuery = z.object(pageQueryFields).strict();
