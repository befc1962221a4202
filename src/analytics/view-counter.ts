/**
 * Counts article views without a database write per request: each view increments an in-memory
 * buffer; `flush()` moves the buffer into the database in one transaction (totals, per day, per
 * hour). A timer flushes every `flushMs`; shutdown flushes once more, so a graceful stop loses
 * nothing. If a flush fails, its counts go back into the buffer for the next try.
 *
 * Rules: bots are not counted; one visitor (salted daily hash of IP + user agent) counts once per
 * edition per 30 minutes; one address (an IPv4 address or an IPv6 /64) counts at most
 * MAX_VIEWS_PER_ADDRESS times per edition per 30 minutes whatever user agents it sends, so a
 * script rotating user agents is ten readers, while readers behind one carrier address still count.
 *
 * Both memories are LRU caches bounded in entries (`maxVisitors`, XABAR_VIEW_VISITORS_MAX) and in
 * age (the 30-minute window as TTL). Under a flood of distinct visitors the oldest are forgotten
 * early, so one of them may count again: a bounded error, instead of memory that grows with
 * every unique visitor.
 */
import net from 'node:net';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/schema.js';
import type { DialectOps } from '../db/dialect.js';
import { dayKey } from '../i18n/dates.js';
import { isBotAgent, VisitorHasher } from './visitor.js';

export const REPEAT_WINDOW_MS = 30 * 60 * 1000;
/** Views one address may add to one edition per repeat window. */
export const MAX_VIEWS_PER_ADDRESS = 10;
const HOUR_MS = 3600_000;

export interface ViewCounterOptions {
  db: Kysely<Database>;
  dialect: DialectOps;
  timeZone: () => string;
  flushMs: number;
  clock?: () => number;
  onError?: (err: unknown) => void;
  /** Visitors remembered for the repeat rule (and addresses for the per-address cap), at most. */
  maxVisitors?: number;
}

type Pending = Map<number, Map<string, number>>; // edition → "day|hour" → views

export class ViewCounter {
  private pending: Pending = new Map();
  private pendingTotals = new Map<number, number>();
  /** Totals of the batch being written: still shown until the database has them. */
  private inFlight = new Map<number, number>();
  /** "edition:visitor" → when it was counted. */
  private readonly seen: LRUCache<string, number>;
  /** "edition:address" → views counted from that address in the current window. */
  private readonly perAddress: LRUCache<string, { since: number; n: number }>;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly hasher: VisitorHasher;
  private readonly clock: () => number;

  constructor(private readonly opts: ViewCounterOptions) {
    this.clock = opts.clock ?? Date.now;
    this.hasher = new VisitorHasher((now) => dayKey(new Date(now), opts.timeZone()));
    const max = opts.maxVisitors ?? 100_000;
    // lru-cache reads our clock (tests move it) and must not cache it (ttlResolution 0).
    const common = { max, ttl: REPEAT_WINDOW_MS, ttlResolution: 0, perf: { now: () => this.clock() } };
    this.seen = new LRUCache<string, number>(common);
    // noUpdateTTL: the window starts at the address's first counted view and is not extended.
    this.perAddress = new LRUCache<string, { since: number; n: number }>({ ...common, noUpdateTTL: true });
  }

  /** Records a view when it counts; returns whether it did. */
  record(editionId: number, ip: string, userAgent: string | undefined): boolean {
    if (isBotAgent(userAgent)) return false;
    const now = this.clock();
    const visitor = this.hasher.hash(ip, userAgent!, now);
    const key = `${editionId}:${visitor}`;
    const last = this.seen.get(key);
    if (last !== undefined && now - last < REPEAT_WINDOW_MS) return false;
    // The address is kept hashed too (UA-less hashes never collide with visitors: bots are out).
    const addrKey = `${editionId}:${this.hasher.hash(addressKey(ip), '', now)}`;
    const addr = this.perAddress.get(addrKey);
    const current = addr && now - addr.since < REPEAT_WINDOW_MS ? addr : null;
    if (current && current.n >= MAX_VIEWS_PER_ADDRESS) return false;
    this.seen.set(key, now);
    if (current) current.n++;
    else this.perAddress.set(addrKey, { since: now, n: 1 });
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

  /** Forgets visitors and addresses older than the repeat window (the LRU bounds them anyway). */
  pruneSeen(): void {
    this.seen.purgeStale();
    this.perAddress.purgeStale();
  }

  /** How many visitors and addresses are remembered now (for tests and metrics). */
  remembered(): { visitors: number; addresses: number } {
    return { visitors: this.seen.size, addresses: this.perAddress.size };
  }
}

/**
 * The unit a per-address limit applies to: an IPv4 address, or the /64 network of an IPv6 address
 * (one subscriber line gets a whole /64 and can rotate within it freely).
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!net.isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const width = (g: string[]) => g.reduce((n, x) => n + (x.includes('.') ? 2 : 1), 0);
  const groups = ip.includes('::') ? [...h, ...Array<string>(Math.max(0, 8 - width(h) - width(t))).fill('0'), ...t] : h;
  return groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':') + '::/64';
}
