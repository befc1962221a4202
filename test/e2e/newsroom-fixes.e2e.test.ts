/**
 * Issue 8 in the browser (English UI): tags are merged and deleted from the Tags tab, an image in
 * use lists the stories and authors using it as links (and deleting it shows them instead of a
 * bare refusal), and an Uzbek name left empty says what the site shows instead. Screenshots at
 * 390 and 1280 px go to docs/screenshots/fixes-*.png.
 */
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, HAVE_BROWSER, launchChromium, PW, startSite, TEST_TIMEOUT, type Site } from './browser.js';

const SHOTS = path.resolve('docs/screenshots');

async function shoot(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(150); // let the dialog re-lay out
    await page.screenshot({ path: path.join(SHOTS, `fixes-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!HAVE_BROWSER)('newsroom fixes in the browser', () => {
  let browser: Browser;
  let site: Site;
  let api: Api;
  let page: Page;
  const ids: Record<string, number> = {};
  const slugs: Record<string, string> = {};

  beforeAll(async () => {
    browser = await launchChromium();
    site = await startSite();
    api = await Api.open(site.url);
    expect((await api.call('POST', '/setup', { email: 'admin@example.uz', name: 'Chief editor', password: PW })).status).toBe(201);
    const section = (await api.call('POST', '/sections', { slug: 'politics', names: { ru: 'Политика', en: 'Politics' } })).json;
    for (const [key, name] of [['a', 'Elections 2026'], ['b', 'Elections'], ['c', 'Old label']] as const) {
      const t = (await api.call('POST', '/tags', { name, locale: 'en' })).json;
      ids[key] = t.id;
      slugs[key] = t.slug;
    }
    const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3a6ea5' } }).jpeg().toBuffer();
    const up = await api.ctx.fetch('/admin/api/media', { method: 'POST', headers: { 'x-csrf-token': api.csrf }, multipart: { file: { name: 'tashkent.jpg', mimeType: 'image/jpeg', buffer: data }, alt: 'Tashkent at sunset', locale: 'en' } });
    expect(up.status()).toBe(201);
    ids.media = (await up.json()).id;
    const stories: [string, number[], number | null][] = [
      ['Parliament sets the election date', [ids.a!], ids.media!],
      ['Candidates register for the vote', [ids.a!, ids.b!, ids.c!], null],
    ];
    for (const [headline, tagIds, hero] of stories) {
      const e = (await api.call('POST', '/stories', { locale: 'en', headline })).json;
      const saved = await api.call('PUT', `/editions/${e.id}`, { version: e.version, headline, slug: e.slug, lead: '', body: e.body, datelineCity: '', sectionId: section.id, tagIds, authorIds: [], heroMediaId: hero, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null });
      expect(saved.status, JSON.stringify(saved.json)).toBe(200);
      ids[headline] = e.id;
    }
    expect((await api.call('POST', '/authors', { slug: 'photo-desk', names: { en: 'Photo desk' }, photoMediaId: ids.media })).status).toBe(201);
    const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, storageState: await api.ctx.storageState() });
    page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
  }, TEST_TIMEOUT);
  afterAll(async () => {
    await api?.dispose();
    await browser?.close();
    await site?.close();
  });

  it('merges a tag into another from the Tags tab; the old address redirects', async () => {
    await page.goto(`${site.url}/admin/taxonomy?tab=tags`);
    const row = page.locator('.table tbody tr', { hasText: slugs.a! });
    await row.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge the tag «Elections 2026»' });
    await dialog.getByLabel('Find the tag to keep').fill('Elections');
    await dialog.getByRole('radio', { name: /^Elections \/tag\// }).check();
    await shoot(page, 'tag-merge');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByText('Merged into «Elections».').waitFor();
    await expect(page.locator('.table tbody tr', { hasText: slugs.a! }).count()).resolves.toBe(0);
    const story = (await api.call('GET', `/editions/${ids['Parliament sets the election date']}`)).json;
    expect(story.tags.map((t: { id: number }) => t.id)).toEqual([ids.b]);
    const old = await fetch(`${site.url}/en/tag/${slugs.a}`, { redirect: 'manual' });
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(`/en/tag/${slugs.b}`);
  }, TEST_TIMEOUT);

  it('deletes a tag that a story carries after a second, explicit confirmation', async () => {
    const row = page.locator('.table tbody tr', { hasText: slugs.c! });
    await row.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the tag «Old label»' });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByText('The tag is on 1 story. Delete it and remove it from that story?').waitFor();
    await shoot(page, 'tag-delete');
    await dialog.getByRole('button', { name: 'Delete and remove from stories' }).click();
    await page.getByText('Tag deleted.').waitFor();
    const story = (await api.call('GET', `/editions/${ids['Candidates register for the vote']}`)).json;
    expect(story.tags.map((t: { id: number }) => t.id)).toEqual([ids.b]);
  }, TEST_TIMEOUT);

  it('shows where an image is used, as links, and lists them instead of deleting', async () => {
    await page.goto(`${site.url}/admin/media`);
    await page.locator(`[data-media-id="${ids.media}"]`).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`#?${ids.media}`) });
    await dialog.getByRole('heading', { name: 'Where it is used' }).waitFor();
    await dialog.getByRole('link', { name: /Parliament sets the election date/ }).waitFor();
    await dialog.getByRole('link', { name: 'Author photo: Photo desk' }).waitFor();
    await shoot(page, 'media-uses');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    const inUse = page.getByRole('dialog', { name: 'The image is in use' });
    await inUse.getByText('Remove the image from these places first, then delete it:').waitFor();
    await shoot(page, 'media-in-use');
    await inUse.getByRole('link', { name: /Parliament sets the election date/ }).click();
    await page.waitForURL(`**/admin/stories/${ids['Parliament sets the election date']}`);
    await page.locator('.ProseMirror').waitFor();
  }, TEST_TIMEOUT);

  it('says what the Cyrillic site shows for an Uzbek name left empty', async () => {
    await page.goto(`${site.url}/admin/taxonomy?tab=sections`);
    await page.getByRole('button', { name: 'New section' }).click();
    const dialog = page.getByRole('dialog', { name: 'New section' });
    await dialog.locator('input[name="names.uz"]').fill('Jamiyat va gʻoyalar');
    await dialog.getByText('Left empty: shown as «Жамият ва ғоялар»').waitFor();
    await shoot(page, 'section-derived-name');
  }, TEST_TIMEOUT);
});
