/**
 * The search page's query string, read defensively: any parameter may be missing, repeated or
 * junk, and none of that may become an error page beyond a localized 400 for a bad filter.
 */
import type { Locale } from '../i18n/locales.js';
import { zonedToInstant } from '../i18n/dates.js';
import { MAX_QUERY_CHARS } from '../search/query.js';
import { urls } from './urls.js';

export interface SearchParams {
  q: string;
  section: string;
  from: string;
  to: string;
}

function one(v: unknown): string {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : '';
}

export function searchParams(query: unknown): SearchParams {
  const r = (query ?? {}) as Record<string, unknown>;
  return {
    q: one(r.q).slice(0, MAX_QUERY_CHARS).trim(),
    section: one(r.section).slice(0, 100).trim(),
    from: one(r.from).slice(0, 20).trim(),
    to: one(r.to).slice(0, 20).trim(),
  };
}

/**
 * Midnight (in the site's time zone) starting `day` (YYYY-MM-DD) plus `plusDays`; null when the
 * text is not a real calendar date between 1900 and 2200.
 */
export function dayStart(day: string, timeZone: string, plusDays = 0): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || y > 2200 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const next = new Date(Date.UTC(y, mo - 1, d + plusDays));
  return zonedToInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, timeZone).getTime();
}

/** The address of page `page` of these results, filters kept. */
export function searchHref(l: Locale, p: SearchParams, page: number): string {
  const qs = new URLSearchParams();
  if (p.q) qs.set('q', p.q);
  if (p.section) qs.set('section', p.section);
  if (p.from) qs.set('from', p.from);
  if (p.to) qs.set('to', p.to);
  if (page > 1) qs.set('page', String(page));
  const s = qs.toString();
  return s ? `${urls.search(l)}?${s}` : urls.search(l);
}
