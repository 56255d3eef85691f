import { DialerError, forbidden } from '../../errors';
import type { Services } from '../../services/create-services';
import { STAFF, defineRoute, type RouteSpec } from '../route';
import { liveDto } from '../schemas/agent-schemas';
import { idParams } from '../schemas/common';
import type { DialerHandle } from './agent-routes';

/** What supervisors read: a campaign's live view. */
export function campaignLiveRoutes(s: Services, dialer: DialerHandle): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/campaigns/:id/live', tag: 'campaigns', roles: STAFF,
      summary: 'Live view of a running or paused campaign (owners and admins): agents by state, calls, waiting customers, abandon rates, dial level, list progress, per-agent figures',
      params: idParams, response: liveDto,
      handler: ({ actor, params }) => {
        if (actor.role === 'agent') throw forbidden('agents do not see the supervisor view');
        s.campaigns.get(actor, params.id);
        const snapshot = dialer()?.snapshotOf(params.id);
        if (!snapshot) throw new DialerError('E_TRANSITION_DENIED', 'the campaign is not running or paused in the dialer');
        return snapshot;
      },
    }),
  ];
}
