/**
 * HTML for the Uzbek transliterator (translit.ts): converts text between tags and alt/title values,
 * leaving markup, entities, code and foreign or no-translate passages as written.
 */
import { OKINA, TUTUQ } from './translit.tables.js';
import { convertSpans, resolve, safely, type Resolved, type Script, type TranslitOptions } from './translit.core.js';
import type { Span } from './translit.sink.js';

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
