import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startTestApp, type TestApp } from './test-app';

export const CHROMIUM = process.env.DIALER_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '..', 'test-results', 'screenshots');

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Debian's chromium, headless, with the flags this closed network needs (no background connections). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Registers the suite only when chromium is installed, saying clearly when it is skipped. */
export function describeBrowser(title: string, body: () => void): void {
  if (chromiumAvailable()) describe(title, body);
  else describe(title, () => it(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium)`, function () { this.skip(); }));
}

/**
 * The hooks every browser suite needs: one chromium for the suite, a fresh app (temporary database)
 * per test. Read `fx.app` and `fx.browser` inside the tests.
 */
export function useBrowserApp(startApp: () => Promise<TestApp> = () => startTestApp()): { readonly app: TestApp; readonly browser: Browser } {
  const fx = {} as { app: TestApp; browser: Browser };
  before(async () => { fx.browser = await launchBrowser(); });
  after(async () => { await fx.browser?.close(); });
  beforeEach(async () => { fx.app = await startApp(); });
  afterEach(async () => { await fx.app.close(); });
  return fx;
}
