/**
 * The reader's query language, parsed into terms of analyzed tokens. Plain words are ANDed;
 * "a quoted phrase" matches the words in order; -word (or -"phrase") excludes; word* is a prefix
 * (at least two letters before the star). Everything else — NEAR, OR, AND, NOT, parentheses,
 * column filters, SQL, unbalanced quotes, a lone star — is plain text reduced to words, and the
 * engines only ever receive our own tokens (letters and digits), each quoted: reader input can
 * never become query syntax (dialect.ts builds the FTS5 / tsquery strings from these terms).
 */
import type { Locale } from '../i18n/locales.js';
import { alternatives, analyze, familyOf, fold, stemWord, toIndexScript, words } from './analyze.js';

export type Term =
  /** Any of `forms` (a word and its other-script spelling). */
  | { kind: 'word'; forms: string[] }
  /** A token starting with `prefix`, or equal to `stem` (the typed word was whole: «миграции*»). */
  | { kind: 'prefix'; prefix: string; stem?: string }
  /** These tokens next to each other, in order. */
  | { kind: 'phrase'; tokens: string[] };

export interface SearchQuery {
  must: Term[];
  not: Term[];
}

/** Bounds that keep a pathological query cheap: long input is cut, extra terms ignored. */
export const MAX_QUERY_CHARS = 500;
const MAX_TERMS = 8;
const MAX_NOT = 4;
const MAX_PHRASE = 8;

export const termKey = (t: Term): string => (t.kind === 'word' ? `w:${t.forms.join('|')}` : t.kind === 'prefix' ? `p:${t.prefix}|${t.stem ?? ''}` : `f:${t.tokens.join(' ')}`);

/** Plain text → one word term per word. */
function plain(text: string, locale: Locale): Term[] {
  return words(text).flatMap(({ word }) => {
    const forms = alternatives(word, locale);
    return forms.length ? [{ kind: 'word' as const, forms }] : [];
  });
}

function phrase(text: string, locale: Locale): Term[] {
  const tokens = analyze(text, locale).slice(0, MAX_PHRASE);
  if (tokens.length === 0) return [];
  if (tokens.length === 1) return [{ kind: 'word', forms: tokens }];
  return [{ kind: 'phrase', tokens }];
}

function prefix(text: string, locale: Locale): Term[] {
  const family = familyOf(locale);
  const ws = words(toIndexScript(text, family));
  const last = ws.at(-1);
  if (!last) return [];
  const before = plain(ws.slice(0, -1).map((w) => w.word).join(' '), locale);
  const folded = fold(last.word);
  if ([...folded].length < 2) return [...before, ...plain(last.word, locale)];
  // The index holds stems, so «миграции*» would miss «миграции» itself (token «миграц»): a stem
  // that only lost a short ending is accepted as a whole token too. «женев*» keeps its letters
  // (its "stem" «жен» is another word).
  const stem = stemWord(folded, family);
  const whole = stem !== folded && folded.startsWith(stem) && folded.length - stem.length <= 2 && stem.length >= 4;
  return [...before, whole ? { kind: 'prefix', prefix: folded, stem } : { kind: 'prefix', prefix: folded }];
}

export function parseQuery(input: string, locale: Locale): SearchQuery {
  const text = input.normalize('NFC').slice(0, MAX_QUERY_CHARS).replace(/\p{Cc}/gu, ' ');
  const must: Term[] = [];
  const not: Term[] = [];
  // Phrases first: a quote pairs with the next quote; an unpaired one is just punctuation.
  const parts: { text: string; quoted: boolean; negated: boolean }[] = [];
  const re = /(-?)"([^"]*)"/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    parts.push({ text: text.slice(at, m.index), quoted: false, negated: false });
    parts.push({ text: m[2] ?? '', quoted: true, negated: m[1] === '-' && (m.index === 0 || /\s/.test(text[m.index - 1] ?? ' ')) });
    at = m.index + m[0].length;
  }
  parts.push({ text: text.slice(at), quoted: false, negated: false });
  for (const p of parts) {
    if (p.quoted) {
      (p.negated ? not : must).push(...phrase(p.text, locale));
      continue;
    }
    for (const chunk of p.text.replace(/"/g, ' ').split(/\s+/)) {
      if (!chunk) continue;
      const negated = /^-[\p{L}\p{N}]/u.test(chunk);
      const body = negated ? chunk.slice(1) : chunk;
      const terms = /[\p{L}\p{N}]\*$/u.test(body) ? prefix(body, locale) : plain(body, locale);
      (negated ? not : must).push(...terms);
    }
  }
  return { must: dedupe(must).slice(0, MAX_TERMS), not: dedupe(not).slice(0, MAX_NOT) };
}

/** Every word of the query as a prefix (the last fallback: «женев» finds «Женеве»). */
export function asPrefixes(input: string, locale: Locale): Term[] {
  // Only the plain words: exclusions stay exclusions (the caller passes its own `not`).
  const plainText = input.slice(0, MAX_QUERY_CHARS).replace(/-?"[^"]*"/g, ' ').split(/\s+/).filter((c) => !c.startsWith('-')).join(' ');
  const q = parseQuery(words(plainText).map((w) => `${w.word}*`).join(' '), locale);
  return q.must;
}

/**
 * The newsroom's reading of a query: like the site's, but every plain word also matches as a
 * word beginning (editors type half a name and expect the story).
 */
export function newsroomTerms(input: string, locale: Locale): SearchQuery {
  const q = parseQuery(input, locale);
  const family = familyOf(locale);
  const plainText = input.slice(0, MAX_QUERY_CHARS).replace(/-?"[^"]*"/g, ' ').split(/\s+/).filter((c) => !c.startsWith('-') && !c.endsWith('*')).join(' ');
  const words_ = words(toIndexScript(plainText, family)).flatMap(({ word }): Term[] => {
    const folded = fold(word);
    const stem = folded ? stemWord(folded, family) : '';
    if (!folded || folded.length > 60) return [];
    if (folded.length < 2) return [{ kind: 'word' as const, forms: [stem] }];
    // The whole word by its stem (any ending), or the letters typed so far as a beginning.
    return [stem !== folded ? { kind: 'prefix' as const, prefix: folded, stem } : { kind: 'prefix' as const, prefix: folded }];
  });
  return { must: dedupe([...q.must.filter((t) => t.kind !== 'word'), ...words_]).slice(0, MAX_TERMS), not: q.not };
}

function dedupe(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const k = termKey(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const fts5Term = (t: Term) =>
  t.kind === 'word'
    ? t.forms.length === 1 ? `"${t.forms[0]}"` : `(${t.forms.map((f) => `"${f}"`).join(' OR ')})`
    : t.kind === 'prefix' ? (t.stem ? `("${t.prefix}"* OR "${t.stem}")` : `"${t.prefix}"*`) : `"${t.tokens.join(' ')}"`;

/** Whether `head` (tokens) has the term: the engines' rule for the term (fts5Term, tsQuery), in memory. */
export function inHead(t: Term, head: string[]): boolean {
  if (t.kind === 'word') return t.forms.some((f) => head.includes(f));
  if (t.kind === 'prefix') return head.some((h) => h.startsWith(t.prefix) || h === t.stem);
  for (let i = 0; i + t.tokens.length <= head.length; i++) if (t.tokens.every((x, j) => head[i + j] === x)) return true;
  return false;
}

/**
 * inHead for many heads: a test on the head column as stored (tokens joined by one space), by
 * substring search with the needles built once — no split per candidate.
 */
export function headTest(t: Term): (head: string) => boolean {
  const needles = t.kind === 'word' ? t.forms.map((f) => ` ${f} `) : t.kind === 'prefix' ? [` ${t.prefix}`, ...(t.stem ? [` ${t.stem} `] : [])] : [` ${t.tokens.join(' ')} `];
  return (head) => {
    const padded = ` ${head} `;
    return needles.some((n) => padded.includes(n));
  };
}

/**
 * Compiles terms to an FTS5 MATCH string: every token double-quoted, so none is an operator.
 * `any`: at least one of `must` (the OR fallback) instead of all of them.
 */
export function fts5Query(must: Term[], not: Term[], any = false): string {
  const one = fts5Term;
  const pos = must.map(one).join(any ? ' OR ' : ' AND ');
  return not.length ? `(${pos}) ${not.map((t) => `NOT ${one(t)}`).join(' ')}` : pos;
}

const tsTerm = (t: Term) =>
  t.kind === 'word' ? `(${t.forms.join(' | ')})` : t.kind === 'prefix' ? (t.stem ? `(${t.prefix}:* | ${t.stem})` : `${t.prefix}:*`) : `(${t.tokens.join(' <-> ')})`;

/** Compiles terms to a to_tsquery('simple', …) string; tokens are letters and digits only. `any` as in fts5Query. */
export function tsQuery(must: Term[], not: Term[], any = false): string {
  const pos = any ? [`(${must.map(tsTerm).join(' | ')})`] : must.map(tsTerm);
  return [...pos, ...not.map((t) => `!${tsTerm(t)}`)].join(' & ');
}
