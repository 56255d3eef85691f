import assert from 'node:assert/strict';
import path from 'node:path';
import { describeBrowser, SCREENSHOT_DIR, useBrowserApp } from '../support/browser';

describeBrowser('login page (browser)', () => {
  const fx = useBrowserApp();

  it('when a wrong password is typed, then the page says so in the chosen language, without a reload', async () => {
    const { app, browser } = fx;
    await app.services.users.createUnchecked({ username: 'lan', displayName: 'Lan', role: 'admin', password: 'a long secret 1' });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${app.url}/login`);
    await page.fill('#username', 'lan');
    await page.fill('#password', 'wrong');
    await page.click('#login-submit');
    await page.waitForFunction(() => document.getElementById('login-error')?.textContent !== '');
    assert.equal(await page.textContent('#login-error'), 'Wrong username or password');
    await page.click('#lang');
    assert.equal(await page.textContent('#login-submit'), 'Đăng nhập');
    assert.equal(await page.textContent('#login-error'), 'Sai tên đăng nhập hoặc mật khẩu');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'login.png') });
    assert.deepEqual(errors.filter((e) => !/401/.test(e)), [], 'no console errors (CSP or script)');
    await page.close();
  });
});
