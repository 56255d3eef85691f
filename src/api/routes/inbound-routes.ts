import { DialerError, forbidden } from '../../errors';
import { defineRoute, STAFF, type RouteSpec } from '../route';
import { inboundLiveDto } from '../schemas/inbound-schemas';
import type { DialerHandle } from './agent-routes';

/** Inbound calls to the agents (issue 15 items 2 and 4): the queue and who is ON, for supervisors. */
export function inboundRoutes(dialer: DialerHandle, now: () => Date): RouteSpec[] {
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
  ];
}
