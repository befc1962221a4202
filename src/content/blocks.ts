/**
 * Two body blocks beyond text and single images: a photo gallery and an uploaded video.
 *
 * Both carry library references under the key `mediaId` (gallery items, the video's poster), the
 * same key inline images use, so the media library counts them as uses and refuses to delete them
 * (MediaRepository.usage matches `"mediaId":<id>` in stored bodies).
 *
 * The public site runs without any script (CSP `script-src 'none'`), so the gallery's lightbox is
 * CSS only: every photo is a `<figure>` with an id, its thumbnail links to `#that-id`, and
 * `:target` turns the figure into a full-screen overlay (site.css) with close/previous/next links
 * that are empty anchors with an accessible name. Without CSS the gallery is a plain list of
 * figures with their captions; in a feed reader the same.
 */
import { z } from 'zod';
import { Id } from '../http/validate.js';
import type { Locale } from '../i18n/locales.js';
import { messages } from '../i18n/messages/index.js';
import type { DocNode } from './document.js';
import { escapeHtml, safeHref } from './html.js';

export const MAX_GALLERY_ITEMS = 60;
export const VIDEO_TYPES = ['video/mp4', 'video/webm'] as const;

const text = (max: number) => z.string().max(max).nullish();
const size = z.union([z.number().finite().nonnegative(), z.string().max(12)]).nullish();
const GalleryItem = z.object({
  mediaId: Id,
  src: z.string().min(1).max(2000),
  srcset: text(4000),
  alt: text(2000),
  caption: text(5000),
  width: size,
  height: size,
});
export const GalleryAttrs = z.object({ items: z.array(GalleryItem).max(MAX_GALLERY_ITEMS, `A gallery holds at most ${MAX_GALLERY_ITEMS} photos.`) });
export const VideoAttrs = z.object({
  videoId: Id.nullish(),
  src: z.string().min(1).max(2000),
  mime: z.enum(VIDEO_TYPES).nullish(),
  width: size,
  height: size,
  caption: text(5000),
  poster: z.object({ mediaId: Id.nullish(), src: text(2000) }).nullish(),
});

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const dim = (v: unknown): number | null => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n <= 20_000 ? n : null;
};
/** Our own uploads only: a path on this site (the video store is ours; other hosts are embeds). */
const sitePath = (v: unknown): string | null => {
  const h = safeHref(v);
  return h && h.startsWith('/') ? h : null;
};

/** A srcset we wrote: comma-separated `<url> <n>w`, each URL a safe link without spaces or commas. */
function cleanSrcset(v: unknown): string {
  const parts = str(v)
    .split(',')
    .map((p) => p.trim().split(/\s+/))
    .filter((p) => p.length === 2 && /^\d{1,5}w$/.test(p[1]!) && safeHref(p[0]) !== null && !/[,"'<>]/.test(p[0]!));
  return parts.map((p) => p.join(' ')).join(', ');
}

export function normalizeGallery(attrs: Record<string, unknown> | undefined): DocNode | null {
  const items = Array.isArray(attrs?.items) ? (attrs.items as Record<string, unknown>[]) : [];
  const out = items
    .slice(0, MAX_GALLERY_ITEMS)
    .map((it) => {
      const src = safeHref(it?.src);
      if (!src || !Number.isInteger(it.mediaId)) return null;
      const w = dim(it.width);
      const h = dim(it.height);
      // mediaId first: the library's usage count looks for `"mediaId":<id>,`.
      return { mediaId: it.mediaId as number, src, srcset: cleanSrcset(it.srcset), alt: str(it.alt).slice(0, 500), caption: str(it.caption).slice(0, 1000), ...(w && h ? { width: w, height: h } : {}) };
    })
    .filter((x) => x !== null);
  return out.length ? { type: 'gallery', attrs: { items: out } } : null;
}

export function normalizeVideo(attrs: Record<string, unknown> | undefined): DocNode | null {
  const src = sitePath(attrs?.src);
  if (!src) return null;
  const mime = (VIDEO_TYPES as readonly string[]).includes(str(attrs?.mime)) ? str(attrs?.mime) : src.endsWith('.webm') ? 'video/webm' : 'video/mp4';
  const p = attrs?.poster as Record<string, unknown> | null | undefined;
  const posterSrc = safeHref(p?.src);
  const w = dim(attrs?.width);
  const h = dim(attrs?.height);
  return {
    type: 'video',
    attrs: {
      videoId: Number.isInteger(attrs?.videoId) ? attrs!.videoId : null,
      src,
      mime,
      ...(w && h ? { width: w, height: h } : {}),
      caption: str(attrs?.caption).slice(0, 1000),
      poster: posterSrc ? { mediaId: Number.isInteger(p?.mediaId) ? p!.mediaId : null, src: posterSrc } : null,
    },
  };
}

export interface BlockLabels {
  close: string;
  previous: string;
  next: string;
}
const DEFAULT_LABELS: BlockLabels = { close: 'Close', previous: 'Previous photo', next: 'Next photo' };

export function galleryLabels(locale: Locale): BlockLabels {
  const m = messages(locale);
  return { close: m.galleryClose, previous: m.galleryPrevious, next: m.galleryNext };
}

/** `n` numbers the galleries of one body so that their anchors differ. */
export function renderGallery(node: DocNode, n: number, labels: BlockLabels = DEFAULT_LABELS): string {
  const items = (Array.isArray(node.attrs?.items) ? (node.attrs.items as Record<string, unknown>[]) : []).filter((it) => it && safeHref(it.src));
  if (!items.length) return '';
  const gid = `gallery-${n}`;
  const figures = items.map((it, i) => {
    const id = `${gid}-${i + 1}`;
    const w = dim(it.width);
    const h = dim(it.height);
    const srcset = cleanSrcset(it.srcset);
    // Two images of one file: the thumbnail sized for the grid (at most ~300 px a column, two
    // columns on phones), and the lightbox's, sized for the screen — display:none and lazy until
    // the figure is the :target, so it is fetched only when opened.
    const attrs = (cls: string, sizes: string) =>
      `class="${cls}" src="${escapeHtml(safeHref(it.src)!)}"${srcset ? ` srcset="${escapeHtml(srcset)}" sizes="${sizes}"` : ''} alt="${escapeHtml(str(it.alt))}"${w && h ? ` width="${w}" height="${h}"` : ''} loading="lazy" decoding="async"`;
    const img = `<img ${attrs('gallery-thumb', '(min-width: 640px) 300px, 50vw')}><img ${attrs('gallery-full', '100vw')}>`;
    const caption = str(it.caption);
    const nav = [
      `<a class="gallery-close" href="#${gid}" aria-label="${escapeHtml(labels.close)}"></a>`,
      i > 0 ? `<a class="gallery-prev" href="#${gid}-${i}" aria-label="${escapeHtml(labels.previous)}"></a>` : '',
      i < items.length - 1 ? `<a class="gallery-next" href="#${gid}-${i + 2}" aria-label="${escapeHtml(labels.next)}"></a>` : '',
    ].join('');
    return `<figure class="gallery-item" id="${id}"><a class="gallery-open" href="#${id}">${img}</a>${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}${nav}</figure>`;
  });
  return `<div class="gallery" id="${gid}">${figures.join('')}</div>`;
}

export function renderVideo(node: DocNode): string {
  const src = sitePath(node.attrs?.src);
  if (!src) return '';
  const mime = (VIDEO_TYPES as readonly string[]).includes(str(node.attrs?.mime)) ? str(node.attrs?.mime) : 'video/mp4';
  const poster = safeHref((node.attrs?.poster as Record<string, unknown> | null | undefined)?.src);
  const w = dim(node.attrs?.width);
  const h = dim(node.attrs?.height);
  const caption = str(node.attrs?.caption);
  // The link inside <video> is what a feed reader or a browser without video shows instead.
  return (
    `<figure class="video"><video controls preload="metadata"${poster ? ` poster="${escapeHtml(poster)}"` : ''}${w && h ? ` width="${w}" height="${h}"` : ''}>` +
    `<source src="${escapeHtml(src)}" type="${mime}"><a href="${escapeHtml(src)}">${escapeHtml(caption || src)}</a></video>` +
    `${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`
  );
}

/** Photos a block shows, for reading time (12 s each): every gallery photo, and one per video. */
export function blockImageCount(node: DocNode): number {
  if (node.type === 'gallery') return Array.isArray(node.attrs?.items) ? node.attrs.items.length : 0;
  if (node.type === 'video') return 1;
  return 0;
}

/** Captions, for word counts and search. */
export function blockText(node: DocNode): string {
  if (node.type === 'gallery') return (Array.isArray(node.attrs?.items) ? (node.attrs.items as Record<string, unknown>[]) : []).map((it) => str(it?.caption)).filter(Boolean).join(' ');
  if (node.type === 'video') return str(node.attrs?.caption);
  return '';
}

/** Library ids a block references (gallery photos, the video's poster). */
export function blockMediaIds(node: DocNode): number[] {
  if (node.type === 'gallery') return (Array.isArray(node.attrs?.items) ? (node.attrs.items as Record<string, unknown>[]) : []).map((it) => it?.mediaId).filter((id): id is number => Number.isInteger(id));
  const poster = node.type === 'video' ? (node.attrs?.poster as Record<string, unknown> | null | undefined)?.mediaId : null;
  return Number.isInteger(poster) ? [poster as number] : [];
}
