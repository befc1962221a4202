/**
 * /readyz (may this node take readers: src/ops/readiness.ts) and /metrics (Prometheus text).
 *
 * /metrics is off (404, as if absent) unless XABAR_METRICS_TOKEN or XABAR_METRICS_ALLOW is set.
 * Then a scrape is let in when it carries `Authorization: Bearer <token>` (compared in constant
 * time) or comes from an allowed address (the client address as TRUST_PROXY finds it, so a proxy
 * cannot be mistaken for the scraper unless it is trusted). Anything else gets 401 (token
 * configured) or 403, with a one-line reason for the operator; the metrics reveal no content,
 * but request rates and routes are nobody else's business.
 */
import crypto from 'node:crypto';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.js';
import type { Readiness } from './readiness.js';

export interface OpsRouteDeps {
  ready: () => Promise<Readiness>;
  metrics: Metrics;
  access: { readonly token: string | null; readonly allow: readonly string[] } | null;
}

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

export function opsRoutes(app: FastifyInstance, deps: OpsRouteDeps): void {
  app.get('/readyz', async (_req, reply) => {
    const r = await deps.ready();
    return reply.code(r.status === 'down' ? 503 : 200).header('cache-control', 'no-store').send(r);
  });

  const access = deps.access;
  if (!access) return; // /metrics is off: the site's 404
  const allowed = access.allow.length ? proxyAddr.compile([...access.allow]) : null;
  const wanted = access.token ? digest(access.token) : null;
  app.get('/metrics', async (req, reply) => {
    const auth = req.headers.authorization;
    const bearer = typeof auth === 'string' ? /^Bearer +(\S+) *$/i.exec(auth)?.[1] : undefined;
    const tokenOk = Boolean(wanted && bearer && crypto.timingSafeEqual(digest(bearer), wanted));
    const addressOk = Boolean(allowed && allowed(req.ip, 0));
    reply.header('cache-control', 'no-store');
    if (!tokenOk && !addressOk) {
      if (wanted) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer realm="xabar-metrics"')
          .type('text/plain; charset=utf-8')
          .send(bearer ? 'metrics: wrong token\n' : 'metrics: send Authorization: Bearer <XABAR_METRICS_TOKEN>\n');
      }
      return reply.code(403).type('text/plain; charset=utf-8').send('metrics: this address is not in XABAR_METRICS_ALLOW\n');
    }
    return reply.type(deps.metrics.contentType()).send(await deps.metrics.text());
  });
}
