import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser';
import { DemoProduct, PASSWORD } from '../../support/demo-product';

/** What a page reports as wrong: console errors (CSP violations land there), script errors, 404s, and any dialog. */
export function watchProblems(page: Page, ignore: RegExp = /\b(401|409)\b/): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && !ignore.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => { if (r.status() === 404) problems.push(`404 ${r.url()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  return problems;
}

/** Opens a protected page, is sent to the login page, signs in, and ends on the page asked for. */
export async function signIn(page: Page, baseUrl: string, username: string, target: string): Promise<void> {
  await page.goto(`${baseUrl}${target}`);
  await page.waitForURL(/\/login$/);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('#login-submit');
  await page.waitForURL((u) => u.pathname !== '/login');
  if (new URL(page.url()).pathname !== target) await page.goto(`${baseUrl}${target}`);
}

/** The API as the test sees it (bearer token), to check what the page did. */
export async function apiGet<T = any>(baseUrl: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function apiPost<T = any>(baseUrl: string, token: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * The hooks of a suite that drives the product in demo mode: one chromium for the suite, a fresh product
 * (temporary database, its own simulator) per test. Read `fx.product` and `fx.browser` inside the tests.
 */
export function useDemoBrowser(config: Record<string, unknown> = {}): { readonly product: DemoProduct; readonly browser: Browser } {
  const fx = {} as { product: DemoProduct; browser: Browser };
  before(async () => { fx.browser = await launchBrowser(); });
  after(async () => { await fx.browser?.close(); });
  beforeEach(async () => { fx.product = await DemoProduct.start(config); });
  afterEach(async () => { await fx.product.stop(); });
  return fx;
}
