import { z } from 'zod';
import type { AuthenticatedUser } from '../../services/auth-service';
import type { DialerEngine } from '../../dialer/dialer-engine';
import type { PauseCodeService } from '../../services/pause-codes/pause-code-service';
import { DialerError, forbidden } from '../../errors';
import { AGENTS, defineRoute, type RouteSpec } from '../route';
import {
  agentCampaignDto, agentViewDto, answersBody, answersDto, callbackReminderDto, callNowBody, dispositionBody, dispositionDto, leaveBody, notReadyBody,
  receivedCustomerDto,
} from '../schemas/agent-schemas';
import { idParams, pathId } from '../schemas/common';
import { noBody } from '../schemas/pagination';

export type DialerHandle = () => DialerEngine | undefined;

/** The engine for an agent's request: only agents work campaigns, and only while the dialer runs. */
export function agentDialer(dialer: DialerHandle, actor: AuthenticatedUser): DialerEngine {
  if (actor.role !== 'agent') throw forbidden('only agents work campaigns');
  const d = dialer();
  if (!d) throw new DialerError('E_TELEPHONY_UNAVAILABLE', 'the dialer is not running');
  return d;
}

type Action = 'join' | 'ready' | 'next-customer' | 'skip' | 'hangup';
const ACTIONS: Record<Action, [string, (d: DialerEngine, agentId: number, campaignId: number) => unknown]> = {
  join: ['Join a running campaign this agent is assigned to (one campaign at a time); the agent starts not ready', (d, a, c) => d.join(a, c)],
  ready: ['Ready for calls (predictive and IVR: the agent\'s phone is rung once and kept as the line)', (d, a, c) => d.ready(a, c)],
  'next-customer': ['Next customer: ends the wrap-up early, or asks for a customer when ready (manual mode)', (d, a, c) => d.nextCustomer(a, c)],
  skip: ['Skip the customer in hand without calling (manual mode only); it is retried after the retry minutes', (d, a, c) => d.skip(a, c)],
  hangup: ['Hang up the current call', (d, a, c) => d.hangup(a, c)],
};

/** What the agent page calls (issue 5 item 9); every answer is the agent's whole view, as pushed on the WebSocket. */
export function agentRoutes(dialer: DialerHandle, pauseCodes: Pick<PauseCodeService, 'assertActive'>): RouteSpec[] {
  const action = (name: Action): RouteSpec => defineRoute({
    method: 'post', path: `/api/agent/campaigns/:id/${name}`, tag: 'agent', roles: AGENTS, status: 200, summary: ACTIONS[name][0],
    params: idParams, body: noBody, response: agentViewDto,
    handler: ({ actor, params }) => ACTIONS[name][1](agentDialer(dialer, actor), actor.id, params.id),
  });
  return [
    defineRoute({
      method: 'get', path: '/api/agent/campaigns', tag: 'agent', roles: AGENTS, summary: 'The running campaigns this agent is assigned to, and which one they joined',
      response: agentCampaignDto.array(),
      handler: ({ actor }) => agentDialer(dialer, actor).campaignsFor(actor.id).map(({ campaign: c, joined }) => ({
        id: c.id, name: c.name, mode: c.dialingMode, scriptId: c.scriptId, wrapUpSeconds: c.wrapUpSeconds, previewSeconds: c.previewSeconds, joined,
      })),
    }),
    defineRoute({
      method: 'get', path: '/api/agent/state', tag: 'agent', roles: AGENTS,
      summary: 'The agent\'s whole view now (state, customer, call, countdown deadlines): what a page reloads after its WebSocket reconnects',
      response: agentViewDto,
      handler: ({ actor }) => agentDialer(dialer, actor).view(actor.id),
    }),
    action('join'),
    defineRoute({
      method: 'post', path: '/api/agent/campaigns/:id/leave', tag: 'agent', roles: AGENTS, status: 200,
      summary: 'Leave the campaign (not during a call; agent-first modes not in wrap-up either); a customer in preview goes back to the list. '
        + 'Predictive and IVR: customers already dialed for the agent still come to them, and the leave completes when none is left '
        + '(pendingExit in the view; after a wrap-up in progress); force leaves at once',
      params: idParams, body: leaveBody, response: agentViewDto,
      handler: ({ actor, params, body }) => agentDialer(dialer, actor).leave(actor.id, params.id, body?.force ?? false),
    }),
    action('ready'),
    defineRoute({
      method: 'post', path: '/api/agent/campaigns/:id/not-ready', tag: 'agent', roles: AGENTS, status: 200,
      summary: 'Not ready, with a reason: an active pause code (from ready, or ending a wrap-up; while paused it is where the agent goes on resume). '
        + 'Predictive and IVR: while customers dialed for the agent are on their way, it waits for them (pendingExit); force pauses at once',
      params: idParams, body: notReadyBody, response: agentViewDto,
      handler: ({ actor, params, body }) => {
        const d = agentDialer(dialer, actor);
        pauseCodes.assertActive(body.reason);
        return d.notReady(actor.id, params.id, body.reason, body.force ?? false);
      },
    }),
    action('next-customer'),
    defineRoute({
      method: 'post', path: '/api/agent/campaigns/:id/call-now', tag: 'agent', roles: AGENTS, status: 200,
      summary: 'Call the customer in hand now: ends the preview countdown, or dials in manual mode (phoneIndex picks the number, manual only)',
      params: idParams, body: callNowBody, response: agentViewDto,
      handler: ({ actor, params, body }) => agentDialer(dialer, actor).callNow(actor.id, params.id, body?.phoneIndex),
    }),
    action('skip'),
    action('hangup'),
    defineRoute({
      method: 'get', path: '/api/agent/campaigns/:id/customers', tag: 'agent', roles: AGENTS,
      summary: 'The customers handed to this agent in this session, oldest first, with what the agent may still do with each (customerAccess)',
      params: idParams, response: receivedCustomerDto.array(),
      handler: ({ actor, params }) => agentDialer(dialer, actor).customers(actor.id, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/agent/campaigns/:id/customers/:leadId/call', tag: 'agent', roles: AGENTS, status: 200,
      summary: 'Call an earlier customer again on the number chosen (phoneIndex): only one in "manual" access (quota reached or list '
        + 'exhausted), while ready with no customer in hand, in agent-first modes; DNC, calling hours and attempts still apply',
      params: z.object({ id: pathId, leadId: pathId }), body: callNowBody, response: agentViewDto,
      handler: ({ actor, params, body }) => agentDialer(dialer, actor).callEarlier(actor.id, params.id, params.leadId, body?.phoneIndex),
    }),
    defineRoute({
      method: 'get', path: '/api/agent/reminders', tag: 'agent', roles: AGENTS,
      summary: 'The callbacks this agent set that are due and not yet called back (a page that was closed when a reminder came reads them here)',
      response: callbackReminderDto.array(),
      handler: ({ actor }) => agentDialer(dialer, actor).dueCallbacks(actor.id),
    }),
    defineRoute({
      method: 'post', path: '/api/agent/attempts/:id/disposition', tag: 'agent', roles: AGENTS, status: 200,
      summary: 'The disposition of the call just ended (callback needs callbackAt inside calling hours and the campaign); settles the contact',
      params: idParams, body: dispositionBody, response: dispositionDto,
      handler: ({ actor, params, body }) => agentDialer(dialer, actor)
        .dispose(actor.id, params.id, body.disposition, body.callbackAt ? new Date(body.callbackAt) : undefined),
    }),
    defineRoute({
      method: 'put', path: '/api/agent/attempts/:id/answers', tag: 'agent', roles: AGENTS,
      summary: 'Autosave script answers of a customer (the current one, or an earlier one while it is not read-only); empty values clear',
      params: idParams, body: answersBody, response: answersDto,
      handler: ({ actor, params, body }) => agentDialer(dialer, actor).saveAnswers(actor.id, params.id, body.answers),
    }),
    defineRoute({
      method: 'get', path: '/api/agent/attempts/:id/answers', tag: 'agent', roles: AGENTS, summary: 'The script answers saved for one of this agent\'s customers',
      params: idParams, response: answersDto,
      handler: ({ actor, params }) => agentDialer(dialer, actor).answers(actor.id, params.id),
    }),
  ];
}
