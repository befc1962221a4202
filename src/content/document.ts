/**
 * Story bodies are structured documents in the newsroom editor's (Tiptap / ProseMirror) JSON
 * shape. This module validates them, renders them to HTML and extracts their text. Rendering
 * only knows the node and mark types below and escapes every string, so a document cannot carry
 * raw HTML; the HTML is then passed through sanitize-html as a second, independent barrier.
 */
import sanitizeHtml from 'sanitize-html';
import { z, type ZodTypeAny } from 'zod';
import { ValidationError } from '../errors.js';
import { Id, key } from '../http/validate.js';
// escapeHtml/safeHref live in their own module so that blocks.ts can use them without an import cycle.
import { escapeHtml, safeHref } from './html.js';
import { blockImageCount, blockMediaIds, blockText, GalleryAttrs, normalizeGallery, normalizeVideo, renderGallery, renderVideo, VideoAttrs, type BlockLabels } from './blocks.js';

export { escapeHtml, safeHref };
import { type ApiMessage, isApiMessageKey, msg, msgDynamic } from '../i18n/api-messages.js';

export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: DocMark[];
}
export interface StoryDoc {
  type: 'doc';
  content: DocNode[];
}

const BLOCK_TAGS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  table: 'table',
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
};

const MARK_TAGS: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', code: 'code', underline: 'u', subscript: 'sub', superscript: 'sup' };


export function paragraphsToDoc(paragraphs: string[]): StoryDoc {
  return {
    type: 'doc',
    content: paragraphs
      .map((p) => p.trim())
      .filter(Boolean)
      .map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

export function isStoryDoc(value: unknown): value is StoryDoc {
  return !!value && typeof value === 'object' && (value as StoryDoc).type === 'doc' && Array.isArray((value as StoryDoc).content);
}

/** A stored attribute as text; anything that is not a string or number renders as nothing. */
function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}
const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

function renderText(node: DocNode): string {
  let html = escapeHtml(str(node.text));
  for (const mark of list(node.marks)) {
    if (!mark || typeof mark !== 'object') continue;
    if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href) {
        const external = /^https?:/i.test(href);
        html = `<a href="${escapeHtml(href)}"${external ? ' rel="noopener nofollow" target="_blank"' : ''}>${html}</a>`;
      }
    } else if (Object.hasOwn(MARK_TAGS, mark.type)) {
      const tag = MARK_TAGS[mark.type]!;
      html = `<${tag}>${html}</${tag}>`;
    }
  }
  return html;
}

function renderChildren(node: DocNode): string {
  return list(node.content).map(renderNode).join('');
}

/** Embeds are stored as provider + id, never as HTML; we render a privacy-friendly link card. */
const EMBED_LABELS = new Map([['youtube', 'YouTube'], ['telegram', 'Telegram'], ['x', 'X']]);

function renderEmbed(node: DocNode): string {
  const provider = str(node.attrs?.provider);
  const url = safeHref(node.attrs?.url);
  if (!url) return '';
  const label = EMBED_LABELS.get(provider) ?? provider;
  return `<figure class="embed embed-${escapeHtml(provider)}"><a href="${escapeHtml(url)}" rel="noopener nofollow" target="_blank">${escapeHtml(label)}: ${escapeHtml(url)}</a></figure>`;
}

function renderNode(node: DocNode): string {
  if (!node || typeof node !== 'object') return '';
  switch (node.type) {
    case 'text':
      return renderText(node);
    case 'hardBreak':
      return '<br>';
    case 'horizontalRule':
      return '<hr>';
    case 'heading': {
      // h1 belongs to the headline; body headings start at h2.
      const level = Math.min(4, Math.max(2, Number(node.attrs?.level) || 2));
      return `<h${level}>${renderChildren(node)}</h${level}>`;
    }
    case 'image': {
      const src = safeHref(node.attrs?.src);
      if (!src) return '';
      const alt = escapeHtml(str(node.attrs?.alt));
      const caption = str(node.attrs?.caption);
      const w = Number(node.attrs?.width) || undefined;
      const h = Number(node.attrs?.height) || undefined;
      const size = w && h ? ` width="${w}" height="${h}"` : '';
      return `<figure><img src="${escapeHtml(src)}" alt="${alt}"${size} loading="lazy" decoding="async">${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
    }
    case 'embed':
      return renderEmbed(node);
    case 'gallery':
      return renderGallery(node, ++rendering.galleries, rendering.labels);
    case 'video':
      return renderVideo(node);
    default: {
      const tag = Object.hasOwn(BLOCK_TAGS, node.type) ? BLOCK_TAGS[node.type] : undefined;
      if (!tag) return renderChildren(node); // unknown wrapper: keep its text, drop the wrapper
      if (tag === 'table') return `<div class="table-wrap"><table><tbody>${renderChildren(node)}</tbody></table></div>`;
      return `<${tag}>${renderChildren(node)}</${tag}>`;
    }
  }
}

/** One render's state (renderDoc is synchronous, so one module-level slot is enough): gallery numbering and labels. */
const rendering: { galleries: number; labels: BlockLabels | undefined } = { galleries: 0, labels: undefined };

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['video', 'source', 'p', 'h2', 'h3', 'h4', 'strong', 'em', 's', 'u', 'sub', 'sup', 'code', 'a', 'ul', 'ol', 'li', 'blockquote', 'br', 'hr', 'figure', 'figcaption', 'img', 'div', 'table', 'tbody', 'tr', 'th', 'td', 'span'],
  allowedAttributes: {
    a: ['href', 'rel', 'target', 'class', 'aria-label'],
    video: ['controls', 'preload', 'poster', 'width', 'height'],
    source: ['src', 'type'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding', 'srcset', 'sizes', 'class'],
    figure: ['class', 'id'],
    div: ['class', 'id'],
    span: ['class'],
  },
  // The gallery's two images of a photo (blocks.ts); no other class on an image survives.
  allowedClasses: { img: ['gallery-thumb', 'gallery-full'] },
  // <source> is a void element; sanitize-html would otherwise write a closing tag for it.
  selfClosing: [...sanitizeHtml.defaults.selfClosing, 'source'],
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

/** `labels` name the gallery's lightbox links in the edition's language. */
export function renderDoc(doc: StoryDoc, labels?: BlockLabels): string {
  rendering.galleries = 0;
  rendering.labels = labels;
  return sanitizeHtml(list(doc.content).map(renderNode).join('\n'), SANITIZE);
}

/**
 * Puts the dateline (already-escaped HTML) in front of the first paragraph's text, where an
 * agency prints it; a body that starts with something else gets a paragraph of its own.
 */
export function withLeadIn(bodyHtml: string, leadInHtml: string): string {
  if (!leadInHtml) return bodyHtml;
  return bodyHtml.startsWith('<p>') ? `<p>${leadInHtml} ${bodyHtml.slice(3)}` : `<p>${leadInHtml}</p>\n${bodyHtml}`;
}

/** Plain text of the document, blocks separated by blank lines (for word counts and search). */
export function docText(doc: StoryDoc): string {
  const blocks: string[] = [];
  const walk = (node: DocNode, into: string[]): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'text') into.push(str(node.text));
    else if (node.type === 'image') into.push(str(node.attrs?.caption));
    else if (node.type === 'gallery' || node.type === 'video') into.push(blockText(node));
    else for (const c of list(node.content)) walk(c, into);
  };
  for (const n of list(doc.content)) {
    const acc: string[] = [];
    walk(n, acc);
    const t = acc.join('').trim();
    if (t) blocks.push(t);
  }
  return blocks.join('\n\n');
}

export function countImages(doc: StoryDoc): number {
  let n = 0;
  const walk = (node: DocNode): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'image' || node.type === 'embed') n++;
    n += blockImageCount(node);
    for (const c of list(node.content)) walk(c);
  };
  list(doc.content).forEach(walk);
  return n;
}

const KNOWN_NODES = new Set(['paragraph', 'heading', 'text', 'hardBreak', 'horizontalRule', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'image', 'embed', 'table', 'tableRow', 'tableHeader', 'tableCell', 'gallery', 'video']);
const KNOWN_MARKS = new Set(['bold', 'italic', 'strike', 'link', 'code', 'underline', 'subscript', 'superscript']);
/** Where each embed provider's posts live; anything else is not an embed of that provider. */
// A Map, not an object: a provider named `__proto__`, `constructor` or `toString` must find nothing.
const EMBED_HOSTS = new Map<string, RegExp>([
  ['youtube', /^https:\/\/(www\.|m\.)?(youtube\.com|youtu\.be)\//i],
  ['telegram', /^https:\/\/t\.me\/[A-Za-z0-9_]+\/\d+/i],
  ['x', /^https:\/\/(www\.)?(x|twitter)\.com\/[A-Za-z0-9_]+\/status\/\d+/i],
]);

export function isEmbedUrl(provider: string, url: string): boolean {
  return !!EMBED_HOSTS.get(provider)?.test(url);
}

/** How deep nodes may nest (a table cell in a list item in a quote is 6) and how many a body may hold. */
export const MAX_DOC_DEPTH = 40;
export const MAX_DOC_NODES = 20_000;

// The shape of what the editor sends (docs/newsroom-api.md, "Body document"). Unknown node and
// mark types pass the shape check and are then dropped; the attributes we keep are type-checked.
const text = (max: number) => z.string().max(max).nullish();
const size = z.union([z.number().finite().nonnegative(), z.string().max(12)]).nullish();
const NODE_ATTRS = new Map<string, ZodTypeAny>([
  ['heading', z.object({ level: z.number().int().min(1).max(6).nullish() })],
  ['image', z.object({ src: text(2000), alt: text(2000), title: text(2000), caption: text(5000), mediaId: Id.nullish(), width: size, height: size })],
  ['embed', z.object({ provider: text(40), url: text(2000) })],
  ['gallery', GalleryAttrs],
  ['video', VideoAttrs],
]);
const LinkAttrs = z.object({ href: text(2000), target: text(40), rel: text(200), class: text(200) });
const Attrs = z.record(z.unknown()).nullish();
const Mark = z
  .object({ type: z.string().max(40), attrs: Attrs })
  .superRefine((m, ctx) => {
    if (m.type !== 'link' || !m.attrs) return;
    const r = LinkAttrs.safeParse(m.attrs);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ ...i, path: ['attrs', ...i.path] } as z.IssueData);
  });
interface RawNode {
  type: string;
  attrs?: Record<string, unknown> | null;
  content?: RawNode[] | null;
  text?: string | null;
  marks?: z.infer<typeof Mark>[] | null;
}
const Node: z.ZodType<RawNode> = z.lazy(() =>
  z
    .object({ type: z.string().max(40), attrs: Attrs, content: z.array(Node).nullish(), text: z.string().nullish(), marks: z.array(Mark).nullish() })
    .superRefine((n, ctx) => {
      const schema = NODE_ATTRS.get(n.type);
      if (!schema) return;
      if (!n.attrs) {
        if (n.type === 'gallery' || n.type === 'video') ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['attrs'], message: key('body.attrs_missing'), params: { type: n.type } });
        return;
      }
      const r = schema.safeParse(n.attrs);
      if (!r.success) for (const i of r.error.issues) ctx.addIssue({ ...i, path: ['attrs', ...i.path] } as z.IssueData);
    }),
);
const Doc = z.object({ type: z.literal('doc'), content: z.array(Node) });

const refuse = (m: ApiMessage): never => {
  throw new ValidationError(msg('form.invalid'), [{ field: 'body', ...m }]);
};

/** Depth and node count, measured without recursion (a hostile body may be deeper than the stack). */
function measure(input: unknown): { depth: number; nodes: number } {
  let depth = 0;
  let nodes = 0;
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    const children = (v as { content?: unknown }).content;
    nodes++;
    depth = Math.max(depth, d);
    if (depth > MAX_DOC_DEPTH || nodes > MAX_DOC_NODES) break;
    if (Array.isArray(children)) for (const c of children) stack.push([c, d + 1]);
  }
  return { depth, nodes };
}

/**
 * Checks that a body is a document the editor could have written before anything reads it:
 * bounded depth and size, every node an object with a string type, arrays where arrays go, and
 * the attributes we keep of the right types. Throws a 422 with a field error on `body`.
 */
export function validateDoc(input: unknown): StoryDoc {
  const { depth, nodes } = measure(input);
  if (depth > MAX_DOC_DEPTH) refuse(msg('body.too_deep', { max: MAX_DOC_DEPTH }));
  if (nodes > MAX_DOC_NODES) refuse(msg('body.too_many_parts', { max: MAX_DOC_NODES }));
  const r = Doc.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0]!;
    if (isApiMessageKey(i.message)) refuse(msgDynamic(i.message, i.code === 'custom' ? (i.params ?? {}) : {}));
    refuse(msg('body.unreadable', { path: i.path.join('.') || 'document', detail: i.message }));
  }
  return input as StoryDoc;
}

/**
 * Reduces an editor document to the nodes, marks and attributes we render; drops the rest. The
 * server stores only this, so a crafted request cannot smuggle markup or event handlers.
 */
export function normalizeDoc(input: unknown): StoryDoc {
  if (input === null || input === undefined) return { type: 'doc', content: [] };
  validateDoc(input);
  const clean = (node: unknown, depth: number): DocNode | null => {
    if (!node || typeof node !== 'object' || depth > MAX_DOC_DEPTH) return null;
    const n = node as DocNode;
    if (!KNOWN_NODES.has(n.type)) return null;
    if (n.type === 'text') {
      if (typeof n.text !== 'string' || n.text.length === 0) return null;
      const marks: DocMark[] = [];
      for (const m of list(n.marks)) {
        if (!m || !KNOWN_MARKS.has(m.type)) continue;
        if (m.type !== 'link') marks.push({ type: m.type });
        else {
          const href = safeHref(m.attrs?.href);
          if (href) marks.push({ type: 'link', attrs: { href } });
        }
      }
      return marks.length ? { type: 'text', text: n.text, marks } : { type: 'text', text: n.text };
    }
    const out: DocNode = { type: n.type };
    if (n.type === 'heading') out.attrs = { level: Math.min(4, Math.max(2, Number(n.attrs?.level) || 2)) };
    if (n.type === 'image') {
      const src = safeHref(n.attrs?.src);
      if (!src) return null;
      out.attrs = {
        src,
        alt: str(n.attrs?.alt).slice(0, 500),
        caption: str(n.attrs?.caption).slice(0, 1000),
        mediaId: Number.isInteger(n.attrs?.mediaId) ? n.attrs?.mediaId : null,
        ...(Number(n.attrs?.width) > 0 && Number(n.attrs?.height) > 0 ? { width: Number(n.attrs?.width), height: Number(n.attrs?.height) } : {}),
      };
    }
    if (n.type === 'gallery') return normalizeGallery(n.attrs);
    if (n.type === 'video') return normalizeVideo(n.attrs);
    if (n.type === 'embed') {
      const provider = str(n.attrs?.provider);
      const url = str(n.attrs?.url).trim();
      if (!isEmbedUrl(provider, url)) return null;
      out.attrs = { provider, url };
    }
    if (Array.isArray(n.content)) {
      const children = n.content.map((c) => clean(c, depth + 1)).filter((c): c is DocNode => c !== null);
      if (children.length) out.content = children;
    }
    return out;
  };
  const doc = input as StoryDoc;
  const content = isStoryDoc(doc) ? doc.content.map((c) => clean(c, 0)).filter((c): c is DocNode => c !== null) : [];
  return { type: 'doc', content };
}

/** Media ids referenced by image nodes of a document. */
export function docMediaIds(doc: StoryDoc): number[] {
  const ids: number[] = [];
  const walk = (n: DocNode): void => {
    if (!n || typeof n !== 'object') return;
    if (n.type === 'image' && Number.isInteger(n.attrs?.mediaId)) ids.push(n.attrs!.mediaId as number);
    ids.push(...blockMediaIds(n));
    list(n.content).forEach(walk);
  };
  list(doc.content).forEach(walk);
  return ids;
}
