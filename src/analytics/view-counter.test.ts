/**
 * View-counting rules against a real (in-memory SQLite) database: bots are ignored, a visitor
 * counts once per 30 minutes, counts reach the database only on flush, and stop() flushes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/connect.js';
import { dialectOps } from '../db/dialect.js';
import { migrate } from '../db/migrate.js';
import { insertPublishedEdition } from '../../test/helpers/edition-row.js';
import { REPEAT_WINDOW_MS, ViewCounter } from './view-counter.js';
import { VisitorHasher } from './visitor.js';

const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const BOT = 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)';

let db: Db;
let now: number;
let counter: ViewCounter;
let editionId: number;

async function total(): Promise<number> {
  const row = await db.kysely.selectFrom('editions').select('views_total').where('id', '=', editionId).executeTakeFirstOrThrow();
  return Number(row.views_total);
}

beforeEach(async () => {
  db = await openDb({ dialect: 'sqlite', file: ':memory:' });
  await migrate(db);
  const t = Date.UTC(2025, 3, 24, 9, 0);
  editionId = await insertPublishedEdition(db.kysely, t, { viewsTotal: 224 });
  now = Date.UTC(2025, 3, 24, 19, 30); // 00:30 next day in Tashkent
  counter = new ViewCounter({ db: db.kysely, dialect: dialectOps('sqlite'), timeZone: () => 'Asia/Tashkent', flushMs: 5000, clock: () => now });
});

afterEach(async () => {
  await db.close();
});

describe('ViewCounter', () => {
  it('counts a reader once and shows the count before it is flushed', async () => {
    expect(await counter.record(editionId, '203.0.113.5', UA)).toBe(true);
    expect(counter.unflushed(editionId)).toBe(1);
    expect(await total()).toBe(224); // no write per request
    await counter.flush();
    expect(await total()).toBe(225);
    expect(counter.unflushed(editionId)).toBe(0);
  });

  it('does not count bots or requests without a user agent', async () => {
    expect(await counter.record(editionId, '203.0.113.5', BOT)).toBe(false);
    expect(await counter.record(editionId, '203.0.113.5', undefined)).toBe(false);
    await counter.flush();
    expect(await total()).toBe(224);
  });

  it('does not count the same visitor again within 30 minutes, but does after', async () => {
    expect(await counter.record(editionId, '203.0.113.5', UA)).toBe(true);
    now += REPEAT_WINDOW_MS - 1000;
    expect(await counter.record(editionId, '203.0.113.5', UA)).toBe(false);
    expect(await counter.record(editionId, '203.0.113.6', UA)).toBe(true); // another reader
    expect(await counter.record(editionId, '203.0.113.5', `${UA} Edg/126`)).toBe(true); // another browser
    now += 2000;
    expect(await counter.record(editionId, '203.0.113.5', UA)).toBe(true);
    await counter.flush();
    expect(await total()).toBe(228);
  });

  it('writes per-day counters in the site time zone and per-hour counters', async () => {
    counter.record(editionId, '198.51.100.1', UA);
    counter.record(editionId, '198.51.100.2', UA);
    await counter.flush();
    const daily = await db.kysely.selectFrom('edition_views_daily').selectAll().execute();
    expect(daily).toEqual([{ edition_id: editionId, day: '2025-04-25', views: 2 }]);
    const hourly = await db.kysely.selectFrom('edition_views_hourly').selectAll().execute();
    expect(hourly).toEqual([{ edition_id: editionId, hour: Date.UTC(2025, 3, 24, 19), views: 2 }]);
    counter.record(editionId, '198.51.100.3', UA);
    await counter.flush();
    const again = await db.kysely.selectFrom('edition_views_daily').select('views').executeTakeFirstOrThrow();
    expect(again.views).toBe(3); // upsert adds, never overwrites
  });

  it('flushes on stop, so a graceful shutdown loses no view', async () => {
    counter.start();
    counter.record(editionId, '198.51.100.1', UA);
    counter.record(editionId, '198.51.100.2', UA);
    await counter.stop();
    expect(await total()).toBe(226);
  });

  it('keeps counts for the next flush when a write fails', async () => {
    counter.record(editionId, '198.51.100.1', UA);
    await db.kysely.schema.alterTable('edition_views_daily').renameTo('gone').execute();
    await expect(counter.flush()).rejects.toThrow();
    expect(counter.unflushed(editionId)).toBe(1);
    expect(await total()).toBe(224); // the transaction rolled back the total too
    await db.kysely.schema.alterTable('gone').renameTo('edition_views_daily').execute();
    await counter.flush();
    expect(await total()).toBe(225);
  });

  it('forgets old visitors so memory stays bounded', () => {
    counter.record(editionId, '198.51.100.1', UA);
    now += REPEAT_WINDOW_MS + 1;
    counter.pruneSeen();
    expect(counter.remembered().visitors).toBe(0);
  });

  it('never remembers more visitors or addresses than its limit, however many come', () => {
    const small = new ViewCounter({ db: db.kysely, dialect: dialectOps('sqlite'), timeZone: () => 'Asia/Tashkent', flushMs: 5000, clock: () => now, maxVisitors: 5000 });
    for (let i = 0; i < 100_000; i++) {
      small.record(editionId, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, `${UA} r${i}`);
      if (i % 997 === 0) now += 1;
    }
    const { visitors, addresses } = small.remembered();
    expect(visitors).toBeLessThanOrEqual(5000);
    expect(addresses).toBeLessThanOrEqual(5000);
    expect(small.unflushed(editionId)).toBe(100_000); // every distinct reader still counted
  });

  it('counts at most 10 views per address per story in 30 minutes, whatever the user agent', async () => {
    for (let i = 0; i < 200; i++) counter.record(editionId, '203.0.113.77', `${UA} rnd/${Math.random().toString(36).slice(2)}`);
    expect(counter.unflushed(editionId)).toBe(10);
    for (let i = 0; i < 10; i++) expect(await counter.record(editionId, `198.51.100.${i + 1}`, UA)).toBe(true);
    expect(counter.unflushed(editionId)).toBe(20);
    now += REPEAT_WINDOW_MS + 1;
    expect(await counter.record(editionId, '203.0.113.77', `${UA} later`)).toBe(true); // the window moved on
  });

  it('treats one IPv6 /64 (one subscriber line) as one address', () => {
    for (let i = 0; i < 50; i++) counter.record(editionId, `2001:db8:1:2:${i.toString(16)}::1`, `${UA} v${i}`);
    expect(counter.unflushed(editionId)).toBe(10);
  });
});

describe('readers sharing one connection (the per-connection hash memo)', () => {
  it('counts each reader a proxy brings over one kept-alive connection, and a reader\'s repeat once', async () => {
    const socket = {};
    const OTHER_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
    expect(await counter.record(editionId, '203.0.113.5', UA, undefined, socket)).toBe(true);
    expect(await counter.record(editionId, '203.0.113.5', UA, undefined, socket)).toBe(false);
    // Same connection, another browser: another reader.
    expect(await counter.record(editionId, '203.0.113.5', OTHER_UA, undefined, socket)).toBe(true);
    // Same connection, another address (a proxy forwarding for many): another reader.
    expect(await counter.record(editionId, '198.51.100.7', UA, undefined, socket)).toBe(true);
    // The first reader again, after the others passed on the connection: still a repeat.
    expect(await counter.record(editionId, '203.0.113.5', UA, undefined, socket)).toBe(false);
    // The same reader on a new connection: a repeat too (the memo only saves the hashing).
    expect(await counter.record(editionId, '203.0.113.5', UA, undefined, {})).toBe(false);
    await counter.flush();
    expect(await total()).toBe(227);
  });

  it('never hands a connection yesterday\'s hash: a new day\'s salt makes a new one', () => {
    let day = 'd1';
    const hasher = new VisitorHasher(() => day);
    const socket = {};
    const a = hasher.hash('203.0.113.5', UA, 0, socket);
    expect(hasher.hash('203.0.113.5', UA, 0, socket)).toBe(a);
    expect(hasher.hash('203.0.113.5', UA, 0)).toBe(a); // the memo gives what hashing gives
    day = 'd2';
    const b = hasher.hash('203.0.113.5', UA, 0, socket);
    expect(b).not.toBe(a);
    expect(hasher.hash('203.0.113.5', UA, 0)).toBe(b);
  });

  it('hashes anew when the day (and so the salt) changes, even on the same connection', async () => {
    const socket = {};
    expect(await counter.record(editionId, '203.0.113.5', UA, undefined, socket)).toBe(true);
    now += 20 * 60_000; // still the same day in Tashkent, inside the window
    expect(await counter.record(editionId, '203.0.113.5', UA, undefined, socket)).toBe(false);
    now += 24 * 3600_000; // the next day: a new salt, a new visitor hash, counted again
    expect(await counter.record(editionId, '203.0.113.5', UA, undefined, socket)).toBe(true);
    await counter.flush();
    expect(await total()).toBe(226);
  });
});
