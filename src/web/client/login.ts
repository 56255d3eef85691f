import { api, ApiError } from './api.js';
import { byId } from './dom.js';
import { t, toggleLanguage, translatePage } from './i18n.js';

interface LoginResponse { user: { role: 'owner' | 'admin' | 'agent' } }

translatePage();
byId('lang').addEventListener('click', toggleLanguage);
byId<HTMLFormElement>('login-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const form = ev.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  const error = byId('login-error');
  error.textContent = '';
  delete error.dataset.i18n;
  api<LoginResponse>('POST', '/api/auth/login', { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') })
    .then((res) => { location.href = res.user.role === 'agent' ? '/agent' : '/admin'; })
    .catch((err: unknown) => {
      // The key stays on the element so switching language re-translates the message.
      error.dataset.i18n = err instanceof ApiError && err.status === 401 ? 'login.failed' : 'common.error';
      error.textContent = t(error.dataset.i18n as 'login.failed');
    });
});
