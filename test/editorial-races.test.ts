/**
 * Races in the editorial workflow, fired in parallel through the HTTP layer on SQLite and
 * PostgreSQL (where the pool really runs them at once): conflicting transitions, two derives or
 * translations of one story, two stories wanting the same automatic slug. Never a 500; a loser
 * gets a specific 409 and leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/site.js';
import { draft, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const TRIALS = 10;

describe.each(DIALECTS)('editorial races on %s', (dialect) => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await makeNewsroom(dialect, NOW);
  });
  afterAll(async () => {
    await n?.s.close();
  });
  const k = () => n.s.c.db.kysely;

  it('lets exactly one of draft→published and draft→scheduled win, the other 409 leaving no trace', async () => {
    for (let i = 0; i < TRIALS; i++) {
      const e = await draft(n.editor, 'ru', `Гонка переходов номер ${i}`, n.sectionId, ['Текст.']);
      const at = new Date(NOW + 3600_000).toISOString();
      const publish = () => n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
      const schedule = () => n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'scheduled', at, from: 'draft' });
      const [p, sc] = i % 2 ? await Promise.all([publish(), schedule()]) : (await Promise.all([schedule(), publish()])).reverse();
      expect([p!.status, sc!.status].sort(), `${p!.body} ${sc!.body}`).toEqual([200, 409]);
      const loser = p!.status === 409 ? p! : sc!;
      expect(loser.json.error.message).toMatch(/moved|changed/);
      const winner: 'published' | 'scheduled' = p!.status === 200 ? 'published' : 'scheduled';
      const row = await k().selectFrom('editions').select('status').where('id', '=', e.id).executeTakeFirstOrThrow();
      expect(row.status).toBe(winner);
      const transitions = await k().selectFrom('edition_transitions').select('to_status').where('edition_id', '=', e.id).where('from_status', 'is not', null).execute();
      expect(transitions.map((t) => t.to_status)).toEqual([winner]);
      const jobs = await k().selectFrom('outbox').select('id').where('dedupe_key', 'like', `publish:${e.id}:%`).execute();
      expect(jobs).toHaveLength(winner === 'scheduled' ? 1 : 0);
      const audit = await k().selectFrom('audit_log').select('action').where('entity', '=', 'edition').where('entity_id', '=', e.id).execute();
      expect(audit.map((a) => a.action)).toEqual([winner === 'published' ? 'story.publish' : 'story.schedule']);
    }
  });

  it('refuses a transition whose starting state is no longer the story’s', async () => {
    const e = await draft(n.editor, 'ru', 'Переход из устаревшего состояния', n.sectionId, ['Текст.']);
    expect((await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'review', from: 'draft' })).status).toBe(200);
    const stale = await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/review/);
  });

  it('answers two simultaneous derives with one 201 and one clear 409', async () => {
    for (let i = 0; i < 5; i++) {
      const latin = await draft(n.editor, 'uz', `Ikki marta nusxa ${i}`, n.sectionId);
      const rs = await Promise.all([0, 1].map(() => n.editor.req('POST', `/editions/${latin.id}/derive`)));
      expect(rs.map((r) => r.status).sort(), rs.map((r) => r.body).join(' ')).toEqual([201, 409]);
      expect(rs.find((r) => r.status === 409)!.json.error.message).toMatch(/already has an edition in the other script/);
      const editions = await k().selectFrom('editions').select('locale').where('story_id', '=', latin.storyId).execute();
      expect(editions.map((x) => x.locale).sort()).toEqual(['uz', 'uz-Cyrl']);
    }
  });

  it('answers two simultaneous translations into one language with one 201 and one clear 409', async () => {
    for (let i = 0; i < 5; i++) {
      const ru = await draft(n.editor, 'ru', `Новость для двух переводов ${i}`, n.sectionId, ['Текст.']);
      const rs = await Promise.all([0, 1].map(() => n.editor.req('POST', `/editions/${ru.id}/translations`, { locale: 'en' })));
      expect(rs.map((r) => r.status).sort(), rs.map((r) => r.body).join(' ')).toEqual([201, 409]);
      expect(rs.find((r) => r.status === 409)!.json.error.message).toBe('The story already has an edition in this language.');
    }
    const ru = await draft(n.editor, 'ru', 'Новость с переводом', n.sectionId, ['Текст.']);
    expect((await n.editor.req('POST', `/editions/${ru.id}/translations`, { locale: 'en' })).status).toBe(201);
    expect((await n.editor.req('POST', `/editions/${ru.id}/translations`, { locale: 'en' })).status).toBe(409);
  });

  it('gives two stories created at once with one headline distinct automatic slugs', async () => {
    for (let i = 0; i < 5; i++) {
      const headline = `Одинаковый заголовок номер ${i}`;
      const rs = await Promise.all([n.editor, n.author, n.contributor].map((c) => c.req('POST', '/stories', { locale: 'ru', headline })));
      expect(rs.map((r) => r.status), rs.map((r) => r.body).join(' ')).toEqual([201, 201, 201]);
      expect(new Set(rs.map((r) => r.json.slug)).size).toBe(3);
    }
  });

  it('gives two drafts saved at once with one new headline distinct automatic slugs', async () => {
    for (let i = 0; i < 5; i++) {
      const a = await draft(n.editor, 'ru', `Первый черновик ${i}`, n.sectionId, ['Текст.']);
      const b = await draft(n.editor, 'ru', `Второй черновик ${i}`, n.sectionId, ['Текст.']);
      const headline = `Общий новый заголовок ${i}`;
      const rs = await Promise.all([a, b].map((e) => n.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { headline }))));
      expect(rs.map((r) => r.status), rs.map((r) => r.body).join(' ')).toEqual([200, 200]);
      const slugs = rs.map((r) => r.json.slug).sort();
      expect(slugs).toEqual([`obshchii-novyi-zagolovok-${i}`, `obshchii-novyi-zagolovok-${i}-2`]);
    }
  });
});
