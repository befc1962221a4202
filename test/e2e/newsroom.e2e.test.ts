/**
 * End-to-end tests of the newsroom app (/admin) in Debian's headless Chromium against a real Xabar
 * listening on a random port (SQLite in a temporary folder). Each test builds its own site, so the
 * tests are independent; the SPA is built once (scripts/build-admin.mjs only rebuilds when stale).
 *
 * The test site's clock is driven by the test: a ticker keeps it in step with real time, and the
 * scheduling test moves it forward to the scheduled minute instead of waiting for it.
 *
 * Nothing sleeps for a fixed time: every wait is for a condition (an element, a response, a page).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, CHROMIUM, HAVE_BROWSER, PW, saveNow, startSite, TEST_TIMEOUT, type Site } from './browser.js';

/** Creates the first administrator through the API and returns a signed-in client. */
async function setupAdmin(url: string): Promise<Api> {
  const admin = await Api.open(url);
  const r = await admin.call('POST', '/setup', { email: 'admin@example.uz', name: 'Bosh muharrir', password: PW });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return admin;
}

async function createUser(admin: Api, role: 'contributor' | 'author' | 'editor', email: string, name: string) {
  const r = await admin.call('POST', '/users', { email, name, role, password: PW });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}

async function createSection(admin: Api, slug = 'politics') {
  const r = await admin.call('POST', '/sections', { slug, color: '#1D4E89', position: 1, names: { ru: 'Политика', en: 'Politics' } });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id as number;
}

let browser: Browser;
const cleanups: (() => Promise<unknown>)[] = [];

/** A browser context (English UI) signed in as `email`, or signed out when no email is given. */
async function browserAs(site: Site, email?: string): Promise<{ ctx: BrowserContext; page: Page }> {
  let storageState: Awaited<ReturnType<APIRequestContext['storageState']>> | undefined;
  if (email) {
    const api = await Api.open(site.url);
    await api.login(email);
    storageState = await api.ctx.storageState();
    await api.dispose();
  }
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, storageState });
  cleanups.push(() => ctx.close());
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  return { ctx, page };
}

/** Opens a story and waits for the editor to be ready. */
async function openStory(page: Page, site: Site, editionId: number) {
  await page.goto(`${site.url}/admin/stories/${editionId}`);
  await page.locator('.ProseMirror').waitFor();
}


/** Polls a public URL until its HTML satisfies `test` (page caches live a few seconds). */
async function waitForHtml(url: string, test: (html: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    const r = await fetch(url, { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36' } });
    last = await r.text();
    if (r.status === 200 && test(last)) return last;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error(`${url} did not get the expected content; last response:\n${last.slice(0, 500)}`);
}

async function makePng(file: string) {
  await sharp({ create: { width: 960, height: 540, channels: 3, background: { r: 31, g: 95, b: 191 } } })
    .composite([{ input: Buffer.from('<svg width="960" height="540"><circle cx="480" cy="270" r="160" fill="#f5b700"/></svg>'), top: 0, left: 0 }])
    .png()
    .toFile(file);
}

/** A plain image of the given size: a coloured field with a lighter disc (a logo, a portrait). */
async function makeImage(file: string, width: number, height: number, background: { r: number; g: number; b: number }) {
  const r = Math.round(Math.min(width, height) / 3);
  await sharp({ create: { width, height, channels: 3, background } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${Math.round(height / 2)}" cy="${Math.round(height / 2)}" r="${r}" fill="#ffffff"/></svg>`), top: 0, left: 0 }])
    .png()
    .toFile(file);
}

/** The `src` of the logo image in the masthead of a public page. */
function mastheadLogo(html: string): string | null {
  return /<a class="logo"[^>]*>\s*<img src="([^"]+)"/.exec(html)?.[1] ?? null;
}

describe.skipIf(!HAVE_BROWSER)('newsroom app in the browser', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-e2e-'));
  const png = path.join(tmp, 'anhor-bridge.png');
  const logoPng = path.join(tmp, 'agency-logo.png');
  const portraitPng = path.join(tmp, 'portrait.png');

  beforeAll(async () => {
    const script = path.resolve('scripts/build-admin.mjs');
    if (fs.existsSync(script)) execFileSync(process.execPath, [script], { stdio: 'inherit' });
    else execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'admin/vite.config.ts'], { stdio: 'inherit' });
    expect(fs.existsSync('admin/dist/index.html')).toBe(true);
    await makePng(png);
    await makeImage(logoPng, 800, 200, { r: 200, g: 16, b: 46 });
    await makeImage(portraitPng, 400, 400, { r: 91, g: 127, b: 166 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180_000);

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await browser?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'first-run setup, then a story with an image is written, submitted, published by an editor and shown on the site',
    async () => {
      const site = await startSite();
      cleanups.push(() => site.close());

      // First run: the app asks for the first administrator.
      const { page: adminPage } = await browserAs(site);
      await adminPage.goto(`${site.url}/admin/`);
      await adminPage.waitForURL('**/admin/setup');
      await adminPage.getByRole('heading', { name: 'Set up the newsroom' }).waitFor();
      await adminPage.fill('input[name="name"]', 'Bosh muharrir');
      await adminPage.fill('input[name="email"]', 'admin@example.uz');
      await adminPage.fill('input[name="password"]', PW);
      await adminPage.fill('input[name="passwordRepeat"]', PW);
      await adminPage.getByRole('button', { name: 'Create administrator' }).click();
      await adminPage.waitForURL('**/admin/stories');
      await adminPage.getByRole('heading', { name: 'Stories' }).waitFor();

      // The admin invites a reporter and an editor and adds a section (through the API here).
      const admin = await Api.open(site.url);
      await admin.login('admin@example.uz');
      cleanups.push(() => admin.dispose());
      await createUser(admin, 'author', 'reporter@example.uz', 'Malika Yusupova');
      await createUser(admin, 'editor', 'editor@example.uz', 'Sherzod Karimov');
      await createSection(admin);

      // The admin signs out; the reporter signs in through the form.
      await adminPage.getByRole('button', { name: /Bosh muharrir/ }).click();
      await adminPage.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await adminPage.waitForURL('**/admin/login');
      await adminPage.fill('input[name="email"]', 'reporter@example.uz');
      await adminPage.fill('input[name="password"]', PW);
      await adminPage.getByRole('button', { name: 'Sign in' }).click();
      await adminPage.waitForURL('**/admin/stories');
      const page = adminPage;

      // A new Russian story.
      await page.getByRole('button', { name: 'New story' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Русский').click();
      await dialog.locator('input[name="headline"]').fill('В Ташкенте открылся новый мост через Анхор');
      await dialog.getByRole('button', { name: 'Create draft' }).click();
      await page.waitForURL(/\/admin\/stories\/\d+$/);
      const editionId = Number(page.url().split('/').pop());
      await page.locator('.ProseMirror').waitFor();

      await page.fill('textarea[name="lead"]', 'Мост длиной 120 метров соединил два района города.');
      await page.selectOption('select[name="sectionId"]', { label: 'Политика' });
      await page.fill('input[name="datelineCity"]', 'Ташкент');
      await page.locator('.ProseMirror').click();
      await page.keyboard.type('Церемония открытия прошла в субботу.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Строительство заняло два года.');

      // An image from the media library, uploaded from the picker, with a caption.
      await page.getByRole('button', { name: 'Image from the media library' }).click();
      const picker = page.getByRole('dialog');
      await picker.locator('input[type="file"]').setInputFiles(png);
      await expect.poll(() => picker.locator('.media-card.selected').count()).toBe(1);
      await picker.getByRole('button', { name: 'Insert' }).click();
      await page.locator('.figure-node img').waitFor();
      await page.locator('.figure-caption-input').fill('Новый мост через Анхор');

      // Live word count and reading time.
      await expect.poll(() => page.getByTestId('stats').textContent()).toMatch(/^1[0-9] words · 1 min read$/);
      await saveNow(page);

      // The reporter submits; the server agrees the story is in review.
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.locator('.editor-bar .badge-review').waitFor();
      const inReview = await admin.call('GET', `/editions/${editionId}`);
      expect(inReview.json.status).toBe('review');
      expect(JSON.stringify(inReview.json.body)).toContain('Строительство заняло два года.');
      expect(inReview.json.body.content.some((n: { type: string; attrs?: { mediaId?: number } }) => n.type === 'image' && n.attrs?.mediaId)).toBe(true);

      // The editor finds it in the list (filtered to "In review") and publishes it.
      const { page: ed } = await browserAs(site, 'editor@example.uz');
      await ed.goto(`${site.url}/admin/stories?status=review`);
      await ed.getByRole('link', { name: 'В Ташкенте открылся новый мост через Анхор' }).click();
      await ed.locator('.ProseMirror').waitFor();
      await ed.getByRole('button', { name: 'Publish now' }).click();
      await ed.locator('.editor-bar .badge-published').waitFor();
      const liveLink = ed.locator('.notice-success a');
      await liveLink.waitFor();
      const publicPath = await liveLink.getAttribute('href');
      expect(publicPath).toMatch(/^\/ru\/news\/[a-z0-9-]+$/);

      // Readers see it on the home page and at its own URL, with the image and its caption.
      await waitForHtml(`${site.url}/ru/`, (html) => html.includes('В Ташкенте открылся новый мост через Анхор'));
      const article = await waitForHtml(`${site.url}${publicPath}`, (html) => html.includes('Строительство заняло два года.'));
      expect(article).toContain('В Ташкенте открылся новый мост через Анхор');
      expect(article).toContain('Новый мост через Анхор');
      expect(article).toMatch(/<img[^>]+src="\/media\//);
    },
    TEST_TIMEOUT,
  );

  it(
    'a scheduled story appears on the site by itself when its time comes',
    async () => {
      const site = await startSite();
      cleanups.push(() => site.close());
      const admin = await setupAdmin(site.url);
      cleanups.push(() => admin.dispose());
      await createUser(admin, 'editor', 'editor@example.uz', 'Sherzod Karimov');
      const sectionId = await createSection(admin);
      const created = await admin.call('POST', '/stories', { locale: 'ru', headline: 'Навруз отпразднуют на площади Мустакиллик' });
      expect(created.status).toBe(201);
      const editionId = created.json.id as number;

      const { page } = await browserAs(site, 'editor@example.uz');
      await openStory(page, site, editionId);
      await page.selectOption('select[name="sectionId"]', String(sectionId));
      await page.locator('.ProseMirror').click();
      await page.keyboard.type('Праздничная программа начнётся в десять утра.');
      await saveNow(page);

      // A time in the past is refused in the dialog; a time two minutes ahead is accepted.
      await page.getByRole('button', { name: 'Schedule…' }).click();
      const dialog = page.getByRole('dialog');
      const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      await dialog.locator('input[name="at"]').fill(local(new Date(Date.now() - 60 * 60_000)));
      await dialog.getByRole('button', { name: 'Schedule' }).click();
      await dialog.getByText('Choose a time in the future.').waitFor();
      const at = new Date(Date.now() + 2 * 60_000);
      await dialog.locator('input[name="at"]').fill(local(at));
      await dialog.getByRole('button', { name: 'Schedule' }).click();
      await page.locator('.editor-bar .badge-scheduled').waitFor();

      const scheduled = await admin.call('GET', `/editions/${editionId}`);
      expect(scheduled.json.status).toBe('scheduled');
      expect(scheduled.json.publicUrl).toBeNull();
      const home = await (await fetch(`${site.url}/ru/`)).text();
      expect(home).not.toContain('Навруз отпразднуют на площади Мустакиллик');

      // Time passes (the server clock moves to the scheduled minute); nobody touches the story.
      site.jump(3 * 60_000);
      await waitForHtml(`${site.url}/ru/`, (html) => html.includes('Навруз отпразднуют на площади Мустакиллик'));
      const later = await admin.call('GET', `/editions/${editionId}`);
      expect(later.json.publicUrl).toMatch(/^\/ru\/news\//);
      await waitForHtml(`${site.url}${later.json.publicUrl}`, (html) => html.includes('Праздничная программа начнётся в десять утра.'));
    },
    TEST_TIMEOUT,
  );

  it(
    'a contributor can submit but not publish: no button, and the API answers 403',
    async () => {
      const site = await startSite();
      cleanups.push(() => site.close());
      const admin = await setupAdmin(site.url);
      cleanups.push(() => admin.dispose());
      await createUser(admin, 'contributor', 'freelance@example.uz', 'Anna Belova');
      await createSection(admin);

      const { page } = await browserAs(site, 'freelance@example.uz');
      await page.goto(`${site.url}/admin/stories`);
      // Admin-only navigation is not offered to a contributor.
      await page.getByRole('link', { name: 'Stories' }).first().waitFor();
      await expect(page.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0);

      await page.getByRole('button', { name: 'New story' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Русский').click();
      await dialog.locator('input[name="headline"]').fill('Фермеры Ферганы собрали ранний урожай черешни');
      await dialog.getByRole('button', { name: 'Create draft' }).click();
      await page.waitForURL(/\/admin\/stories\/\d+$/);
      const editionId = Number(page.url().split('/').pop());
      await page.locator('.ProseMirror').click();
      await page.keyboard.type('Урожай оказался на треть больше прошлогоднего.');
      await page.selectOption('select[name="sectionId"]', { label: 'Политика' });
      await saveNow(page);

      const bar = page.locator('.editor-bar');
      await bar.getByRole('button', { name: 'Submit for review' }).waitFor();
      expect(await bar.getByRole('button', { name: 'Publish now' }).count()).toBe(0);
      expect(await bar.getByRole('button', { name: /Schedule/ }).count()).toBe(0);

      // The same session asking the API directly is refused.
      const csrf = (await (await page.request.get(`${site.url}/admin/api/session`)).json()).csrfToken;
      const forced = await page.request.post(`${site.url}/admin/api/editions/${editionId}/transition`, {
        headers: { 'x-csrf-token': csrf },
        data: { to: 'published' },
      });
      expect(forced.status()).toBe(403);
      expect((await forced.json()).error.code).toBe('forbidden');
      expect((await admin.call('GET', `/editions/${editionId}`)).json.status).toBe('draft');

      // Submitting works, and then the contributor can no longer edit.
      await bar.getByRole('button', { name: 'Submit for review' }).click();
      await page.locator('.editor-bar .badge-review').waitFor();
      await page.locator('[data-state="readonly"]').waitFor();
      await expect(page.locator('textarea[name="headline"]').isDisabled()).resolves.toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    "two editors' conflicting saves show the conflict dialog, and nothing is overwritten silently",
    async () => {
      const site = await startSite();
      cleanups.push(() => site.close());
      const admin = await setupAdmin(site.url);
      cleanups.push(() => admin.dispose());
      await createUser(admin, 'editor', 'aziz@example.uz', 'Aziz Rahimov');
      await createUser(admin, 'editor', 'olga@example.uz', 'Olga Kim');
      const sectionId = await createSection(admin);
      const created = await admin.call('POST', '/stories', { locale: 'ru', headline: 'Курс сума к доллару' });
      const e = created.json;
      const put = await admin.call('PUT', `/editions/${e.id}`, {
        version: e.version, headline: e.headline, slug: e.slug, lead: 'Центробанк опубликовал курс на завтра.', datelineCity: 'Ташкент',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Курс вырос на 12 сумов.' }] }] },
        sectionId, tagIds: [], authorIds: [], heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '',
        isMain: false, isBreaking: false, embargoUntil: null,
      });
      expect(put.status, JSON.stringify(put.json)).toBe(200);

      const { page: aziz } = await browserAs(site, 'aziz@example.uz');
      const { page: olga } = await browserAs(site, 'olga@example.uz');
      await openStory(aziz, site, e.id);
      await openStory(olga, site, e.id);

      // Aziz edits and saves; presence: Olga sees that Aziz is editing (his caret is still in the
      // headline; only looking would not list him).
      await aziz.fill('textarea[name="headline"]', 'Курс сума к доллару вырос');
      await saveNow(aziz);
      await olga.getByText('Also editing: Aziz Rahimov').waitFor({ timeout: 30_000 });

      // Olga, still on the old version, changes the headline too (and the lead): her save meets a
      // conflict on the headline (the lead only she changed would merge by itself).
      await olga.fill('textarea[name="headline"]', 'Курс сума');
      await olga.fill('textarea[name="lead"]', 'Центробанк Узбекистана опубликовал курс на пятницу.');
      await olga.keyboard.press('Control+s');
      const conflict = olga.getByRole('dialog');
      await conflict.getByRole('heading', { name: 'Someone else saved this story' }).waitFor();
      await olga.locator('[data-state="conflict"]').waitFor();
      await expect(conflict.locator('[data-field="headline"] [data-side="theirs"]').textContent()).resolves.toBe('Курс сума к доллару вырос');
      await expect(conflict.locator('[data-field="headline"] [data-side="mine"]').textContent()).resolves.toBe('Курс сума');
      expect(await conflict.locator('[data-field="lead"]').count()).toBe(0);
      await conflict.getByText('Aziz Rahimov', { exact: false }).first().waitFor();

      // Nothing of Olga's was written while the dialog is open.
      const during = await admin.call('GET', `/editions/${e.id}`);
      expect(during.json.headline).toBe('Курс сума к доллару вырос');
      expect(during.json.lead).toBe('Центробанк опубликовал курс на завтра.');

      // Olga takes their version, then adds her lead on top and saves normally.
      await conflict.getByRole('button', { name: 'Take theirs' }).click();
      await expect(olga.locator('textarea[name="headline"]').inputValue()).resolves.toBe('Курс сума к доллару вырос');
      await expect(olga.locator('textarea[name="lead"]').inputValue()).resolves.toBe('Центробанк опубликовал курс на завтра.');
      await olga.fill('textarea[name="lead"]', 'Центробанк Узбекистана опубликовал курс на пятницу.');
      await saveNow(olga);
      const merged = await admin.call('GET', `/editions/${e.id}`);
      expect(merged.json).toMatchObject({ headline: 'Курс сума к доллару вырос', lead: 'Центробанк Узбекистана опубликовал курс на пятницу.' });

      // Now Aziz is behind: his headline and Olga's lead merge by themselves (no dialog).
      await aziz.fill('textarea[name="headline"]', 'Курс сума к доллару вырос на 12 сумов');
      const keep = aziz.waitForResponse((r) => r.request().method() === 'PUT' && r.status() === 200);
      await aziz.keyboard.press('Control+s');
      await keep;
      await aziz.locator('[data-state="saved"]').waitFor();
      expect(await aziz.getByRole('dialog').count()).toBe(0);
      const final = await admin.call('GET', `/editions/${e.id}`);
      expect(final.json.headline).toBe('Курс сума к доллару вырос на 12 сумов');
      expect(final.json.lead).toBe('Центробанк Узбекистана опубликовал курс на пятницу.');
      expect(final.json.version).toBe(merged.json.version + 1);
      const revs = await admin.call('GET', `/editions/${e.id}/revisions`);
      expect(revs.json.items.some((r: { version: number }) => r.version === merged.json.version)).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'a logo and an author photo chosen from the media library appear on the public site',
    async () => {
      const site = await startSite();
      cleanups.push(() => site.close());
      const admin = await setupAdmin(site.url);
      cleanups.push(() => admin.dispose());
      const created = await admin.call('POST', '/authors', { names: { ru: 'Малика Юсупова', en: 'Malika Yusupova' }, bio: { ru: 'Обозреватель международного отдела.' } });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const author = created.json as { id: number; slug: string; photoMediaId: number | null };
      expect(author.photoMediaId).toBeNull();
      const builtinLogo = mastheadLogo(await (await fetch(`${site.url}/ru/`)).text());
      expect(builtinLogo).toMatch(/^\/assets\/logo\./);

      // Settings: the built-in logo until one is chosen; the picker uploads one and it is used.
      const { page } = await browserAs(site, 'admin@example.uz');
      await page.goto(`${site.url}/admin/settings`);
      const logoCard = page.locator('#settings-logo');
      await logoCard.getByText('Built-in logo').waitFor();
      await logoCard.getByRole('button', { name: 'Choose from media library' }).click();
      const logoPicker = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Choose from media library' }) });
      await logoPicker.locator('input[type="file"]').setInputFiles(logoPng);
      await expect.poll(() => logoPicker.locator('.media-card.selected').count()).toBe(1);
      await logoPicker.getByRole('button', { name: 'Use this image' }).click();
      const preview = logoCard.locator('.logo-preview img');
      await preview.waitFor();
      const logoSrc = await preview.getAttribute('src');
      expect(logoSrc).toMatch(/^\/media\//);
      const put = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/admin/api/settings'));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const saved = await put;
      expect(saved.status()).toBe(200);
      const logoId = (await saved.json()).logoMediaId as number;
      expect(logoId).toBeGreaterThan(0);

      // The public home page shows it in the masthead (page caches live a few seconds).
      // The site may pick another variant of the same image (a WebP keeps transparency): compare
      // the content-addressed name without the width and format suffix.
      const sameImage = (a: string | null, b: string | null) => !!a && !!b && a.replace(/-\d+\.\w+$/, '') === b.replace(/-\d+\.\w+$/, '');
      await waitForHtml(`${site.url}/ru/`, (html) => sameImage(mastheadLogo(html), logoSrc));

      // After a reload the settings show the saved logo again (looked up by its id).
      await page.reload();
      await expect.poll(() => logoCard.locator('.logo-preview img').getAttribute('src')).toBe(logoSrc);
      await expect(page.locator(`.logo-preview img[data-media-id="${logoId}"]`).count()).resolves.toBe(1);

      // Authors: a photo is chosen in the author form, shown round in the list and on the author page.
      await page.goto(`${site.url}/admin/taxonomy?tab=authors`);
      const row = page.locator(`tr[data-author="${author.id}"]`);
      await row.getByText('Малика Юсупова').or(row.getByText('Malika Yusupova')).first().waitFor();
      expect(await row.locator('img.avatar-photo').count()).toBe(0);
      await row.getByRole('button', { name: 'Edit' }).click();
      const form = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Edit author' }) });
      await form.getByRole('button', { name: 'Choose photo' }).click();
      const photoPicker = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Choose photo' }) });
      await photoPicker.locator('input[type="file"]').setInputFiles(portraitPng);
      await expect.poll(() => photoPicker.locator('.media-card.selected').count()).toBe(1);
      await photoPicker.getByRole('button', { name: 'Use this image' }).click();
      await form.locator('.photo-field img.avatar-photo').waitFor();
      await form.getByRole('button', { name: 'Remove photo' }).waitFor();
      const patch = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/admin/api/authors/${author.id}`));
      await form.getByRole('button', { name: 'Save' }).click();
      const patched = await patch;
      expect(patched.status()).toBe(200);
      const photoId = (await patched.json()).photoMediaId as number;
      expect(photoId).toBeGreaterThan(0);
      expect(photoId).not.toBe(logoId);
      await row.locator(`img.avatar-photo[data-media-id="${photoId}"]`).waitFor();

      const library = await admin.call('GET', '/media');
      const photo = (library.json.items as { id: number; src: string }[]).find((m) => m.id === photoId);
      expect(photo).toBeDefined();
      const authorPage = await waitForHtml(`${site.url}/ru/author/${author.slug}`, (html) => html.includes('class="author-photo"'));
      expect(authorPage).toContain('Малика Юсупова');
      expect(/<img class="author-photo" src="([^"]+)"/.exec(authorPage)?.[1]).toBe(photo!.src);

      // "Use the built-in logo" puts the built-in one back.
      await page.goto(`${site.url}/admin/settings`);
      await logoCard.locator('.logo-preview img').waitFor();
      await logoCard.getByRole('button', { name: 'Use the built-in logo' }).click();
      await logoCard.getByText('Built-in logo').waitFor();
      const put2 = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/admin/api/settings'));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      expect((await (await put2).json()).logoMediaId).toBeNull();
      await waitForHtml(`${site.url}/ru/`, (html) => mastheadLogo(html) === builtinLogo);
    },
    TEST_TIMEOUT,
  );

  it(
    "the story list shows every edition of a story as a chip linking to it, the row's own one marked",
    async () => {
      const site = await startSite();
      cleanups.push(() => site.close());
      const admin = await setupAdmin(site.url);
      cleanups.push(() => admin.dispose());
      const ru = (await admin.call('POST', '/stories', { locale: 'ru', headline: 'В Самарканде открылся музей ремёсел' })).json;
      const uz = await admin.call('POST', `/editions/${ru.id}/translations`, { locale: 'uz' });
      expect(uz.status, JSON.stringify(uz.json)).toBe(201);
      const review = await admin.call('POST', `/editions/${uz.json.id}/transition`, { to: 'review' });
      expect(review.status, JSON.stringify(review.json)).toBe(200);

      const { page } = await browserAs(site, 'admin@example.uz');
      await page.goto(`${site.url}/admin/stories`);
      const row = page.locator(`tr[data-edition="${ru.id}"]`);
      const chips = row.locator('.edition-chips a.ed-chip');
      await expect.poll(() => chips.count()).toBe(2);
      const own = row.locator(`.edition-chips a[data-edition="${ru.id}"]`);
      await expect(own.getAttribute('aria-current')).resolves.toBe('true');
      await expect(own.getAttribute('data-status')).resolves.toBe('draft');
      const other = row.locator(`.edition-chips a[data-edition="${uz.json.id}"]`);
      await expect(other.getAttribute('data-status')).resolves.toBe('review');
      await expect(other.getAttribute('title')).resolves.toContain('In review');
      expect(await other.getAttribute('aria-current')).toBeNull();

      // A chip opens its edition.
      await other.click();
      await page.waitForURL(`**/admin/stories/${uz.json.id}`);
      await page.locator('.ProseMirror').waitFor();
    },
    TEST_TIMEOUT,
  );
});
