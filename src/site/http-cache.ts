/**
 * Sends a pre-rendered page or asset: conditional GET by ETag (304), content negotiation between
 * brotli, gzip and identity, and the Vary header that keeps shared caches honest.
 */
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Sendable {
  status: number;
  body: Buffer;
  /**
   * The compressed bodies. A rendered page (PageCache.build) has neither at first: `bodyFor`
   * makes the one a response asks for, at the quick level, and keeps it on the page — a render
   * costs one compression, not two (docs/decisions/0012-quick-compression-weak-etags.md).
   */
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
  contentType: string;
  /**
   * The compressed bodies may be replaced by other bytes of the same content (page-cache.ts
   * recompresses quick bodies in the background): their ETags are weak. Identity stays strong.
   */
  weakEncodings?: boolean;
}

export function sendCompressed(req: FastifyRequest, reply: FastifyReply, page: Sendable, cacheControl: string): FastifyReply {
  reply.header('content-type', page.contentType);
  reply.header('vary', 'Accept-Encoding');
  reply.header('cache-control', cacheControl);
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  // Each encoding is its own representation with its own strong ETag (RFC 9110 §8.8.3): one tag
  // for all three would let a cache revalidate gzip bytes against a brotli response.
  const etag = encodingTag(page.etag, encoding, page.weakEncodings);
  reply.header('etag', etag);
  if (page.status === 200 && ifNoneMatch(req.headers['if-none-match'], etag)) {
    return reply.code(304).send();
  }
  reply.code(page.status);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(bodyFor(page, encoding));
}

/** Compression levels of a body made on the request path: the quickest (page-cache.ts recompresses stored pages). */
export const QUICK = { gzip: 1, br: 1 };

/**
 * The body in this encoding: the stored one, or — the first time a page without it is sent so —
 * compressed now at the quick level and kept on the page, so every later response (and the fast
 * path's content-length) sends the same bytes. Only ever adds a missing body; never replaces one.
 */
export function bodyFor(page: Sendable, encoding: 'br' | 'gzip' | null): Buffer {
  if (encoding === 'br') return (page.br ??= zlib.brotliCompressSync(page.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: QUICK.br, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: page.body.length } }));
  if (encoding === 'gzip') return (page.gzip ??= zlib.gzipSync(page.body, { level: QUICK.gzip }));
  return page.body;
}

/** br over gzip over identity, by a plain token match (q-values are not weighed). */
let lastAccept = '';
let lastChoice: 'br' | 'gzip' | null = null;

/**
 * The body to send for an Accept-Encoding header (RFC 9110 §12.5.3): brotli when acceptable, else
 * gzip, else identity. A coding listed with `q=0` is refused, and `*` stands for any coding not
 * named. Browsers send the same header on every request: the last answer is kept.
 */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): 'br' | 'gzip' | null {
  const accept = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  if (accept === lastAccept) return lastChoice;
  const q = new Map<string, number>();
  for (const part of accept.slice(0, 1000).split(',')) {
    const [name = '', ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    const qp = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const value = qp === undefined ? 1 : Number(qp.slice(2));
    q.set(coding, Number.isFinite(value) ? value : 0);
  }
  const ok = (coding: string) => (q.get(coding) ?? (coding === 'identity' ? 1 : (q.get('*') ?? 0))) > 0;
  const choice = ok('br') ? 'br' : ok('gzip') || ok('x-gzip') ? 'gzip' : null;
  lastAccept = accept;
  lastChoice = choice;
  return choice;
}

/** `"abc"` → `"abc-br"` / `"abc-gz"` (`W/"abc-br"` when weak); identity keeps the plain tag. */
export function encodingTag(etag: string, encoding: 'br' | 'gzip' | null, weak = false): string {
  if (!encoding) return etag;
  return `${weak ? 'W/' : ''}${etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored on both sides. */
export function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const mine = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === mine || t.trim() === '*');
}
