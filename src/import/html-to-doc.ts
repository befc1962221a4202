/**
 * Turns a source's post HTML — WordPress classic (paragraphs by blank lines, shortcodes), Gutenberg
 * blocks (HTML between `<!-- wp:… -->` comments) or Ghost's HTML — into the story document the
 * editor writes (src/content/document.ts): paragraphs, headings, lists, quotes, images with
 * captions, embeds (YouTube, Telegram, X), tables. What has no equivalent is kept as an `html`
 * block (sanitised when stored and when rendered) and named in `notes`, never dropped silently.
 */
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import type { DocMark, DocNode, StoryDoc } from '../content/document.js';
import { isEmbedUrl, sanitizeFragment } from '../content/document.js';

// domhandler's node types, named through htmlparser2 (domhandler is its dependency, not ours).
type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

export interface ResolvedImage {
  mediaId: number | null;
  src: string;
  width?: number;
  height?: number;
  alt?: string;
  caption?: string;
}

export interface ConvertOptions {
  /** The library image for a source URL (attachment or inline image), or null when there is none. */
  image(src: string): ResolvedImage | null;
  /** WordPress attachment ids → library images, for `[gallery ids=…]`. */
  attachment?(id: string): ResolvedImage | null;
  /** The attachments of this post, for a `[gallery]` without ids. */
  children?: () => ResolvedImage[];
}

export interface Converted {
  doc: StoryDoc;
  /** What was not converted as it was, one line each (the report lists them). */
  notes: string[];
}

const INLINE_MARKS: Record<string, string> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', s: 'strike', del: 'strike', strike: 'strike', u: 'underline', ins: 'underline', code: 'code', kbd: 'code', tt: 'code', sub: 'subscript', sup: 'superscript' };
/** Wrappers whose children are blocks in their own right: unwrapped. */
const TRANSPARENT = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'center', 'body', 'html', 'span', 'font', 'figure', 'picture', 'hgroup', 'details', 'summary', 'nav']);
const BLOCKS = new Set(['source', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'table', 'hr', 'pre', 'figure', 'div', 'section', 'img', 'iframe', 'dl', 'address', 'video', 'audio', 'object', 'embed', 'form', 'script', 'style', 'noscript']);
/** Left out without a note: they never show anything a reader would miss. */
const SILENT = new Set(['script', 'style', 'noscript', 'link', 'meta', 'template', 'br-clear']);
const KEEP_AS_HTML = new Set(['object', 'embed', 'form', 'svg', 'canvas', 'map', 'select', 'input', 'button', 'textarea']);

/** YouTube, Telegram and X addresses become embeds; a YouTube player's /embed/ URL its watch URL. */
export function embedOf(rawUrl: string): { provider: string; url: string } | null {
  const url = rawUrl.trim().replace(/^http:/, 'https:');
  const yt = /^https:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})/.exec(url);
  if (yt) return { provider: 'youtube', url: `https://www.youtube.com/watch?v=${yt[1]}` };
  for (const provider of ['youtube', 'telegram', 'x']) if (isEmbedUrl(provider, url)) return { provider, url };
  return null;
}

/** WordPress's wpautop, reduced: blank lines separate paragraphs, single newlines are line breaks. */
function autop(html: string): string {
  const blockStart = /^<(?:x-embed|x-gallery|p|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tr|td|th|hr|pre|figure|div|section|dl|address|iframe|form|script|style|!--)\b/i;
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (blockStart.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

const attr = (s: string, name: string): string => new RegExp(`${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s\\]]+))`, 'i').exec(s)?.slice(2).find((x) => x !== undefined) ?? '';

/**
 * Shortcodes → HTML the converter understands: [caption] → <figure>, [embed] and a lone URL line
 * → an embed marker, [gallery] → a gallery marker; any other [name …] is kept as text and noted.
 */
function shortcodes(html: string, notes: string[]): string {
  let out = html.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_m, attrs: string, inner: string) => {
    const img = /<img[^>]*>/i.exec(inner)?.[0] ?? '';
    const withLink = /<a[^>]*>\s*<img[^>]*>\s*<\/a>/i.exec(inner)?.[0] ?? img;
    const caption = inner.replace(withLink, '').trim() || attr(attrs, 'caption');
    return `<figure>${img}<figcaption>${caption}</figcaption></figure>`;
  });
  out = out.replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_m, url: string) => `\n\n<x-embed url="${url.trim().replace(/"/g, '&quot;')}"></x-embed>\n\n`);
  out = out.replace(/\[gallery([^\]]*)\]/gi, (_m, attrs: string) => `\n\n<x-gallery ids="${attr(attrs, 'ids').replace(/[^\d,]/g, '')}"></x-gallery>\n\n`);
  out = out.replace(/\[(\/?)([a-z][\w-]*)([^\]]*)\]/gi, (m, close: string, name: string) => {
    if (!close && !/^(caption|embed|gallery)$/i.test(name)) notes.push(`shortcode [${name}] kept as text`);
    return m;
  });
  // oEmbed: a URL alone on its line becomes the embed WordPress would have shown.
  out = out.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim, (_m, url: string) => `\n\n<x-embed url="${url.replace(/"/g, '&quot;')}"></x-embed>\n\n`);
  return out;
}

/** Gutenberg's dynamic blocks have no HTML of their own (`<!-- wp:latest-posts /-->`): say they were left out. */
function dynamicBlocks(html: string, notes: string[]): void {
  for (const m of html.matchAll(/<!--\s*wp:([a-z][\w/-]*)(\s+\{[^]*?\})?\s*\/-->/g)) notes.push(`block ${m[1]} has no content of its own (a dynamic block) and was left out`);
}

export function htmlToDoc(source: string, opts: ConvertOptions): Converted {
  const notes: string[] = [];
  let html = source ?? '';
  dynamicBlocks(html, notes);
  const isBlocks = /<!--\s*wp:/.test(html);
  // <!--more--> and <!--nextpage--> split a post on the old site; here it is one page.
  html = html.replace(/<!--\s*(more|nextpage)\b[^]*?-->/g, '');
  // Gutenberg embeds name their URL in the block comment; the HTML only has it as text.
  html = html.replace(/<!--\s*wp:(?:core-embed\/\w+|embed)\s+(\{[^]*?\})\s*-->[^]*?<!--\s*\/wp:(?:core-embed\/\w+|embed)\s*-->/g, (m, json: string) => {
    try {
      const url = (JSON.parse(json) as { url?: string }).url;
      return url ? `<x-embed url="${url.replace(/"/g, '&quot;')}"></x-embed>` : m;
    } catch {
      return m;
    }
  });
  if (!isBlocks) html = autop(shortcodes(html, notes));
  const dom = parseDocument(html, { decodeEntities: true });
  const blocks: DocNode[] = [];
  convertBlocks(dom.children, blocks, opts, notes);
  return { doc: { type: 'doc', content: blocks }, notes: [...new Set(notes)] };
}

function isElement(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function textOf(n: ChildNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  if (isElement(n)) return n.children.map(textOf).join('');
  return '';
}

function cls(el: Element): string {
  return el.attribs.class ?? '';
}

/** Inline content (text with marks, line breaks) of an element; images found inline are returned apart. */
function inline(nodes: ChildNode[], marks: DocMark[], out: DocNode[], images: Element[]): void {
  for (const n of nodes) {
    if (n.type === 'text') {
      const text = (n as unknown as { data: string }).data.replace(/\s+/g, ' ');
      if (text) out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
      continue;
    }
    if (!isElement(n)) continue;
    const name = n.name.toLowerCase();
    if (name === 'br') out.push({ type: 'hardBreak' });
    // Images and our embed/gallery markers inside a line become blocks after the paragraph.
    else if (name === 'img' || name === 'x-embed' || name === 'x-gallery') images.push(n);
    else if (SILENT.has(name)) continue;
    else if (name === 'a') {
      const href = n.attribs.href;
      inline(n.children, href ? [...marks.filter((m) => m.type !== 'link'), { type: 'link', attrs: { href } }] : marks, out, images);
    } else if (Object.hasOwn(INLINE_MARKS, name)) {
      const type = INLINE_MARKS[name]!;
      inline(n.children, marks.some((m) => m.type === type) ? marks : [...marks, { type }], out, images);
    } else inline(n.children, marks, out, images);
  }
}

/** Trims the outer spaces of an inline run and merges neighbouring texts with the same marks. */
function tidy(content: DocNode[]): DocNode[] {
  const out: DocNode[] = [];
  for (const n of content) {
    const prev = out.at(-1);
    if (n.type === 'text' && prev?.type === 'text' && JSON.stringify(prev.marks ?? []) === JSON.stringify(n.marks ?? [])) prev.text = prev.text! + n.text!;
    else out.push({ ...n });
  }
  while (out.length && out[0]!.type === 'hardBreak') out.shift();
  while (out.length && out.at(-1)!.type === 'hardBreak') out.pop();
  if (out[0]?.type === 'text') out[0].text = out[0].text!.replace(/^\s+/, '');
  const last = out.at(-1);
  if (last?.type === 'text') last.text = last.text!.replace(/\s+$/, '');
  return out.filter((n) => n.type !== 'text' || n.text);
}

function imageNode(img: Element, opts: ConvertOptions, caption: string, notes: string[]): DocNode | null {
  const src = img.attribs.src ?? '';
  if (!src) return null;
  const resolved = opts.image(src);
  if (!resolved) notes.push(`image ${src} is not in the media folder: it still points at the old address`);
  const alt = img.attribs.alt ?? resolved?.alt ?? '';
  const w = resolved?.width ?? (Number(img.attribs.width) || undefined);
  const h = resolved?.height ?? (Number(img.attribs.height) || undefined);
  return {
    type: 'image',
    attrs: { src: resolved?.src ?? src, alt, caption: caption || resolved?.caption || '', mediaId: resolved?.mediaId ?? null, ...(w && h ? { width: w, height: h } : {}) },
  };
}

function paragraphOf(nodes: ChildNode[], out: DocNode[], opts: ConvertOptions, notes: string[], type = 'paragraph', attrs?: Record<string, unknown>): void {
  const content: DocNode[] = [];
  const images: Element[] = [];
  inline(nodes, [], content, images);
  const clean = tidy(content);
  if (clean.length) out.push(attrs ? { type, attrs, content: clean } : { type, content: clean });
  for (const img of images) {
    if (img.name !== 'img') {
      convertBlocks([img], out, opts, notes);
      continue;
    }
    const node = imageNode(img, opts, '', notes);
    if (node) out.push(node);
  }
}

function htmlBlock(el: Element, out: DocNode[], notes: string[], why: string): void {
  const html = sanitizeFragment(render(el, { encodeEntities: 'utf8' })).trim();
  if (!html) {
    notes.push(`<${el.name}> left out: nothing of it may be shown on the site`);
    return;
  }
  notes.push(why);
  out.push({ type: 'html', attrs: { html } });
}

function galleryOf(images: ResolvedImage[], out: DocNode[], notes: string[]): void {
  const inLibrary = images.filter((i) => i.mediaId !== null);
  if (inLibrary.length && inLibrary.length === images.length) {
    out.push({ type: 'gallery', attrs: { items: inLibrary.slice(0, 60).map((i) => ({ mediaId: i.mediaId, src: i.src, alt: i.alt ?? '', caption: i.caption ?? '', ...(i.width && i.height ? { width: i.width, height: i.height } : {}) })) } });
    if (inLibrary.length > 60) notes.push(`gallery of ${inLibrary.length} photos cut to 60`);
    return;
  }
  if (images.length) notes.push('gallery with photos missing from the media folder: kept as single images');
  for (const i of images) out.push({ type: 'image', attrs: { src: i.src, alt: i.alt ?? '', caption: i.caption ?? '', mediaId: i.mediaId } });
}

function listOf(el: Element, out: DocNode[], opts: ConvertOptions, notes: string[]): void {
  const items: DocNode[] = [];
  for (const li of el.children) {
    if (!isElement(li)) continue;
    if (li.name !== 'li') continue;
    const content: DocNode[] = [];
    // A list item holds paragraphs and nested lists.
    const runs: ChildNode[] = [];
    const flush = () => {
      if (runs.length) paragraphOf(runs.splice(0), content, opts, notes);
    };
    for (const c of li.children) {
      if (isElement(c) && (c.name === 'ul' || c.name === 'ol')) {
        flush();
        listOf(c, content, opts, notes);
      } else if (isElement(c) && c.name === 'p') {
        flush();
        paragraphOf(c.children, content, opts, notes);
      } else runs.push(c);
    }
    flush();
    items.push({ type: 'listItem', content: content.length ? content : [{ type: 'paragraph' }] });
  }
  if (items.length) out.push({ type: el.name === 'ol' ? 'orderedList' : 'bulletList', content: items });
}

function tableOf(el: Element, out: DocNode[], opts: ConvertOptions, notes: string[]): void {
  const rows: DocNode[] = [];
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') {
        const cells: DocNode[] = [];
        for (const cell of c.children) {
          if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th')) continue;
          const content: DocNode[] = [];
          paragraphOf(cell.children, content, opts, notes);
          cells.push({ type: cell.name === 'th' ? 'tableHeader' : 'tableCell', content: content.length ? content : [{ type: 'paragraph' }] });
        }
        if (cells.length) rows.push({ type: 'tableRow', content: cells });
      } else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') walk(c);
      else if (c.name === 'caption') notes.push('table caption kept as a paragraph after the table');
    }
  };
  walk(el);
  if (rows.length) out.push({ type: 'table', content: rows });
  const caption = el.children.find((c): c is Element => isElement(c) && c.name === 'caption');
  if (caption) paragraphOf(caption.children, out, opts, notes);
}

function convertBlocks(nodes: ChildNode[], out: DocNode[], opts: ConvertOptions, notes: string[]): void {
  let run: ChildNode[] = [];
  const flush = () => {
    if (run.length) paragraphOf(run, out, opts, notes);
    run = [];
  };
  for (const n of nodes) {
    if (n.type === 'comment' || n.type === 'directive') continue;
    if (n.type === 'text') {
      run.push(n);
      continue;
    }
    if (!isElement(n)) continue;
    const name = n.name.toLowerCase();
    if (!BLOCKS.has(name) && !TRANSPARENT.has(name) && !KEEP_AS_HTML.has(name) && !name.startsWith('x-') && name !== 'iframe') {
      run.push(n);
      continue;
    }
    if (name === 'span' || name === 'font') {
      run.push(n);
      continue;
    }
    flush();
    if (SILENT.has(name)) {
      if (name === 'script') notes.push('a script was left out');
      continue;
    }
    switch (name) {
      case 'p':
        paragraphOf(n.children, out, opts, notes);
        break;
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
        paragraphOf(n.children, out, opts, notes, 'heading', { level: Math.min(4, Math.max(2, Number(name[1]))) });
        break;
      case 'ul': case 'ol':
        listOf(n, out, opts, notes);
        break;
      case 'blockquote': {
        const inner: DocNode[] = [];
        convertBlocks(n.children, inner, opts, notes);
        const content = inner.filter((b) => b.type === 'paragraph' || b.type === 'bulletList' || b.type === 'orderedList' || b.type === 'heading');
        if (content.length < inner.length) notes.push('quote held images or other blocks: they follow the quote');
        if (content.length) out.push({ type: 'blockquote', content });
        out.push(...inner.filter((b) => !content.includes(b)));
        break;
      }
      case 'cite':
        paragraphOf(n.children, out, opts, notes);
        break;
      case 'hr':
        out.push({ type: 'horizontalRule' });
        break;
      case 'pre': {
        // No code blocks in the story document: a preformatted text keeps its lines as line breaks.
        const lines = textOf(n).replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
        const content: DocNode[] = [];
        lines.forEach((line, i) => {
          if (i) content.push({ type: 'hardBreak' });
          if (line) content.push({ type: 'text', text: line, marks: [{ type: 'code' }] });
        });
        if (content.length) out.push({ type: 'paragraph', content });
        notes.push('preformatted text kept as a paragraph with line breaks');
        break;
      }
      case 'table':
        tableOf(n, out, opts, notes);
        break;
      case 'img': {
        const node = imageNode(n, opts, '', notes);
        if (node) out.push(node);
        break;
      }
      case 'figure': {
        const c = cls(n);
        const img = findAll(n, 'img');
        const caption = n.children.find((x): x is Element => isElement(x) && x.name === 'figcaption');
        if (/wp-block-gallery|gallery/.test(c) && img.length > 1) {
          galleryOf(img.map((i) => {
            const r = opts.image(i.attribs.src ?? '');
            // Each photo's own caption: the figcaption of the nearest figure around it (not the gallery's).
            let fig = i.parent as Element | null;
            while (fig && fig !== n && !(isElement(fig) && fig.name === 'figure')) fig = fig.parent as Element | null;
            const cap = fig && fig !== n ? fig.children.find((x): x is Element => isElement(x) && x.name === 'figcaption') : undefined;
            return r ? { ...r, alt: i.attribs.alt ?? r.alt, caption: cap ? textOf(cap).trim() : r.caption } : { mediaId: null, src: i.attribs.src ?? '', alt: i.attribs.alt ?? '' };
          }).filter((r) => r.src), out, notes);
          break;
        }
        const table = findAll(n, 'table')[0];
        if (table) {
          tableOf(table, out, opts, notes);
          if (caption) paragraphOf(caption.children, out, opts, notes);
          break;
        }
        if (img.length === 1) {
          const node = imageNode(img[0]!, opts, caption ? textOf(caption).trim() : '', notes);
          if (node) out.push(node);
          break;
        }
        const blockquote = findAll(n, 'blockquote')[0];
        if (blockquote) {
          convertBlocks([blockquote], out, opts, notes);
          break;
        }
        const iframe = findAll(n, 'iframe')[0];
        if (iframe) {
          convertBlocks([iframe], out, opts, notes);
          break;
        }
        convertBlocks(n.children, out, opts, notes);
        break;
      }
      case 'video':
      case 'audio': {
        // Players of files on the old site: a link to the file, which the editors can re-upload.
        const src = n.attribs.src ?? findAll(n, 'source')[0]?.attribs.src ?? '';
        if (src) out.push({ type: 'paragraph', content: [{ type: 'text', text: src, marks: [{ type: 'link', attrs: { href: src } }] }] });
        notes.push(`${name} player kept as a link to ${src || 'its file'} (upload the file to show a player)`);
        break;
      }
      case 'address':
        paragraphOf(n.children.flatMap((c) => (c.type === 'text' ? splitLines(c) : [c])), out, opts, notes);
        break;
      case 'dl':
        for (const c of n.children) {
          if (!isElement(c)) continue;
          const img = findAll(c, 'img');
          if (img.length) {
            const dd = n.children.find((x): x is Element => isElement(x) && x.name === 'dd');
            const node = imageNode(img[0]!, opts, dd ? textOf(dd).trim() : '', notes);
            if (node) out.push(node);
            break;
          }
          if (c.name === 'dt') paragraphOf([{ ...c, name: 'strong' } as unknown as ChildNode], out, opts, notes);
          else if (c.name === 'dd') paragraphOf(c.children, out, opts, notes);
        }
        notes.push('definition list kept as paragraphs');
        break;
      case 'iframe': {
        const e = embedOf(n.attribs.src ?? '');
        if (e) out.push({ type: 'embed', attrs: e });
        else if (n.attribs.src && /^https?:\/\//.test(n.attribs.src)) {
          // Frames are not allowed on the site: the player's address stays as a link.
          out.push({ type: 'paragraph', content: [{ type: 'text', text: n.attribs.src, marks: [{ type: 'link', attrs: { href: n.attribs.src } }] }] });
          notes.push(`embedded frame from ${hostOf(n.attribs.src)} kept as a link (only YouTube, Telegram and X are embedded)`);
        } else notes.push('an embedded frame without an address was left out');
        break;
      }
      case 'x-embed': {
        const url = n.attribs.url ?? '';
        const e = embedOf(url);
        if (e) out.push({ type: 'embed', attrs: e });
        else {
          notes.push(`embed of ${hostOf(url)} kept as a link (only YouTube, Telegram and X are embedded)`);
          out.push({ type: 'paragraph', content: [{ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }] });
        }
        break;
      }
      case 'x-gallery': {
        const ids = (n.attribs.ids ?? '').split(',').filter(Boolean);
        const images = ids.length ? ids.map((id) => opts.attachment?.(id) ?? null) : (opts.children?.() ?? []);
        if (images.some((i) => i === null)) notes.push('gallery names attachments that are not in the export or the media folder');
        galleryOf(images.filter((i): i is ResolvedImage => i !== null), out, notes);
        break;
      }
      default:
        if (KEEP_AS_HTML.has(name)) htmlBlock(n, out, notes, `<${name}> kept as HTML`);
        else convertBlocks(n.children, out, opts, notes);
    }
  }
  flush();
}

/** A text node's lines as text and <br> nodes (for <address>, whose line breaks are meant). */
function splitLines(t: ChildNode): ChildNode[] {
  const parts = (t as unknown as { data: string }).data.split('\n');
  const doc = parseDocument(parts.map((p) => p.replace(/&/g, '&amp;').replace(/</g, '&lt;')).join('<br>'));
  return doc.children;
}

function findAll(el: Element | null | undefined, name: string): Element[] {
  const found: Element[] = [];
  const walk = (n: ChildNode) => {
    if (!isElement(n)) return;
    if (n.name === name) found.push(n);
    n.children.forEach(walk);
  };
  el?.children.forEach(walk);
  return found;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url.slice(0, 80) || 'an unknown address';
  }
}
