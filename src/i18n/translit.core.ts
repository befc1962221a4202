/**
 * Shared core of the Uzbek transliterator (translit.ts): options, the word scanner with its keep
 * rules, and conversion of text split into spans (used by the text, HTML and document converters).
 *
 * Left as written: URLs, e-mail addresses, @mentions, domain and file names; international unit
 * symbols after a number (5 km, 10 MB); when converting to Cyrillic also words that are not Uzbek
 * Latin — with c (not ch), w or other letters outside the alphabet (Facebook), with letters and
 * digits (5G, iPhone15), with a capital after a small letter that is followed by small letters again
 * (iPhone, YouTube; Uzbek abbreviations like ToshDU, OʻzA are converted), Roman numerals (XXI asr)
 * and a configurable keep-list (Google, IT…). Converting to Latin, Latin-script words are unchanged
 * anyway; Cyrillic brands are transliterated (Яндекс → Yandex) unless put on the keep-list.
 */
import { APOSTROPHES, DEFAULT_KEEP, NUMBER_SUFFIXES, UNITS } from './translit.tables.js';
import {
  NON_ASCII_LATIN_RE, apostropheRole, isHyphen, isLetter, isUpper, isWordChar,
} from './translit.chars.js';
import { findProtected, mergeRanges } from './translit.protect.js';
import { SpanSink, type Sink, type Span } from './translit.sink.js';
import {
  ABBR_L2C, cyrillicWordToLatin, isSuffixChain, latinWordToCyrillic, type Trace, type WordContext,
} from './translit.rules.js';

export type Script = 'cyrl' | 'latn';

export interface TranslitOptions {
  /** Extra words to keep as written (exact case; the ALL-CAPS form of a mixed-case entry too). */
  keep?: Iterable<string>;
  /** Start from the built-in keep-list (default true). */
  useDefaultKeep?: boolean;
  /**
   * Leave every unit symbol after a number as written when converting to Cyrillic (default false:
   * metric units follow the script, 148 km → 148 км; international ones such as MB, Hz stay).
   */
  keepUnits?: boolean;
  /**
   * The editors' exceptions, [Latin, Cyrillic] word pairs that win over the rules and word lists in
   * both directions (matched in lower case, also as the stem of a word with Uzbek suffixes).
   */
  exceptions?: Iterable<readonly [string, string]>;
}

export interface Resolved extends WordContext {
  keep: ReadonlySet<string>;
  keepUnits: boolean;
}

// ───────────────────────────── words and keep rules ─────────────────────────────

const ROMAN_RE = /^(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** Latin words that are not Uzbek Latin: c without h, w, or letters outside the alphabet (é, ş). */
function hasForeignLetters(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const ch = w.charAt(k);
    const lc = ch.toLowerCase();
    if (lc === 'w') return true;
    if (lc === 'c' && w.charAt(k + 1).toLowerCase() !== 'h') return true;
    if (ch.charCodeAt(0) >= 0x80 && NON_ASCII_LATIN_RE.test(ch)) return true;
  }
  return false;
}

/** Latin digraphs and iotated pairs whose second letter may be typed in capitals (sH, cH, yE). */
function isPair(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return ((x === 's' || x === 'c') && y === 'h') || (x === 'y' && 'aeou'.includes(y)) || (x === 't' && y === 's');
}

/**
 * Brand-like case: a small letter then a capital as the second letter (iPhone, eBay), or a capital
 * word with a capital after a small letter followed by small letters again (YouTube, McDonald).
 * Uzbek abbreviations put the capitals last (ToshDU, OʻzA, MChJ) and are converted; so are case
 * slips inside a digraph (sH, yE, motivaTsion).
 */
function hasBrandCase(w: string): boolean {
  let count = 0;
  let first = '';
  let second = '';
  let third = '';
  let prev = '';
  let capAfterLower = false;
  for (let k = 0; k < w.length; k++) {
    const ch = w.charAt(k);
    if (!isLetter(ch)) continue;
    count++;
    if (count === 1) first = ch;
    else if (count === 2) second = ch;
    else if (count === 3) third = ch;
    if (count > 1 && isUpper(first)) {
      if (isUpper(ch)) {
        if (!isUpper(prev) && !isPair(prev, ch)) capAfterLower = true;
      } else if (capAfterLower) return true;
    }
    if (count > 3 && !isUpper(first)) break;
    prev = ch;
  }
  if (first === '' || isUpper(first)) return false;
  if (second === '' || !isUpper(second)) return false;
  // aCH, sH, yO: a case slip in a digraph, not a brand.
  return !isPair(first, second) && !isPair(second, third);
}

export function resolve(options?: TranslitOptions): Resolved {
  if (!options) return DEFAULTS;
  const keep = new Set<string>();
  const add = (w: string): void => {
    keep.add(w);
    if (w !== w.toUpperCase() && w !== w.toLowerCase()) keep.add(w.toUpperCase());
  };
  if (options.useDefaultKeep !== false) DEFAULT_KEEP.forEach(add);
  for (const w of options.keep ?? []) if (typeof w === 'string') add(normalizeLatin(w));
  const o: Resolved = { keep, keepUnits: options.keepUnits === true };
  if (options.exceptions) {
    const l2c = new Map<string, string>();
    const c2l = new Map<string, string>();
    for (const pair of options.exceptions) {
      const [latin, cyrillic] = Array.isArray(pair) ? pair : [];
      if (typeof latin !== 'string' || typeof cyrillic !== 'string' || latin === '' || cyrillic === '') continue;
      l2c.set(normalizeLatin(latin).toLowerCase(), cyrillic.toLowerCase());
      c2l.set(cyrillic.toLowerCase(), normalizeLatin(latin).toLowerCase());
    }
    o.exL2C = l2c;
    o.exC2L = c2l;
  }
  return o;
}

/** The same settings with a tracer (for explanations). */
export function withTrace(o: Resolved, trace: Trace): Resolved {
  return { ...o, trace };
}

const DEFAULTS: Resolved = resolve({});

/**
 * Converts text token by token, copying the protected ranges (prot: sorted start/end pairs) as they
 * are: words (letters, digits and in-word apostrophes, joined by hyphens) are converted or kept,
 * everything else is copied.
 */
function convertRange(text: string, to: Script, o: Resolved, prot: readonly number[], sink: Sink): void {
  const n = text.length;
  let r = 0;
  let i = 0;
  let afterNumber = false; // only spaces since a number: a following unit symbol is kept
  while (i < n) {
    const protStart = r < prot.length ? (prot[r] ?? n) : n;
    if (i >= protStart) {
      const end = Math.max(i, prot[r + 1] ?? n);
      sink.same(i, end);
      i = end;
      r += 2;
      afterNumber = false;
      continue;
    }
    if (!isWordChar(text.charAt(i))) {
      let j = i + 1;
      while (j < protStart && !isWordChar(text.charAt(j))) j++;
      const gap = text.slice(i, j);
      afterNumber = afterNumber && /^[ \u00A0\u202F]+$/.test(gap);
      sink.same(i, j);
      i = j;
      continue;
    }
    // A compound word: parts of letters, digits and in-word apostrophes, separated by single hyphens.
    const parts: number[] = [];
    let j = i;
    for (;;) {
      const ps = j;
      while (j < protStart) {
        const ch = text.charAt(j);
        if (isWordChar(ch) || (APOSTROPHES.has(ch) && apostropheRole(text, j) !== null)) j++;
        else break;
      }
      parts.push(ps, j);
      if (j + 1 < protStart && isHyphen(text.charAt(j)) && isWordChar(text.charAt(j + 1))) j++;
      else break;
    }
    const word = text.slice(i, j);
    const numeric = /^[0-9]+$/.test(word);
    const kept = numeric ? null : keepWhole(text, word, i, j, to, o, afterNumber, parts);
    if (numeric) sink.same(i, j);
    else if (kept !== null) {
      o.trace?.(i, j, 'kept: ' + kept);
      sink.same(i, j);
    } else convertParts(text, to, o, parts, sink);
    afterNumber = numeric;
    i = j;
  }
}

/** Why a whole compound word stays as written, or null if it is converted. */
function keepWhole(text: string, word: string, start: number, end: number, to: Script, o: Resolved, afterNumber: boolean, parts: number[]): string | null {
  if (o.keep.has(word)) return 'keep-list';
  if (to === 'latn') return null;
  if (parts.length === 2 && ABBR_L2C.has(normalizeWord(text, parts[0] ?? 0, word))) return null;
  if (afterNumber && UNITS.has(word) && (o.keepUnits || !METRIC_UNITS.has(word))) return 'unit symbol';
  for (let k = 0; k + 1 < parts.length; k += 2) {
    const p = text.slice(parts[k], parts[k + 1]);
    if (ABBR_L2C.has(normalizeWord(text, parts[k] ?? 0, p))) continue;
    if (/[0-9]/.test(p) && /\p{L}/u.test(p) && !isNumberWithSuffix(normalizeWord(text, parts[k] ?? 0, p))) return 'letters with digits';
    if (hasForeignLetters(p)) return 'letters outside the Uzbek alphabet';
    if (hasBrandCase(p)) return 'brand-like case';
  }
  if (parts.length !== 2 || !ROMAN_RE.test(word)) return null;
  // Roman numerals (XXI asr). A lone letter followed by a full stop is an initial (I. Karimov), except
  // at the start of a line, where it numbers a heading or a list (I. Kirish).
  if (word.length > 1 || text.charAt(end) !== '.') return 'Roman numeral';
  return atLineStart(text, start) ? 'Roman numeral' : null;
}

/** Metric unit symbols, which follow the script (km → км); the rest of UNITS are international. */
const METRIC_UNITS: ReadonlySet<string> = new Set(['km', 'm', 'sm', 'cm', 'mm', 'kg', 'g', 'mg', 't', 'l', 'ml', 'ga']);

/** Digits followed by Uzbek suffixes or a metric unit (3138ta, 5-sinf is hyphenated, 10km): converted. */
function isNumberWithSuffix(p: string): boolean {
  const m = /^[0-9]+([a-z\u02BB\u02BC]+)$/.exec(p);
  if (!m || m[1] === undefined) return false;
  const rest = m[1];
  if (METRIC_UNITS.has(rest) || isSuffixChain(rest, NUMBER_SUFFIXES)) return true;
  for (const u of METRIC_UNITS) if (rest.startsWith(u) && isSuffixChain(rest.slice(u.length), NUMBER_SUFFIXES)) return true;
  return false;
}

/** Whether only spaces stand between the start of the line and pos. */
function atLineStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0 && pos - i <= 64; i--) {
    const ch = text.charAt(i);
    if (ch === '\n' || ch === '\r') return true;
    if (ch !== ' ' && ch !== '\t') return false;
  }
  return pos <= 64;
}

/** The word with its in-word apostrophes replaced by ʻ or ʼ. */
function normalizeWord(text: string, start: number, w: string): string {
  let out = '';
  let last = 0;
  for (let k = 0; k < w.length; k++) {
    const ch = w.charAt(k);
    if (!APOSTROPHES.has(ch)) continue;
    const role = apostropheRole(text, start + k);
    if (role !== null && role !== ch) {
      out += w.slice(last, k) + role;
      last = k + 1;
    }
  }
  return last === 0 ? w : out + w.slice(last);
}

function convertParts(text: string, to: Script, o: Resolved, parts: number[], sink: Sink): void {
  for (let k = 0; k + 1 < parts.length; k += 2) {
    const s = parts[k] ?? 0;
    const e = parts[k + 1] ?? 0;
    if (k > 0) sink.same(parts[k - 1] ?? s, s); // the hyphen
    const raw = text.slice(s, e);
    if (o.keep.has(raw) || /^[0-9]+$/.test(raw)) sink.same(s, e);
    else if (to === 'cyrl') latinWordToCyrillic(normalizeWord(text, s, raw), s, sink, o);
    else cyrillicWordToLatin(text, raw, s, sink, o);
  }
}

export function transliterate(text: string, to: Script, o: Resolved, opaque: readonly number[], sink: Sink): void {
  convertRange(text, to, o, mergeRanges(findProtected(text), opaque), sink);
}

/** Runs f, and on an unexpected internal error returns the fallback: conversion never throws. */
export function safely<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** Converts spans together, so words running across span boundaries keep their context. */
export function convertSpans(spans: readonly Span[], to: Script, o: Resolved): string[] {
  const bounds: number[] = [0];
  const opaque: number[] = [];
  let text = '';
  for (const s of spans) {
    if (s.opaque) opaque.push(text.length, text.length + s.text.length);
    text += s.text;
    bounds.push(text.length);
  }
  const sink = new SpanSink(text, bounds);
  transliterate(text, to, o, opaque, sink);
  return spans.map((s, k) => {
    const out = (sink.outs[k] ?? []).join('');
    return s.original !== undefined && out === s.text ? s.original : out;
  });
}

// ───────────────────────────── apostrophes ─────────────────────────────

/**
 * Normalises the apostrophes of Uzbek Latin text: after o/g to ʻ (U+02BB: oʻ, gʻ), after other
 * letters to the tutuq ʼ (U+02BC); quotation marks, URLs and e-mail addresses are left alone.
 */
export function normalizeLatin(text: string): string {
  if (typeof text !== 'string' || text === '') return typeof text === 'string' ? text : '';
  return safely(() => {
    const prot = findProtected(text);
    let out = '';
    let last = 0;
    let r = 0;
    for (let i = 0; i < text.length; i++) {
      while (r < prot.length && (prot[r + 1] ?? 0) <= i) r += 2;
      if (r < prot.length && (prot[r] ?? 0) <= i) {
        i = (prot[r + 1] ?? i + 1) - 1;
        continue;
      }
      const ch = text.charAt(i);
      if (!APOSTROPHES.has(ch)) continue;
      const role = apostropheRole(text, i);
      if (role !== null && role !== ch) {
        out += text.slice(last, i) + role;
        last = i + 1;
      }
    }
    return last === 0 ? text : out + text.slice(last);
  }, text);
}
