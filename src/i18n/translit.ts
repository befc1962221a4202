/**
 * Uzbek Latin ↔ Cyrillic transliteration for text, HTML and Tiptap/ProseMirror documents.
 *
 * Latin is the 1995 alphabet (Cabinet of Ministers resolution №339, 24 Aug 1995, «Oʻzbek tilining
 * asosiy imlo qoidalari» and its annex); oʻ gʻ are written with U+02BB and the tutuq belgisi with
 * U+02BC (tables in translit.tables.ts). The conversion is letter rules plus a lexicon for the words
 * the rules cannot recover (mostly Russian loanwords with ц, ь, ъ).
 *
 * The work is split by job:
 * - translit.ts (this file): the public API and plain-text conversion;
 * - translit.rules.ts: the letter rules (Latin → Cyrillic, Cyrillic → Latin, capitals) and the lexicon;
 * - translit.core.ts: options, the word scanner and what is left as written (URLs, units, foreign
 *   words, brands, Roman numerals, the keep-list);
 * - translit.chars.ts, translit.protect.ts, translit.sink.ts: character classes and apostrophes,
 *   URLs/e-mail/file names, output assembly;
 * - translit.html.ts: HTML (toCyrillicHtml, toLatinHtml); translit.doc.ts: Tiptap JSON (translitDoc);
 * - translit.tables.ts: letter tables, lexicon, abbreviations, keep-list, units.
 *
 * Characters without a mapping pass through, so nothing is ever lost; the work is one left-to-right
 * pass with bounded look-around, linear in the input length.
 */
import { StringSink } from './translit.sink.js';
import { resolve, safely, transliterate, type Script, type TranslitOptions } from './translit.core.js';

export type { Script, TranslitOptions } from './translit.core.js';
export { normalizeLatin } from './translit.core.js';
export { toCyrillicHtml, toLatinHtml } from './translit.html.js';
export { translitDoc } from './translit.doc.js';

// ───────────────────────────── public API: text ─────────────────────────────

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
