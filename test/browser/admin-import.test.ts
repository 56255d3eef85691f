import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openAdminAs } from '../support/admin-session';
import { describeBrowser, SCREENSHOT_DIR, useBrowserApp } from '../support/browser';
import { csv, readSheet, workbook } from '../support/spreadsheets';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeBrowser('admin page: import wizard (browser)', () => {
  const fx = useBrowserApp();

  it('when an admin imports a workbook through the wizard, then sheet, mapping and counts match the stored contacts and the rejected rows download', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'admin', '#/import');
    const existing = await app.request('POST', '/api/contacts', { token: s.token, body: { name: 'Already here', phones: ['0912000002'] } });
    assert.equal(existing.status, 201);
    await app.request('POST', '/api/block-lists/dnc', { token: s.token, body: { phone: '0912000004', reason: 'asked' } });
    const file = workbook({
      'Read me': [['About'], ['Exported from the old CRM']],
      Customers: [
        ['Họ tên', 'Số điện thoại', 'Email', 'Hạng'],
        ['Nguyễn Văn An', '0912 000 001', 'an@example.com', 'gold'],
        ['Trần Thị Bình', '0912000002', null, 'silver'],
        [HOSTILE, '0912000003', null, 'gold'],
        ['Lê Văn Cường', '0912000004', null, null],
        ['Phạm Dũng', 'not a phone', null, 'bronze'],
      ],
    });
    const { page } = s;
    await page.locator('[name=kind]').selectOption('contacts');
    assert.equal(await page.getAttribute('#template-xlsx', 'href'), '/api/import-templates/contacts.xlsx');
    for (const link of ['#template-xlsx', '#template-csv']) {
      assert.equal((await app.request('GET', (await page.getAttribute(link, 'href'))!, { token: s.token })).status, 200, link);
    }
    await page.setInputFiles('#import-file', { name: 'customers.xlsx', mimeType: XLSX_TYPE, buffer: file });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-import.png'), fullPage: true });
    await page.click('#import-upload');
    await page.waitForURL(/#\/import\/\d+$/);
    const id = Number(page.url().split('/').pop());

    // The first sheet with rows is previewed; the admin picks the customer sheet and sees its headers matched.
    assert.equal(await page.locator('#import-sheet').inputValue(), 'Read me');
    await page.locator('#import-sheet').selectOption('Customers');
    await page.locator('.mapping-table select[data-column="Họ tên"]').waitFor();
    assert.equal(await page.locator('select[data-column="Họ tên"]').inputValue(), 'name');
    assert.equal(await page.locator('select[data-column="Số điện thoại"]').inputValue(), 'phone');
    assert.equal(await page.locator('select[data-column="Email"]').inputValue(), 'email');
    assert.equal(await page.locator('.mapping-table tbody tr').count(), 5);
    assert.equal(await page.locator('.mapping-table tbody tr').nth(2).locator('td').nth(1).textContent(), HOSTILE);
    await page.locator('select[data-column="Hạng"]').selectOption('__custom');
    await page.locator('[name="custom.3"]').fill('tier');
    await page.fill('#import-mapping [name=tags]', 'spring, import');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-import-mapping.png'), fullPage: true });
    await page.click('#import-start');

    await page.locator('#import-result').waitFor();
    const job = (await app.request('GET', `/api/imports/${id}`, { token: s.token })).body;
    assert.equal(job.status, 'done');
    assert.deepEqual(job.counts, { imported: 3, updated: 0, duplicate: 1, rejected: 1, blockedHits: 1, listed: 0 });
    for (const [key, value] of Object.entries(job.counts).filter(([k]) => k !== 'listed')) {
      assert.equal(await page.locator(`[data-count=${key}] strong`).textContent(), String(value), key);
    }
    assert.deepEqual(await page.locator('#import-result tr[data-row]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.row)), ['3', '6']);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-import-result.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#rejected-download')]);
    const rows = readSheet(readFileSync((await download.path())!));
    const flat = rows.map((r) => r.join('|')).join('\n');
    assert.match(flat, /not a phone/);
    assert.match(flat, /0912000002/);

    const imported = (await app.request('GET', '/api/contacts?tag=spring', { token: s.token })).body.items;
    assert.deepEqual(imported.map((c: { name: string }) => c.name).sort(), [HOSTILE, 'Lê Văn Cường', 'Nguyễn Văn An'].sort());
    assert.equal(imported.find((c: { name: string }) => c.name === 'Nguyễn Văn An').customFields.tier, 'gold');

    // The imported name with HTML in it is text on the contacts page.
    await page.click('#admin-nav a[data-path=contacts]');
    await page.fill('#contact-filter [name=tag]', 'spring');
    await page.click('#contact-filter button[type=submit]');
    await page.locator('tr[data-contact] .contact-name', { hasText: '<script>' }).waitFor();
    assert.equal(await page.locator('tr[data-contact] .contact-name', { hasText: '<script>' }).textContent(), HOSTILE);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.deepEqual(s.dialogs, []);
    assert.deepEqual(s.problems, []);
    await s.context.close();
  });

  it('when a CSV of do-not-call numbers is imported, then they join the DNC list and the list page shows them', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'admin', '#/import');
    const { page } = s;
    await page.locator('[name=kind]').selectOption('dnc');
    await page.setInputFiles('#import-file', { name: 'dnc.csv', mimeType: 'text/csv', buffer: Buffer.from(csv([['phone', 'reason'], ['0913000001', 'asked twice'], ['0913000002', null]])) });
    await page.click('#import-upload');
    await page.locator('#import-mapping').waitFor();
    assert.equal(await page.locator('select[data-column="phone"]').inputValue(), 'phone');
    await page.fill('#import-mapping [name=reason]', 'imported list');
    await page.click('#import-start');
    await page.locator('#import-result [data-count=imported] strong', { hasText: '2' }).waitFor();
    await page.click('#import-result a[href^="#/block-lists"]');
    await page.locator('tr[data-phone="+84913000002"]').waitFor();
    assert.equal(await page.locator('tr[data-phone="+84913000001"] td').nth(1).textContent(), 'asked twice');
    assert.equal(await page.locator('tr[data-phone="+84913000002"] td').nth(1).textContent(), 'imported list');
    await s.context.close();
  });
});
