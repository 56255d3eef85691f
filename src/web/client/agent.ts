import { byId, h, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { AgentAlertsArea } from './agent/alerts.js';
import { AgentApp } from './agent/app.js';
import { AgentBar } from './agent/bar.js';
import { AgentCustomerArea } from './agent/customer.js';
import { AgentDispositions } from './agent/dispositions.js';
import { AgentLeft } from './agent/left.js';
import { AgentLobby } from './agent/lobby.js';
import { AgentScriptArea } from './agent/script.js';
import { MyPerformance } from './agent-performance/my-performance.js';
import { MyCalls } from './call-log/my-calls.js';
import { setUpHeader } from './page-header.js';
import { Ticker } from './ticker.js';
import { CallPopup } from './calls/call-popup.js';
import { callNumberBox } from './calls/call-number-box.js';
import { MyContacts } from './calls/my-contacts.js';

/** The agent page: one AgentApp, its areas mounted once, everything after that live over the WebSocket. */
const alerts = new AgentAlertsArea();
const app = new AgentApp(alerts);
const ticker = new Ticker();
const lobby = new AgentLobby(app);
const bar = new AgentBar(app, ticker);
const dispositions = new AgentDispositions(app);
const left = new AgentLeft(app);
const script = new AgentScriptArea(app);
const customer = new AgentCustomerArea(app);
const myPerformance = new MyPerformance((err) => alerts.error(err));
const myCalls = new MyCalls((err) => alerts.error(err));
const popup = new CallPopup(ticker, (contactId) => { void myContacts.refreshNotes(contactId).catch((err: unknown) => alerts.error(err)); });
const myContacts = new MyContacts(popup, (err) => alerts.error(err));
const offline = byId('offline');
const grid = h('div', { class: 'agent-grid', id: 'agent-grid', hidden: true }, left.root, script.root, customer.root);

for (const area of [lobby, bar, dispositions, left, script, customer, alerts]) app.addArea(area);
app.addArea({
  update: (a, changes) => {
    if (changes.has('connection')) offline.hidden = a.connected;
    if (changes.has('view') || changes.has('campaign')) grid.hidden = a.view.campaign === null;
  },
});

setUpHeader()
  .then((me) => {
    byId('header-extra').append(alerts.enableButton);
    if (me.role !== 'agent') {
      replaceChildren(byId('agent-root'), h('p', { class: 'panel' }, t('agent.agentsOnly'), ' ', h('a', { href: '/supervisor' }, t('nav.supervisor'))));
      return;
    }
    byId('header-extra').append(myPerformance.button, myCalls.button);
    replaceChildren(byId('agent-root'), alerts.reminders, myPerformance.root, myCalls.root, lobby.root, bar.root, dispositions.root, grid,
      h('div', { class: 'click-to-call-area' }, callNumberBox(popup), myContacts.root));
    document.body.append(alerts.ticket, alerts.toasts, popup.mount());
    return Promise.all([app.start(), popup.start(), myContacts.load()]);
  })
  .catch((err: unknown) => alerts.error(err));
