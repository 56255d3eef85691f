import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../src/domain/roles';
import type { TestApp } from './test-app';

export interface AdminSession {
  context: BrowserContext;
  page: Page;
  userId: number;
  token: string;
  /** Console errors, uncaught page errors and any alert/confirm/prompt the page opened. */
  problems: string[];
  dialogs: string[];
}

/**
 * A browser context logged in as a new user of this role (the session cookie is set the way the login
 * page's answer sets it), already on /admin at the given hash.
 */
export async function openAdminAs(browser: Browser, app: TestApp, role: Role, hash = '#/users', username?: string): Promise<AdminSession> {
  const { token, id } = await app.login(role, username);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addCookies([{ name: 'dialer_session', value: token, url: app.url, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  // Fail with the locator that did not appear, well before mocha's own timeout.
  page.setDefaultTimeout(5000);
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  await page.goto(`${app.url}/admin${hash}`);
  await page.waitForSelector('#admin-nav a');
  return { context, page, userId: id, token, problems, dialogs };
}
