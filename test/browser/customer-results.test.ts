import assert from 'node:assert/strict';
import path from 'node:path';
import { describeBrowser, SCREENSHOT_DIR } from '../support/browser';
import { signIn, useDemoBrowser, watchProblems } from './support/page-helpers';

const MIN = 60_000;

describeBrowser('customer results (browser)', () => {
  const fx = useDemoBrowser();

  it('when an admin picks a campaign, sorts, filters and opens a contact\'s history, then the page shows the campaign\'s contacts with the script answers as columns', async function () {
    this.timeout(90_000);
    const { product, browser } = fx;
    const sue = await product.user('sue', 'admin', 'Sue');
    const ann = await product.user('ann', 'agent', 'Ann <b>Nguyễn</b>', '1001');
    const script = product.script({ name: 'Survey', guidance: '', questions: [
      { kind: 'free_text', text: 'Budget <i>?</i>', options: [] }, { kind: 'single_choice', text: '=Interested?', options: ['Yes', 'No'] }] });
    const [budget, interest] = script.questions.map((x) => x.id) as [number, number];
    const a = product.campaign({ name: 'Spring <sale>', dialingMode: 'manual', timezone: 'UTC', agentIds: [ann], managerIds: [sue], scriptId: script.id });
    const b = product.campaign({ name: 'Other', dialingMode: 'manual', timezone: 'UTC', agentIds: [] });
    const db = product.services.db;
    const lan = product.customer(a.id, { name: 'Lan <i>Trần</i>', phones: ['+84912345678', '+84287654321'] }, 'success');
    const cmd = product.customer(a.id, { name: '=cmd()', phones: ['+84987000222'] }, 'callback_scheduled');
    const hoa = product.customer(a.id, { name: 'Hoa', phones: ['+84977000333'] });
    product.customer(b.id, { name: 'Not Sue’s', phones: ['+84966000444'] });
    const set = db.prepare('UPDATE campaign_contacts SET attempts = ?, last_outcome = ?, last_disposition = ?, callback_at = ?, agent_id = ? WHERE id = ?');
    set.run(2, 'answered', 'closed_deal', null, ann, lan);
    set.run(1, 'answered', 'callback', new Date(Date.now() + 60 * MIN).toISOString(), ann, cmd);
    const start = Date.now() - 3 * 60 * MIN;
    const at = (min: number) => new Date(start + min * MIN).toISOString();
    const attempt = (lead: number, min: number, outcome: string, disposition: string | null) => Number(db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id,
        agent_id, mode, state, phone_number, claimed_at, dialing_at, ended_at, outcome, end_reason, disposition)
      VALUES (?, ?, ?, 'manual', 'ended', (SELECT phone FROM campaign_contacts WHERE id = ?), ?, ?, ?, ?, 'customer_hangup', ?)`)
      .run(a.id, lead, ann, lead, at(min), at(min), at(min + 2), outcome, disposition).lastInsertRowid);
    const answer = (att: number, q: number, v: unknown) => db.prepare('INSERT INTO dial_attempt_answers (attempt_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)')
      .run(att, q, JSON.stringify(v), at(100));
    const first = attempt(lan, 10, 'no_answer', null);
    answer(first, budget, 'maybe <b>5</b>');
    const second = attempt(lan, 60, 'answered', 'closed_deal');
    answer(second, budget, '10 triệu');
    answer(second, interest, 'Yes');
    answer(attempt(cmd, 30, 'answered', 'callback'), interest, '=No()');
    const call = product.services.repos.callRecords.insert({
      flow: 'agent-first', attemptId: second, campaignId: a.id, contactId: null, agentId: ann, phoneNumber: '+84912345678', dialAt: new Date(at(60)),
      answerAt: new Date(at(60)), bridgeAt: new Date(at(60)), endAt: new Date(at(62)), hangupCause: 16, dialStatus: 'ANSWER', amdStatus: null,
      outcome: 'answered', endReason: 'customer_hangup', recordingName: 'dialer-lan-2', answers: [],
    });

    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signIn(page, product.url, 'sue', '/admin');
    await page.goto(`${product.url}/admin#/reports/customers`);
    await page.locator('#cust-choose').waitFor();
    await page.selectOption('#cust-campaign', String(a.id));
    await page.click('#cust-show');
    await page.locator('#cust-table tbody tr').first().waitFor();
    assert.deepEqual(await page.locator('#cust-table tbody tr').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.entry))), [lan, cmd, hoa]);
    assert.deepEqual((await page.locator('#cust-table th.answer').allTextContents()), ['Budget <i>?</i>', '=Interested?'], 'the answer columns named from the script');
    const cells = await page.locator(`#cust-table tr[data-entry="${lan}"] td`).allTextContents();
    assert.deepEqual([cells[0], cells[1], cells[2], cells[3], cells[5], cells[6], cells[8], cells[9], cells[10]],
      ['Lan <i>Trần</i>', '+84912345678, +84287654321', 'Success', '2', 'answered', 'Closed deal', 'Ann <b>Nguyễn</b>', '10 triệu', 'Yes'], 'data inserted as text');
    assert.equal(await page.textContent(`#cust-table tr[data-entry="${cmd}"] td:nth-child(1)`), '=cmd()');
    assert.equal(await page.textContent(`#cust-table tr[data-entry="${cmd}"] td:nth-child(11)`), '=No()');
    assert.deepEqual(await page.locator('#cust-by-status svg text.label').allTextContents(), ['Not called yet', 'Callback set', 'Success']);
    assert.equal(await page.getAttribute('#cust-csv', 'href'), `/api/reports/customers/export?campaignId=${a.id}&format=csv`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-customer-results.png'), fullPage: true });

    await page.click('#cust-table button[data-sort="attempts"]');
    await page.waitForFunction(() => location.hash.includes('sort=attempts'));
    await page.waitForFunction((id) => (document.querySelector('#cust-table tbody tr') as HTMLElement | null)?.dataset.entry === String(id), hoa);
    await page.click('#cust-table button[data-sort="attempts"]');
    await page.waitForFunction((id) => location.hash.includes('order=desc') && (document.querySelector('#cust-table tbody tr') as HTMLElement | null)?.dataset.entry === String(id), lan);
    assert.equal(await page.getAttribute('#cust-table th[aria-sort="descending"] button', 'data-sort'), 'attempts');

    await page.selectOption('#cust-disposition', 'callback');
    await page.click('#cust-show');
    await page.waitForFunction(() => document.querySelectorAll('#cust-table tbody tr').length === 1 && location.hash.includes('disposition=callback'));
    assert.match((await page.getAttribute('#cust-xlsx', 'href'))!, /disposition=callback&sort=attempts&order=desc&format=xlsx$/);
    await page.selectOption('#cust-disposition', '');
    await page.click('#cust-show');
    await page.waitForFunction(() => document.querySelectorAll('#cust-table tbody tr').length === 3);

    await page.click(`#cust-table tr[data-entry="${lan}"]`);
    await page.locator('#cust-history .attempt').nth(1).waitFor();
    assert.equal(await page.textContent('#cust-history .subject'), 'Lan <i>Trần</i>');
    assert.deepEqual(await page.locator('#cust-history .attempt').evaluateAll((x) => x.map((s) => Number((s as HTMLElement).dataset.attempt))), [first, second]);
    assert.deepEqual(await page.locator('#cust-history .attempt').nth(0).locator('ul.answers li').allTextContents(), ['Budget <i>?</i>: maybe <b>5</b>']);
    assert.deepEqual(await page.locator('#cust-history .attempt').nth(1).locator('ul.answers li').allTextContents(), ['Budget <i>?</i>: 10 triệu', '=Interested?: Yes']);
    assert.equal(await page.locator('#cust-history .attempt').nth(0).locator('audio').count(), 0);
    assert.equal(await page.getAttribute(`#cust-history .attempt[data-attempt="${second}"] audio`, 'src'), `/api/reports/calls/${call}/recording`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-customer-history.png'), fullPage: true });
    await page.click('#cust-history-close');
    await page.locator('#cust-history').waitFor({ state: 'detached' });

    await page.click('#lang');
    await page.locator('h1', { hasText: 'Kết quả khách hàng' }).waitFor();
    await page.locator('#cust-table th', { hasText: 'Số lần gọi' }).waitFor();
    assert.equal(await page.textContent(`#cust-table tr[data-entry="${lan}"] td:nth-child(3)`), 'Thành công');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-customer-results-vi.png'), fullPage: true });
    await page.click('#lang');

    await page.goto(`${product.url}/admin#/reports/customers?campaignId=${b.id}`);
    await page.locator('#cust-result .error').waitFor();
    assert.match((await page.textContent('#cust-result .error'))!, /may not see/i);
    assert.equal(await page.locator('#cust-csv').count(), 0, 'no export links for a refused campaign');
    assert.deepEqual(problems.filter((p) => !/\b403\b/.test(p)), []);
    await context.close();
  });
});
