/**
 * End-to-end in Debian's headless Chromium: an editor writes a static page in the newsroom's page
 * editor (the story editor's toolbar), publishes it, ticks it into the footer, and a reader finds
 * it at /ru/page/<slug> and in the footer. An imported `html` block survives a save made in the
 * editor. With XABAR_SCREENSHOTS set, the screens are saved at 390 and 1280 px.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, TEST_TIMEOUT } from './browser.js';
import { newsroomSuite } from './helpers/newsroom.js';

const SHOTS = process.env.XABAR_SCREENSHOTS;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `pages-${name}-${width}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!HAVE_BROWSER)('static pages in the browser', () => {
  const suite = newsroomSuite();

  it(
    'write, publish and link a page from the footer; an imported html block survives the editor',
    async () => {
      const { site, addUser, signIn, open } = await suite.startNewsroom('Главный редактор');
      await addUser('ed@example.uz', 'Рустам Алиев', 'editor');
      const editor = await signIn('ed@example.uz');
      // A page as an import leaves it: a paragraph and a block of sanitised HTML the document has no node for.
      const imported = await editor.call('POST', '/pages', {
        locale: 'ru', title: 'Реклама', status: 'published',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Прайс-лист.' }] }, { type: 'html', attrs: { html: '<div>Старая форма заявки</div>' } }] },
      });
      expect(imported.status).toBe(201);

      const { page } = await open(editor, { locale: 'ru-RU', path: '/admin/pages' });
      await page.getByLabel('Заголовок новой страницы').fill('Об агентстве');
      await page.getByRole('button', { name: 'Создать страницу' }).click();
      await page.waitForURL(/\/admin\/pages\/\d+$/);
      await page.locator('.ProseMirror').click();
      await page.keyboard.type('Информационное агентство «Хабар» основано в 2026 году.');
      await page.getByRole('button', { name: 'Опубликовать' }).click();
      await expect.poll(async () => (await site.s.app.inject({ url: '/ru/page/ob-agentstve' })).statusCode, { timeout: 15_000 }).toBe(200);
      expect((await site.s.app.inject({ url: '/ru/page/ob-agentstve' })).body).toContain('основано в 2026 году');
      await shot(page, 'editor');

      await page.goto(`${site.url}/admin/pages`);
      await page.getByRole('row', { name: /Об агентстве/ }).getByRole('checkbox').check();
      await expect.poll(async () => (await site.s.app.inject({ url: '/ru/' })).body, { timeout: 15_000 }).toContain('href="/ru/page/ob-agentstve"');
      await shot(page, 'list');

      // The imported page, saved from the editor: its html block is still there.
      await page.goto(`${site.url}/admin/pages/${imported.json.id}`);
      await page.getByText('Импортированный HTML').waitFor();
      await page.locator('.ProseMirror p').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Скидки.');
      await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
      await expect.poll(async () => (await editor.call('GET', `/pages/${imported.json.id}`)).json.version, { timeout: 15_000 }).toBe(2);
      const after = (await editor.call('GET', `/pages/${imported.json.id}`)).json;
      expect(JSON.stringify(after.body)).toContain('Прайс-лист. Скидки.');
      expect(after.body.content.some((n: { type: string }) => n.type === 'html')).toBe(true);

      const reader = await suite.browser.newPage({ viewport: { width: 390, height: 900 } });
      suite.defer(() => reader.close());
      await reader.goto(`${site.url}/ru/page/ob-agentstve`);
      expect(await reader.locator('main h1').textContent()).toBe('Об агентстве');
      expect(await reader.locator('footer a[href="/ru/page/ob-agentstve"]').count()).toBe(1);
      await shot(reader, 'public');
    },
    TEST_TIMEOUT,
  );
});
