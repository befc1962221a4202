/** The editor's per-field three-way merge (admin/src/editor/form.ts), without a browser. */
import { describe, expect, it } from 'vitest';
import { formFrom, mergeThreeWay } from '../admin/src/editor/form.js';
import type { Edition } from '../admin/src/types.js';

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const edition = (over: Partial<Edition>): Edition =>
  ({ id: 1, version: 1, headline: 'Курс сума', slug: 'kurs', lead: 'Лид', body: doc('Текст'), datelineCity: '', sectionId: null, tags: [], authors: [], hero: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null, ...over }) as unknown as Edition;

describe('three-way merge of an edition', () => {
  const base = edition({});

  it('takes each side’s change when only that side changed a field', () => {
    const theirs = edition({ version: 2, headline: 'Курс сума вырос' });
    const mine = { form: { ...formFrom(base), lead: 'Новый лид' }, body: doc('Текст'), bodyTouched: false };
    const m = mergeThreeWay(base, theirs, mine);
    expect(m.conflicts).toEqual([]);
    expect(m.form).toMatchObject({ headline: 'Курс сума вырос', lead: 'Новый лид' });
  });

  it('takes their body when I did not touch mine, and asks when both changed it', () => {
    const theirs = edition({ version: 2, body: doc('Их текст') });
    const untouched = mergeThreeWay(base, theirs, { form: formFrom(base), body: doc('Текст'), bodyTouched: false });
    expect(untouched).toMatchObject({ conflicts: [], bodyFromTheirs: true, body: doc('Их текст') });
    const both = mergeThreeWay(base, theirs, { form: formFrom(base), body: doc('Мой текст'), bodyTouched: true });
    expect(both.conflicts).toEqual(['body']);
    expect(both.body).toEqual(doc('Мой текст'));
    expect(mergeThreeWay(base, theirs, { form: formFrom(base), body: doc('Мой текст'), bodyTouched: true }, { body: 'theirs' }).body).toEqual(doc('Их текст'));
  });

  it('asks only about fields both changed differently; the same change is no conflict', () => {
    const theirs = edition({ version: 2, headline: 'Их заголовок', lead: 'Одинаковый лид', isMain: true });
    const mine = { form: { ...formFrom(base), headline: 'Мой заголовок', lead: 'Одинаковый лид' }, body: doc('Текст'), bodyTouched: false };
    const m = mergeThreeWay(base, theirs, mine);
    expect(m.conflicts).toEqual(['headline']);
    expect(m.form).toMatchObject({ headline: 'Мой заголовок', lead: 'Одинаковый лид', isMain: true });
    expect(mergeThreeWay(base, theirs, mine, { headline: 'theirs' }).form.headline).toBe('Их заголовок');
  });
});
