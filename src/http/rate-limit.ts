/**
 * Rate limits for costly public endpoints, per address (or per API key, for the wire), counted in
 * Redis when REDIS_URL is set so every node shares one count, else in a bounded in-memory LRU.
 * Built on @fastify/rate-limit's `createRateLimit` (a manual check), not its route hook, because
 * the check must run only when a request would really cost something: a page-cache hit is never
 * limited, so routes call `take` on their cache-miss path.
 *
 * Opting in is one line:
 *  - a JSON (or XML) endpoint: `preHandler: app.rateLimits.guard('api')` — over the limit, the request
 *    ends in RateLimitedError → 429 with Retry-After and the JSON error body (error-handler.ts);
 *    `app.rateLimits.guard('wire', (req) => apiKeyOf(req))` counts per key instead of per address;
 *  - a subject with its own rate (a wire API key): `enforce('wire', req, 'key:12', key.ratePerMinute)`;
 *  - a cached endpoint (feeds): `await app.rateLimits.enforce('feeds', req)` on the cache-miss
 *    path, after the cache lookup and before rendering;
 *  - a cached public HTML page: pass the limit's name to `cached(…)` in site.routes.tsx, which
 *    calls `take` on a miss and renders the localized 429 page.
 * Limits are requests per minute from XABAR_RATE_LIMIT_<NAME>; 0 switches one off.
 *
 * If Redis fails, requests are let through (skipOnError) rather than the site going down with it.
 * Behind proxies `req.ip` is the client address only as far as TRUST_PROXY allows (see there).
 */
import { isIPv6 } from 'node:net';
import fastifyRateLimit, { type CreateRateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { RateLimitedError } from '../errors.js';
import { msg } from '../i18n/api-messages.js';

export type LimitName = keyof Config['rateLimits'];

export interface RateLimiter {
  /**
   * Counts this request against the named limit. Returns null when it may proceed, or the
   * seconds until the window reopens (for Retry-After). `subject` replaces the address as the key.
   */
  take(name: LimitName, req: FastifyRequest, subject?: string, perMinute?: number): Promise<number | null>;
  /** Like `take`, but throws RateLimitedError (→ 429 JSON with Retry-After) when over the limit. */
  enforce(name: LimitName, req: FastifyRequest, subject?: string, perMinute?: number): Promise<void>;
  /** A preHandler that answers 429 (JSON, Retry-After) once the limit is exceeded. */
  guard(name: LimitName, subject?: (req: FastifyRequest) => string): preHandlerAsyncHookHandler;
}

export interface RateLimitOptions {
  limits: Config['rateLimits'];
  /** Shared store for every node; null keeps counts in this process. */
  redis: Redis | null;
  /** The site's Redis prefix (REDIS_PREFIX): keys are `<prefix>ratelimit:<name>:<subject>`. */
  prefix: string;
  /** Window length; one minute unless a test needs otherwise. */
  windowMs?: number;
}

/** In-memory store (no Redis): addresses tracked per limit, least recently seen dropped first. */
const MAX_TRACKED = 10_000;

type Check = (req: FastifyRequest) => Promise<{ isExceeded?: boolean; ttlInSeconds?: number }>;

export async function registerRateLimits(app: FastifyInstance, o: RateLimitOptions): Promise<RateLimiter> {
  await app.register(fastifyRateLimit, {
    global: false, // no route is limited unless it asks
    ...(o.redis ? { redis: o.redis } : {}),
    nameSpace: `${o.prefix}ratelimit:`,
    skipOnError: true,
    cache: MAX_TRACKED,
  });
  // The subject of the current check; a WeakMap so nothing outlives its request.
  const subjects = new WeakMap<FastifyRequest, string>();
  const checks = new Map<LimitName, Check>();
  for (const [name, perMinute] of Object.entries(o.limits) as [LimitName, number][]) {
    if (perMinute <= 0) continue;
    const opts: CreateRateLimitOptions & { cache: number } = {
      max: perMinute,
      timeWindow: o.windowMs ?? 60_000,
      keyGenerator: (req) => `${name}:${subjects.get(req) ?? addressKey(req.ip)}`,
      cache: MAX_TRACKED, // each limit's in-memory store is its own LRU: the plugin-level size is not inherited
    };
    checks.set(name, app.createRateLimit(opts) as Check);
  }
  // Subjects with a rate of their own (a wire API key's): `take(name, req, subject, perMinute)`
  // counts under `<name>:own:<subject>` against that rate, whatever the configured one is.
  const ownRates = new WeakMap<FastifyRequest, number>();
  const ownChecks = new Map<LimitName, Check>();
  for (const name of Object.keys(o.limits) as LimitName[]) {
    const opts: CreateRateLimitOptions & { cache: number } = {
      max: (req) => ownRates.get(req) ?? 1,
      timeWindow: o.windowMs ?? 60_000,
      keyGenerator: (req) => `${name}:own:${subjects.get(req) ?? addressKey(req.ip)}`,
      cache: MAX_TRACKED,
    };
    ownChecks.set(name, app.createRateLimit(opts) as Check);
  }

  const take: RateLimiter['take'] = async (name, req, subject, perMinute) => {
    if (perMinute !== undefined && perMinute <= 0) return null;
    const check = perMinute !== undefined ? ownChecks.get(name) : checks.get(name);
    if (!check) return null;
    if (subject !== undefined) subjects.set(req, subject);
    if (perMinute !== undefined) ownRates.set(req, perMinute);
    const r = await check(req);
    return r.isExceeded ? Math.max(1, r.ttlInSeconds ?? 1) : null;
  };

  const enforce: RateLimiter['enforce'] = async (name, req, subject, perMinute) => {
    const wait = await take(name, req, subject, perMinute);
    // The error handler sets Retry-After from the error.
    if (wait !== null) throw new RateLimitedError(msg('request.rate_limited', { seconds: wait }), wait);
  };
  const limiter: RateLimiter = {
    take,
    enforce,
    guard: (name, subject) => async (req) => enforce(name, req, subject?.(req)),
  };
  // Any route module can opt in without new plumbing: `preHandler: app.rateLimits.guard('feeds')`.
  app.decorate('rateLimits', limiter);
  return limiter;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The site's rate limits (src/http/rate-limit.ts). */
    rateLimits: RateLimiter;
  }
}

/**
 * The key for an address: IPv4 as is, IPv6 by its /64 network (one subscriber usually holds a
 * whole /64, so counting single v6 addresses would let one reader rotate through billions).
 */
export function addressKey(ip: string): string {
  if (!isIPv6(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const h = head ? head.split(':') : [];
  const t = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = ip.includes('::') ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
