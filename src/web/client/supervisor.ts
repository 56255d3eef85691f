import { byId, h, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { setUpHeader } from './page-header.js';
import { SupervisorApp } from './supervisor/app.js';
import { SupervisorView } from './supervisor/view.js';

/** The supervisor dashboard: one campaign followed live over the WebSocket (polling while it is down). */
let app: SupervisorApp | undefined;
const view = new SupervisorView(byId('sup-root'), () => app!);

setUpHeader()
  .then((me) => {
    if (me.role === 'agent') {
      replaceChildren(byId('sup-root'), h('p', { class: 'panel' }, t('sup.adminsOnly'), ' ', h('a', { href: '/agent' }, t('nav.agent'))));
      return;
    }
    app = new SupervisorApp((a, what) => view.render(a, what));
    return app.start();
  })
  .catch(() => replaceChildren(byId('sup-root'), h('p', { class: 'panel error', role: 'alert' }, t('common.error'))));
