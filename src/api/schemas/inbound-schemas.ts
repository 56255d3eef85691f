import { z } from 'zod';

export const inboundLiveDto = z.object({
  waiting: z.number().int().describe('Callers waiting for an agent now'),
  longestWaitSeconds: z.number().int().describe('How long the longest-waiting caller has waited (0 when none)'),
  answered: z.number().int().describe('Inbound calls an agent answered, since the dialer started'),
  abandoned: z.number().int().describe('Callers who hung up while waiting (missed calls), since the dialer started'),
  unanswered: z.number().int().describe('Callers who heard the closing message (no agent in time, or none ON), since the dialer started'),
  agents: z.array(z.object({ agentId: z.number().int(), onInbound: z.boolean() })).describe('The agents who are ON, and whether each is on an inbound call now'),
}).describe('The inbound queue as supervisors see it');
