import { describe, expect, it } from 'vitest';
import { nameIn, twinLocale } from './derived-names.js';

describe('names derived across the Uzbek scripts', () => {
  it('transliterates a missing name from the other script, both ways', () => {
    expect(nameIn('uz-Cyrl', '', 'Jamiyat va gʻoyalar')).toBe('Жамият ва ғоялар');
    expect(nameIn('uz', null, 'Спорт хабарлари')).toBe('Sport xabarlari');
  });
  it('keeps a name typed by hand, and derives nothing for other languages', () => {
    expect(nameIn('uz-Cyrl', 'Жамият', 'Jamiyat va gʻoyalar')).toBe('Жамият');
    expect(nameIn('ru', '', 'Anything')).toBe('');
    expect(twinLocale('en')).toBe('en');
  });
});
