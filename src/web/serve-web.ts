import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import type { AuthService } from '../services/auth-service';
import { readSessionToken } from '../api/session-token';

const root = path.resolve(__dirname, '..', '..', '..');
const pagesDir = path.join(root, 'src', 'web', 'pages');

/** Pages that need a login redirect to /login without one; their data still comes from the authenticated API. */
const PROTECTED_PAGES: Record<string, string> = { '/agent': 'agent.html', '/supervisor': 'supervisor.html', '/admin': 'admin.html' };

export function serveWeb(app: Express, auth: AuthService): void {
  app.use('/assets', express.static(path.join(root, 'dist', 'web'), { index: false, fallthrough: false }));
  app.use('/styles', express.static(path.join(root, 'src', 'web', 'styles'), { index: false, fallthrough: false }));
  app.get('/', (_req, res) => res.redirect(302, '/login'));
  app.get('/login', (_req, res) => res.sendFile(path.join(pagesDir, 'login.html')));
  for (const [route, file] of Object.entries(PROTECTED_PAGES)) {
    if (!existsSync(path.join(pagesDir, file))) continue;
    app.get(route, (req: Request, res: Response) => {
      const token = readSessionToken(req);
      if (!token || !auth.authenticate(token)) return res.redirect(302, '/login');
      res.sendFile(path.join(pagesDir, file));
    });
  }
}
