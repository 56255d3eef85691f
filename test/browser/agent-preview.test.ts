import assert from 'node:assert/strict';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describeBrowser, SCREENSHOT_DIR } from '../support/browser';
import { apiGet, signIn, useDemoBrowser, watchProblems } from './support/page-helpers';

const XSS_NAME = '<img src=x onerror=alert(1)>';

/** The datetime-local text for an instant, in the browser's zone (the test runs in the same zone). */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

describeBrowser('agent page in demo mode (browser)', () => {
  const fx = useDemoBrowser();
  let agentContext: BrowserContext;
  let supervisorContext: BrowserContext;

  beforeEach(async () => {
    const { browser } = fx;
    agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    supervisorContext = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  });
  afterEach(async () => {
    await agentContext.close();
    await supervisorContext.close();
  });

  it('when an agent works a preview customer, then countdown, call, autosaved script, callback and reminder all show, and the supervisor follows within 1 s', async function () {
    this.timeout(60_000);
    const { product } = fx;
    const ann = await product.user('ann', 'agent', 'Ann Nguyễn', '1001');
    await product.user('sue', 'admin', 'Sue Supervisor');
    const script = product.script({
      name: 'Spring offer', guidance: 'Greet the customer by name and introduce the spring offer.\nAsk before you pitch.',
      questions: [
        { kind: 'single_choice', text: 'Is the customer interested?', options: ['Yes', 'No', 'Maybe'] },
        { kind: 'multiple_choice', text: 'Which products?', options: ['Phone', 'Internet', 'TV'] },
        { kind: 'free_text', text: 'Notes', options: [] },
      ],
    });
    const campaign = product.campaign({
      name: 'Spring offer', dialingMode: 'preview', previewSeconds: 3, wrapUpSeconds: 300, agentIds: [ann], scriptId: script.id,
      quota: { kind: 'per_day', min: 5, max: 40 },
    });
    product.customer(campaign.id, { name: XSS_NAME, phones: ['0901234567', '0901234599'], email: 'x@example.com', address: '1 Main St', customFields: { company: 'ACME' } });
    const token = await product.token('ann');

    await agentContext.grantPermissions(['notifications'], { origin: product.url });
    await agentContext.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
      const Real = window.Notification;
      class Recording extends Real {
        constructor(title: string, options?: NotificationOptions) { super(title, options); shown.push(`${title}: ${options?.body ?? ''}`); }
      }
      Object.defineProperty(window, 'Notification', { value: Recording });
    });
    const agent = await agentContext.newPage();
    const agentProblems = watchProblems(agent);
    await signIn(agent, product.url, 'ann', '/agent');
    await agent.waitForSelector(`[data-join="${campaign.id}"]`);
    await agent.screenshot({ path: path.join(SCREENSHOT_DIR, 'agent-campaigns.png') });
    await agent.click(`[data-join="${campaign.id}"]`);
    await agent.waitForSelector('#agent-bar:not([hidden])');
    assert.equal(await agent.textContent('#agent-state'), 'Not ready');

    const sup = await supervisorContext.newPage();
    // Watched from the dashboard on: the login page sends admins to /admin first.
    await signIn(sup, product.url, 'sue', '/supervisor');
    const supProblems = watchProblems(sup);
    await sup.waitForSelector(`#agents-table tr[data-agent="${ann}"] [data-state="not_ready"]`);

    // Ready: the preview countdown runs from the server's deadline, then the call starts by itself.
    await agent.click('#btn-ready');
    await agent.waitForSelector('#countdown:not([hidden])');
    const startedAt = Date.now();
    await sup.waitForSelector(`#agents-table tr[data-agent="${ann}"] [data-state="previewing"]`, { timeout: 1000 });
    const first = await agent.textContent('#countdown-value');
    assert.match(first ?? '', /^0:0[1-3]$/);
    await agent.waitForFunction((shown) => {
      const now = document.getElementById('countdown-value')?.textContent;
      return now !== shown && /^0:0[0-2]$/.test(now ?? '');
    }, first);
    assert.equal(await agent.textContent('#customer-name'), XSS_NAME, 'a contact\'s HTML is shown as text');
    assert.equal(await agent.locator('#area-customer img').count(), 0);
    await agent.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Connected', undefined, { timeout: 15_000 });
    assert.ok(Date.now() - startedAt >= 1500, 'the call waited for the countdown');
    await agent.waitForSelector('#call-timer:not([hidden])');
    await sup.waitForSelector(`#agents-table tr[data-agent="${ann}"] [data-state="talking"]`, { timeout: 1000 });

    // The script: answers are autosaved as the agent goes.
    assert.match(await agent.textContent('#script-guidance') ?? '', /spring offer/);
    await agent.check('fieldset[data-question] input[value="Yes"]');
    await agent.check('fieldset[data-question] input[value="Internet"]');
    await agent.fill('fieldset.free-text textarea', 'Call after 5 pm');
    await agent.waitForFunction(() => document.getElementById('autosave-status')?.textContent === 'Answers saved');
    const attemptId = (await apiGet(product.url, token, '/api/agent/state')).customer.attemptId;
    const saved = await apiGet(product.url, token, `/api/agent/attempts/${attemptId}/answers`);
    const byQuestion = Object.fromEntries(saved.map((a: { questionId: number; value: unknown }) => [a.questionId, a.value]));
    const [q1, q2, q3] = script.questions;
    assert.deepEqual([byQuestion[q1!.id], byQuestion[q2!.id], byQuestion[q3!.id]], ['Yes', ['Internet'], 'Call after 5 pm']);
    await agent.screenshot({ path: path.join(SCREENSHOT_DIR, 'agent-connected.png') });
    await sup.screenshot({ path: path.join(SCREENSHOT_DIR, 'supervisor-talking.png') });

    // Hang up: wrap-up with its countdown; the supervisor sees it within 1 s.
    await agent.click('#btn-hangup');
    await agent.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Wrap-up');
    await sup.waitForSelector(`#agents-table tr[data-agent="${ann}"] [data-state="wrap_up"]`, { timeout: 1000 });
    assert.equal(await agent.isVisible('#countdown'), true);

    // A callback a few seconds ahead: the reminder comes as an in-page alert and a browser notification.
    await agent.click('#dispo-callback');
    await agent.fill('#callback-at', localInput(new Date(Date.now() + 4000)));
    await agent.click('#btn-set-callback');
    await agent.waitForFunction(() => document.querySelector<HTMLButtonElement>('#dispo-interested')?.disabled === true);
    const customers = await apiGet(product.url, token, `/api/agent/campaigns/${campaign.id}/customers`);
    assert.deepEqual([customers[0].disposition, customers[0].status], ['callback', 'callback_scheduled']);
    await agent.waitForSelector(`#reminders .reminder[data-attempt="${attemptId}"]`, { timeout: 10_000 });
    assert.match(await agent.textContent('#reminders .reminder') ?? '', new RegExp(`Call back ${XSS_NAME.replace(/[()]/g, '\\$&')}`));
    assert.deepEqual(await agent.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications),
      [`Callback due: Call back ${XSS_NAME} (0901234567)`]);

    // The callback is due: the next customer is that callback, and its ticket pops up when the call connects.
    await agent.click('#btn-next-customer');
    await agent.waitForSelector('#callback-ticket:not([hidden])', { timeout: 15_000 });
    assert.equal(await agent.textContent('#ticket-name'), XSS_NAME);
    await agent.screenshot({ path: path.join(SCREENSHOT_DIR, 'agent-callback-ticket.png') });
    const callbackAttempt = (await apiGet(product.url, token, '/api/agent/state')).customer.attemptId;
    assert.notEqual(callbackAttempt, attemptId);
    await agent.click('#ticket-close');
    // The customer's details are edited in place and saved to the contact (last: saving stores the numbers in E.164,
    // which the demo simulator answers at random).
    await agent.fill('#customer-email', 'img@example.com');
    await agent.fill('#customer-address', '12 Lý Thường Kiệt, Hà Nội');
    await agent.click('#btn-save-customer');
    await agent.waitForFunction(() => document.getElementById('customer-save-status')?.textContent === 'Details saved');
    const { contact } = await apiGet(product.url, token, `/api/agent/attempts/${callbackAttempt}/contact`);
    assert.deepEqual([contact.email, contact.address, contact.name, contact.customFields, contact.phones.map((p: { e164: string }) => p.e164)],
      ['img@example.com', '12 Lý Thường Kiệt, Hà Nội', XSS_NAME, { company: 'ACME' }, ['+84901234567', '+84901234599']]);
    assert.deepEqual(agentProblems, []);
    assert.deepEqual(supProblems, []);
  });
});
