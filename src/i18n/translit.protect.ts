/**
 * Spans the Uzbek transliterator (translit.ts) leaves as written whatever the script: URLs, e-mail
 * addresses, @mentions, #hashtags, domain and file names.
 */
import { FILE_EXTENSIONS, TLDS } from './translit.tables.js';

// ───────────────────────────── protected spans ─────────────────────────────

const URL_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S+$/i;
// Local part: RFC 5322 atext and dots; domain: labels joined by dots (no nested ambiguity, linear).
const EMAIL_RE = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const DOMAIN_RE = new RegExp(`^(?:[\\p{L}\\p{N}-]+\\.)+(?:${TLDS})(?:[/:?#]\\S*)?$`, 'iu');
const FILE_RE = new RegExp(`^[\\p{L}\\p{N}_-]+\\.(?:${FILE_EXTENSIONS})$`, 'iu');
const MENTION_RE = /^@[A-Za-z0-9_]{2,}$/;
/** A hashtag is an identifier people search for as typed (#Toshkent2024): never converted. */
const HASHTAG_RE = /^#[\p{L}\p{N}_\u02BB\u02BC'‘’`]*[\p{L}_][\p{L}\p{N}_\u02BB\u02BC'‘’`]*$/u;
const OPENERS = '([{«"\'“‘„<';
const CLOSERS = '.,;:!?)]}»"\'”’>';
/** Longer chunks are not addresses; the cap also bounds the regex work per chunk. */
const MAX_ADDRESS = 4096;

function isAddress(core: string): boolean {
  if (MENTION_RE.test(core) || HASHTAG_RE.test(core)) return true;
  if (!/[.@:]/.test(core)) return false;
  return URL_RE.test(core) || EMAIL_RE.test(core) || DOMAIN_RE.test(core) || FILE_RE.test(core);
}

/** Start/end pairs of URLs, e-mail addresses, mentions, domain and file names in text, in order. */
export function findProtected(text: string): number[] {
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
export function mergeRanges(a: readonly number[], b: readonly number[]): number[] {
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
