import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify, typedSlug } from './slug.js';

describe('slugify', () => {
  it('romanises Russian by ICAO Doc 9303', () => {
    expect(slugify('В МОМ высоко оценивают роль Узбекистана')).toBe('v-mom-vysoko-otsenivaiut-rol-uzbekistana');
    expect(slugify('Щёлково, Хабаровск и Цюрих')).toBe('shchelkovo-khabarovsk-i-tsiurikh');
  });
  it('writes Uzbek letters by the official Latin alphabet without apostrophes', () => {
    expect(slugify('Ўзбекистон ва Қорақалпоғистон')).toBe('ozbekiston-va-qoraqalpogiston');
    expect(slugify('Oʻzbekiston Gʻarbiy')).toBe('ozbekiston-garbiy');
  });
  it('drops punctuation, folds spaces and dashes, trims to a word boundary', () => {
    expect(slugify('  «Стратегия–2030»: итоги!  ')).toBe('strategiia-2030-itogi');
    const long = slugify('слово '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
    expect(long).toMatch(/^(slovo-)*slovo$/);
  });
  it('produces valid slugs, or an empty string for text without letters', () => {
    expect(isValidSlug(slugify('Café déjà vu 2025'))).toBe(true);
    expect(slugify('!!! — ???')).toBe('');
  });
});

describe('isValidSlug', () => {
  it('accepts lower-case words with single dashes only', () => {
    expect(isValidSlug('a-b-1')).toBe(true);
    for (const bad of ['', 'A', 'a--b', '-a', 'a-', 'a b', 'а', '../x']) expect(isValidSlug(bad)).toBe(false);
  });
});

describe('typedSlug', () => {
  it('keeps a valid slug and converts Cyrillic, Uzbek Cyrillic by transliteration', () => {
    expect(typedSlug('already-fine-2')).toBe('already-fine-2');
    expect(typedSlug('Новости Ташкента')).toBe('novosti-tashkenta');
    expect(typedSlug('Ўзбекистон хабарлари')).toBe('ozbekiston-xabarlari');
    expect(typedSlug('Хабарлар', 'uz-Cyrl')).toBe('xabarlar');
    expect(typedSlug('Хабарлар', 'ru')).toBe('khabarlar');
    expect(typedSlug('My Slug')).toBe('my-slug');
    expect(typedSlug('«»—')).toBe('');
  });
});
