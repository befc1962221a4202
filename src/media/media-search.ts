/**
 * The text media search looks in: alt texts, captions, credit and file name, case-folded in JS
 * like story search (`foldForSearch`), because SQLite's lower()/LIKE fold ASCII only (and
 * PostgreSQL's depend on the database's locale). Uzbek apostrophes (ʻ ʼ ' ` ‘ ’) are dropped in
 * the stored text and in the query alike, so «Oʻzbekiston» and «O'zbekiston» meet.
 */
import { foldForSearch } from '../db/dialect.js';

const APOSTROPHES = /[\u02bb\u02bc'`‘’]/g;

export function foldMediaText(text: string): string {
  return foldForSearch(text.replace(APOSTROPHES, ''));
}

/** One column's worth: every searchable text of an image, folded, separated so words do not join. */
export function mediaSearchText(parts: { originalName: string; credit: string; texts: { alt: string; caption: string }[] }): string {
  return foldMediaText([parts.originalName, parts.credit, ...parts.texts.flatMap((t) => [t.alt, t.caption])].filter(Boolean).join(' \u2022 '));
}

/** A LIKE pattern for a reader's query: folded, with LIKE's own wildcards removed. */
export function mediaLikePattern(q: string): string {
  return `%${foldMediaText(q).replace(/[%_\\]/g, '')}%`;
}
