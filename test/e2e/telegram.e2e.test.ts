/**
 * Issue 10 in the browser (English UI): an administrator connects a Telegram channel (target and
 * bot token, which then shows only as …last4), checks the connection, publishes a story from the
 * editor, and sees its Telegram status turn to sent with a link to the post — against the fake
 * Bot API, with the relay running as a worker does.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram, type FakeChat } from '../helpers/fake-telegram.js';
import { Api, AXE_SOURCE, buildAdminAndLaunch, HAVE_BROWSER, PW, startSite, TEST_TIMEOUT, type Site } from './browser.js';

const TOKEN = `7012345678:${'AAH'.repeat(11)}k3Yq`;

/** Serious and critical axe-core problems (WCAG 2 A/AA) on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] }),
  )) as { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!HAVE_BROWSER)('Telegram channels in the browser', () => {
  let browser: Browser;
  let site: Site;
  let api: Api;
  let page: Page;
  let fake: FakeTelegram;
  let channel: FakeChat;
  let editionId: number;

  beforeAll(async () => {
    fake = await new FakeTelegram().start();
    fake.addBot(TOKEN, 7012345678, 'xabar_news_bot');
    channel = fake.addChannel('xabar_en', -1001000000009, 'Xabar in English');
    channel.members.set(7012345678, { status: 'administrator', canPost: true });
    browser = await buildAdminAndLaunch();
    site = await startSite({ XABAR_TELEGRAM_API_ROOT: fake.apiRoot });
    site.s.c.relay.start(); // the job worker, polling as in production
    api = await Api.open(site.url);
    expect((await api.call('POST', '/setup', { email: 'admin@example.uz', name: 'Chief editor', password: PW })).status).toBe(201);
    const section = (await api.call('POST', '/sections', { slug: 'politics', names: { ru: 'Политика', en: 'Politics' } })).json;
    const e = (await api.call('POST', '/stories', { locale: 'en', headline: 'New bridge opens over the Ankhor' })).json;
    const saved = await api.call('PUT', `/editions/${e.id}`, {
      version: e.version, headline: e.headline, slug: e.slug, lead: 'The bridge links two districts of Tashkent.', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'It opened on Monday.' }] }] },
      datelineCity: 'Tashkent', sectionId: section.id, tagIds: [], authorIds: [], heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null,
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    editionId = e.id;
    // bypassCSP only so that axe-core can be injected with addScriptTag (the newsroom's CSP forbids inline scripts).
    const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, bypassCSP: true, storageState: await api.ctx.storageState() });
    page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
  }, TEST_TIMEOUT);
  afterAll(async () => {
    await api?.dispose();
    await browser?.close();
    await site?.close();
    await fake?.stop();
  });

  it('connects a channel, checks it, publishes, and sees the post sent', async () => {
    await page.goto(`${site.url}/admin/settings`);
    await page.getByRole('link', { name: 'Channels and bot' }).click();
    const card = page.locator('[data-telegram-locale="en"]');
    await card.getByLabel('Channel to post to').fill('@xabar_en');
    await card.getByLabel('Bot token').fill(TOKEN);
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Set: …k3Yq').waitFor();
    expect(await card.getByLabel('Bot token').inputValue()).toBe(''); // never shown again
    await card.getByRole('button', { name: 'Check connection' }).click();
    const result = card.locator('[data-telegram-check]');
    await result.waitFor();
    expect(await result.getAttribute('data-telegram-check')).toBe('ok');
    expect(await result.textContent()).toContain('@xabar_news_bot can post to «Xabar in English»');
    expect(await axeProblems(page)).toEqual([]);

    await page.goto(`${site.url}/admin/stories/${editionId}`);
    const panel = page.locator('#panel-telegram');
    await panel.getByLabel('Post to Telegram').waitFor();
    expect(await panel.getByLabel('Post to Telegram').isChecked()).toBe(true);
    await page.locator('.ProseMirror').waitFor();
    await page.getByRole('button', { name: 'Publish now' }).click();
    const status = panel.locator('[data-telegram-state]');
    await expect.poll(() => status.getAttribute('data-telegram-state'), { timeout: 30_000 }).toBe('sent');
    expect(await status.textContent()).toContain('Posted.');
    const link = panel.getByRole('link', { name: 'Open the post' });
    const posts = fake.posts(channel.id);
    expect(posts).toHaveLength(1);
    expect(await link.getAttribute('href')).toBe(`https://t.me/xabar_en/${posts[0]!.messageId}`);
    expect(await axeProblems(page)).toEqual([]);
    expect(posts[0]!.text).toBe('New bridge opens over the Ankhor\n\nThe bridge links two districts of Tashkent.\n\nRead more');
  }, TEST_TIMEOUT);
});
