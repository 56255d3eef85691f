import assert from 'node:assert/strict';
import path from 'node:path';
import { describeBrowser, SCREENSHOT_DIR } from '../support/browser';
import { apiGet, signIn, useDemoBrowser, watchProblems } from './support/page-helpers';

/**
 * The click-to-call pop-up on the agent page, in demo mode on the wall clock: agent phones answer after a second,
 * 0901… customers answer, 0902… are busy (dialled in the national form, as the simulated dialplan wants them).
 */
describeBrowser('click-to-call pop-up (browser)', () => {
  const fx = useDemoBrowser({ clickToCall: { dialNational: true, callingStart: '00:00', callingEnd: '00:00' } });

  it('when an agent calls a contact, talks, ends and saves a note, calls a busy number in Vietnamese, then is refused while OFF, then the pop-up follows each step and the note is on the contact', async function () {
    this.timeout(60_000);
    const { product, browser } = fx;
    const ann = await product.user('ann', 'agent', 'Ann', '1001');
    const contact = product.services.crm.contacts.create({ id: ann, role: 'agent' }, { name: 'Lan <b>Phạm</b>', phones: ['0901 234 567', '0902 000 001'] });
    const token = await product.token('ann');

    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signIn(page, product.url, 'ann', '/agent');
    await page.waitForSelector(`#my-contacts [data-contact="${contact.id}"] .call-button`);
    assert.equal(await page.textContent(`[data-contact="${contact.id}"] .contact-name`), 'Lan <b>Phạm</b>', 'names are text');

    await page.click(`[data-contact="${contact.id}"] .call-button[data-phone="+84901234567"]`);
    await page.waitForSelector('#call-popup:not([hidden])');
    assert.equal(await page.textContent('#call-popup-title'), 'Lan <b>Phạm</b>');
    await page.waitForFunction(() => document.getElementById('call-popup')?.dataset.state === 'talking', undefined, { timeout: 20_000 });
    assert.equal(await page.textContent('#c2c-state'), 'Talking');
    await page.waitForFunction(() => document.getElementById('c2c-timer')?.textContent !== '0:00', undefined, { timeout: 5000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'click-to-call-talking-en.png') });

    await page.click('#call-save');
    assert.equal(await page.textContent('#call-error'), 'End the call first, then save and close.');
    await page.click('#call-end');
    await page.waitForFunction(() => document.getElementById('call-popup')?.dataset.state === 'ended', undefined, { timeout: 10_000 });
    await page.fill('#call-note', 'Wants a quote <i>by Friday</i>');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'click-to-call-ended-en.png') });
    await page.click('#call-save');
    await page.waitForSelector('#call-popup', { state: 'hidden' });
    await page.click(`[data-contact="${contact.id}"] .show-notes`);
    await page.waitForSelector(`[data-contact="${contact.id}"] .note-body`);
    assert.equal(await page.textContent(`[data-contact="${contact.id}"] .note-body`), 'Wants a quote <i>by Friday</i>');
    assert.equal(await page.locator('.note-body i').count(), 0, 'the note is text, not markup');
    await page.waitForSelector(`[data-contact="${contact.id}"] .contact-call`);
    assert.match((await page.textContent(`[data-contact="${contact.id}"] .contact-call`))!, /Ann · \+84901234567: answered/);
    const notes = (await apiGet(product.url, token, `/api/contacts/${contact.id}/notes`)).notes;
    assert.deepEqual(notes.map((n: any) => [n.body, n.agentId, n.call.flow, n.call.outcome]), [['Wants a quote <i>by Friday</i>', ann, 'click-to-call', 'answered']]);

    await page.click('#lang');
    assert.equal(await page.textContent('#call-number-box label'), 'Gọi một số');
    await page.fill('#call-number-input', '0902 000 001');
    await page.click('#call-number-go');
    await page.waitForFunction(() => document.getElementById('call-popup')?.dataset.state === 'ended', undefined, { timeout: 20_000 });
    assert.equal(await page.textContent('#call-popup-title'), 'Số nhập tay');
    assert.equal(await page.textContent('#c2c-state'), 'Cuộc gọi đã kết thúc — Máy bận.');
    assert.equal(await page.textContent('#call-save'), 'Lưu và đóng');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'click-to-call-busy-vi.png') });
    await page.click('#call-save');
    await page.waitForSelector('#call-popup', { state: 'hidden' });

    const off = await fetch(`${product.url}/api/leads/agents/${ann}/receiving`, {
      method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ on: false }),
    });
    assert.equal(off.status, 200);
    await page.click(`[data-contact="${contact.id}"] .call-button[data-phone="+84901234567"]`);
    await page.waitForFunction(() => /TẮT/.test(document.getElementById('call-error')?.textContent ?? ''), undefined, { timeout: 5000 });
    assert.equal(await page.textContent('#call-error'), 'Bạn đang TẮT nhận cuộc gọi: không gọi đi hay gọi đến cho tới khi BẬT lại.');
    assert.equal(await page.textContent('#c2c-state'), '', 'no call: no call state');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'click-to-call-off-vi.png') });
    await page.click('#call-save');
    await page.waitForSelector('#call-popup', { state: 'hidden' });
    assert.equal((await apiGet(product.url, token, '/api/calls/current')).call, null);
    const rows = product.services.db.prepare('SELECT flow, contact_id, outcome, note FROM call_records ORDER BY id').all();
    assert.deepEqual(rows, [
      { flow: 'click-to-call', contact_id: contact.id, outcome: 'answered', note: 'Wants a quote <i>by Friday</i>' },
      { flow: 'click-to-call', contact_id: null, outcome: 'busy', note: null },
    ]);
    assert.deepEqual(problems, []);
    await context.close();

    // The owner reads the note in the admin contact list: time, agent and the call it was written for.
    const admin = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    const adminPage = await admin.newPage();
    const adminProblems = watchProblems(adminPage);
    await signIn(adminPage, product.url, 'owner', '/admin');
    await adminPage.goto(`${product.url}/admin#/contacts`);
    await adminPage.click(`tr[data-contact="${contact.id}"] button[data-action="notes"]`);
    await adminPage.waitForSelector('dialog .note-body');
    assert.equal(await adminPage.textContent('dialog .note-body'), 'Wants a quote <i>by Friday</i>');
    assert.match((await adminPage.textContent('dialog .contact-note'))!, /Ann[\s\S]*Call to \+84901234567: answered/);
    await adminPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'click-to-call-notes-admin-en.png') });
    assert.deepEqual(adminProblems, []);
    await admin.close();
  });
});
