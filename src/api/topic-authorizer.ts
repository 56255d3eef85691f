import type { AuthenticatedUser } from '../services/auth-service';
import type { CampaignService } from '../services/campaign-service';

/**
 * Who may follow which WebSocket topic: `user:<id>` only that user (it is joined automatically), and
 * `campaign:<id>` (the supervisor view) owners and admins who may read that campaign; never agents.
 */
export function topicAuthorizer(campaigns: Pick<CampaignService, 'get'>): (actor: AuthenticatedUser, topic: string) => boolean {
  return (actor, topic) => {
    const user = /^user:(\d+)$/.exec(topic);
    if (user) return Number(user[1]) === actor.id;
    const campaign = /^campaign:(\d+)$/.exec(topic);
    if (!campaign || actor.role === 'agent') return false;
    try {
      campaigns.get(actor, Number(campaign[1]));
      return true;
    } catch {
      return false;
    }
  };
}
