import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openAdminAs } from '../support/admin-session';
import { describeBrowser, SCREENSHOT_DIR, useBrowserApp } from '../support/browser';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

describeBrowser('admin page: contacts and block lists (browser)', () => {
  const fx = useBrowserApp();

  it('when a contact is named with HTML and script tags, then every page shows the name as text and nothing runs', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'admin', '#/users');
    const created = await app.request('POST', '/api/contacts', {
      token: s.token, body: { name: HOSTILE, phones: ['0912345678'], tags: ['<b>vip</b>'], customFields: { note: '<script>alert(3)</script>' } },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await app.request('POST', '/api/block-lists/dnc', { token: s.token, body: { phone: '0912000111', reason: HOSTILE } });
    const { page } = s;
    await page.click('#admin-nav a[data-path=contacts]');
    const cell = page.locator(`tr[data-contact="${created.body.id}"] .contact-name`);
    await cell.waitFor();
    assert.equal(await cell.textContent(), HOSTILE);
    assert.equal(await page.locator('tr[data-contact] ul.chips li').textContent(), '<b>vip</b>');
    assert.equal(await page.locator('main img, main script, main b').count(), 0, 'no element was made from the data');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-contacts-html-name.png'), fullPage: true });

    await page.locator(`tr[data-contact="${created.body.id}"] button[data-action=edit]`).click();
    const dialog = page.locator('dialog[open]');
    assert.equal(await dialog.locator('.subject').textContent(), HOSTILE);
    assert.equal(await dialog.locator('[name=name]').inputValue(), HOSTILE);
    assert.equal(await dialog.locator('[data-kv=value]').inputValue(), '<script>alert(3)</script>');
    await page.keyboard.press('Escape');

    await page.click('#admin-nav a[data-path=block-lists]');
    await page.locator('tr[data-phone="+84912000111"]').waitFor();
    assert.equal(await page.locator('tr[data-phone="+84912000111"] td').nth(1).textContent(), HOSTILE);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.deepEqual(s.dialogs, [], 'no alert, confirm or prompt fired');
    assert.deepEqual(s.problems, []);
    await s.context.close();
  });

  it('when an admin searches, pages and edits contacts, then the list follows and the change is stored with its DNC mark', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'admin', '#/contacts');
    const agent = await app.services.users.createUnchecked({ username: 'an', displayName: 'Nguyễn An', role: 'agent', password: 'a long secret 1' });
    for (let i = 0; i < 30; i++) {
      const res = await app.request('POST', '/api/contacts', { token: s.token, body: { name: `Customer ${String(i).padStart(2, '0')}`, phones: [`09120000${String(i).padStart(2, '0')}`], tags: i % 2 ? ['odd'] : ['even'] } });
      assert.equal(res.status, 201);
    }
    await app.request('POST', '/api/contacts', { token: s.token, body: { name: 'Trần Thị Bình', phones: ['0987654321'] } });
    const { page } = s;
    await page.reload();
    await page.locator('tr[data-contact]').nth(24).waitFor();
    assert.equal(await page.locator('tr[data-contact]').count(), 25);
    assert.equal(await page.locator('.pager .total').textContent(), '31');
    await page.click('.pager button[data-page=next]');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-contact]').length === 6);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-contacts.png'), fullPage: true });

    await page.fill('#contact-filter [name=name]', 'tran binh');
    await page.click('#contact-filter button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-contact]').length === 1);
    assert.equal(await page.locator('tr[data-contact] .contact-name').textContent(), 'Trần Thị Bình');
    assert.match(page.url(), /name=tran\+binh|name=tran%20binh/);

    await page.locator('tr[data-contact] button[data-action=edit]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('[name=email]').fill('binh@example.com');
    await dialog.getByRole('button', { name: 'Add number' }).click();
    await dialog.locator('[name="phones.1"]').fill('0903 123 456');
    await dialog.locator('[name=ownerId]').selectOption(String(agent.id));
    await dialog.locator('[name=doNotContact]').check();
    await dialog.locator('[name=dncReason]').fill('Asked on the phone');
    await dialog.locator('button[type=submit]').click();
    await page.locator('tr[data-contact] .badge.bad').waitFor();
    const id = Number(await page.locator('tr[data-contact]').getAttribute('data-contact'));
    const stored = (await app.request('GET', `/api/contacts/${id}`, { token: s.token })).body;
    assert.equal(stored.email, 'binh@example.com');
    assert.deepEqual(stored.phones.map((p: { e164: string }) => p.e164), ['+84987654321', '+84903123456']);
    assert.equal(stored.ownerId, agent.id);
    assert.equal(stored.doNotContact, true);
    assert.equal(stored.doNotContactReason, 'Asked on the phone');
    assert.deepEqual(s.problems, []);
    await s.context.close();
  });

  it('when an admin adds a number to the blacklist, checks it and removes it, then the list holds it only in between', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'admin', '#/block-lists?list=blacklist');
    const { page } = s;
    await page.locator('nav.tabs a[data-list=blacklist][aria-current=page]').waitFor();
    await page.fill('#block-add [name=phone]', '0900 000 113');
    await page.fill('#block-add [name=reason]', 'Emergency line');
    await page.click('#block-add button[type=submit]');
    await page.locator('tr[data-phone="+84900000113"]').waitFor();
    const list = async () => (await app.request('GET', '/api/block-lists/blacklist', { token: s.token })).body.items.map((e: { e164: string }) => e.e164);
    assert.deepEqual(await list(), ['+84900000113']);
    await page.fill('#block-check [name=phone]', '+84900000113');
    await page.click('#block-check button[type=submit]');
    await page.locator('#block-check .check-answer .badge.bad').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-block-lists.png'), fullPage: true });
    await page.click('tr[data-phone="+84900000113"] button[data-action=remove]');
    await page.locator('dialog[open] button[type=submit]').click();
    await page.locator('tr[data-phone]').waitFor({ state: 'detached' });
    assert.deepEqual(await list(), []);
    await s.context.close();
  });

  it('when an admin saves a search, puts its results in a new group and downloads them, then filter, group and file hold those contacts', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'admin', '#/contacts');
    for (const [name, tag] of [['An', 'vip'], ['Bình', 'vip'], ['Cường', 'new']] as const) {
      assert.equal((await app.request('POST', '/api/contacts', { token: s.token, body: { name, phones: [`09140000${name.length}${tag.length}`], tags: [tag] } })).status, 201);
    }
    const { page } = s;
    await page.reload();
    await page.fill('#contact-filter [name=tag]', 'vip');
    await page.click('#contact-filter button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-contact]').length === 2);

    await page.click('#filter-save');
    await page.locator('dialog[open] [name=name]').fill('VIP customers');
    await page.locator('dialog[open] button[type=submit]').click();
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    const filters = (await app.request('GET', '/api/contact-filters', { token: s.token })).body.filters;
    assert.deepEqual(filters.map((f: { name: string; filter: unknown }) => [f.name, f.filter]), [['VIP customers', { tags: ['vip'] }]]);

    await page.click('#group-add');
    await page.locator('dialog[open] [name=group]').selectOption('new');
    await page.locator('dialog[open] [name=groupName]').fill('Spring VIP');
    await page.locator('dialog[open] button[type=submit]').click();
    await page.locator('#contact-filter [name=groupId] option', { hasText: 'Spring VIP (2)' }).waitFor({ state: 'attached' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export=csv]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    assert.match(text, /An/);
    assert.match(text, /Bình/);
    assert.doesNotMatch(text, /Cường/);
    assert.deepEqual(s.problems, []);
    await s.context.close();
  });
});
