/**
 * One typed, validated, frozen configuration read from the environment once at start-up.
 * Nothing else in the code reads `process.env`; every key is documented in docs/configuration.md.
 */
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { parseSecretKey } from './accounts/secret-box.js';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    errorMap: () => ({ message: 'must be one of 1/0, true/false, yes/no, on/off' }),
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const positiveInt = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number);

const ROLE_NAMES = ['contributor', 'author', 'editor', 'admin'];

const EnvSchema = z.object({
  PORT: positiveInt('PORT')
    .refine((n) => n > 0 && n < 65536, 'PORT must be between 1 and 65535')
    .default('3000'),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || /^postgres(ql)?:\/\/.+/.test(v) || /^(sqlite|file):.+/.test(v),
      'DATABASE_URL must be postgres://user@host:port/db, or sqlite:/path/to/file.db (or empty for the embedded SQLite file in DATA_DIR)',
    ),
  REDIS_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^rediss?:\/\/.+/.test(v), 'REDIS_URL must start with redis:// or rediss://'),
  SITE_URL: z
    .string()
    .url('SITE_URL must be an absolute URL such as https://news.example.uz')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  XABAR_DEMO: boolish.default('true'),
  XABAR_REFERENCE_FILE: z.string().min(1).default('fixtures/reference-story.ru.txt'),
  XABAR_TIME_ZONE: z
    .string()
    .default('Asia/Tashkent')
    .refine((tz) => isValidTimeZone(tz), 'XABAR_TIME_ZONE must be an IANA time zone such as Asia/Tashkent'),
  XABAR_VIEW_FLUSH_MS: positiveInt('XABAR_VIEW_FLUSH_MS')
    .refine((n) => n >= 100 && n <= 60_000, 'XABAR_VIEW_FLUSH_MS must be between 100 and 60000')
    .default('5000'),
  XABAR_PAGE_CACHE: boolish.default('true'),
  XABAR_PAGE_CACHE_MB: positiveInt('XABAR_PAGE_CACHE_MB')
    .refine((n) => n >= 1 && n <= 16_384, 'XABAR_PAGE_CACHE_MB must be between 1 and 16384')
    .default('64'),
  XABAR_VIEW_VISITORS_MAX: positiveInt('XABAR_VIEW_VISITORS_MAX')
    .refine((n) => n >= 1000 && n <= 10_000_000, 'XABAR_VIEW_VISITORS_MAX must be between 1000 and 10000000')
    .default('100000'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, 'REDIS_PREFIX must be 1–64 letters, digits, dots, colons, dashes or underscores, e.g. xabar:news.example.uz:')
    .optional(),
  XABAR_JOB_MAX_ATTEMPTS: positiveInt('XABAR_JOB_MAX_ATTEMPTS')
    .refine((n) => n >= 1 && n <= 100, 'XABAR_JOB_MAX_ATTEMPTS must be between 1 and 100')
    .default('10'),
  // The analytics dashboard reads a week of hourly counters: keeping fewer would blank it.
  XABAR_RETAIN_HOURLY_VIEWS_DAYS: positiveInt('XABAR_RETAIN_HOURLY_VIEWS_DAYS')
    .refine((n) => n >= 7 && n <= 3650, 'XABAR_RETAIN_HOURLY_VIEWS_DAYS must be between 7 and 3650 (the dashboard needs a week)')
    .default('14'),
  XABAR_RETAIN_DEAD_JOBS_DAYS: positiveInt('XABAR_RETAIN_DEAD_JOBS_DAYS')
    .refine((n) => n >= 1 && n <= 3650, 'XABAR_RETAIN_DEAD_JOBS_DAYS must be between 1 and 3650')
    .default('30'),
  XABAR_RETAIN_NOTIFICATIONS_DAYS: positiveInt('XABAR_RETAIN_NOTIFICATIONS_DAYS')
    .refine((n) => n >= 1 && n <= 3650, 'XABAR_RETAIN_NOTIFICATIONS_DAYS must be between 1 and 3650')
    .default('30'),
  XABAR_RATE_LIMIT_SEARCH: rateLimit('XABAR_RATE_LIMIT_SEARCH').default('30'),
  XABAR_RATE_LIMIT_API: rateLimit('XABAR_RATE_LIMIT_API').default('120'),
  XABAR_RATE_LIMIT_FEEDS: rateLimit('XABAR_RATE_LIMIT_FEEDS').default('60'),
  XABAR_RATE_LIMIT_WIRE: rateLimit('XABAR_RATE_LIMIT_WIRE').default('600'),
  XABAR_SECRET_KEY: z
    .string()
    .optional()
    .refine((v) => !v || parseSecretKey(v) !== null, 'XABAR_SECRET_KEY must be 32 random bytes as 64 hex digits (openssl rand -hex 32) or base64'),
  XABAR_NEW_SITE_TWO_FACTOR_ROLES: z
    .string()
    .default('editor,admin')
    .transform((v) => v.split(',').map((r) => r.trim()).filter(Boolean))
    .refine((rs) => rs.every((r) => ROLE_NAMES.includes(r)), `XABAR_NEW_SITE_TWO_FACTOR_ROLES must be a comma-separated list of ${['contributor', 'author', 'editor', 'admin'].join(', ')} (or empty)`),
  TRUST_PROXY: z.string().default('false').transform((v, ctx) => {
    const r = parseTrustProxy(v);
    if (typeof r === 'string') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: r });
      return z.NEVER;
    }
    return r;
  }),
  // Media storage: S3-compatible object storage when S3_BUCKET is set, else DATA_DIR/media.
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'S3_BUCKET must be a bucket name: 3-63 lower-case letters, digits, dots and hyphens').optional(),
  S3_ENDPOINT: z.string().url('S3_ENDPOINT must be a URL such as https://s3.example.com or http://127.0.0.1:9000').optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]{1,40}$/, 'S3_REGION must be a region name such as us-east-1').default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: boolish.default('false'),
  S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*[A-Za-z0-9._-]+\/?$/, 'S3_PREFIX must be a folder-like key prefix such as xabar/media/ (letters, digits, . _ - and /, no leading slash)').optional(),
  XABAR_IMAGE_MAX_MEGAPIXELS: positiveInt('XABAR_IMAGE_MAX_MEGAPIXELS')
    .refine((n) => n >= 1 && n <= 1000, 'XABAR_IMAGE_MAX_MEGAPIXELS must be between 1 and 1000')
    .default('120'),
  XABAR_IMAGE_WORKERS: positiveInt('XABAR_IMAGE_WORKERS')
    .refine((n) => n >= 1 && n <= 16, 'XABAR_IMAGE_WORKERS must be between 1 and 16')
    .default('1'),
  XABAR_IMAGE_QUEUE: positiveInt('XABAR_IMAGE_QUEUE')
    .refine((n) => n <= 1000, 'XABAR_IMAGE_QUEUE must be between 0 and 1000')
    .default('8'),
  XABAR_VIDEO_MAX_MB: positiveInt('XABAR_VIDEO_MAX_MB')
    .refine((n) => n >= 1 && n <= 1000, 'XABAR_VIDEO_MAX_MB must be between 1 and 1000')
    .default('100'),
  // Pings (src/distribution/pings/): each is off until its key is set; empty means unset.
  XABAR_WEBSUB_HUB: httpUrl('XABAR_WEBSUB_HUB', 'https://pubsubhubbub.appspot.com/').optional(),
  XABAR_INDEXNOW_KEY: z
    .string()
    .regex(/^(|[A-Za-z0-9-]{8,128})$/, 'XABAR_INDEXNOW_KEY must be 8–128 letters, digits or dashes (e.g. openssl rand -hex 16)')
    .optional(),
  XABAR_INDEXNOW_ENDPOINT: httpUrl('XABAR_INDEXNOW_ENDPOINT', 'https://api.indexnow.org/indexnow').default('https://api.indexnow.org/indexnow'),
  XABAR_WEBHOOK_TIMEOUT_MS: positiveInt('XABAR_WEBHOOK_TIMEOUT_MS')
    .refine((n) => n >= 100 && n <= 60_000, 'XABAR_WEBHOOK_TIMEOUT_MS must be between 100 and 60000')
    .default('10000'),
  XABAR_TELEGRAM_API_ROOT: z
    .string()
    .url('XABAR_TELEGRAM_API_ROOT must be an absolute URL such as https://api.telegram.org')
    .default('https://api.telegram.org'),
  XABAR_TELEGRAM_TIMEOUT_S: positiveInt('XABAR_TELEGRAM_TIMEOUT_S')
    .refine((n) => n >= 1 && n <= 120, 'XABAR_TELEGRAM_TIMEOUT_S must be between 1 and 120')
    .default('20'),
  // A CDN in front (docs/cdn.md): shared-cache lifetimes, purge hook, views counted by a beacon.
  XABAR_CDN: boolish.default('false'),
  XABAR_CACHE_S_MAXAGE: positiveInt('XABAR_CACHE_S_MAXAGE')
    .refine((n) => n <= 86_400, 'XABAR_CACHE_S_MAXAGE must be between 0 and 86400 seconds')
    .default('60'),
  XABAR_CACHE_SWR: positiveInt('XABAR_CACHE_SWR')
    .refine((n) => n <= 604_800, 'XABAR_CACHE_SWR must be between 0 and 604800 seconds')
    .default('600'),
  XABAR_CDN_PURGE_URL: httpUrl('XABAR_CDN_PURGE_URL', 'https://cdn-purge.internal/xabar').optional(),
  // Processes serving on one machine (node:cluster); 1 = no cluster.
  XABAR_WORKERS: positiveInt('XABAR_WORKERS')
    .refine((n) => n >= 1 && n <= 64, 'XABAR_WORKERS must be between 1 and 64')
    .default('1'),
  // Backups (docs/operations.md): where scheduled and newsroom-started backups go; pg_dump's folder.
  XABAR_BACKUP_DIR: z.string().optional(),
  XABAR_PG_BIN: z.string().optional(),
  // Operations (docs/operations.md): log format, /metrics access, the readiness disk threshold.
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty'], { errorMap: () => ({ message: 'LOG_FORMAT must be auto, json or pretty' }) }).default('auto'),
  XABAR_METRICS_TOKEN: z
    .string()
    .optional()
    .refine((v) => !v || /^[\x21-\x7e]{16,256}$/.test(v), 'XABAR_METRICS_TOKEN must be 16–256 printable characters without spaces (e.g. openssl rand -hex 24)'),
  XABAR_METRICS_ALLOW: z.string().default('').transform((v, ctx) => {
    const r = parseAddressList(v);
    if (typeof r === 'string') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `XABAR_METRICS_ALLOW must be a comma-separated list of IP addresses/CIDRs such as 127.0.0.1,10.0.0.0/8; not valid: ${r}` });
      return z.NEVER;
    }
    return r;
  }),
  XABAR_DISK_MIN_MB: positiveInt('XABAR_DISK_MIN_MB')
    .refine((n) => n <= 10_000_000, 'XABAR_DISK_MIN_MB must be between 0 and 10000000')
    .default('1024'),
});

/** An absolute http(s) URL, or empty (unset). */
function httpUrl(name: string, example: string) {
  return z.string().refine((v) => v === '' || /^https?:$/.test(safeUrl(v)?.protocol ?? ''), `${name} must be an http(s) URL such as ${example}`);
}

function safeUrl(v: string): URL | null {
  try {
    return new URL(v);
  } catch {
    return null;
  }
}

/** Requests per minute per address (per key for the wire); 0 turns the limit off. */
function rateLimit(name: string) {
  return positiveInt(name).refine((n) => n <= 100_000, `${name} must be between 0 (off) and 100000 requests per minute`);
}

/**
 * TRUST_PROXY: `false` (default: the socket address is the client), a number of proxy hops in
 * front of Xabar, or the proxies' addresses/CIDRs. Fastify hands either to proxy-addr, which then
 * takes the right-most address not written by a trusted hop. `true` would trust every hop, so the
 * client could write its own address into X-Forwarded-For (and sidestep sign-in throttles): refused.
 */
function parseTrustProxy(raw: string): false | number | string[] | string {
  const v = raw.trim().toLowerCase();
  if (['', 'false', '0', 'no', 'off'].includes(v)) return false;
  if (['true', 'yes', 'on'].includes(v)) {
    return 'TRUST_PROXY=true would believe any client-written X-Forwarded-For; give the hop count of your proxies (e.g. 1 behind one nginx) or their addresses/CIDRs (e.g. 10.0.0.0/8,192.168.1.5)';
  }
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 10 ? n : 'TRUST_PROXY hop count must be between 1 and 10';
  }
  const list = parseAddressList(raw);
  if (typeof list === 'string') return `TRUST_PROXY must be false, a hop count, or a comma-separated list of proxy IP addresses/CIDRs; not valid: ${list}`;
  return list;
}

/** A comma-separated list of IP addresses/CIDRs; a string naming the bad entries when any is not one. */
function parseAddressList(raw: string): string[] | string {
  const list = raw.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = list.filter((entry) => {
    const [addr, bits, extra] = entry.split('/');
    const kind = net.isIP(addr ?? '');
    if (!kind || extra !== undefined) return true;
    if (bits === undefined) return false;
    return !/^\d+$/.test(bits) || Number(bits) > (kind === 4 ? 32 : 128);
  });
  return bad.length ? bad.join(', ') : list;
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** S3-compatible media storage; secrets come from the environment only, never the database. */
export interface S3Config {
  readonly bucket: string;
  readonly endpoint: string | null;
  readonly region: string;
  readonly accessKeyId: string | null;
  readonly secretAccessKey: string | null;
  readonly forcePathStyle: boolean;
  /** '' or a prefix ending in '/'. */
  readonly prefix: string;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: { readonly dialect: 'sqlite'; readonly file: string } | { readonly dialect: 'postgres'; readonly url: string };
  readonly redisUrl: string | null;
  /** Public base URL without a trailing slash, used in canonical links, feeds and sitemaps. */
  readonly siteUrl: string;
  readonly logLevel: string;
  readonly demo: boolean;
  readonly referenceFile: string;
  readonly timeZone: string;
  readonly viewFlushMs: number;
  readonly pageCache: boolean;
  /** Byte budget of the page cache (all stored bodies). */
  readonly pageCacheBytes: number;
  /** Visitors (and addresses) the view counter remembers, at most, for its repeat rules. */
  readonly viewVisitorsMax: number;
  /** Prefix of every Redis key and channel this site uses, so sites sharing one Redis never hear each other. */
  readonly redisPrefix: string;
  /** Default attempts before an outbox job is dead (a handler may set its own). */
  readonly jobMaxAttempts: number;
  readonly retention: { readonly hourlyViewsDays: number; readonly deadJobsDays: number; readonly notificationsDays: number };
  /** Requests per minute per address (per key for the wire); 0 = unlimited. */
  readonly rateLimits: { readonly search: number; readonly api: number; readonly feeds: number; readonly wire: number };
  /** false, a number of trusted proxy hops, or the trusted proxies' addresses/CIDRs (proxy-addr). */
  readonly trustProxy: false | number | readonly string[];
  readonly mediaDir: string;
  /** Key for secrets at rest (two-factor), 64 hex digits or base64; null: DATA_DIR/secret.key is used. */
  readonly secretKey: string | null;
  /** Roles that must use two-factor on a site whose first-run setup happens from now on. */
  readonly newSiteTwoFactorRoles: readonly ('contributor' | 'author' | 'editor' | 'admin')[];
  /** Where media files live: null for the local folder `mediaDir`. */
  readonly s3: S3Config | null;
  /** Image processing bounds: decoded pixels, concurrent sharp jobs, jobs allowed to wait. */
  readonly images: { readonly maxPixels: number; readonly workers: number; readonly queue: number };
  /** Largest video upload, in MB (videos are stored as sent, never transcoded). */
  readonly videoMaxMb: number;
  /** The WebSub hub the feeds declare and the pings notify; null: no hub, no pings. */
  readonly websubHub: string | null;
  /** IndexNow key and endpoint; null: no key file, no pings. */
  readonly indexNow: { readonly key: string; readonly endpoint: string } | null;
  /** One webhook delivery's deadline (connect, send, answer), in ms. */
  readonly webhookTimeoutMs: number;
  /** Bot API root (a local Bot API server, or the tests' fake) and how long one call may take. */
  readonly telegram: { readonly apiRoot: string; readonly timeoutSeconds: number };
  /** A CDN in front: public pages carry s-maxage/stale-while-revalidate and surrogate keys; views come by beacon. */
  readonly cdn: { readonly sMaxAge: number; readonly staleWhileRevalidate: number; readonly purgeUrl: string | null } | null;
  /** Server processes on this machine (node:cluster workers when > 1). */
  readonly workers: number;
  /** Backups: the folder scheduled and newsroom-started backups go to; the folder of pg_dump/pg_restore (null: PATH). */
  readonly backup: { readonly dir: string; readonly pgBin: string | null };
  /** `auto`: one-line readable logs on a terminal outside production, JSON otherwise. */
  readonly logFormat: 'auto' | 'json' | 'pretty';
  /** Who may read /metrics: a bearer token and/or client addresses/CIDRs; null when /metrics is off. */
  readonly metrics: { readonly token: string | null; readonly allow: readonly string[] } | null;
  /** Free space under DATA_DIR below which /readyz says `degraded` and `xabar doctor` warns, in bytes. */
  readonly diskMinBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Builds the config from an environment map; lists every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // An empty S3_* variable (common in compose files) means "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => !(k.startsWith('S3_') && v === '')));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const s3Problems = s3ConfigProblems(e);
  if (s3Problems.length) throw new ConfigError(s3Problems);
  // Worker processes are nodes: without Redis one worker's purges and repeat-visitor memory would not reach the others.
  if (e.XABAR_WORKERS > 1 && !e.REDIS_URL) throw new ConfigError([`XABAR_WORKERS: ${e.XABAR_WORKERS} worker processes need REDIS_URL (they share page purges, the repeat-visitor memory and rate limits through Redis); set REDIS_URL or XABAR_WORKERS=1`]);
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const dbUrl = e.DATABASE_URL ?? '';
  const database: Config['database'] = /^postgres/.test(dbUrl)
    ? { dialect: 'postgres', url: dbUrl }
    : { dialect: 'sqlite', file: dbUrl ? path.resolve(cwd, dbUrl.replace(/^(sqlite|file):(\/\/)?/, '')) : path.join(dataDir, 'xabar.db') };
  const siteUrl = (e.SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: Object.freeze(database),
    redisUrl: e.REDIS_URL ? e.REDIS_URL : null,
    siteUrl,
    logLevel: e.LOG_LEVEL,
    demo: e.XABAR_DEMO,
    referenceFile: path.resolve(cwd, e.XABAR_REFERENCE_FILE),
    timeZone: e.XABAR_TIME_ZONE,
    viewFlushMs: e.XABAR_VIEW_FLUSH_MS,
    pageCache: e.XABAR_PAGE_CACHE,
    pageCacheBytes: e.XABAR_PAGE_CACHE_MB * 1024 * 1024,
    viewVisitorsMax: e.XABAR_VIEW_VISITORS_MAX,
    // Pub/sub ignores the database number, so the default names the site (its public URL).
    redisPrefix: e.REDIS_PREFIX ?? `xabar:${new URL(siteUrl).host}:`,
    trustProxy: e.TRUST_PROXY,
    mediaDir: path.join(dataDir, 'media'),
    jobMaxAttempts: e.XABAR_JOB_MAX_ATTEMPTS,
    retention: Object.freeze({ hourlyViewsDays: e.XABAR_RETAIN_HOURLY_VIEWS_DAYS, deadJobsDays: e.XABAR_RETAIN_DEAD_JOBS_DAYS, notificationsDays: e.XABAR_RETAIN_NOTIFICATIONS_DAYS }),
    rateLimits: Object.freeze({ search: e.XABAR_RATE_LIMIT_SEARCH, api: e.XABAR_RATE_LIMIT_API, feeds: e.XABAR_RATE_LIMIT_FEEDS, wire: e.XABAR_RATE_LIMIT_WIRE }),
    secretKey: e.XABAR_SECRET_KEY?.trim() || null,
    newSiteTwoFactorRoles: Object.freeze(e.XABAR_NEW_SITE_TWO_FACTOR_ROLES) as Config['newSiteTwoFactorRoles'],
    s3: e.S3_BUCKET
      ? Object.freeze({
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT ?? null,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID ?? null,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? null,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
          prefix: e.S3_PREFIX ? e.S3_PREFIX.replace(/\/?$/, '/') : '',
        })
      : null,
    images: Object.freeze({ maxPixels: e.XABAR_IMAGE_MAX_MEGAPIXELS * 1_000_000, workers: e.XABAR_IMAGE_WORKERS, queue: e.XABAR_IMAGE_QUEUE }),
    videoMaxMb: e.XABAR_VIDEO_MAX_MB,
    websubHub: e.XABAR_WEBSUB_HUB || null,
    indexNow: e.XABAR_INDEXNOW_KEY ? Object.freeze({ key: e.XABAR_INDEXNOW_KEY, endpoint: e.XABAR_INDEXNOW_ENDPOINT || 'https://api.indexnow.org/indexnow' }) : null,
    webhookTimeoutMs: e.XABAR_WEBHOOK_TIMEOUT_MS,
    telegram: Object.freeze({ apiRoot: e.XABAR_TELEGRAM_API_ROOT.replace(/\/+$/, ''), timeoutSeconds: e.XABAR_TELEGRAM_TIMEOUT_S }),
    cdn: e.XABAR_CDN ? Object.freeze({ sMaxAge: e.XABAR_CACHE_S_MAXAGE, staleWhileRevalidate: e.XABAR_CACHE_SWR, purgeUrl: e.XABAR_CDN_PURGE_URL || null }) : null,
    workers: e.XABAR_WORKERS,
    backup: Object.freeze({ dir: e.XABAR_BACKUP_DIR ? path.resolve(cwd, e.XABAR_BACKUP_DIR) : path.join(dataDir, 'backups'), pgBin: e.XABAR_PG_BIN ? path.resolve(cwd, e.XABAR_PG_BIN) : null }),
    logFormat: e.LOG_FORMAT,
    metrics: e.XABAR_METRICS_TOKEN || e.XABAR_METRICS_ALLOW.length ? Object.freeze({ token: e.XABAR_METRICS_TOKEN || null, allow: Object.freeze(e.XABAR_METRICS_ALLOW) }) : null,
    diskMinBytes: e.XABAR_DISK_MIN_MB * 1024 * 1024,
  } as Config);
}

/** S3 settings only make sense together: a half-configured bucket is an operator mistake. */
function s3ConfigProblems(e: z.infer<typeof EnvSchema>): string[] {
  const out: string[] = [];
  const others = (['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PREFIX'] as const).filter((k) => e[k] !== undefined);
  if (!e.S3_BUCKET && others.length) out.push(`S3_BUCKET: required when ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} set (media go to S3 only with a bucket)`);
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) out.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or neither, to use the instance role)');
  return out;
}
