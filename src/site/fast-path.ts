/**
 * Answers cached public pages before Fastify sees the request: a plain `http` handler in front of
 * the app (app.ts `serverFactory`) looks the URL's canonical key up in the page cache and writes
 * the stored, pre-compressed body straight to the socket — no routing, hooks, validation or reply
 * object. Anything it is not sure about (a miss, an unknown query parameter, a method other than
 * GET/HEAD, a page without public headers) goes to Fastify, which serves it as before; so a
 * mistake here can only cost speed, never answer a URL the app would not.
 *
 * What the slow path does on a hit, this does too: the same headers (the negotiated encoding, its
 * own ETag, Vary, the page's cache-control and CDN keys, the public security headers), 304 on a
 * matching If-None-Match, and a view counted for article GETs by the same ViewCounter rules.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasBadCharacter } from '../http/edge.js';
import { bodyFor, chooseEncoding, encodingTag, ifNoneMatch } from './http-cache.js';
import type { CachedPage, PageCache } from './page-cache.js';

export interface FastPathDeps {
  cache: PageCache;
  /** Counts an article view (null: views are counted elsewhere, e.g. by the CDN beacon). */
  recordView: ((editionId: number, req: IncomingMessage) => void) | null;
  /** The security headers every public page carries (app.ts securityHeaders). */
  securityHeaders: Readonly<Record<string, string>>;
  /** False while the app is closing: Fastify then answers (503 and connection: close). */
  open: () => boolean;
  /**
   * Told just before a page is written (access log, metrics: src/ops/http-observe.ts); returns the
   * request id, sent as `X-Request-Id`.
   */
  observe?: (req: IncomingMessage, status: number, bytes: number, startedMs: number) => string;
}

/** Query parameters that never change a page: links from newsletters, ads and social networks. */
const TRACKING = /^(utm_\w+|fbclid|gclid|yclid|dclid|msclkid|_openstat|from|ref)$/;
const PAGE = /^[1-9]\d{0,5}$/;
/** A list cursor as urls.ts positionQuery writes it (no leading zeros): other spellings go to the app. */
const CURSOR = /^(0|[1-9]\d{0,14})-[1-9]\d{0,11}$/;

/**
 * The page-cache key of a request URL, as site.routes.tsx forms it: the path, plus `?page=N` when
 * N > 1, or `?before=…` / `?after=…` (a list's cursor); tracking parameters dropped. Null when the
 * query holds anything else, or two positions (the app decides, and answers 400 for those).
 */
export function fastKey(url: string): string | null {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const path = url.slice(0, q);
  let position: string | null = null;
  for (const [k, v] of new URLSearchParams(url.slice(q + 1))) {
    if (hasBadCharacter(k) || hasBadCharacter(v)) return null;
    if (k === 'page' || k === 'before' || k === 'after') {
      if (position !== null || !(k === 'page' ? PAGE : CURSOR).test(v)) return null;
      position = k === 'page' && v === '1' ? '' : `?${k}=${v}`;
    } else if (!TRACKING.test(k)) return null;
  }
  return path + (position ?? '');
}

type Encoding = 'br' | 'gzip' | null;

/**
 * A page's response headers per encoding, as flat `[name, value, …]` lists built once per cached
 * page (pages are immutable). Handed whole to `writeHead`: a `setHeader` before it would switch
 * Node to its slow merge path, which validates every header again on each request.
 */
interface Built {
  ok: (string | number)[];
  notModified: (string | number)[];
  etag: string;
  length: number;
}

const built = new WeakMap<CachedPage, Partial<Record<'br' | 'gzip' | 'identity', Built>>>();

function headersFor(page: CachedPage, enc: Encoding, security: Readonly<Record<string, string>>): Built {
  let perPage = built.get(page);
  if (!perPage) built.set(page, (perPage = {}));
  const slot = enc ?? 'identity';
  let b = perPage[slot];
  if (!b) {
    const etag = encodingTag(page.etag, enc, page.weakEncodings);
    const h: Record<string, string | number> = { 'content-type': page.contentType, vary: 'Accept-Encoding', ...page.headers, etag };
    if (enc) h['content-encoding'] = enc;
    const length = bodyOf(page, enc).length;
    h['content-length'] = length;
    for (const [k, v] of Object.entries(security)) if (!(k in h)) h[k] = v;
    // As the app's 304: the representation's validators and caching headers, no body headers.
    const { 'content-length': _len, 'content-encoding': _enc, ...rest } = h;
    b = { ok: Object.entries(h).flat(), notModified: Object.entries(rest).flat(), etag, length };
    perPage[slot] = b;
  }
  return b;
}

function bodyOf(page: CachedPage, enc: Encoding): Buffer {
  // A page stored a moment ago may not have this encoding yet (its background pass is running).
  return bodyFor(page, enc);
}

/** A request handler that returns true when it answered the request itself. */
export function createFastPath(deps: FastPathDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const started = deps.observe ? performance.now() : 0;
    const method = req.method;
    if ((method !== 'GET' && method !== 'HEAD') || !req.url || !deps.open()) return false;
    const key = fastKey(req.url);
    if (key === null) return false;
    const page = deps.cache.get(key);
    if (!page || !page.headers || page.status !== 200) return false;
    if (method === 'GET' && page.editionId !== undefined) deps.recordView?.(page.editionId, req);
    const enc = chooseEncoding(req.headers['accept-encoding']);
    const b = headersFor(page, enc, deps.securityHeaders);
    const inm = req.headers['if-none-match'];
    const notModified = inm !== undefined && ifNoneMatch(inm, b.etag);
    const status = notModified ? 304 : 200;
    const head = notModified ? b.notModified : b.ok;
    const id = deps.observe?.(req, status, notModified || method === 'HEAD' ? 0 : b.length, started);
    res.writeHead(status, id === undefined ? head : [...head, 'x-request-id', id]);
    if (notModified || method === 'HEAD') res.end();
    else res.end(bodyOf(page, enc));
    return true;
  };
}
