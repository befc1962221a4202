/**
 * Two nodes of one site on this machine's real PostgreSQL (XABAR_TEST_PG, one schema for both)
 * and real Redis (XABAR_TEST_REDIS), as production runs several nodes: a publish on node A shows
 * on node B within a second; views sent to both nodes add up exactly, and a reader who repeats on
 * the other node within 30 minutes is not counted again (the repeat memory is in Redis); a
 * scheduled story is published once although both nodes run the job relay.
 * (test/multinode.test.ts covers purges, settings and Redis outages on two SQLite nodes.)
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/accounts/policy.js';
import { paragraphsToDoc } from '../src/content/document.js';
import { openDb } from '../src/db/connect.js';
import { BROWSER_UA, makeTestSite, type TestSite } from './helpers/site.js';

const PG = process.env.XABAR_TEST_PG;
const REDIS = process.env.XABAR_TEST_REDIS ?? 'redis://127.0.0.1:6379';

async function until(cond: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}

describe.skipIf(!PG)('two nodes on one PostgreSQL database and one Redis', () => {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  let a: TestSite;
  let b: TestSite;
  let actor: Actor;
  let sectionId: number;
  beforeAll(async () => {
    const admin = await openDb({ dialect: 'postgres', url: PG! });
    await sql.raw(`create schema ${schema}`).execute(admin.kysely);
    await admin.close();
    const env = { REDIS_URL: REDIS, REDIS_PREFIX: `xabar:two-node:${crypto.randomBytes(4).toString('hex')}:` };
    a = await makeTestSite('postgres', { env, pgSchema: schema });
    b = await makeTestSite('postgres', { env, pgSchema: schema });
    const u = await a.c.accounts.createUser(null, { email: 'editor@example.uz', name: 'Editor', role: 'editor', password: 'correct horse battery' });
    actor = { id: u.id, role: 'editor' };
    sectionId = await a.c.db.kysely.transaction().execute((trx) => a.c.taxonomy.upsertSection(trx, 'world', 0, '#6B3FA0', { ru: 'В мире', uz: 'Dunyo', 'uz-Cyrl': 'Дунё', en: 'World' }));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    const admin = await openDb({ dialect: 'postgres', url: PG! });
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.kysely);
    await admin.close();
  });

  const draft = async (headline: string) => {
    const story = await a.c.stories.create({ sectionId, editions: [{ locale: 'ru', headline, doc: paragraphsToDoc(['Текст новости для двух узлов.']), status: 'draft' }] });
    return story.editions[0]!.id;
  };
  const slugOf = async (id: number) => (await a.c.db.kysely.selectFrom('editions').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  const viewsOf = async (id: number) => {
    await Promise.all([a.c.views.flush(), b.c.views.flush()]);
    return Number((await a.c.db.kysely.selectFrom('editions').select('views_total').where('id', '=', id).executeTakeFirstOrThrow()).views_total);
  };

  it('shows a story published on node A on node B within a second', async () => {
    const id = await draft('Опубликовано на узле А');
    // B has its home page cached from before the publish.
    expect((await b.app.inject('/ru/')).body).not.toContain('Опубликовано на узле А');
    expect(b.c.pageCache!.get('/ru/')).toBeDefined();
    await a.c.editorial.transition(actor, id, { to: 'published' });
    expect(await until(async () => (await b.app.inject('/ru/')).body.includes('Опубликовано на узле А'), 1000)).toBe(true);
    expect((await b.app.inject(`/ru/news/${await slugOf(id)}`)).statusCode).toBe(200);
  });

  it('adds up views from both nodes exactly and does not count a repeat on the other node', async () => {
    const id = await draft('Читают на двух узлах');
    await a.c.editorial.transition(actor, id, { to: 'published' });
    const url = `/ru/news/${await slugOf(id)}`;
    const read = (node: TestSite, ip: string, ua = BROWSER_UA) => node.app.inject({ url, headers: { 'user-agent': ua }, remoteAddress: ip });
    for (let i = 1; i <= 7; i++) expect((await read(a, `198.51.100.${i}`)).statusCode).toBe(200);
    for (let i = 1; i <= 5; i++) expect((await read(b, `203.0.113.${i}`)).statusCode).toBe(200);
    expect(await viewsOf(id)).toBe(12);
    // The same readers again, each on the other node, within 30 minutes: nothing more.
    for (let i = 1; i <= 7; i++) await read(b, `198.51.100.${i}`);
    for (let i = 1; i <= 5; i++) await read(a, `203.0.113.${i}`);
    expect(await viewsOf(id)).toBe(12);
    // The per-address cap holds across nodes too: 15 agents from one address, spread over both, count 10.
    for (let i = 0; i < 15; i++) await read(i % 2 ? a : b, '192.0.2.44', `${BROWSER_UA} r${i}`);
    expect(await viewsOf(id)).toBe(22);
  });

  it('publishes a scheduled story once although both nodes run the job relay', async () => {
    const id = await draft('Запланировано на двух узлах');
    const at = new Date(a.c.clock() + 60_000).toISOString();
    await a.c.editorial.transition(actor, id, { to: 'scheduled', at });
    for (const n of [a, b]) n.tick(2 * 60_000);
    const [ranA, ranB] = await Promise.all([a.c.relay.runDue(), b.c.relay.runDue()]);
    await Promise.all([a.c.relay.runDue(), b.c.relay.runDue()]);
    const row = await a.c.db.kysely.selectFrom('editions').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    const publishes = await a.c.db.kysely.selectFrom('edition_transitions').select('id').where('edition_id', '=', id).where('to_status', '=', 'published').execute();
    expect(publishes).toHaveLength(1);
    expect(ranA + ranB).toBeGreaterThanOrEqual(1);
    expect(await until(async () => (await b.app.inject('/ru/')).body.includes('Запланировано на двух узлах'), 1000)).toBe(true);
  });
});
