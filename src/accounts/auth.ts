/**
 * Request authentication for the newsroom: resolves the session cookie, enforces CSRF on every
 * state-changing request, and offers the guards routes put in front of their handlers.
 *
 * CSRF: signed-in requests must echo the session's own token in `X-CSRF-Token` (synchronizer
 * token). Before sign-in (setup, login) the token is double-submitted: the value of the
 * `xabar_csrf` cookie set by GET /session must come back in the header. Cookies are SameSite=Lax
 * as a second layer, and a cross-site Origin is refused outright.
 */
import crypto from 'node:crypto';
import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, SecondFactorRequiredError, UnauthorizedError } from '../errors.js';
import type { AccountsService, SessionInfo } from './accounts.service.js';
import { newToken } from './accounts.service.js';
import { can, minRole, type GlobalAction } from './policy.js';
import { msg } from '../i18n/api-messages.js';

export const SESSION_COOKIE = 'xabar_sid';
export const CSRF_COOKIE = 'xabar_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    auth: SessionInfo | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_STARTERS = new Set(['/admin/api/login', '/admin/api/setup', '/admin/api/logout']);
/**
 * What a session that still owes its second factor may reach: nothing but finishing sign-in.
 * Listed here, in the one hook every newsroom request passes, so no route can forget the check.
 */
// Signing in again (as someone else, or after a lost phone) stays possible.
const WHILE_VERIFYING = new Set(['/admin/api/session', '/admin/api/login', '/admin/api/logout', '/admin/api/two-factor/verify']);
const WHILE_ENROLLING = new Set([...WHILE_VERIFYING, '/admin/api/two-factor', '/admin/api/two-factor/enrol', '/admin/api/two-factor/enrol/confirm']);
WHILE_ENROLLING.delete('/admin/api/two-factor/verify');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export interface AuthOptions {
  accounts: AccountsService;
  secureCookies: boolean;
}

export function cookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return { path: '/admin', httpOnly: true, sameSite: 'lax' as const, secure, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}

/** Registers the hooks on an encapsulated newsroom scope. */
export function registerAuth(app: FastifyInstance, opts: AuthOptions): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    req.auth = await opts.accounts.resolve(req.cookies[SESSION_COOKIE]);
    const owed = req.auth?.secondFactor;
    if (owed) {
      const url = req.routeOptions.url ?? '';
      if (!(owed === 'verify' ? WHILE_VERIFYING : WHILE_ENROLLING).has(url)) {
        throw new SecondFactorRequiredError(
          owed === 'verify' ? msg('auth.code_owed') : msg('auth.enrol_owed'),
          owed,
        );
      }
    }
    if (SAFE.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let host = '';
      try {
        host = new URL(origin).host;
      } catch {
        /* unparsable origin is treated as foreign */
      }
      if (host !== req.headers.host) throw new ForbiddenError(msg('auth.cross_site'));
    }
    // A session cookie that no longer resolves (expired, signed out elsewhere, user disabled) is
    // "sign in again" (401), not a CSRF failure — except on the routes that start a session.
    if (!req.auth && req.cookies[SESSION_COOKIE] && !SESSION_STARTERS.has(req.routeOptions.url ?? '')) {
      throw new UnauthorizedError(msg('auth.session_ended'));
    }
    const header = String(req.headers['x-csrf-token'] ?? '');
    const expected = req.auth ? req.auth.csrfToken : req.cookies[CSRF_COOKIE] ?? '';
    if (!header || !expected || !same(header, expected)) {
      throw new ForbiddenError(msg('auth.csrf'));
    }
  });
}

/** The token the SPA must send; before sign-in it is set as a double-submit cookie. */
export function csrfTokenFor(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  if (req.auth) return req.auth.csrfToken;
  let token = req.cookies[CSRF_COOKIE];
  if (!token || token.length > 100) {
    token = newToken();
    reply.setCookie(CSRF_COOKIE, token, { ...cookieOptions(secure), sameSite: 'strict' });
  }
  return token;
}

export function requireUser(req: FastifyRequest): SessionInfo {
  if (!req.auth) throw new UnauthorizedError(msg('auth.sign_in'));
  return req.auth;
}

export function requireCan(req: FastifyRequest, action: GlobalAction): SessionInfo {
  const auth = requireUser(req);
  if (!can(auth.user, action)) {
    throw new ForbiddenError(msg('auth.role_needed', { minRole: minRole(action), role: auth.user.role }));
  }
  return auth;
}
