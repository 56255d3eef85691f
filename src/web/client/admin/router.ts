import { h, replaceChildren } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { showError } from './error.js';
import { label } from './label.js';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: 'owner' | 'admin' | 'agent';
}

export interface AdminContext {
  me: Me;
  navigate(hash: string): void;
  /** Renders the current view again (after a change made elsewhere). */
  reload(): void;
  /** Whether a page is part of this build (its API is on the server), so links to it can be left out. */
  has(path: string): boolean;
}

export interface Section {
  /** `users`, `campaigns/:id` — matched against the hash without its `#/`. */
  path: string;
  /** Sections with a nav label get a link in the left menu. */
  nav?: MessageKey;
  /** The menu entry stays highlighted for its sub-pages (`campaigns/:id` under `campaigns`). */
  navPath?: string;
  render(root: HTMLElement, params: Record<string, string>, ctx: AdminContext): Promise<void> | void;
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = decodeURIComponent(got[i]!);
    if (w.startsWith(':')) params[w.slice(1)] = g;
    else if (w !== g) return undefined;
  }
  return params;
}

/**
 * A hash router: each navigation renders into a fresh element, so a slow answer for a page the user
 * has already left fills a detached node instead of the screen.
 */
export class HashRouter {
  private ctx?: AdminContext;

  constructor(private readonly sections: Section[], private readonly view: HTMLElement, private readonly nav: HTMLElement) {}

  start(me: Me): void {
    this.ctx = { me, navigate: (hash) => { location.hash = hash; }, reload: () => this.render(), has: (path) => this.sections.some((s) => s.path === path) };
    replaceChildren(this.nav, ...this.sections.filter((s) => s.nav).map((s) => label(s.nav!, 'a', { href: `#/${s.path}`, 'data-path': s.path })));
    window.addEventListener('hashchange', () => this.render());
    if (!location.hash.startsWith('#/')) history.replaceState(null, '', `#/${this.sections[0]!.path}`);
    this.render();
  }

  private render(): void {
    const path = location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
    const root = h('div', { class: 'view' });
    replaceChildren(this.view, root);
    let found: { section: Section; params: Record<string, string> } | undefined;
    for (const section of this.sections) {
      const params = match(section.path, path);
      if (params) { found = { section, params }; break; }
    }
    this.nav.querySelectorAll('a').forEach((a) => {
      const current = found && (a.dataset.path === found.section.path || a.dataset.path === found.section.navPath);
      if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    if (!found) {
      root.append(label('admin.notFound', 'p', { class: 'empty' }));
      return;
    }
    const { section, params } = found;
    Promise.resolve()
      .then(() => section.render(root, params, this.ctx!))
      .catch((err: unknown) => {
        const box = h('p', { class: 'error', role: 'alert' });
        root.append(box);
        showError(box, err);
      });
  }
}

/** The `?a=b` part of the hash (list filters and page), so back/forward and reload keep them. */
export function hashQuery(): URLSearchParams {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}

/** The current hash path with a changed query; empty values are dropped. */
export function withQuery(changes: Record<string, string | number | undefined>): string {
  const [path] = location.hash.split('?');
  const q = hashQuery();
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') q.delete(k); else q.set(k, String(v));
  }
  const text = q.toString();
  return text ? `${path}?${text}` : path ?? '#/';
}
