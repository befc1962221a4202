/**
 * Two-factor routes (docs/security.md, "Two-step sign-in"): my status, enrolment, the second step of
 * sign-in, recovery codes, turning it off, an administrator's reset, and which roles require it.
 * What a half-signed-in session may reach is decided in auth.ts, not here.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../http/route.js';
import { idParam, parse } from '../http/validate.js';
import { SESSION_TTL_MS } from './accounts.service.js';
import { text } from './accounts.routes.js';
import { cookieOptions, requireCan, requireUser, SESSION_COOKIE } from './auth.js';
import { ROLES } from './policy.js';
import type { TwoFactorService } from './two-factor.service.js';
import { key } from '../http/validate.js';

const Code = z.object({ code: text(20) });
const Verify = z.object({ code: text(20).optional(), recoveryCode: text(40).optional() }).refine((v) => !!(v.code || v.recoveryCode), { message: key('twofa.enter_code'), path: ['code'] });
const Roles = z.object({ twoFactorRoles: z.array(z.enum(ROLES as ['contributor', 'author', 'editor', 'admin'])).max(4) });

export function twoFactorRoutes(app: FastifyInstance, twoFactor: TwoFactorService, secure: boolean): void {
  apiRoute(app, {
    method: 'GET', url: '/two-factor', tag: 'accounts', summary: 'My two-factor status',
    handler: async (req) => {
      const me = requireUser(req);
      return twoFactor.status(me.user.id, me.user.role);
    },
  });

  apiRoute(app, {
    method: 'POST', url: '/two-factor/enrol', tag: 'accounts', summary: 'Start two-factor set-up: a new secret, its QR code and manual key',
    handler: async (req) => {
      const me = requireUser(req);
      return twoFactor.startEnrolment(me.user);
    },
  });

  apiRoute(app, {
    method: 'POST', url: '/two-factor/enrol/confirm', tag: 'accounts', summary: 'Confirm set-up with a first code; answers the recovery codes, shown this once', body: Code,
    handler: async (req) => {
      const me = requireUser(req);
      return { recoveryCodes: await twoFactor.confirmEnrolment(me.user.id, parse(Code, req.body).code) };
    },
  });

  apiRoute(app, {
    method: 'POST', url: '/two-factor/verify', tag: 'accounts', summary: 'Second step of sign-in: a code from the app or a recovery code', body: Verify,
    handler: async (req, reply) => {
      const me = requireUser(req);
      const { token, session } = await twoFactor.verify(me, parse(Verify, req.body), req.ip, req.headers['user-agent'] ?? '');
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(secure, SESSION_TTL_MS / 1000));
      return { user: session.user, csrfToken: session.csrfToken, secondFactor: session.secondFactor };
    },
  });

  apiRoute(app, {
    method: 'POST', url: '/two-factor/recovery-codes', tag: 'accounts', summary: 'New recovery codes (the old ones stop working); needs a current code', body: Code,
    handler: async (req) => {
      const me = requireUser(req);
      return { recoveryCodes: await twoFactor.regenerateRecoveryCodes(me.user.id, parse(Code, req.body).code) };
    },
  });

  apiRoute(app, {
    method: 'POST', url: '/two-factor/disable', tag: 'accounts', summary: 'Turn two-factor sign-in off (where my role allows); needs a current code', body: Code,
    handler: async (req, reply) => {
      const me = requireUser(req);
      await twoFactor.disable(me.user, parse(Code, req.body).code);
      return reply.code(204).send();
    },
  });

  apiRoute(app, {
    method: 'DELETE', url: '/users/:id/two-factor', tag: 'users', summary: 'Reset a user’s two-factor sign-in (they set it up again at next sign-in); audited',
    handler: async (req, reply) => {
      const me = requireCan(req, 'users.manage');
      await twoFactor.reset(me.user.id, idParam(req.params));
      return reply.code(204).send();
    },
  });

  apiRoute(app, {
    method: 'GET', url: '/security-settings', tag: 'settings', summary: 'Roles that must use two-factor sign-in',
    handler: async (req) => {
      requireCan(req, 'settings.read');
      return { twoFactorRoles: await twoFactor.requiredRoles() };
    },
  });

  apiRoute(app, {
    method: 'PUT', url: '/security-settings', tag: 'settings', summary: 'Choose the roles that must use two-factor sign-in', body: Roles,
    handler: async (req) => {
      const me = requireCan(req, 'settings.write');
      return { twoFactorRoles: await twoFactor.setRequiredRoles(me.user.id, parse(Roles, req.body).twoFactorRoles) };
    },
  });
}
