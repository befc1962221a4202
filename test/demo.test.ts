/** The demo is created once, even when two nodes start on the same empty database at once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

describe.each(DIALECTS)('demo seeding on %s', (dialect) => {
  let s: TestSite;
  beforeAll(async () => {
    s = await makeTestSite(dialect);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('creates the demo exactly once under concurrent starts', async () => {
    const results = await Promise.all([seedDemo(s.c, { stories: 3, images: 1 }), seedDemo(s.c, { stories: 3, images: 1 })]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const n = await s.c.db.kysely.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(4); // 3 generated + the reference story
    const editions = await s.c.db.kysely.selectFrom('editions').select(['locale']).execute();
    expect(new Set(editions.map((e) => e.locale))).toEqual(new Set(['ru', 'uz', 'uz-Cyrl', 'en']));
    expect((await seedDemo(s.c, { stories: 3, images: 1 })).created).toBe(false);
  });
});
