import assert from 'node:assert/strict';
import path from 'node:path';
import { openAdminAs } from '../support/admin-session';
import { describeBrowser, SCREENSHOT_DIR, useBrowserApp } from '../support/browser';

describeBrowser('admin page: campaigns (browser)', () => {
  const fx = useBrowserApp();

  it('when an admin drafts and submits a campaign and an owner approves it, then each sees only their buttons and the state is stored', async () => {
    const { app, browser } = fx;
    const agent = await app.services.users.createUnchecked({ username: 'an', displayName: 'Nguyễn An', role: 'agent', password: 'a long secret 1' });
    const owner = await openAdminAs(browser, app, 'owner', '#/users');
    const admin = await openAdminAs(browser, app, 'admin', '#/campaigns', 'hoa');
    const page = admin.page;
    await page.click('#campaign-new');
    const dialog = page.locator('dialog[open]');
    await dialog.locator('[name=name]').fill('Spring sale');
    await dialog.locator('[name=dialingMode]').selectOption('preview');
    await dialog.locator('button[type=submit]').click();
    await page.waitForURL(/#\/campaigns\/\d+$/);
    const id = Number(page.url().split('/').pop());
    const form = page.locator('#campaign-form');
    await form.locator('[name=previewSeconds]').fill('20');
    await form.locator('[name=maxAttempts]').fill('5');
    await form.locator('[name="callingHours.weekdays"][value="7"]').uncheck();
    await form.locator('[name=untilMidnight]').check();
    await form.locator('[name=timezone]').fill('Asia/Ho_Chi_Minh');
    await form.locator(`[name=agentIds][value="${agent.id}"]`).check();
    assert.equal(await form.locator('[name=abandonRateTarget]').isVisible(), false, 'predictive pacing is hidden in preview mode');
    await page.click('#campaign-save');
    await page.locator('.toast').waitFor();
    const saved = (await app.request('GET', `/api/campaigns/${id}`, { token: admin.token })).body;
    assert.equal(saved.previewSeconds, 20);
    assert.equal(saved.maxAttempts, 5);
    assert.deepEqual(saved.callingHours, { start: '08:00', end: '24:00', weekdays: [1, 2, 3, 4, 5, 6] });
    assert.equal(saved.timezone, 'Asia/Ho_Chi_Minh');
    assert.deepEqual(saved.agentIds, [agent.id]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-campaign-draft.png'), fullPage: true });

    assert.deepEqual(await page.locator('.actions-bar button').evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.action)), ['submit']);
    await page.click('.actions-bar button[data-action=submit]');
    await dialog.locator('button[type=submit]').click();
    await page.locator('.view-head .badge[data-state=pending_approval]').waitFor();
    assert.equal(await page.locator('#campaign-save').count(), 0, 'a pending campaign is read-only for its admin');

    // The owner moves to the campaign list, sees the bell count the submission, and follows it to the campaign.
    await owner.page.click('#admin-nav a[data-path=campaigns]');
    await owner.page.locator('#notifications .count:not([hidden])', { hasText: '1' }).waitFor();
    await owner.page.click('#notifications');
    await owner.page.locator('#notify-panel li').first().waitFor();
    await owner.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-notifications.png') });
    await owner.page.locator('#notify-panel li.unread a', { hasText: 'Spring sale' }).click();
    await owner.page.waitForURL(new RegExp(`#/campaigns/${id}$`));
    await owner.page.locator('.actions-bar button[data-action=approve]').waitFor();
    assert.deepEqual(await owner.page.locator('.actions-bar button').evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.action)), ['approve', 'reject']);
    await owner.page.click('.actions-bar button[data-action=approve]');
    await owner.page.locator('dialog[open] [name=note]').fill('Good to go');
    await owner.page.locator('dialog[open] button[type=submit]').click();
    await owner.page.locator('.view-head .badge[data-state=approved]').waitFor();
    await owner.page.locator('#review-note', { hasText: 'Good to go' }).waitFor();
    await owner.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-campaign-approved.png'), fullPage: true });

    await page.reload();
    await page.locator('.actions-bar button[data-action=activate]').waitFor();
    const stored = (await app.request('GET', `/api/campaigns/${id}`, { token: admin.token })).body;
    assert.equal(stored.state, 'approved');
    assert.equal(stored.reviewNote, 'Good to go');
    await page.click('#admin-nav a[data-path=campaigns]');
    await page.locator(`tr[data-campaign="${id}"] .badge[data-state=approved]`).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-campaigns.png'), fullPage: true });
    assert.deepEqual([...admin.problems, ...owner.problems], []);
    await admin.context.close();
    await owner.context.close();
  });

  it('when an owner rejects without a note, then nothing is sent; with a note, the admin sees it on the campaign', async () => {
    const { app, browser } = fx;
    const admin = await app.login('admin', 'hoa');
    const created = await app.request('POST', '/api/campaigns', { token: admin.token, body: { name: 'Renewals', dialingMode: 'progressive' } });
    await app.request('POST', `/api/campaigns/${created.body.id}/submit`, { token: admin.token });
    const owner = await openAdminAs(browser, app, 'owner', `#/campaigns/${created.body.id}`);
    await owner.page.click('.actions-bar button[data-action=reject]');
    const dialog = owner.page.locator('dialog[open]');
    await dialog.locator('button[type=submit]').click();
    assert.equal(await dialog.locator('[name=note]').evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing), true);
    await dialog.locator('[name=note]').fill('Calling hours are too late');
    await dialog.locator('button[type=submit]').click();
    await owner.page.locator('.view-head .badge[data-state=rejected]').waitFor();
    const events = (await app.request('GET', `/api/campaigns/${created.body.id}/events`, { token: admin.token })).body.items;
    assert.deepEqual(events.map((e: { action: string }) => e.action), ['create', 'submit', 'reject']);
    assert.equal(await owner.page.locator('#review-note span').last().textContent(), 'Calling hours are too late');
    await owner.context.close();
  });

  it('when the end time passes while the page is open and the admin activates, then the server reason is shown and it stays approved', async () => {
    const { app, browser } = fx;
    const admin = await openAdminAs(browser, app, 'admin', '#/campaigns');
    const owner = await app.login('owner');
    const endAt = new Date(app.clock.now().getTime() + 3600_000).toISOString();
    const startAt = new Date(app.clock.now().getTime() - 7200_000).toISOString();
    const c = (await app.request('POST', '/api/campaigns', { token: admin.token, body: { name: 'Late', dialingMode: 'manual', startAt, endAt } })).body;
    await app.request('POST', `/api/campaigns/${c.id}/submit`, { token: admin.token });
    await app.request('POST', `/api/campaigns/${c.id}/approve`, { token: owner.token });
    await admin.page.goto(`${app.url}/admin#/campaigns/${c.id}`);
    await admin.page.locator('.actions-bar button[data-action=activate]').waitFor();
    app.clock.advance(2 * 3600_000);
    await admin.page.click('.actions-bar button[data-action=activate]');
    const dialog = admin.page.locator('dialog[open]');
    await dialog.locator('button[type=submit]').click();
    await dialog.locator('.error:not(:empty)').waitFor();
    assert.equal(await dialog.locator('.error').textContent(), 'Refused: the campaign end time has passed; it can only be ended');
    const after = (await app.request('GET', `/api/campaigns/${c.id}`, { token: admin.token })).body;
    assert.equal(after.state, 'approved');
    assert.deepEqual(after.allowedActions, ['end'], 'once the end time has passed, ending is all that is offered');
    await admin.context.close();
  });
});
