/**
 * Feed URLs (src/site/urls.ts: `urls.feed`, `urls.yandexFeed`): validate the address and
 * `?limit` → serve from the page cache or render (rate-limited) → send with ETag and
 * Last-Modified. Bodies are tagged `list:<locale>`, so the purge that follows every publish,
 * update, correction and unpublish (container.ts) drops them with the locale's lists.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sharp from 'sharp';
import type { Container } from '../../container.js';
import { isValidSlug } from '../../content/slug.js';
import { localeFromPrefix, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { chooseEncoding, encodingTag, sendCompressed } from '../../site/http-cache.js';
import { PageCache, type CachedPage } from '../../site/page-cache.js';
import { urls, type FeedFormat, type FeedScope } from '../../site/urls.js';
import { FeedsRepository } from './feeds.repository.js';
import { FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT, FeedService } from './feeds.service.js';
import { jsonFeed } from './json-feed.js';
import { atom, rss, yandex } from './xml-feeds.js';

/** How long a rendered feed is reused unless a purge drops it first (as the site's lists). */
const FEED_TTL_MS = 30_000;

const CONTENT_TYPE: Record<FeedFormat | 'yandex', string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  yandex: 'application/rss+xml; charset=utf-8',
};

/** A cached feed also remembers when it was built, for Last-Modified / If-Modified-Since. */
type FeedPage = CachedPage & { lastModified: number };

/** `?limit=1..100`; absent → the default; anything else (0, 101, abc, repeated) → null (400). */
export function parseLimit(query: unknown): number | null {
  const raw = (query as Record<string, unknown> | undefined)?.limit;
  if (raw === undefined) return FEED_DEFAULT_LIMIT;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,2}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= FEED_MAX_LIMIT ? n : null;
}

export async function feedRoutes(app: FastifyInstance, c: Container): Promise<FeedService> {
  const cache = c.pageCache;
  const logo = await feedLogo(app, c);
  const feeds = new FeedService(new FeedsRepository(c.db.kysely), c.taxonomy, c.publicStories, c.settings, {
    siteUrl: c.config.siteUrl,
    logoPath: logo,
    iconPath: c.assets.favicon,
    // XABAR_WEBSUB_HUB is added to the config by the WebSub work; read optionally until then.
    hub: c.config.websubHub,
    clock: c.clock,
  });

  const text = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send(body);

  /** Serves one feed address: `render` returns the body, or null when the scope does not exist. */
  async function serve(req: FastifyRequest, reply: FastifyReply, kind: FeedFormat | 'yandex', scope: FeedScope, allowed: (l: Locale) => boolean, render: (l: Locale, limit: number) => Promise<string | null>) {
    const { locale: l, settings } = await feeds.enabled(localeFromPrefix((req.params as { locale: string }).locale));
    const t = messages(l ?? settings.defaultLocale);
    if (!l || !allowed(l) || (scope && !isValidSlug(scope.slug))) return text(reply, 404, t.notFoundTitle);
    const limit = parseLimit(req.query);
    if (limit === null) return text(reply, 400, t.feedBadLimit('limit', FEED_MAX_LIMIT));
    const path = kind === 'yandex' ? urls.yandexFeed(l) : urls.feed(l, kind, scope);
    // The canonical path is the key: tracking parameters neither miss the cache nor fill it with copies.
    const key = limit === FEED_DEFAULT_LIMIT ? path : `${path}?limit=${limit}`;
    const hit = cache?.get(key);
    if (!hit) {
      // Only a request that would render counts against the limit (http/rate-limit.ts).
      const wait = await app.rateLimits.take('feeds', req);
      if (wait !== null) return text(reply.header('retry-after', String(wait)), 429, t.tooManyText(wait));
    }
    const build = async (): Promise<FeedPage | null> => {
      const body = await render(l, limit);
      if (body === null) return null;
      const now = feeds.now();
      return { ...PageCache.build(body, 200, FEED_TTL_MS, [`list:${l}`], () => now, CONTENT_TYPE[kind]), lastModified: Math.floor(now / 1000) * 1000 };
    };
    const page = (hit ?? (cache ? await cache.fetch(key, build) : await build())) as FeedPage | null;
    if (!page) {
      // A merged or renamed tag keeps its feed addresses as 301s, as its page does.
      if (scope?.kind === 'tag' && kind !== 'yandex') {
        const target = await c.taxonomy.tagRedirect(scope.slug);
        if (target) return reply.redirect(urls.feed(l, kind, { kind: 'tag', slug: target }) + (limit === FEED_DEFAULT_LIMIT ? '' : `?limit=${limit}`), 301);
      }
      return text(reply, 404, t.notFoundTitle);
    }
    return send(req, reply, page);
  }

  for (const format of ['rss', 'atom', 'json'] as const) {
    const file = urls.feed('ru', format).split('/').pop()!;
    app.get(`/:locale/${file}`, (req, reply) => serve(req, reply, format, null, () => true, async (l, limit) => build(format, await feeds.channel(l, null, limit))));
    for (const kind of ['section', 'tag', 'author'] as const) {
      app.get(`/:locale/${kind}/:slug/${file}`, (req, reply) => {
        const scope = { kind, slug: (req.params as { slug: string }).slug };
        return serve(req, reply, format, scope, () => true, async (l, limit) => build(format, await feeds.channel(l, scope, limit)));
      });
    }
  }
  // Yandex News takes Russian sources only: the full-text feed exists for the ru locale alone.
  const yandexFile = urls.yandexFeed('ru').split('/').pop()!;
  app.get(`/:locale/${yandexFile}`, (req, reply) =>
    serve(req, reply, 'yandex', null, (l) => l === 'ru', async (l, limit) => {
      const ch = await feeds.channel(l, null, limit);
      return ch && yandex(ch, c.config.siteUrl + urls.yandexFeed(l));
    }),
  );
  return feeds;
}

function build(format: FeedFormat, ch: Awaited<ReturnType<FeedService['channel']>>): string | null {
  if (!ch) return null;
  return format === 'rss' ? rss(ch) : format === 'atom' ? atom(ch) : jsonFeed(ch);
}

/**
 * Sends a feed: ETag (per encoding, http-cache.ts) and Last-Modified, 304 on a match. The
 * If-Modified-Since date is consulted only without If-None-Match (RFC 9110 §13.1.3).
 */
function send(req: FastifyRequest, reply: FastifyReply, page: FeedPage): FastifyReply {
  const cacheControl = 'public, max-age=0, must-revalidate';
  reply.header('last-modified', new Date(page.lastModified).toUTCString());
  const since = req.headers['if-modified-since'];
  if (!req.headers['if-none-match'] && since) {
    const at = Date.parse(since);
    if (Number.isFinite(at) && page.lastModified <= at) {
      const encoding = chooseEncoding(req.headers['accept-encoding']);
      return reply.code(304).header('etag', encodingTag(page.etag, encoding, page.weakEncodings)).header('vary', 'Accept-Encoding').header('cache-control', cacheControl).send();
    }
  }
  return sendCompressed(req, reply, page, cacheControl);
}

/**
 * The channel image as PNG (RSS 2.0 allows GIF, JPEG or PNG, at most 144 px wide), drawn once
 * from the site's SVG logo and served under a content-hashed name. If the SVG cannot be drawn,
 * feeds point at the SVG itself.
 */
async function feedLogo(app: FastifyInstance, c: Container): Promise<string> {
  const svg = c.assets.byUrl.get(c.assets.logo)?.body;
  if (!svg) return c.assets.logo;
  try {
    const png = await sharp(svg).resize({ width: 144, withoutEnlargement: false }).png().toBuffer();
    const url = `/assets/feed-logo.${crypto.createHash('sha256').update(png).digest('hex').slice(0, 10)}.png`;
    app.get(url, async (_req, reply) => reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=31536000, immutable').send(png));
    return url;
  } catch (err) {
    c.log.warn({ err }, 'could not draw the feed logo from the SVG; feeds name the SVG logo');
    return c.assets.logo;
  }
}
