import { z } from 'zod';
import type { Campaign } from '../../domain/campaign';
import { DISPOSITIONS } from '../../domain/disposition';
import { agentQuotaStatus } from '../../dialer/campaign-policies';
import type { ReceivedCustomer } from '../../dialer/agent-customers';
import type { DialerEngine } from '../../dialer/dialer-engine';
import { DialerError, notFound } from '../../errors';
import type { AuthenticatedUser } from '../../services/auth-service';
import type { Services } from '../../services/create-services';
import { AGENTS, defineRoute, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import { contactDto } from '../schemas/contact-schemas';
import { scriptQuestionDto } from '../schemas/script-schemas';
import { agentDialer, type DialerHandle } from './agent-routes';

export const agentScriptDto = z.object({
  id: z.number().int(), name: z.string(), guidance: z.string(), questions: z.array(scriptQuestionDto),
}).describe('The script an agent works with: guidance and questions in order');

export const progressDto = z.object({
  quota: z.object({ kind: z.enum(['none', 'per_day', 'per_campaign']), min: z.number().int().nullable(), max: z.number().int().nullable() }),
  counted: z.number().int().describe('Customers counted toward the quota (disposed, skip excepted) in its window'),
  remaining: z.number().int().nullable(),
  calls: z.number().int(), talkMs: z.number(), dispositions: z.partialRecord(z.enum(DISPOSITIONS), z.number().int()),
});

export const customerContactDto = z.object({
  contact: contactDto,
  editable: z.boolean().describe('The customer is the current one, or behaves as in manual mode (engine customer access)'),
});

const contactEditBody = z.object({
  name: z.string().max(200).nullable(),
  phones: z.array(z.string().max(40)).min(1).max(3),
  email: z.string().max(254).nullable(),
  address: z.string().max(500).nullable(),
  birthday: z.string().max(30).nullable(),
  customFields: z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])),
}).partial().strict();

/** A running campaign this agent is assigned to (others do not exist for the agent). */
function assignedCampaign(engine: DialerEngine, actor: AuthenticatedUser, id: number): Campaign {
  const found = engine.campaignsFor(actor.id).find((c) => c.campaign.id === id);
  if (!found) throw notFound('campaign', id);
  return found.campaign;
}

/** One of the customers handed to this agent in the campaign they are joined to, with its contact id. */
function handedOver(engine: DialerEngine, s: Services, actor: AuthenticatedUser, attemptId: number): { customer: ReceivedCustomer; contactId: number } {
  const campaignId = engine.view(actor.id).campaign?.id;
  const customer = campaignId === undefined ? undefined : engine.customers(actor.id, campaignId).find((c) => c.attemptId === attemptId);
  const contactId = s.repos.attempts.get(attemptId)?.contactId ?? null;
  if (!customer || customer.access === 'none' || contactId === null) throw notFound('customer of attempt', attemptId);
  return { customer, contactId };
}

const editable = (c: ReceivedCustomer): boolean => c.access === 'active' || c.access === 'manual';

/**
 * What the agent page reads besides the engine's own agent API: the campaign's script, the agent's progress
 * against the quota, and the details of a customer in hand (editable while the engine's access rule allows).
 */
export function agentPageRoutes(s: Services, dialer: DialerHandle): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/agent/campaigns/:id/script', tag: 'agent', roles: AGENTS,
      summary: 'The script of a running campaign this agent is assigned to (guidance and questions); 404 when it has none',
      params: idParams, response: agentScriptDto,
      handler: ({ actor, params }) => {
        const c = assignedCampaign(agentDialer(dialer, actor), actor, params.id);
        const script = c.scriptId === null ? undefined : s.repos.scripts.get(c.scriptId);
        if (!script) throw notFound('script of campaign', params.id);
        return { id: script.id, name: script.name, guidance: script.guidance, questions: script.questions };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/agent/campaigns/:id/progress', tag: 'agent', roles: AGENTS,
      summary: 'The agent\'s progress in a campaign: customers counted toward the quota in its window, calls, talk time and dispositions',
      params: idParams, response: progressDto,
      handler: ({ actor, params }) => {
        const c = assignedCampaign(agentDialer(dialer, actor), actor, params.id);
        const status = agentQuotaStatus(c, actor.id, s.clock.now(), s.repos.attempts);
        const stats = s.repos.attempts.agentStats(c.id).find((x) => x.agentId === actor.id);
        return {
          quota: { kind: c.quota.kind, min: c.quota.min, max: c.quota.max }, counted: status.count, remaining: status.remaining,
          calls: stats?.calls ?? 0, talkMs: stats?.talkMs ?? 0, dispositions: stats?.dispositions ?? {},
        };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/agent/attempts/:id/contact', tag: 'agent', roles: AGENTS,
      summary: 'The details of a customer handed to this agent in the campaign they are joined to, and whether the agent may edit them',
      params: idParams, response: customerContactDto,
      handler: ({ actor, params }) => {
        const { customer, contactId } = handedOver(agentDialer(dialer, actor), s, actor, params.id);
        const contact = s.crm.repos.contacts.get(contactId);
        if (!contact) throw notFound('contact', contactId);
        return { contact, editable: editable(customer) };
      },
    }),
    defineRoute({
      method: 'patch', path: '/api/agent/attempts/:id/contact', tag: 'agent', roles: AGENTS,
      summary: 'Edit the details of the current customer (or an earlier one while it behaves as in manual mode); phones apply from the next call',
      params: idParams, body: contactEditBody, response: customerContactDto,
      handler: ({ actor, params, body }) => {
        const { customer, contactId } = handedOver(agentDialer(dialer, actor), s, actor, params.id);
        if (!editable(customer)) throw new DialerError('E_TRANSITION_DENIED', 'this customer is read-only now');
        return { contact: s.crm.contacts.updateHandedOver(contactId, body), editable: true };
      },
    }),
  ];
}
