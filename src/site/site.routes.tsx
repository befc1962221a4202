/**
 * Public site routes: validate the URL → load (SiteService) → render (views) → send through the
 * page cache. Article GETs count a view before the cache is consulted, so cached pages are
 * counted too.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LOCALE_INFO, localeFromPrefix, type Locale } from '../i18n/locales.js';
import { messages } from '../i18n/messages/index.js';
import type { SearchService } from '../search/search.service.js';
import { CANDIDATES } from '../search/search.service.js';
import { SearchForm } from './views/search.js';
import { dayStart, searchHref, searchParams } from './search-params.js';
import type { ViewCounter } from '../analytics/view-counter.js';
import { isValidSlug } from '../content/slug.js';
import type { LimitName } from '../http/rate-limit.js';
import type { AssetStore } from './assets.js';
import { sendCompressed } from './http-cache.js';
import { PageCache, type CachedPage } from './page-cache.js';
import { MAX_NUMBERED_PAGE, type Card, type Chrome, type FeedPage, type ListPosition, type SiteService } from './site.service.js';
import type { ListFilter } from '../content/editions.repository.js';
import { positionQuery, urls } from './urls.js';
import { articleLd, breadcrumbLd, itemListLd, metaDescription, modifiedIso, organizationLd, publisherOf, webSiteLd, type Crumb } from './structured-data.js';
import { negotiateLocale } from '../i18n/negotiate.js';
import { Layout, type Head } from './views/layout.js';
import { ArticleView } from './views/article.js';
import { ErrorView, HomeView, ListView, StaticPageView, type HomeModel } from './views/pages.js';
import type { PublicPreviewPages } from '../newsroom/preview-links.routes.js';
import { feedLinks } from '../distribution/feeds/feed-links.js';
import { ViewBeacon } from './views/beacon.js';
import { ArchiveNav } from './views/archive.js';
import { archiveDay, formatDay, todayKey } from './archive.js';
import { iconRoutes } from './icons.routes.js';

export interface SiteDeps {
  site: SiteService;
  search: SearchService;
  cache: PageCache | null;
  views: ViewCounter;
  assets: AssetStore;
  siteUrl: string;
  /** A CDN in front (config.cdn): shared-cache headers, and views counted by the beacon instead. */
  cdn?: { sMaxAge: number; staleWhileRevalidate: number } | null;
  /** Where an imported site's old address leads now (src/import/redirects.ts); asked only before a 404. */
  oldUrls?: (url: string) => Promise<string | null>;
}

/** Seconds a rendered page is reused. Articles are short so the view count shown stays fresh. */
const TTL = { article: 3_000, list: 30_000, home: 10_000, error: 30_000 };

class BadPageParam extends Error {}
class BadCursorParam extends Error {}

const CURSOR = /^(\d{1,15})-([1-9]\d{0,11})$/;

/** `?page=N`, `?before=<published ms>-<id>` or `?after=…` — one of them, well formed, or a 400. */
function parsePosition(query: unknown): ListPosition {
  const q = (query as Record<string, unknown> | undefined) ?? {};
  const cursor = (['before', 'after'] as const).filter((k) => q[k] !== undefined);
  if (cursor.length === 0) return { page: parsePage(query) };
  if (cursor.length > 1 || q.page !== undefined) throw new BadCursorParam();
  const raw = q[cursor[0]!];
  const m = typeof raw === 'string' ? CURSOR.exec(raw) : null;
  if (!m) throw new BadCursorParam();
  const key = { publishedAt: Number(m[1]), id: Number(m[2]) };
  return cursor[0] === 'before' ? { before: key } : { after: key };
}

function parsePage(query: unknown): number {
  const raw = (query as Record<string, unknown> | undefined)?.page;
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) throw new BadPageParam();
  return Number(raw);
}

/**
 * Where a public address written with a trailing slash (`/ru/news/`, `/ru/section/politics/`,
 * `<article>/`) lives: the same path without it, query kept (the home page alone ends in `/`).
 * Only GET/HEAD under a locale prefix; null otherwise. The fast path (fast-path.ts) never has such
 * a key cached, so it passes these requests on to the onRequest hook that asks this.
 */
export function trailingSlashTarget(method: string, url: string): string | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  // Printable ASCII only (a Location header cannot carry anything else; clients percent-encode).
  if (!/^\/[^/]+\/.*[^/]\/+$/.test(path) || path.includes('//') || !/^[\x21-\x7e]*$/.test(url)) return null;
  if (!localeFromPrefix(path.split('/')[1]!)) return null;
  return path.replace(/\/+$/, '') + (q === -1 ? '' : url.slice(q));
}

/** The home page's stories in the order its main column shows them (its ItemList). */
const homeItems = (m: HomeModel): Card[] => [...(m.main ? [m.main] : []), ...m.top, ...m.sections.flatMap((s) => s.cards)];

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<PublicPreviewPages & { badRequestPage(req: FastifyRequest, reply: FastifyReply): Promise<unknown> }> {
  const { site, search, cache, views, assets, siteUrl } = deps;
  const cdn = deps.cdn ?? null;
  /**
   * Headers of a public page besides the negotiated ones. Behind a CDN the shared cache keeps the
   * page for s-maxage and may serve it stale while it revalidates; browsers always revalidate.
   * Surrogate-Key (Fastly, Varnish) and Cache-Tag (Cloudflare, Bunny) carry the purge tags.
   */
  const publicHeaders = (tags: string[]): Record<string, string> =>
    cdn
      ? { 'cache-control': `public, max-age=0, s-maxage=${cdn.sMaxAge}, stale-while-revalidate=${cdn.staleWhileRevalidate}`, ...(tags.length ? { 'surrogate-key': tags.join(' '), 'cache-tag': tags.join(',') } : {}) }
      : { 'cache-control': 'public, max-age=0, must-revalidate' };
  // Behind a CDN most readers never reach us: the page's beacon counts them instead (/v/<id>.gif).
  const countView = (req: FastifyRequest, editionId: number) => {
    if (req.method === 'GET' && !cdn) views.record(editionId, req.ip, req.headers['user-agent'], req.headers);
  };

  const html = (chrome: Chrome, head: Head, body: ReactElement, active?: string): string =>
    // Every page names its locale's feeds; list pages add their own section's, tag's or author's first.
    '<!doctype html>' + renderToStaticMarkup(<Layout chrome={chrome} head={{ ...head, feeds: [...(head.feeds ?? []), ...feedLinks(chrome.locale, chrome.siteName)] }} assets={assets} siteUrl={siteUrl} active={active}>{body}</Layout>);

  // Both read only the settings, which are cached in memory: no query on the hot path.
  async function locale(req: FastifyRequest): Promise<Locale | null> {
    const l = localeFromPrefix((req.params as { locale: string }).locale);
    if (!l) return null;
    return (await site.settings()).enabledLocales.includes(l) ? l : null;
  }

  async function defaultLocale(): Promise<Locale> {
    return (await site.settings()).defaultLocale;
  }

  async function errorPage(req: FastifyRequest, reply: FastifyReply, status: 404 | 400, l?: Locale | null, message?: string) {
    // An address of the site this one replaced (an import's old permalinks): a permanent redirect.
    if (status === 404 && deps.oldUrls && (req.method === 'GET' || req.method === 'HEAD')) {
      const to = await deps.oldUrls(req.url);
      if (to) return reply.header('cache-control', 'public, max-age=86400').redirect(to, 301);
    }
    const loc = l ?? (await guessLocale(req)) ?? (await defaultLocale());
    const t = messages(loc);
    const chrome = await site.chrome(loc);
    const page = PageCache.build(html(chrome, { title: status === 404 ? t.notFoundTitle : t.badRequestTitle, noindex: true }, <ErrorView locale={loc} status={status} message={message} />), status, 0, []);
    return sendCompressed(req, reply, page, 'no-store');
  }

  /**
   * Counts a render against the rate limit `name` (http/rate-limit.ts; registered before these
   * routes); over the limit it answers the localized 429 page and returns true. Called only where
   * a page would be rendered: a cache hit is never limited.
   */
  async function limited(req: FastifyRequest, reply: FastifyReply, name: LimitName, l: Locale): Promise<boolean> {
    const wait = await app.rateLimits.take(name, req);
    if (wait === null) return false;
    const t = messages(l);
    const page = PageCache.build(html(await site.chrome(l), { title: t.tooManyTitle, noindex: true }, <ErrorView locale={l} status={429} message={t.tooManyText(wait)} />), 429, 0, []);
    await sendCompressed(req, reply.header('retry-after', String(wait)), page, 'no-store');
    return true;
  }

  async function guessLocale(req: FastifyRequest): Promise<Locale | null> {
    const first = req.url.split('?')[0]!.split('/')[1] ?? '';
    return localeFromPrefix(first);
  }

  /**
   * Serves from the cache or renders, stores and serves. `key` is the page's canonical path, so
   * tracking parameters (?utm_source=…) neither miss the cache nor fill it with copies.
   */
  async function cached(req: FastifyRequest, reply: FastifyReply, key: string, ttl: number, tags: string[], render: () => Promise<{ status: number; html: string } | null>, l: Locale, editionId?: number, limit?: LimitName) {
    const build = async (): Promise<CachedPage | null> => {
      const out = await render();
      return out ? { ...PageCache.build(out.html, out.status, ttl, tags, site.now.bind(site)), editionId, headers: publicHeaders(tags) } : null;
    };
    // A cache hit is never rate-limited: only a request that would render counts.
    const hit = cache?.get(key);
    if (!hit && limit && (await limited(req, reply, limit, l))) return reply;
    // Concurrent misses for one key share one render (PageCache.fetch).
    const page = hit ?? (cache ? await cache.fetch(key, build) : await build());
    if (!page) return errorPage(req, reply, 404, l);
    return sendPublic(req, reply, page);
  }

  function sendPublic(req: FastifyRequest, reply: FastifyReply, page: CachedPage) {
    const headers = page.headers ?? publicHeaders(page.tags);
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    return sendCompressed(req, reply, page, headers['cache-control']!);
  }

  // Before any route: `/ru/news/` would otherwise reach `/:locale/news/:slug` with an empty slug.
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.length < 4 || !req.url.includes('/?') && !req.url.endsWith('/')) return;
    const to = trailingSlashTarget(req.method, req.url);
    if (!to) return;
    // An imported site's permalinks end in a slash (WordPress's `/%postname%/`): one hop to the
    // story, not two (slash removed, then the old address looked up).
    const old = deps.oldUrls ? await deps.oldUrls(req.url) : null;
    return reply.redirect(old ?? to, 301);
  });

  // The root picks a language from Accept-Language among the enabled ones; without the header
  // (crawlers) it is always the default language. No cookie: the same request gets the same answer.
  app.get('/', async (req, reply) => {
    // WordPress's own short links (`/?p=123`, `/?page_id=2`) of an imported site.
    const q = req.query as Record<string, unknown>;
    if (deps.oldUrls && (q.p !== undefined || q.page_id !== undefined || q.cat !== undefined || q.tag !== undefined || q.author !== undefined)) {
      const to = await deps.oldUrls(req.url);
      if (to) return reply.header('cache-control', 'public, max-age=86400').redirect(to, 301);
    }
    const settings = await site.settings();
    const chosen = negotiateLocale(req.headers['accept-language'], settings.enabledLocales, settings.defaultLocale);
    return reply.header('vary', 'Accept-Language').header('cache-control', 'public, max-age=300').redirect(urls.home(chosen), 302);
  });

  // Hashed assets, root icons and the per-language web manifests (icons.routes.ts).
  iconRoutes(app, assets, () => site.settings());

  app.get('/:locale', async (req, reply) => {
    const l = await locale(req);
    if (!l) return errorPage(req, reply, 404);
    return reply.redirect(urls.home(l), 301);
  });

  app.get('/:locale/', async (req, reply) => {
    const l = await locale(req);
    if (!l) return errorPage(req, reply, 404);
    return cached(req, reply, urls.home(l), TTL.home, [`home:${l}`], async () => {
      const [chrome, m] = await Promise.all([site.chrome(l), site.home(l)]);
      const t = messages(l);
      const alternates = await site.alternates(null, urls.home);
      const publisher = publisherOf(chrome, siteUrl, assets.logo);
      // Each language's home has a title of its own: the agency's name and its tagline (a
      // setting per language, else the catalogue's).
      const tagline = chrome.settings.tagline[l] || t.homeTagline;
      const title = `${chrome.siteName} — ${tagline}`;
      return {
        status: 200,
        html: html(chrome, { title, fullTitle: true, description: t.homeDescription(chrome.siteName), canonical: urls.home(l), alternates, jsonLd: [webSiteLd(publisher), organizationLd(publisher), itemListLd(homeItems(m), siteUrl)] }, <HomeView locale={l} m={m} siteName={chrome.siteName} />, 'home'),
      };
    }, l);
  });

  app.get('/:locale/news/:slug', async (req, reply) => {
    const l = await locale(req);
    const { slug } = req.params as { slug: string };
    if (!l || !isValidSlug(slug)) return errorPage(req, reply, 404, l);
    // A cached page knows its edition, so a hit counts the view without touching the database.
    const hit = cache?.get(urls.article(l, slug));
    if (hit?.editionId !== undefined) {
      countView(req, hit.editionId);
      return sendPublic(req, reply, hit);
    }
    const row = await site.articleRow(l, slug);
    if (!row) {
      const target = await site.redirectTarget(l, slug);
      if (target) return reply.redirect(urls.article(l, target), 301);
      return errorPage(req, reply, 404, l);
    }
    const editionId = row.id;
    countView(req, editionId);
    return cached(req, reply, urls.article(l, slug), TTL.article, [`edition:${editionId}`], async () => {
      const [chrome, a, feed, mostRead] = await Promise.all([site.chrome(l), site.article(l, slug, row), site.latest(l, 12), site.mostRead(l)]);
      if (!a) return null;
      const alternates = await site.articleAlternates(a.card.storyId);
      const image = a.card.image;
      const trail = [{ name: messages(l).home, path: urls.home(l) }, ...(a.card.section ? [{ name: a.card.section.name, path: a.card.section.href }] : []), { name: a.card.headline, path: a.card.href }];
      return {
        status: 200,
        html: html(
          chrome,
          {
            title: a.seoTitle,
            description: a.seoDescription,
            canonical: a.card.href,
            alternates,
            ogType: 'article',
            // The JPEG (1,200 px wide when the original allows): every link-preview scraper reads JPEG.
            ogImage: image ? { src: image.src, width: image.width, height: image.height, alt: image.alt || image.caption } : undefined,
            article: {
              publishedIso: a.card.publishedIso,
              modifiedIso: modifiedIso(a.card.publishedIso, a.updatedIso),
              section: a.card.section?.name,
              tags: a.tags.map((t) => t.name),
              authors: a.authors.map((au) => siteUrl + au.href),
            },
            jsonLd: [articleLd(a, publisherOf(chrome, siteUrl, assets.logo)), breadcrumbLd(trail, siteUrl)],
          },
          <>
            <ArticleView a={a} locale={l} feed={feed} mostRead={mostRead} siteUrl={siteUrl} />
            {cdn ? <ViewBeacon editionId={editionId} /> : null}
          </>,
          a.card.section ? `section:${a.card.section.href.split('/').pop()}` : undefined,
        ),
      };
    }, l, editionId);
  });

  // Static pages (src/pages/): about the agency, contacts, editorial policy, advertising.
  app.get('/:locale/page/:slug', async (req, reply) => {
    const l = await locale(req);
    const { slug } = req.params as { slug: string };
    const pages = site.pages;
    if (!l || !isValidSlug(slug) || !pages) return errorPage(req, reply, 404, l);
    return cached(req, reply, urls.page(l, slug), TTL.list, [`page:${l}`, `list:${l}`], async () => {
      const p = await pages.bySlug(l, slug);
      if (!p || p.status !== 'published') return null;
      const group = p.group_id ?? p.id;
      const translations = (await pages.translations(group)).filter((x) => x.status === 'published');
      const bySlug = new Map(translations.map((x) => [x.locale, x.slug]));
      const alternates = await site.alternates([...bySlug.keys()], (x) => urls.page(x, bySlug.get(x)!));
      const chrome = await site.chrome(l);
      return { status: 200, html: html(chrome, { title: p.title, canonical: urls.page(l, slug), alternates }, <StaticPageView title={p.title} bodyHtml={p.body_html} />) };
    }, l);
  });

  type ListKind = 'news' | 'section' | 'tag' | 'author';
  /** What a list is: its title, filter and links; null when its section, tag or author is unknown. */
  async function describeList(kind: ListKind, l: Locale, slug: string) {
    const t = messages(l);
    if (kind === 'news') {
      return { title: t.newsFeed, intro: undefined, photo: null, filter: {} as ListFilter, active: 'news' as string | undefined, alternates: await site.alternates(null, (x) => urls.news(x)), jsonLd: undefined as object[] | undefined, trail: [] as Crumb[], describe: (name: string) => t.newsFeedDescription(name) };
    }
    if (kind === 'section') {
      const s = await site.section(l, slug);
      if (!s) return null;
      const trail = [{ name: t.home, path: urls.home(l) }, { name: s.name, path: urls.section(l, slug) }];
      const jsonLd = [breadcrumbLd(trail, siteUrl)];
      return { title: s.name, intro: s.description || undefined, photo: null, filter: { sectionId: s.id }, active: `section:${slug}`, alternates: await site.taxonomyAlternates('section', s.id), jsonLd, trail, describe: (name: string) => metaDescription(s.description) || t.sectionDescription(s.name, name) };
    }
    if (kind === 'tag') {
      const tag = await site.tag(l, slug);
      if (!tag) return null;
      return { title: t.tagTitle(tag.name), intro: undefined, photo: null, filter: { tagId: tag.id }, active: undefined, alternates: await site.taxonomyAlternates('tag', tag.id), jsonLd: undefined, trail: [], describe: (name: string) => t.tagDescription(tag.name, name) };
    }
    const a = await site.author(l, slug);
    if (!a) return null;
    return { title: t.authorTitle(a.name), intro: a.bio || undefined, photo: await site.photo(a.photo_media_id, l), filter: { authorId: a.id }, active: undefined, alternates: await site.taxonomyAlternates('author', a.id), jsonLd: undefined, trail: [], describe: (name: string) => metaDescription(a.bio) || t.authorDescription(a.name, name) };
  }

  const listRoute = (kind: ListKind) => async (req: FastifyRequest, reply: FastifyReply) => {
    const l = await locale(req);
    if (!l) return errorPage(req, reply, 404);
    let pos: ListPosition;
    try {
      pos = parsePosition(req.query);
    } catch (err) {
      return errorPage(req, reply, 400, l, err instanceof BadCursorParam ? messages(l).badListCursor : messages(l).badPage);
    }
    const slug = (req.params as { slug?: string }).slug ?? '';
    if (kind !== 'news' && !isValidSlug(slug)) return errorPage(req, reply, 404, l);
    const base = { news: () => urls.news(l), section: () => urls.section(l, slug), tag: () => urls.tag(l, slug), author: () => urls.author(l, slug) }[kind]();
    const href = (p: ListPosition) => base + positionQuery(p);
    let ready: { d: NonNullable<Awaited<ReturnType<typeof describeList>>>; result: FeedPage } | undefined;
    if (('page' in pos && pos.page > MAX_NUMBERED_PAGE) || 'after' in pos) {
      // Addresses that may lead elsewhere are answered before the cache: an old deep `?page=N`
      // moves to its cursor (301), a newer-cursor that reaches the top of the list to page 1.
      const d = await describeList(kind, l, slug);
      if (!d) return errorPage(req, reply, 404, l);
      if ('page' in pos) {
        const to = await site.legacyPageCursor(l, d.filter, pos.page);
        return to ? reply.redirect(href(to), 301) : errorPage(req, reply, 404, l);
      }
      const result = await site.listPage(l, d.filter, pos);
      if (!result) return errorPage(req, reply, 404, l);
      if ('redirect' in result) return reply.redirect(href(result.redirect), 302);
      ready = { d, result };
    }
    return cached(req, reply, href(pos), TTL.list, [`list:${l}`], async () => {
      const t = messages(l);
      const d = ready?.d ?? (await describeList(kind, l, slug));
      if (!d) return null;
      const result = ready?.result ?? (await site.listPage(l, d.filter, pos));
      if (!result || 'redirect' in result) return null; // past the end
      const [chrome, mostRead] = await Promise.all([site.chrome(l), site.mostRead(l)]);
      const first = 'page' in pos && pos.page === 1;
      // Every page has a title of its own: its number, or (past the numbered pages) its first story's date.
      const suffix = result.page !== null ? (result.page > 1 ? t.pageN(result.page) : '') : t.storiesUntil(result.items[0]!.published);
      const described = d.describe(chrome.siteName);
      const head: Head = {
        title: suffix ? `${d.title} — ${suffix}` : d.title,
        // Every list page has a description: the section's own or the author's bio, else a sentence
        // of the catalogue; later pages say which page they are.
        description: suffix ? `${described} ${suffix}.` : described,
        canonical: href(pos),
        // Alternates point at first pages: page N in one language is not page N in another.
        alternates: first ? d.alternates : undefined,
        switcher: d.alternates,
        feeds: kind === 'news' ? undefined : feedLinks(l, d.title, { kind, slug }),
        prevHref: result.newer ? href(result.newer) : undefined,
        nextHref: result.older ? href(result.older) : undefined,
        jsonLd: [...(d.jsonLd ?? []), itemListLd(result.items, siteUrl)],
      };
      return { status: 200, html: html(chrome, head, <ListView locale={l} title={d.title} intro={d.intro} photo={d.photo} page={result} positionHref={href} mostRead={mostRead} trail={d.trail} />, d.active) };
    }, l);
  };
  app.get('/:locale/news', listRoute('news'));
  /**
   * Sections and tags have an address per locale (content/taxonomy-slugs.ts). An older address —
   * the shared slug every language used before, the other Uzbek script's, a renamed section's, a
   * renamed or merged tag's — answers 301 to the current one, query kept. Looked up only when no page is cached
   * under the address, so a cached page costs no query.
   */
  const taxonomyRoute = (kind: 'section' | 'tag') => {
    const list = listRoute(kind);
    const make = kind === 'section' ? urls.section : urls.tag;
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const l = await locale(req);
      const { slug } = req.params as { slug: string };
      if (l && isValidSlug(slug) && !cache?.get(make(l, slug, 1))) {
        const found = kind === 'section' ? await site.section(l, slug) : await site.tag(l, slug);
        let target = found && found.slug !== slug ? found.slug : undefined;
        if (!found) {
          const moved = kind === 'tag' ? await site.tagRedirect(slug) : await site.sectionRedirect(slug);
          target = moved ? (await (kind === 'tag' ? site.tag(l, moved) : site.section(l, moved)))?.slug : undefined;
        }
        const q = req.url.indexOf('?');
        if (target) return reply.redirect(make(l, target) + (q === -1 ? '' : req.url.slice(q)), 301);
      }
      return list(req, reply);
    };
  };
  app.get('/:locale/section/:slug', taxonomyRoute('section'));
  app.get('/:locale/tag/:slug', taxonomyRoute('tag'));
  app.get('/:locale/author/:slug', listRoute('author'));

  // The date archive (archive.ts). Its bare address leads to today, which changes: 302.
  app.get('/:locale/archive', async (req, reply) => {
    const l = await locale(req);
    if (!l) return errorPage(req, reply, 404);
    const { timeZone } = await site.settings();
    return reply.header('cache-control', 'public, max-age=60').redirect(urls.archive(l, todayKey(site.now(), timeZone)), 302);
  });

  app.get('/:locale/archive/:y/:m/:d', async (req, reply) => {
    const l = await locale(req);
    if (!l) return errorPage(req, reply, 404);
    const t = messages(l);
    const { y, m, d } = req.params as { y: string; m: string; d: string };
    const settings = await site.settings();
    const day = archiveDay(y, m, d, settings.timeZone);
    if (!day) return errorPage(req, reply, 404, l, t['archive.badDate'](`/${LOCALE_INFO[l].prefix}/archive/YYYY/MM/DD`));
    let pos: ListPosition;
    try {
      pos = parsePosition(req.query);
    } catch (err) {
      return errorPage(req, reply, 400, l, err instanceof BadCursorParam ? t.badListCursor : t.badPage);
    }
    const base = urls.archive(l, day.key);
    const href = (p: ListPosition) => base + positionQuery(p);
    const filter: ListFilter = { from: day.start, to: day.end };
    if ('page' in pos && pos.page > MAX_NUMBERED_PAGE) {
      const to = await site.legacyPageCursor(l, filter, pos.page);
      return to ? reply.redirect(href(to), 301) : errorPage(req, reply, 404, l);
    }
    if ('after' in pos) {
      const r = await site.listPage(l, filter, pos);
      if (r && 'redirect' in r) return reply.redirect(href(r.redirect), 302);
    }
    return cached(req, reply, href(pos), TTL.list, [`list:${l}`], async () => {
      const frame = await site.archive(l, day);
      if (!frame) return null; // before the first story, or after today
      const result = await site.listPage(l, filter, pos);
      // An empty day is a page (the calendar still leads on), but only its first page exists.
      const empty = !result || 'redirect' in result;
      if (empty && !('page' in pos && pos.page === 1)) return null;
      const page: FeedPage = empty ? { items: [], page: 1, newer: null, older: null } : (result as FeedPage);
      const [chrome, mostRead] = await Promise.all([site.chrome(l), site.mostRead(l)]);
      const dayText = formatDay(day, l, settings.timeZone);
      const title = t.archiveTitle(dayText);
      const suffix = page.page !== null ? (page.page > 1 ? t.pageN(page.page) : '') : t.storiesUntil(page.items[0]!.published);
      const trail = [{ name: t.home, path: urls.home(l) }, { name: t.archive, path: base }];
      const head: Head = {
        title: suffix ? `${title} — ${suffix}` : title,
        description: t.archiveDescription(dayText, chrome.siteName) + (suffix ? ` ${suffix}.` : ''),
        canonical: href(pos),
        alternates: 'page' in pos && pos.page === 1 ? await site.alternates(null, (x) => urls.archive(x, day.key)) : undefined,
        switcher: await site.alternates(null, (x) => urls.archive(x, day.key)),
        // A day with nothing on it is no page for search engines.
        noindex: page.items.length === 0,
        prevHref: page.newer ? href(page.newer) : undefined,
        nextHref: page.older ? href(page.older) : undefined,
        jsonLd: [breadcrumbLd(trail, siteUrl), itemListLd(page.items, siteUrl)],
      };
      return {
        status: 200,
        html: html(chrome, head, <ListView locale={l} title={title} page={page} positionHref={href} mostRead={mostRead} headerExtra={<ArchiveNav locale={l} day={day.key} c={frame.calendar} />} emptyText={t['archive.empty']} />),
      };
    }, l);
  });

  app.get('/:locale/search', async (req, reply) => {
    const l = await locale(req);
    if (!l) return errorPage(req, reply, 404);
    const params = searchParams(req.query);
    let page: number;
    try {
      page = parsePage(req.query);
    } catch {
      return errorPage(req, reply, 400, l, messages(l).badPage);
    }
    if (await limited(req, reply, 'search', l)) return reply; // never cached: every search is a query
    const t = messages(l);
    const chrome = await site.chrome(l);
    // Filters are checked here; a bad one is said on the page (400), the form kept as typed.
    const section = params.section ? chrome.sections.find((x) => x.slug === params.section) : undefined;
    const from = params.from ? dayStart(params.from, chrome.settings.timeZone) : undefined;
    const to = params.to ? dayStart(params.to, chrome.settings.timeZone, 1) : undefined;
    const problem = params.section && !section ? t['search.badSection'] : from === null || to === null ? t['search.badDate'] : undefined;
    const q = params.q;
    const result = problem || !q ? null : await search.search({ locale: l, q, page, now: site.now(), sectionId: section?.id, from: from ?? undefined, to: to ?? undefined });
    const [cards, mostRead] = await Promise.all([site.cardsByIds(l, result?.hits.map((h) => h.id) ?? []), site.mostRead(l)]);
    const shown = q.length > 200 ? `${q.slice(0, 200)}…` : q;
    const title = !q || !result ? t.search : result.capped ? t['search.more'](shown, CANDIDATES) : t.searchResults(shown, result.total);
    const notice = problem ?? (result?.mode === 'none' ? t['search.noWords'] : result?.mode === 'or' && result.total > 0 ? t['search.orFallback'] : undefined);
    const href = (p: number) => searchHref(l, params, p);
    const form = <SearchForm locale={l} m={{ ...params, sections: chrome.sections.map((x) => ({ slug: x.slug, name: x.name })) }} />;
    const list = result ? { items: cards, page: result.page, pages: result.pages, total: result.total } : { items: [], page: 1, pages: 1, total: 0 };
    const snippets = new Map(result?.hits.map((h) => [h.id, h.snippet]) ?? []);
    const body = html(chrome, { title, description: t.searchDescription(chrome.siteName), noindex: true }, <ListView locale={l} title={title} page={list} pageHref={href} mostRead={mostRead} query={q} searchForm={form} notice={notice} snippets={snippets} />);
    const out = PageCache.build(body, problem ? 400 : 200, 0, []);
    return sendCompressed(req, reply, out, 'no-store');
  });

  app.setNotFoundHandler(async (req, reply) => errorPage(req, reply, 404));

  return {
    badRequestPage: async (req: FastifyRequest, reply: FastifyReply) => errorPage(req, reply, 400, null, messages((await guessLocale(req)) ?? (await defaultLocale())).badInput),
    // A shared preview (preview-links.routes.ts) says whether readers can see the story yet.
    async renderPreview(editionId, opts) {
      const p = await site.preview(editionId);
      if (!p) return null;
      const [chrome, feed, mostRead] = await Promise.all([site.chrome(p.locale), site.latest(p.locale, 12), site.mostRead(p.locale)]);
      const t = messages(p.locale);
      const banner = opts?.shared && !p.visible ? t['share.notPublished'] : t.previewLabel;
      return html(chrome, { title: `${t.previewLabel}: ${p.model.seoTitle || '—'}`, noindex: true, nofollow: opts?.shared }, <><p className="preview-banner" role="status">{banner}</p><ArticleView a={p.model} locale={p.locale} feed={feed} mostRead={mostRead} siteUrl={siteUrl} /></>);
    },
    notFoundPage: (req, reply) => errorPage(req, reply, 404),
    limitedPage: async (req, reply, name) => limited(req, reply, name, await defaultLocale()),
  };
}
