/**
 * Builds the Fastify application from a container. It never listens: main.ts does, tests use
 * `inject()`.
 */
import http from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Container } from './container.js';
import { sitemapRoutes } from './distribution/sitemaps/sitemaps.routes.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerRateLimits } from './http/rate-limit.js';
import { registerEdge } from './http/edge.js';
import { feedRoutes } from './distribution/feeds/feeds.routes.js';
import { siteRoutes } from './site/site.routes.js';
import { oldUrlResolver } from './import/redirects.js';
import { adminPlugin } from './newsroom/admin.plugin.js';
import { mediaRoutes } from './media/media.routes.js';
import { publicApiPlugin } from './api/public-api.plugin.js';
import { publicPreviewRoute } from './newsroom/preview-links.routes.js';
import { indexNowKeyRoute } from './distribution/pings/key-file.routes.js';
import { wireRoutes } from './wire/wire.routes.js';
import { createFastPath } from './site/fast-path.js';
import { beaconRoutes } from './site/beacon.routes.js';
import { BEACON_SCRIPT_HASH } from './site/views/beacon.js';
import { fastPathObserver, observeHttp, requestIdOf } from './ops/http-observe.js';
import { opsRoutes } from './ops/ops.routes.js';

export interface BuildOptions {
  /** Where the built newsroom app is (default admin/dist); tests point it at a missing folder. */
  adminDist?: string;
}

export async function buildApp(c: Container, opts: BuildOptions = {}): Promise<FastifyInstance> {
  // Cached public pages are answered in front of Fastify (src/site/fast-path.ts); `inject()` in
  // tests bypasses the server and so always takes the full route.
  let open = true;
  const clientIp = clientIpOf(c.config.trustProxy);
  const fast = c.pageCache
    ? createFastPath({
        cache: c.pageCache,
        recordView: c.config.cdn ? null : (id, req) => {
          const ip = clientIp(req) ?? '';
          // The per-connection hash memo only when the address is the connection's own: behind a
          // proxy one connection carries many readers, whose addresses must not be kept.
          return c.views.record(id, ip, req.headers['user-agent'], req.headers, ip === req.socket.remoteAddress ? req.socket : undefined);
        },
        securityHeaders: securityHeaders('/', { beacon: Boolean(c.config.cdn) }),
        open: () => open,
        observe: fastPathObserver({ log: c.log, metrics: c.metrics }),
      })
    : null;
  const app = Fastify({
    serverFactory: (handler) => http.createServer((req, res) => fast?.(req, res) || handler(req, res)),
    // Per-request lines only at debug/trace: at agency traffic they drown the useful log lines.
    loggerInstance: c.log.child({ module: 'http' }, { level: ['debug', 'trace'].includes(c.config.logLevel) ? c.config.logLevel : c.log.level === 'silent' ? 'silent' : 'warn' }) as unknown as FastifyBaseLogger,
    // A hop count or the proxies' addresses, never `true` (src/config.ts explains why).
    trustProxy: trustProxyOption(c.config.trustProxy),
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 300 },
    bodyLimit: 1024 * 1024,
    // One access line per request comes from src/ops/http-observe.ts (redacted URL, route pattern);
    // Fastify's own lines would log the raw URL.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => requestIdOf(req),
  });
  app.addHook('onClose', async () => {
    open = false;
  });
  const errors = registerErrorHandler(app);
  observeHttp(app, { log: c.log, metrics: c.metrics }); // X-Request-Id, the access line, request metrics
  registerEdge(app);
  app.addHook('onSend', async (req, reply) => {
    for (const [k, v] of Object.entries(securityHeaders(req.url, { beacon: Boolean(c.config.cdn) }))) if (!reply.hasHeader(k)) reply.header(k, v);
  });

  // 200 while the node can serve (Redis down is "degraded": pages still work, with short cache
  // lifetimes); 503 only without a database, so a load balancer takes the node out.
  app.get('/healthz', async (_req, reply) => {
    const h = await c.health();
    return reply.code(h.status === 'down' ? 503 : 200).header('cache-control', 'no-store').send(h);
  });
  opsRoutes(app, { ready: () => c.ready(), metrics: c.metrics, access: c.config.metrics }); // /readyz; /metrics when configured
  sitemapRoutes(app, c); // /robots.txt, /sitemap.xml, /sitemaps/*.xml

  mediaRoutes(app, c.storage);

  await registerRateLimits(app, { limits: c.config.rateLimits, redis: c.redis, prefix: c.config.redisPrefix }); // app.rateLimits
  await feedRoutes(app, c); // /ru/rss.xml, /ru/section/<slug>/atom.xml, /ru/yandex.xml … (src/site/urls.ts)
  const site = await siteRoutes(app, { site: c.site, search: c.search, cache: c.pageCache, views: c.views, assets: c.assets, siteUrl: c.config.siteUrl, cdn: c.config.cdn, oldUrls: oldUrlResolver(c.imports, c.clock) });
  if (c.config.cdn) beaconRoutes(app, c.site, c.views); // /v/<id>.gif: views behind a CDN
  errors.setPublicErrorPage(site.badRequestPage);
  await publicApiPlugin(app, c); // /api: the public read API (src/api)
  await adminPlugin(app, c, site.renderPreview, opts.adminDist);
  publicPreviewRoute(app, c.previewLinks, site); // /preview/:token, no sign-in
  indexNowKeyRoute(app, c.config.indexNow?.key ?? null); // /<key>.txt when IndexNow is configured
  await wireRoutes(app, c); // /wire/v1: ninjs and NewsML-G2 for subscribers with an API key
  return app;
}

/**
 * Fastify's trustProxy from the config: a list goes to proxy-addr as is; a hop count trusts the
 * n addresses nearest to us (i counts hops from the socket), so the client's own left-most
 * X-Forwarded-For entries are never taken on trust.
 */
function trustProxyOption(t: Container['config']['trustProxy']): boolean | string[] | ((addr: string, i: number) => boolean) {
  if (t === false) return false;
  if (typeof t === 'number') return (_addr, i) => i < t;
  return [...t];
}

/** The client address as Fastify's `req.ip` finds it with the same trustProxy option. */
function clientIpOf(t: Container['config']['trustProxy']): (req: http.IncomingMessage) => string | undefined {
  const opt = trustProxyOption(t);
  if (opt === false) return (req) => req.socket.remoteAddress;
  const trust = typeof opt === 'function' ? opt : proxyAddr.compile(opt as string[]);
  return (req) => proxyAddr.all(req, trust).at(-1);
}

/**
 * Security headers. Public pages run no script at all (JSON-LD blocks are data, not code) but the
 * view beacon's fixed script behind a CDN, allowed by its hash (site/views/beacon.tsx); the
 * newsroom loads only its own bundle. Inline style attributes are allowed (section accent colours,
 * the editor), framing is refused everywhere, and the newsroom is never indexed.
 */
export function securityHeaders(url: string, opts: { beacon?: boolean } = {}): Record<string, string> {
  const admin = url.startsWith('/admin');
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'content-security-policy': admin
      ? "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"
      : `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src ${opts.beacon ? BEACON_SCRIPT_HASH : "'none'"}; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'`,
    ...(admin ? { 'x-robots-tag': 'noindex' } : {}),
  };
}
