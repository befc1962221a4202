/**
 * Public `/media/*`: the node streams the file from whichever store holds it (local folder or
 * S3). Streaming rather than redirecting to the bucket keeps one origin: page URLs are the same on
 * every backend, the bucket stays private, and the site's CSP (`img-src 'self'`) needs no
 * exception. Keys are content-addressed, so responses are cacheable for a year and immutable.
 */
import type { FastifyInstance } from 'fastify';
import { ServiceUnavailableError } from '../errors.js';
import { contentTypeFor, isMediaKey, type MediaStore } from './storage.js';
import { errorBody } from '../http/error-handler.js';
import { msg } from '../i18n/api-messages.js';

const NOT_FOUND = errorBody('not_found', msg('request.no_file'));

export function mediaRoutes(app: FastifyInstance, store: MediaStore): void {
  app.get('/media/*', async (req, reply) => {
    const key = (req.params as { '*': string })['*'];
    // Only keys this store writes: no traversal, no dotfiles, no temporary files.
    if (!isMediaKey(key)) return reply.code(404).send(NOT_FOUND);
    const conditional = req.headers['if-none-match'];
    if (conditional) {
      const info = await reach(() => store.head(key));
      if (!info) return reply.code(404).send(NOT_FOUND);
      if (conditional.split(',').some((t) => t.trim().replace(/^W\//, '') === info.etag)) {
        return reply.code(304).header('etag', info.etag).header('cache-control', 'public, max-age=31536000, immutable').send();
      }
    }
    const obj = await reach(() => store.get(key));
    if (!obj) return reply.code(404).send(NOT_FOUND);
    return reply
      .header('content-type', contentTypeFor(key))
      .header('content-length', String(obj.size))
      .header('etag', obj.etag)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(obj.body);
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
