/**
 * Story bodies are structured documents in the newsroom editor's (Tiptap / ProseMirror) JSON
 * shape. This module validates them, renders them to HTML and extracts their text. Rendering
 * only knows the node and mark types below and escapes every string, so a document cannot carry
 * raw HTML; the HTML is then passed through sanitize-html as a second, independent barrier.
 */
import sanitizeHtml from 'sanitize-html';

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

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only web and mail links survive; `javascript:` and friends become plain text. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const h = href.trim();
  if (/^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(h)) return h;
  return null;
}

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

function renderText(node: DocNode): string {
  let html = escapeHtml(node.text ?? '');
  for (const mark of node.marks ?? []) {
    if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href) {
        const external = /^https?:/i.test(href);
        html = `<a href="${escapeHtml(href)}"${external ? ' rel="noopener nofollow" target="_blank"' : ''}>${html}</a>`;
      }
    } else if (MARK_TAGS[mark.type]) {
      const tag = MARK_TAGS[mark.type]!;
      html = `<${tag}>${html}</${tag}>`;
    }
  }
  return html;
}

function renderChildren(node: DocNode): string {
  return (node.content ?? []).map(renderNode).join('');
}

/** Embeds are stored as provider + id, never as HTML; we render a privacy-friendly link card. */
function renderEmbed(node: DocNode): string {
  const provider = String(node.attrs?.provider ?? '');
  const url = safeHref(node.attrs?.url);
  if (!url) return '';
  const label = { youtube: 'YouTube', telegram: 'Telegram', x: 'X' }[provider] ?? provider;
  return `<figure class="embed embed-${escapeHtml(provider)}"><a href="${escapeHtml(url)}" rel="noopener nofollow" target="_blank">${escapeHtml(label)}: ${escapeHtml(url)}</a></figure>`;
}

function renderNode(node: DocNode): string {
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
      const alt = escapeHtml(String(node.attrs?.alt ?? ''));
      const caption = String(node.attrs?.caption ?? '');
      const w = Number(node.attrs?.width) || undefined;
      const h = Number(node.attrs?.height) || undefined;
      const size = w && h ? ` width="${w}" height="${h}"` : '';
      return `<figure><img src="${escapeHtml(src)}" alt="${alt}"${size} loading="lazy" decoding="async">${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
    }
    case 'embed':
      return renderEmbed(node);
    default: {
      const tag = BLOCK_TAGS[node.type];
      if (!tag) return renderChildren(node); // unknown wrapper: keep its text, drop the wrapper
      if (tag === 'table') return `<div class="table-wrap"><table><tbody>${renderChildren(node)}</tbody></table></div>`;
      return `<${tag}>${renderChildren(node)}</${tag}>`;
    }
  }
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'strong', 'em', 's', 'u', 'sub', 'sup', 'code', 'a', 'ul', 'ol', 'li', 'blockquote', 'br', 'hr', 'figure', 'figcaption', 'img', 'div', 'table', 'tbody', 'tr', 'th', 'td', 'span'],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding', 'srcset', 'sizes'],
    figure: ['class'],
    div: ['class'],
    span: ['class'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

export function renderDoc(doc: StoryDoc): string {
  return sanitizeHtml(doc.content.map(renderNode).join('\n'), SANITIZE);
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
    if (node.type === 'text') into.push(node.text ?? '');
    else if (node.type === 'image') into.push(String(node.attrs?.caption ?? ''));
    else for (const c of node.content ?? []) walk(c, into);
  };
  for (const n of doc.content) {
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
    if (node.type === 'image' || node.type === 'embed') n++;
    for (const c of node.content ?? []) walk(c);
  };
  doc.content.forEach(walk);
  return n;
}

const KNOWN_NODES = new Set(['paragraph', 'heading', 'text', 'hardBreak', 'horizontalRule', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'image', 'embed', 'table', 'tableRow', 'tableHeader', 'tableCell']);
const KNOWN_MARKS = new Set(['bold', 'italic', 'strike', 'link', 'code', 'underline', 'subscript', 'superscript']);
/** Where each embed provider's posts live; anything else is not an embed of that provider. */
const EMBED_HOSTS: Record<string, RegExp> = {
  youtube: /^https:\/\/(www\.|m\.)?(youtube\.com|youtu\.be)\//i,
  telegram: /^https:\/\/t\.me\/[A-Za-z0-9_]+\/\d+/i,
  x: /^https:\/\/(www\.)?(x|twitter)\.com\/[A-Za-z0-9_]+\/status\/\d+/i,
};

export function isEmbedUrl(provider: string, url: string): boolean {
  return !!EMBED_HOSTS[provider]?.test(url);
}

/**
 * Reduces an editor document to the nodes, marks and attributes we render; drops the rest. The
 * server stores only this, so a crafted request cannot smuggle markup or event handlers.
 */
export function normalizeDoc(input: unknown): StoryDoc {
  const clean = (node: unknown, depth: number): DocNode | null => {
    if (!node || typeof node !== 'object' || depth > 40) return null;
    const n = node as DocNode;
    if (!KNOWN_NODES.has(n.type)) return null;
    if (n.type === 'text') {
      if (typeof n.text !== 'string' || n.text.length === 0) return null;
      const marks: DocMark[] = [];
      for (const m of n.marks ?? []) {
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
        alt: String(n.attrs?.alt ?? '').slice(0, 500),
        caption: String(n.attrs?.caption ?? '').slice(0, 1000),
        mediaId: Number.isInteger(n.attrs?.mediaId) ? n.attrs?.mediaId : null,
        ...(Number(n.attrs?.width) > 0 && Number(n.attrs?.height) > 0 ? { width: Number(n.attrs?.width), height: Number(n.attrs?.height) } : {}),
      };
    }
    if (n.type === 'embed') {
      const provider = String(n.attrs?.provider ?? '');
      const url = String(n.attrs?.url ?? '').trim();
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
    if (n.type === 'image' && Number.isInteger(n.attrs?.mediaId)) ids.push(n.attrs!.mediaId as number);
    (n.content ?? []).forEach(walk);
  };
  doc.content.forEach(walk);
  return ids;
}
