/**
 * Counts article views without a database write per request: each view increments an in-memory
 * buffer; `flush()` moves the buffer into the database in one transaction (totals, per day, per
 * hour). A timer flushes every `flushMs`; shutdown flushes once more, so a graceful stop loses
 * nothing. If a flush fails, its counts go back into the buffer for the next try.
 *
 * Rules: bots are not counted; one visitor (salted daily hash of IP + user agent) counts once per
 * edition per 30 minutes.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DialectOps } from '../db/dialect.js';
import { dayKey } from '../i18n/dates.js';
import { isBotAgent, VisitorHasher } from './visitor.js';

export const REPEAT_WINDOW_MS = 30 * 60 * 1000;
const HOUR_MS = 3600_000;

export interface ViewCounterOptions {
  db: Kysely<Database>;
  dialect: DialectOps;
  timeZone: () => string;
  flushMs: number;
  clock?: () => number;
  onError?: (err: unknown) => void;
}

type Pending = Map<number, Map<string, number>>; // edition → "day|hour" → views

export class ViewCounter {
  private pending: Pending = new Map();
  private pendingTotals = new Map<number, number>();
  /** Totals of the batch being written: still shown until the database has them. */
  private inFlight = new Map<number, number>();
  private lastSeen = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly hasher: VisitorHasher;
  private readonly clock: () => number;

  constructor(private readonly opts: ViewCounterOptions) {
    this.clock = opts.clock ?? Date.now;
    this.hasher = new VisitorHasher((now) => dayKey(new Date(now), opts.timeZone()));
  }

  /** Records a view when it counts; returns whether it did. */
  record(editionId: number, ip: string, userAgent: string | undefined): boolean {
    if (isBotAgent(userAgent)) return false;
    const now = this.clock();
    const visitor = this.hasher.hash(ip, userAgent!, now);
    const key = `${editionId}:${visitor}`;
    const last = this.lastSeen.get(key);
    if (last !== undefined && now - last < REPEAT_WINDOW_MS) return false;
    this.lastSeen.set(key, now);
    const bucket = `${dayKey(new Date(now), this.opts.timeZone())}|${Math.floor(now / HOUR_MS) * HOUR_MS}`;
    let perEdition = this.pending.get(editionId);
    if (!perEdition) this.pending.set(editionId, (perEdition = new Map()));
    perEdition.set(bucket, (perEdition.get(bucket) ?? 0) + 1);
    this.pendingTotals.set(editionId, (this.pendingTotals.get(editionId) ?? 0) + 1);
    return true;
  }

  /** Views counted but not yet written, so pages can show an exact number. */
  unflushed(editionId: number): number {
    return (this.pendingTotals.get(editionId) ?? 0) + (this.inFlight.get(editionId) ?? 0);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.flush().catch((err) => this.opts.onError?.(err));
      this.pruneSeen();
    }, this.opts.flushMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes buffered counts. Concurrent calls wait for the running flush and then flush again. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.inFlight = this.pendingTotals;
    this.pending = new Map();
    this.pendingTotals = new Map();
    this.flushing = this.write(batch)
      .catch((err) => {
        this.mergeBack(batch);
        throw err;
      })
      .finally(() => {
        this.inFlight = new Map();
        this.flushing = null;
      });
    await this.flushing;
  }

  private async write(batch: Pending): Promise<void> {
    const daily = new Map<string, { edition_id: number; day: string; views: number }>();
    const hourly: { edition_id: number; hour: number; views: number }[] = [];
    const totals: [number, number][] = [];
    for (const [editionId, buckets] of batch) {
      let total = 0;
      for (const [bucket, views] of buckets) {
        const [day, hour] = bucket.split('|') as [string, string];
        const dk = `${editionId}|${day}`;
        const d = daily.get(dk);
        if (d) d.views += views;
        else daily.set(dk, { edition_id: editionId, day, views });
        hourly.push({ edition_id: editionId, hour: Number(hour), views });
        total += views;
      }
      totals.push([editionId, total]);
    }
    // Sorted so concurrent flushers on several nodes lock rows in the same order (no deadlock).
    totals.sort((a, b) => a[0] - b[0]);
    await this.opts.db.transaction().execute(async (trx) => {
      for (const [id, n] of totals) {
        await trx.updateTable('editions').set((eb) => ({ views_total: eb('views_total', '+', n) })).where('id', '=', id).execute();
      }
      await this.opts.dialect.addDailyViews(trx, [...daily.values()].sort((a, b) => a.edition_id - b.edition_id || a.day.localeCompare(b.day)));
      await this.opts.dialect.addHourlyViews(trx, hourly.sort((a, b) => a.edition_id - b.edition_id || a.hour - b.hour));
    });
  }

  private mergeBack(batch: Pending): void {
    for (const [editionId, buckets] of batch) {
      let perEdition = this.pending.get(editionId);
      if (!perEdition) this.pending.set(editionId, (perEdition = new Map()));
      for (const [bucket, views] of buckets) {
        perEdition.set(bucket, (perEdition.get(bucket) ?? 0) + views);
        this.pendingTotals.set(editionId, (this.pendingTotals.get(editionId) ?? 0) + views);
      }
    }
  }

  /** Forgets visitors older than the repeat window so memory stays bounded. */
  pruneSeen(): void {
    const cutoff = this.clock() - REPEAT_WINDOW_MS;
    for (const [k, t] of this.lastSeen) if (t < cutoff) this.lastSeen.delete(k);
  }
}
