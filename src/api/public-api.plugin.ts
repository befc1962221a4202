/**
 * The public read API under /api, in its own encapsulated scope: CORS open for reading, the
 * OpenAPI document generated from the routes' zod schemas (/api/openapi.json) and its HTML
 * rendering (/api/docs), short public caching with ETag/304, JSON 404s for unknown paths.
 * Nothing here signs in or writes; the newsroom API (/admin/api) and the wire are separate scopes.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fastifyCors from '@fastify/cors';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Container } from '../container.js';
import { errorBody } from '../http/error-handler.js';
import { msg } from '../i18n/api-messages.js';
import { PublicApiRepository } from './public-api.repository.js';
import { PublicApiService } from './public-api.service.js';
import { publicApiRoutes } from './public-api.routes.js';
import { renderDocsPage, type OpenApiDoc } from './docs-page.js';

export const API_PREFIX = '/api';
/** Lists and stories: a client or CDN may reuse them this long; an unpublish shows within it. */
const DATA_MAX_AGE = 30;
const DOCS_MAX_AGE = 300;

export async function publicApiPlugin(app: FastifyInstance, c: Container): Promise<void> {
  const service = new PublicApiService(new PublicApiRepository(c.db.kysely), c.publicStories, c.taxonomy, c.settings, c.clock);

  await app.register(
    async (api) => {
      // Reading is open to any origin: no cookies or credentials are involved, so `*` is safe.
      await api.register(fastifyCors, { origin: '*', methods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86_400, strictPreflight: false });
      await api.register(fastifySwagger, {
        openapi: {
          openapi: '3.0.3',
          info: {
            title: 'Xabar public read API',
            version: '1',
            description: 'Read-only JSON for apps and other front ends: visible stories, sections, tags and authors, in each of the site’s languages. See docs/public-api.md.',
          },
          servers: [{ url: c.config.siteUrl + API_PREFIX }],
        },
        transform: jsonSchemaTransform,
        // Paths in the document are relative to the server URL above (/v1/stories, not /api/v1/stories).
        transformObject: (d) => stripPrefix((d as { openapiObject: OpenApiDoc }).openapiObject) as never,
      });

      api.addHook('onSend', async (req, reply, payload) => {
        if (reply.hasHeader('cache-control')) return payload;
        if (reply.statusCode !== 200 || (req.method !== 'GET' && req.method !== 'HEAD')) {
          reply.header('cache-control', 'no-cache');
          return payload;
        }
        reply.header('cache-control', `public, max-age=${DATA_MAX_AGE}`);
        if (typeof payload !== 'string') return payload;
        // A hash of the body: cheap next to building it, and equal bodies give equal tags on every node.
        const etag = `"${crypto.createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
        reply.header('etag', etag);
        if (matches(req.headers['if-none-match'], etag)) {
          reply.code(304);
          return '';
        }
        return payload;
      });

      publicApiRoutes(api, service);

      let doc: OpenApiDoc | null = null;
      let docsHtml: string | null = null;
      api.get('/openapi.json', { schema: { hide: true } }, async (_req, reply) => {
        doc ??= api.swagger() as unknown as OpenApiDoc;
        return reply.header('cache-control', `public, max-age=${DOCS_MAX_AGE}`).send(doc);
      });
      api.get('/docs', { schema: { hide: true } }, async (_req, reply) => {
        doc ??= api.swagger() as unknown as OpenApiDoc;
        docsHtml ??= renderDocsPage(doc);
        return reply.header('cache-control', `public, max-age=${DOCS_MAX_AGE}`).type('text/html; charset=utf-8').send(docsHtml);
      });
      // A person who types /api gets the documentation.
      api.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect(`${API_PREFIX}/docs`));
      // Unknown /api paths answer in JSON. A wildcard rather than a not-found handler: the site's
      // `/:locale/…` routes would otherwise take `/api/news` for a locale called "api".
      api.get('/*', { schema: { hide: true } }, async (_req, reply) => reply.code(404).send(errorBody('not_found', msg('request.no_endpoint'))));
    },
    { prefix: API_PREFIX },
  );
}

function stripPrefix(doc: OpenApiDoc): OpenApiDoc {
  const paths = Object.fromEntries(Object.entries(doc.paths).map(([p, v]) => [p.startsWith(API_PREFIX + '/') ? p.slice(API_PREFIX.length) : p, v]));
  return { ...doc, paths };
}

/** If-None-Match against one strong tag: a list of tags or `*` (RFC 9110 §13.1.2, weak comparison). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
