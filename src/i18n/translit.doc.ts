/**
 * Tiptap/ProseMirror JSON documents for the Uzbek transliterator (translit.ts).
 */
import { convertSpans, resolve, safely, type Resolved, type Script, type TranslitOptions } from './translit.core.js';

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
  return typeof node.type === 'string' && (/image|figure/i.test(node.type) || node.type === 'video');
}

/** A gallery's photos carry their own alt and caption (src/content/blocks.ts). */
function convertGalleryItems(node: Json, to: Script, o: Resolved): void {
  if (node.type !== 'gallery' || !isPlainObject(node.attrs) || !Array.isArray(node.attrs.items)) return;
  node.attrs = {
    ...node.attrs,
    items: node.attrs.items.map((item: unknown) => {
      if (!isPlainObject(item)) return item;
      const copy: Json = { ...item };
      for (const key of IMAGE_ATTRS) if (typeof copy[key] === 'string') copy[key] = convertSpans([{ text: copy[key] }], to, o)[0] ?? copy[key];
      return copy;
    }),
  };
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
  convertGalleryItems(out, to, o);
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
 * (except inline code and code blocks), image and video nodes' alt, caption and title, and gallery photos'
 * alt and caption are converted. Marks,
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
