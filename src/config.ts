/**
 * One typed, validated, frozen configuration read from the environment once at start-up.
 * Nothing else in the code reads `process.env`; every key is documented in docs/configuration.md.
 */
import path from 'node:path';
import { z } from 'zod';

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
  TRUST_PROXY: boolish.default('false'),
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
});

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
  readonly trustProxy: boolean;
  readonly mediaDir: string;
  /** Where media files live: null for the local folder `mediaDir`. */
  readonly s3: S3Config | null;
  /** Image processing bounds: decoded pixels, concurrent sharp jobs, jobs allowed to wait. */
  readonly images: { readonly maxPixels: number; readonly workers: number; readonly queue: number };
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
    trustProxy: e.TRUST_PROXY,
    mediaDir: path.join(dataDir, 'media'),
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
