/**
 * Reads a WordPress eXtended RSS export (WXR 1.0–1.2) as a stream of small records, never the whole
 * file: htmlparser2's push parser (xmlMode) is fed one chunk at a time and the records completed in
 * that chunk are handed out before the next chunk is read, so memory holds one chunk plus the item
 * being read, whatever the file's size (a 2 GB export is read the same way as a 600 KB one).
 *
 * Records: the site (title, link, language) once its header is read, then authors, categories,
 * tags and other terms from the channel head, then items (posts, pages, attachments, menu items…)
 * in file order. Comments inside items are skipped.
 */
import fs from 'node:fs';
import { Parser } from 'htmlparser2';

export interface WxrSite {
  title: string;
  link: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  language: string;
  wxrVersion: string;
}
export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}
export interface WxrTerm {
  /** 'category', 'post_tag', or a custom taxonomy (Polylang: 'language', 'post_translations'). */
  taxonomy: string;
  id: string;
  slug: string;
  parent: string;
  name: string;
  description: string;
}
export interface WxrItem {
  title: string;
  link: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postName: string;
  status: string;
  postParent: string;
  postType: string;
  password: string;
  isSticky: boolean;
  attachmentUrl: string;
  /** `<category domain=… nicename=…>name</category>`: categories, tags and custom taxonomies. */
  terms: { domain: string; slug: string; name: string }[];
  meta: Map<string, string>;
}
export type WxrRecord =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem };

/** The file is not what the command expects; the message names the file and what to do. */
export class WxrFormatError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'WxrFormatError';
  }
}

const newItem = (): WxrItem => ({
  title: '', link: '', creator: '', guid: '', content: '', excerpt: '', postId: '', postDate: '', postDateGmt: '', postName: '', status: '',
  postParent: '', postType: '', password: '', isSticky: false, attachmentUrl: '', terms: [], meta: new Map(),
});

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title', link: 'link', 'dc:creator': 'creator', guid: 'guid', 'content:encoded': 'content', 'excerpt:encoded': 'excerpt', 'wp:post_id': 'postId',
  'wp:post_date': 'postDate', 'wp:post_date_gmt': 'postDateGmt', 'wp:post_name': 'postName', 'wp:status': 'status', 'wp:post_parent': 'postParent',
  'wp:post_type': 'postType', 'wp:post_password': 'password', 'wp:attachment_url': 'attachmentUrl',
};

/**
 * Reads `file` and yields its records. `onBytes` is told how far into the file the reader is
 * (for a progress bar); `from` skips nothing — resumption is the importer's (recorded source ids).
 */
export async function* readWxr(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<WxrRecord> {
  const out: WxrRecord[] = [];
  const path: string[] = [];
  let text = '';
  let sawRss = false;
  const site: WxrSite = { title: '', link: '', baseSiteUrl: '', baseBlogUrl: '', language: '', wxrVersion: '' };
  let siteSent = false;
  let item: WxrItem | null = null;
  let author: Partial<WxrAuthor> | null = null;
  let term: WxrTerm | null = null;
  let metaKey = '';
  let metaValue = '';
  let category: { domain: string; slug: string } | null = null;
  let inComment = 0;

  const sendSite = () => {
    if (siteSent) return;
    siteSent = true;
    out.push({ kind: 'site', site: { ...site } });
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        path.push(name);
        text = '';
        if (name === 'rss') sawRss = true;
        if (name === 'wp:comment') inComment++;
        if (inComment) return;
        if (name === 'item') {
          sendSite();
          item = newItem();
        } else if (name === 'wp:author' && !item) {
          sendSite();
          author = {};
        } else if (!item && (name === 'wp:category' || name === 'wp:tag' || name === 'wp:term')) {
          sendSite();
          term = { taxonomy: name === 'wp:category' ? 'category' : name === 'wp:tag' ? 'post_tag' : '', id: '', slug: '', parent: '', name: '', description: '' };
        } else if (name === 'category' && item) {
          category = { domain: attrs.domain ?? 'category', slug: attrs.nicename ?? '' };
        } else if (name === 'wp:postmeta') {
          metaKey = '';
          metaValue = '';
        }
      },
      ontext(t) {
        text += t;
      },
      onclosetag(name) {
        path.pop();
        const value = text;
        text = '';
        if (name === 'wp:comment') {
          inComment--;
          return;
        }
        if (inComment) return;
        if (item) {
          if (name === 'item') {
            out.push({ kind: 'item', item });
            item = null;
          } else if (name === 'category' && category) {
            item.terms.push({ domain: category.domain, slug: category.slug, name: value.trim() });
            category = null;
          } else if (name === 'wp:meta_key') metaKey = value.trim();
          else if (name === 'wp:meta_value') metaValue = value;
          else if (name === 'wp:postmeta') {
            if (metaKey) item.meta.set(metaKey, metaValue);
          } else if (name === 'wp:is_sticky') item.isSticky = value.trim() === '1';
          else if (Object.hasOwn(ITEM_FIELDS, name) && path.at(-1) === 'item') {
            const k = ITEM_FIELDS[name]!;
            (item as unknown as Record<string, string>)[k] = k === 'content' || k === 'excerpt' ? value : value.trim();
          }
          return;
        }
        if (author) {
          const map: Record<string, keyof WxrAuthor> = { 'wp:author_id': 'id', 'wp:author_login': 'login', 'wp:author_email': 'email', 'wp:author_display_name': 'displayName', 'wp:author_first_name': 'firstName', 'wp:author_last_name': 'lastName' };
          if (name === 'wp:author') {
            const a = author;
            out.push({ kind: 'author', author: { id: a.id ?? '', login: a.login ?? '', email: a.email ?? '', displayName: a.displayName ?? '', firstName: a.firstName ?? '', lastName: a.lastName ?? '' } });
            author = null;
          } else if (map[name]) author[map[name]!] = value.trim();
          return;
        }
        if (term) {
          if (name === 'wp:category' || name === 'wp:tag' || name === 'wp:term') {
            out.push({ kind: 'term', term });
            term = null;
            return;
          }
          const field = name.replace(/^wp:/, '');
          if (field === 'term_id') term.id = value.trim();
          else if (field === 'category_nicename' || field === 'tag_slug' || field === 'term_slug') term.slug = value.trim();
          else if (field === 'category_parent' || field === 'term_parent') term.parent = value.trim();
          else if (field === 'cat_name' || field === 'tag_name' || field === 'term_name') term.name = value.trim();
          else if (field === 'category_description' || field === 'tag_description' || field === 'term_description') term.description = value.trim();
          else if (field === 'term_taxonomy') term.taxonomy = value.trim();
          return;
        }
        // Channel-level fields (only directly under <channel>).
        if (path.at(-1) === 'channel') {
          if (name === 'title') site.title = value.trim();
          else if (name === 'link') site.link = value.trim();
          else if (name === 'language') site.language = value.trim();
          else if (name === 'wp:base_site_url') site.baseSiteUrl = value.trim();
          else if (name === 'wp:base_blog_url') site.baseBlogUrl = value.trim();
          else if (name === 'wp:wxr_version') site.wxrVersion = value.trim();
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );

  let stream: fs.ReadStream;
  try {
    await fs.promises.access(file, fs.constants.R_OK);
    stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new WxrFormatError(file, `${code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' ? 'the file is not readable' : (err as Error).message}`);
  }
  let checkedStart = false;
  for await (const chunk of stream as AsyncIterable<string>) {
    if (!checkedStart) {
      checkedStart = true;
      // A JSON file or an HTML page given by mistake: say so instead of importing nothing.
      if (!/^\s*(\uFEFF)?\s*</.test(chunk)) throw new WxrFormatError(file, `this is not an XML file (a WordPress export starts with <?xml or <rss)`);
    }
    parser.write(chunk);
    onBytes?.(stream.bytesRead);
    while (out.length) yield out.shift()!;
  }
  parser.end();
  while (out.length) yield out.shift()!;
  if (!sawRss) throw new WxrFormatError(file, `no <rss> element — this is not a WordPress export (Tools → Export in WordPress writes one)`);
  if (!siteSent) out.push({ kind: 'site', site });
  while (out.length) yield out.shift()!;
}
