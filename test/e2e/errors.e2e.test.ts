/**
 * Server errors in the Russian newsroom (issue 8, defect 5): the API sends a key and parameters
 * and the interface shows the Russian text — an overlong headline, publishing without a
 * headline, deleting an image in use — and the audit log reads as sentences with the story
 * linked, not `story.publish` and JSON. Screenshots of both at 390 and 1280 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, HAVE_BROWSER, PW, buildAdminAndLaunch, startSite, TEST_TIMEOUT, type Site } from './browser.js';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const SHOTS = path.resolve('docs/screenshots');

let browser: Browser;
let site: Site;
let admin: Api;

describe.skipIf(!HAVE_BROWSER)('server errors and the audit log in the Russian newsroom', () => {
  beforeAll(async () => {
    browser = await buildAdminAndLaunch();
    site = await startSite();
    admin = await Api.open(site.url);
    expect((await admin.call('POST', '/setup', { email: 'admin@example.uz', name: 'Главный редактор', password: PW })).status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await admin?.dispose();
    await site?.close();
    await browser?.close();
  });

  async function story(headline: string, patch: Record<string, unknown> = {}) {
    const section = await admin.call('POST', '/sections', { slug: `s${Math.random().toString(36).slice(2, 8)}`, color: '#1D4E89', names: { ru: 'Общество' } });
    const created = await admin.call('POST', '/stories', { locale: 'ru', headline });
    const e = created.json;
    const saved = await admin.call('PUT', `/editions/${e.id}`, {
      version: e.version, headline, slug: e.slug, lead: '', datelineCity: 'Ташкент', body: { type: 'doc', content: [paragraph('Текст новости.')] },
      sectionId: section.json.id, tagIds: [], authorIds: [], heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null, ...patch,
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    return saved.json;
  }

  async function page(width: number) {
    const ctx = await browser.newContext({ locale: 'ru-RU', viewport: { width, height: 900 }, storageState: await admin.ctx.storageState() });
    const p = await ctx.newPage();
    p.setDefaultTimeout(20_000);
    return { ctx, p };
  }

  it(
    'shows the Russian texts for an overlong headline, a publish without a headline and an image in use',
    async () => {
      const e = await story('');
      const { ctx, p } = await page(1280);
      await p.goto(`${site.url}/admin/stories/${e.id}`);
      await p.getByRole('button', { name: 'Опубликовать', exact: true }).click();
      await expect.poll(() => p.getByText('Перед публикацией напишите заголовок.').count()).toBeGreaterThan(0);
      await expect(p.getByText('Write a headline before publishing.').count()).resolves.toBe(0);

      await p.locator('textarea[name="headline"]').fill('Очень длинный заголовок '.repeat(13));
      await p.getByText('Не больше 300 символов.').first().waitFor();
      await expect(p.getByText('At most 300 characters.').count()).resolves.toBe(0);
      fs.mkdirSync(SHOTS, { recursive: true });
      await p.screenshot({ path: path.join(SHOTS, 'errors-headline-ru-1280.png') });
      await ctx.close();

      const narrow = await page(390);
      await narrow.p.goto(`${site.url}/admin/stories/${e.id}`);
      await narrow.p.locator('textarea[name="headline"]').fill('Очень длинный заголовок '.repeat(13));
      await narrow.p.getByText('Не больше 300 символов.').first().waitFor();
      await narrow.p.screenshot({ path: path.join(SHOTS, 'errors-headline-ru-390.png') });
      await narrow.ctx.close();

      // An image used as a story's main photo: the server refuses to delete it, in Russian.
      const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#336699' } }).png().toBuffer();
      const up = await admin.ctx.post('/admin/api/media', { headers: { 'x-csrf-token': admin.csrf }, multipart: { file: { name: 'ploshchad.png', mimeType: 'image/png', buffer: png }, alt: 'Площадь' } });
      expect(up.status()).toBe(201);
      const media = await up.json();
      await story('Новая площадь', { heroMediaId: media.id });
      const m = await page(1280);
      await m.p.goto(`${site.url}/admin/media`);
      await m.p.locator('.media-card').first().click();
      await m.p.getByRole('dialog').getByRole('button', { name: 'Удалить', exact: true }).click();
      // The library knows the image is in use before asking the server, and says where, in Russian.
      const inUse = m.p.getByRole('dialog', { name: 'Изображение используется' });
      await inUse.getByText('Сначала уберите изображение отсюда, затем удалите его:').waitFor();
      await inUse.getByRole('link', { name: /Новая площадь/ }).waitFor();
      // The server's own refusal (a race with a stale library) is Russian too.
      const refused = await admin.call('DELETE', `/media/${media.id}`);
      expect(refused.status).toBe(409);
      expect((refused.json as { error: { key: string } }).error.key).toBe('media.in_use_one');
      await m.p.screenshot({ path: path.join(SHOTS, 'errors-media-in-use-ru-1280.png') });
      await m.ctx.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the audit log reads as sentences in Russian, with the story linked',
    async () => {
      const e = await story('Парламент принял закон о СМИ');
      expect((await admin.call('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' })).status).toBe(200);
      expect((await admin.call('POST', `/editions/${e.id}/transition`, { to: 'unpublished', from: 'published', reason: 'Ошибка в цифрах' })).status).toBe(200);
      for (const width of [1280, 390]) {
        const { ctx, p } = await page(width);
        await p.goto(`${site.url}/admin/audit`);
        const row = p.locator('tr[data-action="story.publish"]').first();
        await row.getByText('опубликовал(а) материал').waitFor();
        await expect(row.getByRole('link', { name: '«Парламент принял закон о СМИ»' }).getAttribute('href')).resolves.toBe(`/admin/stories/${e.id}`);
        await p.locator('tr[data-action="story.unpublish"]').first().getByText('Причина: Ошибка в цифрах').waitFor();
        await expect(p.getByText('story.publish').count()).resolves.toBe(0);
        await expect(p.getByText(/headline:/).count()).resolves.toBe(0);
        await p.screenshot({ path: path.join(SHOTS, `errors-audit-ru-${width}.png`), fullPage: width === 390 });
        await ctx.close();
      }

      // The sections table and form say «Адрес», not the jargon «Slug»; a taken address is refused in Russian.
      const { ctx, p } = await page(1280);
      await p.goto(`${site.url}/admin/taxonomy`);
      await p.getByRole('columnheader', { name: 'Адрес' }).first().waitFor();
      await expect(p.getByText('Slug', { exact: true }).count()).resolves.toBe(0);
      expect((await admin.call('POST', '/sections', { slug: 'politika', color: '#1D4E89', names: { ru: 'Политика' } })).status).toBe(201);
      await p.getByRole('button', { name: 'Новая рубрика' }).click();
      const dialog = p.getByRole('dialog');
      await dialog.getByLabel('Адрес').fill('politika');
      await dialog.getByLabel('Русский').fill('Политика 2');
      const refused = p.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/admin/api/sections'));
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      expect((await refused).status()).toBe(422);
      await dialog.getByText('Этот адрес уже занят.').waitFor();
      await p.screenshot({ path: path.join(SHOTS, 'errors-section-address-ru-1280.png') });
      await ctx.close();
    },
    TEST_TIMEOUT,
  );
});
