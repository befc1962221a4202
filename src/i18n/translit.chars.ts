/**
 * Character classes for the Uzbek transliterator (translit.ts) and what an apostrophe in Latin text
 * stands for (ʻ of oʻ/gʻ, the tutuq ʼ, or a quotation mark).
 */
import { APOSTROPHES, LATIN_VOWELS, OKINA, TUTUQ } from './translit.tables.js';

// ───────────────────────────── character classes ─────────────────────────────

const LETTER_RE = /[\p{L}\p{M}]/u;
export const NON_ASCII_LATIN_RE = /\p{Script=Latin}/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters and combining marks of the BMP; the apostrophes (ʻ ʼ are Unicode letters) are not. */
export function isLetter(ch: string): boolean {
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

export function isWordChar(ch: string): boolean {
  return ch !== '' && (isDigit(ch) || isLetter(ch));
}

export function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

export function isHyphen(ch: string): boolean {
  return ch === '-' || ch === '\u2010' || ch === '\u2011';
}

export const isLatinVowel = (ch: string): boolean => ch !== '' && LATIN_VOWELS.includes(ch.toLowerCase());

/**
 * What an apostrophe at text[i] stands for. After o/g it is the ʻ of oʻ/gʻ when a letter follows, when
 * it is already ʻ or ʼ, or (gʻ only) at the end of a word after a vowel: bogʻ, togʻ — but sening' ends
 * a quotation. After another Latin letter it is the tutuq when a letter follows or it is already ʻ/ʼ
 * (maʼno, mavqeʼ). Anything else is a quotation mark.
 */
export function apostropheRole(text: string, i: number): string | null {
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
    // A standalone letter: G‘ and O‘ name the letters; lower case only with a turned comma, since
    // o' and g' with a straight quote or ’ also end quotations.
    if (i < 2 || !isLetter(text.charAt(i - 2))) {
      if (prev !== p || ch === '\u2018' || ch === '`') return OKINA;
    }
    if (p === 'g' && isLatinVowel(text.charAt(i - 2))) return OKINA;
    return null;
  }
  return letterNext || explicit ? TUTUQ : null;
}
