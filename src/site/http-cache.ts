/**
 * Sends a pre-rendered page or asset: conditional GET by ETag (304), content negotiation between
 * brotli, gzip and identity, and the Vary header that keeps shared caches honest.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Sendable {
  status: number;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  contentType: string;
}

export function sendCompressed(req: FastifyRequest, reply: FastifyReply, page: Sendable, cacheControl: string): FastifyReply {
  reply.header('content-type', page.contentType);
  reply.header('vary', 'Accept-Encoding');
  reply.header('cache-control', cacheControl);
  reply.header('etag', page.etag);
  if (page.status === 200 && ifNoneMatch(req.headers['if-none-match'], page.etag)) {
    return reply.code(304).send();
  }
  const accept = String(req.headers['accept-encoding'] ?? '');
  reply.code(page.status);
  if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(page.br);
  if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.body);
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
}
