/**
 * What the view counter keeps besides counts, against a real (in-memory SQLite) database: only
 * categories, hosts and device classes reach the flush, and invented referrer hosts cannot grow
 * the buffer past MAX_FACT_KEYS_PER_EDITION keys per edition (the extra views still count, under
 * their category without a host).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDb, type Db } from '../db/connect.js';
import { dialectOps } from '../db/dialect.js';
import { migrate } from '../db/migrate.js';
import { insertPublishedEdition } from '../../test/helpers/edition-row.js';
import { MAX_FACT_KEYS_PER_EDITION, ViewCounter } from './view-counter.js';

const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
let db: Db;
let editionId: number;

beforeEach(async () => {
  db = await openDb({ dialect: 'sqlite', file: ':memory:' });
  await migrate(db);
  const t = Date.UTC(2026, 11, 1, 9, 0);
  editionId = await insertPublishedEdition(db.kysely, t);
});
afterEach(async () => {
  await db.close();
});

it('keeps at most MAX_FACT_KEYS_PER_EDITION keys per edition per flush, and every view', async () => {
  const now = Date.UTC(2026, 11, 1, 10, 0);
  const counter = new ViewCounter({ db: db.kysely, dialect: dialectOps('sqlite'), timeZone: () => 'Asia/Tashkent', flushMs: 5000, clock: () => now, siteHost: 'news.example.test' });
  const n = MAX_FACT_KEYS_PER_EDITION + 100;
  for (let i = 0; i < n; i++) expect(await counter.record(editionId, `10.${i >> 8}.${i & 255}.1`, UA, { referer: `https://spam-${i}.example/path?q=secret` })).toBe(true);
  await counter.flush();
  const rows = await db.kysely.selectFrom('edition_views_sources').selectAll().execute();
  expect(rows.length).toBe(MAX_FACT_KEYS_PER_EDITION + 1);
  expect(rows.reduce((s, r) => s + Number(r.views), 0)).toBe(n);
  expect(rows.find((r) => r.host === '')).toMatchObject({ source: 'other', device: 'desktop', views: 100 });
  expect(JSON.stringify(rows)).not.toMatch(/secret|path|Mozilla/);
  const minutes = await db.kysely.selectFrom('edition_views_minutely').selectAll().execute();
  expect(minutes).toEqual([{ edition_id: editionId, minute: now, views: n }]);
});
