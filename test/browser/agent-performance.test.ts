import assert from 'node:assert/strict';
import path from 'node:path';
import type { AgentStateKind } from '../../src/domain/dialer/agent-session-state';
import { describeBrowser, SCREENSHOT_DIR } from '../support/browser';
import { signIn, useDemoBrowser, watchProblems } from './support/page-helpers';

const MIN = 60_000;

describeBrowser('agent performance and pause codes (browser)', () => {
  const fx = useDemoBrowser();

  it('when an owner opens the report, adds a pause code, and the agent picks it and opens "my performance", then both pages show the seeded figures', async function () {
    this.timeout(60_000);
    const { product, browser } = fx;
    const ann = await product.user('ann', 'agent', 'Ann <b>Nguyễn</b>', '1001');
    const campaign = product.campaign({ name: 'Manual list', dialingMode: 'manual', wrapUpSeconds: 120, agentIds: [ann] });
    // Earlier today: joined, ready 60 min, a 10-minute call with 2 minutes of wrap-up, a closed deal, then off.
    const start = Date.now() - 3 * 60 * MIN;
    const at = (min: number) => new Date(start + min * MIN);
    const change = (min: number, to: AgentStateKind, reason: string | null = null) => product.services.repos.agentSessions.record(campaign.id,
      { agentId: ann, at: at(min), from: 'ready', to, reason, leadId: null, event: 'setReady' },
      { agentId: ann, joinedAt: at(0), state: to === 'offline' ? { kind: 'offline' } : { kind: 'ready' }, since: at(min) });
    change(0, 'not_ready', 'joined');
    change(5, 'ready');
    change(65, 'talking');
    change(75, 'wrap_up');
    change(77, 'not_ready', 'lunch');
    change(107, 'offline');
    product.services.db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, agent_id, mode, state, claimed_at, dialing_at, connected_at, ended_at, outcome, disposition, disposed_at)
      VALUES (?, 1, ?, 'manual', 'ended', ?, ?, ?, ?, 'answered', 'closed_deal', ?)`)
      .run(campaign.id, ann, at(64).toISOString(), at(64).toISOString(), at(65).toISOString(), at(75).toISOString(), at(76).toISOString());
    const today = new Date().toISOString().slice(0, 10);
    const from = at(0).toISOString().slice(0, 10); // yesterday shortly after midnight

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signIn(page, product.url, 'owner', '/admin');
    await page.goto(`${product.url}/admin#/reports/agent-performance?from=${from}&to=${today}&days=1`);
    const row = page.locator(`tr.perf-agent[data-agent="${ann}"]`);
    await row.waitFor();
    assert.equal(await row.locator('th').textContent(), 'Ann <b>Nguyễn</b>', 'names are inserted as text');
    const cells = await row.locator('td').allTextContents();
    // Day, bar, logged in, ready, talking, wrap-up, previewing, not ready, reasons, occupancy, calls, connects, avg talk, avg wrap, …
    assert.deepEqual(cells.slice(2, 14), ['1:47:00', '1:00:00', '10:00', '2:00', '0:00', '35:00', 'Lunch 30:00, joined 5:00', '11.2%', '1', '1', '10:00', '2:00']);
    assert.ok(await page.locator(`tr.perf-day[data-agent="${ann}"]`).count() >= 1);
    assert.ok((await page.getAttribute('#perf-xlsx', 'href'))!.includes(`from=${from}`));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-agent-performance.png'), fullPage: true });
    await page.click('#lang');
    await page.locator('h1', { hasText: 'Hiệu suất nhân viên' }).waitFor();
    await page.locator('#perf-team th', { hasText: 'Tổng cả nhóm' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-agent-performance-vi.png'), fullPage: true });
    await page.click('#lang');

    await page.click('#admin-nav a[data-path="pause-codes"]');
    await page.click('#pause-code-new');
    const dialog = page.locator('dialog[open]');
    await dialog.locator('[name=code]').fill('coaching');
    await dialog.locator('[name=label]').fill('Coaching');
    await dialog.locator('button[type=submit]').click();
    await page.locator('tr[data-code="coaching"]').waitFor();
    assert.equal(product.services.pauseCodes.list({ id: 1, role: 'owner' }).find((c) => c.code === 'coaching')?.label, 'Coaching');
    await context.close();

    const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
    const agentPage = await agentContext.newPage();
    const agentProblems = watchProblems(agentPage);
    await signIn(agentPage, product.url, 'ann', '/agent');
    await agentPage.click(`[data-join="${campaign.id}"]`);
    await agentPage.click('#btn-ready');
    await agentPage.waitForSelector('#btn-get-customer:not([hidden])');
    assert.ok((await agentPage.locator('#not-ready-reason option').allTextContents()).includes('Coaching'));
    await agentPage.selectOption('#not-ready-reason', 'coaching');
    await agentPage.click('#btn-not-ready');
    await agentPage.waitForFunction(() => document.getElementById('agent-reason')?.textContent === 'Coaching');
    await agentPage.click('#my-performance-toggle');
    await agentPage.locator('#my-calls').waitFor();
    if (from !== today) await agentPage.click('#my-performance [data-range="week"]');
    await agentPage.locator('#my-calls b', { hasText: '1' }).waitFor();
    assert.equal(await agentPage.textContent('#my-conversions b'), '1');
    assert.equal(await agentPage.locator('#my-performance tr.perf-agent').count(), 1, 'only the agent\'s own row');
    await agentPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'agent-my-performance.png'), fullPage: true });
    const rows = product.services.db.prepare("SELECT reason FROM agent_state_changes WHERE agent_id = ? AND to_state = 'not_ready' ORDER BY id DESC LIMIT 1").get(ann);
    assert.deepEqual(rows, { reason: 'coaching' });
    assert.deepEqual([...problems, ...agentProblems], []);
    await agentContext.close();
  });
});
