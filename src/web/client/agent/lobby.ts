import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import type { AgentApp, AgentArea, Change } from './app.js';
import { agentLabels } from './labels.js';
import { tf } from '../page-format.js';

/** Before joining: the running campaigns the agent is assigned to, each with a join button. */
export class AgentLobby implements AgentArea {
  readonly root = h('section', { class: 'panel lobby', id: 'lobby', hidden: true });

  constructor(app: AgentApp) {
    document.addEventListener('languagechange', () => this.update(app, new Set(['campaigns'])));
  }

  update(app: AgentApp, changes: ReadonlySet<Change>): void {
    if (!changes.has('campaigns') && !changes.has('campaign')) return;
    this.root.hidden = app.view.campaign !== null;
    if (!this.root.hidden) this.render(app);
  }

  private render(app: AgentApp): void {
    const cards = app.campaigns.map((c) => h('li', { class: 'campaign-card', 'data-campaign': c.id },
      h('div', {}, h('strong', { class: 'campaign-name' }, c.name), ' ', h('span', { class: 'tag' }, agentLabels.mode(c.mode))),
      h('small', { class: 'muted' }, `${t('agent.settings.wrapUp')} ${tf('agent.seconds', { n: c.wrapUpSeconds })}`,
        c.previewSeconds !== null && c.mode === 'preview' ? ` · ${t('agent.settings.preview')} ${tf('agent.seconds', { n: c.previewSeconds })}` : ''),
      h('button', {
        type: 'button', class: 'join', 'data-join': c.id,
        onclick: () => { app.alerts.askNotificationPermission(); void app.act('join', undefined, c.id); },
      }, t('agent.join'))));
    replaceChildren(this.root,
      h('h2', {}, t('agent.campaigns')),
      cards.length === 0 ? h('p', { class: 'muted', id: 'no-campaigns' }, t('agent.noCampaigns')) : h('ul', { class: 'campaign-cards' }, ...cards));
  }
}
