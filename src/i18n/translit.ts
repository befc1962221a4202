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
import { StringSink, type Sink } from './translit.sink.js';
import { resolve, safely, transliterate, withTrace, type Script, type TranslitOptions } from './translit.core.js';

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

// ───────────────────────────── explanations ─────────────────────────────

/** One word of an explanation: what it was, what it became and what decided it. */
export interface WordExplanation {
  from: string;
  to: string;
  why: string;
}

/** Records output pieces with the source offset they came from. */
class RecordingSink implements Sink {
  readonly starts: number[] = [];
  readonly outs: string[] = [];
  constructor(private readonly text: string) {}
  same(start: number, end: number): void {
    if (end > start) this.mapped(start, end, this.text.slice(start, end));
  }
  mapped(start: number, _end: number, out: string): void {
    this.starts.push(start);
    this.outs.push(out);
  }
}

/**
 * Converts text and says, per word, which rule, word list entry or keep rule decided its spelling
 * (for `xabar translit --explain`). Words that come out unchanged by the letter rules alone (numbers,
 * the other script) are not listed.
 */
export function explainText(text: string, to: Script, options?: TranslitOptions): { output: string; words: WordExplanation[] } {
  if (typeof text !== 'string' || text === '') return { output: typeof text === 'string' ? text : '', words: [] };
  const traces: Array<[number, number, string]> = [];
  const sink = new RecordingSink(text);
  const ok = safely(() => {
    transliterate(text, to, withTrace(resolve(options), (s, e, why) => traces.push([s, e, why])), [], sink);
    return true;
  }, false);
  if (!ok) return { output: text, words: [] };
  const words: WordExplanation[] = [];
  let p = 0;
  for (const [s, e, why] of traces.sort((a, b) => a[0] - b[0])) {
    while (p < sink.starts.length && (sink.starts[p] ?? 0) < s) p++;
    let out = '';
    for (let q = p; q < sink.starts.length && (sink.starts[q] ?? 0) < e; q++) out += sink.outs[q] ?? '';
    const from = text.slice(s, e);
    if (out !== from || why.startsWith('kept')) words.push({ from, to: out, why });
  }
  return { output: sink.outs.join(''), words };
}
