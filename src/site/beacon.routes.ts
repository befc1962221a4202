/**
 * `/v/<editionId>.gif`: the view beacon behind a CDN (views/beacon.tsx). GET from the <noscript>
 * pixel, POST from navigator.sendBeacon; both count the view by the ViewCounter's rules (bots,
 * once per visitor per 30 minutes, at most ten per address) for a published edition, and answer a
 * 1×1 GIF that no cache may keep, so every page view reaches us. `r` (the page's own
 * referrer; this request's Referer is the article itself) is reduced to a category and a host
 * when the view counts (src/analytics/reader-facts.ts) and never stored as sent.
 */
import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { ViewCounter } from '../analytics/view-counter.js';
import type { SiteService } from './site.service.js';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function beaconRoutes(app: FastifyInstance, site: SiteService, views: ViewCounter): void {
  // Which ids are published, remembered briefly so a beacon costs no query while a story is read.
  const visible = new LRUCache<number, boolean>({ max: 10_000, ttl: 60_000 });
  const handler = async (req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    const m = /^([1-9]\d{0,9})\.gif$/.exec((req.params as { file: string }).file);
    reply.header('cache-control', 'no-store');
    if (!m) return reply.code(404).type('image/gif').send(GIF);
    const id = Number(m[1]);
    let ok = visible.get(id);
    if (ok === undefined) {
      ok = await site.isVisibleEdition(id);
      visible.set(id, ok);
    }
    if (ok) {
      const r = (req.query as { r?: unknown }).r;
      // Without `r` (the <noscript> pixel) the origin is unknown: counted as direct, not internal.
      views.record(id, req.ip, req.headers['user-agent'], { referer: typeof r === 'string' ? r.slice(0, 2000) : undefined, dnt: req.headers.dnt, 'sec-gpc': req.headers['sec-gpc'] });
    }
    return reply.code(ok ? 200 : 404).type('image/gif').send(GIF);
  };
  app.get('/v/:file', handler);
  app.post('/v/:file', handler);
}
