/**
 * Every request leaves one JSON log line and its counts in /metrics, whichever path answered it:
 *
 * - a request id: the caller's `X-Request-Id` when it is a plain token (a proxy's or load
 *   balancer's id, so one request can be followed across hops), else one made here (a random
 *   per-process prefix and a counter: unique across nodes, no syscall per request); echoed as
 *   `X-Request-Id` on the response;
 * - the access line, at `info`: `{reqId, method, route, url, status, ms}` — route is the pattern,
 *   url is redacted (src/ops/logger.ts), and no address, cookie or header is ever logged;
 * - metrics by route pattern and status (src/ops/metrics.ts).
 *
 * Fastify's own request lines are off (app.ts `disableRequestLogging`): they log the raw URL.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { redactUrl } from './logger.js';
import { FAST_PATH_ROUTE, NO_ROUTE, type Metrics } from './metrics.js';

const PREFIX = crypto.randomBytes(4).toString('hex');
let counter = 0;
const GIVEN_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: a sane incoming X-Request-Id, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && GIVEN_ID.test(given)) return given;
  return `${PREFIX}-${(++counter).toString(36)}`;
}

/** Route parameters whose names say they are secrets (a preview link's `:token`): masked in the logged URL. */
const SECRET_PARAM_NAME = /token|secret|key|password/i;

function secretParams(req: FastifyRequest): string[] {
  const params = req.params as Record<string, unknown> | undefined;
  if (!params) return [];
  return Object.entries(params)
    .filter(([k, v]) => SECRET_PARAM_NAME.test(k) && typeof v === 'string')
    .map(([, v]) => v as string);
}

export function observeHttp(app: FastifyInstance, opts: { log: Logger; metrics: Metrics }): void {
  const access = opts.log.child({ module: 'access' });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? NO_ROUTE;
    const ms = reply.elapsedTime;
    opts.metrics.request(req.method, route, reply.statusCode, ms / 1000);
    if (access.isLevelEnabled('info')) {
      access.info({ reqId: req.id, method: req.method, route, url: redactUrl(req.url, secretParams(req)), status: reply.statusCode, ms: Math.round(ms * 100) / 100 }, 'request');
    }
  });
}

/**
 * The fast path's observer (src/site/fast-path.ts `observe`): called just before it writes a
 * cached page; the id it returns goes out with it. Plain counters and one log line, no more.
 */
export function fastPathObserver(opts: { log: Logger; metrics: Metrics }): (req: IncomingMessage, status: number, bytes: number, startedMs: number) => string {
  const access = opts.log.child({ module: 'access' });
  return (req, status, bytes, startedMs) => {
    const id = requestIdOf(req);
    opts.metrics.fastPath(req.method ?? 'GET', status, bytes);
    if (access.isLevelEnabled('info')) access.info({ reqId: id, method: req.method, route: FAST_PATH_ROUTE, url: redactUrl(req.url), status, ms: Math.round((performance.now() - startedMs) * 100) / 100 }, 'request');
    return id;
  };
}
