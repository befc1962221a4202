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
 *
 * With Redis (REDIS_URL) both memories live there instead, so the rules hold across every node of
 * the site: one Lua script per view checks the visitor key and the address counter and sets them
 * together (SET PX 30 min; INCR + PEXPIRE, capped at ten), keys under REDIS_PREFIX. The day's salt
 * is shared through Redis too (a random value that expires after two days, never derived from a
 * stored secret), so one reader hashes alike on every node. When a Redis call fails, that view
 * falls back to this node's memory: counted by the local rules rather than lost.
 *
 * For the dashboard (docs/analytics.md) a counted view also carries its reader facts — referrer
 * category and host, device class — reduced at once from the request headers (reader-facts.ts);
 * the flush adds them to per-minute and per-day-and-source counters in the same transaction.
 */
import net from 'node:net';
import crypto from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/schema.js';
import type { DialectOps } from '../db/dialect.js';
import { dayKey } from '../i18n/dates.js';
import { hashVisitor, isBotAgent, VisitorHasher } from './visitor.js';
import { readerFacts, type ReaderHeaders } from './reader-facts.js';
import { addMinutelyViews, addSourceViews, deleteMinutelyBefore } from './analytics.repository.js';

export const REPEAT_WINDOW_MS = 30 * 60 * 1000;
/** Views one address may add to one edition per repeat window. */
export const MAX_VIEWS_PER_ADDRESS = 10;
const HOUR_MS = 3600_000;
const MAX_CHECKS_IN_FLIGHT = 10_000;
const MINUTE_MS = 60_000;
/** Per-minute counters older than this are deleted (the live view reads two hours back). */
export const MINUTELY_KEEP_MS = 3 * HOUR_MS;
const MINUTELY_PRUNE_EVERY_MS = 10 * MINUTE_MS;
/**
 * Distinct (day, category, host, device) keys one edition may hold between two flushes. Hosts
 * come from readers' headers: past this, a new host counts under its category without a host, so
 * a flood of invented referrers cannot grow the buffer (or one flush) without bound.
 */
export const MAX_FACT_KEYS_PER_EDITION = 256;

export interface ViewCounterOptions {
  db: Kysely<Database>;
  dialect: DialectOps;
  timeZone: () => string;
  flushMs: number;
  clock?: () => number;
  onError?: (err: unknown) => void;
  /** Visitors remembered for the repeat rule (and addresses for the per-address cap), at most. */
  maxVisitors?: number;
  /** This site's host (SITE_URL): referrers from it are `internal`. */
  siteHost?: string;
  /** Told after each flush that wrote something: how long it took and whether it succeeded (metrics). */
  onFlush?: (seconds: number, ok: boolean) => void;
}

/** Memories shared by several nodes through Redis (see the header). */
export interface SharedMemory {
  redis: Redis;
  /** REDIS_PREFIX: every key starts with it. */
  prefix: string;
  /** A Redis call failed (the view then used this node's memory). */
  onError?: (err: unknown) => void;
}

/**
 * KEYS: visitor key, address key. ARGV: window ms, cap. 1 when the view counts (and is remembered),
 * 0 when it repeats within the window or the address is over its cap.
 */
const SEEN_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local n = tonumber(redis.call('GET', KEYS[2]) or '0')
if n >= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
return 1`;

type Pending = Map<number, Map<string, number>>; // edition → "day|minute" → views
type PendingFacts = Map<number, Map<string, number>>; // edition → "day\tsource\thost\tdevice" → views

export class ViewCounter {
  private pending: Pending = new Map();
  private pendingFacts: PendingFacts = new Map();
  private lastPrune = 0;
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
  /** Redis checks under way; a flush waits for them so every counted view is in it. */
  private readonly checking = new Set<Promise<boolean>>();
  private sharedSalt: { day: string; salt: Promise<Buffer> } | null = null;
  private shared: SharedMemory | null = null;
  private dayMemo = { sec: -1, tz: '', day: '' };

  constructor(private readonly opts: ViewCounterOptions) {
    this.clock = opts.clock ?? Date.now;
    this.hasher = new VisitorHasher((now) => this.dayOf(now));
    const max = opts.maxVisitors ?? 100_000;
    // lru-cache reads our clock (tests move it) and must not cache it (ttlResolution 0).
    const common = { max, ttl: REPEAT_WINDOW_MS, ttlResolution: 0, perf: { now: () => this.clock() } };
    this.seen = new LRUCache<string, number>(common);
    // noUpdateTTL: the window starts at the address's first counted view and is not extended.
    this.perAddress = new LRUCache<string, { since: number; n: number }>({ ...common, noUpdateTTL: true });
  }

  /**
   * Records a view when it counts; resolves to whether it did. Callers need not wait: `flush()`
   * waits for checks under way. `connection` (the request's socket) lets a reader's next request on
   * the same connection skip hashing again (VisitorHasher).
   */
  record(editionId: number, ip: string, userAgent: string | undefined, headers?: ReaderHeaders, connection?: object): Promise<boolean> {
    if (isBotAgent(userAgent)) return Promise.resolve(false);
    const shared = this.shared;
    // Bounded: if Redis is so slow that checks pile up, further views use the local memory.
    if (!shared || this.checking.size >= MAX_CHECKS_IN_FLIGHT) return Promise.resolve(this.recordLocal(editionId, ip, userAgent!, headers, connection));
    const now = this.clock();
    const p = this.recordShared(shared, editionId, ip, userAgent!, now, headers)
      .catch((err) => {
        shared.onError?.(err);
        return this.recordLocal(editionId, ip, userAgent!, headers);
      })
      .finally(() => this.checking.delete(p));
    this.checking.add(p);
    return p;
  }

  /** From now on the repeat rules use Redis (container.ts, once REDIS_URL is connected). */
  share(shared: SharedMemory | null): void {
    this.shared = shared;
    this.sharedSalt = null;
  }

  private async recordShared(shared: SharedMemory, editionId: number, ip: string, userAgent: string, now: number, headers: ReaderHeaders | undefined): Promise<boolean> {
    const salt = await this.saltFor(shared, this.dayOf(now));
    const visitor = hashVisitor(salt, ip, userAgent);
    const addr = hashVisitor(salt, addressKey(ip), '');
    const counted = await shared.redis.eval(SEEN_SCRIPT, 2, `${shared.prefix}views:v:${editionId}:${visitor}`, `${shared.prefix}views:a:${editionId}:${addr}`, REPEAT_WINDOW_MS, MAX_VIEWS_PER_ADDRESS);
    if (counted !== 1) return false;
    this.add(editionId, now, userAgent, headers);
    return true;
  }

  /** The day's salt every node uses: the first node to need it sets it, the others read it. */
  private saltFor(shared: SharedMemory, day: string): Promise<Buffer> {
    if (this.sharedSalt?.day === day) return this.sharedSalt.salt;
    const key = `${shared.prefix}views:salt:${day}`;
    const salt = (async () => {
      await shared.redis.set(key, crypto.randomBytes(32).toString('base64'), 'PX', 2 * 24 * HOUR_MS, 'NX');
      const v = await shared.redis.get(key);
      if (!v) throw new Error('the shared view salt vanished from Redis');
      return Buffer.from(v, 'base64');
    })();
    this.sharedSalt = { day, salt };
    // A failed fetch is not kept: the next view asks again.
    salt.catch(() => {
      if (this.sharedSalt?.salt === salt) this.sharedSalt = null;
    });
    return salt;
  }

  private recordLocal(editionId: number, ip: string, userAgent: string, headers: ReaderHeaders | undefined, connection?: object): boolean {
    const now = this.clock();
    const visitor = this.hasher.hash(ip, userAgent, now, connection);
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
    this.add(editionId, now, userAgent, headers);
    return true;
  }

  private add(editionId: number, now: number, userAgent: string, headers: ReaderHeaders | undefined): void {
    const day = this.dayOf(now);
    const bucket = `${day}|${Math.floor(now / MINUTE_MS) * MINUTE_MS}`;
    let perEdition = this.pending.get(editionId);
    if (!perEdition) this.pending.set(editionId, (perEdition = new Map()));
    perEdition.set(bucket, (perEdition.get(bucket) ?? 0) + 1);
    // Reduced now: the buffer never holds a referrer URL or a user agent, only these categories.
    const f = readerFacts(userAgent, headers, this.opts.siteHost ?? '');
    let factsKey = `${day}\t${f.source}\t${f.host}\t${f.device}`;
    let facts = this.pendingFacts.get(editionId);
    if (!facts) this.pendingFacts.set(editionId, (facts = new Map()));
    if (facts.size >= MAX_FACT_KEYS_PER_EDITION && !facts.has(factsKey)) factsKey = `${day}\t${f.source}\t\t${f.device}`;
    facts.set(factsKey, (facts.get(factsKey) ?? 0) + 1);
    this.pendingTotals.set(editionId, (this.pendingTotals.get(editionId) ?? 0) + 1);
  }

  /**
   * The site's calendar day at `now`, formatted once per second: Intl formatting is the largest
   * cost of a counted cache hit, and a day always turns on a whole second in every time zone.
   */
  private dayOf(now: number): string {
    const sec = Math.floor(now / 1000);
    const tz = this.opts.timeZone();
    if (this.dayMemo.sec !== sec || this.dayMemo.tz !== tz) this.dayMemo = { sec, tz, day: dayKey(new Date(now), tz) };
    return this.dayMemo.day;
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
    if (this.checking.size) await Promise.allSettled([...this.checking]);
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    const facts = this.pendingFacts;
    this.inFlight = this.pendingTotals;
    this.pending = new Map();
    this.pendingFacts = new Map();
    this.pendingTotals = new Map();
    const started = performance.now();
    const told = (ok: boolean) => {
      try {
        this.opts.onFlush?.((performance.now() - started) / 1000, ok);
      } catch {
        /* metrics must never put a written batch back */
      }
    };
    this.flushing = this.write(batch, facts)
      .then(
        () => told(true),
        (err) => {
          told(false);
          this.mergeBack(batch, facts);
          throw err;
        },
      )
      .finally(() => {
        this.inFlight = new Map();
        this.flushing = null;
      });
    await this.flushing;
  }

  private async write(batch: Pending, facts: PendingFacts): Promise<void> {
    const daily = new Map<string, { edition_id: number; day: string; views: number }>();
    const hourly = new Map<string, { edition_id: number; hour: number; views: number }>();
    // Keyed like the hourly rows: two buckets of one minute (the day changes with the site's time
    // zone) must become one row, or PostgreSQL's upsert refuses to touch a row twice in one statement.
    const minutely = new Map<string, { edition_id: number; minute: number; views: number }>();
    const totals: [number, number][] = [];
    for (const [editionId, buckets] of batch) {
      let total = 0;
      for (const [bucket, views] of buckets) {
        const [day, minuteText] = bucket.split('|') as [string, string];
        const minute = Number(minuteText);
        const dk = `${editionId}|${day}`;
        const d = daily.get(dk);
        if (d) d.views += views;
        else daily.set(dk, { edition_id: editionId, day, views });
        const hour = Math.floor(minute / HOUR_MS) * HOUR_MS;
        const hk = `${editionId}|${hour}`;
        const h = hourly.get(hk);
        if (h) h.views += views;
        else hourly.set(hk, { edition_id: editionId, hour, views });
        const mk = `${editionId}|${minute}`;
        const m = minutely.get(mk);
        if (m) m.views += views;
        else minutely.set(mk, { edition_id: editionId, minute, views });
        total += views;
      }
      totals.push([editionId, total]);
    }
    const sources: { edition_id: number; day: string; source: string; host: string; device: string; views: number }[] = [];
    for (const [editionId, perKey] of facts) {
      for (const [key, views] of perKey) {
        const [day, source, host, device] = key.split('\t') as [string, string, string, string];
        sources.push({ edition_id: editionId, day, source, host, device, views });
      }
    }
    const now = this.clock();
    const prune = now - this.lastPrune >= MINUTELY_PRUNE_EVERY_MS;
    if (prune) this.lastPrune = now;
    // Sorted so concurrent flushers on several nodes lock rows in the same order (no deadlock).
    totals.sort((a, b) => a[0] - b[0]);
    await this.opts.db.transaction().execute(async (trx) => {
      for (const [id, n] of totals) {
        await trx.updateTable('editions').set((eb) => ({ views_total: eb('views_total', '+', n) })).where('id', '=', id).execute();
      }
      await this.opts.dialect.addDailyViews(trx, [...daily.values()].sort((a, b) => a.edition_id - b.edition_id || a.day.localeCompare(b.day)));
      await this.opts.dialect.addHourlyViews(trx, [...hourly.values()].sort((a, b) => a.edition_id - b.edition_id || a.hour - b.hour));
      await addMinutelyViews(trx, [...minutely.values()].sort((a, b) => a.edition_id - b.edition_id || a.minute - b.minute));
      await addSourceViews(trx, sources.sort((a, b) => a.edition_id - b.edition_id || cmp(a.day, b.day) || cmp(a.source, b.source) || cmp(a.host, b.host) || cmp(a.device, b.device)));
    });
    // Outside the transaction: a slow delete must not hold the counters' row locks. A failure is
    // harmless (the next prune deletes them) and must not put the written counts back.
    if (prune) await deleteMinutelyBefore(this.opts.db, now - MINUTELY_KEEP_MS).catch((err) => this.opts.onError?.(err));
  }

  private mergeBack(batch: Pending, facts: PendingFacts): void {
    for (const [editionId, perKey] of facts) {
      let mine = this.pendingFacts.get(editionId);
      if (!mine) this.pendingFacts.set(editionId, (mine = new Map()));
      for (const [key, views] of perKey) mine.set(key, (mine.get(key) ?? 0) + views);
    }
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

  /** Views counted and not yet written (being written included), and how many editions they are for. */
  buffered(): { editions: number; views: number } {
    let views = 0;
    for (const n of this.pendingTotals.values()) views += n;
    for (const n of this.inFlight.values()) views += n;
    return { editions: this.pendingTotals.size + this.inFlight.size, views };
  }

  /** How many visitors and addresses are remembered now (for tests and metrics). */
  remembered(): { visitors: number; addresses: number } {
    return { visitors: this.seen.size, addresses: this.perAddress.size };
  }
}

/** Code-point order, the same in every locale and both databases' binary collations. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
