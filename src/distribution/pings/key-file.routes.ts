/**
 * The IndexNow key file: `/<key>.txt` at the site root, the key as its whole body
 * (https://www.indexnow.org/documentation, "host a text key file"). Only that exact name is a
 * route, and only when a key is configured; any other `/<name>.txt` is the site's ordinary 404.
 * The key is not a secret (anyone fetching the file sees it); it only proves the site's owner
 * sent the URLs.
 */
import type { FastifyInstance } from 'fastify';

export function indexNowKeyRoute(app: FastifyInstance, key: string | null): void {
  if (!key) return;
  app.get(`/${key}.txt`, async (_req, reply) => reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(key));
}
