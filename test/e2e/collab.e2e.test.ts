/**
 * End-to-end in Debian's headless Chromium, the desk as a team (issue 8): an editor assigns a
 * story with a due time and a note and comments with an @mention chosen from the autocomplete;
 * the author sees the bell's badge and list, opens the story from it, finds the assignment in
 * "My assignments" (overdue once its time passes), replies, marks it done. The screens are shown
 * in the four interface languages; with XABAR_SCREENSHOTS set, they are saved at 390 and 1280 px.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AXE_SOURCE, HAVE_BROWSER, TEST_TIMEOUT } from './browser.js';
import { newsroomSuite } from './helpers/newsroom.js';

const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const SHOTS = process.env.XABAR_SCREENSHOTS;

async function shot(page: Page, name: string, target?: string) {
  if (!SHOTS) return;
  for (const x of await page.locator('.toast-x').all()) await x.click().catch(() => undefined);
  const file = path.join(SHOTS, `collab-${name}.png`);
  if (target) await page.locator(target).screenshot({ path: file });
  else await page.screenshot({ path: file });
}

/** axe-core's serious and critical WCAG 2 A/AA problems on the page as it is now (see newsroom-a11y.e2e.test.ts). */
async function axe(page: Page, within?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const r = (await page.evaluate((sel) =>
    (window as unknown as { axe: { run(d: Document | Element, o: object): Promise<unknown> } }).axe.run(sel ? document.querySelector(sel)! : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] }),
  within)) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!HAVE_BROWSER)('the desk as a team in the browser', () => {
  const suite = newsroomSuite();

  it(
    'assign, comment with a mention, get notified, open from the bell, see it overdue, reply and finish',
    async () => {
      const { site, admin, addUser, signIn, open } = await suite.startNewsroom('Главный редактор');
      await addUser('ed@example.uz', 'Рустам Алиев', 'editor');
      await addUser('dil@example.uz', 'Дилноза Каримова', 'editor');
      await addUser('au@example.uz', 'Автор Петрова', 'author');
      const section = await admin.call('POST', '/sections', { slug: 'obshchestvo', color: '#1D4E89', position: 1, names: { ru: 'Общество' } });
      const author = await signIn('au@example.uz');
      const e = (await author.call('POST', '/stories', { locale: 'ru', headline: 'В Самарканде открылся новый музей' })).json;
      const saved = await author.call('PUT', `/editions/${e.id}`, {
        version: e.version, headline: e.headline, slug: e.slug, lead: '', body: body('Текст для читателей.'), datelineCity: 'Самарканд', sectionId: section.json.id, tagIds: [], authorIds: [],
        heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null,
      });
      expect(saved.status).toBe(200);
      expect((await author.call('POST', `/editions/${e.id}/transition`, { to: 'review', from: 'draft' })).status).toBe(200);

      // ── The editor, in Russian: a review notification waits; assign and comment with a mention.
      const editor = await signIn('ed@example.uz');
      const { page } = await open(editor, { locale: 'ru-RU', path: '/admin/stories' });
      const bell = page.locator('.bell-btn');
      await page.locator('.bell-badge', { hasText: '1' }).waitFor();
      await bell.click();
      const item = page.locator('.bell-item').first();
      expect(await item.textContent()).toContain('Автор Петрова отправил(а) на проверку «В Самарканде открылся новый музей»');
      await item.click();
      await page.waitForURL(`**/admin/stories/${e.id}`);
      await page.locator('.bell-badge').waitFor({ state: 'detached' });

      const panel = page.locator('#panel-desk');
      await panel.getByRole('button', { name: 'Поручить…' }).click();
      await panel.getByLabel('Исполнитель').selectOption({ label: 'Автор Петрова' });
      const due = new Date(Date.now() + 3600_000);
      const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      await panel.getByLabel('Срок').fill(local);
      await panel.getByLabel('Задание для исполнителя').fill('Добавьте цитату директора музея');
      await panel.getByRole('button', { name: 'Поручить', exact: true }).click();
      await panel.locator('.collab-assignments li', { hasText: 'Автор Петрова' }).waitFor();

      const box = panel.getByRole('combobox', { name: 'Напишите комментарий; @ — упомянуть коллегу' });
      await box.click();
      await box.pressSequentially('Проверь даты, @Дил');
      await panel.getByRole('listbox', { name: 'Кого упомянуть' }).getByRole('option', { name: 'Дилноза Каримова' }).waitFor();
      await box.press('Enter');
      await box.pressSequentially('пожалуйста. ВНУТРЕННЯЯ-ЗАМЕТКА');
      await panel.getByRole('button', { name: 'Отправить' }).click();
      const comment = panel.locator('.collab-comment').first();
      await comment.locator('.mention', { hasText: '@Дилноза Каримова' }).waitFor();
      expect(await comment.locator('.collab-body').textContent()).toBe('Проверь даты, @Дилноза Каримова пожалуйста. ВНУТРЕННЯЯ-ЗАМЕТКА');
      const stored = await site.s.c.db.kysely.selectFrom('desk_comments').select('body').executeTakeFirstOrThrow();
      const dilId = (await site.s.c.db.kysely.selectFrom('users').select('id').where('email', '=', 'dil@example.uz').executeTakeFirstOrThrow()).id;
      expect(stored.body).toBe(`Проверь даты, @{${dilId}} пожалуйста. ВНУТРЕННЯЯ-ЗАМЕТКА`);
      await shot(page, 'comments-1280', '#panel-desk');
      await page.setViewportSize({ width: 390, height: 844 });
      await panel.scrollIntoViewIfNeeded();
      await shot(page, 'comments-390', '#panel-desk');

      // The preview shows readers' text, never the comment.
      const preview = await page.request.get(`${site.url}/admin/preview/${e.id}`);
      const html = await preview.text();
      expect(html).toContain('Текст для читателей.');
      expect(html).not.toContain('ВНУТРЕННЯЯ-ЗАМЕТКА');

      // ── The author, in Uzbek (Latin): the bell counts the assignment and the comment.
      // bypassCSP only to inject axe-core (the newsroom's CSP allows its own script files only).
      const { page: ap } = await open(author, { locale: 'uz-UZ', bypassCSP: true, reducedMotion: 'reduce', path: '/admin/stories' });
      await ap.evaluate(() => localStorage.setItem('xabar.admin.lang', 'uz'));
      await ap.reload();
      await ap.locator('.bell-badge', { hasText: '2' }).waitFor();
      await ap.locator('.bell-btn').click();
      const texts = await ap.locator('.bell-item .bell-text').allTextContents();
      expect(texts).toEqual([
        'Рустам Алиев «В Самарканде открылся новый музей» materialiga izoh qoldirdi',
        'Рустам Алиев sizga «В Самарканде открылся новый музей» materialini topshirdi',
      ]);
      await ap.locator('.bell-item', { hasText: 'topshirdi' }).locator('.bell-reason', { hasText: 'Добавьте цитату директора музея' }).waitFor();
      expect(await axe(ap), 'axe: the bell list').toEqual([]);
      await shot(ap, 'bell-1280');
      await ap.setViewportSize({ width: 390, height: 844 });
      await shot(ap, 'bell-390');
      await ap.setViewportSize({ width: 1280, height: 900 });
      await ap.getByRole('button', { name: 'Hammasini oʻqildi deb belgilash' }).click();
      await ap.locator('.bell-badge').waitFor({ state: 'detached' });
      await ap.keyboard.press('Escape');

      // My assignments: due in an hour, then overdue once the time has passed.
      await ap.getByRole('link', { name: 'Mening topshiriqlarim' }).first().click();
      await ap.waitForURL('**/admin/assignments');
      const card = ap.locator('.collab-card', { hasText: 'В Самарканде открылся новый музей' });
      await card.waitFor();
      expect(await card.locator('.collab-overdue').count()).toBe(0);
      site.jump(2 * 3600_000);
      await ap.reload();
      await card.locator('.collab-overdue', { hasText: 'Muddati oʻtgan' }).waitFor();
      expect(await axe(ap), 'axe: My assignments').toEqual([]);
      await shot(ap, 'assignments-1280');
      await ap.setViewportSize({ width: 390, height: 844 });
      await shot(ap, 'assignments-390');
      await ap.setViewportSize({ width: 1280, height: 900 });

      // The same screens in the four interface languages.
      const heading: Record<string, string> = { ru: 'Мои задания', uz: 'Mening topshiriqlarim', 'uz-Cyrl': 'Менинг топшириқларим', en: 'My assignments' };
      const overdue: Record<string, string> = { ru: 'Просрочено', uz: 'Muddati oʻtgan', 'uz-Cyrl': 'Муддати ўтган', en: 'Overdue' };
      for (const lang of ['ru', 'uz-Cyrl', 'en', 'uz']) {
        await ap.evaluate((l) => localStorage.setItem('xabar.admin.lang', l), lang);
        await ap.reload();
        await ap.getByRole('heading', { level: 1, name: heading[lang] }).waitFor();
        await card.locator('.collab-overdue', { hasText: overdue[lang] }).waitFor();
      }

      // Open the story, reply in the thread, mark the assignment done.
      await card.getByRole('link').click();
      await ap.waitForURL(`**/admin/stories/${e.id}`);
      const apanel = ap.locator('#panel-desk');
      await apanel.getByRole('button', { name: 'Javob berish' }).first().click();
      const reply = apanel.getByRole('combobox', { name: 'Javob yozing' });
      await reply.fill('Sitata qoʻshildi.');
      await apanel.locator('.collab-thread .collab-composer').getByRole('button', { name: 'Javob berish' }).click();
      await apanel.locator('.collab-comment.reply', { hasText: 'Sitata qoʻshildi.' }).waitFor();
      await shot(ap, 'thread-1280', '#panel-desk');
      await apanel.getByRole('button', { name: 'Bajarildi' }).click();
      await apanel.getByText('Material hech kimga topshirilmagan.').waitFor();
      expect(await axe(ap, '#panel-desk'), 'axe: the desk panel').toEqual([]);

      // The editor hears of the reply within a poll; the mentioned editor was told of the mention.
      const edInbox = (await editor.call('GET', '/notifications')).json;
      expect(edInbox.items[0]).toMatchObject({ kind: 'comment', editionId: e.id, actorName: 'Автор Петрова' });
      const dil = await signIn('dil@example.uz');
      expect((await dil.call('GET', '/notifications')).json.items.map((n: any) => n.kind)).toEqual(['mention', 'review']);

      // Signing out unmounts the bell: no more polling with a dead session.
      await ap.locator('.user-btn').click();
      await ap.getByRole('menuitem', { name: 'Chiqish', exact: true }).click();
      await ap.waitForURL('**/admin/login**');
      expect(await ap.locator('.bell-btn').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );
});
