/** Public URL shapes, in one place so views, feeds and sitemaps agree. */
import { LOCALE_INFO, type Locale } from '../i18n/locales.js';

const p = (l: Locale) => `/${LOCALE_INFO[l].prefix}`;
const q = (page: number) => (page > 1 ? `?page=${page}` : '');

export const urls = {
  home: (l: Locale) => `${p(l)}/`,
  news: (l: Locale, page = 1) => `${p(l)}/news${q(page)}`,
  article: (l: Locale, slug: string) => `${p(l)}/news/${slug}`,
  section: (l: Locale, slug: string, page = 1) => `${p(l)}/section/${slug}${q(page)}`,
  tag: (l: Locale, slug: string, page = 1) => `${p(l)}/tag/${slug}${q(page)}`,
  author: (l: Locale, slug: string, page = 1) => `${p(l)}/author/${slug}${q(page)}`,
  search: (l: Locale, query = '', page = 1) =>
    `${p(l)}/search${query ? `?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}` : ''}`,
};
