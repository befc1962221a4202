/**
 * Composition root: builds every long-lived part once, in dependency order, and knows how to
 * close them in reverse. Tests build their own container with a temporary database and clock.
 */
import { PagesService } from './pages/pages.service.js';
import { PagesRepository } from './pages/pages.repository.js';
import { ImportRepository } from './import/import.repository.js';
import path from 'node:path';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { Redis } from 'ioredis';
import type { Config } from './config.js';
import { openDb, type Db, type DbTarget } from './db/connect.js';
import { dialectOps, type DialectOps } from './db/dialect.js';
import { migrate } from './db/migrate.js';
import { EditionsRepository } from './content/editions.repository.js';
import { TaxonomyRepository } from './content/taxonomy.repository.js';
import { StoriesService } from './content/stories.service.js';
import { MediaRepository } from './media/media.repository.js';
import { MediaService } from './media/media.service.js';
import { LocalMediaStore, type MediaStore } from './media/storage.js';
import { ImageQueue } from './media/image-queue.js';
import { configureSharp } from './media/images.js';
import { ViewCounter } from './analytics/view-counter.js';
import { AnalyticsService } from './analytics/analytics.service.js';
import { AnalyticsRepository } from './analytics/analytics.repository.js';
import { SettingsStore } from './site/settings.js';
import { SiteService } from './site/site.service.js';
import { PageCache } from './site/page-cache.js';
import { AssetStore } from './site/assets.js';
import { LOCAL_ONLY, redisPurgeBus, type PurgeBus } from './site/purge-bus.js';
import { cdnPurger } from './site/cdn-purge.js';
import { StartupError } from './errors.js';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountsService } from './accounts/accounts.service.js';
import { AuditRepository } from './audit/audit.repository.js';
import { TwoFactorRepository } from './accounts/two-factor.repository.js';
import { TwoFactorService } from './accounts/two-factor.service.js';
import { SecuritySettings } from './accounts/security-settings.js';
import { keyFromDataDir, parseSecretKey, SecretBox } from './accounts/secret-box.js';
import { TaxonomyAdminRepository } from './content/taxonomy.repository.js';
import { TaxonomyAdmin } from './content/taxonomy.admin.js';
import { NewsroomRepository } from './newsroom/newsroom.repository.js';
import { EditionPresenter } from './newsroom/edition.presenter.js';
import { EditorialService } from './newsroom/editorial.service.js';
import { TranslitExceptionsService } from './newsroom/translit-exceptions.service.js';
import { PreviewLinksRepository } from './newsroom/preview-links.repository.js';
import { PreviewLinksService } from './newsroom/preview-links.service.js';
import { RelatedRepository } from './newsroom/related.repository.js';
import { RelatedService } from './newsroom/related.service.js';
import { UrgencyService } from './newsroom/urgency.service.js';
import { StoriesListService } from './newsroom/stories-list.service.js';
import { StoriesListRepository } from './newsroom/stories-list.repository.js';
import { BulkService } from './newsroom/bulk.service.js';
import { PlanningService } from './newsroom/planning.service.js';
import { PlanningRepository } from './newsroom/planning.repository.js';
import { unpublishScheduledJob } from './jobs/unpublish-scheduled.job.js';
import { RevisionsService } from './newsroom/revisions.service.js';
import { Relay, type JobHandler } from './jobs/relay.js';
import { StoryEvents } from './distribution/story-events.js';
import { PublicStoryReader } from './distribution/public-story.js';
import { websubJob, websubSubscriber } from './distribution/pings/websub.js';
import { indexNowJob, indexNowSubscriber } from './distribution/pings/indexnow.js';
import { PingsRepository } from './distribution/pings/pings.repository.js';
import { publishScheduledJob } from './jobs/publish-scheduled.job.js';
import { dailySweepJob } from './jobs/sweep.job.js';
import { Retention } from './ops/retention.js';
import { RetentionRepository } from './ops/retention.repository.js';
import { DeskRepository } from './desk/desk.repository.js';
import { DeskService } from './desk/desk.service.js';
import { NotificationsService } from './desk/notifications.service.js';
import { WebhooksRepository } from './distribution/webhooks/webhooks.repository.js';
import { WebhooksService } from './distribution/webhooks/webhooks.service.js';
import { webhookJobs, webhooksSubscriber } from './distribution/webhooks/webhooks.jobs.js';
import { TelegramRepository } from './distribution/telegram/telegram.repository.js';
import { TELEGRAM_TOPIC, TelegramService } from './distribution/telegram/telegram.service.js';
import { telegramJob } from './distribution/telegram/telegram.job.js';
import { SearchService } from './search/search.service.js';
import { BackupService } from './ops/backup/backup.service.js';
import { backupJobs } from './ops/backup/backup.job.js';
import { createLogger } from './ops/logger.js';
import { Metrics } from './ops/metrics.js';
import { OpsRepository } from './ops/ops.repository.js';
import { readiness, type Readiness } from './ops/readiness.js';
import { pendingMigrations } from './db/migrate.js';

export interface Container {
  readonly config: Config;
  readonly log: Logger;
  readonly db: Db;
  readonly dialect: DialectOps;
  readonly clock: () => number;
  readonly editions: EditionsRepository;
  readonly taxonomy: TaxonomyRepository;
  readonly stories: StoriesService;
  readonly media: MediaService;
  readonly storage: MediaStore;
  readonly settings: SettingsStore;
  readonly views: ViewCounter;
  /** The newsroom's analytics dashboard (src/analytics/). */
  readonly analytics: AnalyticsService;
  /** Full-text search of the public site and the newsroom (src/search/). */
  readonly search: SearchService;
  readonly site: SiteService;
  readonly pageCache: PageCache | null;
  readonly assets: AssetStore;
  readonly audit: AuditRepository;
  readonly accounts: AccountsService;
  readonly twoFactor: TwoFactorService;
  readonly taxonomyAdmin: TaxonomyAdmin;
  readonly editorial: EditorialService;
  readonly translitExceptions: TranslitExceptionsService;
  readonly storiesList: StoriesListService;
  readonly previewLinks: PreviewLinksService;
  readonly related: RelatedService;
  readonly urgency: UrgencyService;
  readonly bulk: BulkService;
  readonly planning: PlanningService;
  readonly revisions: RevisionsService;
  readonly relay: Relay;
  /** Published/updated/corrected/unpublished, emitted by the newsroom in the change's transaction (src/distribution/story-events.ts). */
  readonly storyEvents: StoryEvents;
  /** Editions as feeds, the read API, the wire and webhooks present them (src/distribution/public-story.ts). */
  readonly publicStories: PublicStoryReader;
  /** Seals secrets stored in the database under XABAR_SECRET_KEY (or DATA_DIR/secret.key). */
  readonly secretBox: SecretBox;
  readonly retention: Retention;
  readonly desk: DeskService;
  readonly notifications: NotificationsService;
  /** Signed webhooks to registered endpoints (src/distribution/webhooks/). */
  readonly webhooks: WebhooksService;
  /** Telegram channels: settings, each edition's post, the `telegram.post` job (src/distribution/telegram). */
  readonly telegram: TelegramService;
  /** A Redis command connection when REDIS_URL is set (rate-limit counters shared by nodes). */
  readonly redis: Redis | null;
  /** Static pages (src/pages/). */
  readonly pages: PagesService;
  /** Import records and old addresses (src/import/). */
  readonly imports: ImportRepository;
  /** Scheduled and newsroom-started backups (src/ops/backup/). */
  readonly backups: BackupService;
  /** Drops cached public pages a change to this edition may have altered, on every node. */
  purge(locale: string, editionId: number): void;
  /** Drops every cached page on every node (settings, sections, tags changed). */
  purgeAll(): void;
  /** Database and Redis state for /healthz. */
  health(): Promise<Health>;
  /** Database, migrations, disk and Redis for /readyz (src/ops/readiness.ts). */
  ready(): Promise<Readiness>;
  /** Prometheus metrics of this node (src/ops/metrics.ts); served at /metrics when configured. */
  readonly metrics: Metrics;
  close(): Promise<void>;
}

/** `degraded`: serving, but Redis is down (other nodes' purges cannot arrive); `down`: no database. */
export interface Health {
  status: 'ok' | 'degraded' | 'down';
  db: 'ok' | 'down';
  redis: 'ok' | 'down' | 'off';
}

/** Page lifetime while Redis is down: a purge on another node reaches this one within it. */
const DEGRADED_PAGE_TTL_MS = 1500;

export interface ContainerOptions {
  clock?: () => number;
  logger?: Logger;
  /** Overrides the database chosen by config (tests use a PostgreSQL schema of their own). */
  dbTarget?: DbTarget;
  /** Redis channel for cache purges, overriding `<REDIS_PREFIX>purge`. */
  purgeChannel?: string;
}

export async function buildContainer(config: Config, opts: ContainerOptions = {}): Promise<Container> {
  const log = opts.logger ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const clock = opts.clock ?? Date.now;
  const target: DbTarget = opts.dbTarget ?? (config.database.dialect === 'postgres' ? { dialect: 'postgres', url: config.database.url } : { dialect: 'sqlite', file: config.database.file });
  const db = await openDb(target);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const dialect = dialectOps(db.dialect);
  const k = db.kysely;
  // Built first: the view counter and the relay report into it; its sources are read at scrape time.
  let pageCache: PageCache | null = null;
  let views: ViewCounter | null = null;
  const opsRepo = new OpsRepository(k);
  const metrics = new Metrics(
    {
      pageCache: () => (pageCache ? { hits: pageCache.hits, misses: pageCache.misses, bytes: pageCache.bytes, entries: pageCache.size } : null),
      viewBuffer: () => views?.buffered() ?? { editions: 0, views: 0 },
      outbox: () => opsRepo.outboxByTopic(),
      dbPool: () => db.poolStats?.() ?? null,
    },
    { processMetrics: config.metrics !== null },
  );
  const editions = new EditionsRepository(k, dialect.matchesAll, dialect.filterOnly);
  const taxonomy = new TaxonomyRepository(k);
  let storage: MediaStore;
  try {
    storage = await openMediaStore(config, log);
  } catch (err) {
    await db.close();
    throw err;
  }
  configureSharp();
  const imageQueue = new ImageQueue(config.images.workers, config.images.queue);
  const media = new MediaService(k, new MediaRepository(k), storage, { queue: imageQueue, maxPixels: config.images.maxPixels, videoMaxMb: config.videoMaxMb });
  const settings = new SettingsStore(k, { timeZone: config.timeZone }, 2000, (field, problem) => log.warn({ field, problem }, 'stored setting is invalid; its default is used until it is saved again'));
  await settings.get(); // warm: the view counter reads the time zone synchronously
  views = new ViewCounter({
    db: k,
    dialect,
    // Day buckets follow the site's time zone as set in the newsroom, not only at start-up.
    timeZone: () => settings.peek()?.timeZone ?? config.timeZone,
    flushMs: config.viewFlushMs,
    clock,
    maxVisitors: config.viewVisitorsMax,
    siteHost: new URL(config.siteUrl).hostname,
    onError: (err) => log.error({ err }, 'view counter flush failed; counts kept for the next try'),
    onFlush: (seconds, ok) => metrics.viewFlush(seconds, ok),
  });
  const pagesRepo = new PagesRepository(k);
  const site = new SiteService(editions, taxonomy, media, settings, views, clock, (msg, detail) => log.warn(detail, msg), pagesRepo);
  pageCache = config.pageCache ? new PageCache({ maxBytes: config.pageCacheBytes, clock }) : null;
  let bus: PurgeBus = LOCAL_ONLY;
  // Everything a node keeps from the database: pages, remembered lists, settings.
  const dropAllLocal = () => {
    pageCache?.clear();
    site.forget();
    settings.invalidate();
  };
  let redis: Redis | null = null;
  if (config.redisUrl) {
    try {
      // No offline queue: while Redis is away a command fails at once (rate limits then let the
      // request through) instead of holding a reader's request until it reconnects.
      redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5000, enableOfflineQueue: false });
      redis.on('error', (err) => log.warn({ err }, 'redis connection problem; rate limits are not shared until it returns'));
      await redis.connect();
      // The repeat-visitor rules hold across nodes: their memory moves to Redis.
      views.share({ redis, prefix: config.redisPrefix, onError: (err) => log.warn({ err }, 'redis view check failed; this view used the local memory') });
      bus = await redisPurgeBus(
        config.redisUrl,
        opts.purgeChannel ?? `${config.redisPrefix}purge`,
        {
          onPurge: (tags) => {
            // `*` is a settings, section or tag change: the settings cache goes with the pages.
            if (tags.includes('*')) return dropAllLocal();
            site.forget();
            pageCache?.purge(tags);
          },
          onDown: () => pageCache?.capTtl(DEGRADED_PAGE_TTL_MS),
          onUp: () => {
            pageCache?.capTtl(null);
            dropAllLocal();
          },
        },
        log.child({ module: 'purge-bus' }),
      );
    } catch (err) {
      redis?.disconnect();
      await db.close();
      // The URL may carry a password (redis://:secret@host): never print it.
      const safeUrl = config.redisUrl.replace(/\/\/([^@/]*)@/, '//***@');
      throw new StartupError(`Cannot connect to Redis at ${safeUrl}: ${(err as Error).message}. Check REDIS_URL and that the server is running.`);
    }
  }
  const cdnPurge = cdnPurger(config.cdn?.purgeUrl ?? null, log.child({ module: 'cdn' }));
  const purge = (locale: string, editionId: number) => {
    const tags = [`edition:${editionId}`, `home:${locale}`, `list:${locale}`];
    pageCache?.purge(tags);
    site.forget();
    bus.publish(tags);
    cdnPurge(tags);
  };
  const purgeAll = () => {
    dropAllLocal();
    bus.publish(['*']);
    cdnPurge(['*']);
  };
  const health = async (): Promise<Health> => {
    let dbOk = true;
    try {
      await sql`select 1`.execute(k);
    } catch (err) {
      dbOk = false;
      log.error({ err }, 'health check: the database does not answer');
    }
    const redis = bus.state() === 'off' ? 'off' : bus.state() === 'up' ? 'ok' : 'down';
    return { status: !dbOk ? 'down' : redis === 'down' ? 'degraded' : 'ok', db: dbOk ? 'ok' : 'down', redis };
  };
  const audit = new AuditRepository(k, clock);
  const accountsRepo = new AccountsRepository(k);
  const twoFactorRepo = new TwoFactorRepository(k);
  const security = new SecuritySettings(twoFactorRepo);
  const accounts = new AccountsService(k, accountsRepo, audit, clock, security, config.newSiteTwoFactorRoles);
  const secretKey = config.secretKey ? parseSecretKey(config.secretKey)! : keyFromDataDir(config.dataDir, (msg) => log.warn(msg));
  // Secrets stored in the database (second-factor seeds, bot tokens, webhook secrets) are sealed with one key from the environment.
  const secretBox = new SecretBox(secretKey);
  const twoFactor = new TwoFactorService(k, twoFactorRepo, accountsRepo, accounts, security, audit, secretBox, accounts.throttle, clock);
  const taxonomyAdmin = new TaxonomyAdmin(k, new TaxonomyAdminRepository(k), taxonomy);
  const newsroomRepo = new NewsroomRepository(k);
  const presenter = new EditionPresenter(newsroomRepo, taxonomyAdmin, media, settings, clock);
  const deskRepo = new DeskRepository(k);
  const notifications = new NotificationsService(deskRepo, clock);
  const storyEvents = new StoryEvents();
  const editorial = new EditorialService(k, newsroomRepo, presenter, audit, clock, purge, notifications.editorial, storyEvents);
  const translitExceptions = new TranslitExceptionsService(k, audit, editorial, clock);
  const publicStories = new PublicStoryReader(k, taxonomy, new MediaRepository(k), settings, config.siteUrl, clock);
  const desk = new DeskService(k, deskRepo, (actor, id, trx) => editorial.load(actor, id, trx), notifications, audit, clock);
  const relatedRepo = new RelatedRepository(k);
  const retention = new Retention(new RetentionRepository(k), config.retention);
  const jobLog = log.child({ module: 'jobs' });
  const jobHandlers: JobHandler[] = [publishScheduledJob(editorial), unpublishScheduledJob(editorial), dailySweepJob(k, retention, clock, jobLog)];
  // Distribution: each subscriber adds its job handler here and subscribes to story events.
  jobHandlers.push(websubJob(config.websubHub, publicStories, jobLog), indexNowJob(config.indexNow, config.siteUrl, publicStories, new PingsRepository(k), jobLog));
  storyEvents.subscribe(websubSubscriber(config.websubHub));
  storyEvents.subscribe(indexNowSubscriber(config.indexNow));
  const webhooks = new WebhooksService(k, new WebhooksRepository(k), secretBox, publicStories, audit, clock, { timeoutMs: config.webhookTimeoutMs });
  jobHandlers.push(...webhookJobs(webhooks));
  storyEvents.subscribe(webhooksSubscriber);
  const telegram = new TelegramService({ db: k, repo: new TelegramRepository(k), secretBox, settings, stories: publicStories, audit, clock, api: config.telegram, log: log.child({ module: 'telegram' }), purgeAll: () => purgeAll() });
  jobHandlers.push(telegramJob(telegram));
  storyEvents.subscribe({ topic: TELEGRAM_TOPIC });
  const backups = new BackupService({
    db: k,
    audit,
    // The database this container really uses (a test's schema included), and its media store.
    source: () => ({
      database: target.dialect === 'sqlite' ? { dialect: 'sqlite', file: target.file } : { dialect: 'postgres', url: target.url, schema: db.schema ?? 'public' },
      store: storage,
      pgBin: config.backup.pgBin,
      secretKeyFile: config.secretKey ? null : path.join(config.dataDir, 'secret.key'),
    }),
    dir: config.backup.dir,
    timeZone: () => settings.peek()?.timeZone ?? config.timeZone,
    clock,
    log: log.child({ module: 'backup' }),
  });
  jobHandlers.push(...backupJobs(k, backups, clock));
  const relay = new Relay({ db: k, dialect, handlers: jobHandlers, clock, log: jobLog, maxAttempts: config.jobMaxAttempts, onDead: (job, reason) => notifications.jobDead(k, job, reason), onOutcome: (topic, outcome) => metrics.job(topic, outcome) });
  const ready = readiness({
    health,
    pendingMigrations: () => pendingMigrations(db),
    dataDir: config.dataDir,
    diskMinBytes: config.diskMinBytes,
    onProblem: (what, detail) => log.warn(detail, `readiness: ${what}`),
  });
  return {
    config,
    log,
    db,
    dialect,
    clock,
    editions,
    taxonomy,
    stories: new StoriesService(k, editions, clock),
    media,
    storage,
    settings,
    views,
    analytics: new AnalyticsService(new AnalyticsRepository(k), clock, () => settings.peek()?.timeZone ?? config.timeZone),
    search: new SearchService(k, dialect),
    site,
    pageCache,
    assets: new AssetStore(),
    audit,
    accounts,
    twoFactor,
    taxonomyAdmin,
    editorial,
    translitExceptions,
    revisions: new RevisionsService(editorial, newsroomRepo, taxonomyAdmin, media),
    storiesList: new StoriesListService(newsroomRepo, new StoriesListRepository(k, dialect.searchMatch), settings, () => editorial.presenceSince()),
    previewLinks: new PreviewLinksService(k, new PreviewLinksRepository(k), editorial, audit, clock, config.siteUrl),
    related: new RelatedService(k, relatedRepo, newsroomRepo, editorial, audit, clock, purge),
    urgency: new UrgencyService(k, relatedRepo, editorial, audit, purge),
    bulk: new BulkService(editorial, newsroomRepo),
    planning: new PlanningService(k, new PlanningRepository(k), editorial, audit, clock),
    relay,
    storyEvents,
    publicStories,
    secretBox,
    retention,
    desk,
    notifications,
    webhooks,
    telegram,
    redis,
    pages: new PagesService(k, pagesRepo, clock, () => purgeAll()),
    imports: new ImportRepository(k),
    backups,
    purge,
    purgeAll,
    health,
    ready,
    metrics,
    async close() {
      // Purges already sent reach the CDN and the other nodes before this process lets go.
      await cdnPurge.idle();
      await bus.close();
      redis?.disconnect();
      await relay.stop().catch((err) => log.error({ err }, 'job relay stop failed'));
      // A backup this node is writing finishes first (its database handle is about to close).
      await backups.idle();
      await views.stop().catch((err) => log.error({ err }, 'final view flush failed'));
      await db.close();
      storage.close?.();
    },
  };
}

/** The configured media store: S3 when S3_BUCKET is set (checked now), else the local folder. */
export async function openMediaStore(config: Config, log: Logger): Promise<MediaStore> {
  if (config.s3) {
    // Loaded only when used: the AWS SDK is large and a one-node site never needs it.
    const { S3MediaStore } = await import('./media/s3-store.js');
    const s3 = new S3MediaStore(config.s3);
    try {
      await s3.check();
    } catch (err) {
      s3.close();
      throw new StartupError(`Cannot reach the media bucket ${config.s3.bucket}${config.s3.endpoint ? ` at ${config.s3.endpoint}` : ''}: ${(err as Error).name} ${(err as Error).message}. Check S3_BUCKET, S3_ENDPOINT, S3_REGION and the credentials.`);
    }
    return s3;
  }
  const local = new LocalMediaStore(config.mediaDir);
  // Uploads killed mid-write leave `.tmp` files; remove old ones without delaying start-up.
  local.startSweep(
    (n) => n && log.info({ removed: n }, 'removed leftover temporary media files'),
    (err) => log.warn({ err }, 'could not sweep temporary media files'),
  );
  return local;
}
