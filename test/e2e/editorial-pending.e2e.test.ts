/**
 * End-to-end in Debian's headless Chromium: a contributor's save of a Latin draft leaves the
 * published Cyrillic edition unchanged with a pending update; the editions panel says so, and an
 * editor accepts it. A contributor sees the story-level fields of a published story read-only.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, TEST_TIMEOUT } from './browser.js';
import { newsroomSuite } from './helpers/newsroom.js';

const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe.skipIf(!HAVE_BROWSER)('pending updates of derived editions in the browser', () => {
  const suite = newsroomSuite();

  it(
    'shows the pending update of a published derived edition and lets an editor accept it',
    async () => {
      const { admin, addUser, signIn, open } = await suite.startNewsroom('Bosh muharrir');
      await addUser('c@example.uz', 'Muxbir', 'contributor');
      const section = await admin.call('POST', '/sections', { slug: 'jamiyat', color: '#1D4E89', position: 1, names: { uz: 'Jamiyat', 'uz-Cyrl': 'Жамият', ru: 'Общество', en: 'Society' } });
      const c = await signIn('c@example.uz');
      const latin = (await c.call('POST', '/stories', { locale: 'uz', headline: 'Yangi maktab ochildi' })).json;
      const save = (e: any, patch: Record<string, unknown>) => ({
        version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: 'Toshkent', sectionId: section.json.id, tagIds: [], authorIds: [],
        heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null, ...patch,
      });
      const saved = await c.call('PUT', `/editions/${latin.id}`, save(latin, { body: body('Matn.') }));
      expect(saved.status).toBe(200);
      const cyrl = (await c.call('POST', `/editions/${latin.id}/derive`)).json;
      expect((await c.call('POST', `/editions/${cyrl.id}/transition`, { to: 'review', from: 'draft' })).status).toBe(200);
      expect((await admin.call('POST', `/editions/${cyrl.id}/transition`, { to: 'published', from: 'review' })).status).toBe(200);
      expect((await c.call('PUT', `/editions/${latin.id}`, save(saved.json, { headline: 'Maktab ochilmadi' }))).status).toBe(200);

      const { page } = await open(admin, { locale: 'en-US', path: `/admin/stories/${cyrl.id}` });
      const box = page.locator('#panel-editions [data-sync="pending"]');
      await box.getByText('Source changed — update waiting for an editor').waitFor();
      if (process.env.XABAR_SCREENSHOTS) await page.locator('#panel-editions').screenshot({ path: path.join(process.env.XABAR_SCREENSHOTS, 'editions-pending.png') });
      await box.getByRole('button', { name: 'Accept update' }).click();
      const accepted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/editions/${cyrl.id}/resync`));
      await page.getByRole('dialog').getByRole('button', { name: 'Accept update' }).click();
      expect((await accepted).status()).toBe(200);
      await page.locator('#panel-editions [data-sync="synced"]').waitFor();
      expect(await page.locator('textarea[name="headline"]').inputValue()).toBe('Мактаб очилмади');

      // The contributor's own Latin draft: section, tags and authors read-only (the story is live).
      const { page: cp } = await open(c, { locale: 'en-US', path: `/admin/stories/${latin.id}` });
      await cp.locator('[data-story-locked]').first().waitFor();
      expect(await cp.locator('select[name="sectionId"]').isDisabled()).toBe(true);
      expect(await cp.locator('textarea[name="headline"]').isDisabled()).toBe(false);
    },
    TEST_TIMEOUT,
  );
});
