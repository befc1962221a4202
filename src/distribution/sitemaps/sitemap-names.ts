/**
 * The sitemap files' addresses, built and parsed in one place:
 *   /sitemap.xml                        the index
 *   /sitemaps/ru-2025-04.xml            one locale's stories published in a month (site time zone)
 *   /sitemaps/ru-2025-04-2.xml          …its second part when the month is split
 *   /sitemaps/ru-news.xml               Google News: the last 48 hours
 *   /sitemaps/ru-sections.xml           home, news feed and sections (…-2.xml when split)
 *   /sitemaps/ru-tags.xml, ru-authors.xml
 * The locale is its URL prefix (`uz`, `uz-cyrl`). Each file has exactly one name: a first part
 * never carries `-1`, and anything else parses to null (a 404).
 */
import { LOCALE_INFO, LOCALES, type Locale } from '../../i18n/locales.js';

export type ListKind = 'section' | 'tag' | 'author';

export type SitemapName =
  | { kind: 'month'; locale: Locale; year: number; month: number; part: number }
  | { kind: 'news'; locale: Locale }
  | { kind: ListKind; locale: Locale; part: number };

const LIST_WORD: Record<ListKind, string> = { section: 'sections', tag: 'tags', author: 'authors' };
const BY_WORD = new Map<string, ListKind>(Object.entries(LIST_WORD).map(([k, w]) => [w, k as ListKind]));
const BY_PREFIX = new Map<string, Locale>(LOCALES.map((l) => [LOCALE_INFO[l].prefix, l]));

/** Parts are 2…99999 in a name; a bigger number cannot be a real part of a 50,000-URL split. */
const PART = '(?:-([1-9]\\d{0,4}))?';
const MONTH_RE = new RegExp(`^([a-z]+(?:-[a-z]+)?)-(\\d{4})-(\\d{2})${PART}\\.xml$`);
const OTHER_RE = new RegExp(`^([a-z]+(?:-[a-z]+)?)-(news|sections|tags|authors)${PART}\\.xml$`);

export function sitemapPath(n: SitemapName): string {
  const p = LOCALE_INFO[n.locale].prefix;
  const part = n.kind !== 'news' && n.part > 1 ? `-${n.part}` : '';
  if (n.kind === 'month') return `/sitemaps/${p}-${n.year}-${String(n.month).padStart(2, '0')}${part}.xml`;
  if (n.kind === 'news') return `/sitemaps/${p}-news.xml`;
  return `/sitemaps/${p}-${LIST_WORD[n.kind]}${part}.xml`;
}

/** The file name after `/sitemaps/`, or null when it names no sitemap we could serve. */
export function parseSitemapName(file: string): SitemapName | null {
  const m = MONTH_RE.exec(file);
  if (m) {
    const locale = BY_PREFIX.get(m[1]!);
    const year = Number(m[2]);
    const month = Number(m[3]);
    const part = m[4] === undefined ? 1 : Number(m[4]);
    if (!locale || year < 1970 || month < 1 || month > 12 || part === 1 && m[4] !== undefined) return null;
    return { kind: 'month', locale, year, month, part };
  }
  const o = OTHER_RE.exec(file);
  if (!o) return null;
  const locale = BY_PREFIX.get(o[1]!);
  if (!locale) return null;
  if (o[2] === 'news') return o[3] === undefined ? { kind: 'news', locale } : null;
  const part = o[3] === undefined ? 1 : Number(o[3]);
  if (part === 1 && o[3] !== undefined) return null;
  return { kind: BY_WORD.get(o[2]!)!, locale, part };
}
