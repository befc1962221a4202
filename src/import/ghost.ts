/**
 * `xabar import ghost FILE.json`: a Ghost export into stories, static pages, images, authors,
 * sections and tags, with Ghost's `/slug/` addresses redirecting (docs/import.md).
 *
 * Two streamed passes: the first reads the small tables (users, tags, the post↔tag and post↔author
 * links, posts_meta), the second the posts one by one. Ghost has no attachment list: the images a
 * post names (feature image, inline `<img>`) are stored when the post is imported, each once.
 */
import fs from 'node:fs';
import type { EditionStatus } from '../db/schema.js';
import type { Locale } from '../i18n/locales.js';
import { urls } from '../site/urls.js';
import type { ResolvedImage } from './html-to-doc.js';
import { ImportWriter, type ImportDeps, type SourceAuthor, type SourceTerm } from './importer.js';
import { mediaSource, uploadsPath } from './media-source.js';
import { ImportReport } from './report.js';
import { readGhost } from './ghost-reader.js';
import type { ImportOptions, ImportResult } from './wordpress.js';
import { localeOf } from './wordpress.js';

const SMALL = new Set(['users', 'tags', 'posts_tags', 'posts_authors', 'posts_meta', 'settings']);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const time = (v: unknown): number | null => {
  const t = typeof v === 'string' || typeof v === 'number' ? new Date(v).getTime() : NaN;
  return Number.isFinite(t) ? t : null;
};

function statusOf(p: Record<string, unknown>, kind: 'post' | 'page', now: number): { status: EditionStatus; note?: string } | { skip: string } {
  const s = str(p.status);
  const visibility = str(p.visibility) || 'public';
  if (s === 'published' && visibility !== 'public') return { status: 'unpublished', note: `for ${visibility} only on the old site: imported unpublished (listed here to review)` };
  switch (s) {
    case 'published':
      return { status: 'published' };
    case 'scheduled': {
      const at = time(p.published_at);
      if (kind === 'page') return { status: 'draft', note: 'scheduled page: imported as a draft' };
      return at !== null && at > now ? { status: 'scheduled' } : { status: 'published', note: 'scheduled for a time already past: published' };
    }
    case 'draft':
      return { status: 'draft' };
    case 'sent':
      return { status: 'unpublished', note: 'sent as a newsletter only: imported unpublished' };
    default:
      return { skip: `status «${s}» is not imported` };
  }
}

export async function importGhost(d: ImportDeps, opts: ImportOptions): Promise<ImportResult> {
  const size = fs.existsSync(opts.file) ? fs.statSync(opts.file).size : 0;
  const total = size * 2;
  const files = mediaSource({ dir: opts.mediaDir, baseUrl: opts.mediaBaseUrl });
  const users = new Map<string, SourceAuthor>();
  const tags = new Map<string, { slug: string; name: string; internal: boolean }>();
  const postTags = new Map<string, { id: string; order: number }[]>();
  const postAuthors = new Map<string, { id: string; order: number }[]>();
  const meta = new Map<string, { alt: string; caption: string }>();
  const settings = new Map<string, string>();
  for await (const { table, row } of readGhost(opts.file, SMALL, (b) => opts.onProgress?.(b, total))) {
    if (table === 'users') users.set(str(row.id), { key: str(row.id), slug: str(row.slug), name: str(row.name) || str(row.slug) });
    else if (table === 'tags') tags.set(str(row.id), { slug: str(row.slug), name: str(row.name), internal: str(row.visibility) === 'internal' || str(row.name).startsWith('#') });
    else if (table === 'posts_tags' || table === 'posts_authors') {
      const m = table === 'posts_tags' ? postTags : postAuthors;
      const list = m.get(str(row.post_id)) ?? m.set(str(row.post_id), []).get(str(row.post_id))!;
      list.push({ id: str(table === 'posts_tags' ? row.tag_id : row.author_id), order: Number(row.sort_order) || 0 });
    } else if (table === 'posts_meta') meta.set(str(row.post_id), { alt: str(row.feature_image_alt), caption: str(row.feature_image_caption) });
    else if (table === 'settings' && (row.key === 'title' || row.key === 'locale' || row.key === 'url')) settings.set(str(row.key), str(row.value));
  }
  const source = `ghost:${settings.get('url') || settings.get('title') || 'site'}`;
  const locale: Locale = opts.locale ?? localeOf(settings.get('locale') ?? '') ?? opts.defaultLocale;
  const report = new ImportReport(opts.reportPath, source, opts.file, !!opts.dryRun);
  const w = new ImportWriter(d, source, report, !!opts.dryRun);
  const mode = opts.sections ?? 'top';
  const isSection = (slug: string, primary: boolean) => !!opts.sectionMap?.[slug] || (mode === 'top' ? primary : Array.isArray(mode) && mode.includes(slug));

  const now = d.clock();
  let written = 0;
  const images = new Map<string, ResolvedImage | null>();
  const imageOf = async (url: string, alt: string, caption: string): Promise<ResolvedImage | null> => {
    const key = uploadsPath(url.replace('__GHOST_URL__', ''));
    if (images.has(key)) return images.get(key)!;
    const r = await w.image({ key, url: url.replace('__GHOST_URL__', ''), alt, caption, title: key }, locale, files, 'image');
    // Bounded: a site has as many images as it has, but one import holds only their ids.
    images.set(key, r);
    return r;
  };
  try {
    for await (const { row: p } of readGhost(opts.file, new Set(['posts']), (b) => opts.onProgress?.(size + b, total))) {
      const kind = str(p.type) === 'page' ? 'page' : 'post';
      const id = str(p.id);
      const st = statusOf(p, kind, now);
      if ('skip' in st) {
        report.add({ kind, sourceId: id, title: str(p.title), outcome: 'skipped', status: str(p.status), notes: [st.skip] });
        continue;
      }
      if (opts.limit !== undefined && written >= opts.limit) break;
      written++;
      const notes: string[] = st.note ? [st.note] : [];
      let html = str(p.html);
      if (!html && (p.mobiledoc || p.lexical)) notes.push('the export has no HTML for this post (only Ghost\'s editor format): the body is empty');
      html = html.replace(/__GHOST_URL__/g, '');
      // Inline images first: the converter looks them up synchronously.
      for (const m of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*"([^"]+)"/gi)) await imageOf(m[1]!, '', '');
      const fm = meta.get(id);
      const featuredUrl = str(p.feature_image);
      const featured = featuredUrl ? await imageOf(featuredUrl, str(p.feature_image_alt) || fm?.alt || '', str(p.feature_image_caption) || fm?.caption || '') : null;
      if (featuredUrl && !featured) notes.push(`feature image ${featuredUrl} is missing`);
      const tagRefs = (postTags.get(id) ?? []).sort((a, b) => a.order - b.order).map((t) => tags.get(t.id)).filter((t): t is NonNullable<typeof t> => !!t);
      let section: SourceTerm | null = null;
      const termList: SourceTerm[] = [];
      tagRefs.forEach((t, i) => {
        if (t.internal) {
          notes.push(`internal tag «${t.name}» not imported`);
          return;
        }
        const term = { key: t.slug, slug: opts.sectionMap?.[t.slug] ?? t.slug, name: t.name };
        if (!section && isSection(t.slug, i === 0)) section = term;
        else termList.push({ key: `tag:${t.slug}`, slug: t.slug, name: t.name });
      });
      const authors = (postAuthors.get(id) ?? []).sort((a, b) => a.order - b.order).map((a) => users.get(a.id)).filter((a): a is SourceAuthor => !!a);
      const slug = str(p.slug);
      await w.entry({
        kind, sourceId: id, title: str(p.title), slug, html, excerpt: str(p.custom_excerpt), sourceStatus: `${str(p.status)}${str(p.visibility) && str(p.visibility) !== 'public' ? ` (${str(p.visibility)})` : ''}`,
        status: st.status, publishedAt: st.status === 'draft' ? null : time(p.published_at), locale,
        authors: kind === 'post' ? authors : [], section: kind === 'post' ? section : null, tags: kind === 'post' ? termList : [], featured,
        oldUrls: slug ? [`/${slug}/`] : [], group: null, notes,
        convert: { image: (src) => images.get(uploadsPath(src)) ?? null },
      });
    }
  } finally {
    await w.flush();
  }
  if (!opts.dryRun) {
    for (const [, t] of tags) {
      if (t.internal) continue;
      const sectionId = await w.termTarget('section', t.slug);
      const tagId = await w.termTarget('tag', `tag:${t.slug}`);
      const s = await w.termAddress('section', sectionId, locale);
      const g = !s ? await w.termAddress('tag', tagId, locale) : null;
      if (s) await w.fixedRedirect(`/tag/${t.slug}/`, urls.section(locale, s));
      else if (g) await w.fixedRedirect(`/tag/${t.slug}/`, urls.tag(locale, g));
    }
    for (const [key, u] of users) {
      const a = await w.authorTarget(key);
      const row = a !== null ? await d.db.selectFrom('authors').select('slug').where('id', '=', a).executeTakeFirst() : null;
      if (row) await w.fixedRedirect(`/author/${u.slug}/`, urls.author(locale, row.slug));
    }
  }
  report.warn('members, newsletters and comments are not imported');
  const summaryText = await report.finish(opts.limit !== undefined && written >= opts.limit);
  return { summaryText, report };
}
