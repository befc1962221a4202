/**
 * Accessibility of the newsroom app (/admin) in Debian's headless Chromium, at desktop (1280 px)
 * and phone (390 px) widths: axe-core (WCAG 2 A and AA rules) finds nothing of serious or critical
 * impact on the sign-in page, the story list, an opened story, the media library, sections,
 * authors, users, settings, the audit log and an open dialog (the media picker). The picker is also
 * checked by hand for what a modal must do: role="dialog", aria-modal, a name from its heading,
 * focus moved into it on open and given back to the button that opened it on close.
 *
 * The site has demo content (a few stories, sections, authors, images) so that lists, tables and
 * the editor are filled. Nothing sleeps for a fixed time: every wait is for an element or a URL.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { AXE_SOURCE, CHROMIUM, HAVE_BROWSER, PW } from './browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { makeTestSite, type TestSite } from '../helpers/site.js';

/** When set, a screenshot of every checked page is written to this folder (for a look by eye). */
const SHOTS = process.env.XABAR_A11Y_SHOTS;
const EMAIL = 'chief@example.uz';

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
}

/** Runs axe-core on the page as it is now; returns the serious and critical problems, readably. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n')}`);
}

describe.skipIf(!HAVE_BROWSER)('newsroom accessibility', () => {
  let s: TestSite;
  let base: string;
  let browser: Browser;
  let editionId: number;

  beforeAll(async () => {
    const script = path.resolve('scripts/build-admin.mjs');
    execFileSync(process.execPath, [script], { stdio: 'inherit' });
    expect(fs.existsSync('admin/dist/index.html')).toBe(true);
    s = await makeTestSite('sqlite', { env: { SITE_URL: 'http://127.0.0.1' } });
    await seedDemo(s.c, { stories: 4, images: 1 });
    await s.c.accounts.createUser(null, { email: EMAIL, name: 'Bosh muharrir', role: 'admin', password: PW });
    // A generated story (not the long reference one): an editor page of the usual size.
    const row = await s.c.db.kysely.selectFrom('editions').select('id').where('locale', '=', 'ru').orderBy('id', 'desc').executeTakeFirstOrThrow();
    editionId = Number(row.id);
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = s.app.server.address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  for (const width of [1280, 390]) {
    it(`has no serious or critical accessibility problems at ${width} px`, async () => {
      // bypassCSP only so that the test can inject axe-core with addScriptTag: the newsroom's CSP
      // allows scripts from its own files only, never an inline one. The app itself is unchanged.
      // Reduced motion: the app then has no transitions or fades, so colours are never measured
      // halfway through one.
      const ctx = await browser.newContext({ locale: 'en-US', viewport: { width, height: 900 }, bypassCSP: true, reducedMotion: 'reduce' });
      const page = await ctx.newPage();
      page.setDefaultTimeout(20_000);
      const problems: Record<string, string[]> = {};
      const check = async (name: string) => {
        // Fonts and layout settle before colours are measured.
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const found = await axeProblems(page);
        if (found.length) problems[name] = found;
        if (SHOTS) {
          fs.mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`) });
        }
      };
      /** Opens an app page and waits until `ready` is shown (the page's data has arrived). */
      const visit = async (p: string, ready: (pg: Page) => Locator) => {
        await page.goto(base + p);
        await ready(page).first().waitFor();
      };

      try {
        // Sign-in page, then signing in through the form.
        await page.goto(`${base}/admin/`);
        await page.waitForURL('**/admin/login**');
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await check('sign-in');
        await page.fill('input[name="email"]', EMAIL);
        await page.fill('input[name="password"]', PW);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL('**/admin/stories');

        // The user menu button is named (its visible name is hidden on a phone).
        await page.getByRole('button', { name: /Bosh muharrir/ }).waitFor();

        await page.locator('.stories-table tbody tr').first().waitFor();
        await check('stories');

        await visit(`/admin/stories/${editionId}`, (pg) => pg.locator('.ProseMirror'));
        await check('editor');

        // The media picker: a named modal dialog that takes focus and gives it back.
        // A toolbar button keeps the editor's selection, so a click does not focus it: the dialog
        // still gives focus back to it.
        const opener = page.getByRole('button', { name: 'Image from the media library' });
        await opener.click();
        const picker = page.getByRole('dialog', { name: 'Insert an image' });
        await picker.locator('.media-card').first().waitFor();
        const info = await picker.evaluate((d) => {
          const heading = document.getElementById(d.getAttribute('aria-labelledby') ?? '');
          return {
            role: d.getAttribute('role'),
            modal: d.getAttribute('aria-modal'),
            heading: heading ? `${heading.tagName}:${heading.textContent}` : null,
            focusInside: d.contains(document.activeElement) && document.activeElement !== document.body,
          };
        });
        expect(info).toEqual({ role: 'dialog', modal: 'true', heading: 'H2:Insert an image', focusInside: true });
        await check('media-picker');
        await page.keyboard.press('Escape');
        await picker.waitFor({ state: 'hidden' });
        await expect.poll(() => opener.evaluate((b) => b === document.activeElement)).toBe(true);

        await visit('/admin/media', (pg) => pg.locator('.media-card'));
        await check('media');

        await visit('/admin/taxonomy?tab=sections', (pg) => pg.locator('.table tbody tr'));
        await check('sections');

        await visit('/admin/taxonomy?tab=authors', (pg) => pg.locator('tr[data-author]'));
        await check('authors');

        await visit('/admin/taxonomy?tab=tags', (pg) => pg.locator('.table tbody tr'));
        await check('tags');

        await visit('/admin/account', (pg) => pg.locator('main input'));
        await check('account');

        await visit('/admin/users', (pg) => pg.locator(`tr[data-user="${EMAIL}"]`));
        await check('users');

        await visit('/admin/settings', (pg) => pg.locator('#settings-logo'));
        await check('settings');

        await visit('/admin/audit', (pg) => pg.locator('.table-audit tbody tr'));
        await check('audit');
      } finally {
        await ctx.close();
      }
      const report = Object.entries(problems).map(([name, list]) => `${name}:\n  ${list.join('\n  ')}`);
      expect(report, `axe-core at ${width} px`).toEqual([]);
    });
  }
});
