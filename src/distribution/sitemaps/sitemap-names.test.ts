import { describe, expect, it } from 'vitest';
import { parseSitemapName, sitemapPath, type SitemapName } from './sitemap-names.js';

describe('sitemap names', () => {
  it('parses back every name it builds', () => {
    const names: SitemapName[] = [
      { kind: 'month', locale: 'ru', year: 2025, month: 4, part: 1 },
      { kind: 'month', locale: 'uz-Cyrl', year: 2025, month: 12, part: 2 },
      { kind: 'news', locale: 'uz' },
      { kind: 'section', locale: 'en', part: 1 },
      { kind: 'tag', locale: 'uz-Cyrl', part: 3 },
      { kind: 'author', locale: 'ru', part: 1 },
    ];
    for (const n of names) expect(parseSitemapName(sitemapPath(n).slice('/sitemaps/'.length))).toEqual(n);
    expect(sitemapPath(names[0]!)).toBe('/sitemaps/ru-2025-04.xml');
    expect(sitemapPath(names[1]!)).toBe('/sitemaps/uz-cyrl-2025-12-2.xml');
    expect(sitemapPath(names[4]!)).toBe('/sitemaps/uz-cyrl-tags-3.xml');
  });

  it('gives each file one name and refuses the rest', () => {
    for (const bad of ['ru-2025-04-1.xml', 'ru-2025-04-0.xml', 'ru-2025-4.xml', 'ru-2025-13.xml', 'ru-2025-00.xml', 'ru-1969-12.xml', 'uz-Cyrl-2025-04.xml',
      'uz-cyrl-latn-2025-04.xml', 'xx-2025-04.xml', 'ru-news-2.xml', 'ru-tags-1.xml', 'ru-tags-01.xml', 'ru-2025-04.xml.gz', 'ru-2025-04', 'ru-sections-100000.xml', '', '../ru-2025-04.xml']) {
      expect(parseSitemapName(bad), bad).toBeNull();
    }
  });
});
