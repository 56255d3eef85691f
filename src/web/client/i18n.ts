import { adminEn, adminVi } from './i18n/admin.js';
import { agentEn, agentVi } from './i18n/agent.js';
import { agentPerformanceEn, agentPerformanceVi } from './i18n/agent-performance.js';
import { callLogEn, callLogVi } from './i18n/call-log.js';
import { campaignOverviewEn, campaignOverviewVi } from './i18n/campaign-overview.js';
import { commonEn, commonVi } from './i18n/common.js';
import { customerResultsEn, customerResultsVi } from './i18n/customer-results.js';
import { supervisorEn, supervisorVi } from './i18n/supervisor.js';
import { callsEn, callsVi } from './i18n/calls.js';

/**
 * Every page's labels, composed from one module per area (i18n-common, i18n-admin, …). Each module
 * types its Vietnamese dictionary as Record<keyof English, string>, so a missing translation is a build error.
 */
const en = { ...commonEn, ...adminEn, ...agentEn, ...supervisorEn, ...agentPerformanceEn, ...callLogEn, ...campaignOverviewEn, ...callsEn, ...customerResultsEn };
const vi: Record<keyof typeof en, string> = { ...commonVi, ...adminVi, ...agentVi, ...supervisorVi, ...agentPerformanceVi, ...callLogVi, ...campaignOverviewVi, ...callsVi, ...customerResultsVi };

export type MessageKey = keyof typeof en;
export const messages = { en, vi } as const;
export type Language = keyof typeof messages;

export function currentLanguage(): Language {
  const saved = localStorage.getItem('dialer.lang');
  return saved === 'vi' || saved === 'en' ? saved : navigator.language.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export function t(key: MessageKey, lang: Language = currentLanguage()): string {
  return messages[lang][key] ?? key;
}

/** Fills every element carrying data-i18n (text) or data-i18n-placeholder with the current language. */
export function translatePage(root: ParentNode = document): void {
  const lang = currentLanguage();
  document.documentElement.lang = lang;
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as MessageKey, lang);
  });
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder as MessageKey, lang);
  });
}

export function toggleLanguage(): void {
  localStorage.setItem('dialer.lang', currentLanguage() === 'en' ? 'vi' : 'en');
  translatePage();
  document.dispatchEvent(new CustomEvent('languagechange'));
}
