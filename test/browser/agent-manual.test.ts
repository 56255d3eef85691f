import assert from 'node:assert/strict';
import path from 'node:path';
import { describeBrowser, SCREENSHOT_DIR } from '../support/browser';
import { apiGet, signIn, useDemoBrowser, watchProblems } from './support/page-helpers';

describeBrowser('agent page in manual mode (browser)', () => {
  const fx = useDemoBrowser();

  it('when an agent gets a customer, skips it, gets another and calls its second number, then the engine dials that number; the page switches to Vietnamese, and the agent goes not ready and leaves', async function () {
    this.timeout(40_000);
    const { product, browser } = fx;
    const ann = await product.user('ann', 'agent', 'Ann', '1001');
    const campaign = product.campaign({ name: 'Manual list', dialingMode: 'manual', wrapUpSeconds: 120, agentIds: [ann] });
    // First numbers are busy (0902…), second numbers answer (0901…).
    const customers = { 'Lan Phạm': ['0902000001', '0901000001'], 'Minh Lê': ['0902000002', '0901000002'] } as Record<string, string[]>;
    for (const [name, phones] of Object.entries(customers)) product.customer(campaign.id, { name, phones, email: `${phones[1]}@example.com` });
    const token = await product.token('ann');

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signIn(page, product.url, 'ann', '/agent');
    await page.click(`[data-join="${campaign.id}"]`);
    await page.click('#btn-ready');
    await page.waitForSelector('#btn-get-customer:not([hidden])');

    await page.click('#btn-get-customer');
    await page.waitForSelector('#number-choice:not([hidden])');
    const first = (await page.textContent('#customer-name'))!;
    assert.ok(first in customers, first);
    assert.deepEqual(await page.locator('#number-choice .phone').allTextContents(), customers[first]);
    assert.equal(await page.textContent('#btn-call-now'), 'Call');
    await page.click('#dispo-skip');
    await page.waitForSelector('#btn-get-customer:not([hidden])');

    await page.click('#btn-get-customer');
    await page.waitForFunction((skipped) => {
      const name = document.getElementById('customer-name')?.textContent;
      return !!name && name !== skipped && !document.getElementById('number-choice')?.hidden;
    }, first);
    const second = (await page.textContent('#customer-name'))!;
    assert.notEqual(second, first);
    await page.check('#number-choice input[value="1"]');
    await page.click('#btn-call-now');
    await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Connected', undefined, { timeout: 15_000 });
    const attemptId = (await apiGet(product.url, token, '/api/agent/state')).customer.attemptId;
    assert.equal(product.services.repos.attempts.get(attemptId)?.phoneNumber, customers[second]![1], 'the chosen number was dialled');

    // The skipped customer is still the agent's to work in manual mode: its details open editable.
    await page.click(`#customer-list button:has-text("${first}")`);
    await page.waitForFunction((name) => document.getElementById('customer-name')?.textContent === name, first);
    assert.equal(await page.isEnabled('#customer-email'), true);
    await page.click(`#customer-list button:has-text("${second}")`);
    await page.waitForFunction((name) => document.getElementById('customer-name')?.textContent === name, second);

    await page.click('#lang');
    assert.equal(await page.textContent('#btn-hangup'), 'Gác máy');
    assert.equal(await page.textContent('#agent-state'), 'Đang nói chuyện');
    assert.equal(await page.textContent('#dispo-closed_deal'), 'Chốt đơn');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'agent-manual-vi.png') });
    await page.click('#btn-hangup');
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#dispo-not_interested')?.disabled === false);
    await page.click('#dispo-not_interested');
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#dispo-not_interested')?.disabled === true);
    const list = await apiGet(product.url, token, `/api/agent/campaigns/${campaign.id}/customers`);
    assert.deepEqual(list.map((c: { name: string; disposition: string | null }) => [c.name, c.disposition]), [[first, 'skip'], [second, 'not_interested']]);

    // In wrap-up: not ready with a reason, then leave; the campaign list comes back.
    await page.selectOption('#not-ready-reason', 'lunch');
    await page.click('#btn-not-ready');
    await page.waitForFunction(() => document.getElementById('agent-reason')?.textContent === 'Ăn trưa');
    assert.equal(await page.textContent('#agent-state'), 'Tạm nghỉ');
    assert.equal((await apiGet(product.url, token, '/api/agent/state')).state.reason, 'lunch');
    await page.click('#btn-leave');
    await page.waitForSelector(`#lobby:not([hidden]) [data-join="${campaign.id}"]`);
    assert.equal(await page.isHidden('#agent-bar'), true);
    assert.equal((await apiGet(product.url, token, '/api/agent/state')).state.kind, 'offline');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('when an earlier customer is in manual access, then the agent calls them again from their details, on the number they pick, retry gap or not', async function () {
    this.timeout(40_000);
    const { product, browser } = fx;
    const bea = await product.user('bea', 'agent', 'Bea', '1002');
    const campaign = product.campaign({ name: 'Short list', dialingMode: 'manual', wrapUpSeconds: 1, retryMinutes: 60, agentIds: [bea] });
    product.customer(campaign.id, { name: 'Quang Võ', phones: ['0902000011', '0901000011'] });
    const token = await product.token('bea');
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signIn(page, product.url, 'bea', '/agent');
    await page.click(`[data-join="${campaign.id}"]`);
    await page.click('#btn-ready');
    await page.click('#btn-get-customer');
    await page.waitForSelector('#number-choice:not([hidden])');
    await page.click('#btn-call-now');
    // The first number is busy: after the short wrap-up the agent is ready. A new customer comes and is skipped.
    await page.waitForFunction(() => !document.getElementById('btn-get-customer')?.hidden && document.getElementById('agent-state')?.textContent === 'Ready', undefined, { timeout: 15_000 });
    product.customer(campaign.id, { name: 'Hà Đỗ', phones: ['0901000012'] });
    await page.click('#btn-get-customer');
    await page.waitForFunction(() => document.getElementById('customer-name')?.textContent === 'Hà Đỗ');
    await page.click('#dispo-skip');
    await page.waitForSelector('#btn-get-customer:not([hidden])');
    await page.click('#customer-list button:has-text("Quang Võ")');
    await page.waitForSelector('#call-again');
    const [earlier] = await apiGet(product.url, token, `/api/agent/campaigns/${campaign.id}/customers`);
    assert.deepEqual([earlier.name, earlier.access], ['Quang Võ', 'manual']);
    assert.deepEqual(await page.locator('#call-again button').allTextContents(), earlier.phones.map((p: string) => `Call ${p}`));
    await page.click('#btn-call-again-1');
    await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Connected', undefined, { timeout: 15_000 });
    const state = await apiGet(product.url, token, '/api/agent/state');
    assert.equal(state.customer.name, 'Quang Võ');
    const dialled = product.services.repos.attempts.get(state.customer.attemptId)?.phoneNumber;
    assert.equal(dialled, state.customer.phones[1], 'the number picked in the details was dialled');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'agent-call-again.png') });
    await page.click('#btn-hangup');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
