import type { Campaign, CampaignEvent } from '../domain/campaign';
import {
  decideTransition, canCreateCampaign, USER_ACTIONS,
  type CampaignAction, type CampaignActor, type CampaignState, type UserAction,
} from '../domain/campaign-lifecycle';
import { notificationKindFor } from '../domain/campaign-notification';
import { campaignDefaults, type CampaignSettings } from '../domain/campaign-settings';
import { campaignSettingsProblems, normalizeCampaignSettings } from '../domain/campaign-settings-problems';
import type { Clock } from '../domain/clock';
import type { Actor } from '../domain/roles';
import { DialerError, forbidden, notFound } from '../errors';
import type { Db } from '../store/database';
import type { CampaignListQuery, CampaignRepository, TransitionStamps } from '../store/campaign-repository';
import type { Page, Paged } from '../store/page';
import { checkCampaignReferences, type ReferenceStores } from './check-campaign-references';
import type { NotificationService } from './notification-service';

export type CampaignCreateInput = Partial<CampaignSettings> & Pick<CampaignSettings, 'name' | 'dialingMode'>;
export type CampaignPatch = Partial<CampaignSettings>;

const timesOf = (c: Campaign) => ({
  startAt: c.startAt === null ? null : new Date(c.startAt), endAt: c.endAt === null ? null : new Date(c.endAt),
});

export interface CampaignServiceDeps extends ReferenceStores {
  db: Db;
  campaigns: CampaignRepository;
  notifications: NotificationService;
  clock: Clock;
}

function stampsFor(action: CampaignAction, next: CampaignState, at: string, actor: Actor | undefined, note: string | null): TransitionStamps {
  if (action === 'approve' || action === 'reject') return { reviewNote: note, reviewedBy: actor?.id ?? null, reviewedAt: at };
  if (action === 'activate') return next === 'running' ? { activatedAt: at, startedAt: at } : { activatedAt: at };
  if (action === 'start') return { startedAt: at };
  if (next === 'ended') return { endedAt: at };
  return {};
}

/** Campaign use cases: settings, permissions, lifecycle transitions with their audit rows and notifications. */
export class CampaignService {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: CampaignServiceDeps) {}

  /** Called after any change that may move a start or end time the scheduler waits for. Returns an unsubscribe. */
  onScheduleChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private scheduleChanged(): void {
    for (const l of this.listeners) l();
  }

  private actorFor(actor: Actor, c: Campaign): CampaignActor {
    return { kind: 'user', role: actor.role, isCreator: c.createdBy === actor.id, isManager: c.managerIds.includes(actor.id) };
  }

  /** What this user may do to this campaign now, so pages show only buttons the server would accept. */
  permissions(actor: Actor, c: Campaign): { allowedActions: UserAction[]; canEdit: boolean; canDelete: boolean } {
    const who = this.actorFor(actor, c);
    const may = (action: CampaignAction) => decideTransition(c.state, action, who, this.deps.clock.now(), timesOf(c)).ok;
    return { allowedActions: USER_ACTIONS.filter(may), canEdit: may('edit'), canDelete: may('delete') };
  }

  private decide(c: Campaign, action: CampaignAction, actor: CampaignActor) {
    const d = decideTransition(c.state, action, actor, this.deps.clock.now(), timesOf(c));
    if (!d.ok) throw new DialerError(d.status === 403 ? 'E_FORBIDDEN' : 'E_TRANSITION_DENIED', d.reason);
    return d.next;
  }

  private validated(actor: Actor, merged: CampaignSettings, previousScriptId: number | null): CampaignSettings {
    const problem = campaignSettingsProblems(merged)[0];
    if (problem) throw new DialerError('E_VALIDATION', problem.message, problem.field);
    const settings = normalizeCampaignSettings(merged);
    checkCampaignReferences(this.deps, actor, settings, previousScriptId);
    return settings;
  }

  create(actor: Actor, input: CampaignCreateInput): Campaign {
    if (!canCreateCampaign(actor.role)) throw forbidden(`a user with the ${actor.role} role may not create campaigns`);
    const settings = this.validated(actor, { ...campaignDefaults(input.name, input.dialingMode), ...input }, null);
    return this.deps.campaigns.create(settings, actor.id, this.deps.clock.now());
  }

  /** Owners and admins see every campaign; an agent only the running ones they work, as if others did not exist. */
  get(actor: Actor, id: number): Campaign {
    const c = this.deps.campaigns.get(id);
    if (!c) throw notFound('campaign', id);
    if (actor.role === 'agent' && !(c.state === 'running' && this.deps.campaigns.isAgentAssigned(id, actor.id))) throw notFound('campaign', id);
    return c;
  }

  list(actor: Actor, query: Omit<CampaignListQuery, 'agentId'>): Paged<Campaign> {
    if (actor.role === 'agent') {
      if (query.state && query.state !== 'running') return { items: [], total: 0 };
      return this.deps.campaigns.list({ ...query, state: 'running', agentId: actor.id });
    }
    return this.deps.campaigns.list(query);
  }

  update(actor: Actor, id: number, patch: CampaignPatch): Campaign {
    const c = this.get(actor, id);
    const next = this.decide(c, 'edit', this.actorFor(actor, c));
    if (next === 'deleted') throw new DialerError('E_INTERNAL', 'edit cannot delete');
    if (patch.scriptId !== undefined && patch.scriptId !== c.scriptId && c.state !== 'draft' && c.state !== 'rejected') {
      throw new DialerError('E_TRANSITION_DENIED', `a script can be attached only to a draft campaign; this one is ${c.state.replace('_', ' ')}`, 'scriptId');
    }
    const { id: _id, state: _state, ...current } = c;
    const settings = this.validated(actor, { ...current, ...patch }, c.scriptId);
    const changed = (Object.keys(patch) as (keyof CampaignSettings)[]).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(c[k]));
    const note = changed.length ? `changed ${changed.join(', ')}` : 'saved without changes';
    const at = this.deps.clock.now().toISOString();
    if (!this.deps.campaigns.update(id, c.state, next, settings, { action: 'edit', actorId: actor.id, note, at })) throw this.raced(id);
    return this.deps.campaigns.get(id)!;
  }

  delete(actor: Actor, id: number): void {
    const c = this.get(actor, id);
    this.decide(c, 'delete', this.actorFor(actor, c));
    if (!this.deps.campaigns.delete(id, c.state)) throw this.raced(id);
  }

  /** A lifecycle action asked for by a person. */
  act(actor: Actor, id: number, action: UserAction, note: string | null = null): Campaign {
    const c = this.get(actor, id);
    return this.apply(c, action, this.actorFor(actor, c), actor, note);
  }

  /** A start or finish by the scheduler; undefined when the campaign no longer needs it (someone acted first). */
  runScheduled(id: number, action: 'start' | 'finish'): Campaign | undefined {
    const c = this.deps.campaigns.get(id);
    if (!c) return undefined;
    const late = action === 'start' ? c.startAt : c.endAt;
    const note = late && Date.parse(late) < this.deps.clock.now().getTime() - 60_000 ? `late: was due at ${late}` : null;
    try {
      return this.apply(c, action, { kind: 'system' }, undefined, note);
    } catch (err) {
      if (err instanceof DialerError && (err.code === 'E_TRANSITION_DENIED' || err.code === 'E_CONFLICT')) return undefined;
      throw err;
    }
  }

  private apply(c: Campaign, action: CampaignAction, who: CampaignActor, actor: Actor | undefined, note: string | null): Campaign {
    const next = this.decide(c, action, who);
    if (next === 'deleted') throw new DialerError('E_INTERNAL', `${action} cannot delete`);
    const at = this.deps.clock.now().toISOString();
    const kind = notificationKindFor(action, c.state, next);
    const won = this.deps.db.transaction(() => {
      const ok = this.deps.campaigns.transition(c.id, c.state, next, stampsFor(action, next, at, actor, note), { action, actorId: actor?.id ?? null, note, at });
      if (ok && kind) this.deps.notifications.campaignChanged({ kind, campaign: c, actorId: actor?.id, note });
      return ok;
    }).immediate();
    if (!won) throw this.raced(c.id);
    this.scheduleChanged();
    return this.deps.campaigns.get(c.id)!;
  }

  private raced(id: number): DialerError {
    return new DialerError('E_CONFLICT', `campaign ${id} changed while this request ran; reload it and try again`);
  }

  events(actor: Actor, id: number, page: Page): Paged<CampaignEvent> {
    if (actor.role === 'agent') throw forbidden('agents may not read the campaign history');
    this.get(actor, id);
    return this.deps.campaigns.events(id, page);
  }

  /** For the scheduler: what is due now, and when to look again. */
  dueToStart(now: Date): number[] { return this.deps.campaigns.dueToStart(now); }
  dueToFinish(now: Date): number[] { return this.deps.campaigns.dueToFinish(now); }
  nextScheduledAfter(now: Date): Date | undefined { return this.deps.campaigns.nextScheduledAfter(now); }
}
