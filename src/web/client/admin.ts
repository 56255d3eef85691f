import { api } from './api.js';
import { byId, h, replaceChildren } from './dom.js';
import { toggleLanguage, translatePage } from './i18n.js';
import { campaignListSection } from './admin/campaigns/list.js';
import { campaignPageSection } from './admin/campaigns/page.js';
import { campaignsSection } from './admin/campaigns/campaigns.js';
import { blockListsSection } from './admin/contacts/block-lists.js';
import { contactsSection } from './admin/contacts/contacts.js';
import { groupsSection } from './admin/contacts/groups.js';
import { importJobSection } from './admin/imports/job.js';
import { importSection } from './admin/imports/import.js';
import { label, translateTitles } from './admin/label.js';
import { NotificationBell } from './admin/notifications.js';
import { HashRouter, type Me, type Section } from './admin/router.js';
import { scriptEditorSection } from './admin/scripts/editor.js';
import { scriptsSection } from './admin/scripts/scripts.js';
import { usersSection } from './admin/users.js';
import { showError } from './admin/error.js';
import { agentPerformanceSection } from './agent-performance/admin-section.js';
import { callLogSection } from './call-log/admin-section.js';
import { campaignOverviewSection } from './campaign-overview/admin-section.js';
import { customerResultsSection } from './customer-results/admin-section.js';
import { pauseCodesSection } from './pause-codes/admin-section.js';

/** Sections in menu order; a section is listed here only once its API exists on the server. */
const sections: Section[] = [
  usersSection, groupsSection, campaignsSection, campaignPageSection, campaignListSection, scriptsSection, scriptEditorSection,
  contactsSection, importSection, importJobSection, blockListsSection, pauseCodesSection, agentPerformanceSection, callLogSection,
  campaignOverviewSection,
  customerResultsSection,
];

translatePage();
byId('lang').addEventListener('click', toggleLanguage);
document.addEventListener('languagechange', () => translateTitles());
byId('logout').addEventListener('click', () => {
  api('POST', '/api/auth/logout').catch(() => undefined).finally(() => { location.href = '/login'; });
});

api<{ user: Me }>('GET', '/api/auth/me')
  .then(({ user }) => {
    byId('me').textContent = user.displayName;
    if (user.role === 'agent') {
      replaceChildren(byId('view'), label('admin.agentsOnly', 'p', { class: 'empty' }), label('nav.agent', 'a', { href: '/agent' }));
      return;
    }
    new NotificationBell(byId('notify-slot'));
    new HashRouter(sections, byId('view'), byId('admin-nav')).start(user);
  })
  .catch((err: unknown) => {
    const box = h('p', { class: 'error', role: 'alert' });
    replaceChildren(byId('view'), box);
    showError(box, err);
  });
