/**
 * Prometheus metrics (prom-client), one registry per container so tests and several apps in one
 * process never share counters. What is measured and why is in docs/operations.md.
 *
 * Label cardinality is bounded by construction: `route` is Fastify's route pattern
 * (`/:locale/news/:slug`), never the URL; unmatched requests are `(none)`, pages answered by the
 * fast path in front of Fastify `(page cache)`; `method` is one of a fixed list; `topic` is a
 * job topic (a fixed set in code). Hot paths only add to plain numbers or call one prom-client
 * `inc`/`observe`; everything that needs a query (outbox depth) is read when Prometheus scrapes.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricSources {
  /** Page-cache counters (src/site/page-cache.ts), when the cache is on. */
  pageCache?: () => { hits: number; misses: number; bytes: number; entries: number } | null;
  /** Views counted but not yet written (src/analytics/view-counter.ts). */
  viewBuffer?: () => { editions: number; views: number };
  /** Outbox jobs waiting and dead, by topic (read at scrape time; a bounded, indexed query). */
  outbox?: () => Promise<{ topic: string; pending: number; dead: number }[]>;
  /** PostgreSQL pool: connections open, idle, and queries waiting for one; null on SQLite. */
  dbPool?: () => { total: number; idle: number; waiting: number } | null;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
export const FAST_PATH_ROUTE = '(page cache)';
export const NO_ROUTE = '(none)';

export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly viewFlushSeconds: Histogram<'outcome'>;
  private readonly jobs: Counter<'topic' | 'outcome'>;
  /** Fast-path answers by "METHOD status": plain numbers, added to the request counter at scrape. */
  private readonly fast = new Map<string, number>();
  private readonly fastReported = new Map<string, number>();
  private fastBytes = 0;

  /**
   * `processMetrics`: also the process's own (event-loop lag, heap, RSS, CPU, GC, handles). Only
   * when /metrics is on: prom-client's event-loop monitor, once enabled, runs for the process's life.
   */
  constructor(sources: MetricSources = {}, opts: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (opts.processMetrics) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    const fast = this.fast;
    const reported = this.fastReported;
    this.requests = new Counter({
      name: 'xabar_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status (fast-path page-cache answers have route="(page cache)")',
      labelNames: ['method', 'route', 'status'],
      registers,
      collect() {
        // Catch up with what the fast path counted in plain numbers since the last scrape.
        for (const [k, n] of fast) {
          const d = n - (reported.get(k) ?? 0);
          if (d <= 0) continue;
          const [method, status] = k.split(' ') as [string, string];
          this.inc({ method, route: FAST_PATH_ROUTE, status }, d);
          reported.set(k, n);
        }
      },
    });
    this.duration = new Histogram({
      name: 'xabar_http_request_duration_seconds',
      help: 'Time from request to response for requests served by the app (not the fast path), by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    // Counters mirrored from plain numbers kept elsewhere: only the growth since the last scrape is added.
    const mirrored = (name: string, help: string, read: () => number | null | undefined) => {
      let reported = 0;
      new Counter({
        name,
        help,
        registers,
        collect() {
          const v = read();
          if (v == null || v <= reported) return;
          this.inc(v - reported);
          reported = v;
        },
      });
    };
    mirrored('xabar_fast_path_bytes_total', 'Body bytes sent by the fast path from the page cache', () => this.fastBytes);
    mirrored('xabar_page_cache_hits_total', 'Page-cache lookups that found a fresh page (fast path and app)', () => sources.pageCache?.()?.hits);
    mirrored('xabar_page_cache_misses_total', 'Page-cache lookups that had to render (or join a render of) the page', () => sources.pageCache?.()?.misses);
    new Gauge({
      name: 'xabar_page_cache_bytes',
      help: 'Bytes of the pages held in the page cache (identity, gzip and brotli bodies)',
      registers,
      collect() {
        const s = sources.pageCache?.();
        if (s) this.set(s.bytes);
      },
    });
    new Gauge({
      name: 'xabar_page_cache_entries',
      help: 'Pages held in the page cache',
      registers,
      collect() {
        const s = sources.pageCache?.();
        if (s) this.set(s.entries);
      },
    });
    new Gauge({
      name: 'xabar_view_buffer_views',
      help: 'Views counted in memory and not yet written to the database',
      registers,
      collect() {
        const b = sources.viewBuffer?.();
        if (b) this.set(b.views);
      },
    });
    new Gauge({
      name: 'xabar_view_buffer_editions',
      help: 'Editions with views waiting in memory',
      registers,
      collect() {
        const b = sources.viewBuffer?.();
        if (b) this.set(b.editions);
      },
    });
    this.viewFlushSeconds = new Histogram({
      name: 'xabar_view_flush_duration_seconds',
      help: 'Time one view-counter flush took, by outcome (ok, failed: the counts were kept for the next flush)',
      labelNames: ['outcome'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.jobs = new Counter({
      name: 'xabar_outbox_jobs_total',
      help: 'Outbox job runs by topic and outcome (done, retry: failed and will be retried, dead: failed for the last time, lost: lease ran out)',
      labelNames: ['topic', 'outcome'],
      registers,
    });
    const outboxRows = async () => (sources.outbox ? sources.outbox() : []);
    new Gauge({
      name: 'xabar_outbox_pending_jobs',
      // Read from the database, the same in every process: cluster aggregation keeps one copy.
      aggregator: 'max',
      help: 'Outbox jobs not yet done (due or scheduled), by topic',
      labelNames: ['topic'],
      registers,
      async collect() {
        this.reset();
        for (const r of await outboxRows()) if (r.pending) this.set({ topic: r.topic }, r.pending);
      },
    });
    new Gauge({
      name: 'xabar_outbox_dead_jobs',
      // Read from the database, the same in every process: cluster aggregation keeps one copy.
      aggregator: 'max',
      help: 'Outbox jobs that failed for good and wait for an operator, by topic',
      labelNames: ['topic'],
      registers,
      async collect() {
        this.reset();
        for (const r of await outboxRows()) if (r.dead) this.set({ topic: r.topic }, r.dead);
      },
    });
    new Gauge({
      name: 'xabar_db_pool_connections',
      help: 'PostgreSQL pool connections by state (open, idle) and queries waiting for a connection (waiting); absent on SQLite',
      labelNames: ['state'],
      registers,
      collect() {
        const p = sources.dbPool?.();
        if (!p) return;
        this.set({ state: 'open' }, p.total);
        this.set({ state: 'idle' }, p.idle);
        this.set({ state: 'waiting' }, p.waiting);
      },
    });
  }

  /** A request answered by the app: `route` is the route pattern (or NO_ROUTE). */
  request(method: string, route: string, status: number, seconds: number): void {
    const labels = { method: METHODS.has(method) ? method : 'OTHER', route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  /** A page answered by the fast path: two map updates, nothing else (it is the hottest path). */
  fastPath(method: string, status: number, bytes: number): void {
    const k = `${method} ${status}`;
    this.fast.set(k, (this.fast.get(k) ?? 0) + 1);
    this.fastBytes += bytes;
  }

  viewFlush(seconds: number, ok: boolean): void {
    this.viewFlushSeconds.observe({ outcome: ok ? 'ok' : 'failed' }, seconds);
  }

  job(topic: string, outcome: 'done' | 'retry' | 'dead' | 'lost'): void {
    this.jobs.inc({ topic, outcome });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  /** Where the text comes from: this registry, or (cluster workers) the primary's aggregate of all workers. */
  private source: () => Promise<string> = () => this.registry.metrics();

  /** Under node:cluster: answer scrapes with every worker's metrics (src/ops/cluster-metrics.ts). */
  readFrom(source: () => Promise<string>): void {
    this.source = source;
  }

  text(): Promise<string> {
    return this.source();
  }
}
