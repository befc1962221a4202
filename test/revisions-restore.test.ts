/**
 * Restoring a revision (issue 8, defect 1): a restore brings back what the diff shows — the
 * headline, lead, body and the edition's own text fields — and nothing else. The section, hero
 * image, tags and authors are shared by every language of the story; they come back only when
 * asked for explicitly, and only for someone who may change them. Also: the send-back reason and
 * the lead setting of the public article page (defects 9 and 10).
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, multipart } from './helpers/client.js';
import { doc, draft, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';
import { BROWSER_UA, DIALECTS } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);

describe.each(DIALECTS)('revision restore on %s', (dialect) => {
  let n: Newsroom;
  // Each story gets its own photo: identical bytes would be de-duplicated into one shared image.
  let photos = 0;
  const page = async (url: string) => (await n.s.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA } })).body;
  const save = async (c: ApiClient, e: any, patch: Record<string, unknown>) => {
    const r = await c.req('PUT', `/editions/${e.id}`, saveBody(e, patch));
    expect(r.status, r.body).toBe(200);
    return r.json;
  };
  const publish = async (c: ApiClient, e: any) => {
    const r = await c.req('POST', `/editions/${e.id}/transition`, { to: 'published' });
    expect(r.status, r.body).toBe(200);
    return r.json;
  };
  const revisionOf = async (c: ApiClient, id: number, version: number) => {
    const list = await c.req('GET', `/editions/${id}/revisions`);
    return list.json.items.find((r: any) => r.version === version);
  };

  /** ru v2 has text and the first section only; later come a photo, tags, an author and uz/en editions, all published. */
  async function publishedStory() {
    const img = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 30 + 60 * photos++, g: 90, b: 160 } } }).jpeg().toBuffer();
    const m = multipart({ name: 'hero.jpg', type: 'image/jpeg', data: img }, { alt: 'Вид на площадь', caption: 'Площадь', locale: 'ru' });
    const media = await n.editor.req('POST', '/media', m.body, m.headers);
    expect(media.status, media.body).toBe(201);
    const tag = await n.editor.req('POST', '/tags', { name: `Выборы ${Math.random().toString(36).slice(2, 7)}`, locale: 'ru' });
    const who = Math.random().toString(36).slice(2, 7);
    const author = await n.admin.req('POST', '/authors', { slug: `anna-${who}`, names: { ru: `Анна Каримова ${who}`, en: `Anna Karimova ${who}` } });
    expect([tag.status, author.status]).toEqual([201, 201]);

    const v2 = await draft(n.editor, 'ru', 'Парламент принял бюджет', n.sectionId, ['Первая редакция текста.']);
    expect(v2.version).toBe(2);
    const v3 = await save(n.editor, v2, {
      heroMediaId: media.json.id, heroCaption: 'Площадь у парламента', tagIds: [tag.json.id], authorIds: [author.json.id], sectionId: n.otherSectionId,
      body: doc('Вторая редакция текста, дополненная.'), headline: 'Парламент принял бюджет на 2027 год', seoTitle: 'Бюджет 2027',
    });
    const ru = await publish(n.editor, v3);
    const editions: any[] = [ru];
    for (const locale of ['uz', 'en']) {
      const t = await n.editor.req('POST', `/editions/${ru.id}/translations`, { locale });
      expect(t.status, t.body).toBe(201);
      const saved = await save(n.editor, t.json, { headline: locale === 'uz' ? 'Parlament byudjetni qabul qildi' : 'Parliament passes the budget', body: doc(locale === 'uz' ? 'Matn.' : 'Text.') });
      editions.push(await publish(n.editor, saved));
    }
    return { ru, uz: editions[1], en: editions[2], mediaId: media.json.id as number, tagId: tag.json.id as number, authorId: author.json.id as number };
  }

  beforeAll(async () => {
    n = await makeNewsroom(dialect, NOW);
  });
  afterAll(async () => {
    await n?.s.close();
  });

  it('restores only the text: the photo, section, tags and authors stay on every language, and the photo stays in use', async () => {
    const st = await publishedStory();
    const usedBefore = (await n.editor.req('GET', `/media/${st.mediaId}`)).json.usedBy;
    expect(usedBefore).toBeGreaterThan(0);
    const rev2 = await revisionOf(n.editor, st.ru.id, 2);

    // What the restore would change: the text (word diff) and the edition's own fields; the
    // story-wide fields that differ are listed apart, with names and the photo.
    const diff = await n.editor.req('GET', `/editions/${st.ru.id}/diff?from=${rev2.id}&to=current`);
    expect(diff.status).toBe(200);
    expect(diff.json.fields.map((f: any) => f.field)).toEqual(['seoTitle']);
    const one = await n.editor.req('GET', `/revisions/${rev2.id}`);
    expect(one.json.storyFields.map((f: any) => f.field).sort()).toEqual(['authorIds', 'heroMediaId', 'sectionId', 'tagIds']);
    const hero = one.json.storyFields.find((f: any) => f.field === 'heroMediaId');
    expect(hero.revision).toEqual([]);
    expect(hero.current[0]).toMatchObject({ id: st.mediaId });
    expect(hero.current[0].thumb).toMatch(/^\/media\//);
    expect(one.json.storyFields.find((f: any) => f.field === 'sectionId')).toMatchObject({ revision: [{ name: 'Политика' }], current: [{ name: 'Спорт' }] });
    expect(one.json.canRestoreStoryFields).toBe(true);

    const fieldsAudits = async () => (await n.admin.req('GET', '/audit')).json.items.filter((a: any) => a.action === 'story.fields' && a.entityId === st.ru.id).length;
    const fieldsAuditsBefore = await fieldsAudits();
    const current = (await n.editor.req('GET', `/editions/${st.ru.id}`)).json;
    const restored = await n.editor.req('POST', `/revisions/${rev2.id}/restore`, { version: current.version });
    expect(restored.status, restored.body).toBe(200);
    expect(restored.json).toMatchObject({ headline: 'Парламент принял бюджет', seoTitle: '', heroMediaId: st.mediaId, heroCaption: 'Площадь у парламента', sectionId: n.otherSectionId, version: current.version + 1 });
    expect(restored.json.tags.map((t: any) => t.id)).toEqual([st.tagId]);
    expect(restored.json.authors.map((a: any) => a.id)).toEqual([st.authorId]);
    expect(JSON.stringify(restored.json.body)).toContain('Первая редакция текста.');

    // Every language still shows the photo; the library still counts it as used.
    for (const e of [st.ru, st.uz, st.en]) {
      const html = await page(e.publicUrl);
      expect(html, e.locale).toContain('class="hero"');
    }
    expect((await n.editor.req('GET', `/media/${st.mediaId}`)).json.usedBy).toBe(usedBefore);
    expect((await n.editor.req('DELETE', `/media/${st.mediaId}`)).status).toBe(409);

    // The restore is a new version with a revision, audited because the edition is published.
    expect(await revisionOf(n.editor, st.ru.id, current.version + 1)).toBeTruthy();
    const audit = await n.admin.req('GET', '/audit');
    expect(audit.json.items.some((a: any) => a.action === 'story.restore' && a.entityId === st.ru.id)).toBe(true);
    expect(await fieldsAudits()).toBe(fieldsAuditsBefore);
  });

  it('restores the photo, section, tags and authors too when asked, for everyone who may change them', async () => {
    const st = await publishedStory();
    const rev2 = await revisionOf(n.editor, st.ru.id, 2);
    const current = (await n.editor.req('GET', `/editions/${st.ru.id}`)).json;
    const r = await n.editor.req('POST', `/revisions/${rev2.id}/restore`, { version: current.version, storyFields: true });
    expect(r.status, r.body).toBe(200);
    expect(r.json).toMatchObject({ heroMediaId: null, heroCaption: '', sectionId: n.sectionId, tags: [], authors: [] });
    const uz = (await n.editor.req('GET', `/editions/${st.uz.id}`)).json;
    expect(uz).toMatchObject({ heroMediaId: null, sectionId: n.sectionId, tags: [], authors: [] });
    expect(await page(st.uz.publicUrl)).not.toContain('class="hero"');
    expect((await n.editor.req('GET', `/media/${st.mediaId}`)).json.usedBy).toBe(0);
    const audit = await n.admin.req('GET', '/audit');
    expect(audit.json.items.some((a: any) => a.action === 'story.fields' && a.entityId === st.ru.id)).toBe(true);
  });

  it('refuses to restore story-wide fields for a user who may not change them, and restores the text alone', async () => {
    // A contributor's draft in Russian, with an Uzbek edition an editor published.
    const v2 = await draft(n.contributor, 'ru', 'Фермеры собрали урожай', n.sectionId, ['Урожай оказался большим.']);
    const v3 = await save(n.contributor, v2, { sectionId: n.otherSectionId, body: doc('Урожай оказался рекордным.') });
    const uz = await n.editor.req('POST', `/editions/${v3.id}/translations`, { locale: 'uz' });
    await publish(n.editor, await save(n.editor, uz.json, { headline: 'Fermerlar hosil yigʻdi', body: doc('Hosil.') }));
    const rev2 = await revisionOf(n.contributor, v3.id, 2);
    expect((await n.contributor.req('GET', `/revisions/${rev2.id}`)).json.canRestoreStoryFields).toBe(false);
    const current = (await n.contributor.req('GET', `/editions/${v3.id}`)).json;
    const refused = await n.contributor.req('POST', `/revisions/${rev2.id}/restore`, { version: current.version, storyFields: true });
    expect(refused.status).toBe(403);
    expect((await n.contributor.req('GET', `/editions/${v3.id}`)).json.version).toBe(current.version);
    const ok = await n.contributor.req('POST', `/revisions/${rev2.id}/restore`, { version: current.version });
    expect(ok.status, ok.body).toBe(200);
    expect(ok.json).toMatchObject({ sectionId: n.otherSectionId });
    expect(JSON.stringify(ok.json.body)).toContain('Урожай оказался большим.');
  });

  it('sending a story back to draft takes a reason, kept in its history', async () => {
    const e = await draft(n.author, 'ru', 'Сдача номера', n.sectionId);
    expect((await n.author.req('POST', `/editions/${e.id}/transition`, { to: 'review' })).status).toBe(200);
    const bare = await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'draft', from: 'review' });
    expect(bare.status).toBe(422);
    expect(bare.json.error.details.fields.map((f: any) => f.field)).toEqual(['reason']);
    const back = await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'draft', from: 'review', reason: '  Нужен второй источник.  ' });
    expect(back.status, back.body).toBe(200);
    const seen = (await n.author.req('GET', `/editions/${e.id}`)).json;
    expect(seen.transitions.at(-1)).toMatchObject({ from: 'review', to: 'draft', note: 'Нужен второй источник.', by: { name: 'editor' } });
  });

  it('shows the lead under the headline only when the site says so', async () => {
    const e = await draft(n.editor, 'ru', 'Лид на странице', n.sectionId);
    const withLead = await save(n.editor, e, { lead: 'Короткое вступление к новости.' });
    const pub = await publish(n.editor, withLead);
    expect((await n.admin.req('GET', '/settings')).json.showLead).toBe(false);
    expect(pub.leadOnSite).toBe(false);
    expect(await page(pub.publicUrl)).not.toContain('Короткое вступление к новости.</p>');
    const on = await n.admin.req('PUT', '/settings', { ...(await n.admin.req('GET', '/settings')).json, showLead: true });
    expect(on.status, on.body).toBe(200);
    expect(await page(pub.publicUrl)).toMatch(/<h1 class="article-title">[^<]*<\/h1><p class="standfirst">Короткое вступление к новости.<\/p>/);
    expect((await n.editor.req('GET', `/editions/${pub.id}`)).json.leadOnSite).toBe(true);
    await n.admin.req('PUT', '/settings', { ...on.json, showLead: false });
  });
});
