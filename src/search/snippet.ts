/**
 * A result's snippet: about WINDOW characters of its lead and body around the first word that
 * matches the query, with every matching word marked. Words are matched by analysing each one
 * with the same analyzer as the index, so «Женеве» is marked for «Женева» and «Тошкент» for
 * «Toshkent». Returns plain text segments; the view escapes them (React) and wraps marks in <mark>.
 */
import type { Locale } from '../i18n/locales.js';
import { familyOf, wordMatcher, wordToken, words } from './analyze.js';
import type { Term } from './query.js';

export type Snippet = { text: string; mark: boolean }[];

const WINDOW = 200;
const LEAD_IN = 60;
/** Only the first part of a long text is looked at: bounded work per result. */
const SCAN_CHARS = 8_000;

export function snippet(text: string, terms: Term[], locale: Locale): Snippet {
  const family = familyOf(locale);
  const body = text.slice(0, SCAN_CHARS).replace(/\s+/g, ' ').trim();
  if (!body) return [];
  const forms = new Set<string>();
  const prefixes: string[] = [];
  for (const t of terms) {
    if (t.kind === 'word') t.forms.forEach((f) => forms.add(f));
    else if (t.kind === 'phrase') t.tokens.forEach((f) => forms.add(f));
    else prefixes.push(t.prefix);
  }
  const matches = (word: string) => {
    const tk = wordToken(word, family);
    return tk !== '' && (forms.has(tk) || prefixes.some((p) => tk.startsWith(p)));
  };
  const hits = (ws: { word: string; index: number }[]) => ws.filter(({ word }) => matches(word));
  // Word by word up to the first match only (most texts match early; analysing every word of a
  // long body was most of a search page's time), remembering the offsets of the words just before
  // it: the window starts at the first of those within LEAD_IN characters.
  const re = wordMatcher();
  const before: number[] = [];
  let first: { word: string; index: number } | undefined;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (matches(m[0])) {
      first = { word: m[0], index: m.index };
      break;
    }
    before.push(m.index);
    // A word and its separator take two characters at least: the last LEAD_IN words cover LEAD_IN characters.
    if (before.length > 2 * LEAD_IN) before.splice(0, before.length - LEAD_IN);
  }
  let start = 0;
  if (first && first.index > LEAD_IN) {
    // Start at a word boundary a little before the first match.
    start = before.find((i) => i >= first.index - LEAD_IN) ?? first.index;
  }
  let end = Math.min(body.length, start + WINDOW);
  if (end < body.length) {
    const cut = body.lastIndexOf(' ', end);
    if (cut > start + WINDOW / 2) end = cut;
  }
  const window = body.slice(start, end);
  const out: Snippet = [];
  if (start > 0) out.push({ text: '… ', mark: false });
  let at = 0;
  for (const h of hits(words(window))) {
    if (h.index > at) out.push({ text: window.slice(at, h.index), mark: false });
    out.push({ text: h.word, mark: true });
    at = h.index + h.word.length;
  }
  if (at < window.length) out.push({ text: window.slice(at), mark: false });
  if (end < body.length) out.push({ text: ' …', mark: false });
  return out;
}
