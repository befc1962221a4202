/** Session, setup, sign-in/out and user management routes (docs/newsroom-api.md). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../http/route.js';
import { idParam, parse } from '../http/validate.js';
import type { AccountsService } from './accounts.service.js';
import { SESSION_TTL_MS } from './accounts.service.js';
import { cookieOptions, csrfTokenFor, requireCan, requireUser, SESSION_COOKIE } from './auth.js';
import { ROLES } from './policy.js';
import { hasBadCharacter } from '../http/edge.js';
import { key } from '../http/validate.js';

/**
 * Text a person typed: a NUL cannot be stored by PostgreSQL and a lone surrogate is not text at
 * all. The edge hook (src/http/edge.ts) already refuses both for every JSON body with a 400; this
 * refinement keeps the accounts schemas safe on their own, should they be used past that hook.
 */
export const text = (max: number) => z.string().max(max).refine((v) => !hasBadCharacter(v), key('field.bad_character'));
const Credentials = z.object({ email: text(200), password: text(500) });
const NewUser = z.object({ email: text(200), name: text(100), password: text(500) });
const Role = z.enum(ROLES as ['contributor', 'author', 'editor', 'admin']);

export function accountsRoutes(app: FastifyInstance, accounts: AccountsService, secure: boolean): void {
  const signIn = (reply: import('fastify').FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(secure, SESSION_TTL_MS / 1000));

  apiRoute(app, {
    method: 'GET', url: '/session', tag: 'accounts', summary: 'Who is signed in, the CSRF token, and whether first-run setup is needed',
    handler: async (req, reply) => ({
      user: req.auth?.user ?? null,
      csrfToken: csrfTokenFor(req, reply, secure),
      needsSetup: await accounts.needsSetup(),
      secondFactor: req.auth?.secondFactor ?? null,
    }),
  });

  apiRoute(app, {
    method: 'POST', url: '/setup', tag: 'accounts', summary: 'Create the first administrator (only while no user exists)', body: NewUser,
    handler: async (req, reply) => {
      const input = parse(NewUser, req.body);
      const { token, session } = await accounts.setup(input, req.ip, req.headers['user-agent'] ?? '');
      signIn(reply, token);
      return reply.code(201).send({ user: session.user, csrfToken: session.csrfToken, secondFactor: session.secondFactor });
    },
  });

  apiRoute(app, {
    method: 'POST', url: '/login', tag: 'accounts', summary: 'Sign in', body: Credentials,
    handler: async (req, reply) => {
      const input = parse(Credentials, req.body);
      const { token, session } = await accounts.login(input.email, input.password, req.ip, req.headers['user-agent'] ?? '');
      signIn(reply, token);
      return { user: session.user, csrfToken: session.csrfToken, secondFactor: session.secondFactor };
    },
  });

  apiRoute(app, {
    method: 'POST', url: '/logout', tag: 'accounts', summary: 'Sign out of this browser',
    handler: async (req, reply) => {
      if (req.auth) await accounts.logout(req.auth.sessionId);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(secure));
      return reply.code(204).send();
    },
  });

  apiRoute(app, {
    method: 'POST', url: '/logout-everywhere', tag: 'accounts', summary: 'End all of my sessions',
    handler: async (req, reply) => {
      const me = requireUser(req);
      await accounts.logoutEverywhere(me.user.id);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(secure));
      return reply.code(204).send();
    },
  });

  const ChangePassword = z.object({ currentPassword: text(500), newPassword: text(500) });
  apiRoute(app, {
    method: 'POST', url: '/me/password', tag: 'accounts', summary: 'Change my password (other sessions end)', body: ChangePassword,
    handler: async (req, reply) => {
      const me = requireUser(req);
      const input = parse(ChangePassword, req.body);
      await accounts.changeOwnPassword(me.user.id, input.currentPassword, input.newPassword, me.sessionId);
      return reply.code(204).send();
    },
  });

  apiRoute(app, {
    method: 'GET', url: '/users', tag: 'users', summary: 'List users',
    handler: async (req) => {
      requireCan(req, 'users.manage');
      return { items: await accounts.listUsers() };
    },
  });

  // The role is checked by the service with the other fields, so every problem is reported at once.
  const CreateUser = NewUser.extend({ role: text(20) });
  apiRoute(app, {
    method: 'POST', url: '/users', tag: 'users', summary: 'Create a user', body: CreateUser,
    handler: async (req, reply) => {
      const me = requireCan(req, 'users.manage');
      const input = parse(CreateUser, req.body);
      return reply.code(201).send(await accounts.createUser(me.user.id, { ...input, role: input.role as z.infer<typeof Role> }));
    },
  });

  const PatchUser = z.object({ name: text(100).optional(), role: Role.optional(), disabled: z.boolean().optional() });
  apiRoute(app, {
    method: 'PATCH', url: '/users/:id', tag: 'users', summary: 'Change a user’s name, role or disabled flag', body: PatchUser,
    handler: async (req) => {
      const me = requireCan(req, 'users.manage');
      return accounts.updateUser(me.user.id, idParam(req.params), parse(PatchUser, req.body));
    },
  });

  const ResetPassword = z.object({ password: text(500) });
  apiRoute(app, {
    method: 'POST', url: '/users/:id/password', tag: 'users', summary: 'Set a user’s password (their sessions end)', body: ResetPassword,
    handler: async (req, reply) => {
      const me = requireCan(req, 'users.manage');
      await accounts.resetPassword(me.user.id, idParam(req.params), parse(ResetPassword, req.body).password);
      return reply.code(204).send();
    },
  });
}
