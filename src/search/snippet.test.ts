/**
 * The snippet scans a text only up to its first match; this checks it against the plain reading
 * (analyse every word, take the first match, start at the first word within the lead-in) on
 * texts where the match is at the start, in the middle, far away, after long and short words,
 * and missing.
 */
import { describe, expect, it } from 'vitest';
import type { Locale } from '../i18n/locales.js';
import { familyOf, wordToken, words } from './analyze.js';
import { parseQuery, type Term } from './query.js';
import { snippet, type Snippet } from './snippet.js';

/** The reference: every word analysed (what snippet() did before it stopped early). */
function reference(text: string, terms: Term[], locale: Locale): Snippet {
  const family = familyOf(locale);
  const body = text.slice(0, 8_000).replace(/\s+/g, ' ').trim();
  if (!body) return [];
  const forms = new Set(terms.flatMap((t) => (t.kind === 'word' ? t.forms : t.kind === 'phrase' ? t.tokens : [])));
  const prefixes = terms.flatMap((t) => (t.kind === 'prefix' ? [t.prefix] : []));
  const matches = (w: string) => {
    const tk = wordToken(w, family);
    return tk !== '' && (forms.has(tk) || prefixes.some((p) => tk.startsWith(p)));
  };
  const all = words(body);
  const first = all.find(({ word }) => matches(word));
  let start = 0;
  if (first && first.index > 60) start = all.find((x) => x.index >= first.index - 60)!.index;
  let end = Math.min(body.length, start + 200);
  if (end < body.length) {
    const cut = body.lastIndexOf(' ', end);
    if (cut > start + 100) end = cut;
  }
  const window = body.slice(start, end);
  const out: Snippet = [];
  if (start > 0) out.push({ text: '… ', mark: false });
  let at = 0;
  for (const h of words(window).filter(({ word }) => matches(word))) {
    if (h.index > at) out.push({ text: window.slice(at, h.index), mark: false });
    out.push({ text: h.word, mark: true });
    at = h.index + h.word.length;
  }
  if (at < window.length) out.push({ text: window.slice(at), mark: false });
  if (end < body.length) out.push({ text: ' …', mark: false });
  return out;
}

describe('snippet scanning to the first match', () => {
  const filler = ['а', 'и', 'в', 'по', 'со', 'был', 'очень', 'длинноесловобезсовпадений', 'x'];
  let seed = 11;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pad = (n: number) => Array.from({ length: n }, () => filler[Math.floor(rnd() * filler.length)]).join(' ');

  it('gives the same snippet as analysing every word', () => {
    const cases: [string, string, Locale][] = [];
    for (const n of [0, 1, 5, 20, 29, 30, 31, 40, 60, 61, 200, 1500]) {
      cases.push([`${pad(n)} Представитель в Женеве встретился с МОМ. ${pad(50)} миграции`, 'Женева миграция', 'ru']);
      cases.push([`${pad(n)} эконом экономика ${pad(10)}`, 'эконом*', 'ru']);
      cases.push([`${pad(n)}`, 'Женева', 'ru']);
      cases.push([`${pad(n)} Oʻzbekiston va Тошкент ${pad(n)}`, 'Toshkent', 'uz']);
    }
    for (const [text, q, locale] of cases) expect(snippet(text, parseQuery(q, locale).must, locale), `${q} in ${text.slice(0, 40)}`).toEqual(reference(text, parseQuery(q, locale).must, locale));
  });
});
