/**
 * The one text analyzer of search, used for the index and for queries alike: whatever a reader
 * types is reduced exactly as the stories were, so matching is a comparison of equal tokens and
 * never depends on the database's own language support (FTS5 and PostgreSQL see only finished
 * tokens). Rules, per locale family (docs/decisions/0011-search.md):
 * - everywhere: NFC, lower case, ё → е, every apostrophe form dropped inside a word
 *   (Oʻzbekiston, O'zbekiston, O‘zbekiston, Ozbekiston are one word);
 * - ru: Russian Snowball on Cyrillic words, English Snowball on Latin words;
 * - en: English Snowball;
 * - uz, uz-Cyrl: the text is first transliterated to Latin (so both scripts share one index form),
 *   then the light Uzbek suffix stemmer below.
 * A token is a run of letters and digits only (\p{L}\p{N}), at most MAX_TOKEN characters: both
 * engines' tokenizers then split our space-separated output identically.
 */
import { createRequire } from 'node:module';
import { toCyrillic, toLatin } from '../i18n/translit.js';
import type { Locale } from '../i18n/locales.js';

interface Stemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): Stemmer };
const RU = snowball.newStemmer('russian');
const EN = snowball.newStemmer('english');

export type Family = 'ru' | 'uz' | 'en';
export function familyOf(locale: Locale): Family {
  return locale === 'uz' || locale === 'uz-Cyrl' ? 'uz' : locale === 'ru' ? 'ru' : 'en';
}

/** Longer tokens are dropped (hashes, runaway strings): PostgreSQL refuses words over 2 KB anyway. */
export const MAX_TOKEN = 60;
/** Every apostrophe-like mark an Uzbek (or English) word may carry inside it. */
export const APOSTROPHES = /['`\u2018\u2019\u02bb\u02bc\u02b9\u02bd\u00b4\u2032]/g;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['`\u2018\u2019\u02bb\u02bc\u02b9\u02bd\u00b4\u2032][\p{L}\p{N}\p{M}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const LETTERS_ONLY = /^\p{L}+$/u;

/** A fresh matcher of words as written (global, so `exec` walks a text word by word). */
export function wordMatcher(): RegExp {
  return new RegExp(WORD.source, WORD.flags);
}

/** The words of a text as written, with their offsets (for snippets). */
export function words(text: string): { word: string; index: number }[] {
  const out: { word: string; index: number }[] = [];
  for (const m of text.matchAll(WORD)) out.push({ word: m[0], index: m.index });
  return out;
}

/** NFC, lower case, ё → е, apostrophes and combining marks out: the form every token starts from. */
export function fold(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(APOSTROPHES, '').replace(/\p{M}/gu, '');
}

// ── The light Uzbek stemmer ──────────────────────────────────────────────────────────────────
// Suffixes are stripped from the end, longest first, at most three times (case, then possessive,
// then plural: kitob-lar-imiz-dan → kitob), and only while the stem left has at least MIN_STEM
// letters (4 for one-letter suffixes), so short roots (yil, ish, suv) keep their shape.
const UZ_SUFFIXES = [
  'larining', 'lardagi', 'laridan', 'larimiz', 'laringiz', 'lardan', 'larga', 'larda', 'larni', 'lari',
  'ingiz', 'imiz', 'ning', 'dagi', 'gacha', 'dan', 'tan', 'lar', 'ngiz', 'miz', 'ing',
  'ga', 'ka', 'qa', 'da', 'ta', 'ni', 'im', 'si', 'i',
];
const MIN_STEM = 3;

export function stemUzbek(word: string): string {
  if (!LETTERS_ONLY.test(word)) return word;
  let w = word;
  for (let round = 0; round < 3; round++) {
    const s = UZ_SUFFIXES.find((x) => w.endsWith(x) && w.length - x.length >= (x.length === 1 ? 4 : MIN_STEM));
    if (!s) break;
    w = w.slice(0, -s.length);
  }
  return w;
}

/**
 * Stems already computed, per family: news text repeats its words, and the Snowball ports cost
 * ~20 µs a word. Bounded: cleared when it reaches STEM_CACHE_MAX entries.
 */
const STEM_CACHE_MAX = 100_000;
const stemCache: Record<Family, Map<string, string>> = { ru: new Map(), uz: new Map(), en: new Map() };

/** One folded word → its index token (stem), for the locale family. */
export function stemWord(folded: string, family: Family): string {
  const cache = stemCache[family];
  const hit = cache.get(folded);
  if (hit !== undefined) return hit;
  const out = computeStem(folded, family);
  if (cache.size >= STEM_CACHE_MAX) cache.clear();
  cache.set(folded, out);
  return out;
}

function computeStem(folded: string, family: Family): string {
  if (!LETTERS_ONLY.test(folded)) return folded;
  if (family === 'uz') return stemUzbek(folded);
  if (family === 'ru' && CYRILLIC.test(folded)) return RU.stem(folded);
  if (LATIN.test(folded)) return EN.stem(folded);
  return folded;
}

/** Uzbek text in either script → Latin; other families unchanged. */
export function toIndexScript(text: string, family: Family): string {
  return family === 'uz' && CYRILLIC.test(text) ? toLatin(text) : text;
}

const wordCache: Record<Family, Map<string, string>> = { ru: new Map(), uz: new Map(), en: new Map() };

/**
 * A word as written (either Uzbek script) → its index token, cached like stems: snippets analyse
 * every word of a result's text one by one, and transliterating a word costs more than stemming it.
 */
export function wordToken(word: string, family: Family): string {
  const cache = wordCache[family];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const out = token(toIndexScript(word, family), family);
  if (cache.size >= STEM_CACHE_MAX) cache.clear();
  cache.set(word, out);
  return out;
}

/** A folded word as its family's index token; empty when nothing is left (an apostrophe alone). */
export function token(word: string, family: Family): string {
  const f = fold(word);
  if (!f || f.length > MAX_TOKEN) return '';
  return stemWord(f, family);
}

/** The index tokens of a text, in text order (positions matter for phrases). */
export function analyze(text: string, locale: Locale): string[] {
  const family = familyOf(locale);
  const out: string[] = [];
  for (const { word } of words(toIndexScript(text.normalize('NFC'), family))) {
    const t = token(word, family);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Extra spellings of a query word: on the Russian site a Latin word may be a Russian name typed
 * in Latin transliteration (Toshmatov → Тошматов), so it is also tried in Cyrillic.
 */
export function alternatives(word: string, locale: Locale): string[] {
  const family = familyOf(locale);
  const own = token(toIndexScript(word, family), family);
  const out = own ? [own] : [];
  if (family === 'ru' && LATIN.test(word) && !CYRILLIC.test(word)) {
    const cyr = token(toCyrillic(fold(word)), 'ru');
    if (cyr && !out.includes(cyr)) out.push(cyr);
  }
  return out;
}
