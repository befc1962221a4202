/**
 * Word and sentence pairs [Latin, Cyrillic] for the transliterator's tests, read from the data files
 * beside this module (sources are cited in their headers):
 * - seen.tsv: pairs used while writing the rules and word lists, grouped as below;
 * - heldout.tsv: pairs written afterwards and not used for tuning: the accuracy the docs report.
 */
import fs from 'node:fs';

export type Pair = readonly [latin: string, cyrillic: string];

/** Rows of a pair file by group: `group<TAB>latin<TAB>cyrillic`, # comments. */
export function readPairs(file: string): Map<string, Pair[]> {
  const groups = new Map<string, Pair[]>();
  const text = fs.readFileSync(new URL(file, import.meta.url), 'utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [group = '', latin = '', cyrillic = ''] = line.split('\t');
    if (latin === '' || cyrillic === '') throw new Error(`bad pair line in ${file}: ${line}`);
    const list = groups.get(group) ?? [];
    list.push([latin, cyrillic]);
    groups.set(group, list);
  }
  return groups;
}

const seen = readPairs('./seen.tsv');
const group = (name: string): readonly Pair[] => seen.get(name) ?? [];

/** Everyday vocabulary (Oʻzbek tilining izohli lugʻati, 2006–2008). */
export const COMMON_WORDS = group('common');
/** News vocabulary. */
export const NEWS_WORDS = group('news');
/** ц inside words written ts. */
export const TS_RULE = group('ts');
/** The tutuq belgisi ʼ ↔ ъ. */
export const TUTUQ = group('tutuq');
/** s and h read apart: sʼh ↔ сҳ; the digraph sh followed by h (mashhur) needs no mark. */
export const S_H = group('s_h');
/** Other examples quoted in the 1995 rules (§§1–31). */
export const ORTHOGRAPHY_EXAMPLES = group('rules1995');
/** Place names (Oʻzbekiston Milliy ensiklopediyasi). */
export const PLACES = group('places');
/** Names of people. */
export const PEOPLE = group('people');
/** Months and days; the Latin months follow the 1995 rules (sentabr, oktabr), the Cyrillic keep ь. */
export const CALENDAR = group('calendar');
/** State bodies (names as on gov.uz). */
export const INSTITUTIONS = group('institutions');
/** Loanwords: ц as s, ь, ъ, йо and э (1995 annex and the Imlo lugʻati). */
export const LOANWORDS = group('loanwords');
/** Word-list words with Uzbek suffixes; a final ь is dropped before a suffix (апрелдан). */
export const INFLECTED = group('inflected');
/** Capital letters: digraphs in title case and inside all-caps words, abbreviations. */
export const CAPITALS = group('capitals');
/** News sentences. */
export const SENTENCES = group('sentences');
/** The examples quoted in issue 13 that hold both ways. */
export const ISSUE = group('issue');

/** Every seen pair; all are tested in both directions. */
export const ALL_PAIRS: readonly Pair[] = [...seen.values()].flat();

/** The held-out pairs by group. */
export const HELDOUT: ReadonlyMap<string, readonly Pair[]> = readPairs('./heldout.tsv');
