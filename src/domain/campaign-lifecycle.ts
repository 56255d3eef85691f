import type { Role } from './roles';

/**
 * The campaign state machine (actors: O owner, A admin who created or manages the campaign, S scheduler).
 *
 *   action    from                                   to                                   who
 *   edit      draft | rejected (O also pending)      same state; rejected → draft          O, A
 *   delete    draft | rejected (O also pending)      (gone)                                O, A
 *   submit    draft | rejected                       pending_approval                      O, A
 *   approve   pending_approval                       approved                              O
 *   reject    pending_approval                       rejected (with a note)                O
 *   activate  approved                               scheduled if start time is ahead,     O, A
 *                                                    else running; 409 if end time passed
 *   pause     running                                paused                                O, A
 *   resume    paused                                 running; 409 if end time passed       O, A
 *   end       approved | scheduled | running | paused  ended (early)                       O, A
 *   start     scheduled, once start time has come    running                               S
 *   finish    scheduled | running | paused, once end time has come  ended                  S
 *
 * `rejected` is a draft an owner sent back: editing makes it a draft again, and it may be resubmitted.
 * `scheduled` is an approved campaign that was activated and waits for its start time. `ended` is final.
 * Agents may do none of this.
 */
export const CAMPAIGN_STATES = ['draft', 'pending_approval', 'approved', 'rejected', 'scheduled', 'running', 'paused', 'ended'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export const CAMPAIGN_ACTIONS = ['edit', 'delete', 'submit', 'approve', 'reject', 'activate', 'pause', 'resume', 'end', 'start', 'finish'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

/** Actions a person asks for through the API (start and finish belong to the scheduler). */
export const USER_ACTIONS = ['submit', 'approve', 'reject', 'activate', 'pause', 'resume', 'end'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** Who asks, with how they relate to this campaign. The scheduler acts as `system`. */
export type CampaignActor =
  | { kind: 'user'; role: Role; isCreator: boolean; isManager: boolean }
  | { kind: 'system' };

export interface CampaignTimes {
  startAt: Date | null;
  endAt: Date | null;
}

/** `deleted` is where a successful delete leads: the campaign no longer exists. */
export type TransitionTarget = CampaignState | 'deleted';

export type TransitionDecision =
  | { ok: true; next: TransitionTarget }
  | { ok: false; status: 403 | 409; reason: string };

type ActorClass = 'owner' | 'admin' | 'system';

/** Which kinds of actor may ever do an action. Admins must also be the campaign's creator or one of its managers. */
const ALLOWED_ACTORS: Record<CampaignAction, readonly ActorClass[]> = {
  edit: ['owner', 'admin'],
  delete: ['owner', 'admin'],
  submit: ['owner', 'admin'],
  approve: ['owner'],
  reject: ['owner'],
  activate: ['owner', 'admin'],
  pause: ['owner', 'admin'],
  resume: ['owner', 'admin'],
  end: ['owner', 'admin'],
  start: ['system'],
  finish: ['system'],
};

/** The states an action may start from; owners may also edit and delete campaigns waiting for approval. */
const FROM_STATES: Record<CampaignAction, readonly CampaignState[]> = {
  edit: ['draft', 'rejected'],
  delete: ['draft', 'rejected'],
  submit: ['draft', 'rejected'],
  approve: ['pending_approval'],
  reject: ['pending_approval'],
  activate: ['approved'],
  pause: ['running'],
  resume: ['paused'],
  end: ['approved', 'scheduled', 'running', 'paused'],
  start: ['scheduled'],
  finish: ['scheduled', 'running', 'paused'],
};
const OWNER_EXTRA_STATES: Partial<Record<CampaignAction, readonly CampaignState[]>> = {
  edit: ['pending_approval'],
  delete: ['pending_approval'],
};

function permission(action: CampaignAction, actor: CampaignActor): string | undefined {
  const cls: ActorClass | 'agent' = actor.kind === 'system' ? 'system' : actor.role;
  const who = actor.kind === 'system' ? 'the scheduler' : `a user with the ${actor.role} role`;
  if (cls === 'agent' || !ALLOWED_ACTORS[action].includes(cls)) return `${who} may not ${action} a campaign`;
  if (actor.kind === 'user' && actor.role === 'admin' && !actor.isCreator && !actor.isManager) {
    return `an admin may ${action} only campaigns they created or manage`;
  }
  return undefined;
}

function stateAllows(action: CampaignAction, state: CampaignState, actor: CampaignActor): boolean {
  if (FROM_STATES[action].includes(state)) return true;
  const ownerOnly = OWNER_EXTRA_STATES[action];
  return actor.kind === 'user' && actor.role === 'owner' && ownerOnly !== undefined && ownerOnly.includes(state);
}

function stateReason(action: CampaignAction, state: CampaignState): string {
  if (state === 'ended') return `cannot ${action} an ended campaign: ended is final`;
  if (OWNER_EXTRA_STATES[action]?.includes(state)) return `only an owner may ${action} a campaign that is ${state.replace('_', ' ')}`;
  return `cannot ${action} a campaign that is ${state.replace('_', ' ')}`;
}

const passed = (t: Date | null, now: Date): boolean => t !== null && t.getTime() <= now.getTime();

/** Where an allowed action leads, or a 409 reason when the clock forbids it. */
function target(state: CampaignState, action: CampaignAction, now: Date, times: CampaignTimes): TransitionDecision {
  const deny = (reason: string): TransitionDecision => ({ ok: false, status: 409, reason });
  switch (action) {
    case 'edit': return { ok: true, next: state === 'rejected' ? 'draft' : state };
    case 'delete': return { ok: true, next: 'deleted' };
    case 'submit': return { ok: true, next: 'pending_approval' };
    case 'approve': return { ok: true, next: 'approved' };
    case 'reject': return { ok: true, next: 'rejected' };
    case 'activate':
      if (passed(times.endAt, now)) return deny('the campaign end time has passed; it can only be ended');
      return { ok: true, next: times.startAt !== null && !passed(times.startAt, now) ? 'scheduled' : 'running' };
    case 'pause': return { ok: true, next: 'paused' };
    case 'resume':
      if (passed(times.endAt, now)) return deny('the campaign end time has passed; it can only be ended');
      return { ok: true, next: 'running' };
    case 'end': return { ok: true, next: 'ended' };
    case 'start':
      if (passed(times.endAt, now)) return deny('the campaign end time has passed; it must finish, not start');
      if (times.startAt !== null && !passed(times.startAt, now)) return deny('the campaign start time has not come yet');
      return { ok: true, next: 'running' };
    case 'finish':
      if (!passed(times.endAt, now)) return deny('the campaign end time has not come yet');
      return { ok: true, next: 'ended' };
  }
}

/**
 * Decides one lifecycle transition. 403 when this actor may never do the action to this campaign,
 * 409 when the campaign's state (or the clock) does not allow it now.
 */
export function decideTransition(
  state: CampaignState, action: CampaignAction, actor: CampaignActor, now: Date, times: CampaignTimes,
): TransitionDecision {
  const denied = permission(action, actor);
  if (denied) return { ok: false, status: 403, reason: denied };
  if (!stateAllows(action, state, actor)) {
    return { ok: false, status: 409, reason: stateReason(action, state) };
  }
  return target(state, action, now, times);
}

/** The roles that may ever ask for an action (admins then only on campaigns they created or manage). */
export const rolesAllowedTo = (action: CampaignAction): Role[] =>
  ALLOWED_ACTORS[action].filter((a): a is 'owner' | 'admin' => a !== 'system');

/** Who may create campaigns (they start as drafts). */
export const canCreateCampaign = (role: Role): boolean => role === 'owner' || role === 'admin';
