/**
 * Picks a locale from an Accept-Language header (RFC 9110 §12.5.4): highest q first, ties in
 * header order. Uzbek is Latin unless the tag names Cyrillic (uz-Cyrl, uz-Cyrl-UZ); a bare "uz"
 * means the official Latin script.
 */
import type { Locale } from './locales.js';

function toLocale(tag: string): Locale | null {
  const t = tag.toLowerCase();
  if (t === 'uz-cyrl' || t.startsWith('uz-cyrl-')) return 'uz-Cyrl';
  if (t === 'uz' || t.startsWith('uz-')) return 'uz';
  if (t === 'ru' || t.startsWith('ru-')) return 'ru';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return null;
}

export function negotiateLocale(header: string | undefined, enabled: readonly Locale[], fallback: Locale): Locale {
  if (!header) return fallback;
  const ranges = header
    .split(',')
    .slice(0, 30)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Math.min(1, Number(q) || 0), index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranges) {
    const l = toLocale(r.tag);
    if (l && enabled.includes(l)) return l;
  }
  return fallback;
}
