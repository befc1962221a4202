/**
 * Stores uploaded images: checks the content, writes the cleaned original and its variants to
 * storage, then records them in one transaction. Identical bytes are stored once (the key is made
 * from their SHA-256): two uploads of the same file, even at the same moment, get the same item.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Locale } from '../i18n/locales.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { MediaRow, MediaVariantRow } from '../db/schema.js';
import { hasEmbeddedMetadata, probeImage, processImage, reencodeOriginal } from './images.js';
import type { ImageQueue } from './image-queue.js';
import type { MediaRepository } from './media.repository.js';
import type { MediaStore } from './storage.js';
import { VideoStore } from './video.js';
import { msg } from '../i18n/api-messages.js';

export interface ImageInput {
  data: Buffer;
  originalName?: string;
  /** The uploader's credit; when empty, the file's own EXIF/IPTC/XMP artist and copyright. */
  credit?: string;
  texts?: Partial<Record<Locale, { alt?: string; caption?: string }>>;
}

export interface HeroImage {
  src: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /**
   * The widest stored variant (WebP up to 1,600 px, or the JPEG), for consumers that want a large
   * file: search engines' article images (≥ 1,200 px wide) and social cards. An original narrower
   * than 1,200 px has no larger variant; this is then that width.
   */
  large?: { src: string; width: number; height: number };
}

/** One place an image is used (GET /media/:id/uses, and the 409 of a delete). */
export type MediaUse =
  | { kind: 'story'; storyId: number; editionId: number; locale: string; headline: string; status: string; href: string }
  | { kind: 'author'; authorId: number; name: string; names: Record<string, string>; href: string }
  | { kind: 'logo'; href: string };

export interface MediaServiceOptions {
  queue: ImageQueue;
  /** Decoded pixels an upload may have (width × height × frames). */
  maxPixels: number;
  publicPrefix?: string;
  /** Largest video upload in MB (default 100). */
  videoMaxMb?: number;
}

export class MediaService {
  readonly queue: ImageQueue;
  /** Uploaded videos (video.ts), in the same store as images. */
  readonly videos: VideoStore;
  private readonly maxPixels: number;
  private readonly publicPrefix: string;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: MediaRepository,
    private readonly storage: MediaStore,
    opts: MediaServiceOptions,
  ) {
    this.queue = opts.queue;
    this.maxPixels = opts.maxPixels;
    this.publicPrefix = opts.publicPrefix ?? '/media/';
    this.videos = new VideoStore(db, storage, opts.videoMaxMb ?? 100, this.publicPrefix);
  }

  /** Processes and stores an image; returns its id. Pass `trx` to join a caller's transaction. */
  async storeImage(input: ImageInput, trx?: Kysely<Database>): Promise<number> {
    // The header decides the type and refuses pixel bombs before anything is decoded or queued.
    const probed = await probeImage(input.data, this.maxPixels);
    const sha = crypto.createHash('sha256').update(input.data).digest('hex');
    const ext = probed.mime.split('/')[1]!;
    const base = `${sha.slice(0, 2)}/${sha.slice(0, 16)}`;
    const originalKey = `${base}.${ext}`;
    const existing = await this.repo.findByKey(trx ?? this.db, originalKey);
    if (existing) return existing.id;

    const { original, variants } = await this.queue.run(() => processImage(input.data, probed, this.maxPixels));
    // Files first, rows second: a crash between them leaves only unreferenced files, never rows
    // pointing at missing files. A concurrent upload of the same bytes writes the same keys.
    await this.storage.put(originalKey, original.data, probed.mime);
    const variantRows: Omit<MediaVariantRow, 'media_id'>[] = [];
    for (const v of variants) {
      const key = `${base}-${v.width}.${v.format === 'jpeg' ? 'jpg' : v.format}`;
      await this.storage.put(key, v.data, `image/${v.format}`);
      variantRows.push({ width: v.width, height: v.height, format: v.format, storage_key: key, bytes: v.data.length });
    }
    const texts = Object.entries(input.texts ?? {}).map(([locale, t]) => ({ locale, alt: t?.alt ?? '', caption: t?.caption ?? '' }));
    const row = {
      storage_key: originalKey,
      mime: probed.mime,
      width: original.width,
      height: original.height,
      bytes: original.data.length,
      sha256: sha,
      credit: input.credit?.trim() || probed.credit,
      original_name: input.originalName ?? '',
      created_at: Date.now(),
    };
    // The row and its variants commit together, so a concurrent upload that loses the race
    // (insert … on conflict do nothing) finds the winner complete.
    if (trx) return this.repo.insertOnce(trx, row, variantRows, texts);
    return this.db.transaction().execute((t) => this.repo.insertOnce(t, row, variantRows, texts));
  }

  /** Presents images for pages: srcset of WebP variants, a JPEG `src`, texts in the locale. */
  async heroImages(ids: number[], locale: Locale): Promise<Map<number, HeroImage>> {
    const unique = [...new Set(ids)];
    const { media, variants, texts } = await this.repo.byIds(unique);
    const out = new Map<number, HeroImage>();
    for (const m of media) {
      const mine = variants.filter((v) => v.media_id === m.id);
      const webp = mine.filter((v) => v.format === 'webp');
      const jpeg = mine.find((v) => v.format === 'jpeg');
      const text = texts.find((t) => t.media_id === m.id && t.locale === locale);
      const fallback = jpeg ?? webp[webp.length - 1];
      const widest = mine.reduce<MediaVariantRow | undefined>((w, v) => (!w || v.width > w.width ? v : w), undefined);
      out.set(m.id, {
        src: this.publicPrefix + (fallback?.storage_key ?? m.storage_key),
        srcset: webp.map((v) => `${this.publicPrefix}${v.storage_key} ${v.width}w`).join(', '),
        width: fallback?.width ?? m.width,
        height: fallback?.height ?? m.height,
        alt: text?.alt ?? '',
        caption: text?.caption ?? '',
        credit: m.credit,
        large: widest ? { src: this.publicPrefix + widest.storage_key, width: widest.width, height: widest.height } : { src: this.publicPrefix + m.storage_key, width: m.width, height: m.height },
      });
    }
    return out;
  }

  /** The newsroom's `Media` shape (docs/newsroom-api.md). */
  async present(rows: MediaRow[]) {
    const ids = rows.map((r) => r.id);
    const [{ variants, texts }, usage] = await Promise.all([this.repo.byIds(ids), this.repo.usage(ids)]);
    return rows.map((m) => {
      const mine = variants.filter((v) => v.media_id === m.id);
      const jpeg = mine.find((v) => v.format === 'jpeg');
      const small = mine.filter((v) => v.format === 'webp').find((v) => v.width >= 320) ?? jpeg;
      return {
        id: m.id,
        src: this.publicPrefix + (jpeg?.storage_key ?? m.storage_key),
        thumb: this.publicPrefix + (small?.storage_key ?? m.storage_key),
        srcset: mine.filter((v) => v.format === 'webp').map((v) => `${this.publicPrefix}${v.storage_key} ${v.width}w`).join(', '),
        width: jpeg?.width ?? m.width,
        height: jpeg?.height ?? m.height,
        mime: m.mime,
        bytes: m.bytes,
        credit: m.credit,
        texts: Object.fromEntries(texts.filter((t) => t.media_id === m.id).map((t) => [t.locale, { alt: t.alt, caption: t.caption }])),
        createdAt: new Date(m.created_at).toISOString(),
        usedBy: usage.get(m.id) ?? 0,
      };
    });
  }

  /** A logo keeps its transparency: the smallest WebP variant wide enough for a 2× screen. */
  async logo(id: number): Promise<{ src: string; width: number; height: number } | null> {
    const { media, variants } = await this.repo.byIds([id]);
    const m = media[0];
    if (!m) return null;
    const webp = variants.filter((v) => v.media_id === id && v.format === 'webp').sort((a, b) => a.width - b.width);
    const v = webp.find((x) => x.width >= 400) ?? webp[webp.length - 1];
    return v ? { src: this.publicPrefix + v.storage_key, width: v.width, height: v.height } : { src: this.publicPrefix + m.storage_key, width: m.width, height: m.height };
  }

  async presentOne(id: number) {
    const { media } = await this.repo.byIds([id]);
    return media[0] ? (await this.present(media))[0]! : null;
  }

  async list(q: string | undefined, page: number, size = 30) {
    const [rows, total] = await Promise.all([this.repo.list(q, size, (page - 1) * size), this.repo.count(q)]);
    return { items: await this.present(rows), page, pages: Math.max(1, Math.ceil(total / size)), total };
  }

  async update(id: number, patch: { credit?: string; texts?: Record<string, { alt?: string; caption?: string }> }) {
    if (!(await this.presentOne(id))) throw new NotFoundError(msg('media.not_found'));
    const texts = patch.texts ? Object.entries(patch.texts).map(([locale, t]) => ({ media_id: id, locale, alt: (t.alt ?? '').slice(0, 500), caption: (t.caption ?? '').slice(0, 1000) })) : undefined;
    await this.db.transaction().execute((trx) => this.repo.update(trx, id, patch.credit?.slice(0, 200), texts));
    return (await this.presentOne(id))!;
  }

  /**
   * Where an image is used, as links the newsroom can show: each edition (its story's main photo
   * or a photo in its body), each author whose photo it is, and the site logo.
   */
  async uses(id: number): Promise<MediaUse[]> {
    const u = await this.repo.uses(id);
    return [
      ...u.editions.map((e): MediaUse => ({ kind: 'story', storyId: e.story_id, editionId: e.edition_id, locale: e.locale, headline: e.headline, status: e.status, href: `/admin/stories/${e.edition_id}` })),
      ...u.authors.map((a): MediaUse => ({ kind: 'author', authorId: a.id, name: a.names.ru ?? a.names.uz ?? a.names.en ?? Object.values(a.names)[0] ?? a.slug, names: a.names, href: `/admin/taxonomy?tab=authors` })),
      ...(u.logo ? [{ kind: 'logo', href: '/admin/settings' } as MediaUse] : []),
    ];
  }

  /** Deletes an image no story uses; its files go after the rows (orphans are harmless). */
  async remove(id: number): Promise<void> {
    const { media, variants } = await this.repo.byIds([id]);
    const m = media[0];
    if (!m) throw new NotFoundError(msg('media.not_found'));
    const used = (await this.repo.usage([id])).get(id) ?? 0;
    // The answer lists the places (with edit links), so the person can go and remove it there.
    if (used > 0) throw new ConflictError(used === 1 ? msg('media.in_use_one') : msg('media.in_use', { count: used }), { used, uses: await this.uses(id) });
    await this.db.transaction().execute((trx) => this.repo.remove(trx, id));
    // A file that cannot be removed now (store unreachable) is an orphan, not a failed delete:
    // the row is gone and nothing links to the file any more.
    await Promise.allSettled([m.storage_key, ...variants.map((v) => v.storage_key)].map((k) => this.storage.remove(k)));
  }

  /**
   * Strips metadata from originals stored before uploads were cleaned (`xabar media clean`):
   * each original still carrying EXIF, IPTC or XMP is re-encoded in place under its key, and its
   * credit is kept where the row has none. Resumable and idempotent: clean files are skipped.
   */
  async cleanStoredOriginals(progress?: (r: { checked: number; cleaned: number; failed: number }) => void) {
    const r = { checked: 0, cleaned: 0, failed: 0 };
    for (let after = 0; ; ) {
      const rows = await this.repo.pageAfter(after, 100);
      if (!rows.length) return r;
      for (const m of rows) {
        after = m.id;
        r.checked++;
        const obj = await this.storage.get(m.storage_key);
        if (!obj) continue;
        const chunks: Buffer[] = [];
        for await (const c of obj.body) chunks.push(Buffer.from(c as Buffer));
        const data = Buffer.concat(chunks);
        try {
          if (!(await hasEmbeddedMetadata(data))) continue;
          // No pixel limit: these files were accepted once and are ours to fix.
          const probed = await probeImage(data, Number.MAX_SAFE_INTEGER);
          const clean = await this.queue.run(() => reencodeOriginal(data, probed, Number.MAX_SAFE_INTEGER));
          await this.storage.put(m.storage_key, clean.data, m.mime);
          await this.repo.setCleanedOriginal(m.id, clean.data.length, probed.credit);
          r.cleaned++;
        } catch {
          r.failed++;
        }
      }
      progress?.(r);
    }
  }
}
