import { z } from 'zod';
import type { LeadService } from '../../services/lead-service';
import { ANY_USER, STAFF, defineRoute, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import { leadAgentDto, receivingBody } from '../schemas/contact-schemas';

export function leadRoutes(leads: LeadService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/leads/agents', tag: 'leads', roles: STAFF, summary: 'Agents in the lead rotation: ON/OFF and leads held',
      response: z.object({ agents: z.array(leadAgentDto) }),
      handler: ({ actor }) => ({ agents: leads.agents(actor) }),
    }),
    defineRoute({
      method: 'put', path: '/api/leads/agents/:id/receiving', tag: 'leads', roles: ANY_USER, summary: 'Switch an agent\'s lead receiving ON or OFF (agents: themselves)',
      params: idParams, body: receivingBody, response: leadAgentDto,
      handler: ({ actor, params, body }) => leads.setReceiving(actor, params.id, body.on),
    }),
  ];
}
