import { api } from './api.js';
import { byId } from './dom.js';
import { toggleLanguage, translatePage } from './i18n.js';

export interface Me { id: number; username: string; displayName: string; role: 'owner' | 'admin' | 'agent' }

/**
 * The header every signed-in page shares: language switch, sign out, the user's name. Resolves with the
 * user (a missing session sends the browser to /login through api()).
 */
export async function setUpHeader(): Promise<Me> {
  translatePage();
  byId('lang').addEventListener('click', toggleLanguage);
  byId('logout').addEventListener('click', () => {
    api('POST', '/api/auth/logout').catch(() => undefined).finally(() => { location.href = '/login'; });
  });
  const { user } = await api<{ user: Me }>('GET', '/api/auth/me');
  byId('me').textContent = user.displayName;
  return user;
}
