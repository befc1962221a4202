/**
 * Process entry: config → container → migrations → demo content on first start → HTTP server.
 * Operator mistakes (bad config, unreachable database, unwritable data folder, missing reference
 * file) end the process with one clear line and a non-zero exit code, not a stack trace.
 */
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { buildContainer, type Container } from './container.js';
import { StartupError } from './errors.js';
import { ImportFormatError } from './content/reference-import.js';
import { isEmpty, seedDemo } from './demo/seed.js';
import { isClusterWorker, runPrimary } from './cluster.js';
import { answerClusterMetrics, clusterMetricsReader } from './ops/cluster-metrics.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.workers > 1 && !isClusterWorker()) {
    // The primary prepares the site once (migrations, demo) and then only looks after the workers.
    if (config.metrics) answerClusterMetrics(); // a scrape of any worker reports them all
    await runPrimary(config.workers, async () => {
      const c = await buildContainer(config);
      try {
        await seedIfEmpty(c);
      } finally {
        await c.close();
      }
    });
    console.log(`Xabar: ${config.siteUrl}/ (newsroom: ${config.siteUrl}/admin/)`);
    return;
  }
  const c = await buildContainer(config);
  if (isClusterWorker() && config.metrics) c.metrics.readFrom(clusterMetricsReader(c.metrics.registry));
  let stopping = false;
  try {
    if (!isClusterWorker()) await seedIfEmpty(c);
    const app = await buildApp(c);
    await app.listen({ port: config.port, host: config.host });
    c.views.start();
    c.relay.start(); // scheduled publishing and other outbox jobs
    if (isClusterWorker()) c.log.info('worker ready');
    else await announce(c);

    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      c.log.info({ signal }, 'shutting down');
      // Stop taking requests first, then flush the last view counts, then close the database.
      await app.close().catch(() => undefined);
      await c.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
  } catch (err) {
    await c.close().catch(() => undefined);
    throw err;
  }
}

async function seedIfEmpty(c: Container): Promise<void> {
  if (c.config.demo && (await isEmpty(c))) {
    const started = Date.now();
    console.log('Empty database: creating the demo site…');
    const demo = await seedDemo(c, { progress: (m) => console.log(m) });
    console.log(`Demo site ready: ${demo.stories} stories in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}

async function announce(c: Container): Promise<void> {
  const refPath = await referencePath(c);
  console.log(`\nXabar is running: ${c.config.siteUrl}/`);
  if (refPath) console.log(`The reference story: ${c.config.siteUrl}${refPath}`);
  console.log(`The newsroom: ${c.config.siteUrl}/admin/`);
}

async function referencePath(c: Container): Promise<string | null> {
  const row = await c.db.kysely
    .selectFrom('editions')
    .select('slug')
    .where('locale', '=', 'ru')
    .where('is_main', '=', 1)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? `/ru/news/${row.slug}` : null;
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof StartupError || err instanceof ImportFormatError) console.error(`Cannot start Xabar: ${err.message}`);
  else if ((err as NodeJS.ErrnoException)?.code === 'EADDRINUSE') console.error(`Cannot start Xabar: port is already in use. Stop the other server or set PORT.`);
  else console.error('Cannot start Xabar:', err);
  process.exit(1);
});
