/**
 * The newsroom under /admin: the JSON API (/admin/api, described at /admin/api/openapi.json),
 * the live preview (/admin/preview/:id) and the single-page app built into admin/dist.
 * Everything here shares the session/CSRF hooks; the public site is outside this scope.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Container } from '../container.js';
import { registerAuth, requireUser } from '../accounts/auth.js';
import { accountsRoutes } from '../accounts/accounts.routes.js';
import { twoFactorRoutes } from '../accounts/two-factor.routes.js';
import { idParam } from '../http/validate.js';
import { newsroomRoutes } from './newsroom.routes.js';
import { libraryRoutes } from './library.routes.js';
import { translitExceptionsRoutes } from './translit-exceptions.routes.js';
import { deskRoutes } from '../desk/desk.routes.js';
import { previewLinksRoutes } from './preview-links.routes.js';
import { relatedRoutes } from './related.routes.js';
import { bulkRoutes } from './bulk.routes.js';
import { planningRoutes } from './planning.routes.js';
import { apiKeysRoutes } from '../wire/api-keys.routes.js';
import { wireOf } from '../wire/wire.module.js';
import { webhooksRoutes } from '../distribution/webhooks/webhooks.routes.js';
import { telegramRoutes } from '../distribution/telegram/telegram.routes.js';
import { analyticsRoutes } from '../analytics/analytics.routes.js';
import { backupRoutes } from '../ops/backup/backup.routes.js';
import { errorBody } from '../http/error-handler.js';
import { msg } from '../i18n/api-messages.js';

export const ADMIN_DIST = path.resolve('admin/dist');

export async function adminPlugin(app: FastifyInstance, c: Container, renderPreview: (editionId: number) => Promise<string | null>, dist = ADMIN_DIST): Promise<void> {
  const secure = c.config.siteUrl.startsWith('https://');
  await app.register(fastifyCookie);

  await app.register(async (api) => {
    await api.register(fastifyMultipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
    await api.register(fastifySwagger, {
      openapi: {
        info: { title: 'Xabar newsroom API', version: '1', description: 'See docs/newsroom-api.md. Every state-changing call needs the X-CSRF-Token header.' },
        servers: [{ url: '/admin/api' }],
      },
      // Routes carry zod schemas (apiRoute); the document is generated from the same schemas.
      transform: jsonSchemaTransform,
    });
    registerAuth(api, { accounts: c.accounts, secureCookies: secure });
    accountsRoutes(api, c.accounts, secure);
    twoFactorRoutes(api, c.twoFactor, secure);
    newsroomRoutes(api, c.editorial, c.revisions, c.storiesList);
    deskRoutes(api, c.desk, c.notifications);
    bulkRoutes(api, c.bulk);
    planningRoutes(api, c.planning, c.storiesList);
    libraryRoutes(api, { media: c.media, taxonomy: c.taxonomyAdmin, settings: c.settings, audit: c.audit, db: c.db.kysely, purgeAll: () => c.purgeAll() });
    previewLinksRoutes(api, c.previewLinks);
    relatedRoutes(api, c.related, c.urgency);
    apiKeysRoutes(api, wireOf(c).keys, c.config.rateLimits.wire);
    webhooksRoutes(api, c.webhooks);
    telegramRoutes(api, c.telegram);
    translitExceptionsRoutes(api, c.translitExceptions);
    analyticsRoutes(api, c.analytics);
    backupRoutes(api, c.backups);
    api.get('/openapi.json', { schema: { hide: true } }, async () => api.swagger());
    api.setNotFoundHandler(async (_req, reply) => reply.code(404).send(errorBody('not_found', msg('request.no_endpoint'))));
  }, { prefix: '/admin/api' });

  await app.register(async (pv) => {
    registerAuth(pv, { accounts: c.accounts, secureCookies: secure });
    pv.get('/admin/preview/:id', async (req, reply) => {
      const me = requireUser(req);
      await c.editorial.load(me.user, idParam(req.params)); // same visibility as the editor
      const html = await renderPreview(idParam(req.params));
      if (!html) return reply.code(404).send(errorBody('not_found', msg('story.not_found')));
      return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(html);
    });
  });

  // The SPA: hashed assets from admin/dist, and index.html for every client-side route. The
  // wildcard below would also match /admin/api/<unknown> (the router prefers it over the API
  // scope's not-found handler), so API paths are answered here as JSON 404 — built app or not.
  const apiNotFound = (reply: FastifyReply) => reply.code(404).send(errorBody('not_found', msg('request.no_endpoint')));
  const index = path.join(dist, 'index.html');
  if (fs.existsSync(index)) {
    await app.register(fastifyStatic, { root: dist, prefix: '/admin/', decorateReply: false, index: false, wildcard: false, maxAge: '365d', immutable: true });
    const sendIndex = async (_req: unknown, reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(fs.readFileSync(index));
    app.get('/admin', sendIndex);
    app.get('/admin/', sendIndex);
    app.get('/admin/*', async (req, reply) => {
      const rel = (req.params as { '*': string })['*'];
      if (rel.startsWith('api/')) return apiNotFound(reply);
      if (rel.startsWith('assets/')) return reply.code(404).send(errorBody('not_found', msg('request.no_file')));
      return sendIndex(req, reply);
    });
  } else {
    app.get('/admin/*', async (req, reply) => {
      if ((req.params as { '*': string })['*'].startsWith('api/')) return apiNotFound(reply);
      return reply.code(503).type('text/plain; charset=utf-8').send('The newsroom app is not built yet. Run `npm run build:admin` (npm start does it for you).');
    });
    app.get('/admin', async (_req, reply) => reply.redirect('/admin/'));
  }
}
