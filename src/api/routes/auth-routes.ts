import { z } from 'zod';
import { DialerError } from '../../errors';
import type { AuthService } from '../../services/auth-service';
import { ANY_USER, defineRoute, type RouteSpec } from '../route';
import { loginBody, loginResponse, userDto } from '../schemas/user-schemas';
import { SESSION_COOKIE } from '../session-token';

export function authRoutes(auth: AuthService, cookieSecure: boolean): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/api/auth/login', tag: 'auth', public: true, status: 200,
      summary: 'Log in; returns a bearer token and sets the httpOnly session cookie',
      body: loginBody, response: loginResponse,
      handler: async ({ body, req, res, log }) => {
        const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        let session: Awaited<ReturnType<AuthService['login']>>;
        try {
          session = await auth.login(body.username, body.password, address);
        } catch (err) {
          // Never the password: the user name and the address are what an administrator needs to act.
          log.warn('login failed', { username: body.username, address, reason: err instanceof DialerError ? err.code : 'error' });
          throw err;
        }
        const { token, user, expiresAt } = session;
        res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: cookieSecure || req.secure, expires: expiresAt, path: '/' });
        log.info('user logged in', { userId: user.id });
        return { token, expiresAt: expiresAt.toISOString(), user };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/auth/logout', tag: 'auth', roles: ANY_USER, summary: 'End this session',
      handler: ({ token, res }) => {
        if (token) auth.logout(token);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/auth/me', tag: 'auth', roles: ANY_USER, summary: 'The logged-in user', response: z.object({ user: userDto }),
      handler: ({ actor }) => ({ user: actor.user }),
    }),
  ];
}
