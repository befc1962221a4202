/**
 * The desk in Debian's headless Chromium: the story list with one row per story (its headline in
 * the interface's language, editions expandable), the review filter and its count in the
 * navigation, bulk publish with a per-item answer, planning (drag to another hour, the keyboard's
 * "Reschedule" dialog) and an expiry set in the editor — in the four interface languages.
 * axe-core finds no serious or critical problem on these screens. With XABAR_SCREENSHOTS=<dir>, screenshots of the list and planning at 1280 and 390 px.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, AXE_SOURCE, HAVE_BROWSER, buildAdminAndLaunch, runCleanups, PW, startSite, TEST_TIMEOUT, type Site } from './browser.js';

const SHOTS = process.env.XABAR_SCREENSHOTS;
const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
let browser: Browser;

/** axe-core's serious and critical WCAG 2 A/AA problems on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] }),
  )) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
const cleanups: (() => Promise<unknown>)[] = [];

describe.skipIf(!HAVE_BROWSER)('the desk in the browser', () => {
  let site: Site;
  let admin: Api;
  let ids: Record<'water' | 'waterEn' | 'waterUz' | 'market' | 'noSection' | 'metro' | 'tomorrow', number>;

  async function context(lang: string, width = 1280): Promise<BrowserContext> {
    // bypassCSP only so that axe-core can be injected; reduced motion so colours are never measured mid-fade.
    const ctx = await browser.newContext({ locale: 'en-US', viewport: { width, height: 900 }, storageState: await admin.ctx.storageState(), bypassCSP: true, reducedMotion: 'reduce' });
    await ctx.addInitScript((l) => localStorage.setItem('xabar.admin.lang', l), lang);
    cleanups.push(() => ctx.close());
    return ctx;
  }

  beforeAll(async () => {
    browser = await buildAdminAndLaunch();
    site = await startSite();
    admin = await Api.open(site.url);
    expect((await admin.call('POST', '/setup', { email: 'admin@example.uz', name: 'Бош муҳаррир', password: PW })).status).toBe(201);
    expect((await admin.call('POST', '/users', { email: 'c@example.uz', name: 'Мухбир Алиев', role: 'contributor', password: PW })).status).toBe(201);
    const section = (await admin.call('POST', '/sections', { slug: 'jamiyat', color: '#1D4E89', position: 1, names: { uz: 'Jamiyat', 'uz-Cyrl': 'Жамият', ru: 'Общество', en: 'Society' } })).json.id;
    const c = await Api.open(site.url);
    cleanups.push(() => c.dispose());
    await c.login('c@example.uz');
    const save = (e: any, patch: Record<string, unknown>) => ({
      version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: 'Ташкент', sectionId: section, tagIds: [], authorIds: [],
      heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null, ...patch,
    });
    const story = async (api: Api, locale: string, headline: string, patch: Record<string, unknown> = {}) => {
      const e = (await api.call('POST', '/stories', { locale, headline })).json;
      const r = await api.call('PUT', `/editions/${e.id}`, save(e, { body: body('Текст новости.'), ...patch }));
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return r.json;
    };
    const move = async (api: Api, id: number, to: string, extra: Record<string, unknown> = {}) => expect((await api.call('POST', `/editions/${id}/transition`, { to, ...extra })).status).toBe(200);
    // A story in three languages: Russian published, English in review, Uzbek a draft.
    const water = await story(admin, 'ru', 'Правительство утвердило программу водосбережения');
    const waterEn = (await admin.call('POST', `/editions/${water.id}/translations`, { locale: 'en' })).json;
    await admin.call('PUT', `/editions/${waterEn.id}`, save(waterEn, { headline: 'Government approves a water-saving programme', body: body('News text.') }));
    const waterUz = (await admin.call('POST', `/editions/${water.id}/translations`, { locale: 'uz' })).json;
    await admin.call('PUT', `/editions/${waterUz.id}`, save(waterUz, { headline: 'Hukumat suvni tejash dasturini tasdiqladi', body: body('Matn.') }));
    await move(admin, water.id, 'published');
    await move(admin, waterEn.id, 'review');
    const market = await story(c, 'ru', 'На Чорсу открылся новый рынок ремесленников');
    await move(c, market.id, 'review');
    const noSection = await story(c, 'ru', 'Заметка корреспондента без рубрики', { sectionId: null });
    await move(c, noSection.id, 'review');
    const metro = await story(admin, 'ru', 'В Ташкенте продлят линию метро до Сергели');
    // Tomorrow at 10:15 local time: a day the planning week shows (or the next one).
    const t = new Date();
    const tomorrow = new Date(t.getFullYear(), t.getMonth(), t.getDate() + 1, 10, 15);
    await move(admin, metro.id, 'scheduled', { at: tomorrow.toISOString() });
    await story(admin, 'ru', 'Синоптики обещают тёплые выходные');
    ids = { water: water.id, waterEn: waterEn.id, waterUz: waterUz.id, market: market.id, noSection: noSection.id, metro: metro.id, tomorrow: tomorrow.getTime() };
  }, 180_000);

  afterAll(async () => {
    await runCleanups(cleanups);
    await admin?.dispose();
    await site?.close();
    await browser?.close();
  });

  it(
    'lists one row per story, expands its editions, counts the review queue and bulk-publishes with a per-item answer',
    async () => {
      const page = await (await context('ru')).newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${site.url}/admin/stories`);
      const rows = page.locator('tr.story-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(5);
      const water = page.locator(`tr.story-row[data-edition="${ids.water}"]`);
      await expect(water.locator('.story-link').innerText()).resolves.toBe('Правительство утвердило программу водосбережения');
      expect(await water.locator('.ed-chip[data-status]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-locale')}:${e.getAttribute('data-status')}`))).toEqual(['ru:published', 'uz:draft', 'en:review']);
      // The review queue: three editions wait (English of the water story, two of the correspondent's).
      await expect(page.getByTestId('review-badge').innerText()).resolves.toMatch(/^3/);
      await water.getByRole('button', { name: 'Показать версии на языках' }).click();
      const list = page.locator(`#eds-${await water.getAttribute('data-story')} .edition-list li`);
      expect(await list.count()).toBe(3);
      await expect(list.and(page.locator(`[data-edition="${ids.waterEn}"]`)).innerText()).resolves.toContain('Government approves a water-saving programme');

      await page.getByRole('button', { name: 'Ждут проверки' }).click();
      await page.waitForURL(/status=review/);
      await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
      await page.getByRole('checkbox', { name: 'Выбрать «На Чорсу открылся новый рынок ремесленников»' }).check();
      await page.getByRole('checkbox', { name: 'Выбрать «Заметка корреспондента без рубрики»' }).check();
      await page.getByRole('region', { name: 'Действия с выбранными' }).getByText('Выбрано 2 материала').waitFor();
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'desk-stories-1280.png'), fullPage: true });
      expect(await axeProblems(page)).toEqual([]);
      const bulk = page.waitForResponse((r) => r.url().endsWith('/admin/api/bulk'));
      await page.getByRole('region', { name: 'Действия с выбранными' }).getByRole('button', { name: 'Опубликовать' }).click();
      expect((await bulk).status()).toBe(200);
      const result = page.getByRole('status', { name: 'Результат действия' });
      await result.getByText('выполнено 1, не выполнено 1').waitFor();
      await expect(result.locator(`[data-edition="${ids.market}"]`).getAttribute('data-ok')).resolves.toBe('1');
      await expect(result.locator(`[data-edition="${ids.noSection}"]`).innerText()).resolves.toContain('выберите рубрику');
      await expect(page.getByTestId('review-badge').innerText()).resolves.toMatch(/^2/);
      expect((await admin.call('GET', `/editions/${ids.market}`)).json.status).toBe('published');
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'desk-bulk-result-1280.png') });
      expect(await axeProblems(page)).toEqual([]);

      // The row's headline is the interface language's edition when there is one.
      const en = await (await context('en')).newPage();
      await en.goto(`${site.url}/admin/stories`);
      await en.locator(`tr.story-row[data-edition="${ids.waterEn}"] .story-link`).getByText('Government approves a water-saving programme').waitFor();
      const uz = await (await context('uz')).newPage();
      await uz.goto(`${site.url}/admin/stories`);
      await uz.locator(`tr.story-row[data-edition="${ids.waterUz}"] .story-link`).getByText('Hukumat suvni tejash dasturini tasdiqladi').waitFor();
      await uz.getByRole('button', { name: 'Tekshiruvni kutmoqda' }).waitFor();
      const cyrl = await (await context('uz-Cyrl')).newPage();
      await cyrl.goto(`${site.url}/admin/stories`);
      await cyrl.getByRole('button', { name: 'Текширувни кутмоқда' }).waitFor();
      await cyrl.getByRole('link', { name: 'Режалаштириш' }).waitFor();

      const phone = await (await context('ru', 390)).newPage();
      await phone.goto(`${site.url}/admin/stories`);
      const prow = phone.locator(`tr.story-row[data-edition="${ids.water}"]`);
      await prow.getByRole('button', { name: 'Показать версии на языках' }).click();
      await phone.getByRole('checkbox', { name: 'Выбрать «Синоптики обещают тёплые выходные»' }).check();
      await phone.getByRole('region', { name: 'Действия с выбранными' }).waitFor();
      await phone.evaluate(() => window.scrollTo(0, 0));
      if (SHOTS) await phone.screenshot({ path: path.join(SHOTS, 'desk-stories-390.png'), fullPage: true });
      expect(await axeProblems(phone)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'plans by day and hour: drag to another hour, reschedule from the keyboard, an expiry set in the editor',
    async () => {
      // An expiry on the published Russian edition, set in the editor's publishing panel.
      const ed = await (await context('ru')).newPage();
      ed.setDefaultTimeout(20_000);
      await ed.goto(`${site.url}/admin/stories/${ids.water}`);
      const expiry = ed.getByRole('form', { name: 'Снять с публикации в' });
      const day = new Date(ids.tomorrow);
      const p2 = (n: number) => String(n).padStart(2, '0');
      await expiry.locator('input[type="datetime-local"]').fill(`${day.getFullYear()}-${p2(day.getMonth() + 1)}-${p2(day.getDate())}T18:30`);
      await expiry.getByRole('button', { name: 'Задать' }).click();
      await expiry.getByTestId('expiry-now').waitFor();
      if (SHOTS) await ed.locator('#panel-publishing').screenshot({ path: path.join(SHOTS, 'desk-expiry-1280.png') });
      const set = (await admin.call('GET', `/editions/${ids.water}/expiry`)).json;
      expect(new Date(set.unpublishAt).getHours()).toBe(18);

      const page = await (await context('ru')).newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${site.url}/admin/planning`);
      await page.getByRole('heading', { name: 'Планирование', level: 1 }).waitFor();
      const item = page.locator(`.wc-item[data-edition="${ids.metro}"]`);
      if (!(await item.isVisible().catch(() => false))) {
        await page.locator('.plan-list, .empty').first().waitFor();
        if (!(await item.count())) await page.getByRole('button', { name: /Следующая неделя/ }).click();
      }
      await item.waitFor();
      await page.locator(`.plan-item[data-kind="expire"][data-edition="${ids.water}"]`).waitFor();
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'desk-planning-1280.png'), fullPage: true });
      expect(await axeProblems(page)).toEqual([]);

      // Drag the scheduled story to 14:00 of the same day: it keeps its minutes.
      const cell = page.locator(`.wc-cell[data-hour="14"][data-day="${day.getFullYear()}-${day.getMonth()}-${day.getDate()}"]`);
      const moved = page.waitForResponse((r) => r.url().endsWith(`/editions/${ids.metro}/reschedule`));
      await item.dragTo(cell);
      expect((await moved).status()).toBe(200);
      let now = (await admin.call('GET', `/editions/${ids.metro}`)).json;
      expect(now.status).toBe('scheduled');
      expect([new Date(now.scheduledAt).getHours(), new Date(now.scheduledAt).getMinutes()]).toEqual([14, 15]);

      // The keyboard way: the item's "Reschedule" button and a date-time field.
      await page.locator(`.plan-item[data-edition="${ids.metro}"]`).getByRole('button', { name: 'Перенести' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Новое время').fill(`${day.getFullYear()}-${p2(day.getMonth() + 1)}-${p2(day.getDate())}T16:45`);
      const again = page.waitForResponse((r) => r.url().endsWith(`/editions/${ids.metro}/reschedule`));
      await dialog.getByRole('button', { name: 'Перенести' }).click();
      expect((await again).status()).toBe(200);
      now = (await admin.call('GET', `/editions/${ids.metro}`)).json;
      expect([new Date(now.scheduledAt).getHours(), new Date(now.scheduledAt).getMinutes()]).toEqual([16, 45]);
      // A time in the past is refused with the scheduling rule's message, in the dialog.
      await page.locator(`.plan-item[data-edition="${ids.metro}"]`).getByRole('button', { name: 'Перенести' }).click();
      await dialog.getByLabel('Новое время').fill('2020-01-01T10:00');
      await dialog.getByRole('button', { name: 'Перенести' }).click();
      await dialog.locator('.field-error').waitFor();
      await dialog.getByRole('button', { name: /Отмена/ }).click();

      for (const [lang, title] of [['uz', 'Rejalashtirish'], ['uz-Cyrl', 'Режалаштириш'], ['en', 'Planning']] as const) {
        const p = await (await context(lang)).newPage();
        await p.goto(`${site.url}/admin/planning`);
        await p.getByRole('heading', { name: title, level: 1 }).waitFor();
      }
      const phone = await (await context('ru', 390)).newPage();
      await phone.goto(`${site.url}/admin/planning`);
      await phone.locator('.plan-list, .empty').first().waitFor();
      if (!(await phone.locator(`.plan-item[data-edition="${ids.metro}"]`).count())) await phone.getByRole('button', { name: /Следующая неделя/ }).click();
      await phone.locator(`.plan-item[data-edition="${ids.metro}"]`).waitFor();
      if (SHOTS) await phone.screenshot({ path: path.join(SHOTS, 'desk-planning-390.png'), fullPage: true });
      expect(await axeProblems(phone)).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
