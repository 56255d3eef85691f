import assert from 'node:assert/strict';
import path from 'node:path';
import { openAdminAs } from '../support/admin-session';
import { describeBrowser, SCREENSHOT_DIR, useBrowserApp } from '../support/browser';

describeBrowser('admin page: users and groups (browser)', () => {
  const fx = useBrowserApp();

  it('when an admin creates an agent, turns its leads off and puts it in a new group, then the database holds all three changes', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'admin', '#/users', 'hoa');
    const { page } = s;
    await page.click('#user-new');
    const dialog = page.locator('dialog[open]');
    await dialog.locator('[name=username]').fill('minh');
    await dialog.locator('[name=displayName]').fill('Trần Minh');
    await dialog.locator('[name=password]').fill('a long secret 1');
    await dialog.locator('[name=extension]').fill('1001');
    assert.deepEqual(await dialog.locator('[name=role] option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)), ['agent'],
      'an admin is offered only the agent role');
    await dialog.locator('button[type=submit]').click();
    const row = page.locator('tr[data-user=minh]');
    await row.waitFor();
    assert.equal(await row.locator('td').nth(3).textContent(), '1001');

    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/users/')),
      row.locator('input.switch').uncheck(),
    ]);
    const minh = app.services.users.list({ id: s.userId, role: 'admin' }).find((u) => u.username === 'minh')!;
    assert.equal(minh.extension, '1001');
    assert.equal(minh.leadReceiving, false);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-users.png'), fullPage: true });

    await page.click('#admin-nav a[data-path=groups]');
    await page.click('#group-new');
    await dialog.locator('[name=name]').fill('Team A');
    await dialog.locator('[name=description]').fill('Morning shift');
    await dialog.locator(`input[name=memberIds][value="${minh.id}"]`).check();
    await dialog.locator('button[type=submit]').click();
    await page.locator('tr[data-group]', { hasText: 'Team A' }).locator('ul.chips li', { hasText: 'Trần Minh' }).waitFor();
    const groups = app.services.users.listGroups({ id: s.userId, role: 'admin' });
    assert.deepEqual(groups.map((g) => ({ name: g.name, memberIds: g.memberIds })), [{ name: 'Team A', memberIds: [minh.id] }]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-groups.png'), fullPage: true });
    assert.deepEqual(s.problems, []);
    await s.context.close();
  });

  it('when a password is too short, then the dialog stays open with the server reason and marks the password field', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'owner');
    const { page } = s;
    await page.click('#user-new');
    const dialog = page.locator('dialog[open]');
    await dialog.locator('[name=username]').fill('short');
    await dialog.locator('[name=displayName]').fill('Short');
    await dialog.locator('[name=role]').selectOption('admin');
    await dialog.locator('[name=password]').fill('abc');
    await dialog.locator('button[type=submit]').click();
    await dialog.locator('.error:not(:empty)').waitFor();
    assert.match((await dialog.locator('.error').textContent())!, /^Not accepted: password must have at least 10 characters/);
    assert.equal(await dialog.locator('[name=password]').getAttribute('aria-invalid'), 'true');
    assert.equal(app.services.users.list({ id: s.userId, role: 'owner' }).some((u) => u.username === 'short'), false);
    await s.context.close();
  });

  it('when the language is switched, then the menu, the table and a new form are in Vietnamese, and stay so after a reload', async () => {
    const { app, browser } = fx;
    await app.services.users.createUnchecked({ username: 'lan', displayName: 'Lan', role: 'agent', password: 'a long secret 1' });
    const s = await openAdminAs(browser, app, 'owner');
    const { page } = s;
    await page.locator('tr[data-user=lan]').waitFor();
    await page.click('#lang');
    assert.equal(await page.locator('#admin-nav a[data-path=users]').textContent(), 'Người dùng');
    assert.equal(await page.locator('th').first().textContent(), 'Tên đăng nhập');
    assert.equal(await page.locator('tr[data-user=lan] .badge.role-agent').textContent(), 'Điện thoại viên');
    assert.equal(await page.getAttribute('input[type=search]', 'placeholder'), 'Lọc theo tên hoặc số máy nhánh…');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-users-vi.png'), fullPage: true });
    await page.reload();
    await page.click('#user-new');
    assert.equal(await page.locator('dialog[open] h2').textContent(), 'Thêm người dùng');
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await page.keyboard.press('Escape');
    assert.equal(await page.textContent('#to-supervisor'), 'Giám sát');
    await page.click('#to-supervisor');
    await page.waitForURL(/\/supervisor$/);
    assert.deepEqual(s.problems, []);
    await s.context.close();
  });

  it('when the window is phone-sized, then the menu becomes a strip above the page and the table scrolls inside its panel', async () => {
    const { app, browser } = fx;
    await app.services.users.createUnchecked({ username: 'lan', displayName: 'Nguyễn Thị Lan', role: 'agent', password: 'a long secret 1', extension: '1001' });
    const s = await openAdminAs(browser, app, 'owner');
    const { page } = s;
    await page.setViewportSize({ width: 390, height: 760 });
    await page.locator('tr[data-user=lan]').waitFor();
    const nav = await page.locator('#admin-nav').boundingBox();
    const main = await page.locator('#view').boundingBox();
    assert.ok(nav && main && nav.y + nav.height <= main.y + 1, 'the menu sits above the page');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'the page itself does not scroll sideways');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-users-phone.png'), fullPage: true });
    await s.context.close();
  });

  it('when an agent opens the admin page, then it says the page is not theirs and shows no menu; signing out leads back to the login page', async () => {
    const { app, browser } = fx;
    const s = await browser.newContext();
    const { token } = await app.login('agent', 'minh');
    await s.addCookies([{ name: 'dialer_session', value: token, url: app.url, httpOnly: true, sameSite: 'Strict' }]);
    const page = await s.newPage();
    await page.goto(`${app.url}/admin`);
    await page.locator('#view p.empty').waitFor();
    assert.equal(await page.textContent('#view p.empty'), 'This page is for owners and administrators.');
    assert.equal(await page.locator('#admin-nav a').count(), 0);
    await page.click('#logout');
    await page.waitForURL(/\/login$/);
    await page.goto(`${app.url}/admin`);
    await page.waitForURL(/\/login$/);
    assert.equal(app.services.auth.authenticate(token), undefined, 'the session was ended on the server');
    await s.close();
  });
});
