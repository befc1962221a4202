/**
 * `xabar import wordpress FILE.xml`: a WordPress export (WXR) into stories, static pages, the media
 * library, authors, sections and tags, with the old addresses redirecting (docs/import.md).
 *
 * Two streamed passes over the file: the first stores the attachments (so a post's featured and
 * inline images are in the library whatever their order in the file), the second writes posts and
 * pages. Memory holds one item at a time plus a map of attachments (id → library image), terms
 * and authors — small next to the posts, which are never held.
 */
import fs from 'node:fs';
import type { EditionStatus } from '../db/schema.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import { zonedToInstant } from '../i18n/dates.js';
import { urls } from '../site/urls.js';
import type { ResolvedImage } from './html-to-doc.js';
import { ImportWriter, SkipItem, type ImportDeps, type SourceAuthor, type SourceTerm } from './importer.js';
import { mediaSource, uploadsPath, withoutSizeSuffix } from './media-source.js';
import { ImportReport } from './report.js';
import { readWxr, type WxrItem, type WxrTerm } from './wxr-reader.js';

export interface ImportOptions {
  file: string;
  /** The language of the imported content (default: the export's, else the site's default). */
  locale?: Locale;
  dryRun?: boolean;
  mediaDir?: string;
  mediaBaseUrl?: string;
  /** Which categories become sections: top-level ones (default), none, or the listed slugs. */
  sections?: 'top' | 'none' | string[];
  /** Category slug → section slug (an existing section, or a new one of that slug). */
  sectionMap?: Record<string, string>;
  /** The zone of dates without a UTC twin (default: the site's). */
  timeZone: string;
  /** JSON report path (a .txt summary goes next to it); null: counts only. */
  reportPath: string | null;
  /** Import at most this many posts and pages (a trial run on a sample). */
  limit?: number;
  /** Progress: work done and total (bytes of the passes over the file). */
  onProgress?: (done: number, total: number) => void;
  defaultLocale: Locale;
}

export interface ImportResult {
  summaryText: string;
  report: ImportReport;
}

const ZERO_DATE = /^0000-00-00/;

/** `2030-01-01 19:00:18` (UTC, or the site's zone for a local date) → epoch ms; null when unset. */
export function wpDate(gmt: string, local: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):?(\d{2})?/;
  const g = !ZERO_DATE.test(gmt) ? m.exec(gmt) : null;
  if (g) return Date.UTC(+g[1]!, +g[2]! - 1, +g[3]!, +g[4]!, +g[5]!, +(g[6] ?? 0));
  const l = !ZERO_DATE.test(local) ? m.exec(local) : null;
  if (l) return zonedToInstant(+l[1]!, +l[2]!, +l[3]!, +l[4]!, +l[5]!, timeZone).getTime() + +(l[6] ?? 0) * 1000;
  return null;
}

/** A Polylang language slug or an export's <language> (en-US, ru-RU, uz-UZ) as a locale. */
export function localeOf(code: string): Locale | null {
  const c = code.trim().toLowerCase().replace('_', '-');
  if (/^uz-(cyrl|cy|cyr)|^oz$|^uzc$/.test(c)) return 'uz-Cyrl';
  const base = c.split('-')[0]!;
  return isLocale(base) ? base : null;
}

function statusOf(item: WxrItem, publishedAt: number | null, now: number, kind: 'post' | 'page'): { status: EditionStatus; note?: string } {
  if (item.password) return { status: 'unpublished', note: 'password-protected on the old site: imported unpublished (listed here to review)' };
  switch (item.status) {
    case 'publish':
      return { status: 'published' };
    case 'future':
      if (kind === 'page') return { status: 'draft', note: 'scheduled page: imported as a draft' };
      return publishedAt !== null && publishedAt > now ? { status: 'scheduled' } : { status: 'published', note: 'scheduled for a time already past: published' };
    case 'pending':
      return kind === 'page' ? { status: 'draft' } : { status: 'review' };
    case 'private':
      return kind === 'page' ? { status: 'draft', note: 'private page: imported as a draft' } : { status: 'unpublished', note: 'private on the old site: imported unpublished' };
    case 'draft':
      return { status: 'draft' };
    default:
      throw new SkipItem(`status «${item.status}» is not imported`);
  }
}

export async function importWordPress(d: ImportDeps, opts: ImportOptions): Promise<ImportResult> {
  const size = fs.existsSync(opts.file) ? fs.statSync(opts.file).size : 0;
  const total = size * 2;
  const files = mediaSource({ dir: opts.mediaDir, baseUrl: opts.mediaBaseUrl });

  // Pass 1: the site, authors, terms and attachments.
  let source = '';
  let locale: Locale = opts.locale ?? opts.defaultLocale;
  const authors = new Map<string, SourceAuthor>();
  const categories = new Map<string, WxrTerm>();
  const categoryById = new Map<string, WxrTerm>();
  const tags = new Map<string, WxrTerm>();
  const attachments = new Map<string, ResolvedImage | null>();
  const byPath = new Map<string, ResolvedImage>();
  const children = new Map<string, string[]>();
  let report: ImportReport | null = null;
  let writer: ImportWriter | null = null;
  let wpml = false;
  let polylang = false;
  const start = () => {
    if (writer) return writer;
    report = new ImportReport(opts.reportPath, source || `wordpress:${opts.file}`, opts.file, !!opts.dryRun);
    writer = new ImportWriter(d, source || `wordpress:${opts.file}`, report, !!opts.dryRun);
    return writer;
  };
  for await (const r of readWxr(opts.file, (b) => opts.onProgress?.(b, total))) {
    if (r.kind === 'site') {
      source = `wordpress:${(r.site.baseBlogUrl || r.site.link).replace(/\/+$/, '')}`;
      if (!opts.locale) locale = localeOf(r.site.language) ?? opts.defaultLocale;
      start();
    } else if (r.kind === 'author') {
      authors.set(r.author.login, { key: r.author.login, slug: r.author.login.toLowerCase(), name: r.author.displayName || [r.author.firstName, r.author.lastName].filter(Boolean).join(' ') || r.author.login });
    } else if (r.kind === 'term') {
      if (r.term.taxonomy === 'category') {
        categories.set(r.term.slug, r.term);
        categoryById.set(r.term.id, r.term);
      } else if (r.term.taxonomy === 'post_tag') tags.set(r.term.slug, r.term);
      else if (r.term.taxonomy === 'language' || r.term.taxonomy === 'post_translations') polylang = true;
    } else if (r.item.postType === 'attachment') {
      const w = start();
      const it = r.item;
      if (!wpml && [...it.meta.keys()].some((k) => k.startsWith('_wpml') || k.startsWith('_icl_'))) wpml = true;
      const img = await w.image({ key: it.postId, url: it.attachmentUrl || it.guid, alt: it.meta.get('_wp_attachment_image_alt') ?? '', caption: it.excerpt.trim(), title: it.title }, locale, files);
      attachments.set(it.postId, img);
      if (img) byPath.set(withoutSizeSuffix(uploadsPath(it.attachmentUrl || it.guid)), img);
      if (it.postParent && it.postParent !== '0') (children.get(it.postParent) ?? children.set(it.postParent, []).get(it.postParent)!).push(it.postId);
    }
  }
  const w = start();
  const rep = report!;

  const sectionSlugs = new Set<string>();
  const mode = opts.sections ?? 'top';
  for (const [slug, t] of categories) {
    if (opts.sectionMap?.[slug]) sectionSlugs.add(slug);
    else if (mode === 'top' && !t.parent && slug !== 'uncategorized') sectionSlugs.add(slug);
    else if (Array.isArray(mode) && mode.includes(slug)) sectionSlugs.add(slug);
  }
  if (Array.isArray(mode)) for (const s of mode) if (!categories.has(s)) rep.warn(`--sections names «${s}», which is not a category of this export`);

  // Pass 2: posts and pages.
  let written = 0;
  let menuItems = 0;
  const now = d.clock();
  const image = (src: string): ResolvedImage | null => byPath.get(withoutSizeSuffix(uploadsPath(src))) ?? null;
  try {
    for await (const r of readWxr(opts.file, (b) => opts.onProgress?.(size + b, total))) {
      if (r.kind !== 'item') continue;
      const it = r.item;
      if (!wpml && [...it.meta.keys()].some((k) => k.startsWith('_wpml') || k.startsWith('_icl_'))) wpml = true;
      if (it.postType === 'attachment') continue;
      if (it.postType === 'nav_menu_item') {
        menuItems++;
        continue;
      }
      if (it.postType !== 'post' && it.postType !== 'page') {
        rep.add({ kind: it.postType || 'item', sourceId: it.postId, title: it.title, outcome: 'skipped', status: it.status, notes: [`post type «${it.postType}» is not imported`] });
        continue;
      }
      if (opts.limit !== undefined && written >= opts.limit) break;
      const kind = it.postType;
      const publishedAt = wpDate(it.postDateGmt, it.postDate, opts.timeZone);
      let status: { status: EditionStatus; note?: string };
      try {
        status = statusOf(it, publishedAt, now, kind);
      } catch (err) {
        rep.add({ kind, sourceId: it.postId, title: it.title, outcome: 'skipped', status: it.status, notes: [(err as Error).message] });
        continue;
      }
      written++;
      const notes: string[] = status.note ? [status.note] : [];
      // Polylang: the language and the translation group are taxonomies of the item.
      const lang = it.terms.find((t) => t.domain === 'language');
      const itemLocale = (lang && localeOf(lang.slug)) || locale;
      if (lang && !localeOf(lang.slug)) notes.push(`language «${lang.slug}» is not one of the site's: imported as ${locale}`);
      const group = it.terms.find((t) => t.domain === 'post_translations')?.slug ?? null;
      // Authors: Co-Authors Plus guest authors (taxonomy «author») replace the post's user.
      const guest = it.terms.filter((t) => t.domain === 'author');
      const postAuthors = guest.length
        ? guest.map((t) => ({ key: `cap:${t.slug}`, slug: t.slug.replace(/^cap-/, ''), name: t.name }))
        : it.creator ? [authors.get(it.creator) ?? { key: it.creator, slug: it.creator.toLowerCase(), name: it.creator }] : [];
      let section: SourceTerm | null = null;
      const postTags: SourceTerm[] = [];
      for (const t of it.terms) {
        if (t.domain === 'category') {
          const cat = categories.get(t.slug);
          const term = { key: t.slug, slug: opts.sectionMap?.[t.slug] ?? t.slug, name: cat?.name ?? t.name };
          if (sectionSlugs.has(t.slug) && !section) section = term;
          else if (t.slug !== 'uncategorized') {
            postTags.push({ key: `category:${t.slug}`, slug: t.slug, name: cat?.name ?? t.name });
            if (sectionSlugs.has(t.slug)) notes.push(`also in category «${t.name}»: kept as a tag (a story has one section)`);
          }
        } else if (t.domain === 'post_tag') postTags.push({ key: `tag:${t.slug}`, slug: t.slug, name: tags.get(t.slug)?.name ?? t.name });
      }
      if (kind === 'page' && it.postParent && it.postParent !== '0') notes.push('child page: the page hierarchy is flat here (its old address still redirects)');
      if (it.isSticky) notes.push('sticky on the old site: pin it as the main story by hand if it still matters');
      const thumb = it.meta.get('_thumbnail_id');
      const featured = thumb ? (attachments.get(thumb) ?? null) : null;
      if (thumb && !featured) notes.push(`featured image (attachment ${thumb}) is missing`);
      const old = [it.link, `?p=${it.postId}`, ...(kind === 'page' ? [`?page_id=${it.postId}`] : [])];
      if (it.guid && /[?&]p(age_id)?=\d+/.test(it.guid)) old.push(it.guid);
      await w.entry({
        kind, sourceId: it.postId, title: it.title, slug: it.postName, html: it.content, excerpt: it.excerpt, sourceStatus: it.status + (it.password ? ' (password)' : ''),
        status: status.status, publishedAt: status.status === 'draft' || status.status === 'review' ? null : publishedAt, locale: itemLocale,
        authors: kind === 'post' ? postAuthors : [], section: kind === 'post' ? section : null, tags: kind === 'post' ? postTags : [],
        featured, oldUrls: old, group: kind === 'post' ? group : null, notes,
        convert: { image, attachment: (id) => attachments.get(id) ?? null, children: () => (children.get(it.postId) ?? []).map((id) => attachments.get(id)).filter((x): x is ResolvedImage => !!x) },
      });
    }
  } finally {
    // Whole items only: what the open batch holds is committed even when the file breaks off.
    await w.flush();
  }

  // Archive addresses: /category/…, /tag/…, /author/… (and their ?cat=, ?tag=, ?author= forms).
  const slugOf = async (table: 'authors', id: number | null) => (id === null ? null : ((await d.db.selectFrom(table).select('slug').where('id', '=', id).executeTakeFirst())?.slug ?? null));
  const catPath = (t: WxrTerm): string => {
    const parts = [t.slug];
    for (let p = t.parent, n = 0; p && n < 20; n++) {
      const parent = categories.get(p) ?? categoryById.get(p);
      if (!parent) break;
      parts.unshift(parent.slug);
      p = parent.parent;
    }
    return parts.join('/');
  };
  if (!opts.dryRun) {
    for (const [slug, t] of categories) {
      const asSection = await w.termAddress('section', sectionSlugs.has(slug) ? await w.termTarget('section', slug) : null, locale);
      const asTag = asSection ? null : await w.termAddress('tag', await w.termTarget('tag', `category:${slug}`), locale);
      const to = asSection ? urls.section(locale, asSection) : asTag ? urls.tag(locale, asTag) : null;
      if (!to) continue;
      await w.fixedRedirect(`/category/${catPath(t)}`, to);
      if (t.id) await w.fixedRedirect(`/?cat=${t.id}`, to);
    }
    for (const [slug] of tags) {
      const s = await w.termAddress('tag', await w.termTarget('tag', `tag:${slug}`), locale);
      if (s) await w.fixedRedirect(`/tag/${slug}`, urls.tag(locale, s));
    }
    for (const [login] of authors) {
      const s = await slugOf('authors', await w.authorTarget(login));
      if (s) await w.fixedRedirect(`/author/${login}`, urls.author(locale, s));
    }
  }
  if (menuItems) rep.warn(`${menuItems} menu items were not imported: set the site's sections and the footer's pages in the newsroom`);
  if (wpml) rep.warn('WPML keeps its translation links outside WXR exports: each language came in as a separate story; link translations in the newsroom');
  if (polylang) rep.warn('Polylang languages and translation groups were read: translations are editions of one story');
  rep.warn('comments are not imported');
  const interrupted = opts.limit !== undefined && written >= opts.limit;
  const summaryText = await rep.finish(interrupted);
  return { summaryText, report: rep };
}
