import type { Me } from './admin-router.js';
import type { Campaign, CampaignState } from './admin-types.js';

export const USER_ACTIONS = ['submit', 'approve', 'reject', 'activate', 'pause', 'resume', 'end'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/**
 * A copy of the server's lifecycle table (src/domain/campaign-lifecycle.ts), used only to hide buttons
 * that would be refused. The server decides; its 403/409 reason is shown when the two disagree
 * (for instance an end time that has passed).
 */
const FROM: Record<UserAction | 'edit', readonly CampaignState[]> = {
  edit: ['draft', 'rejected'],
  submit: ['draft', 'rejected'],
  approve: ['pending_approval'],
  reject: ['pending_approval'],
  activate: ['approved'],
  pause: ['running'],
  resume: ['paused'],
  end: ['approved', 'scheduled', 'running', 'paused'],
};
const OWNER_ONLY: readonly string[] = ['approve', 'reject'];

function mayAct(c: Campaign, me: Me, action: UserAction | 'edit'): boolean {
  if (me.role === 'agent') return false;
  if (OWNER_ONLY.includes(action) && me.role !== 'owner') return false;
  if (me.role === 'admin' && c.createdBy !== me.id && !c.managerIds.includes(me.id)) return false;
  if (FROM[action].includes(c.state)) return true;
  return action === 'edit' && me.role === 'owner' && c.state === 'pending_approval';
}

export function allowedActions(c: Campaign, me: Me): UserAction[] {
  return USER_ACTIONS.filter((a) => mayAct(c, me, a));
}

export const canEditCampaign = (c: Campaign, me: Me): boolean => mayAct(c, me, 'edit');
