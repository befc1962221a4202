/**
 * The newsroom's Transliteration page (issue 13) in Debian's Chromium: an editor adds an exception
 * through the form, sees it listed, and the page has no serious or critical accessibility problems.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AXE_SOURCE, HAVE_BROWSER, PW, TEST_TIMEOUT, buildAdminAndLaunch, runCleanups, startSite, type Site } from './browser.js';

const EMAIL = 'editor@example.uz';

async function seriousProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] }),
  )) as { violations: { id: string; impact: string | null }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe.skipIf(!HAVE_BROWSER)('transliteration exceptions page', () => {
  let site: Site;
  let browser: Browser;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    site = await startSite();
    cleanups.push(() => site.close());
    await site.s.c.accounts.createUser(null, { email: 'chief@example.uz', name: 'Bosh muharrir', role: 'admin', password: PW });
    await site.s.c.accounts.createUser(null, { email: EMAIL, name: 'Muharrir', role: 'editor', password: PW });
    browser = await buildAdminAndLaunch();
    cleanups.push(() => browser.close());
  }, 180_000);
  afterAll(() => runCleanups(cleanups));

  it('lets an editor add an exception and lists it', async () => {
    const ctx = await browser.newContext({ locale: 'en-US', bypassCSP: true, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${site.url}/admin/`);
    await page.waitForURL('**/admin/login**');
    await page.fill('input[name="email"]', EMAIL);
    await page.fill('input[name="password"]', PW);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/stories');
    await page.getByRole('link', { name: 'Transliteration' }).first().click();
    await page.getByRole('heading', { name: 'Transliteration exceptions' }).waitFor();
    await page.getByRole('cell', { name: 'finlandiya' }).waitFor(); // the starting list
    await page.fill('input[name="latin"]', 'Pleyer');
    await page.fill('input[name="cyrillic"]', 'Плеер');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('cell', { name: 'плеер' }).waitFor();
    expect(await page.getByRole('cell', { name: 'pleyer' }).count()).toBe(1);
    expect(await seriousProblems(page)).toEqual([]);
    await ctx.close();
  }, TEST_TIMEOUT);
});
