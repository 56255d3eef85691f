import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CallOutcome } from '../../src/domain/call-outcome';
import type { EndReason } from '../../src/domain/flows/flow-types';
import { describeBrowser, SCREENSHOT_DIR } from '../support/browser';
import { signIn, useDemoBrowser, watchProblems } from './support/page-helpers';

const MIN = 60_000;

/** One second of a 440 Hz tone as 8 kHz 16-bit mono PCM WAV (what Asterisk records). */
function toneWav(): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), i * 2);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1'); head.writeUInt32LE(36 + data.length, 4); head.write('WAVEfmt ', 8, 'latin1');
  head.writeUInt32LE(16, 16); head.writeUInt16LE(1, 20); head.writeUInt16LE(1, 22); head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28); head.writeUInt16LE(2, 32); head.writeUInt16LE(16, 34); head.write('data', 36, 'latin1'); head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

describeBrowser('call log (browser)', () => {
  const fx = useDemoBrowser();

  it('when an admin filters the call log and plays a recording, and an agent opens "my calls", then each sees the calls theirs to see', async function () {
    this.timeout(90_000);
    const { product, browser } = fx;
    const sue = await product.user('sue', 'admin', 'Sue');
    const ann = await product.user('ann', 'agent', 'Ann <b>Nguyễn</b>', '1001');
    const ben = await product.user('ben', 'agent', 'Ben', '1002');
    const a = product.campaign({ name: 'Spring <sale>', dialingMode: 'manual', timezone: 'UTC', agentIds: [ann], managerIds: [sue] });
    const b = product.campaign({ name: 'Other', dialingMode: 'manual', timezone: 'UTC', agentIds: [ben] });
    const lan = product.customer(a.id, { name: 'Lan <i>Trần</i>', phones: ['+84912345678'] });
    const eval_ = product.customer(a.id, { name: '=cmd()', phones: ['+84987000222'] });
    const start = Date.now() - 3 * 60 * MIN;
    const at = (min: number, sec = 0) => new Date(start + min * MIN + sec * 1000);
    const add = (x: { campaignId: number; agentId: number | null; contactId: number | null; phone: string; min: number; answer?: number; bridge?: number; talk?: number;
      ring: number; cause: number; outcome: CallOutcome; reason: EndReason; recording?: string }) => product.services.repos.callRecords.insert({
      flow: 'agent-first', attemptId: null, campaignId: x.campaignId, contactId: x.contactId, agentId: x.agentId, phoneNumber: x.phone, dialAt: at(x.min),
      answerAt: x.answer === undefined ? null : at(x.min, x.answer), bridgeAt: x.bridge === undefined ? null : at(x.min, x.bridge),
      endAt: at(x.min, (x.bridge ?? x.answer ?? 0) + (x.talk ?? x.ring)), hangupCause: x.cause, dialStatus: x.answer === undefined ? 'BUSY' : 'ANSWER', amdStatus: null,
      outcome: x.outcome, endReason: x.reason, recordingName: x.recording ?? null, answers: [],
    });
    const recorded = add({ campaignId: a.id, agentId: ann, contactId: lan, phone: '+84912345678', min: 10, answer: 8, bridge: 9, talk: 125, ring: 8, cause: 16, outcome: 'answered', reason: 'customer_hangup', recording: 'dialer-demo-1' });
    add({ campaignId: a.id, agentId: ann, contactId: eval_, phone: '+84987000222', min: 30, ring: 6, cause: 17, outcome: 'busy', reason: 'not_reached' });
    add({ campaignId: a.id, agentId: null, contactId: null, phone: '+84977000333', min: 50, answer: 7, ring: 7, talk: 2, cause: 16, outcome: 'abandoned', reason: 'abandoned' });
    add({ campaignId: b.id, agentId: ben, contactId: null, phone: '+84966000444', min: 70, answer: 5, bridge: 5, talk: 600, ring: 5, cause: 16, outcome: 'answered', reason: 'customer_hangup' });
    mkdirSync(product.services.config.recordings.dir, { recursive: true });
    writeFileSync(path.join(product.services.config.recordings.dir, 'dialer-demo-1.wav'), toneWav());
    const key = (d: Date) => d.toISOString().slice(0, 10);
    const from = key(new Date(start - 24 * 60 * MIN));
    const to = key(new Date(Date.now() + 24 * 60 * MIN));

    const context = await browser.newContext({ viewport: { width: 1920, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signIn(page, product.url, 'sue', '/admin');
    await page.goto(`${product.url}/admin#/reports/calls?from=${from}&to=${to}`);
    await page.locator('#calls-table tbody tr').first().waitFor();
    assert.equal(await page.locator('#calls-table tbody tr').count(), 3, 'the calls of Sue\'s campaign only');
    const row = page.locator(`#calls-table tr[data-call="${recorded}"]`);
    const cells = await row.locator('td').allTextContents();
    assert.deepEqual([cells[1], cells[2], cells[3], cells[4], cells[10], cells[11], cells[12], cells[13], cells[14], cells[16]],
      ['Spring <sale>', 'Lan <i>Trần</i>', '+84912345678', 'Ann <b>Nguyễn</b>', '0:08', '0:01', '2:05', '16 Normal Clearing', 'Customer', 'answered'], 'data inserted as text');
    assert.equal(await page.textContent('#calls-summary'), '3 calls · 3 dialled · 2 answered (66.7%) · average talk 2:05');
    assert.equal(await page.locator('#calls-by-hour svg rect.bar').count(), 24);
    assert.equal(await page.locator('#calls-talk svg rect.bar').count(), 7);
    assert.deepEqual(await page.locator('#calls-causes svg text.label').allTextContents(), ['16 Normal Clearing', '17 User busy']);
    await row.locator('[data-play]').click();
    const audio = row.locator('audio');
    await audio.waitFor();
    await page.waitForFunction((id) => (document.querySelector(`audio[data-call="${id}"]`) as HTMLAudioElement | null)?.readyState! >= 1, recorded);
    assert.equal(Math.round(await audio.evaluate((el) => (el as HTMLAudioElement).duration)), 1, 'the recording loaded in the page');
    assert.equal(await row.locator('[data-download]').getAttribute('href'), `/api/reports/calls/${recorded}/recording?download=1`);
    await page.evaluate(() => { document.querySelector('.calls-table')!.scrollLeft = 0; });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-call-log.png'), fullPage: true });

    await page.selectOption('#calls-outcome', 'busy');
    await page.fill('#calls-number', '0987');
    await page.click('#calls-show');
    await page.waitForFunction(() => document.querySelectorAll('#calls-table tbody tr').length === 1 && location.hash.includes('outcome=busy'));
    assert.equal(await page.textContent('#calls-table tbody tr td:nth-child(3)'), '=cmd()');
    assert.match((await page.getAttribute('#calls-xlsx', 'href'))!, /outcome=busy&number=0987&format=xlsx$/);
    await page.click('#lang');
    await page.locator('h1', { hasText: 'Nhật ký cuộc gọi' }).waitFor();
    await page.locator('#calls-table th', { hasText: 'Bên ngắt máy' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-call-log-vi.png'), fullPage: true });
    await page.click('#lang');
    await page.goto(`${product.url}/admin#/reports/calls?from=${from}&to=${to}&campaignId=${b.id}`);
    await page.locator('#calls-result .error').waitFor();
    assert.match((await page.textContent('#calls-result .error'))!, /may not see/i);
    await context.close();

    const agentContext = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
    const agentPage = await agentContext.newPage();
    const agentProblems = watchProblems(agentPage);
    await signIn(agentPage, product.url, 'ann', '/agent');
    await agentPage.click('#my-calls-toggle');
    await agentPage.locator('#my-call-log #calls-table tbody tr').first().waitFor();
    assert.equal(await agentPage.locator('#my-call-log #calls-table tbody tr').count(), 2, 'only the calls Ann was on');
    assert.equal(await agentPage.textContent('#my-call-log #calls-summary'), '2 calls · 2 dialled · 1 answered (50.0%) · average talk 2:05');
    await agentPage.selectOption('#my-calls-outcome', 'answered');
    await agentPage.click('#my-calls-show');
    await agentPage.waitForFunction(() => document.querySelectorAll('#my-call-log #calls-table tbody tr').length === 1);
    assert.match((await agentPage.getAttribute('#my-calls-csv', 'href'))!, /outcome=answered&format=csv$/);
    await agentPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'agent-my-calls.png'), fullPage: true });
    assert.deepEqual([...problems.filter((p) => !/\b403\b/.test(p)), ...agentProblems], []);
    await agentContext.close();
  });
});
