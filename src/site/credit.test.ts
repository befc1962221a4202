import { describe, expect, it } from 'vitest';
import { creditForPage } from './credit.js';

const settings = {
  siteName: { ru: 'Xabar', uz: 'Xabar', 'uz-Cyrl': 'Хабар', en: 'Xabar' },
  datelineAgency: { ru: 'ИА «Дунё»', uz: 'Xabar AA', 'uz-Cyrl': 'Хабар АА', en: 'Xabar' },
};

describe('a photo credit naming the agency', () => {
  it('follows the page’s script when it is the site’s name or dateline agency in any language', () => {
    expect(creditForPage('Xabar', settings, 'uz-Cyrl')).toBe('Хабар');
    expect(creditForPage(' xabar ', settings, 'uz-Cyrl')).toBe('Хабар');
    expect(creditForPage('Хабар', settings, 'uz')).toBe('Xabar');
    expect(creditForPage('Xabar AA', settings, 'uz-Cyrl')).toBe('Хабар АА');
    expect(creditForPage('Xabar', settings, 'ru')).toBe('Xabar');
  });
  it('leaves any other credit as written', () => {
    expect(creditForPage('Reuters', settings, 'uz-Cyrl')).toBe('Reuters');
    expect(creditForPage('Xabar / Reuters', settings, 'uz-Cyrl')).toBe('Xabar / Reuters');
    expect(creditForPage('', settings, 'uz-Cyrl')).toBe('');
  });
  it('keeps the credit when the page’s language has no name set', () => {
    expect(creditForPage('Xabar', { siteName: { ru: 'Xabar' }, datelineAgency: {} }, 'uz-Cyrl')).toBe('Xabar');
  });
});
