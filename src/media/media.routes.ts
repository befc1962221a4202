/**
 * Public `/media/*`: the node streams the file from whichever store holds it (local folder or
 * S3). Streaming rather than redirecting to the bucket keeps one origin: page URLs are the same on
 * every backend, the bucket stays private, and the site's CSP (`img-src 'self'`) needs no
 * exception. Keys are content-addressed, so responses are cacheable for a year and immutable.
 * Range requests (videos seek with them) are answered from both stores: see range.ts.
 */
import type { FastifyInstance } from 'fastify';
import { ServiceUnavailableError } from '../errors.js';
import { parseRange, rangeStillValid } from './range.js';
import { contentTypeFor, isMediaKey, type ByteRange, type MediaStore } from './storage.js';
import { errorBody } from '../http/error-handler.js';
import { msg } from '../i18n/api-messages.js';

const NOT_FOUND = errorBody('not_found', msg('request.no_file'));

export function mediaRoutes(app: FastifyInstance, store: MediaStore): void {
  app.get('/media/*', async (req, reply) => {
    const key = (req.params as { '*': string })['*'];
    // Only keys this store writes: no traversal, no dotfiles, no temporary files.
    if (!isMediaKey(key)) return reply.code(404).send(NOT_FOUND);
    reply.header('accept-ranges', 'bytes');
    const conditional = req.headers['if-none-match'];
    const wantsRange = typeof req.headers.range === 'string';
    let range: ByteRange | undefined;
    if (conditional || wantsRange) {
      const info = await reach(() => store.head(key));
      if (!info) return reply.code(404).send(NOT_FOUND);
      if (conditional && conditional.split(',').some((t) => t.trim().replace(/^W\//, '') === info.etag)) {
        return reply.code(304).header('etag', info.etag).header('cache-control', 'public, max-age=31536000, immutable').send();
      }
      if (wantsRange && rangeStillValid(req.headers['if-range'] as string | undefined, info.etag)) {
        const r = parseRange(req.headers.range, info.size);
        if (r === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${info.size}`).send();
        if (r) range = r;
      }
    }
    const obj = await reach(() => store.get(key, range));
    if (!obj) return reply.code(404).send(NOT_FOUND);
    reply.header('content-type', contentTypeFor(key)).header('etag', obj.etag).header('cache-control', 'public, max-age=31536000, immutable');
    if (range) {
      // The file could have been replaced between head and get only by the same bytes (keys are content-addressed).
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${obj.size}`)
        .header('content-length', String(range.end - range.start + 1))
        .send(obj.body);
    }
    return reply.header('content-length', String(obj.size)).send(obj.body);
  });

  /** A store that cannot be reached (bucket down, disk error) is an outage, said as 503. */
  async function reach<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      app.log.error({ err, store: store.describe }, 'media store unreachable');
      throw new ServiceUnavailableError(msg('media.unavailable'), 5);
    }
  }
}
