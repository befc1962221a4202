/**
 * Preview links: the newsroom API that makes, lists and revokes them (/admin/api, signed in), and
 * the public page that serves one (/preview/:token, no sign-in).
 *
 * The public page is never cached anywhere: `Cache-Control: no-store`, no page-cache entry, and
 * `X-Robots-Tag: noindex, nofollow` plus the robots meta on every answer, the 404 included.
 * `Referrer-Policy: no-referrer` keeps the token out of the Referer header when the reader follows
 * a link in the story. Every request counts against the `api` rate limit before the token is
 * looked up, which also bounds guessing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../accounts/auth.js';
import { apiRoute } from '../http/route.js';
import { idParam, key, parse } from '../http/validate.js';
import type { LimitName } from '../http/rate-limit.js';
import type { PreviewLinksService } from './preview-links.service.js';

const actor = (req: FastifyRequest) => requireUser(req).user;
const NewLink = z.object({ expiry: z.enum(['1h', '24h', '7d'], { message: key('preview.expiry_choice') }) });

export function previewLinksRoutes(app: FastifyInstance, links: PreviewLinksService): void {
  apiRoute(app, {
    method: 'POST', url: '/editions/:id/preview-links', tag: 'stories', summary: 'Make a shareable preview link (editors; the token is shown only in this answer)', body: NewLink,
    handler: async (req, reply) => reply.code(201).send(await links.create(actor(req), idParam(req.params), parse(NewLink, req.body).expiry)),
  });
  apiRoute(app, {
    method: 'GET', url: '/editions/:id/preview-links', tag: 'stories', summary: 'Active preview links of an edition (editors)',
    handler: async (req) => ({ items: await links.list(actor(req), idParam(req.params)) }),
  });
  apiRoute(app, {
    method: 'DELETE', url: '/editions/:id/preview-links/:linkId', tag: 'stories', summary: 'Revoke a preview link (editors)',
    handler: async (req, reply) => {
      await links.revoke(actor(req), idParam(req.params), idParam(req.params, 'linkId'));
      return reply.code(204).send();
    },
  });
}

export interface PublicPreviewPages {
  renderPreview(editionId: number, opts?: { shared?: boolean }): Promise<string | null>;
  notFoundPage(req: FastifyRequest, reply: FastifyReply): Promise<unknown>;
  /** Answers the localized 429 page and returns true when the named limit is exceeded. */
  limitedPage(req: FastifyRequest, reply: FastifyReply, name: LimitName): Promise<boolean>;
}

export function publicPreviewRoute(app: FastifyInstance, links: PreviewLinksService, pages: PublicPreviewPages): void {
  app.get('/preview/:token', async (req, reply) => {
    reply.header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
    if (await pages.limitedPage(req, reply, 'api')) return reply;
    const editionId = await links.resolve((req.params as { token: string }).token);
    const html = editionId === null ? null : await pages.renderPreview(editionId, { shared: true });
    if (html === null) return pages.notFoundPage(req, reply);
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  });
}
