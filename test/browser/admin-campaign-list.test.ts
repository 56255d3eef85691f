import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openAdminAs } from '../support/admin-session';
import { describeBrowser, SCREENSHOT_DIR, useBrowserApp } from '../support/browser';
import { csv } from '../support/spreadsheets';

describeBrowser('admin page: campaign contact list (browser)', () => {
  const fx = useBrowserApp();

  it('when an admin fills a campaign list from a saved search, pauses a contact and settles a repeated phone, then the entries follow', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'admin', '#/campaigns');
    const token = s.token;
    const campaign = (await app.request('POST', '/api/campaigns', { token, body: { name: 'Renewals', dialingMode: 'preview' } })).body;
    for (const [name, phone] of [['An', '0915000001'], ['Bình', '0915000002'], ['Bình (office)', '0915000002']] as const) {
      const res = await app.request('POST', '/api/contacts', { token, body: { name, phones: [phone], tags: ['renew'], allowSharedPhones: true } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    await app.request('POST', '/api/contact-filters', { token, body: { name: 'Renewals due', filter: { tag: ['renew'] } } });
    const { page } = s;
    await page.goto(`${app.url}/admin#/campaigns/${campaign.id}`);
    await page.click('#list-link');
    await page.waitForURL(/\/list$/);
    await page.locator('#list-add [name=source]').selectOption({ label: 'Renewals due' });
    await page.click('#list-add button[type=submit]');
    await page.locator('#list-add-result [data-result=added] strong', { hasText: '3' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#entries tr[data-entry]').length === 3);

    const entries = async () => (await app.request('GET', `/api/campaign-entries?campaignId=${campaign.id}`, { token })).body.items as { id: number; name: string; status: string }[];
    const an = (await entries()).find((e) => e.name === 'An')!;
    await page.click(`#entries tr[data-entry="${an.id}"] button[data-action=pause]`);
    await page.locator(`#entries tr[data-entry="${an.id}"] .badge[data-status=paused]`).waitFor();
    assert.equal((await entries()).find((e) => e.id === an.id)!.status, 'paused');

    await page.locator('#duplicates li[data-phone="+84915000002"]').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-campaign-list.png'), fullPage: true });
    const office = (await entries()).find((e) => e.name === 'Bình (office)')!;
    await page.click(`#duplicates button[data-keep="${office.id}"]`);
    await page.waitForFunction(() => document.querySelectorAll('#entries tr[data-entry]').length === 2);
    assert.deepEqual((await entries()).map((e) => e.name).sort(), ['An', 'Bình (office)']);
    await page.locator('#duplicates .empty').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export=csv]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    assert.match(text, /Bình \(office\)/);
    assert.deepEqual(s.problems, []);
    await s.context.close();
  });

  it('when a file is imported from a campaign list, then the wizard offers that campaign and its contacts join the list', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'admin', '#/campaigns');
    const campaign = (await app.request('POST', '/api/campaigns', { token: s.token, body: { name: 'Winter', dialingMode: 'progressive' } })).body;
    const { page } = s;
    await page.goto(`${app.url}/admin#/campaigns/${campaign.id}/list`);
    await page.click('#list-import');
    await page.waitForURL(/#\/import\?campaign=\d+$/);
    await page.setInputFiles('#import-file', { name: 'winter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv([['Name', 'Phone'], ['Hoa', '0916000001'], ['Lan', '0916000002']])) });
    await page.click('#import-upload');
    await page.locator('#import-mapping').waitFor();
    assert.equal(await page.locator('#import-mapping [name=campaignId]').inputValue(), String(campaign.id));
    await page.click('#import-start');
    await page.locator('#import-result [data-count=listed] strong', { hasText: '2' }).waitFor();
    const listed = (await app.request('GET', `/api/campaign-entries?campaignId=${campaign.id}`, { token: s.token })).body.items;
    assert.deepEqual(listed.map((e: { name: string }) => e.name).sort(), ['Hoa', 'Lan']);
    await s.context.close();
  });
});
