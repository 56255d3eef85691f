import type { CampaignState } from './campaign-lifecycle';
import type { Actor } from './roles';
import type { Script } from './script';

type ScriptAccess = Pick<Script, 'createdBy' | 'sharing' | 'sharedWith'>;

export type ScriptDecision = { ok: true } | { ok: false; status: 403 | 409; reason: string };

/** Owners see every script; an admin sees their own, those shared with all admins, and those shared with them. */
export function canSeeScript(actor: Actor, script: ScriptAccess): boolean {
  if (actor.role === 'owner') return true;
  if (actor.role !== 'admin') return false;
  if (script.createdBy === actor.id || script.sharing === 'all_admins') return true;
  return script.sharing === 'chosen_admins' && script.sharedWith.includes(actor.id);
}

/** Campaign states that still let a script change under them: nothing approved depends on it yet. */
const CHANGEABLE_UNDER: Record<'owner' | 'admin', readonly CampaignState[]> = {
  // A rejected campaign is a draft sent back for rework, so its script may be reworked too.
  admin: ['draft', 'rejected'],
  owner: ['draft', 'rejected', 'pending_approval'],
};

/**
 * Whether an actor may edit or delete a script (its questions included). Sharing lets other admins
 * see and attach a script, not change it: only its creator and the owners may. And only while every
 * campaign using it is a draft (owners: or pending approval), so an approved campaign never has its
 * script changed under it.
 */
export function decideScriptChange(actor: Actor, script: ScriptAccess, usedBy: readonly CampaignState[]): ScriptDecision {
  if (actor.role === 'agent') return { ok: false, status: 403, reason: 'agents may not change scripts' };
  if (actor.role === 'admin' && script.createdBy !== actor.id) {
    return { ok: false, status: 403, reason: 'only the admin who created a script, or an owner, may change it' };
  }
  const allowed = CHANGEABLE_UNDER[actor.role];
  const blocking = usedBy.filter((s) => !allowed.includes(s));
  if (blocking.length > 0) {
    const states = [...new Set(blocking)].map((s) => s.replace('_', ' ')).join(', ');
    const limit = actor.role === 'owner' ? 'draft or pending campaigns' : 'draft campaigns';
    return { ok: false, status: 409, reason: `the script is used by a campaign that is ${states}; it can change only while used by ${limit} alone` };
  }
  return { ok: true };
}

/** Whether an actor may create scripts at all. */
export const canCreateScript = (actor: Actor): boolean => actor.role === 'owner' || actor.role === 'admin';
