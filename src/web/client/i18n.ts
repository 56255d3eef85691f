/** English is the reference; Vietnamese must have every key (the type makes a missing one a build error). */
const en = {
  'app.title': 'Dialer',
  'lang.switch': 'Tiếng Việt',
  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.failed': 'Wrong username or password',
  'nav.logout': 'Sign out',
  'nav.agent': 'Agent',
  'nav.supervisor': 'Supervisor',
  'nav.admin': 'Administration',
  'common.loading': 'Loading…',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.delete': 'Delete',
  'common.error': 'Something went wrong',
  'common.offline': 'Connection lost — reconnecting…',
};

export type MessageKey = keyof typeof en;

const vi: Record<MessageKey, string> = {
  'app.title': 'Hệ thống gọi ra',
  'lang.switch': 'English',
  'login.title': 'Đăng nhập',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.failed': 'Sai tên đăng nhập hoặc mật khẩu',
  'nav.logout': 'Đăng xuất',
  'nav.agent': 'Điện thoại viên',
  'nav.supervisor': 'Giám sát',
  'nav.admin': 'Quản trị',
  'common.loading': 'Đang tải…',
  'common.save': 'Lưu',
  'common.cancel': 'Hủy',
  'common.delete': 'Xóa',
  'common.error': 'Đã xảy ra lỗi',
  'common.offline': 'Mất kết nối — đang kết nối lại…',
};

export const messages = { en, vi } as const;
export type Language = keyof typeof messages;

export function currentLanguage(): Language {
  const saved = localStorage.getItem('dialer.lang');
  return saved === 'vi' || saved === 'en' ? saved : navigator.language.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export function t(key: MessageKey, lang: Language = currentLanguage()): string {
  return messages[lang][key];
}

/** Fills every element carrying data-i18n (text) or data-i18n-placeholder with the current language. */
export function translatePage(root: ParentNode = document): void {
  const lang = currentLanguage();
  document.documentElement.lang = lang;
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as MessageKey, lang);
  });
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder as MessageKey, lang);
  });
}

export function toggleLanguage(): void {
  localStorage.setItem('dialer.lang', currentLanguage() === 'en' ? 'vi' : 'en');
  translatePage();
  document.dispatchEvent(new CustomEvent('languagechange'));
}
