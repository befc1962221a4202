/**
 * End-to-end test of the newsroom's languages in Debian's headless Chromium against a real Xabar
 * (SQLite in a temporary folder): the interface in Uzbek (Latin and Cyrillic, the Cyrillic one
 * derived from the Latin catalogue by the transliterator), and a story's Uzbek editions — the
 * Cyrillic edition made from the Latin one in one click, kept in sync, marked when edited by hand,
 * its differences shown, and re-synced. Also the side-by-side translation view.
 *
 * Nothing sleeps for a fixed time: every wait is for a condition (an element, a response, a page).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, CHROMIUM, HAVE_BROWSER, PW, saveNow, startSite, TEST_TIMEOUT } from './browser.js';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });


let browser: Browser;
const cleanups: (() => Promise<unknown>)[] = [];

describe.skipIf(!HAVE_BROWSER)('newsroom languages in the browser', () => {
  beforeAll(async () => {
    const script = path.resolve('scripts/build-admin.mjs');
    if (fs.existsSync(script)) execFileSync(process.execPath, [script], { stdio: 'inherit' });
    else execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'admin/vite.config.ts'], { stdio: 'inherit' });
    expect(fs.existsSync('admin/dist/index.html')).toBe(true);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180_000);

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await browser?.close();
  });

  it(
    'the UI switches to Uzbek Cyrillic; a Latin story gets its Cyrillic edition in one click, which stays synced until edited by hand, shows its differences and re-syncs',
    async () => {
      const site = await startSite();
      cleanups.push(() => site.close());

      // Without a saved choice, the browser's languages decide: uz-Cyrl* is Cyrillic, other uz* Latin.
      for (const [locale, title] of [['uz-Cyrl-UZ', 'Таҳририятни созлаш'], ['uz-UZ', 'Tahririyatni sozlash']] as const) {
        const ctx = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
        cleanups.push(() => ctx.close());
        const p = await ctx.newPage();
        await p.goto(`${site.url}/admin/`);
        await p.getByRole('heading', { name: title }).waitFor();
        await ctx.close();
      }

      const admin = await Api.open(site.url);
      cleanups.push(() => admin.dispose());
      expect((await admin.call('POST', '/setup', { email: 'admin@example.uz', name: 'Bosh muharrir', password: PW })).status).toBe(201);
      const section = await admin.call('POST', '/sections', { slug: 'jamiyat', color: '#1D4E89', position: 1, names: { uz: 'Jamiyat', 'uz-Cyrl': 'Жамият', ru: 'Общество', en: 'Society' } });
      expect(section.status).toBe(201);
      const created = await admin.call('POST', '/stories', { locale: 'uz', headline: 'Toshkentda yangi koʻprik ochildi' });
      expect(created.status).toBe(201);
      const latin = created.json;
      const saved = await admin.call('PUT', `/editions/${latin.id}`, {
        version: latin.version, headline: latin.headline, slug: latin.slug, lead: 'Uzunligi 120 metr boʻlgan koʻprik shaharning ikki tumanini bogʻladi.', datelineCity: 'Toshkent',
        body: { type: 'doc', content: [paragraph('Ochilish marosimi shanba kuni boʻlib oʻtdi.'), paragraph('Qurilish ikki yil davom etdi.')] },
        sectionId: section.json.id, tagIds: [], authorIds: [], heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null,
      });
      expect(saved.status, JSON.stringify(saved.json)).toBe(200);
      expect(saved.json.missingLocales).toContain('uz-Cyrl');

      // Signed in with an English browser; the user picks Ўзбекча in the user menu.
      const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, storageState: await admin.ctx.storageState() });
      cleanups.push(() => ctx.close());
      const page = await ctx.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${site.url}/admin/stories`);
      await page.getByRole('heading', { name: 'Stories' }).waitFor();
      await page.getByRole('button', { name: /Bosh muharrir/ }).click();
      await page.getByRole('menuitemradio', { name: 'Ўзбекча' }).click();
      const nav = page.getByRole('navigation');
      for (const name of ['Материаллар', 'Медиатека', 'Рукнлар ва теглар', 'Фойдаланувчилар', 'Созламалар', 'Ҳаракатлар журнали']) {
        await nav.getByRole('link', { name }).waitFor();
      }
      await page.getByRole('heading', { name: 'Материаллар' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('uz-Cyrl');
      // The choice is remembered.
      await page.reload();
      await nav.getByRole('link', { name: 'Материаллар' }).waitFor();
      // The story list marks each edition's language.
      await page.locator(`tr[data-edition="${latin.id}"] .locale-chip`, { hasText: 'UZ' }).waitFor();

      // The Latin story: the Editions panel offers the Cyrillic edition, made in one click.
      await page.getByRole('link', { name: 'Toshkentda yangi koʻprik ochildi' }).click();
      await page.locator('.ProseMirror').waitFor();
      const editions = page.locator('#panel-editions');
      await editions.getByRole('heading', { name: 'Тил версиялари' }).waitFor();
      await editions.locator('.edition-row.is-missing[data-locale="uz-Cyrl"]').waitFor();
      const derived = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/editions/${latin.id}/derive`));
      await editions.getByRole('button', { name: 'Кирилл ёзувидаги версияни яратиш' }).click();
      expect((await derived).status()).toBe(201);
      const cyrlRow = editions.locator('.edition-row[data-locale="uz-Cyrl"]');
      await cyrlRow.locator('.flag-ok', { hasText: 'Синхрон' }).waitFor();
      const cyrlId = Number(await cyrlRow.getAttribute('data-edition'));
      const cyrl = (await admin.call('GET', `/editions/${cyrlId}`)).json;
      expect(cyrl).toMatchObject({ locale: 'uz-Cyrl', derivedFrom: latin.id, sync: 'synced', headline: 'Тошкентда янги кўприк очилди' });
      expect(cyrl.lead).toBe('Узунлиги 120 метр бўлган кўприк шаҳарнинг икки туманини боғлади.');

      // Side by side: the Latin source on the left, the Cyrillic edition editable on the right.
      await cyrlRow.getByRole('link').click();
      await page.waitForURL(`**/admin/stories/${cyrlId}`);
      await page.locator('.ProseMirror').waitFor();
      await expect(page.locator('textarea[name="headline"]').inputValue()).resolves.toBe('Тошкентда янги кўприк очилди');
      await page.locator('#panel-editions [data-sync="synced"]', { hasText: 'Лотин ёзуви билан синхрон' }).waitFor();
      await page.locator('#panel-editions').getByRole('button', { name: 'Ёнма-ён таржима қилиш' }).click();
      const source = page.locator('.source-pane');
      await source.locator('.source-headline', { hasText: 'Toshkentda yangi koʻprik ochildi' }).waitFor();
      await source.getByText('Qurilish ikki yil davom etdi.').waitFor();
      expect(page.url()).toContain(`?source=${latin.id}`);

      // A hand edit of the Cyrillic edition ends the sync; the panel says so.
      await page.fill('textarea[name="lead"]', 'Узунлиги 120 метр бўлган янги кўприк шаҳарнинг икки туманини боғлади.');
      await saveNow(page);
      const diverged = page.locator('#panel-editions [data-sync="diverged"]');
      await diverged.getByText('Қўлда таҳрирланган — манбадан фарқ қилади').waitFor();
      expect((await admin.call('GET', `/editions/${cyrlId}`)).json.sync).toBe('diverged');

      // The differences: the hand-added word is only in this edition.
      await diverged.getByRole('button', { name: 'Фарқларни кўрсатиш' }).click();
      const diffDialog = page.getByRole('dialog');
      await diffDialog.getByRole('heading', { name: 'Манбадан фарқлар' }).waitFor();
      await diffDialog.locator('.diff del').first().waitFor();
      expect((await diffDialog.locator('.diff del').allTextContents()).join('|')).toContain('янги');
      expect(await diffDialog.locator('.diff').textContent()).toContain('Тошкентда янги кўприк очилди');

      // Re-sync, after a confirmation that hand edits will be replaced.
      await diffDialog.getByRole('button', { name: 'Қайта синхронлаш' }).click();
      const confirm = page.getByRole('dialog');
      await confirm.getByRole('heading', { name: 'Манба билан қайта синхронлаш' }).waitFor();
      await confirm.getByText('Қўлда киритилган ўзгаришлар ўчиб кетади', { exact: false }).waitFor();
      const resynced = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/editions/${cyrlId}/resync`));
      await confirm.getByRole('button', { name: 'Қайта синхронлаш' }).click();
      expect((await resynced).status()).toBe(200);
      await page.locator('#panel-editions [data-sync="synced"]').waitFor();
      await expect(page.locator('textarea[name="lead"]').inputValue()).resolves.toBe('Узунлиги 120 метр бўлган кўприк шаҳарнинг икки туманини боғлади.');
      const after = (await admin.call('GET', `/editions/${cyrlId}`)).json;
      expect(after).toMatchObject({ sync: 'synced', lead: 'Узунлиги 120 метр бўлган кўприк шаҳарнинг икки туманини боғлади.' });

      // Synced again: a save of the Latin edition reaches the Cyrillic one.
      const latest = (await admin.call('GET', `/editions/${latin.id}`)).json;
      const put = await admin.call('PUT', `/editions/${latin.id}`, {
        version: latest.version, headline: 'Toshkentda Anhor ustidan yangi koʻprik ochildi', slug: latest.slug, lead: latest.lead, body: latest.body, datelineCity: latest.datelineCity,
        sectionId: latest.sectionId, tagIds: [], authorIds: [], heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null,
      });
      expect(put.status).toBe(200);
      expect((await admin.call('GET', `/editions/${cyrlId}`)).json.headline).toBe('Тошкентда Анҳор устидан янги кўприк очилди');
    },
    TEST_TIMEOUT,
  );
});
