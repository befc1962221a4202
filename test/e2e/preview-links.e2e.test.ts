/**
 * End-to-end in Debian's headless Chromium, in the Russian newsroom: an editor sets a draft's
 * urgency to «молния», picks a related story by headline, makes a preview link, a signed-out
 * reader opens it (banner, noindex, no-store), the editor revokes it (404), and after publishing
 * the article shows the flash label and the picked story first among the related ones.
 * XABAR_SCREENSHOTS=<dir> writes preview-*.png and urgency-*.png at 390 and 1280 px.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, TEST_TIMEOUT } from './browser.js';
import { newsroomSuite } from './helpers/newsroom.js';

const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const shots = process.env.XABAR_SCREENSHOTS;

describe.skipIf(!HAVE_BROWSER)('preview links, urgency and related stories in the browser', () => {
  const suite = newsroomSuite();

  it(
    'an editor shares a draft, revokes the link, and publishes it as a flash with a hand-picked related story',
    async () => {
      const { site, admin, open } = await suite.startNewsroom('Главный редактор');
      const section = (await admin.call('POST', '/sections', { slug: 'obshchestvo', color: '#1D4E89', position: 1, names: { ru: 'Общество', uz: 'Jamiyat', en: 'Society' } })).json;
      const save = (e: any, patch: Record<string, unknown>) => ({
        version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: 'Ташкент', sectionId: section.id, tagIds: [], authorIds: [],
        heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null, ...patch,
      });
      const publish = async (headline: string, text: string) => {
        const e = (await admin.call('POST', '/stories', { locale: 'ru', headline })).json;
        const s = await admin.call('PUT', `/editions/${e.id}`, save(e, { body: body(text) }));
        expect(s.status).toBe(200);
        expect((await admin.call('POST', `/editions/${e.id}/transition`, { to: 'published' })).status).toBe(200);
        return s.json;
      };
      const older = await publish('Сессия городского совета', 'Совет обсудил бюджет.');
      const picked = await publish('Ташкент открыл новый мост через Анхор', 'Мост соединил два района.');
      await publish('Погода на выходные', 'Ожидается солнце.');
      const draft0 = (await admin.call('POST', '/stories', { locale: 'ru', headline: 'Землетрясение магнитудой 5,1 в Ферганской долине' })).json;
      const draft = (await admin.call('PUT', `/editions/${draft0.id}`, save(draft0, { lead: 'Толчки ощущались в трёх областях.', body: body('По данным сейсмологов, эпицентр находился на глубине 10 км. Пострадавших нет.') }))).json;

      const { page } = await open(admin, { locale: 'ru-RU', path: `/admin/stories/${draft.id}` });
      await page.locator('textarea[name="headline"]').waitFor();

      // Urgency: «1 — молния», saved at once without touching the text's version.
      const urgencySaved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/editions/${draft.id}/urgency`));
      await page.locator('select[name="urgency"]').selectOption('1');
      expect((await urgencySaved).status()).toBe(200);

      // Related: find by a lower-case word of the headline, pick it.
      await page.getByRole('button', { name: 'Связанные материалы' }).click();
      await page.getByLabel('Найти по заголовку').fill('ташкент');
      const relatedSaved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/editions/${draft.id}/related`));
      await page.locator('.related-found').getByRole('button', { name: /Ташкент открыл новый мост/ }).click();
      expect((await relatedSaved).status()).toBe(200);
      await page.locator('.related-picks li').filter({ hasText: 'Ташкент открыл новый мост' }).waitFor();
      if (shots) await page.locator('#panel-related').screenshot({ path: path.join(shots, 'urgency-related-panel-1280.png') });

      // Preview link for 7 days.
      await page.getByRole('button', { name: 'Ссылка для предпросмотра' }).click();
      await page.locator('select[name="previewExpiry"]').selectOption('7d');
      await page.getByRole('button', { name: 'Создать ссылку' }).click();
      const urlBox = page.locator('#share-fresh-url');
      await urlBox.waitFor();
      const link = await urlBox.inputValue();
      expect(link).toMatch(/\/preview\/[A-Za-z0-9_-]{43}$/);
      await page.locator('#panel-preview-links .share-list li').first().waitFor();
      if (shots) {
        await page.locator('#panel-preview-links').screenshot({ path: path.join(shots, 'preview-panel-1280.png') });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.locator('#panel-preview-links').scrollIntoViewIfNeeded();
        await page.locator('#panel-preview-links').screenshot({ path: path.join(shots, 'preview-panel-390.png') });
        await page.setViewportSize({ width: 1280, height: 900 });
      }

      // A reader without a session opens it.
      const target = new URL(new URL(link).pathname, site.url).toString();
      for (const width of [1280, 390]) {
        const anon = await suite.browser.newContext({ locale: 'ru-RU', viewport: { width, height: 900 } });
        suite.defer(() => anon.close());
        const p = await anon.newPage();
        const res = await p.goto(target);
        expect(res!.status()).toBe(200);
        const h = res!.headers();
        expect(h['x-robots-tag']).toBe('noindex, nofollow');
        expect(h['cache-control']).toBe('no-store');
        await p.getByText('Предпросмотр — не опубликовано').waitFor();
        await p.getByRole('heading', { level: 1, name: /Землетрясение магнитудой/ }).waitFor();
        expect(await p.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow');
        expect(await p.locator('.article-urgency').innerText()).toMatch(/Молния/i);
        if (shots) await p.screenshot({ path: path.join(shots, `preview-page-${width}.png`), fullPage: width === 390 ? false : true });
      }

      // Revoke in the panel: the link is a 404 page from now on.
      const revoked = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes(`/editions/${draft.id}/preview-links/`));
      await page.locator('#panel-preview-links .share-list').getByRole('button', { name: /Отозвать/ }).first().click();
      expect((await revoked).status()).toBe(204);
      await page.getByText('Действующих ссылок нет.').waitFor();
      const anon = await suite.browser.newContext({ locale: 'ru-RU' });
      suite.defer(() => anon.close());
      const gone = await (await anon.newPage()).goto(target);
      expect(gone!.status()).toBe(404);

      // Published: the flash label on the article and in the feed; the pick first among related.
      expect((await admin.call('POST', `/editions/${draft.id}/transition`, { to: 'published' })).status).toBe(200);
      for (const width of [390, 1280]) {
        const reader = await suite.browser.newContext({ locale: 'ru-RU', viewport: { width, height: 900 } });
        suite.defer(() => reader.close());
        const p = await reader.newPage();
        const res = await p.goto(`${site.url}/ru/news/${draft.slug}`);
        expect(res!.status()).toBe(200);
        expect(await p.locator('.article-urgency .badge-flash').innerText()).toMatch(/Молния/i);
        const related = p.locator('.related a[href^="/ru/news/"]');
        expect(await related.first().getAttribute('href')).toBe(`/ru/news/${picked.slug}`);
        expect(await p.locator('.related').innerText()).toContain(older.headline);
        if (shots) await p.screenshot({ path: path.join(shots, `urgency-article-${width}.png`) });
        if (shots && width === 1280) {
          await p.goto(`${site.url}/ru/news`);
          await p.locator('.badge-flash').first().waitFor();
          await p.screenshot({ path: path.join(shots, 'urgency-list-1280.png') });
        }
      }
    },
    TEST_TIMEOUT,
  );
});
