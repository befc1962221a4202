/**
 * Uzbek Latin ↔ Cyrillic transliteration for text, HTML and Tiptap/ProseMirror documents.
 *
 * Latin is the 1995 alphabet (Cabinet of Ministers resolution №339, 24 Aug 1995, «Oʻzbek tilining
 * asosiy imlo qoidalari» and its annex); oʻ gʻ are written with U+02BB and the tutuq belgisi with
 * U+02BC (tables in translit.tables.ts). The conversion is letter rules plus a lexicon for the words
 * the rules cannot recover (mostly Russian loanwords with ц, ь, ъ).
 *
 * Rules, Latin → Cyrillic:
 * - sh ш, ch ч, oʻ ў, gʻ ғ; ng stays н+г; s and h read apart are written sʼh (Isʼhoq → Исҳоқ, rule 32).
 * - yo ё, yu ю, ya я, but y before oʻ is й (yoʻl → йўл); ye is е, after a consonant ье (premyera →
 *   премьера, the annex's example of ь before е); e is э at a word's start or after a vowel (eshik →
 *   эшик, aeroport → аэропорт), е after a consonant.
 * - ts is т+с except after a vowel before i+vowel (-tsiya, -tsion, -tsial: militsiya → милиция);
 *   other ц words (sirk → цирк, litsey → лицей) are in the lexicon. ʼ is ъ.
 * Rules, Cyrillic → Latin:
 * - е is ye at a word's start, after a vowel, ъ or ь (ер → yer, поезд → poyezd), e elsewhere.
 * - ц is ts after a vowel inside a word, s at a word's start or end and after a consonant (annex).
 * - ь is dropped, y before о/и (annex: павильон – pavilyon); ъ is ʼ (маъно → maʼno) but dropped after
 *   ў (мўъжиза → moʻjiza, rule 32) and in Russian words, i.e. between a consonant and е/ё/ю/я
 *   (объект → obyekt); щ → sh, ы → i (annex); сҳ → sʼh.
 * Capitals: a digraph is upper case inside an all-caps word (ШАҲАР → SHAHAR), title case otherwise.
 *
 * Left as written: URLs, e-mail addresses, @mentions, domain and file names; international unit
 * symbols after a number (5 km, 10 MB); when converting to Cyrillic also words that are not Uzbek
 * Latin — with c (not ch), w or other letters outside the alphabet (Facebook), with letters and
 * digits (5G, iPhone15), with a capital after a small letter that is followed by small letters again
 * (iPhone, YouTube; Uzbek abbreviations like ToshDU, OʻzA are converted), Roman numerals (XXI asr)
 * and a configurable keep-list (Google, IT…). Converting to Latin, Latin-script words are unchanged
 * anyway; Cyrillic brands are transliterated (Яндекс → Yandex) unless put on the keep-list.
 *
 * Characters without a mapping pass through, so nothing is ever lost; the work is one left-to-right
 * pass with bounded look-around, linear in the input length.
 */
import {
  ABBREVIATIONS, APOSTROPHES, CYRILLIC_LETTER, CYRILLIC_VOWELS, DEFAULT_KEEP, FILE_EXTENSIONS,
  LATIN_LETTER, LATIN_VOWELS, LEXICON, OKINA, SUFFIXES, TLDS, TUTUQ, UNITS,
} from './translit.tables.js';

export type Script = 'cyrl' | 'latn';

export interface TranslitOptions {
  /** Extra words to keep as written (exact case; the ALL-CAPS form of a mixed-case entry too). */
  keep?: Iterable<string>;
  /** Start from the built-in keep-list (default true). */
  useDefaultKeep?: boolean;
  /** Leave unit symbols after numbers as written when converting to Cyrillic (default true). */
  keepUnits?: boolean;
}

interface Resolved {
  keep: ReadonlySet<string>;
  keepUnits: boolean;
}

// ───────────────────────────── character classes ─────────────────────────────

const LETTER_RE = /[\p{L}\p{M}]/u;
const NON_ASCII_LATIN_RE = /\p{Script=Latin}/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters and combining marks of the BMP; the apostrophes (ʻ ʼ are Unicode letters) are not. */
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return isAsciiLetter(c);
  if (c >= 0x0400 && c <= 0x04ff) return c < 0x0482 || c > 0x0489;
  if (APOSTROPHES.has(ch) || (c >= 0xd800 && c <= 0xdfff)) return false;
  return LETTER_RE.test(ch);
}

function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function isWordChar(ch: string): boolean {
  return ch !== '' && (isDigit(ch) || isLetter(ch));
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

function isHyphen(ch: string): boolean {
  return ch === '-' || ch === '\u2010' || ch === '\u2011';
}

const isLatinVowel = (ch: string): boolean => ch !== '' && LATIN_VOWELS.includes(ch.toLowerCase());

/**
 * What an apostrophe at text[i] stands for. After o/g it is the ʻ of oʻ/gʻ when a letter follows, when
 * it is already ʻ or ʼ, or (gʻ only) at the end of a word after a vowel: bogʻ, togʻ — but sening' ends
 * a quotation. After another Latin letter it is the tutuq when a letter follows or it is already ʻ/ʼ
 * (maʼno, mavqeʼ). Anything else is a quotation mark.
 */
function apostropheRole(text: string, i: number): string | null {
  const ch = text.charAt(i);
  if (!APOSTROPHES.has(ch) || i === 0) return null;
  const prev = text.charAt(i - 1);
  if (!isAsciiLetter(prev.charCodeAt(0))) return null;
  const explicit = ch === OKINA || ch === TUTUQ;
  const next = text.charAt(i + 1);
  const letterNext = next !== '' && isAsciiLetter(next.charCodeAt(0));
  const p = prev.toLowerCase();
  if (p === 'o' || p === 'g') {
    if (letterNext || explicit) return OKINA;
    if (p === 'g' && isLatinVowel(text.charAt(i - 2))) return OKINA;
    return null;
  }
  return letterNext || explicit ? TUTUQ : null;
}

// ───────────────────────────── protected spans ─────────────────────────────

const URL_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S+$/i;
// Local part: RFC 5322 atext and dots; domain: labels joined by dots (no nested ambiguity, linear).
const EMAIL_RE = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const DOMAIN_RE = new RegExp(`^(?:[\\p{L}\\p{N}-]+\\.)+(?:${TLDS})(?:[/:?#]\\S*)?$`, 'iu');
const FILE_RE = new RegExp(`^[\\p{L}\\p{N}_-]+\\.(?:${FILE_EXTENSIONS})$`, 'iu');
const MENTION_RE = /^@[A-Za-z0-9_]{2,}$/;
const OPENERS = '([{«"\'“‘„<';
const CLOSERS = '.,;:!?)]}»"\'”’>';
/** Longer chunks are not addresses; the cap also bounds the regex work per chunk. */
const MAX_ADDRESS = 4096;

function isAddress(core: string): boolean {
  if (MENTION_RE.test(core)) return true;
  if (!/[.@:]/.test(core)) return false;
  return URL_RE.test(core) || EMAIL_RE.test(core) || DOMAIN_RE.test(core) || FILE_RE.test(core);
}

/** Start/end pairs of URLs, e-mail addresses, mentions, domain and file names in text, in order. */
function findProtected(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && /\s/.test(text.charAt(i))) i++;
    let j = i;
    while (j < n && !/\s/.test(text.charAt(j))) j++;
    // Brackets and punctuation around a chunk are not part of the address: (kun.uz), info@gov.uz.
    let s = i;
    let e = j;
    while (s < e && OPENERS.includes(text.charAt(s))) s++;
    while (e > s && CLOSERS.includes(text.charAt(e - 1))) e--;
    if (e - i <= MAX_ADDRESS) {
      // An address may itself start with a bracket-like character: {a}@x.uz is valid.
      if (s > i && EMAIL_RE.test(text.slice(i, e))) out.push(i, e);
      else if (e > s && isAddress(text.slice(s, e))) out.push(s, e);
    }
    i = j;
  }
  return out;
}

/** Union of two sorted lists of start/end pairs. */
function mergeRanges(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const all: Array<[number, number]> = [];
  for (let k = 0; k + 1 < a.length; k += 2) all.push([a[k] ?? 0, a[k + 1] ?? 0]);
  for (let k = 0; k + 1 < b.length; k += 2) all.push([b[k] ?? 0, b[k + 1] ?? 0]);
  all.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of all) {
    const last = out.length - 1;
    if (last > 0 && s <= (out[last] ?? 0)) out[last] = Math.max(out[last] ?? 0, e);
    else out.push(s, e);
  }
  return out;
}

// ───────────────────────────── output sinks ─────────────────────────────

/** Receives the output in source order: unchanged source ranges and converted ones. */
interface Sink {
  same(start: number, end: number): void;
  mapped(start: number, end: number, out: string): void;
}

class StringSink implements Sink {
  private readonly parts: string[] = [];
  constructor(private readonly text: string) {}
  same(start: number, end: number): void {
    if (end > start) this.parts.push(this.text.slice(start, end));
  }
  mapped(_start: number, _end: number, out: string): void {
    this.parts.push(out);
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** A piece of text converted together with its neighbours (e.g. text either side of an inline tag). */
interface Span {
  text: string;
  /** Never converted and a word boundary (an HTML entity). */
  opaque?: boolean;
  /** Written back instead of text when text comes out unchanged (a decoded apostrophe entity). */
  original?: string;
}

/** Splits output back into the spans its source came from. */
class SpanSink implements Sink {
  readonly outs: string[][];
  private at = 0;
  constructor(private readonly text: string, private readonly bounds: readonly number[]) {
    this.outs = bounds.slice(1).map(() => []);
  }
  private spanOf(pos: number): number {
    while (this.at < this.outs.length - 1 && (this.bounds[this.at + 1] ?? 0) <= pos) this.at++;
    return this.at;
  }
  same(start: number, end: number): void {
    let s = start;
    while (s < end) {
      const k = this.spanOf(s);
      const e = Math.min(end, this.bounds[k + 1] ?? end);
      this.outs[k]?.push(this.text.slice(s, e));
      s = e;
    }
  }
  mapped(start: number, _end: number, out: string): void {
    this.outs[this.spanOf(start)]?.push(out);
  }
}

// ───────────────────────────── lexicon ─────────────────────────────

interface Lexicon {
  words: Map<string, string>;
  suffixes: Set<string>;
  maxStem: number;
}

const L2C: Lexicon = { words: new Map(), suffixes: new Set(), maxStem: 0 };
const C2L: Lexicon = { words: new Map(), suffixes: new Set(), maxStem: 0 };
const ABBR_L2C = new Map<string, string>(ABBREVIATIONS.map(([l, c]) => [l, c]));
const ABBR_C2L = new Map<string, string>(ABBREVIATIONS.map(([l, c]) => [c, l]));

type Casing = 'lower' | 'title' | 'upper' | 'mixed';

function casingOf(word: string): Casing {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let seen = false;
  for (const ch of word) {
    if (!isLetter(ch)) continue;
    const u = isUpper(ch);
    const l = ch !== ch.toUpperCase();
    if (!seen) firstUpper = u;
    seen = true;
    if (u) upper++;
    else if (l) lower++;
  }
  if (upper === 0) return 'lower';
  if (lower === 0) return upper === 1 ? 'title' : 'upper';
  return firstUpper && upper === 1 ? 'title' : 'mixed';
}

function applyCasing(word: string, casing: Casing): string {
  if (casing === 'upper') return word.toUpperCase();
  if (casing === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** Whether rest is a chain of suffixes (lar+da); rest is at most a few suffixes long. */
function isSuffixChain(rest: string, suffixes: ReadonlySet<string>): boolean {
  if (rest.length > 24) return false;
  const ok: boolean[] = [true];
  for (let i = 0; i < rest.length; i++) {
    if (!ok[i]) continue;
    for (let len = 1; len <= 5 && i + len <= rest.length; len++) {
      if (suffixes.has(rest.slice(i, i + len))) ok[i + len] = true;
    }
  }
  return ok[rest.length] === true;
}

/** The lexicon word lower starts with, if the rest is a suffix chain: [stem length, target]. */
function lookup(lower: string, lex: Lexicon): [number, string] | null {
  const exact = lex.words.get(lower);
  if (exact !== undefined) return [lower.length, exact];
  for (let len = Math.min(lower.length - 1, lex.maxStem); len >= 2; len--) {
    const target = lex.words.get(lower.slice(0, len));
    if (target !== undefined && isSuffixChain(lower.slice(len), lex.suffixes)) return [len, target];
  }
  return null;
}

// ───────────────────────────── Latin → Cyrillic ─────────────────────────────

/** What came before a letter, for е/э, ye and ts: the word's start, a vowel, a consonant or ʼ/ъ/ь. */
type Prev = 'start' | 'vowel' | 'consonant' | 'sign';

function latinClass(ch: string): Prev {
  if (ch === OKINA) return 'vowel'; // the ʻ of oʻ
  if (ch === TUTUQ) return 'sign';
  if (isLatinVowel(ch) || CYRILLIC_VOWELS.includes(ch.toLowerCase())) return 'vowel';
  return isLetter(ch) ? 'consonant' : 'start';
}

/** ts after a vowel is ц before i + vowel or i + y + vowel (-tsiya, -tsion, -tsial, -tsiyent). */
function tsIsTse(w: string, k: number, end: number): boolean {
  if (k >= end || w.charAt(k).toLowerCase() !== 'i') return false;
  const a = w.charAt(k + 1).toLowerCase();
  if (k + 1 < end && isLatinVowel(a)) return true;
  return a === 'y' && k + 2 < end && isLatinVowel(w.charAt(k + 2));
}

function latinRules(w: string, base: number, from: number, to: number, prev0: Prev, sink: Sink): void {
  let prev = prev0;
  let k = from;
  while (k < to) {
    const ch = w.charAt(k);
    const lc = ch.toLowerCase();
    const up = ch !== lc;
    const n1 = k + 1 < to ? w.charAt(k + 1) : '';
    const n1l = n1.toLowerCase();
    let out: string;
    let len = 1;
    let cls: Prev = 'consonant';
    switch (lc) {
      case 's':
        if (n1l === 'h') [out, len] = ['ш', 2];
        else out = 'с';
        break;
      case 'c':
        if (n1l === 'h') [out, len] = ['ч', 2];
        else out = 'ц';
        break;
      case 'o':
        if (n1 === OKINA) [out, len] = ['ў', 2];
        else out = 'о';
        cls = 'vowel';
        break;
      case 'g':
        if (n1 === OKINA) [out, len] = ['ғ', 2];
        else out = 'г';
        break;
      case 'y':
        if (n1l === 'o' && (k + 2 >= to || w.charAt(k + 2) !== OKINA)) [out, len] = ['ё', 2];
        else if (n1l === 'u') [out, len] = ['ю', 2];
        else if (n1l === 'a') [out, len] = ['я', 2];
        else if (n1l === 'e') [out, len] = [prev === 'consonant' ? 'ье' : 'е', 2];
        else out = 'й';
        if (len === 2) cls = 'vowel';
        break;
      case 'e':
        out = prev === 'consonant' ? 'е' : 'э';
        cls = 'vowel';
        break;
      case 't':
        if (prev === 'vowel' && n1l === 's' && tsIsTse(w, k + 2, to)) [out, len] = ['ц', 2];
        else out = 'т';
        break;
      case TUTUQ: {
        // s and h read apart are written sʼh in Latin and сҳ in Cyrillic (Isʼhoq → Исҳоқ).
        const sh = w.charAt(k - 1).toLowerCase() === 's' && n1l === 'h' && k > from;
        const capital = k > 0 && isUpper(w.charAt(k - 1)) && (n1 === '' || !isLetter(n1) || isUpper(n1));
        out = sh ? '' : capital ? 'Ъ' : 'ъ';
        cls = 'sign';
        break;
      }
      default: {
        const m = LATIN_LETTER[lc];
        if (m !== undefined) out = m;
        else out = ch;
        cls = m !== undefined ? (isLatinVowel(lc) ? 'vowel' : 'consonant') : latinClass(ch);
      }
    }
    if (up && out !== ch) out = out.toUpperCase();
    sink.mapped(base + k, base + k + len, out);
    prev = cls;
    k += len;
  }
}

/** Converts one hyphen-free Latin word w (apostrophes already normalised) at text offset base. */
function latinWordToCyrillic(w: string, base: number, sink: Sink): void {
  const abbr = ABBR_L2C.get(w);
  if (abbr !== undefined) return sink.mapped(base, base + w.length, abbr);
  const casing = casingOf(w);
  const lower = w.toLowerCase();
  if (casing !== 'mixed' && lower.length === w.length) {
    const hit = lookup(lower, L2C);
    if (hit) {
      const [stemLen, target] = hit;
      // A final ь is dropped before a suffix (апрель → апрелдан).
      const stem = stemLen < w.length && target.endsWith('ь') ? target.slice(0, -1) : target;
      sink.mapped(base, base + stemLen, applyCasing(stem, casing));
      return latinRules(w, base, stemLen, w.length, latinClass(w.charAt(stemLen - 1)), sink);
    }
  }
  latinRules(w, base, 0, w.length, 'start', sink);
}

// ───────────────────────────── Cyrillic → Latin ─────────────────────────────

function cyrillicClass(ch: string): Prev {
  const lc = ch.toLowerCase();
  if (lc === 'ъ' || lc === 'ь') return 'sign';
  if (CYRILLIC_VOWELS.includes(lc) || isLatinVowel(lc)) return 'vowel';
  return isLetter(ch) ? 'consonant' : 'start';
}

/** Whether text has two upper-case letters at j (the start of an all-caps word). */
function capsAt(text: string, j: number): boolean {
  const a = text.charAt(j);
  const b = text.charAt(j + 1);
  return a !== '' && b !== '' && isLetter(a) && isLetter(b) && isUpper(a) && isUpper(b);
}

/**
 * Whether an upper-case Cyrillic letter at k sits in an all-caps word (ШАҲАР → SHAHAR, Шаҳар →
 * Shahar). A letter standing alone (an initial, the conjunction ё) follows the words within a few
 * characters either side: all-caps if they are (Ш. МИРЗИЁЕВ → SH. MIRZIYOYEV, ТИНЧЛИК Ё УРУШ →
 * TINCHLIK YO URUSH), title case if either is not (Ш. Мирзиёев → Sh. Mirziyoyev).
 */
function inCapsWord(text: string, w: string, base: number, k: number, to: number): boolean {
  const next = k + 1 < to ? w.charAt(k + 1) : '';
  if (next !== '' && isLetter(next)) return isUpper(next);
  const prev = k > 0 ? w.charAt(k - 1) : '';
  if (prev !== '' && isLetter(prev)) return isUpper(prev);
  const pos = base + k;
  let j = pos + 1;
  while (j < text.length && j <= pos + 3 && !isLetter(text.charAt(j))) j++;
  const after = j < text.length && isLetter(text.charAt(j)) ? capsAt(text, j) : null;
  let i = pos - 1;
  while (i >= 0 && i >= pos - 3 && !isLetter(text.charAt(i))) i--;
  const before = i >= 0 && isLetter(text.charAt(i)) ? i >= 1 && capsAt(text, i - 1) : null;
  if (after === null && before === null) return false;
  return after !== false && before !== false;
}

function cyrillicRules(text: string, w: string, base: number, from: number, to: number, prev0: Prev, sink: Sink): void {
  let prev = prev0;
  for (let k = from; k < to; k++) {
    const ch = w.charAt(k);
    const lc = ch.toLowerCase();
    const up = ch !== lc;
    const next = k + 1 < to ? w.charAt(k + 1).toLowerCase() : '';
    let out: string;
    switch (lc) {
      case 'е':
        out = prev === 'consonant' ? 'e' : 'ye';
        break;
      case 'ц':
        out = prev === 'vowel' && next !== '' && isLetter(next) ? 'ts' : 's';
        break;
      case 'ъ': {
        const after = k > 0 ? w.charAt(k - 1).toLowerCase() : '';
        out = after === 'ў' || (prev === 'consonant' && 'еёюя'.includes(next) && next !== '') ? '' : TUTUQ;
        break;
      }
      case 'ь':
        out = next === 'о' || next === 'и' ? 'y' : '';
        break;
      case 'с':
        out = next === 'ҳ' ? 's' + TUTUQ : 's';
        break;
      default:
        out = CYRILLIC_LETTER[lc] ?? ch;
    }
    if (up && out !== ch && out !== '') {
      out = out.length > 1 && !inCapsWord(text, w, base, k, to) ? out.charAt(0).toUpperCase() + out.slice(1) : out.toUpperCase();
    }
    sink.mapped(base + k, base + k + 1, out);
    prev = cyrillicClass(ch);
  }
}

function cyrillicWordToLatin(text: string, w: string, base: number, sink: Sink): void {
  const abbr = ABBR_C2L.get(w);
  if (abbr !== undefined) return sink.mapped(base, base + w.length, abbr);
  const casing = casingOf(w);
  const lower = w.toLowerCase();
  if (casing !== 'mixed' && lower.length === w.length) {
    const hit = lookup(lower, C2L);
    if (hit) {
      const [stemLen, target] = hit;
      sink.mapped(base, base + stemLen, applyCasing(target, casing));
      return cyrillicRules(text, w, base, stemLen, w.length, cyrillicClass(w.charAt(stemLen - 1)), sink);
    }
  }
  cyrillicRules(text, w, base, 0, w.length, 'start', sink);
}

// Lexicon indexes; suffixes are stored in both scripts (Cyrillic ones made by the rules).
for (const [latin, cyrillic] of LEXICON) {
  L2C.words.set(latin, cyrillic);
  C2L.words.set(cyrillic, latin);
  // Before a suffix the final ь is not written (январдан), so index the stem without it too.
  if (cyrillic.endsWith('ь') && !C2L.words.has(cyrillic.slice(0, -1))) C2L.words.set(cyrillic.slice(0, -1), latin);
}
for (const s of SUFFIXES) {
  L2C.suffixes.add(s);
  const sink = new StringSink(s);
  latinRules(s, 0, 0, s.length, 'consonant', sink);
  C2L.suffixes.add(sink.toString());
}
for (const lex of [L2C, C2L]) for (const k of lex.words.keys()) lex.maxStem = Math.max(lex.maxStem, k.length);

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

/**
 * Brand-like case: starts with a small letter and has a capital (iPhone, eBay), or has a capital after
 * a small letter followed by small letters again (YouTube, McDonald). Uzbek abbreviations put the
 * capitals last (ToshDU, OʻzA, MChJ) and are converted.
 */
function hasBrandCase(w: string): boolean {
  let first: boolean | null = null;
  let sawLower = false;
  let capAfterLower = false;
  let anyUpper = false;
  for (const ch of w) {
    if (!isLetter(ch)) continue;
    const u = isUpper(ch);
    if (first === null) first = !u;
    if (u) {
      anyUpper = true;
      if (sawLower) capAfterLower = true;
    } else {
      if (capAfterLower) return true;
      sawLower = true;
    }
  }
  return first === true && anyUpper;
}

function resolve(options?: TranslitOptions): Resolved {
  if (!options) return DEFAULTS;
  const keep = new Set<string>();
  const add = (w: string): void => {
    keep.add(w);
    if (w !== w.toUpperCase() && w !== w.toLowerCase()) keep.add(w.toUpperCase());
  };
  if (options.useDefaultKeep !== false) DEFAULT_KEEP.forEach(add);
  for (const w of options.keep ?? []) if (typeof w === 'string') add(normalizeLatin(w));
  return { keep, keepUnits: options.keepUnits !== false };
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
    if (numeric || keepWhole(text, word, j, to, o, afterNumber, parts)) sink.same(i, j);
    else convertParts(text, to, o, parts, sink);
    afterNumber = numeric;
    i = j;
  }
}

/** Whether a whole compound word stays as written. */
function keepWhole(text: string, word: string, end: number, to: Script, o: Resolved, afterNumber: boolean, parts: number[]): boolean {
  if (o.keep.has(word)) return true;
  if (to === 'latn') return false;
  if (parts.length === 2 && ABBR_L2C.has(normalizeWord(text, parts[0] ?? 0, word))) return false;
  if (afterNumber && o.keepUnits && UNITS.has(word)) return true;
  for (let k = 0; k + 1 < parts.length; k += 2) {
    const p = text.slice(parts[k], parts[k + 1]);
    if (ABBR_L2C.has(normalizeWord(text, parts[k] ?? 0, p))) continue;
    if (/[0-9]/.test(p) && /\p{L}/u.test(p)) return true;
    if (hasForeignLetters(p) || hasBrandCase(p)) return true;
  }
  // Roman numerals (XXI asr); a lone letter followed by a full stop is an initial (I. Karimov).
  return parts.length === 2 && ROMAN_RE.test(word) && (word.length > 1 || text.charAt(end) !== '.');
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
    else if (to === 'cyrl') latinWordToCyrillic(normalizeWord(text, s, raw), s, sink);
    else cyrillicWordToLatin(text, raw, s, sink);
  }
}

function transliterate(text: string, to: Script, o: Resolved, opaque: readonly number[], sink: Sink): void {
  convertRange(text, to, o, mergeRanges(findProtected(text), opaque), sink);
}

/** Runs f, and on an unexpected internal error returns the fallback: conversion never throws. */
function safely<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function convertString(text: unknown, to: Script, options?: TranslitOptions): string {
  // Callers without types may pass anything: numbers and the like read as text, objects as nothing.
  if (typeof text !== 'string') return ['number', 'boolean', 'bigint'].includes(typeof text) ? String(text) : '';
  if (text === '') return text;
  return safely(() => {
    const sink = new StringSink(text);
    transliterate(text, to, resolve(options), [], sink);
    return sink.toString();
  }, text);
}

/** Converts spans together, so words running across span boundaries keep their context. */
function convertSpans(spans: readonly Span[], to: Script, o: Resolved): string[] {
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

// ───────────────────────────── public API: text ─────────────────────────────

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

/** Uzbek Latin → Cyrillic. */
export function toCyrillic(text: string, options?: TranslitOptions): string {
  return convertString(text, 'cyrl', options);
}

/** Uzbek Cyrillic → Latin. */
export function toLatin(text: string, options?: TranslitOptions): string {
  return convertString(text, 'latn', options);
}

/** Converts to the given script. */
export function transliterateText(text: string, to: Script, options?: TranslitOptions): string {
  return convertString(text, to, options);
}

// ───────────────────────────── HTML ─────────────────────────────

const ENTITY_RE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
/** Entities for the apostrophes; inside a word they are part of oʻ, gʻ or the tutuq. */
const APOSTROPHE_ENTITIES: Readonly<Record<string, string>> = {
  '&#39;': "'", '&#x27;': "'", '&apos;': "'", '&#96;': '`', '&grave;': '`', '&lsquo;': '\u2018',
  '&rsquo;': '\u2019', '&#8216;': '\u2018', '&#8217;': '\u2019', '&#x2018;': '\u2018', '&#x2019;': '\u2019',
  '&#699;': OKINA, '&#x2bb;': OKINA, '&#x2BB;': OKINA, '&#700;': TUTUQ, '&#x2bc;': TUTUQ, '&#x2BC;': TUTUQ,
};
/** Inline elements: text either side belongs to the same words (<b>Oʻz</b>bekiston). */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'label', 'mark',
  'nobr', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'wbr',
]);
/** Elements whose content is code or not prose. */
const SKIP = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'textarea', 'template']);
const RAW_TEXT = new Set(['script', 'style', 'textarea']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Text of an attribute value or text run as spans: entities opaque, apostrophe entities decoded. */
function entitySpans(raw: string, into: Span[]): void {
  let last = 0;
  for (let i = raw.indexOf('&'); i !== -1; i = raw.indexOf('&', i + 1)) {
    ENTITY_RE.lastIndex = i;
    const m = ENTITY_RE.exec(raw);
    if (!m) continue;
    if (i > last) into.push({ text: raw.slice(last, i) });
    const apostrophe = APOSTROPHE_ENTITIES[m[0]];
    into.push(apostrophe !== undefined ? { text: apostrophe, original: m[0] } : { text: m[0], opaque: true });
    last = i + m[0].length;
    i = last - 1;
  }
  if (last < raw.length) into.push({ text: raw.slice(last) });
}

function convertFragment(raw: string, to: Script, o: Resolved): string {
  const spans: Span[] = [];
  entitySpans(raw, spans);
  return convertSpans(spans, to, o).join('');
}

interface Tag {
  end: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** The tag with alt and title converted. */
  out: string;
  skip: boolean;
}

/** Parses the tag at html[i] === '<' (a letter or / follows), converting alt and title values. */
function parseTag(html: string, i: number, to: Script, o: Resolved): Tag {
  const n = html.length;
  const closing = html.charAt(i + 1) === '/';
  let j = i + (closing ? 2 : 1);
  const ns = j;
  while (j < n && /[A-Za-z0-9:-]/.test(html.charAt(j))) j++;
  const name = html.slice(ns, j).toLowerCase();
  const pieces: string[] = [];
  let copied = i;
  let skip = false;
  let selfClosing = false;
  while (j < n) {
    const ch = html.charAt(j);
    if (ch === '>') break;
    if (/\s/.test(ch) || ch === '/') {
      if (ch === '/' && html.charAt(j + 1) === '>') selfClosing = true;
      j++;
      continue;
    }
    const as = j;
    while (j < n && !/[\s=>]/.test(html.charAt(j)) && !(html.charAt(j) === '/' && html.charAt(j + 1) === '>')) j++;
    const attr = html.slice(as, j).toLowerCase();
    let k = j;
    while (k < n && /\s/.test(html.charAt(k))) k++;
    if (html.charAt(k) !== '=') continue;
    k++;
    while (k < n && /\s/.test(html.charAt(k))) k++;
    let vs: number;
    let ve: number;
    const q = html.charAt(k);
    if (q === '"' || q === "'") {
      vs = k + 1;
      ve = html.indexOf(q, vs);
      if (ve === -1) ve = n;
      j = Math.min(n, ve + 1);
    } else {
      vs = k;
      ve = k;
      while (ve < n && !/[\s>]/.test(html.charAt(ve))) ve++;
      j = ve;
    }
    const value = html.slice(vs, ve);
    if (attr === 'translate' && value.trim().toLowerCase() === 'no') skip = true;
    if (attr === 'class' && /(?:^|\s)notranslate(?:\s|$)/.test(value)) skip = true;
    // A lang marks a foreign passage; on <html>/<body> it is only the page default.
    if (attr === 'lang' && name !== 'html' && name !== 'body' && value.trim() !== '' && !/^uz(?:-|$)/i.test(value.trim())) {
      skip = true;
    }
    if (!closing && (attr === 'alt' || attr === 'title')) {
      pieces.push(html.slice(copied, vs), convertFragment(value, to, o));
      copied = ve;
    }
  }
  const end = Math.min(n, j + 1);
  skip = !closing && (skip || SKIP.has(name));
  pieces.push(html.slice(copied, end));
  return { end, name, closing, selfClosing, out: skip ? html.slice(i, end) : pieces.join(''), skip };
}

/** End of the element that a skipped opening tag starts (after its matching closing tag). */
function skipElement(html: string, lower: string, tag: Tag): number {
  if (tag.selfClosing || VOID.has(tag.name)) return tag.end;
  if (RAW_TEXT.has(tag.name)) {
    const close = lower.indexOf('</' + tag.name, tag.end);
    if (close === -1) return html.length;
    const gt = html.indexOf('>', close);
    return gt === -1 ? html.length : gt + 1;
  }
  const re = new RegExp(`<(/?)${tag.name.replace(/[^a-z0-9-]/g, '')}(?=[\\s/>])[^>]*>`, 'g');
  re.lastIndex = tag.end;
  let depth = 1;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    if (m[1] === '/') depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

function convertHtml(html: string, to: Script, options?: TranslitOptions): string {
  if (typeof html !== 'string' || html === '') return typeof html === 'string' ? html : '';
  return safely(() => {
    const o = resolve(options);
    // Lower-cased ASCII only, so that offsets match html.
    const lower = html.replace(/[A-Z]+/g, (s) => s.toLowerCase());
    const out: string[] = [];
    // Text and inline markup waiting to be converted together.
    let run: Array<Span | string> = [];
    const flush = (): void => {
      const spans = run.filter((x): x is Span => typeof x !== 'string');
      const converted = spans.length > 0 ? convertSpans(spans, to, o) : [];
      let k = 0;
      for (const x of run) out.push(typeof x === 'string' ? x : (converted[k++] ?? ''));
      run = [];
    };
    const n = html.length;
    let i = 0;
    while (i < n) {
      const lt = html.indexOf('<', i);
      const textEnd = lt === -1 ? n : lt;
      if (textEnd > i) {
        const spans: Span[] = [];
        entitySpans(html.slice(i, textEnd), spans);
        for (const s of spans) run.push(s);
        i = textEnd;
        continue;
      }
      const next = html.charAt(i + 1);
      if (html.startsWith('<!--', i)) {
        const e = html.indexOf('-->', i + 4);
        const end = e === -1 ? n : e + 3;
        run.push(html.slice(i, end));
        i = end;
      } else if (next === '!' || next === '?') {
        const e = html.startsWith('<![CDATA[', i) ? html.indexOf(']]>', i) : html.indexOf('>', i);
        const end = e === -1 ? n : e + (html.startsWith('<![CDATA[', i) ? 3 : 1);
        flush();
        out.push(html.slice(i, end));
        i = end;
      } else if (/[A-Za-z]/.test(next) || (next === '/' && /[A-Za-z]/.test(html.charAt(i + 2)))) {
        const tag = parseTag(html, i, to, o);
        const inline = INLINE.has(tag.name) && !tag.skip;
        if (!inline) flush();
        if (tag.skip) {
          const end = skipElement(html, lower, tag);
          out.push(html.slice(i, end));
          i = end;
          continue;
        }
        (inline ? run : out).push(tag.out);
        i = tag.end;
      } else {
        run.push({ text: '<' }); // a bare < in text (5 < 6)
        i++;
      }
    }
    flush();
    return out.join('');
  }, html);
}

/**
 * Latin → Cyrillic for HTML: only text between tags and alt/title values are converted; entities,
 * other attributes, comments, script/style/code/pre and elements with translate="no", class
 * "notranslate" or a non-Uzbek lang are left as written. An apostrophe entity inside a word
 * (O&#39;zbekiston) is read as part of the letter.
 */
export function toCyrillicHtml(html: string, options?: TranslitOptions): string {
  return convertHtml(html, 'cyrl', options);
}

/** Cyrillic → Latin for HTML, on the same terms as toCyrillicHtml. */
export function toLatinHtml(html: string, options?: TranslitOptions): string {
  return convertHtml(html, 'latn', options);
}

// ───────────────────────────── ProseMirror / Tiptap JSON ─────────────────────────────

type Json = Record<string, unknown>;

function isPlainObject(v: unknown): v is Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const IMAGE_ATTRS = ['alt', 'caption', 'title'] as const;
const CODE_NODES = new Set(['codeBlock', 'code_block']);

function isImageNode(node: Json): boolean {
  return typeof node.type === 'string' && /image|figure/i.test(node.type);
}

/** A text node to convert: text nodes without an inline code mark. */
function isProseText(node: unknown): node is Json & { text: string } {
  if (!isPlainObject(node) || node.type !== 'text' || typeof node.text !== 'string') return false;
  const marks = node.marks;
  return !(Array.isArray(marks) && marks.some((m) => isPlainObject(m) && m.type === 'code'));
}

/** Deeper than this a document is copied by reference (no real document nests this far). */
const MAX_DEPTH = 1_000;

function copyDoc(v: unknown, to: Script, o: Resolved, seen: WeakMap<object, unknown>, depth: number, inCode: boolean): unknown {
  if (depth > MAX_DEPTH) return v;
  if (Array.isArray(v)) {
    if (seen.has(v)) return seen.get(v);
    const out: unknown[] = [];
    seen.set(v, out);
    for (const x of v) out.push(copyDoc(x, to, o, seen, depth + 1, inCode));
    if (!inCode) convertTextRuns(out, to, o);
    return out;
  }
  if (!isPlainObject(v)) return v;
  if (seen.has(v)) return seen.get(v);
  const out: Json = {};
  seen.set(v, out);
  const code = inCode || (typeof v.type === 'string' && CODE_NODES.has(v.type));
  for (const [key, value] of Object.entries(v)) out[key] = copyDoc(value, to, o, seen, depth + 1, code);
  if (code) return out;
  if (isImageNode(out) && isPlainObject(out.attrs)) {
    const attrs: Json = { ...out.attrs };
    for (const key of IMAGE_ATTRS) {
      const value = attrs[key];
      if (typeof value === 'string') attrs[key] = convertSpans([{ text: value }], to, o)[0] ?? value;
    }
    out.attrs = attrs;
  }
  return out;
}

/**
 * Converts the text nodes of a copied array; adjacent ones (a word split by marks: <b>Oʻz</b>bekiston)
 * are converted together so that each keeps its context.
 */
function convertTextRuns(nodes: unknown[], to: Script, o: Resolved): void {
  let k = 0;
  while (k < nodes.length) {
    if (!isProseText(nodes[k])) {
      k++;
      continue;
    }
    const start = k;
    while (k < nodes.length && isProseText(nodes[k])) k++;
    const run = nodes.slice(start, k) as Array<Json & { text: string }>;
    const converted = convertSpans(run.map((x) => ({ text: x.text })), to, o);
    run.forEach((node, m) => {
      node.text = converted[m] ?? node.text;
    });
  }
}

/**
 * Converts a Tiptap/ProseMirror JSON document: returns a deep copy in which every text node's text
 * (except inline code and code blocks) and image nodes' alt, caption and title are converted. Marks,
 * link hrefs and other attributes are copied untouched; values that are not JSON objects or arrays
 * pass through as they are.
 */
export function translitDoc(doc: unknown, to: Script, options?: TranslitOptions): unknown {
  if (to !== 'cyrl' && to !== 'latn') return doc;
  return safely(() => {
    const o = resolve(options);
    const copy = copyDoc(doc, to, o, new WeakMap(), 0, false);
    // A lone text node (not inside an array) is converted on its own.
    if (isProseText(copy) && copy !== doc) copy.text = convertSpans([{ text: copy.text }], to, o)[0] ?? copy.text;
    return copy;
  }, doc);
}
