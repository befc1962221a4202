/**
 * Galleries and video in Chromium (issue 8): an editor inserts a photo gallery (two photos from
 * the library, reordered, one caption changed) and an uploaded video with a poster, publishes, and
 * the public page shows both; the lightbox opens without any script (:target). Screenshots of the
 * editor and the public gallery at 390 and 1280 px go to docs/screenshots/blocks-*.png.
 *
 * The video is a real WebM recorded in the browser from a canvas (MediaRecorder), so the content
 * check and the player see a genuine file.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, HAVE_BROWSER, buildAdminAndLaunch, PW, saveNow, startSite, TEST_TIMEOUT, type Site } from './browser.js';

const SHOTS = path.resolve('docs/screenshots');
let browser: Browser;
let site: Site;
let admin: Api;

async function photo(name: string, rgb: [number, number, number], caption: string) {
  const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .composite([{ input: Buffer.from(`<svg width="1200" height="800"><circle cx="600" cy="400" r="260" fill="#ffffff" fill-opacity="0.55"/></svg>`), top: 0, left: 0 }])
    .jpeg()
    .toBuffer();
  const r = await admin.ctx.fetch('/admin/api/media', {
    method: 'POST',
    headers: { 'x-csrf-token': admin.csrf },
    multipart: { file: { name, mimeType: 'image/jpeg', buffer: data }, locale: 'uz', caption, alt: caption },
  });
  expect(r.status()).toBe(201);
  return (await r.json()) as { id: number; src: string };
}

/** Records one second of a moving canvas as WebM in the page (MediaRecorder). */
async function recordWebm(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    const g = canvas.getContext('2d')!;
    const stream = canvas.captureStream(15);
    const rec = new MediaRecorder(stream, { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((r) => (rec.onstop = r));
    rec.start(100);
    for (let f = 0; f < 15; f++) {
      g.fillStyle = `hsl(${f * 24}, 70%, 45%)`;
      g.fillRect(0, 0, 320, 180);
      await new Promise((r) => setTimeout(r, 66));
    }
    rec.stop();
    await stopped;
    const buf = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let s = '';
    for (const b of buf) s += String.fromCharCode(b);
    return btoa(s);
  });
  return Buffer.from(b64, 'base64');
}

describe.skipIf(!HAVE_BROWSER)('gallery and video blocks in the browser', () => {
  beforeAll(async () => {
    browser = await buildAdminAndLaunch();
    site = await startSite();
    admin = await Api.open(site.url);
    expect((await admin.call('POST', '/setup', { email: 'admin@example.uz', name: 'Bosh muharrir', password: PW })).status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await admin?.dispose();
    await browser?.close();
    await site?.close();
  });

  it(
    'inserts a gallery and a video in the editor and shows them on the public page, lightbox without script',
    async () => {
      const sec = await admin.call('POST', '/sections', { slug: 'culture', color: '#1D4E89', names: { ru: 'Культура', uz: 'Madaniyat', en: 'Culture' } });
      expect(sec.status).toBe(201);
      await photo('registon.jpg', [180, 90, 40], 'Registon maydoni');
      await photo('bogʻ.jpg', [40, 120, 70], 'Yangi bogʻ');
      await photo('poster.jpg', [30, 60, 140], 'Muqova');
      const created = await admin.call('POST', '/stories', { locale: 'uz', headline: 'Samarqandda festival boshlandi' });
      const id = created.json.id as number;

      const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, storageState: await admin.ctx.storageState() });
      const page = await ctx.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${site.url}/admin/stories/${id}`);
      await page.locator('.ProseMirror').waitFor();
      await page.selectOption('select[name="sectionId"]', { label: 'Madaniyat' });
      await page.fill('input[name="datelineCity"]', 'Samarqand');
      await page.locator('.ProseMirror').click();
      await page.keyboard.type('Festival uch kun davom etadi.');

      // The gallery: a first photo, then another from the node's own button (newest first in the picker).
      await page.getByRole('button', { name: 'Photo gallery' }).click();
      let picker = page.getByRole('dialog');
      await picker.locator('.media-card').filter({ hasText: 'Registon maydoni' }).click();
      await picker.getByRole('button', { name: 'Insert' }).click();
      await page.locator('.gallery-node').waitFor();
      await page.getByRole('button', { name: 'Add a photo' }).click();
      picker = page.getByRole('dialog');
      await picker.locator('.media-card').filter({ hasText: 'Yangi bogʻ' }).click();
      await picker.getByRole('button', { name: 'Insert' }).click();
      await expect.poll(() => page.locator('.gallery-node-item').count()).toBe(2);
      // Captions start as the library's; one is changed, and the second photo moves first.
      await expect.poll(() => page.getByLabel('Caption of photo 2').inputValue()).toBe('Yangi bogʻ');
      await page.getByLabel('Caption of photo 1').fill('Registon maydonida bayram');
      await page.getByRole('button', { name: 'Move photo 2 earlier' }).click();
      await expect.poll(() => page.getByLabel('Caption of photo 1').inputValue()).toBe('Yangi bogʻ');

      // The video: a real WebM recorded here, uploaded through the dialog, then a poster.
      const webm = await recordWebm(page);
      expect(webm.readUInt32BE(0)).toBe(0x1a45dfa3);
      await page.locator('.ProseMirror').press('Control+End');
      await page.getByRole('button', { name: 'Video (MP4 or WebM)' }).click();
      await page.getByRole('dialog').locator('input[type="file"]').setInputFiles({ name: 'festival.webm', mimeType: 'video/webm', buffer: webm });
      await page.locator('.video-node video').waitFor();
      await page.getByRole('button', { name: 'Choose a poster' }).click();
      picker = page.getByRole('dialog');
      await picker.locator('.media-card').filter({ hasText: 'Muqova' }).click();
      await picker.getByRole('button', { name: 'Insert' }).click();
      await page.getByRole('button', { name: 'Change the poster' }).waitFor();
      await page.getByLabel('Video caption').fill('Festival ochilishi');
      // The block takes the file's own size once the browser has read its metadata.
      await expect.poll(() => page.locator('.video-node video').getAttribute('width')).toBe('320');
      await saveNow(page);

      fs.mkdirSync(SHOTS, { recursive: true });
      await page.locator('.gallery-node').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(SHOTS, 'blocks-editor-1280.png') });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('.gallery-node').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(SHOTS, 'blocks-editor-390.png') });

      const saved = await admin.call('GET', `/editions/${id}`);
      const blocks = saved.json.body.content.filter((n: { type: string }) => n.type === 'gallery' || n.type === 'video');
      expect(blocks.map((n: { type: string }) => n.type)).toEqual(['gallery', 'video']);
      expect(blocks[0].attrs.items.map((x: { caption: string }) => x.caption)).toEqual(['Yangi bogʻ', 'Registon maydonida bayram']);
      expect(blocks[1].attrs).toMatchObject({ mime: 'video/webm', caption: 'Festival ochilishi', width: 320, height: 180, poster: { mediaId: expect.any(Number) } });
      const published = await admin.call('POST', `/editions/${id}/transition`, { to: 'published' });
      expect(published.status, JSON.stringify(published.json)).toBe(200);

      // The public page, with the page's own CSP (no scripts at all).
      const pub = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
      const reader = await pub.newPage();
      await reader.goto(site.url + published.json.publicUrl);
      const figures = reader.locator('.gallery .gallery-item');
      await expect.poll(() => figures.count()).toBe(2);
      expect(await figures.nth(0).locator('figcaption').textContent()).toBe('Yangi bogʻ');
      const video = reader.locator('figure.video video');
      expect(await video.getAttribute('preload')).toBe('metadata');
      expect(await video.getAttribute('poster')).toMatch(/^\/media\//);
      expect(await video.locator('source').getAttribute('type')).toBe('video/webm');
      await reader.locator('.gallery').scrollIntoViewIfNeeded();
      await reader.screenshot({ path: path.join(SHOTS, 'blocks-gallery-1280.png') });
      // Opening a photo is a link to its own figure: :target makes it the full-screen lightbox.
      await figures.nth(1).locator('a.gallery-open').click();
      expect(new URL(reader.url()).hash).toBe('#gallery-1-2');
      expect(await figures.nth(1).evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
      await reader.screenshot({ path: path.join(SHOTS, 'blocks-lightbox-1280.png') });
      await figures.nth(1).locator('a.gallery-prev').click();
      expect(new URL(reader.url()).hash).toBe('#gallery-1-1');
      await figures.nth(0).locator('a.gallery-close').click();
      expect(await figures.nth(0).evaluate((el) => getComputedStyle(el).position)).toBe('relative');
      await reader.setViewportSize({ width: 390, height: 844 });
      await reader.locator('.gallery').scrollIntoViewIfNeeded();
      await reader.screenshot({ path: path.join(SHOTS, 'blocks-gallery-390.png') });
      await figures.nth(0).locator('a.gallery-open').click();
      await reader.screenshot({ path: path.join(SHOTS, 'blocks-lightbox-390.png') });
      // The video file answers a player's range request.
      const src = await video.locator('source').getAttribute('src');
      const part = await fetch(site.url + src, { headers: { range: 'bytes=0-3' } });
      expect(part.status).toBe(206);
      expect(Buffer.from(await part.arrayBuffer()).readUInt32BE(0)).toBe(0x1a45dfa3);
      await pub.close();
      await ctx.close();
    },
    TEST_TIMEOUT,
  );
});
