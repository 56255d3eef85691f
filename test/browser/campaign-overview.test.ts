import assert from 'node:assert/strict';
import path from 'node:path';
import { campaignDefaults } from '../../src/domain/campaign-settings';
import type { AgentStateKind } from '../../src/domain/dialer/agent-session-state';
import { describeBrowser, SCREENSHOT_DIR } from '../support/browser';
import { signIn, useDemoBrowser, watchProblems } from './support/page-helpers';

describeBrowser('campaign overview report (browser)', () => {
  const fx = useDemoBrowser();

  it('when an owner opens the overview of two campaigns, then tiles, charts and tables show the seeded figures as text, in English and Vietnamese, and the filter narrows to one', async function () {
    this.timeout(60_000);
    const { product, browser } = fx;
    const ann = await product.user('ann', 'agent', 'Ann <b>Nguyễn</b>');
    const ownerId = product.services.repos.users.findByUsername('owner')!.id;
    const repo = product.services.repos.campaigns;
    // Draft campaigns: nothing dials them; their history is written straight into the tables.
    const a = repo.create({ ...campaignDefaults('Sales <b>Q4</b>', 'predictive'), timezone: 'Asia/Ho_Chi_Minh', agentIds: [ann], quota: { kind: 'per_day', min: 1, max: 5 } }, ownerId, new Date()).id;
    const b = repo.create({ ...campaignDefaults('=cmd', 'preview'), timezone: 'UTC' }, ownerId, new Date()).id;
    product.customer(a, { name: 'Lan', phones: ['0901000001'] }, 'success');
    product.customer(a, { name: 'Hoa', phones: ['0901000002'] });
    const db = product.services.db;
    const attempt = (c: number, mode: string, agent: number | null, claimed: string, outcome: string, o: { answered?: string; connected?: string; ended?: string; disposition?: string } = {}) =>
      db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, agent_id, mode, state, claimed_at, dialing_at, answered_at, connected_at, ended_at, outcome, disposition, disposed_at)
        VALUES (?, 1, ?, ?, 'ended', ?, ?, ?, ?, ?, ?, ?, ?)`).run(c, agent, mode, claimed, claimed, o.answered ?? null, o.connected ?? null, o.ended ?? claimed, outcome, o.disposition ?? null, o.disposition ? o.ended : null);
    // A, local 12-01 (UTC+7): 09:10 a closed deal after 20 s on hold and 5 min of talk, 09:20 abandoned, 10:00 busy.
    attempt(a, 'predictive', ann, '2026-12-01T02:10:00.000Z', 'answered', { answered: '2026-12-01T02:10:10.000Z', connected: '2026-12-01T02:10:30.000Z', ended: '2026-12-01T02:15:30.000Z', disposition: 'closed_deal' });
    attempt(a, 'predictive', null, '2026-12-01T02:20:00.000Z', 'abandoned', { answered: '2026-12-01T02:20:02.000Z' });
    attempt(a, 'predictive', null, '2026-12-01T03:00:00.000Z', 'busy');
    attempt(b, 'preview', null, '2026-12-01T10:00:00.000Z', 'no_answer');
    const change = (at: string, to: AgentStateKind) => product.services.repos.agentSessions.record(a,
      { agentId: ann, at: new Date(at), from: 'ready', to, reason: null, leadId: null, event: 'setReady' },
      { agentId: ann, joinedAt: new Date(at), state: to === 'offline' ? { kind: 'offline' } : { kind: 'ready' }, since: new Date(at) });
    change('2026-12-01T02:00:00.000Z', 'ready');
    change('2026-12-01T02:15:30.000Z', 'wrap_up');
    change('2026-12-01T02:16:30.000Z', 'ready');
    change('2026-12-01T04:00:00.000Z', 'offline');

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signIn(page, product.url, 'owner', '/admin');
    await page.goto(`${product.url}/admin#/reports/overview?from=2026-12-01&to=2026-12-01`);
    await page.locator('#ov-combined').waitFor();
    assert.equal(await page.textContent(`#ov-${a} h2`), 'Sales <b>Q4</b>', 'names are inserted as text');
    assert.equal(await page.textContent(`#ov-${b} h2`), '=cmd');
    assert.deepEqual(await Promise.all(['attempts', 'placed', 'answered', 'connected', 'conversions'].map((k) => page.textContent(`#ov-${a}-${k} b`))), ['3', '3', '2', '1', '1']);
    assert.equal(await page.textContent(`#ov-${a}-abandon b`), '50.0%');
    assert.match((await page.textContent(`#ov-${a}-abandon small`))!, /target 3\.0%.*over target/);
    assert.match((await page.textContent(`#ov-${a}-hold small`))!, /total 0:20/);
    assert.equal(await page.textContent(`#ov-${a}-wrap b`), '1:00');
    assert.equal(await page.textContent('#ov-all-attempts b'), '4');
    assert.deepEqual(await page.locator(`#ov-${a}-dispositions tr[data-disposition="closed_deal"] td`).allTextContents(), ['Closed deal', '1', '100.0%']);
    assert.deepEqual(await page.locator(`#ov-${a}-agents tr[data-agent="${ann}"] td`).allTextContents(),
      ['Ann <b>Nguyễn</b>', '1', '1', '1', '1', '1 of 1 days at the minimum 1']);
    assert.deepEqual(await page.locator(`#ov-${a}-contacts td`).allTextContents(), ['Not started', '1', '50.0%', 'Success', '1', '50.0%']);
    assert.ok(await page.locator(`#ov-${a} svg.chart.columns rect.seg`).count() >= 3, 'calls by day and hour drawn as columns');
    assert.ok(await page.locator(`#ov-${a}-dial-level svg.chart.line-chart circle`).count() >= 2, 'dial level per hour');
    assert.equal(await page.locator(`#ov-${b}-dial-level`).count(), 0, 'no dial level for a preview campaign');
    assert.match((await page.getAttribute('#ov-xlsx', 'href'))!, /from=2026-12-01&to=2026-12-01&format=xlsx/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-campaign-overview.png'), fullPage: true });

    await page.click('#lang');
    await page.locator('h1', { hasText: 'Tổng quan chiến dịch' }).waitFor();
    await page.locator('#ov-combined h2', { hasText: 'Tất cả chiến dịch trong báo cáo' }).waitFor();
    assert.deepEqual(await page.locator(`#ov-${a}-dispositions tr[data-disposition="closed_deal"] td`).allTextContents(), ['Chốt đơn', '1', '100.0%']);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-campaign-overview-vi.png'), fullPage: true });
    await page.click('#lang');

    await page.check(`#ov-campaigns input[value="${a}"]`);
    await page.click('#ov-show');
    await page.waitForFunction(() => location.hash.includes('campaignIds='));
    await page.locator(`#ov-${a}`).waitFor();
    assert.equal(await page.locator('#ov-combined').count(), 0);
    assert.equal(await page.locator(`#ov-${b}`).count(), 0);
    assert.match((await page.getAttribute('#ov-csv', 'href'))!, new RegExp(`campaignIds=${a}&format=csv`));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
