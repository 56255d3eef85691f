import { api } from '../api.js';
import { LiveSocket, type LiveMessage } from '../live-socket.js';
import type {
  AgentCampaign, AgentProgress, AgentScript, AgentView, CallbackReminder, CampaignSettings, CustomerAccess, Disposition, ReceivedCustomer,
} from './types.js';

const SAFETY_POLL_MS = 30_000;

export const OFFLINE_VIEW: AgentView = {
  campaign: null, state: { kind: 'offline', reason: null, since: new Date(0).toISOString() }, line: 'none', customer: null, call: null,
  countdown: null, awaitingDisposition: false, atMaxQuota: false, noCustomer: false, pendingExit: null,
  allowed: { ready: false, notReady: false, nextCustomer: false, callNow: false, skip: false, chooseNumber: false, hangup: false, dispose: false, leave: false },
};

/** The customer the middle and right areas show: the current one, or an earlier one the agent picked. */
export interface ShownCustomer {
  leadId: number;
  attemptId: number;
  name: string;
  phones: string[];
  access: CustomerAccess;
  current: boolean;
}

export type Change = 'view' | 'campaigns' | 'campaign' | 'customers' | 'progress' | 'selection' | 'connection';

/** What the page's areas implement: each redraws what the change touches. */
export interface AgentArea {
  update(app: AgentApp, changes: ReadonlySet<Change>): void;
}

export interface AgentAlerts {
  error(err: unknown): void;
  reminder(m: CallbackReminder): void;
  event(name: string): void;
  askNotificationPermission(): void;
}

/**
 * The agent page's state: the engine's view of the agent (pushed as `agent.view` on the WebSocket, read
 * again with GET /api/agent/state after a reconnect), the campaign's settings and script, the customers
 * received and the agent's progress. Areas are told what changed and redraw themselves.
 */
export class AgentApp {
  view: AgentView = OFFLINE_VIEW;
  campaigns: AgentCampaign[] = [];
  settings: CampaignSettings | null = null;
  /** undefined while loading; null when the campaign has none. */
  script: AgentScript | null | undefined = undefined;
  customers: ReceivedCustomer[] = [];
  progress: AgentProgress | null = null;
  selectedAttempt: number | null = null;
  /** The number picked for the next call (manual mode). */
  phoneIndex = 0;
  connected = false;
  /** Runs before the page moves on (next customer, disposition, leave): pending answers are saved first. */
  beforeMoveOn: () => Promise<void> = () => Promise.resolve();
  private readonly areas: AgentArea[] = [];
  private readonly socket: LiveSocket;
  private viewsPushed = 0;
  private listKey = '';

  constructor(readonly alerts: AgentAlerts) {
    this.socket = new LiveSocket((m) => this.onMessage(m), (up) => this.setConnected(up), () => { void this.catchUp(); });
  }

  addArea(area: AgentArea): void {
    this.areas.push(area);
  }

  async start(): Promise<void> {
    this.socket.open();
    await this.catchUp();
    // A safety net for what the server does not push (a session closed with its campaign, say).
    window.setInterval(() => { void this.settle(() => api<AgentView>('GET', '/api/agent/state')).catch(() => undefined); }, SAFETY_POLL_MS);
  }

  get campaignId(): number | null {
    return this.view.campaign?.id ?? null;
  }

  shown(): ShownCustomer | null {
    const cur = this.view.customer;
    if (this.selectedAttempt === null || this.selectedAttempt === cur?.attemptId) {
      return cur ? { leadId: cur.leadId, attemptId: cur.attemptId, name: cur.name, phones: cur.phones, access: 'active', current: true } : null;
    }
    const c = this.customers.find((x) => x.attemptId === this.selectedAttempt);
    return c ? { leadId: c.leadId, attemptId: c.attemptId, name: c.name, phones: c.phones, access: c.access, current: false } : null;
  }

  select(attemptId: number | null): void {
    this.selectedAttempt = attemptId === this.view.customer?.attemptId ? null : attemptId;
    this.emit(['selection']);
  }

  private onMessage(m: LiveMessage): void {
    if (m.type === 'agent.view') {
      this.viewsPushed++;
      this.applyView(m.view as AgentView);
    } else if (m.type === 'agent.reminder') {
      this.alerts.reminder(m as unknown as CallbackReminder);
    } else if (m.type === 'agent.event' && typeof m.event === 'string') {
      this.alerts.event(m.event);
    }
  }

  private setConnected(up: boolean): void {
    this.connected = up;
    this.emit(['connection']);
  }

  /** Everything read again: what the page shows after a (re)connect without a reload. */
  async catchUp(): Promise<void> {
    try {
      await this.refreshView();
      if (!this.view.campaign) await this.loadCampaigns();
      else await Promise.all([this.loadCustomers(), this.loadProgress()]);
      // Reminders that came while this page was closed or offline.
      for (const r of await api<CallbackReminder[]>('GET', '/api/agent/reminders')) this.alerts.reminder(r);
    } catch (err) {
      this.alerts.error(err);
    }
  }

  async refreshView(): Promise<void> {
    this.applyView(await api<AgentView>('GET', '/api/agent/state'));
  }

  async loadCampaigns(): Promise<void> {
    this.campaigns = await api<AgentCampaign[]>('GET', '/api/agent/campaigns');
    this.emit(['campaigns']);
  }

  /**
   * An answer to a request is the view at the time it was made; when a pushed view arrived meanwhile, either
   * may be the newer, so the state is read once more instead of guessing.
   */
  private async settle(request: () => Promise<AgentView>): Promise<void> {
    const before = this.viewsPushed;
    const view = await request();
    if (this.viewsPushed === before) this.applyView(view);
    else await this.refreshView();
  }

  /** One of the engine's agent actions on the joined campaign; failures are shown, not thrown. */
  async act(action: string, body?: unknown, campaignId = this.campaignId): Promise<void> {
    if (campaignId === null) return;
    try {
      if (action === 'next-customer' || action === 'leave' || action === 'skip') await this.beforeMoveOn();
      await this.settle(() => api<AgentView>('POST', `/api/agent/campaigns/${campaignId}/${action}`, body));
      if (action === 'leave') await this.loadCampaigns();
    } catch (err) {
      this.alerts.error(err);
    }
  }

  /** Calls an earlier customer (manual access) again; on success they become the customer in hand. */
  async callEarlier(leadId: number, phoneIndex: number): Promise<void> {
    const campaignId = this.campaignId;
    if (campaignId === null) return;
    try {
      await this.settle(() => api<AgentView>('POST', `/api/agent/campaigns/${campaignId}/customers/${leadId}/call`, { phoneIndex }));
      this.select(null);
    } catch (err) {
      this.alerts.error(err);
    }
  }

  async dispose(disposition: Disposition, callbackAt?: string): Promise<boolean> {
    const attemptId = this.view.customer?.attemptId;
    if (attemptId === undefined) return false;
    try {
      await this.beforeMoveOn();
      await this.settle(async () => (await api<{ view: AgentView }>('POST', `/api/agent/attempts/${attemptId}/disposition`, { disposition, callbackAt })).view);
      await Promise.all([this.loadCustomers(), this.loadProgress()]);
      return true;
    } catch (err) {
      this.alerts.error(err);
      return false;
    }
  }

  private applyView(v: AgentView): void {
    const prev = this.view;
    this.view = v;
    const changes = new Set<Change>(['view']);
    if (prev.campaign?.id !== v.campaign?.id) {
      this.settings = null;
      this.script = undefined;
      this.customers = [];
      this.progress = null;
      this.selectedAttempt = null;
      changes.add('campaign');
      if (v.campaign) void this.loadCampaign(v.campaign.id);
      else void this.loadCampaigns().catch((err: unknown) => this.alerts.error(err));
    }
    if (prev.customer?.attemptId !== v.customer?.attemptId) {
      this.phoneIndex = 0;
      changes.add('selection');
    }
    // The customers list and progress move when a customer comes, a call ends or is disposed, or access rules change.
    const key = [v.campaign?.id, v.customer?.attemptId, v.call?.phase, v.awaitingDisposition, v.atMaxQuota, v.noCustomer, v.state.kind].join('|');
    if (v.campaign && key !== this.listKey && prev.campaign?.id === v.campaign.id) {
      void this.loadCustomers();
      void this.loadProgress();
    }
    this.listKey = key;
    this.emit([...changes]);
  }

  private async loadCampaign(id: number): Promise<void> {
    try {
      const [settings, script] = await Promise.all([
        api<CampaignSettings>('GET', `/api/campaigns/${id}`),
        this.view.campaign?.scriptId == null ? null : api<AgentScript>('GET', `/api/agent/campaigns/${id}/script`).catch(() => null),
      ]);
      if (this.campaignId !== id) return;
      this.settings = settings;
      this.script = script;
      this.emit(['campaign']);
      await Promise.all([this.loadCustomers(), this.loadProgress()]);
    } catch (err) {
      this.alerts.error(err);
    }
  }

  async loadCustomers(): Promise<void> {
    const id = this.campaignId;
    if (id === null) return;
    const list = await api<ReceivedCustomer[]>('GET', `/api/agent/campaigns/${id}/customers`).catch(() => null);
    if (!list || this.campaignId !== id) return;
    this.customers = list;
    this.emit(['customers']);
  }

  async loadProgress(): Promise<void> {
    const id = this.campaignId;
    if (id === null) return;
    const p = await api<AgentProgress>('GET', `/api/agent/campaigns/${id}/progress`).catch(() => null);
    if (!p || this.campaignId !== id) return;
    this.progress = p;
    this.emit(['progress']);
  }

  emit(changes: Change[]): void {
    const set = new Set(changes);
    for (const area of this.areas) area.update(this, set);
  }
}
