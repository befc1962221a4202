/**
 * Sitemaps and robots.txt: which files exist, what each lists, and when a stored body may be
 * answered again.
 *
 * - The index lists, per enabled locale, the home/sections file, the news file while there is a
 *   story of the last 48 hours, the tags and authors files when any has a visible story, and one
 *   file per month that has visible stories (split in parts past the URL limit), each month's
 *   lastmod the newest change of its own editions. It is rebuilt when the content version moves
 *   (newest edition change, newest edition, newest audit entry: three index ends) and at least
 *   every minute, so a scheduled story that comes due, or a renamed tag, shows without an edit.
 * - A month file is known by its fingerprint — counts, id sums and newest change of the month's
 *   editions and of their translations, read from indexes. Its ETag is derived from it (a 304
 *   needs no writing), and the written file is kept while the fingerprint holds: an edit or
 *   unpublish anywhere else leaves it alone, one in the month (or of a translation) rebuilds it.
 * - Files are written from keyset batches of rows, never the whole archive; per file at most
 *   50,000 URLs and 50 MB (sitemaps.org), the URL count per month file lowered so that even
 *   the longest possible entries cannot pass 50 MB.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { LOCALE_INFO, LOCALES, type Locale } from '../../i18n/locales.js';
import { dayKey, zonedToInstant } from '../../i18n/dates.js';
import { w3cFormatter } from './w3c-date.js';
import type { SettingsStore, SiteSettings } from '../../site/settings.js';
import type { Sendable } from '../../site/http-cache.js';
import { urls } from '../../site/urls.js';
import type { MonthRow, SitemapsRepository } from './sitemaps.repository.js';
import { newsEntry, sitemapIndex, urlEntry, urlsetOpen, URLSET_CLOSE, worstUrlEntryBytes } from './sitemap-xml.js';
import { parseSitemapName, sitemapPath, type ListKind, type SitemapName } from './sitemap-names.js';

export interface SitemapOptions {
  /** URLs per file (sitemaps.org: 50,000); tests lower it to see a split. */
  maxUrls?: number;
  /** Bytes per file, uncompressed (sitemaps.org: 50 MB). */
  maxFileBytes?: number;
  /** Memory for stored files, all three encodings counted. */
  cacheBytes?: number;
  /** Longest an index or list file is reused without looking again. */
  ttlMs?: number;
  /** Rows read per query while writing a file. */
  batch?: number;
}

/** A file found by name: its ETag and date when known before it is written, and the file. */
export interface SitemapLookup {
  etag?: string;
  lastModified?: number | null;
  file(): Promise<SitemapFile | null>;
}

export interface SitemapFile extends Sendable {
  /** Compressed once, at full levels, when the file is made (fileOf). */
  gzip: Buffer;
  br: Buffer;
  /** Epoch ms of the newest change listed, for Last-Modified; null when unknown. */
  lastModified: number | null;
}

const NEWS_WINDOW_MS = 48 * 3600_000; // Google News: articles of the last two days
const NEWS_MAX = 1000; // Google News: at most 1,000 <url> per news sitemap

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Google News wants ISO 639 (`uz` for both scripts, per its docs); the XSD allows 2–3 letters. */
const newsLanguage = (l: Locale) => LOCALE_INFO[l].tag.split('-')[0]!.toLowerCase();

export class SitemapService {
  private readonly files: LRUCache<string, { fp: string; file: SitemapFile }>;
  private index: { key: string; at: number; file: SitemapFile } | null = null;
  private indexing: { key: string; promise: Promise<SitemapFile> } | null = null;
  private readonly inFlight = new Map<string, Promise<SitemapFile | null>>();
  private readonly maxUrls: number;
  private readonly maxFileBytes: number;
  private readonly ttlMs: number;
  private readonly batch: number;

  constructor(
    private readonly repo: SitemapsRepository,
    private readonly settings: SettingsStore,
    private readonly siteUrl: string,
    private readonly clock: () => number,
    opts: SitemapOptions = {},
  ) {
    this.maxUrls = opts.maxUrls ?? 50_000;
    this.maxFileBytes = opts.maxFileBytes ?? 50 * 1024 * 1024;
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.batch = opts.batch ?? 1000;
    this.files = new LRUCache({
      max: 2000,
      maxSize: opts.cacheBytes ?? 32 * 1024 * 1024,
      sizeCalculation: (e) => Math.max(1, e.file.body.length + e.file.gzip.length + e.file.br.length),
    });
  }

  /** https://www.rfc-editor.org/rfc/rfc9309: the newsroom and previews stay out; search is crawlable (its pages say noindex). */
  robots(): string {
    return ['User-agent: *', 'Disallow: /admin', 'Disallow: /preview/', '', `Sitemap: ${this.siteUrl}/sitemap.xml`, ''].join('\n');
  }

  async sitemapIndex(): Promise<SitemapFile> {
    const s = await this.settings.get();
    const now = this.clock();
    const key = `${await this.repo.contentVersion()}|${settingsKey(s)}`;
    if (this.index && this.index.key === key && now - this.index.at < this.ttlMs && now >= this.index.at) return this.index.file;
    // Crawlers arriving together after a change share one build.
    if (this.indexing?.key !== key) {
      const p = this.buildIndex(s, now).then((file) => {
        this.index = { key, at: now, file };
        return file;
      }).finally(() => {
        if (this.indexing?.promise === p) this.indexing = null;
      });
      this.indexing = { key, promise: p };
    }
    return this.indexing!.promise;
  }

  private async buildIndex(s: SiteSettings, now: number): Promise<SitemapFile> {
    const entries: { loc: string; lastmod?: string }[] = [];
    let newestAll: number | null = null;
    const w3c = w3cFormatter(s.timeZone);
    const add = (n: SitemapName, lastmod: number | null) => entries.push({ loc: this.siteUrl + sitemapPath(n), lastmod: lastmod === null ? undefined : w3c(lastmod) });
    for (const l of enabled(s)) {
      const newest = await this.repo.edgePublished(l, now, 'desc');
      if (newest !== null) newestAll = Math.max(newestAll ?? 0, newest);
      for (const kind of ['section', 'tag', 'author'] as const) {
        const count = await this.listCount(kind, l, now);
        for (let part = 1; part <= Math.ceil(count / this.maxUrls); part++) add({ kind, locale: l, part }, newest);
      }
      if (newest === null) continue;
      if (newest >= now - NEWS_WINDOW_MS) add({ kind: 'news', locale: l }, newest);
      const first = (await this.repo.edgePublished(l, now, 'asc'))!;
      const per = this.perMonthFile(s);
      for (let { year, month } = monthOf(first, s.timeZone), end = monthOf(now, s.timeZone); year < end.year || (year === end.year && month <= end.month); ({ year, month } = nextMonth(year, month))) {
        const [from, to] = monthRange(year, month, s.timeZone);
        const st = await this.repo.monthStats(l, from, to, now);
        if (st.visible === 0) continue;
        const lastmod = Math.min(now, Math.max(st.maxUpdated ?? 0, st.maxPublished ?? 0));
        for (let part = 1; part <= Math.ceil(st.visible / per); part++) add({ kind: 'month', locale: l, year, month, part }, lastmod);
      }
    }
    return compress(sitemapIndex(entries), newestAll);
  }

  /** The file named `/sitemaps/<name>`, or null (404) when there is no such file now. */
  async file(name: string): Promise<SitemapFile | null> {
    return (await this.lookup(name))?.file() ?? null;
  }

  /**
   * What `/sitemaps/<name>` names, or null (404). A month's ETag is known before its file is
   * written (it is derived from the month's fingerprint), so a crawler revalidating an unchanged
   * month gets its 304 without the file being built, even when it is too big to keep.
   */
  async lookup(name: string): Promise<SitemapLookup | null> {
    const n = parseSitemapName(name);
    if (!n) return null;
    const s = await this.settings.get();
    if (!s.enabledLocales.includes(n.locale)) return null;
    const now = this.clock();
    if (n.kind === 'news') return { file: () => this.news(n.locale, s, now) };
    if (n.kind === 'month') return this.month(n, s, now);
    return { file: () => this.list(n.kind, n.locale, n.part, s, now) };
  }

  private async month(n: Extract<SitemapName, { kind: 'month' }>, s: SiteSettings, now: number): Promise<SitemapLookup | null> {
    const [from, to] = monthRange(n.year, n.month, s.timeZone);
    if (from > now) return null;
    const stats = await this.repo.monthStats(n.locale, from, to, now);
    const per = this.perMonthFile(s);
    if (stats.visible === 0 || n.part > Math.ceil(stats.visible / per)) return null;
    const siblings = await this.repo.siblingStats(n.locale, from, to, now);
    const key = `month|${sitemapPath(n)}`;
    const fp = JSON.stringify([stats, siblings, per, settingsKey(s), this.siteUrl]);
    const etag = `"m${sha1(`${key}\n${fp}`)}"`;
    const lastmod = Math.min(now, Math.max(stats.maxUpdated ?? 0, stats.maxPublished ?? 0, siblings.maxUpdated ?? 0));
    return { etag, lastModified: lastmod, file: () => this.cachedBuild(key, fp, () => this.writeMonth(n, from, to, (n.part - 1) * per, per, s, now, lastmod, etag)) };
  }

  private async writeMonth(n: SitemapName, from: number, to: number, offset: number, room: number, s: SiteSettings, now: number, lastmod: number, etag: string): Promise<SitemapFile | null> {
    const out: string[] = [urlsetOpen({ xhtml: true })];
    const locales = enabled(s);
    const w3c = w3cFormatter(s.timeZone);
    let after: MonthRow | null = null;
    let written = 0;
    while (written < room) {
      const want = Math.min(this.batch, room - written);
      const rows: MonthRow[] = await this.repo.monthBatch(n.locale, from, to, now, after, offset, want);
      if (!rows.length) break;
      const editions = await this.repo.visibleEditionsOf([...new Set(rows.map((r) => r.story_id))], now);
      const byStory = new Map<number, Map<string, string>>();
      for (const e of editions) {
        if (!byStory.has(e.story_id)) byStory.set(e.story_id, new Map());
        byStory.get(e.story_id)!.set(e.locale, e.slug);
      }
      for (const r of rows) {
        const slugs = byStory.get(r.story_id) ?? new Map<string, string>();
        slugs.set(n.locale, r.slug);
        out.push(urlEntry(this.siteUrl + urls.article(n.locale, r.slug), w3c(Math.max(r.updated_at, r.published_at)), this.alternates(locales, s.defaultLocale, (l) => (slugs.has(l) ? urls.article(l, slugs.get(l)!) : null))));
      }
      written += rows.length;
      after = rows.at(-1)!;
      if (rows.length < want) break;
    }
    if (written === 0) return null; // the month emptied between the count and the read
    out.push(URLSET_CLOSE);
    return compress(out.join(''), lastmod, etag);
  }

  /**
   * hreflang links for a page that exists in the locales `href` gives a path for: every one
   * (the page itself included, as Google requires) plus x-default — the default locale's, else
   * the first. None when the page exists in one language only, as on the page itself.
   */
  private alternates(locales: Locale[], defaultLocale: Locale, href: (l: Locale) => string | null): [string, string][] {
    const links = locales.flatMap((l) => {
      const h = href(l);
      return h === null ? [] : [[LOCALE_INFO[l].htmlLang, this.siteUrl + h, l] as const];
    });
    if (links.length < 2) return [];
    const xDefault = links.find((x) => x[2] === defaultLocale) ?? links[0]!;
    return [...links.map(([lang, url]) => [lang, url] as [string, string]), ['x-default', xDefault[1]]];
  }

  private async news(l: Locale, s: SiteSettings, now: number): Promise<SitemapFile | null> {
    const rows = await this.repo.news(l, now - NEWS_WINDOW_MS, now, NEWS_MAX);
    if (!rows.length) return null;
    const publication = this.settings.pick(s.siteName, l);
    const w3c = w3cFormatter(s.timeZone);
    let body = urlsetOpen({ news: true });
    for (const r of rows) {
      body += newsEntry(this.siteUrl + urls.article(l, r.slug), { publication, language: newsLanguage(l), date: w3c(r.published_at), title: r.headline });
    }
    body += URLSET_CLOSE;
    // At most 1,000 rows: written every time; the stored copy only saves compressing it again.
    const lastmod = Math.max(...rows.map((r) => Math.max(r.updated_at, r.published_at)));
    return this.cachedBuild(`news|${l}`, sha1(body), () => compress(body, lastmod));
  }

  /** Items of a home/sections, tags or authors file: the pages every locale has come first. */
  private fixedPages(kind: ListKind, l: Locale, s: SiteSettings): [string, [string, string][]][] {
    if (kind !== 'section') return [];
    const locales = enabled(s);
    return [urls.home, (x: Locale) => urls.news(x)].map((make) => [this.siteUrl + make(l), this.alternates(locales, s.defaultLocale, make)]);
  }

  private async listCount(kind: ListKind, l: Locale, now: number): Promise<number> {
    const s = await this.settings.get();
    return this.fixedPages(kind, l, s).length + (await this.repo.taxonomyCount(kind, l, now));
  }

  private async list(kind: ListKind, l: Locale, part: number, s: SiteSettings, now: number): Promise<SitemapFile | null> {
    // Lists change with taxonomy edits no version sees (a renamed tag): reused for the TTL at most.
    const fp = `${await this.repo.contentVersion()}|${settingsKey(s)}|${Math.floor(now / this.ttlMs)}`;
    return this.cachedBuild(`list|${kind}|${l}|${part}`, fp, async () => {
      const newest = await this.repo.edgePublished(l, now, 'desc');
      const lastmod = newest === null ? undefined : w3cFormatter(s.timeZone)(newest);
      const out: string[] = [urlsetOpen({ xhtml: kind === 'section' })];
      let skip = (part - 1) * this.maxUrls;
      let room = this.maxUrls;
      for (const [loc, alts] of this.fixedPages(kind, l, s)) {
        if (skip > 0) skip--;
        else if (room > 0) {
          out.push(urlEntry(loc, lastmod, alts));
          room--;
        }
      }
      let afterId = 0;
      if (skip > 0) {
        const id = await this.repo.taxonomyIdAt(kind, l, now, skip - 1);
        if (id === null) return null;
        afterId = id;
      }
      const make = { section: urls.section, tag: urls.tag, author: urls.author }[kind];
      while (room > 0) {
        const want = Math.min(this.batch, room);
        const rows = await this.repo.taxonomyBatch(kind, l, now, afterId, want);
        for (const r of rows) out.push(urlEntry(this.siteUrl + make(l, r.slug)));
        room -= rows.length;
        if (rows.length < want) break;
        afterId = rows.at(-1)!.id;
      }
      if (out.length === 1) return null;
      out.push(URLSET_CLOSE);
      return compress(out.join(''), newest);
    });
  }

  /**
   * The stored file when its fingerprint still matches, else one build shared by concurrent
   * requests and stored (the LRU is bounded by bytes; a file larger than the budget is served
   * but not kept).
   */
  private async cachedBuild(key: string, fp: string, build: () => Promise<SitemapFile | null>): Promise<SitemapFile | null> {
    const hit = this.files.get(key);
    if (hit && hit.fp === fp) return hit.file;
    const flightKey = `${key}\n${fp}`;
    let p = this.inFlight.get(flightKey);
    if (!p) {
      p = build().then((file) => {
        if (file) this.files.set(key, { fp, file });
        else this.files.delete(key);
        return file;
      }).finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, p);
    }
    return p;
  }

  /**
   * URLs per month file: 50,000, or fewer when the longest possible entries (200-character
   * slugs, a link per enabled locale plus x-default) could pass the byte limit.
   */
  private perMonthFile(s: SiteSettings): number {
    return Math.max(1, Math.min(this.maxUrls, Math.floor((this.maxFileBytes - 200) / worstUrlEntryBytes(this.siteUrl, enabled(s).length))));
  }
}

/** Enabled locales in the fixed LOCALES order, so files do not depend on the settings' order. */
function enabled(s: SiteSettings): Locale[] {
  return LOCALES.filter((l) => s.enabledLocales.includes(l));
}

/** Everything in the settings that shows in a sitemap. */
function settingsKey(s: SiteSettings): string {
  return JSON.stringify([enabled(s), s.defaultLocale, s.timeZone, s.siteName]);
}

function monthOf(t: number, timeZone: string): { year: number; month: number } {
  const [y, m] = dayKey(new Date(t), timeZone).split('-');
  return { year: Number(y), month: Number(m) };
}

function nextMonth(year: number, month: number): { year: number; month: number } {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** [start, end) of a calendar month in the site's time zone, as epoch ms. */
export function monthRange(year: number, month: number, timeZone: string): [number, number] {
  const next = nextMonth(year, month);
  return [zonedToInstant(year, month, 1, 0, 0, timeZone).getTime(), zonedToInstant(next.year, next.month, 1, 0, 0, timeZone).getTime()];
}

function sha1(s: string | Buffer): string {
  return crypto.createHash('sha1').update(s).digest('base64url').slice(0, 20);
}

/** Body, gzip and brotli (off the event loop: a month file can be megabytes) and the ETag. */
async function compress(xml: string, lastModified: number | null, etag?: string): Promise<SitemapFile> {
  const body = Buffer.from(xml, 'utf8');
  const [gz, br] = await Promise.all([
    gzip(body, { level: 6 }),
    brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  return { status: 200, body, gzip: gz, br, etag: etag ?? `"${sha1(body)}"`, contentType: 'application/xml; charset=utf-8', lastModified };
}
