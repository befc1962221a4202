/**
 * End-to-end in Debian's headless Chromium, in the Russian newsroom: an administrator creates a
 * wire API key for one language, sees it once, the key reads the wire (and its use shows in the
 * list), then the administrator revokes it and the wire refuses it.
 * XABAR_SCREENSHOTS=<dir> writes api-keys-*.png.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, TEST_TIMEOUT } from './browser.js';
import { newsroomSuite } from './helpers/newsroom.js';

const shots = process.env.XABAR_SCREENSHOTS;

describe.skipIf(!HAVE_BROWSER)('wire API keys in the browser', () => {
  const suite = newsroomSuite();

  it(
    'an administrator creates a key, sees it once, the key reads the wire, and revoking it shuts it out',
    async () => {
      const { site, admin, open } = await suite.startNewsroom('Главный редактор');
      expect((await admin.call('POST', '/sections', { slug: 'politika', color: '#1D4E89', position: 1, names: { ru: 'Политика', uz: 'Siyosat', en: 'Politics' } })).status).toBe(201);

      const { page } = await open(admin, { locale: 'ru-RU', path: '/admin/api-keys' });
      await page.getByRole('heading', { name: 'API-ключи для ленты' }).waitFor();
      await page.getByRole('button', { name: 'Новый ключ' }).click();
      await page.locator('input[name="name"]').fill('Газета «Восток»');
      for (const l of ['uz', 'uz-Cyrl', 'en']) await page.locator(`input[name="locale-${l}"]`).uncheck();
      await page.locator('input[name="section-politika"]').check();
      await page.locator('input[name="ratePerMinute"]').fill('120');
      await page.getByRole('button', { name: 'Создать' }).click();

      const tokenBox = page.locator('[data-api-key-token]');
      await tokenBox.waitFor();
      const token = await tokenBox.inputValue();
      expect(token).toMatch(/^xw_[A-Za-z0-9_-]{43}$/);
      if (shots) await page.screenshot({ path: path.join(shots, 'api-keys-created.png') });
      await page.getByRole('button', { name: 'Я скопировал(а) ключ' }).click();

      const row = page.locator('tr[data-api-key="Газета «Восток»"]');
      await expect.poll(() => row.textContent()).toContain(token.slice(0, 9));
      expect(await row.textContent()).not.toContain(token.slice(12)); // never the key again
      expect(await row.textContent()).toContain('Политика');
      expect(await row.textContent()).toContain('ни разу');

      const wire = (key: string) => fetch(`${site.url}/wire/v1/items`, { headers: { authorization: `Bearer ${key}` } });
      expect((await wire(token)).status).toBe(200);
      await page.reload();
      await expect.poll(() => row.textContent()).not.toContain('ни разу');
      if (shots) await page.screenshot({ path: path.join(shots, 'api-keys-list.png') });

      await row.getByRole('button', { name: 'Отозвать' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Отозвать' }).click();
      await expect.poll(() => row.textContent()).toContain('отозван');
      const refused = await wire(token);
      expect(refused.status).toBe(401);
      expect((await refused.json()).error.key).toBe('wire.key_revoked');
    },
    TEST_TIMEOUT,
  );
});
