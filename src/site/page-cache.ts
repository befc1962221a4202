/**
 * Rendered public pages kept in memory with their ETags and pre-compressed bodies, so a hit costs
 * a lookup and no rendering or compression. Entries expire after their TTL; `purge` drops entries
 * by tag (e.g. `edition:12`, `home:ru`, `list:ru`) when content changes.
 *
 * Bounded by bytes, not entries: a page's size is its identity, gzip and brotli bodies together,
 * and the least recently used pages go first when the budget (XABAR_PAGE_CACHE_MB) is reached.
 * Concurrent misses for one key share one render (`fetch`), so a burst of readers on a story that
 * just expired costs one render, not one per reader.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';

import { bodyFor, type Sendable } from './http-cache.js';

export interface CachedPage extends Sendable {
  expires: number;
  tags: string[];
  /** For article pages: the edition shown, so a cache hit can count a view without a query. */
  editionId?: number;
  /**
   * Set on public pages (site.routes.tsx `cached()`): the headers they are sent with besides the
   * negotiated ones (cache-control, CDN surrogate keys). Only such pages are answered by the fast
   * path in front of Fastify (fast-path.ts); feeds and the like keep their own routes.
   */
  headers?: Readonly<Record<string, string>>;
  /** The compressed bodies are absent or quick ones; `set` replaces them by smaller ones in the background. */
  quick?: boolean;
}

export interface PageCacheOptions {
  /** Budget for all stored bodies together. */
  maxBytes: number;
  /** A ceiling on entries too, so many tiny pages cannot grow the key overhead without end. */
  maxEntries?: number;
  clock?: () => number;
}

/** Renders in flight at once, at most; beyond this a miss renders on its own (never unbounded). */
const MAX_IN_FLIGHT = 1000;
/** Background recompressions at once, at most (each holds one page's body until it is done). */
const MAX_RECOMPRESSING = 64;
/** Compression levels of the stored copy (the response that rendered a page used http-cache.ts's QUICK). */
const FULL = { gzip: 6, br: 5 };
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export class PageCache {
  private readonly lru: LRUCache<string, CachedPage>;
  private readonly clock: () => number;
  private readonly inFlight = new Map<string, Promise<CachedPage | null>>();
  /** Bumped by every purge: a render that started before it must not be stored after it. */
  private generation = 0;
  /** While set, no page lives longer than this (Redis is down: purges from other nodes are missed). */
  private ttlCapMs: number | null = null;
  /** Lookups that found a fresh page, and fetches that had to render: read by /metrics (src/ops/metrics.ts). */
  hits = 0;
  misses = 0;
  private readonly recompressing = new Set<Promise<void>>();

  constructor(opts: PageCacheOptions) {
    this.clock = opts.clock ?? Date.now;
    this.lru = new LRUCache<string, CachedPage>({
      max: opts.maxEntries ?? 10_000,
      maxSize: opts.maxBytes,
      sizeCalculation: (p) => Math.max(1, p.body.length + (p.gzip?.length ?? 0) + (p.br?.length ?? 0)),
    });
  }

  get(key: string): CachedPage | undefined {
    const e = this.lru.get(key);
    if (!e) return undefined;
    if (e.expires <= this.clock()) {
      this.lru.delete(key);
      return undefined;
    }
    this.hits++;
    return e;
  }

  /**
   * A page ready to send. No compressed body is made here: the response that rendered the page
   * compresses the one encoding it sends, at the quickest level (http-cache.ts `bodyFor`; making
   * both cost a cold article ~0.3 ms more, bench/cold-render.ts); `set` then compresses a stored
   * page at the full levels in the background (zlib's thread pool) and swaps the smaller bodies
   * in. The two versions of an encoding carry the same weak ETag (RFC 9110 §8.8.1: same content,
   * not the same bytes), so revalidation works across the swap.
   */
  static build(html: string, status: number, ttlMs: number, tags: string[], clock: () => number = Date.now, contentType = 'text/html; charset=utf-8'): CachedPage {
    const body = Buffer.from(html, 'utf8');
    return {
      status,
      body,
      // One tag per body; http-cache.ts adds -br/-gz to it for the compressed ones.
      etag: `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      weakEncodings: true,
      quick: true,
      contentType,
      expires: clock() + ttlMs,
      tags,
    };
  }

  set(key: string, page: CachedPage): void {
    if (this.ttlCapMs !== null) page = { ...page, expires: Math.min(page.expires, this.clock() + this.ttlCapMs) };
    const background = page.quick === true && this.recompressing.size < MAX_RECOMPRESSING;
    // No background pass will come (MAX_RECOMPRESSING run already): the quick bodies are made now,
    // so the budget counts them. With a pass coming, a body a response adds meanwhile is counted
    // when the pass stores its bodies (a few milliseconds later).
    if (page.quick && !background) {
      bodyFor(page, 'gzip');
      bodyFor(page, 'br');
    }
    // A page larger than the whole budget is simply not kept (lru-cache refuses it).
    this.lru.set(key, page);
    if (background) this.recompress(key, page);
  }

  /**
   * Compresses a page at the full levels off the main thread and stores the result in its place,
   * unless the entry changed meanwhile (purged, replaced, expired). At most MAX_RECOMPRESSING run
   * at once: past that a page keeps its quick bodies for its short life.
   */
  private recompress(key: string, page: CachedPage): void {
    const job = Promise.all([gzip(page.body, { level: FULL.gzip }), brotli(page.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: FULL.br, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: page.body.length } })])
      .then(([gz, br]) => {
        if (this.lru.peek(key) !== page) return;
        // Pages are immutable once stored (the fast path keeps headers per page object): a new one.
        this.lru.set(key, { ...page, gzip: gz, br, quick: false });
      })
      .catch(() => undefined) // the quick bodies stay: correct, only larger
      .finally(() => this.recompressing.delete(job));
    this.recompressing.add(job);
  }

  /** Resolves when every background recompression started so far has finished (for tests). */
  async settled(): Promise<void> {
    while (this.recompressing.size > 0) await Promise.all([...this.recompressing]);
  }

  /**
   * The cached page, or the result of `render` shared by every caller that missed the same key
   * meanwhile. Only 200 pages are stored; a purge during the render keeps its result out.
   */
  async fetch(key: string, render: () => Promise<CachedPage | null>): Promise<CachedPage | null> {
    const hit = this.get(key);
    if (hit) return hit;
    this.misses++;
    const running = this.inFlight.get(key);
    if (running) return running;
    if (this.inFlight.size >= MAX_IN_FLIGHT) return render();
    const started = this.generation;
    const p = render()
      .then((page) => {
        if (page && page.status === 200 && started === this.generation) this.set(key, page);
        return page;
      })
      .finally(() => {
        if (this.inFlight.get(key) === p) this.inFlight.delete(key);
      });
    this.inFlight.set(key, p);
    return p;
  }

  /** Drops every entry carrying any of the tags; returns how many. */
  purge(tags: string[]): number {
    this.generation++;
    this.inFlight.clear(); // later misses render afresh instead of joining a stale render
    const wanted = new Set(tags);
    // Collected first: deleting while iterating the LRU list would skip entries.
    const gone = [...this.lru.entries()].filter(([, e]) => e.tags.some((t) => wanted.has(t))).map(([k]) => k);
    for (const k of gone) this.lru.delete(k);
    return gone.length;
  }

  clear(): void {
    this.generation++;
    this.inFlight.clear();
    this.lru.clear();
  }

  /**
   * Caps every page's lifetime (null lifts the cap). Used while the purge bus is down, so a node
   * that cannot hear other nodes' purges serves stale pages for a second or two at most.
   */
  capTtl(ms: number | null): void {
    this.ttlCapMs = ms;
    if (ms === null) return;
    const limit = this.clock() + ms;
    const long = [...this.lru.entries()].filter(([, e]) => e.expires > limit);
    for (const [k, e] of long) this.lru.set(k, { ...e, expires: limit });
  }

  get size(): number {
    return this.lru.size;
  }

  /** Bytes of all stored bodies. */
  get bytes(): number {
    return this.lru.calculatedSize;
  }
}
