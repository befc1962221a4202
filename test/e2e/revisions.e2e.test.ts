/**
 * Issue 8, in Chromium: restoring a version brings back the text and leaves the photo, section,
 * tags and authors of every language alone unless the editor asks for them (defect 1); the
 * send-back reason reaches the author and an embargo shows in the status (defect 9); the lead
 * is shown on the article page per the site setting (defect 10). Screenshots go to
 * docs/screenshots/revisions-*.png and article-lead-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, HAVE_BROWSER, launchChromium, PW, startSite, TEST_TIMEOUT, type Site } from './browser.js';

const SHOTS = path.resolve('docs/screenshots');
const doc = (...ps: string[]) => ({ type: 'doc', content: ps.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const saveBody = (e: any, patch: Record<string, unknown> = {}) => ({
  version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: e.datelineCity,
  sectionId: e.sectionId, tagIds: e.tags.map((t: any) => t.id), authorIds: e.authors.map((a: any) => a.id), heroMediaId: e.heroMediaId,
  heroCaption: e.heroCaption, seoTitle: e.seoTitle, seoDescription: e.seoDescription, isMain: e.isMain, isBreaking: e.isBreaking, embargoUntil: e.embargoUntil, ...patch,
});

let browser: Browser;
let site: Site;
let admin: Api;
const cleanups: (() => Promise<unknown>)[] = [];

async function ok(r: Promise<{ status: number; json: any }>, status = 200) {
  const res = await r;
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  return res.json;
}

async function pageAs(email: string, width = 1280): Promise<Page> {
  const api = await Api.open(site.url);
  await api.login(email);
  const storageState = await api.ctx.storageState();
  await api.dispose();
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width, height: 900 }, storageState });
  cleanups.push(() => ctx.close());
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function openStory(page: Page, id: number) {
  await page.goto(`${site.url}/admin/stories/${id}`);
  await page.locator('.ProseMirror').waitFor();
}

const publicHtml = async (url: string) => (await fetch(site.url + url)).text();

describe.skipIf(!HAVE_BROWSER)('revisions, send-back and the lead in Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    site = await startSite();
    admin = await Api.open(site.url);
    await ok(admin.call('POST', '/setup', { email: 'admin@example.uz', name: 'Bosh muharrir', password: PW }), 201);
    fs.mkdirSync(SHOTS, { recursive: true });
  }, TEST_TIMEOUT);
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await admin?.dispose();
    await site?.close();
    await browser?.close();
  });

  it(
    'restoring version 2 keeps the photo on the ru, uz and en pages; the option restores section, photo, tags and authors',
    async () => {
      const politics = await ok(admin.call('POST', '/sections', { slug: 'politics', color: '#1D4E89', position: 1, names: { ru: 'Политика', uz: 'Siyosat', en: 'Politics' } }), 201);
      const economy = await ok(admin.call('POST', '/sections', { slug: 'economy', color: '#1D894E', position: 2, names: { ru: 'Экономика', uz: 'Iqtisodiyot', en: 'Economy' } }), 201);
      const tag = await ok(admin.call('POST', '/tags', { name: 'Бюджет', locale: 'ru' }), 201);
      const author = await ok(admin.call('POST', '/authors', { names: { ru: 'Анна Каримова', en: 'Anna Karimova' } }), 201);
      const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 110, b: 170 } } }).jpeg().toBuffer();
      const up = await admin.ctx.post('/admin/api/media', {
        headers: { 'x-csrf-token': admin.csrf },
        multipart: { file: { name: 'square.jpg', mimeType: 'image/jpeg', buffer: jpeg }, caption: 'Площадь у парламента', locale: 'ru' },
      });
      expect(up.status()).toBe(201);
      const mediaId = (await up.json()).id as number;

      const created = await ok(admin.call('POST', '/stories', { locale: 'ru', headline: 'Парламент принял бюджет' }), 201);
      const v2 = await ok(admin.call('PUT', `/editions/${created.id}`, saveBody(created, { sectionId: politics.id, body: doc('Первая редакция текста.') })));
      expect(v2.version).toBe(2);
      const v3 = await ok(admin.call('PUT', `/editions/${created.id}`, saveBody(v2, {
        headline: 'Парламент принял бюджет на 2027 год', body: doc('Вторая редакция текста, дополненная.'), sectionId: economy.id,
        heroMediaId: mediaId, heroCaption: 'Площадь у парламента', tagIds: [tag.id], authorIds: [author.id],
      })));
      const ru = await ok(admin.call('POST', `/editions/${v3.id}/transition`, { to: 'published' }));
      const others: any[] = [];
      for (const [locale, headline] of [['uz', 'Parlament byudjetni qabul qildi'], ['en', 'Parliament passes the budget']] as const) {
        const t = await ok(admin.call('POST', `/editions/${ru.id}/translations`, { locale }), 201);
        const saved = await ok(admin.call('PUT', `/editions/${t.id}`, saveBody(t, { headline, body: doc('Text.') })));
        others.push(await ok(admin.call('POST', `/editions/${saved.id}/transition`, { to: 'published' })));
      }
      const pages = [ru.publicUrl, others[0].publicUrl, others[1].publicUrl] as string[];
      for (const u of pages) expect(await publicHtml(u)).toContain('class="hero"');
      const usedBefore = (await ok(admin.call('GET', `/media/${mediaId}`))).usedBy as number;
      expect(usedBefore).toBeGreaterThan(0);

      // Versions → v2: the shared fields that differ are listed, with the photo.
      const page = await pageAs('admin@example.uz');
      await openStory(page, ru.id);
      await page.getByRole('button', { name: 'Revisions' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('.rev-open', { hasText: 'v2' }).click();
      const story = dialog.getByTestId('rev-story-fields');
      await story.waitFor();
      await expect.poll(() => story.locator('tr[data-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(['sectionId', 'heroMediaId', 'tagIds', 'authorIds']);
      await story.locator(`tr[data-field="heroMediaId"] .rev-thumb[data-media-id="${mediaId}"] img`).waitFor();
      expect(await story.locator('tr[data-field="sectionId"]').innerText()).toMatch(/Политика[\s\S]*Экономика/);
      await page.screenshot({ path: path.join(SHOTS, 'revisions-story-fields-1280.png') });

      // The comparison shows only the text (the photo is not part of it)…
      await dialog.getByRole('button', { name: 'Compare with current' }).click();
      await dialog.getByTestId('diff').waitFor();
      await dialog.locator('.rev-open', { hasText: 'v2' }).click();
      await story.waitFor();

      // …and the restore without the option changes just that.
      const restoreReq = page.waitForResponse((r) => r.url().includes('/restore'));
      await dialog.getByRole('button', { name: 'Restore version 2' }).click();
      expect((await restoreReq).status()).toBe(200);
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.locator('textarea[name="headline"]').inputValue()).toBe('Парламент принял бюджет');
      const after = await ok(admin.call('GET', `/editions/${ru.id}`));
      expect(after).toMatchObject({ heroMediaId: mediaId, sectionId: economy.id });
      expect(after.tags.map((t: any) => t.id)).toEqual([tag.id]);
      expect(after.authors.map((a: any) => a.id)).toEqual([author.id]);
      for (const u of pages) expect(await publicHtml(u), u).toContain('class="hero"');
      expect((await ok(admin.call('GET', `/media/${mediaId}`))).usedBy).toBe(usedBefore);
      await page.locator('#panel-hero img').waitFor();

      // With the option (and its confirmation) the shared fields come back as in v2.
      await page.getByRole('button', { name: 'Revisions' }).click();
      await dialog.locator('.rev-open', { hasText: 'v2' }).click();
      await story.waitFor();
      await story.getByLabel('Also restore the photo, section, tags and authors').check();
      await dialog.getByRole('button', { name: 'Restore version 2' }).click();
      const confirm = dialog.locator('.rev-confirm');
      await confirm.waitFor();
      expect(await confirm.innerText()).toContain('RU, UZ, EN');
      await page.screenshot({ path: path.join(SHOTS, 'revisions-confirm-1280.png') });
      await page.setViewportSize({ width: 390, height: 844 });
      await confirm.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'revisions-confirm-390.png') });
      await page.setViewportSize({ width: 1280, height: 900 });
      const withStory = page.waitForResponse((r) => r.url().includes('/restore'));
      await confirm.getByRole('button', { name: 'Restore with them' }).click();
      expect((await withStory).status()).toBe(200);
      const full = await ok(admin.call('GET', `/editions/${ru.id}`));
      expect(full).toMatchObject({ heroMediaId: null, sectionId: politics.id, tags: [], authors: [] });
      expect(await publicHtml(others[1].publicUrl)).not.toContain('class="hero"');
    },
    TEST_TIMEOUT,
  );

  it(
    'send back asks for a reason the author then sees; an embargoed story says so in the editor and the list',
    async () => {
      await ok(admin.call('POST', '/users', { email: 'author@example.uz', name: 'Dilnoza', role: 'author', password: PW }), 201);
      const section = (await ok(admin.call('GET', '/sections'))).items[0];
      const authorApi = await Api.open(site.url);
      cleanups.push(() => authorApi.dispose());
      await authorApi.login('author@example.uz');
      const e = await ok(authorApi.call('POST', '/stories', { locale: 'ru', headline: 'Сдача номера' }), 201);
      const saved = await ok(authorApi.call('PUT', `/editions/${e.id}`, saveBody(e, { sectionId: section.id, body: doc('Текст.') })));
      await ok(authorApi.call('POST', `/editions/${saved.id}/transition`, { to: 'review' }));

      const page = await pageAs('admin@example.uz');
      await openStory(page, e.id);
      await page.locator('.editor-bar').getByRole('button', { name: 'Send back to draft' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('What needs to change').fill('Нужен второй источник.');
      await dialog.getByRole('button', { name: 'Send back' }).click();
      await page.locator('.editor-bar .badge-draft').waitFor();

      const authorPage = await pageAs('author@example.uz');
      await openStory(authorPage, e.id);
      await expect(authorPage.getByTestId('returned').innerText()).resolves.toBe('Returned by Bosh muharrir: Нужен второй источник.');
      await authorPage.screenshot({ path: path.join(SHOTS, 'revisions-returned-1280.png') });

      // Embargo: published, but readers see it only later.
      const fresh = await ok(admin.call('GET', `/editions/${e.id}`));
      const until = new Date(Date.now() + 6 * 3600_000).toISOString();
      const emb = await ok(admin.call('PUT', `/editions/${e.id}`, saveBody(fresh, { embargoUntil: until })));
      await ok(admin.call('POST', `/editions/${emb.id}/transition`, { to: 'published' }));
      await openStory(page, e.id);
      await expect(page.locator('.editor-bar .badge-embargo').innerText()).resolves.toMatch(/^Published · embargoed until /);
      await page.screenshot({ path: path.join(SHOTS, 'revisions-embargo-1280.png') });
      await page.goto(`${site.url}/admin/stories`);
      await page.locator(`tr[data-edition="${e.id}"] .badge-embargo`).waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    'the lead is under the headline only when the setting is on, and the editor says which',
    async () => {
      const sections = await ok(admin.call('GET', '/sections'));
      const section = sections.items[0];
      const e = await ok(admin.call('POST', '/stories', { locale: 'ru', headline: 'Ташкент примет форум' }), 201);
      const lead = 'Форум соберёт участников из двадцати стран.';
      const saved = await ok(admin.call('PUT', `/editions/${e.id}`, saveBody(e, { sectionId: section.id, lead, body: doc('Форум пройдёт в мае.') })));
      const pub = await ok(admin.call('POST', `/editions/${saved.id}/transition`, { to: 'published' }));

      const page = await pageAs('admin@example.uz');
      await openStory(page, e.id);
      await expect(page.locator('.lead-on-site').getAttribute('data-shown')).resolves.toBe('no');
      await expect(page.locator('.lead-on-site').innerText()).resolves.toContain('Not shown on the site');

      const reader = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      cleanups.push(() => reader.close());
      const shoot = async (name: string) => {
        await reader.goto(site.url + pub.publicUrl);
        await reader.screenshot({ path: path.join(SHOTS, `${name}-1280.png`) });
        await reader.setViewportSize({ width: 390, height: 844 });
        await reader.screenshot({ path: path.join(SHOTS, `${name}-390.png`) });
        await reader.setViewportSize({ width: 1280, height: 900 });
      };
      await reader.goto(site.url + pub.publicUrl);
      expect(await reader.locator('.standfirst').count()).toBe(0);
      await shoot('article-lead-off');

      // The setting, through the Settings page.
      await page.goto(`${site.url}/admin/settings`);
      await page.getByLabel('Show the lead under the headline').check();
      const put = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/admin/api/settings'));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      expect((await put).status()).toBe(200);

      await reader.goto(site.url + pub.publicUrl);
      await expect(reader.locator('h1.article-title + p.standfirst').innerText()).resolves.toBe(lead);
      await shoot('article-lead-on');

      await openStory(page, e.id);
      await expect(page.locator('.lead-on-site').innerText()).resolves.toBe('Shown under the headline on the site.');
    },
    TEST_TIMEOUT,
  );
});
