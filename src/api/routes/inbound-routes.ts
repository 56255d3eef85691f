import { DialerError, forbidden } from '../../errors';
import { defineRoute, STAFF, type RouteSpec } from '../route';
import { z } from 'zod';
import type { MissedCallService } from '../../services/inbound/missed-call-service';
import { inboundLiveDto, missedCallDto, missedCallsQuery } from '../schemas/inbound-schemas';
import { idParams } from '../schemas/common';
import { noBody } from '../schemas/pagination';
import type { DialerHandle } from './agent-routes';

/** Inbound calls to the agents (issue 15 items 2 and 4): the queue and who is ON, for supervisors. */
export function inboundRoutes(missed: MissedCallService, dialer: DialerHandle, now: () => Date): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/inbound/live', tag: 'inbound', roles: STAFF, response: inboundLiveDto,
      summary: 'The inbound queue now (callers waiting, longest wait) and since start (answered, abandoned in the queue, unanswered), with the agents who are ON and who is on an inbound call',
      handler: ({ actor }) => {
        if (actor.role === 'agent') throw forbidden('only supervisors see the inbound queue');
        const d = dialer();
        if (!d) throw new DialerError('E_TELEPHONY_UNAVAILABLE', 'the dialer is not running');
        return d.inbound.figures(now());
      },
    }),
    defineRoute({
      method: 'get', path: '/api/inbound/missed', tag: 'inbound', roles: STAFF, query: missedCallsQuery, response: z.object({ calls: z.array(missedCallDto) }),
      summary: 'Missed inbound calls (the caller hung up while waiting for an agent), newest first, and whether each was sent to the callback campaign',
      handler: ({ actor, query }) => ({ calls: missed.list(actor, query.limit, query.offset) }),
    }),
    defineRoute({
      method: 'post', path: '/api/inbound/missed/:id/callback', tag: 'inbound', roles: STAFF, status: 200, params: idParams, body: noBody, response: missedCallDto,
      summary: 'Send a missed call to the callback campaign: a callback request for the caller\'s number, queued first in, first out (409 when sent already or the number was withheld)',
      handler: ({ actor, params }) => missed.sendToCallback(actor, params.id, () => dialer()?.callbacksQueued()),
    }),
  ];
}
