/**
 * Two-step sign-in in Debian's headless Chromium against a real Xabar: an administrator whose role
 * requires it is sent through enrolment right after the password (QR, manual key, a confirming
 * code, recovery codes), signs out, signs in with a TOTP code computed here from the key the page
 * showed, and then with a recovery code. Screenshots of the enrolment and second-step pages at
 * 390 and 1280 px go to docs/screenshots/two-factor-*.png.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/accounts/totp.js';
import { Api, HAVE_BROWSER, launchChromium, PW, startSite, TEST_TIMEOUT, type Site } from './browser.js';

const SHOTS = path.resolve('docs/screenshots');

async function shoot(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: path.join(SHOTS, `two-factor-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(page: Page, site: Site) {
  await page.goto(`${site.url}/admin/login`);
  await page.getByLabel('Email').fill('admin@example.uz');
  await page.getByLabel('Password').fill(PW);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /Bosh muharrir/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

describe.skipIf(!HAVE_BROWSER)('two-step sign-in in the browser', () => {
  let browser: Browser;
  let site: Site;
  beforeAll(async () => {
    browser = await launchChromium();
    site = await startSite();
    const admin = await Api.open(site.url);
    expect((await admin.call('POST', '/setup', { email: 'admin@example.uz', name: 'Bosh muharrir', password: PW })).status).toBe(201);
    // What a new site gets by default: editors and administrators must use two-step sign-in.
    expect((await admin.call('PUT', '/security-settings', { twoFactorRoles: ['editor', 'admin'] })).status).toBe(200);
    await admin.dispose();
  }, TEST_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('enrols after the password, then signs in with a TOTP code and with a recovery code', async () => {
    const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    try {
      await signIn(page, site);
      await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
      await page.getByText('Your role requires two-step sign-in').waitFor();
      const key = page.getByTestId('secret-key');
      await key.waitFor();
      const secret = (await key.getAttribute('data-secret'))!;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expect(await page.getByAltText('QR code for your authenticator app').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await shoot(page, 'enrol');

      await page.getByLabel('Code from the app').fill(totpCode(secret, site.s.c.clock()));
      await page.getByRole('button', { name: 'Turn on' }).click();
      const list = page.getByTestId('recovery-codes');
      await list.waitFor();
      const codes = await list.locator('code').allTextContents();
      expect(codes).toHaveLength(10);
      await shoot(page, 'recovery-codes');
      await page.getByRole('button', { name: 'I have saved them — continue' }).click();
      await page.getByRole('heading', { name: 'Stories' }).waitFor();

      // Next time: password, then the code of a later time step (the enrolment's step is spent).
      await signOut(page);
      site.jump(30_000);
      await signIn(page, site);
      await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
      await shoot(page, 'verify');
      await page.getByLabel('Code from the app').fill('000000');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('That code is not correct.').first().waitFor();
      await page.getByLabel('Code from the app').fill(totpCode(secret, site.s.c.clock()));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Stories' }).waitFor();

      // And with a recovery code instead of the phone.
      await signOut(page);
      await signIn(page, site);
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await shoot(page, 'recovery');
      await page.getByLabel('Recovery code').fill(codes[3]!);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Stories' }).waitFor();

      // The account page shows it on, with one recovery code spent.
      await page.goto(`${site.url}/admin/account`);
      await page.getByText('Recovery codes left: 9').waitFor();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByTestId('two-factor-section').screenshot({ path: path.join(SHOTS, 'two-factor-account-1280.png') });

      // The administrator's choice of roles, on the settings page.
      await page.goto(`${site.url}/admin/settings`);
      const roles = page.getByTestId('two-factor-roles');
      await roles.getByLabel('Editor').waitFor();
      expect(await roles.getByLabel('Editor').isChecked()).toBe(true);
      expect(await roles.getByLabel('Author').isChecked()).toBe(false);
      await roles.scrollIntoViewIfNeeded();
      await roles.screenshot({ path: path.join(SHOTS, 'two-factor-settings-1280.png') });
    } finally {
      await ctx.close();
    }
  }, TEST_TIMEOUT);
});
