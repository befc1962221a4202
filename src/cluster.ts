/**
 * `XABAR_WORKERS=N`: N server processes on one machine (node:cluster), sharing the port. The
 * primary serves nothing: it prepares the site once (migrations, demo content on first start), so
 * workers never race to seed an empty database, then forks the workers, restarts one that dies
 * (with a growing delay while they keep crashing, so a broken deployment does not spin the CPU),
 * and on SIGTERM/SIGINT passes the signal on and waits for every worker's graceful stop.
 *
 * The workers are nodes like any other: purges, the repeat-visitor memory and rate limits go
 * through Redis (config requires REDIS_URL with N > 1), outbox jobs and view flushes are safe to
 * run in each (jobs are leased, flushes add). On SQLite all workers write one file: SQLite's own
 * lock keeps one writer at a time (WAL mode lets readers go on; busy_timeout waits up to 5 s for
 * the lock) — docs/configuration.md says when to move to PostgreSQL instead.
 */
import cluster, { type Worker } from 'node:cluster';

/** A worker that ran this long before dying was healthy: its restart starts the backoff afresh. */
const HEALTHY_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;
/** How long a graceful stop may take before the primary ends the workers. */
const STOP_GRACE_MS = 30_000;

export async function runPrimary(workers: number, prepare: () => Promise<void>, log: (msg: string) => void = console.log): Promise<void> {
  await prepare();
  let stopping = false;
  let crashes = 0;
  const started = new Map<Worker, number>();
  const fork = () => started.set(cluster.fork(), Date.now());

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? Date.now());
    started.delete(worker);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    crashes = lived >= HEALTHY_MS ? 1 : crashes + 1;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** (crashes - 1));
    log(`Worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another in ${(delay / 1000).toFixed(1)} s.`);
    setTimeout(() => {
      if (!stopping) fork();
    }, delay).unref();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${started.size} workers…`);
    if (started.size === 0) process.exit(0);
    for (const w of started.keys()) w.process.kill(signal);
    setTimeout(() => {
      for (const w of started.keys()) w.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  for (let i = 0; i < workers; i++) fork();
  log(`Xabar is running ${workers} worker processes.`);
}

export const isClusterWorker = () => cluster.isWorker;
