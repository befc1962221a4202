import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate.js';

const ALL = ['ru', 'uz', 'uz-Cyrl', 'en'] as const;

describe('negotiateLocale', () => {
  it('uses the default without a header (crawlers) or without a match', () => {
    expect(negotiateLocale(undefined, ALL, 'ru')).toBe('ru');
    expect(negotiateLocale('de-DE,fr;q=0.8', ALL, 'ru')).toBe('ru');
  });
  it('honours q values and order', () => {
    expect(negotiateLocale('en-US,en;q=0.9,ru;q=0.8', ALL, 'ru')).toBe('en');
    expect(negotiateLocale('ru;q=0.5, en;q=0.9', ALL, 'uz')).toBe('en');
    expect(negotiateLocale('de, uz;q=0.7, ru;q=0.7', ALL, 'en')).toBe('uz');
    expect(negotiateLocale('en;q=0, ru', ALL, 'uz')).toBe('ru');
  });
  it('tells Uzbek Cyrillic from Latin', () => {
    expect(negotiateLocale('uz-Cyrl-UZ', ALL, 'ru')).toBe('uz-Cyrl');
    expect(negotiateLocale('uz-Latn-UZ', ALL, 'ru')).toBe('uz');
    expect(negotiateLocale('uz', ALL, 'ru')).toBe('uz');
  });
  it('only picks enabled locales', () => {
    expect(negotiateLocale('en, uz', ['ru', 'uz'], 'ru')).toBe('uz');
  });
  it('survives garbage', () => {
    expect(negotiateLocale(';;;,q=1,,*', ALL, 'ru')).toBe('ru');
  });
});
