/**
 * The story editor never loses what an editor wrote (issue 8, defects 2–4), in Debian's headless
 * Chromium against a real Xabar: an invalid field does not stop the rest from saving and the
 * unsaved edition survives a reload; typing over a selected photo does not delete it; two editors'
 * saves merge per field and only real clashes are asked. Also the keyboard: `?` and Tab order.
 *
 * Nothing sleeps for a fixed time: every wait is for a condition (an element, a response).
 */
import sharp from 'sharp';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, HAVE_BROWSER, PW, buildAdminAndLaunch, runCleanups, saveNow, startSite, TEST_TIMEOUT, type Site } from './browser.js';

let browser: Browser;
const cleanups: (() => Promise<unknown>)[] = [];
const SHOTS = process.env.XABAR_SCREENSHOTS === '1';

async function setupSite(): Promise<{ site: Site; admin: Api }> {
  const site = await startSite();
  cleanups.push(() => site.close());
  const admin = await Api.open(site.url);
  cleanups.push(() => admin.dispose());
  const r = await admin.call('POST', '/setup', { email: 'admin@example.uz', name: 'Bosh muharrir', password: PW });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return { site, admin };
}

async function createUser(admin: Api, email: string, name: string) {
  const r = await admin.call('POST', '/users', { email, name, role: 'editor', password: PW });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}

async function browserAs(site: Site, email: string, width = 1280): Promise<{ ctx: BrowserContext; page: Page }> {
  const api = await Api.open(site.url);
  await api.login(email);
  const storageState: Awaited<ReturnType<APIRequestContext['storageState']>> = await api.ctx.storageState();
  await api.dispose();
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width, height: 900 }, storageState });
  cleanups.push(() => ctx.close());
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  return { ctx, page };
}

async function openStory(page: Page, site: Site, editionId: number) {
  await page.goto(`${site.url}/admin/stories/${editionId}`);
  await page.locator('.ProseMirror').waitFor();
}

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

async function putEdition(admin: Api, e: { id: number; version: number; headline: string; slug: string }, patch: Record<string, unknown>) {
  const r = await admin.call('PUT', `/editions/${e.id}`, {
    version: e.version, headline: e.headline, slug: e.slug, lead: '', datelineCity: 'Ташкент',
    body: { type: 'doc', content: [para('Первый абзац.')] },
    sectionId: null, tagIds: [], authorIds: [], heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '',
    isMain: false, isBreaking: false, embargoUntil: null, ...patch,
  });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json;
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `docs/screenshots/editor-${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!HAVE_BROWSER)('the story editor keeps what an editor writes', () => {
  beforeAll(async () => {
    browser = await buildAdminAndLaunch();
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await runCleanups(cleanups);
    await browser?.close();
  });

  it(
    'an overlong headline blocks only itself: the body is saved, the bar names the field, and a reload offers the unsaved text back',
    async () => {
      const { site, admin } = await setupSite();
      const e = (await admin.call('POST', '/stories', { locale: 'ru', headline: 'Навруз в Ташкенте' })).json;
      const { page } = await browserAs(site, 'admin@example.uz');
      page.on('dialog', (d) => void d.accept());
      await openStory(page, site, e.id);

      const long = 'Очень длинный заголовок '.repeat(14).trim();
      expect(long.length).toBeGreaterThan(300);
      await page.fill('textarea[name="headline"]', long);
      await page.locator('.ProseMirror').click();
      await page.keyboard.type('Текст, написанный после заголовка.');
      // The bar says which field blocks saving.
      await page.locator('[data-state="error"]', { hasText: 'Headline' }).waitFor();
      // The rest of the edition is saved with the last valid headline.
      await expect.poll(async () => (await admin.call('GET', `/editions/${e.id}`)).json.body.content?.[0]?.content?.[0]?.text ?? '').toContain('Текст, написанный после заголовка.');
      expect((await admin.call('GET', `/editions/${e.id}`)).json.headline).toBe('Навруз в Ташкенте');
      await page.locator('.editor-page[data-local-draft="stored"]').waitFor();

      await page.reload();
      const offer = page.locator('[data-testid="draft-offer"]');
      await offer.getByText('Unsaved changes from', { exact: false }).waitFor();
      await shot(page, 'restore-offer');
      await offer.getByRole('button', { name: 'Restore' }).click();
      await expect(page.locator('textarea[name="headline"]').inputValue()).resolves.toBe(long);
      await expect(page.locator('.ProseMirror').textContent()).resolves.toContain('Текст, написанный после заголовка.');
      await page.locator('[data-state="error"]', { hasText: 'Headline' }).waitFor();
      // Fixing the headline saves everything and drops the local copy.
      await page.fill('textarea[name="headline"]', 'Навруз в Ташкенте отпраздновали');
      await saveNow(page);
      await page.locator('.editor-page[data-local-draft="none"]').waitFor();
      await page.reload();
      await page.locator('.ProseMirror').waitFor();
      await page.locator('[data-state="saved"]').waitFor();
      expect(await page.locator('[data-testid="draft-offer"]').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'typing or pasting over a selected photo keeps the photo; it has an alt field; Delete removes it visibly and Ctrl+Z brings it back',
    async () => {
      const { site, admin } = await setupSite();
      const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 31, g: 95, b: 191 } } }).png().toBuffer();
      const up = await admin.ctx.post('/admin/api/media', { headers: { 'x-csrf-token': admin.csrf }, multipart: { file: { name: 'bridge.png', mimeType: 'image/png', buffer: png } } });
      expect(up.status(), await up.text()).toBeLessThan(300);
      const media = await up.json();
      const e = (await admin.call('POST', '/stories', { locale: 'ru', headline: 'Мост через Анхор' })).json;
      await putEdition(admin, e, { body: { type: 'doc', content: [para('Мост открыли утром.'), { type: 'image', attrs: { src: media.src, alt: '', caption: 'Мост', mediaId: media.id } }] } });

      const { page } = await browserAs(site, 'admin@example.uz');
      await openStory(page, site, e.id);
      const photo = page.locator('.ProseMirror img');
      await photo.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('x');
      expect(await photo.count()).toBe(1);
      await expect(page.locator('.ProseMirror').textContent()).resolves.toContain('x');
      // Pasting over the selected photo (ProseMirror's own paste replaces a node selection) keeps it too.
      await photo.click();
      await page.evaluate(() => {
        const data = new DataTransfer();
        data.setData('text/plain', 'вставка');
        document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      expect(await photo.count()).toBe(1);
      await expect(page.locator('.ProseMirror').textContent()).resolves.toContain('вставка');
      await saveNow(page);
      const saved = (await admin.call('GET', `/editions/${e.id}`)).json;
      expect(saved.body.content.some((n: { type: string }) => n.type === 'image')).toBe(true);

      // The photo's alt text is edited in place and stored in the node (the site renders it as alt).
      await page.locator('.figure-alt-input').fill('Мост через Анхор на закате');
      await saveNow(page);
      const withAlt = (await admin.call('GET', `/editions/${e.id}`)).json;
      expect(withAlt.body.content.find((n: { type: string }) => n.type === 'image').attrs.alt).toBe('Мост через Анхор на закате');

      // Deleting is possible, visible and undoable.
      await photo.click();
      await page.keyboard.press('Delete');
      expect(await photo.count()).toBe(0);
      const toast = page.locator('[data-testid="media-removed"]');
      await toast.getByText('Photo removed').waitFor();
      await page.keyboard.press('Control+z');
      await photo.waitFor();
      expect(await photo.count()).toBe(1);
    },
    TEST_TIMEOUT,
  );

  it(
    "two editors' saves merge per field; only a field both changed is asked, side by side; a viewer is not listed as editing",
    async () => {
      const { site, admin } = await setupSite();
      await createUser(admin, 'aziz@example.uz', 'Aziz Rahimov');
      await createUser(admin, 'olga@example.uz', 'Olga Kim');
      const e = (await admin.call('POST', '/stories', { locale: 'ru', headline: 'Курс сума к доллару' })).json;
      await putEdition(admin, e, { lead: 'Центробанк опубликовал курс на завтра.' });

      const { page: aziz } = await browserAs(site, 'aziz@example.uz');
      const { page: olga } = await browserAs(site, 'olga@example.uz');
      await openStory(olga, site, e.id);
      await openStory(aziz, site, e.id);
      // Both only look: nobody is listed as editing.
      const seen = await admin.call('POST', `/editions/${e.id}/presence`, { editing: false });
      expect(seen.json.editingNow).toEqual([]);

      await aziz.fill('textarea[name="headline"]', 'Курс сума к доллару вырос');
      // Aziz is editing now (unsaved text): the others see him.
      await expect.poll(async () => (await admin.call('POST', `/editions/${e.id}/presence`, { editing: false })).json.editingNow.map((p: { name: string }) => p.name)).toEqual(['Aziz Rahimov']);
      await saveNow(aziz);

      // Olga, on the old version, changes only the lead: merged without a question.
      await olga.fill('textarea[name="lead"]', 'Центробанк Узбекистана опубликовал курс на пятницу.');
      const puts: number[] = [];
      olga.on('response', (r) => {
        if (r.request().method() === 'PUT') puts.push(r.status());
      });
      await olga.keyboard.press('Control+s');
      await olga.locator('[data-state="saved"]').waitFor();
      await expect.poll(() => puts).toEqual([409, 200]);
      expect(await olga.getByRole('dialog').count()).toBe(0);
      const merged = (await admin.call('GET', `/editions/${e.id}`)).json;
      expect(merged).toMatchObject({ headline: 'Курс сума к доллару вырос', lead: 'Центробанк Узбекистана опубликовал курс на пятницу.' });
      await expect(olga.locator('textarea[name="headline"]').inputValue()).resolves.toBe('Курс сума к доллару вырос');

      // Now both change the headline: the dialog asks about the headline only, with both values.
      await aziz.fill('textarea[name="headline"]', 'Курс сума вырос на 12 сумов');
      await olga.fill('textarea[name="headline"]', 'Сум укрепился к доллару');
      await olga.fill('textarea[name="lead"]', 'Центробанк Узбекистана опубликовал курс на субботу.');
      // Aziz is behind Olga's merged save: his headline merges with her lead (409, then 200).
      const azizPut = aziz.waitForResponse((r) => r.request().method() === 'PUT' && r.status() === 200);
      await aziz.keyboard.press('Control+s');
      await azizPut;
      await aziz.locator('[data-state="saved"]').waitFor();
      expect((await admin.call('GET', `/editions/${e.id}`)).json).toMatchObject({ headline: 'Курс сума вырос на 12 сумов', lead: 'Центробанк Узбекистана опубликовал курс на пятницу.' });
      await olga.keyboard.press('Control+s');
      const dialog = olga.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Someone else saved this story' }).waitFor();
      await expect(dialog.locator('[data-field="headline"] [data-side="theirs"]').textContent()).resolves.toBe('Курс сума вырос на 12 сумов');
      await expect(dialog.locator('[data-field="headline"] [data-side="mine"]').textContent()).resolves.toBe('Сум укрепился к доллару');
      expect(await dialog.locator('[data-field="lead"]').count()).toBe(0);
      await shot(olga, 'merge-dialog');
      // She keeps her headline; her lead was never in question.
      const put = olga.waitForResponse((r) => r.request().method() === 'PUT' && r.status() === 200);
      await dialog.getByRole('button', { name: 'Save merged' }).click();
      await put;
      await olga.locator('[data-state="saved"]').waitFor();
      const final = (await admin.call('GET', `/editions/${e.id}`)).json;
      expect(final).toMatchObject({ headline: 'Сум укрепился к доллару', lead: 'Центробанк Узбекистана опубликовал курс на субботу.' });
    },
    TEST_TIMEOUT,
  );

  it(
    '`?` opens the shortcuts overlay, Tab goes headline → lead → body, the headline counts characters',
    async () => {
      const { site, admin } = await setupSite();
      const e = (await admin.call('POST', '/stories', { locale: 'ru', headline: 'Навруз' })).json;
      const { page } = await browserAs(site, 'admin@example.uz');
      await openStory(page, site, e.id);
      await page.locator('[data-testid="headline-count"]', { hasText: '6' }).waitFor();

      await page.locator('textarea[name="headline"]').focus();
      const path: string[] = [];
      for (let n = 0; n < 4 && !path.includes('body'); n++) {
        await page.keyboard.press('Tab');
        path.push(await page.evaluate(() => {
          const a = document.activeElement as HTMLElement | null;
          return a?.classList.contains('ProseMirror') ? 'body' : a?.getAttribute('name') ?? a?.tagName.toLowerCase() ?? '';
        }));
      }
      expect(path[0]).toBe('lead');
      expect(path.at(-1)).toBe('body');
      expect(path.length).toBeLessThanOrEqual(3);

      // In a text field `?` is just a character.
      await page.locator('textarea[name="lead"]').focus();
      await page.keyboard.press('?');
      expect(await page.getByRole('dialog').count()).toBe(0);
      await expect(page.locator('textarea[name="lead"]').inputValue()).resolves.toBe('?');
      await page.keyboard.press('Backspace');
      await page.locator('.editor-bar').click({ position: { x: 2, y: 2 } });
      await page.keyboard.press('?');
      const overlay = page.getByRole('dialog');
      await overlay.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
      await overlay.getByText('Save now').waitFor();
      await overlay.getByText('Undo').waitFor();
      await shot(page, 'shortcuts');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );
});
