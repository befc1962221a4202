/**
 * Letter rules and lexicon of the Uzbek transliterator (translit.ts): converts one word.
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
 */
import {
  ABBREVIATIONS, CYRILLIC_LETTER, CYRILLIC_VOWELS, LATIN_LETTER, OKINA, SUFFIXES, TUTUQ,
} from './translit.tables.js';
import { russianList, uzbekList } from './translit.lexicon.js';
import { isLatinVowel, isLetter, isUpper } from './translit.chars.js';
import { StringSink, type Sink } from './translit.sink.js';

// ───────────────────────────── lexicon ─────────────────────────────

/** Why a word came out as it did (for `xabar translit --explain`). */
export type Trace = (start: number, end: number, why: string) => void;

/** Per-call settings the word converters need: the editors' exceptions and an optional tracer. */
export interface WordContext {
  /** Editor exceptions, Latin (lower case) → Cyrillic. */
  exL2C?: ReadonlyMap<string, string>;
  /** Editor exceptions, Cyrillic (lower case) → Latin. */
  exC2L?: ReadonlyMap<string, string>;
  trace?: Trace;
}

export const ABBR_L2C = new Map<string, string>(ABBREVIATIONS.map(([l, c]) => [l, c]));
const ABBR_C2L = new Map<string, string>(ABBREVIATIONS.map(([l, c]) => [c, l]));
const L2C_SUFFIXES = new Set<string>(SUFFIXES);
const C2L_SUFFIXES = new Set<string>();
const L2C_INDEX = indexSuffixes(L2C_SUFFIXES);
const C2L_INDEX: SuffixIndex = new Map();
/** Stems the Russian list may decide are at least this long: short ones collide with Uzbek words. */
const MIN_RUSSIAN_STEM = 4;
const MAX_STEM = 40;

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

/**
 * Where a suffix chain can start in w: ends[i] is true when w.slice(i) is a chain of suffixes (lar+da),
 * for the last 24 characters at most; ends[w.length] is true (the empty chain).
 */
function chainStarts(w: string, suffixes: SuffixIndex): boolean[] {
  const n = w.length;
  const ends: boolean[] = [];
  ends[n] = true;
  for (let i = n - 1; i >= 0 && n - i <= 24; i--) {
    const candidates = suffixes.get(w.charAt(i));
    if (candidates === undefined) continue;
    for (const suffix of candidates) {
      if (ends[i + suffix.length] === true && w.startsWith(suffix, i)) {
        ends[i] = true;
        break;
      }
    }
  }
  return ends;
}

/** Suffixes by their first letter, for chainStarts. */
type SuffixIndex = Map<string, string[]>;

function indexSuffixes(suffixes: Iterable<string>): SuffixIndex {
  const index: SuffixIndex = new Map();
  for (const suffix of suffixes) {
    const list = index.get(suffix.charAt(0)) ?? [];
    list.push(suffix);
    index.set(suffix.charAt(0), list);
  }
  return index;
}

/** Whether rest is a chain of suffixes (lar+da); rest is at most a few suffixes long. */
export function isSuffixChain(rest: string, suffixes: ReadonlySet<string>): boolean {
  if (rest.length > 24) return false;
  const ok: boolean[] = [true];
  for (let i = 0; i < rest.length; i++) {
    if (!ok[i]) continue;
    for (let len = 1; len <= 12 && i + len <= rest.length; len++) {
      if (suffixes.has(rest.slice(i, i + len))) ok[i + len] = true;
    }
  }
  return ok[rest.length] === true;
}

/** Cyrillic → Latin by the letter rules alone (lower-case word): the key the word lists use. */
export function cyrillicByRules(w: string): string {
  const sink = new StringSink(w);
  cyrillicRules(w, w, 0, 0, w.length, 'start', sink);
  return sink.toString();
}

/** Latin → Cyrillic by the letter rules alone. */
export function latinByRules(w: string): string {
  const sink = new StringSink(w);
  latinRules(w, 0, 0, w.length, 'start', sink);
  return sink.toString();
}

interface Hit {
  stemLen: number;
  target: string;
  why: string;
}

/**
 * The spelling the word lists give a Latin word (lower case) or its stem before a suffix chain, longest
 * stem first: the editors' exceptions and the Uzbek list (which may also confirm the rules' own
 * spelling: sol is сол, not Russian соль) for every stem first, then the Russian list for stems of 4+
 * letters — so a native stem the Uzbek list knows wins over a longer Russian one (til+dagi, not
 * тильда+gi).
 */
function lookupLatin(lower: string, cx: WordContext): Hit | null {
  const uz = uzbekList(cyrillicByRules);
  const ru = russianList(cyrillicByRules);
  const ends = chainStarts(lower, L2C_INDEX);
  const top = Math.min(lower.length, MAX_STEM);
  for (let len = top; len >= 2 && lower.length - len <= 24; len--) {
    if (ends[len] !== true) continue;
    const stem = len === lower.length ? lower : lower.slice(0, len);
    const ex = cx.exL2C?.get(stem);
    if (ex !== undefined) return { stemLen: len, target: ex, why: `exception ${stem} → ${ex}` };
    const u = uz.byLatin.get(stem);
    if (u !== undefined) {
      const ruled = latinByRules(stem);
      if (u.includes(ruled)) return null; // the rules' spelling is the Uzbek word
      const target = u[0] ?? ruled;
      return { stemLen: len, target, why: `Uzbek list: ${target}` };
    }
  }
  for (let len = top; len >= MIN_RUSSIAN_STEM && lower.length - len <= 24; len--) {
    if (ends[len] !== true) continue;
    const r = ru.byLatin.get(len === lower.length ? lower : lower.slice(0, len));
    if (r !== undefined && r[0] !== undefined) return { stemLen: len, target: r[0], why: `Russian list: ${r[0]}` };
  }
  return null;
}

/** The same for a Cyrillic word: exceptions, then spellings the Uzbek list gives (сентябрь → sentabr). */
function lookupCyrillic(lower: string, cx: WordContext): Hit | null {
  const uz = uzbekList(cyrillicByRules);
  if (uz.latinOf.size === 0 && (cx.exC2L === undefined || cx.exC2L.size === 0)) return null;
  const ends = chainStarts(lower, C2L_INDEX);
  for (let len = Math.min(lower.length, MAX_STEM); len >= 2 && lower.length - len <= 24; len--) {
    if (ends[len] !== true) continue;
    const stem = len === lower.length ? lower : lower.slice(0, len);
    const ex = cx.exC2L?.get(stem) ?? cx.exC2L?.get(stem + 'ь');
    if (ex !== undefined) return { stemLen: len, target: ex, why: `exception ${stem} → ${ex}` };
    const l = uz.latinOf.get(stem) ?? uz.latinOf.get(stem + 'ь');
    if (l !== undefined) return { stemLen: len, target: l, why: `Uzbek list: ${l}` };
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

/**
 * Whether a Latin word ending in vowel + yi is the izofa or possessive written -yi after a vowel
 * (nuqtayi nazar → нуқтаи назар, obroʻyi → обрўи), not a stem ending in y + i (uyi → уйи, toʻyi →
 * тўйи, Orolboʻyi → Оролбўйи). The Uzbek list decides where it knows either stem; otherwise only
 * after a is it the izofa (native stems in -ay are rare, in -oy, -uy, -oʻy common).
 */
function isIzofa(lower: string): boolean {
  const n = lower.length;
  if (n < 4 || !lower.endsWith('yi')) return false;
  const v = lower.charAt(n - 3);
  if (!isLatinVowel(v) && v !== OKINA) return false;
  const uz = uzbekList(cyrillicByRules).byLatin;
  const withY = lower.slice(0, n - 1);
  if (uz.has(withY)) return false;
  if (uz.has(lower.slice(0, n - 2))) return true;
  return v === 'a';
}

/** Converts one hyphen-free Latin word w (apostrophes already normalised) at text offset base. */
export function latinWordToCyrillic(w: string, base: number, sink: Sink, cx: WordContext = {}): void {
  const abbr = ABBR_L2C.get(w);
  if (abbr !== undefined) {
    cx.trace?.(base, base + w.length, 'abbreviation');
    return sink.mapped(base, base + w.length, abbr);
  }
  const casing = casingOf(w);
  const lower = w.toLowerCase();
  if (lower.length === w.length) {
    const hit = casing === 'mixed' ? null : lookupLatin(lower, cx);
    if (hit) {
      const { stemLen, target, why } = hit;
      // A final ь is dropped before a suffix (апрель → апрелдан).
      const stem = stemLen < w.length && target.endsWith('ь') ? target.slice(0, -1) : target;
      const out = applyCasing(stem, casing);
      sink.mapped(base, base + stemLen, out);
      cx.trace?.(base, base + w.length, why);
      return latinRules(w, base, stemLen, w.length, latinClass(w.charAt(stemLen - 1)), sink);
    }
    if (isIzofa(lower)) {
      // The y of -yi is not written in Cyrillic: convert the word without it.
      latinRules(w, base, 0, w.length - 2, 'start', sink);
      sink.mapped(base + w.length - 2, base + w.length, isUpper(w.charAt(w.length - 1)) ? 'И' : 'и');
      cx.trace?.(base, base + w.length, 'izofa: vowel + yi is written и');
      return;
    }
  }
  cx.trace?.(base, base + w.length, 'letter rules');
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
  // A capital ending a word after other letters is part of capitals (аЧ → aCH, ТошДУ), never a title.
  const prev = k > 0 ? w.charAt(k - 1) : '';
  if (prev !== '' && isLetter(prev)) return true;
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
        out = after === 'ў' || after === 'ғ' || (prev === 'consonant' && 'еёюя'.includes(next) && next !== '') ? '' : TUTUQ;
        break;
      }
      case 'ь':
        out = next === 'о' || next === 'и' ? 'y' : '';
        break;
      case 'с':
        out = next === 'ҳ' ? 's' + TUTUQ : 's';
        break;
      case 'и':
        // The izofa and possessive и after a vowel at a word's end is written yi (нуқтаи → nuqtayi).
        out = k === to - 1 && k >= 2 && prev === 'vowel' && w.charAt(k - 1).toLowerCase() !== 'и' ? 'yi' : 'i';
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

export function cyrillicWordToLatin(text: string, w: string, base: number, sink: Sink, cx: WordContext = {}): void {
  const abbr = ABBR_C2L.get(w);
  if (abbr !== undefined) {
    cx.trace?.(base, base + w.length, 'abbreviation');
    return sink.mapped(base, base + w.length, abbr);
  }
  const casing = casingOf(w);
  const lower = w.toLowerCase();
  if (casing !== 'mixed' && lower.length === w.length) {
    const hit = lookupCyrillic(lower, cx);
    if (hit) {
      const { stemLen, target, why } = hit;
      sink.mapped(base, base + stemLen, applyCasing(target, casing));
      cx.trace?.(base, base + w.length, why);
      return cyrillicRules(text, w, base, stemLen, w.length, cyrillicClass(w.charAt(stemLen - 1)), sink);
    }
  }
  cx.trace?.(base, base + w.length, 'letter rules');
  cyrillicRules(text, w, base, 0, w.length, 'start', sink);
}

// Suffixes in Cyrillic, made by the rules (lar → лар), for finding stems of Cyrillic words.
for (const s of SUFFIXES) {
  const sink = new StringSink(s);
  latinRules(s, 0, 0, s.length, 'consonant', sink);
  C2L_SUFFIXES.add(sink.toString());
}
for (const [k, v] of indexSuffixes(C2L_SUFFIXES)) C2L_INDEX.set(k, v);
