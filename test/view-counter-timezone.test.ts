/**
 * A change of the site's time zone in the middle of a minute puts that minute's views under two
 * days in the buffer. The flush must still write them as one minute row: PostgreSQL refuses an
 * upsert that touches one row twice, and a refused flush is retried forever with a growing buffer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dialectOps } from '../src/db/dialect.js';
import { ViewCounter } from '../src/analytics/view-counter.js';
import { insertPublishedEdition } from './helpers/edition-row.js';
import { BROWSER_UA, DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

describe.each(DIALECTS)('a time-zone change within one minute on %s', (dialect) => {
  let site: TestSite;
  afterEach(async () => site?.close());

  it('flushes the minute as one row and every view reaches the counters', async () => {
    site = await makeTestSite(dialect);
    const db = site.c.db.kysely;
    const t = Date.UTC(2025, 3, 24, 9, 0);
    const editionId = await insertPublishedEdition(db, t, { slug: 'tz-h' });
    // 20:30:10 UTC is still 24 April in UTC and already 25 April in Tashkent.
    const now = Date.UTC(2025, 3, 24, 20, 30, 10);
    let zone = 'UTC';
    const errors: unknown[] = [];
    const counter = new ViewCounter({ db, dialect: dialectOps(dialect), timeZone: () => zone, flushMs: 60_000, clock: () => now, onError: (e) => errors.push(e) });
    expect(await counter.record(editionId, '198.51.100.1', BROWSER_UA)).toBe(true);
    zone = 'Asia/Tashkent';
    expect(await counter.record(editionId, '198.51.100.2', BROWSER_UA)).toBe(true);
    await counter.flush();
    expect(errors).toEqual([]);
    const total = await db.selectFrom('editions').select('views_total').where('id', '=', editionId).executeTakeFirstOrThrow();
    expect(Number(total.views_total)).toBe(2);
    const minutes = await db.selectFrom('edition_views_minutely').select(['minute', 'views']).where('edition_id', '=', editionId).execute();
    expect(minutes.map((m) => [Number(m.minute), Number(m.views)])).toEqual([[Date.UTC(2025, 3, 24, 20, 30), 2]]);
    const days = await db.selectFrom('edition_views_daily').select(['day', 'views']).where('edition_id', '=', editionId).orderBy('day').execute();
    expect(days.map((d) => [d.day, Number(d.views)])).toEqual([['2025-04-24', 1], ['2025-04-25', 1]]);
    await counter.stop?.();
  });
});
