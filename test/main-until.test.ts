/**
 * The main-story flag's expiry as the newsroom sets it (PUT /editions/:id `mainUntil`), on SQLite
 * and PostgreSQL: kept when left out, cleared with the flag, refused (422) when not a date-time;
 * the site setting for flags without one is validated too. docs/home-page.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/site.js';
import { draft, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);

describe.each(DIALECTS)('main-story expiry on %s', (dialect) => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await makeNewsroom(dialect, NOW);
  });
  afterAll(async () => {
    await n?.s.close();
  });

  it('saves, keeps, clears and validates the expiry of the main-story flag', async () => {
    const e = await draft(n.editor, 'ru', 'Главная новость дня', n.sectionId);
    const until = new Date(NOW + 5 * 3600_000).toISOString();
    const saved = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { isMain: true, mainUntil: until }));
    expect(saved.status, saved.body).toBe(200);
    expect(saved.json.mainUntil).toBe(until);
    // Left out (an older client): the expiry stays.
    const kept = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(saved.json, { headline: 'Главная новость дня, обновлено' }));
    expect(kept.json.mainUntil).toBe(until);
    // The flag off: the expiry goes with it.
    const off = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(kept.json, { isMain: false, mainUntil: until }));
    expect(off.json.isMain).toBe(false);
    expect(off.json.mainUntil).toBeNull();
    const bad = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(off.json, { isMain: true, mainUntil: 'tomorrow' }));
    expect(bad.status).toBe(422);
  });

  it('validates the age limit setting', async () => {
    expect((await n.admin.req('PUT', '/settings', { mainStoryHours: 0 })).status).toBe(422);
    const ok = await n.admin.req('PUT', '/settings', { mainStoryHours: 12 });
    expect(ok.status, ok.body).toBe(200);
    expect((await n.s.c.settings.get()).mainStoryHours).toBe(12);
  });
});
