import assert from 'node:assert/strict';
import path from 'node:path';
import { describeBrowser, SCREENSHOT_DIR } from '../support/browser';
import { TcpProxy } from '../support/tcp-proxy';
import { apiPost, signIn, useDemoBrowser, watchProblems } from './support/page-helpers';

describeBrowser('agent page after a network drop (browser)', () => {
  const fx = useDemoBrowser();
  let proxy: TcpProxy;
  beforeEach(() => { proxy = new TcpProxy('127.0.0.1', Number(new URL(fx.product.url).port)); });
  afterEach(async () => { await proxy.stop(); });

  it('when the connection drops and changes happen meanwhile, then the page shows it is offline, reconnects and catches up without a reload', async function () {
    this.timeout(40_000);
    const { product, browser } = fx;
    const ann = await product.user('ann', 'agent', 'Ann', '1001');
    // No preview countdown: the customer stays in hand until the agent acts, so nothing moves but what the test does.
    const campaign = product.campaign({ name: 'Winter', dialingMode: 'preview', previewSeconds: null, wrapUpSeconds: 60, agentIds: [ann] });
    product.customer(campaign.id, { name: 'Bình Trần', phones: ['0901234567'] });
    const token = await product.token('ann');
    const base = `http://127.0.0.1:${await proxy.start()}`;

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Requests that fail while the network is down are expected; anything else is a problem.
    const problems = watchProblems(page, /\b(401|409)\b|ERR_CONNECTION|ERR_EMPTY_RESPONSE|WebSocket|Failed to fetch/);
    await signIn(page, base, 'ann', '/agent');
    await page.click(`[data-join="${campaign.id}"]`);
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Not ready');
    await page.evaluate(() => { (window as unknown as { loadedOnce: boolean }).loadedOnce = true; });
    assert.equal(await page.isHidden('#offline'), true);

    proxy.pause();
    await page.waitForSelector('#offline:not([hidden])');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'agent-offline.png') });
    // Meanwhile the agent's session moves on (as another tab or a softphone button would make it): ready, a customer in preview.
    const view = await apiPost(product.url, token, `/api/agent/campaigns/${campaign.id}/ready`);
    assert.equal(view.state.kind, 'previewing');

    proxy.resume();
    await page.waitForSelector('#offline', { state: 'hidden', timeout: 15_000 });
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Previewing');
    await page.waitForFunction(() => document.getElementById('customer-name')?.textContent === 'Bình Trần');
    assert.equal(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce), true, 'no reload');
    assert.equal(await page.isVisible('#btn-call-now'), true);

    // Live again: what the server pushes from now on reaches the page.
    await apiPost(product.url, token, `/api/agent/campaigns/${campaign.id}/call-now`);
    await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Connected', undefined, { timeout: 15_000 });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
