/**
 * Rendered public pages kept in memory with their ETag and pre-compressed bodies, so a hit costs
 * a map lookup and no rendering or compression. Entries expire after their TTL; `purge` drops
 * entries by tag (e.g. `story:12`, `section:3`, `home:ru`) when content changes. Size is bounded:
 * the least recently used entries are dropped first.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';

import type { Sendable } from './http-cache.js';

export interface CachedPage extends Sendable {
  expires: number;
  tags: string[];
  /** For article pages: the edition shown, so a cache hit can count a view without a query. */
  editionId?: number;
}

export class PageCache {
  private entries = new Map<string, CachedPage>();
  constructor(
    private readonly maxEntries = 2000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): CachedPage | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert to mark as recently used (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  static build(html: string, status: number, ttlMs: number, tags: string[], clock: () => number = Date.now, contentType = 'text/html; charset=utf-8'): CachedPage {
    const body = Buffer.from(html, 'utf8');
    return {
      status,
      body,
      gzip: zlib.gzipSync(body, { level: 6 }),
      br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      etag: `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      contentType,
      expires: clock() + ttlMs,
      tags,
    };
  }

  set(key: string, page: CachedPage): void {
    this.entries.delete(key);
    this.entries.set(key, page);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Drops every entry carrying any of the tags; returns how many. */
  purge(tags: string[]): number {
    const wanted = new Set(tags);
    let n = 0;
    for (const [k, e] of this.entries) {
      if (e.tags.some((t) => wanted.has(t))) {
        this.entries.delete(k);
        n++;
      }
    }
    return n;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
