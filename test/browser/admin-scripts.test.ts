import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openAdminAs } from '../support/admin-session';
import { describeBrowser, SCREENSHOT_DIR, useBrowserApp } from '../support/browser';

async function addQuestion(page: Page, kind: string, text: string, options: string[] = []): Promise<void> {
  const count = await page.locator('li.question').count();
  await page.click('#question-add');
  const dialog = page.locator('dialog[open]');
  await dialog.locator('[name=kind]').selectOption(kind);
  await dialog.locator('[name=text]').fill(text);
  for (const [i, o] of options.entries()) {
    if (i >= 2) await dialog.getByRole('button', { name: 'Add choice' }).click();
    await dialog.locator(`[name="options.${i}"]`).fill(o);
  }
  await dialog.locator('button[type=submit]').click();
  await page.locator('li.question').nth(count).waitFor();
}

describeBrowser('admin page: script editor (browser)', () => {
  const fx = useBrowserApp();

  it('when an admin writes a script and reorders its questions by drag and drop and by keyboard, then the server keeps each order', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'admin', '#/scripts', 'hoa');
    const other = await app.services.users.createUnchecked({ username: 'binh', displayName: 'Bình', role: 'admin', password: 'a long secret 1' });
    const { page } = s;
    await page.click('#script-new');
    await page.locator('dialog[open] [name=name]').fill('Insurance renewal');
    await page.locator('dialog[open] button[type=submit]').click();
    await page.waitForURL(/#\/scripts\/\d+$/);
    const id = Number(page.url().split('/').pop());
    const form = page.locator('#script-form');
    await form.locator('[name=guidance]').fill('Greet the customer by name.\nMention the renewal date.');
    await form.locator('[name=sharing]').selectOption('chosen_admins');
    await form.locator(`[name=sharedWith][value="${other.id}"]`).check();
    await page.click('#script-save');
    await page.locator('.toast').waitFor();

    await addQuestion(page, 'free_text', 'What is your date of birth?');
    await addQuestion(page, 'single_choice', 'Do you want to renew?', ['Yes', 'No']);
    await addQuestion(page, 'multiple_choice', 'Which options interest you?', ['Car', 'Home', 'Travel']);
    const read = async () => (await app.request('GET', `/api/scripts/${id}`, { token: s.token })).body;
    const before = await read();
    assert.equal(before.guidance, 'Greet the customer by name.\nMention the renewal date.');
    assert.equal(before.sharing, 'chosen_admins');
    assert.deepEqual(before.sharedWith, [other.id]);
    assert.deepEqual(before.questions.map((q: { kind: string; options: string[] }) => [q.kind, q.options]),
      [['free_text', []], ['single_choice', ['Yes', 'No']], ['multiple_choice', ['Car', 'Home', 'Travel']]]);
    const [q1, q2, q3] = before.questions.map((q: { id: number }) => q.id) as number[];

    // Drop the third question on the upper half of the first: it becomes first.
    await page.dragAndDrop(`li[data-question="${q3}"]`, `li[data-question="${q1}"]`, { targetPosition: { x: 40, y: 4 } });
    await page.locator('li.question').first().and(page.locator(`[data-question="${q3}"]`)).waitFor();
    assert.deepEqual((await read()).questions.map((q: { id: number }) => q.id), [q3, q1, q2]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-script-editor.png'), fullPage: true });

    // Keyboard: the "move down" button of the first question, pressed twice, keeps focus on the moved question.
    await page.locator(`li[data-question="${q3}"] button[data-move=down]`).focus();
    await page.keyboard.press('Enter');
    await page.locator('li.question').nth(1).and(page.locator(`[data-question="${q3}"]`)).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('li.question').nth(2).and(page.locator(`[data-question="${q3}"]`)).waitFor();
    assert.deepEqual((await read()).questions.map((q: { id: number }) => q.id), [q1, q2, q3]);
    assert.deepEqual(s.problems, []);

    await page.click('#admin-nav a[data-path=scripts]');
    await page.locator(`tr[data-script="${id}"]`).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-scripts.png'), fullPage: true });
    await s.context.close();
  });

  it('when a choice question has one option, then the dialog shows the server reason and marks the choices', async () => {
    const { app, browser } = fx;
    const s = await openAdminAs(browser, app, 'owner', '#/scripts');
    const created = await app.request('POST', '/api/scripts', { token: s.token, body: { name: 'Survey', sharing: 'all_admins' } });
    await s.page.goto(`${app.url}/admin#/scripts/${created.body.id}`);
    await s.page.click('#question-add');
    const dialog = s.page.locator('dialog[open]');
    await dialog.locator('[name=kind]').selectOption('single_choice');
    await dialog.locator('[name=text]').fill('Happy?');
    await dialog.locator('[name="options.0"]').fill('Yes');
    await dialog.locator('button[type=submit]').click();
    await dialog.locator('.error:not(:empty)').waitFor();
    assert.match((await dialog.locator('.error').textContent())!, /^Not accepted: .*at least two options/);
    assert.equal((await app.request('GET', `/api/scripts/${created.body.id}`, { token: s.token })).body.questions.length, 0);
    await s.context.close();
  });
});
