import type { Role } from '../domain/roles';
import type { AuthenticatedUser } from '../services/auth-service';
import type { CampaignService } from '../services/campaign-service';
import { parseTopic, WS_TOPICS, type TopicKind } from './ws-topics';

type IdRule = (actor: AuthenticatedUser, id: number) => boolean;

/**
 * Who may follow which WebSocket topic: first the roles its kind declares (ws-topics.ts), then a rule for
 * the id — `user:<id>` only that user, `campaign:<id>` only who may read that campaign. A topic the hub
 * does not serve is refused.
 */
export function topicAuthorizer(campaigns: Pick<CampaignService, 'get'>): (actor: AuthenticatedUser, topic: string) => boolean {
  const rules: Record<TopicKind, IdRule> = {
    user: (actor, id) => id === actor.id,
    campaign: (actor, id) => {
      try {
        campaigns.get(actor, id);
        return true;
      } catch {
        return false;
      }
    },
  };
  return (actor, topic) => {
    const parsed = parseTopic(topic);
    if (!parsed) return false;
    const roles: readonly Role[] = WS_TOPICS[parsed.kind].roles;
    return roles.includes(actor.role) && rules[parsed.kind](actor, parsed.id);
  };
}
