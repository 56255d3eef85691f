import assert from 'node:assert/strict';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describeBrowser, SCREENSHOT_DIR } from '../support/browser';
import { apiPost, signIn, useDemoBrowser, watchProblems } from './support/page-helpers';

const agentState = (page: Page, agentId: number) => page.getAttribute(`#agents-table tr[data-agent="${agentId}"] [data-state]`, 'data-state');

describeBrowser('supervisor dashboard in demo mode (browser)', () => {
  const fx = useDemoBrowser();
  let context: BrowserContext;
  beforeEach(async () => { context = await fx.browser.newContext({ viewport: { width: 1920, height: 1080 } }); });
  afterEach(async () => { await context.close(); });

  /** A progressive campaign with three agents and a list already partly worked, and a second, idle campaign. */
  async function floor() {
    const { product } = fx;
    const agents = {
      ann: await product.user('ann', 'agent', 'Ann Nguyễn', '1001'),
      ben: await product.user('ben', 'agent', 'Ben Trần', '1002'),
      cat: await product.user('cat', 'agent', '<b>Cat</b>', '1003'),
    };
    const ids = Object.values(agents);
    const campaign = product.campaign({ name: 'Autumn renewals', dialingMode: 'progressive', wrapUpSeconds: 120, agentIds: ids });
    const other = product.campaign({ name: 'Black Friday', dialingMode: 'preview', agentIds: ids });
    for (let i = 0; i < 6; i++) product.customer(campaign.id, { name: `Customer ${i}`, phones: [`09010000${10 + i}`] });
    product.customer(campaign.id, { name: 'Done', phones: ['0901000090'] }, 'success');
    product.customer(campaign.id, { name: 'Later', phones: ['0901000091'] }, 'callback_scheduled');
    product.customer(campaign.id, { name: 'Again', phones: ['0901000092'] }, 'failed_will_retry');
    const tokens = { ann: await product.token('ann'), ben: await product.token('ben'), cat: await product.token('cat') };
    return { agents, tokens, campaign, other };
  }

  it('when agents join and work, then the dashboard shows them live (a change within 1 s), ticks time in state, charts the list, and reads in Vietnamese', async function () {
    this.timeout(40_000);
    const { product } = fx;
    const { agents, tokens, campaign, other } = await floor();
    await product.user('boss', 'owner', 'Boss');
    const page = await context.newPage();
    await signIn(page, product.url, 'boss', '/supervisor');
    const problems = watchProblems(page);
    await page.waitForSelector('#sup-connection.conn-live');
    await page.selectOption('#campaign-picker', String(campaign.id));
    await page.waitForSelector('#sup-body .tiles');
    assert.match(await page.textContent('#chart-list') ?? '', /9 contacts/);
    assert.match(await page.textContent('#chart-list') ?? '', /Success1 · 11 %/);

    for (const name of ['ann', 'ben', 'cat'] as const) await apiPost(product.url, tokens[name], `/api/agent/campaigns/${campaign.id}/join`);
    await apiPost(product.url, tokens.ben, `/api/agent/campaigns/${campaign.id}/not-ready`, { reason: 'lunch' });
    await page.waitForSelector('#agents-table tbody tr:nth-child(3)');
    assert.equal(await page.textContent('#tile-agents .tile-value'), '3');
    assert.equal(await page.textContent(`#agents-table tr[data-agent="${agents.cat}"] .agent-name`), '<b>Cat</b>', 'names are text');
    assert.match(await page.textContent(`#agents-table tr[data-agent="${agents.ben}"]`) ?? '', /Not ready Lunch/);

    // A state change reaches the wall within a second of the server making it.
    const ready = await apiPost(product.url, tokens.ann, `/api/agent/campaigns/${campaign.id}/ready`);
    await page.waitForFunction(([id, state]) => document.querySelector(`#agents-table tr[data-agent="${id}"] [data-state]`)?.getAttribute('data-state') === state,
      [agents.ann, ready.state.kind] as const, { timeout: 1000 });
    await page.waitForFunction(() => Number(document.querySelector('#tile-ringing .tile-value')?.textContent) + Number(document.querySelector('#tile-talking .tile-value')?.textContent) === 1,
      undefined, { timeout: 10_000 });

    // Time in state ticks on the page between updates.
    const cell = `#agents-table tr[data-agent="${agents.ben}"] [data-since]`;
    const before = await page.textContent(cell);
    await page.waitForFunction(([sel, was]) => document.querySelector(sel)?.textContent !== was, [cell, before] as const, { timeout: 3000 });

    await page.waitForFunction(() => document.querySelector('#tile-talking .tile-value')?.textContent === '1', undefined, { timeout: 10_000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'supervisor.png') });
    await page.click('#lang');
    assert.equal(await page.textContent('#tile-talking .tile-label'), 'Đang nói chuyện');
    assert.match(await page.textContent(`#agents-table tr[data-agent="${agents.ben}"]`) ?? '', /Tạm nghỉ Ăn trưa/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'supervisor-vi.png') });
    await page.click('#lang');

    // The PBX restarts under the call: the wall says why nothing is dialled, until telephony is back.
    const restarted = product.restartPbx();
    await page.waitForSelector('#sup-telephony', { timeout: 3000 });
    assert.equal(await page.textContent('#sup-telephony'), 'Telephony unavailable: no calls are placed');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'supervisor-telephony-down.png') });
    await restarted;
    await page.waitForSelector('#sup-telephony', { state: 'detached', timeout: 10_000 });

    await page.selectOption('#campaign-picker', String(other.id));
    await page.waitForFunction(() => /No agent has joined/.test(document.getElementById('sup-body')?.textContent ?? ''));
    assert.match(page.url(), new RegExp(`#campaign=${other.id}$`));
    assert.deepEqual(problems, []);
  });

  it('when the WebSocket cannot connect, then the dashboard says it is polling and still follows the campaign', async function () {
    this.timeout(30_000);
    const { product } = fx;
    const { agents, tokens, campaign } = await floor();
    await product.user('sue', 'admin', 'Sue');
    const page = await context.newPage();
    await page.routeWebSocket(/\/ws$/, (ws) => ws.close({ code: 1011, reason: 'test: no socket' }));
    await signIn(page, product.url, 'sue', `/supervisor`);
    await page.selectOption('#campaign-picker', String(campaign.id));
    await page.waitForSelector('#sup-connection.conn-poll');
    await apiPost(product.url, tokens.ben, `/api/agent/campaigns/${campaign.id}/join`);
    await page.waitForFunction((id) => document.querySelector(`#agents-table tr[data-agent="${id}"]`) !== null, agents.ben, { timeout: 5000 });
    assert.equal(await agentState(page, agents.ben), 'not_ready');
    assert.equal(await page.textContent('#sup-connection'), 'Polling');
  });
});
