/** Public URL shapes, in one place so views, feeds and sitemaps agree. */
import { LOCALE_INFO, type Locale } from '../i18n/locales.js';

const p = (l: Locale) => `/${LOCALE_INFO[l].prefix}`;
const q = (page: number) => (page > 1 ? `?page=${page}` : '');

export type FeedFormat = 'rss' | 'atom' | 'json';
/** Whose stories a feed carries: the whole locale, or one section, tag or author. */
export type FeedScope = { kind: 'section' | 'tag' | 'author'; slug: string } | null;
const FEED_FILE: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

export const urls = {
  home: (l: Locale) => `${p(l)}/`,
  news: (l: Locale, page = 1) => `${p(l)}/news${q(page)}`,
  article: (l: Locale, slug: string) => `${p(l)}/news/${slug}`,
  /** A static page (src/pages/): about the agency, contacts, editorial policy… */
  page: (l: Locale, slug: string) => `${p(l)}/page/${slug}`,
  section: (l: Locale, slug: string, page = 1) => `${p(l)}/section/${slug}${q(page)}`,
  tag: (l: Locale, slug: string, page = 1) => `${p(l)}/tag/${slug}${q(page)}`,
  author: (l: Locale, slug: string, page = 1) => `${p(l)}/author/${slug}${q(page)}`,
  search: (l: Locale, query = '', page = 1) =>
    `${p(l)}/search${query ? `?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}` : ''}`,
  /** `/ru/rss.xml`, `/ru/section/politics/atom.xml`, `/uz/tag/iqtisod/feed.json` … */
  feed: (l: Locale, format: FeedFormat, scope: FeedScope = null) => `${scope ? `${p(l)}/${scope.kind}/${scope.slug}` : p(l)}/${FEED_FILE[format]}`,
  /** The date archive's day: `/ru/archive/2025/04/24` (`day` is YYYY-MM-DD). */
  archive: (l: Locale, day: string) => `${p(l)}/archive/${day.replaceAll('-', '/')}`,
  /** The Russian full-text feed in Yandex News' form. */
  yandexFeed: (l: Locale) => `${p(l)}/yandex.xml`,
};

/** A list position as its query string: `?page=3`, `?before=<published ms>-<id>`, or none for page 1. */
export function positionQuery(at: { page: number } | { before: { publishedAt: number; id: number } } | { after: { publishedAt: number; id: number } }): string {
  if ('page' in at) return q(at.page);
  if ('before' in at) return `?before=${at.before.publishedAt}-${at.before.id}`;
  return `?after=${at.after.publishedAt}-${at.after.id}`;
}
