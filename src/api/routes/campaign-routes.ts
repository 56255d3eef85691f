import type { Logger } from 'winston';
import type { Actor } from '../../domain/roles';
import { rolesAllowedTo, USER_ACTIONS, type UserAction } from '../../domain/campaign-lifecycle';
import type { CampaignService } from '../../services/campaign-service';
import { ANY_USER, STAFF, defineRoute, type RouteSpec } from '../route';
import {
  actionBody, campaignCreateBody, campaignDto, campaignEventDto, campaignListQuery, campaignPatchBody, eventListQuery, rejectBody,
} from '../schemas/campaign-schemas';
import { idParams } from '../schemas/common';
import { pagedOf } from '../schemas/pagination';

const ACTION_SUMMARIES: Record<UserAction, string> = {
  submit: 'Submit a draft (or rejected) campaign for approval (admin or owner who created or manages it)',
  approve: 'Approve a campaign pending approval (owners only)',
  reject: 'Reject a campaign pending approval with a note saying why (owners only)',
  activate: 'Activate an approved campaign: it starts now, or waits as scheduled until its start time',
  pause: 'Pause a running campaign',
  resume: 'Resume a paused campaign',
  end: 'End a campaign early (final)',
};

type Campaign = ReturnType<CampaignService['get']>;

/** The campaign as this user sees it: with what they may do to it now. */
const dto = (campaigns: CampaignService, actor: Actor, c: Campaign) => ({ ...c, ...campaigns.permissions(actor, c) });

function actionRoute(campaigns: CampaignService, action: UserAction): RouteSpec {
  const shared = {
    method: 'post' as const, path: `/api/campaigns/:id/${action}`, tag: 'campaigns', roles: rolesAllowedTo(action), status: 200,
    summary: ACTION_SUMMARIES[action], params: idParams, response: campaignDto,
  };
  const run = (ctx: { actor: Actor; params: { id: number }; log: Logger }, note: string | null) => {
    const c = campaigns.act(ctx.actor, ctx.params.id, action, note);
    ctx.log.info('campaign transition', { campaignId: c.id, action, state: c.state });
    return dto(campaigns, ctx.actor, c);
  };
  if (action === 'reject') return defineRoute({ ...shared, body: rejectBody, handler: (ctx) => run(ctx, ctx.body.note) });
  return defineRoute({ ...shared, body: actionBody, handler: (ctx) => run(ctx, ctx.body?.note || null) });
}

export function campaignRoutes(campaigns: CampaignService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/campaigns', tag: 'campaigns', roles: ANY_USER,
      summary: 'List campaigns, paginated (agents: only the running campaigns they work, directly or through a group)',
      query: campaignListQuery, response: pagedOf(campaignDto),
      handler: ({ actor, query }) => {
        const page = campaigns.list(actor, query);
        return { ...page, items: page.items.map((c) => dto(campaigns, actor, c)), limit: query.limit, offset: query.offset };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/campaigns', tag: 'campaigns', roles: STAFF, summary: 'Create a draft campaign (owners and admins)',
      body: campaignCreateBody, response: campaignDto,
      handler: ({ actor, body }) => dto(campaigns, actor, campaigns.create(actor, body)),
    }),
    defineRoute({
      method: 'get', path: '/api/campaigns/:id', tag: 'campaigns', roles: ANY_USER, summary: 'One campaign with all its settings',
      params: idParams, response: campaignDto,
      handler: ({ actor, params }) => dto(campaigns, actor, campaigns.get(actor, params.id)),
    }),
    defineRoute({
      method: 'patch', path: '/api/campaigns/:id', tag: 'campaigns', roles: STAFF,
      summary: 'Change settings of a draft or rejected campaign (owners: also pending); a rejected campaign becomes a draft again',
      params: idParams, body: campaignPatchBody, response: campaignDto,
      handler: ({ actor, params, body }) => dto(campaigns, actor, campaigns.update(actor, params.id, body)),
    }),
    defineRoute({
      method: 'delete', path: '/api/campaigns/:id', tag: 'campaigns', roles: STAFF,
      summary: 'Delete a draft or rejected campaign (owners: also pending)', params: idParams,
      handler: ({ actor, params }) => { campaigns.delete(actor, params.id); },
    }),
    ...USER_ACTIONS.map((action) => actionRoute(campaigns, action)),
    defineRoute({
      method: 'get', path: '/api/campaigns/:id/events', tag: 'campaigns', roles: STAFF, summary: 'The audit trail of a campaign, oldest first',
      params: idParams, query: eventListQuery, response: pagedOf(campaignEventDto),
      handler: ({ actor, params, query }) => ({ ...campaigns.events(actor, params.id, query), limit: query.limit, offset: query.offset }),
    }),
  ];
}
