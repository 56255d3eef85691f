import type { CampaignSettings } from '../domain/campaign-settings';
import type { Actor } from '../domain/roles';
import { canSeeScript } from '../domain/script-rules';
import { DialerError } from '../errors';
import type { GroupRepository } from '../store/group-repository';
import type { ScriptRepository } from '../store/script-repository';
import type { UserRepository } from '../store/user-repository';

export interface ReferenceStores {
  users: UserRepository;
  groups: GroupRepository;
  scripts: ScriptRepository;
}

const invalid = (field: string, message: string) => new DialerError('E_VALIDATION', `${field}: ${message}`, field);

/**
 * Checks that the ids in the settings point at the right things: managers are owners or admins,
 * agents are agents, groups exist, and the script exists and is visible to the actor. The script is
 * only checked when it changes, so an admin can edit a campaign whose script an owner attached.
 */
export function checkCampaignReferences(stores: ReferenceStores, actor: Actor, s: CampaignSettings, previousScriptId: number | null): void {
  s.managerIds.forEach((id, i) => {
    const u = stores.users.get(id);
    if (!u || u.role === 'agent') throw invalid(`managerIds.${i}`, `user ${id} is not an owner or admin`);
  });
  s.agentIds.forEach((id, i) => {
    const u = stores.users.get(id);
    if (!u || u.role !== 'agent') throw invalid(`agentIds.${i}`, `user ${id} is not an agent`);
  });
  s.agentGroupIds.forEach((id, i) => {
    if (!stores.groups.get(id)) throw invalid(`agentGroupIds.${i}`, `group ${id} does not exist`);
  });
  if (s.scriptId !== null && s.scriptId !== previousScriptId) {
    const script = stores.scripts.get(s.scriptId);
    if (!script || !canSeeScript(actor, script)) throw invalid('scriptId', `script ${s.scriptId} does not exist or is not shared with you`);
  }
}
