/**
 * What every import does once its reader has turned a source item into plain fields: find or
 * create the authors, sections and tags; store images in the media library (with variants, alt
 * texts and captions); write the story (or static page) with its first revision; record the old
 * addresses; and record the source id — all of one item in one transaction, so an interrupted
 * import leaves whole items only, and a second run skips every recorded one.
 *
 * Imported stories are history, not news: they are written through StoriesService like the demo's
 * (no outbox event, and a first transition without a from-status, which the wire does not serve as
 * new: see src/wire/wire.repository.ts), so nothing is posted to Telegram, webhooks, IndexNow or
 * the wire. A dry run writes each item in a transaction that is rolled back, so every check
 * (slug clashes included) runs and nothing stays.
 *
 * Items are written in batches: one transaction per BATCH items (or per second), each item
 * inside its own savepoint, so a failing item is rolled back alone and the rest commit together
 * (one commit, one fsync, per batch instead of per item: ~10× the rate on SQLite). An
 * interruption loses at most the open batch — whole items only — and a rerun writes it again.
 */
import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import type { Database, EditionStatus } from '../db/schema.js';
import type { Locale } from '../i18n/locales.js';
import type { StoriesService } from '../content/stories.service.js';
import type { TaxonomyRepository } from '../content/taxonomy.repository.js';
import type { MediaService } from '../media/media.service.js';
import { isValidSlug, slugify } from '../content/slug.js';
import { normalizeDoc } from '../content/document.js';
import { urls } from '../site/urls.js';
import type { PagesService } from '../pages/pages.service.js';
import { htmlToDoc, type ConvertOptions, type ResolvedImage } from './html-to-doc.js';
import type { ImportRepository } from './import.repository.js';
import { oldUrlKey } from './old-urls.js';
import type { ImportReport, ReportItem } from './report.js';
import type { MediaSource } from './media-source.js';
import { parseDocument, DomUtils } from 'htmlparser2';
import { isUniqueViolation } from '../db/constraint.js';

export interface ImportDeps {
  db: Kysely<Database>;
  stories: StoriesService;
  pages: PagesService;
  media: MediaService;
  repo: ImportRepository;
  /** Sections and tags are created as the newsroom creates them: with an address in each named locale. */
  taxonomy: TaxonomyRepository;
  clock: () => number;
}

export interface SourceAuthor {
  key: string;
  slug: string;
  name: string;
}
export interface SourceTerm {
  /** 'category:<slug>' or 'tag:<slug>': the same term is created once. */
  key: string;
  slug: string;
  name: string;
}
export interface SourceImage {
  key: string;
  url: string;
  alt: string;
  caption: string;
  title: string;
}

export interface SourceEntry {
  kind: 'post' | 'page';
  sourceId: string;
  title: string;
  slug: string;
  html: string;
  excerpt: string;
  /** The status as the source names it, for the report. */
  sourceStatus: string;
  status: EditionStatus;
  publishedAt: number | null;
  locale: Locale;
  authors: SourceAuthor[];
  section: SourceTerm | null;
  tags: SourceTerm[];
  featured: ResolvedImage | null;
  oldUrls: string[];
  /** A translation group (Polylang): editions of one story. */
  group: string | null;
  notes: string[];
  convert: ConvertOptions;
}

class DryRunRollback extends Error {}

/** Plain text of a title or excerpt that may hold HTML and entities. */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  return DomUtils.textContent(parseDocument(html, { decodeEntities: true })).replace(/\s+/g, ' ').trim();
}

/** Items per transaction, and the longest a batch stays open (a reader waits at most that long on SQLite). */
const BATCH = 200;
const BATCH_MS = 2000;

export class ImportWriter {
  private readonly authors = new Map<string, number>();
  private readonly terms = new Map<string, number>();
  private sectionPosition: number | null = null;
  private batch: { trx: ControlledTransaction<Database>; items: number; opened: number; reports: ReportItem[]; authors: Map<string, number>; terms: Map<string, number>; redirects: number; created: { authors: number; sections: number; tags: number } } | null = null;
  private itemCreated = { authors: 0, sections: 0, tags: 0 };

  constructor(
    private readonly d: ImportDeps,
    readonly source: string,
    private readonly report: ImportReport,
    private readonly dryRun: boolean,
  ) {}

  private async open() {
    if (!this.batch) this.batch = { trx: await this.d.db.startTransaction().execute(), items: 0, opened: Date.now(), reports: [], authors: new Map(), terms: new Map(), redirects: 0, created: { authors: 0, sections: 0, tags: 0 } };
    return this.batch;
  }

  /**
   * Ends the open batch: commits it (a dry run rolls it back), then reports its items and
   * remembers the ids it created — only now that they exist for good.
   */
  async flush(): Promise<void> {
    const b = this.batch;
    if (!b) return;
    this.batch = null;
    if (this.dryRun) await b.trx.rollback().execute();
    else await b.trx.commit().execute();
    if (!this.dryRun) {
      for (const [k, v] of b.authors) this.authors.set(k, v);
      for (const [k, v] of b.terms) this.terms.set(k, v);
      this.report.summary.created.authors += b.created.authors;
      this.report.summary.created.sections += b.created.sections;
      this.report.summary.created.tags += b.created.tags;
      this.report.summary.redirects += b.redirects;
    }
    for (const r of b.reports) this.report.add(r);
  }

  /** Runs `fn` in a transaction that commits, or (dry run) is rolled back after all its checks. */
  private async tx<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    // SQLite has one connection: the open batch must end before another transaction starts.
    await this.flush();
    if (!this.dryRun) return this.d.db.transaction().execute(fn);
    let out: T;
    try {
      await this.d.db.transaction().execute(async (trx) => {
        out = await fn(trx);
        throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    return out!;
  }

  private async author(trx: Kysely<Database>, a: SourceAuthor, locale: Locale): Promise<number> {
    const cached = this.authors.get(a.key) ?? this.batch?.authors.get(a.key);
    if (cached !== undefined) return cached;
    const known = await this.d.repo.target(this.source, 'author', a.key, trx);
    let id = known ?? null;
    if (id === null) {
      const slug = isValidSlug(a.slug) ? a.slug : slugify(a.name || a.slug, undefined, locale) || `author-${a.key}`;
      const existing = await trx.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst();
      id = existing?.id ?? (await trx.insertInto('authors').values({ slug, photo_media_id: null, created_at: this.d.clock() }).returning('id').executeTakeFirstOrThrow()).id;
      if (!existing) {
        await trx.insertInto('author_names').values({ author_id: id, locale, name: a.name || a.slug, bio: '' }).execute();
        this.itemCreated.authors++;
      }
      await this.d.repo.record(trx, this.source, 'author', a.key, id, this.d.clock());
    }
    return id;
  }

  private async term(trx: Kysely<Database>, t: SourceTerm, as: 'section' | 'tag', locale: Locale): Promise<number> {
    const key = `${as}:${t.key}`;
    const cached = this.terms.get(key) ?? this.batch?.terms.get(key);
    if (cached !== undefined) return cached;
    const known = await this.d.repo.target(this.source, as, t.key, trx);
    let id = known ?? null;
    if (id === null) {
      const slug = isValidSlug(t.slug) ? t.slug : slugify(t.name || t.slug, undefined, locale) || `${as}-${t.key.replace(/\W+/g, '-')}`;
      if (as === 'section') {
        const existing = await trx.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirst();
        if (existing) id = existing.id;
        else {
          this.sectionPosition ??= Number((await trx.selectFrom('sections').select((eb) => eb.fn.max('position').as('m')).executeTakeFirst())?.m ?? 0);
          // As the newsroom creates one: the name in the locale, and its address there (taxonomy-slugs.ts).
          id = await this.d.taxonomy.upsertSection(trx, slug, ++this.sectionPosition, '#0b5cad', { [locale]: t.name || slug });
          this.itemCreated.sections++;
        }
      } else {
        const existing = await trx.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
        if (existing) id = existing.id;
        else {
          id = await this.d.taxonomy.upsertTag(trx, slug, { [locale]: t.name || slug });
          this.itemCreated.tags++;
        }
      }
      await this.d.repo.record(trx, this.source, as, t.key, id, this.d.clock());
    }
    return id;
  }

  /**
   * Stores an attachment in the media library (once: its source id is recorded, and identical
   * bytes are one item anyway). Returns the library image, or null when its file was not found.
   */
  async image(img: SourceImage, locale: Locale, files: MediaSource, kind = 'attachment'): Promise<ResolvedImage | null> {
    const item: ReportItem = { kind, sourceId: img.key, title: img.title || img.url, outcome: 'imported', notes: [] };
    await this.flush();
    const known = await this.d.repo.target(this.source, kind, img.key);
    if (known !== undefined) {
      const r = known === null ? null : await this.present(known, img, locale);
      this.report.add({ ...item, outcome: 'skipped', target: known === null ? undefined : `media ${known}`, notes: ['already imported'] });
      return r;
    }
    // A file that cannot be read (or an address that must not be fetched) is reported; the import goes on.
    const read = await files.read(img.url).catch((err: unknown) => ({ data: null, reason: `not read: ${(err as Error).message}` }));
    if (!read.data) {
      const why = read.reason === 'file not found' ? `file not found for ${img.url} (give --media-dir with a copy of the uploads folder, or --media-base-url)` : `${img.url}: ${read.reason}`;
      this.report.add({ ...item, outcome: 'failed', notes: [why] });
      return null;
    }
    const data = read.data;
    if (this.dryRun) {
      this.report.add({ ...item, notes: ['would be stored (dry run)'] });
      return { mediaId: null, src: img.url, alt: img.alt, caption: img.caption };
    }
    try {
      const id = await this.d.db.transaction().execute(async (trx) => {
        const mediaId = await this.d.media.storeImage({ data, originalName: img.url.split('/').pop()?.split('?')[0] ?? '', texts: { [locale]: { alt: img.alt, caption: img.caption } } }, trx);
        await this.d.repo.record(trx, this.source, kind, img.key, mediaId, this.d.clock());
        return mediaId;
      });
      this.report.summary.created.media++;
      this.report.add({ ...item, target: `media ${id}` });
      return this.present(id, img, locale);
    } catch (err) {
      // Not an image (a PDF, an MP3 attachment) or a broken file: reported, the import goes on.
      this.report.add({ ...item, outcome: 'failed', notes: [`not stored: ${(err as Error).message}`] });
      return null;
    }
  }

  private async present(id: number, img: SourceImage, locale: Locale): Promise<ResolvedImage | null> {
    const m = (await this.d.media.heroImages([id], locale)).get(id);
    return m ? { mediaId: id, src: m.src, width: m.width, height: m.height, alt: m.alt || img.alt, caption: m.caption || img.caption } : null;
  }

  /** Imports one post or page (or skips it when its source id is recorded), in the open batch. */
  async entry(e: SourceEntry): Promise<void> {
    const notes = [...e.notes];
    const item: ReportItem = { kind: e.kind, sourceId: e.sourceId, title: e.title, outcome: 'imported', status: `${e.sourceStatus} → ${e.status}`, notes };
    const b = await this.open();
    if ((await this.d.repo.target(this.source, e.kind, e.sourceId, b.trx)) !== undefined) {
      b.reports.push({ ...item, outcome: 'skipped', notes: ['already imported'] });
      return this.maybeFlush(b);
    }
    let headline = plainText(e.title);
    const converted = htmlToDoc(e.html, e.convert);
    notes.push(...converted.notes);
    const doc = normalizeDoc(converted.doc);
    if (!headline) {
      const text = converted.doc.content.map((n) => (n.content ?? []).map((c) => c.text ?? '').join('')).find((t) => t.trim()) ?? '';
      headline = text.trim().slice(0, 80) || `Untitled ${e.kind} ${e.sourceId}`;
      notes.push(`the source has no title: headline «${headline}»`);
    }
    if (headline.length > 300) {
      headline = `${headline.slice(0, 299)}…`;
      notes.push('title longer than 300 characters: cut');
    }
    let slug = decodeSlug(e.slug);
    if (slug && !isValidSlug(slug)) {
      const converted = slugify(slug, undefined, e.locale);
      notes.push(`slug «${slug}» is not a Latin slug: now «${converted}»`);
      slug = converted;
    }
    if (!slug) slug = slugify(headline, undefined, e.locale);
    const lead = plainText(e.excerpt);
    const authorIds: [string, number][] = [];
    const termIds: [string, number][] = [];
    this.itemCreated = { authors: 0, sections: 0, tags: 0 };
    const sp = `item_${b.items}`;
    await sql.raw(`savepoint ${sp}`).execute(b.trx);
    try {
      const trx = b.trx as Kysely<Database>;
      for (const a of e.authors) authorIds.push([a.key, await this.author(trx, a, e.locale)]);
      const sectionId = e.section ? await this.term(trx, e.section, 'section', e.locale) : null;
      if (e.section) termIds.push([`section:${e.section.key}`, sectionId!]);
      for (const t of e.tags) termIds.push([`tag:${t.key}`, await this.term(trx, t, 'tag', e.locale)]);
      let target: string;
      let to: { editionId?: number; pageId?: number };
      if (e.kind === 'page') {
        const page = await this.d.pages.create(
          { locale: e.locale, title: headline, slug: slug || undefined, doc, status: e.status === 'published' ? 'published' : 'draft', publishedAt: e.publishedAt },
          null, trx, { renameOnClash: true, quiet: true },
        );
        if (slug && page.slug !== slug) notes.push(`address «${slug}» was taken: now «${page.slug}»`);
        target = urls.page(e.locale, page.slug);
        to = { pageId: page.id };
        await this.d.repo.record(trx, this.source, e.kind, e.sourceId, page.id, this.d.clock());
      } else {
        const group = e.group ? await this.d.repo.target(this.source, 'group', e.group, trx) : undefined;
        const edition = {
          locale: e.locale, headline, slug: slug || undefined, lead, doc, status: e.status, publishedAt: e.publishedAt === null ? null : new Date(e.publishedAt),
          heroCaption: e.featured?.caption ?? '',
        };
        let created: { id: number; slug: string };
        if (group) {
          const taken = await trx.selectFrom('editions').select('id').where('story_id', '=', group).where('locale', '=', e.locale).executeTakeFirst();
          if (taken) throw new SkipItem(`its translation group already has a ${e.locale} edition`);
          created = await this.d.stories.addEdition(trx, group, edition);
        } else {
          const story = await this.d.stories.create(
            { sectionId, tagIds: termIds.filter(([k]) => k.startsWith('tag:')).map(([, id]) => id), authorIds: authorIds.map(([, id]) => id), heroMediaId: e.featured?.mediaId ?? null, editions: [edition] },
            trx,
          );
          created = story.editions[0]!;
          if (e.group) await this.d.repo.record(trx, this.source, 'group', e.group, story.storyId, this.d.clock());
        }
        if (slug && created.slug !== slug) notes.push(`slug «${slug}» was taken: now «${created.slug}»`);
        target = urls.article(e.locale, created.slug);
        to = { editionId: created.id };
        await this.d.repo.record(trx, this.source, e.kind, e.sourceId, created.id, this.d.clock());
      }
      const oldUrls: string[] = [];
      for (const u of e.oldUrls) {
        const key = oldUrlKey(u);
        if (!key || key === '/' || oldUrls.includes(key)) continue;
        if (await this.d.repo.addRedirect(trx, key, to, this.d.clock())) oldUrls.push(key);
        else notes.push(`old address ${key} already leads to another item`);
      }
      await sql.raw(`release savepoint ${sp}`).execute(b.trx);
      for (const [k, v] of authorIds) b.authors.set(k, v);
      for (const [k, v] of termIds) b.terms.set(k, v);
      b.created.authors += this.itemCreated.authors;
      b.created.sections += this.itemCreated.sections;
      b.created.tags += this.itemCreated.tags;
      b.redirects += oldUrls.length;
      b.reports.push({ ...item, outcome: notes.length || e.status === 'unpublished' ? 'changed' : 'imported', target, oldUrls });
    } catch (err) {
      // This item alone is undone; the batch goes on.
      await sql.raw(`rollback to savepoint ${sp}`).execute(b.trx);
      await sql.raw(`release savepoint ${sp}`).execute(b.trx);
      // Another run of the same import wrote this item at the same moment (its source id won the constraint).
      const raced = isUniqueViolation(err) && (await this.d.repo.target(this.source, e.kind, e.sourceId, b.trx)) !== undefined;
      const why = raced ? 'imported by another run at the same moment' : err instanceof SkipItem ? err.message : `not written: ${(err as Error).message} (run the import again to retry it)`;
      b.reports.push({ ...item, outcome: raced || err instanceof SkipItem ? 'skipped' : 'failed', notes: [...notes, why] });
    }
    return this.maybeFlush(b);
  }

  private async maybeFlush(b: NonNullable<ImportWriter['batch']>): Promise<void> {
    b.items++;
    if (b.items >= BATCH || Date.now() - b.opened >= BATCH_MS) await this.flush();
  }

  /** Redirects that lead to fixed paths (category, tag and author archives). */
  async fixedRedirect(oldUrl: string, target: string): Promise<void> {
    const key = oldUrlKey(oldUrl);
    if (!key || key === '/') return;
    const added = await this.tx((trx) => this.d.repo.addRedirect(trx, key, { target }, this.d.clock()));
    if (added) this.report.summary.redirects++;
  }

  /** The term id a source term became, if it did (for archive redirects after the items). */
  async termTarget(as: 'section' | 'tag', key: string): Promise<number | null> {
    return this.terms.get(`${as}:${key}`) ?? (await this.d.repo.target(this.source, as, key)) ?? null;
  }

  /**
   * A section's or tag's address in `locale`: its own slug there (taxonomy-slugs.ts), else the
   * shared one — so an old archive address leads to the page in one hop. Null when it is gone.
   */
  async termAddress(as: 'section' | 'tag', id: number | null, locale: Locale): Promise<string | null> {
    if (id === null) return null;
    const own = (await this.d.taxonomy.localSlugs(as, id)).get(locale);
    if (own) return own;
    return (await this.d.db.selectFrom(as === 'section' ? 'sections' : 'tags').select('slug').where('id', '=', id).executeTakeFirst())?.slug ?? null;
  }

  async authorTarget(key: string): Promise<number | null> {
    return this.authors.get(key) ?? (await this.d.repo.target(this.source, 'author', key)) ?? null;
  }
}

/** An item that is deliberately not imported (the reason is reported). */
export class SkipItem extends Error {}

function decodeSlug(s: string): string {
  try {
    return decodeURIComponent(s).trim();
  } catch {
    return s.trim();
  }
}
