/**
 * /robots.txt, /sitemap.xml and /sitemaps/<file>.xml (names in sitemap-names.ts). Static paths,
 * so they never meet the site's `/:locale/...` routes; a name that is not a sitemap we have is
 * the site's ordinary 404, never a 500. Revalidated on every fetch (ETag per encoding, 304):
 * an edit or unpublish shows at the crawler's next visit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Container } from '../../container.js';
import { chooseEncoding, encodingTag, sendCompressed } from '../../site/http-cache.js';
import { SitemapsRepository } from './sitemaps.repository.js';
import { SitemapService, type SitemapFile, type SitemapOptions } from './sitemaps.service.js';

const REVALIDATE = 'public, max-age=0, must-revalidate';

export function sitemapRoutes(app: FastifyInstance, c: Pick<Container, 'db' | 'settings' | 'config' | 'clock'>, opts: SitemapOptions = {}): SitemapService {
  const service = new SitemapService(new SitemapsRepository(c.db.kysely), c.settings, c.config.siteUrl, c.clock, opts);

  const send = (req: FastifyRequest, reply: FastifyReply, file: SitemapFile) => {
    if (file.lastModified !== null) reply.header('last-modified', new Date(file.lastModified).toUTCString());
    return sendCompressed(req, reply, file, REVALIDATE);
  };

  app.get('/robots.txt', async (_req, reply) =>
    reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(service.robots()),
  );

  app.get('/sitemap.xml', async (req, reply) => send(req, reply, await service.sitemapIndex()));

  app.get('/sitemaps/:file', async (req, reply) => {
    const found = await service.lookup((req.params as { file: string }).file);
    if (!found) return reply.callNotFound();
    // An unchanged month revalidates without being written: its ETag comes from its data.
    if (found.etag && revalidates(req, found.etag)) {
      if (found.lastModified) reply.header('last-modified', new Date(found.lastModified).toUTCString());
      return reply.code(304).header('etag', encodingTag(found.etag, encodingOf(req))).header('vary', 'Accept-Encoding').header('cache-control', REVALIDATE).send();
    }
    const file = await found.file();
    if (!file) return reply.callNotFound();
    return send(req, reply, file);
  });

  return service;
}

/** The encoding sendCompressed (site/http-cache.ts) will choose for this request. */
function encodingOf(req: FastifyRequest): 'br' | 'gzip' | null {
  return chooseEncoding(req.headers['accept-encoding']);
}

/** If-None-Match names the tag of the representation this request would get (RFC 9110 §13.1.2). */
function revalidates(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const tag = encodingTag(etag, encodingOf(req));
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === tag || t.trim() === '*');
}
