/**
 * Static pages: rules and transactions. A page has one language, a slug unique in it, a title, a
 * body in the story editor's document, and draft/published status; every save writes a revision
 * (restorable) in the same transaction, and a save is conditional on the version the editor
 * loaded (409 when someone saved first). Imports (src/import/) create pages through `create`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ConflictError, NotFoundError, ValidationError, field, type FieldError } from '../errors.js';
import { msg } from '../i18n/api-messages.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import { normalizeDoc, renderDoc, type StoryDoc } from '../content/document.js';
import { galleryLabels } from '../content/blocks.js';
import { isValidSlug, slugify } from '../content/slug.js';
import type { PageRow, PagesRepository } from './pages.repository.js';
import { urls } from '../site/urls.js';

const pageUrl = (l: Locale, slug: string) => urls.page(l, slug);

export interface PageInput {
  locale: Locale;
  title: string;
  slug?: string;
  doc: StoryDoc;
  status: 'draft' | 'published';
  /** The page this one translates. */
  groupId?: number | null;
  publishedAt?: number | null;
}

export class PagesService {
  constructor(
    private readonly db: Kysely<Database>,
    readonly repo: PagesRepository,
    private readonly clock: () => number = Date.now,
    private readonly purge: () => void = () => {},
  ) {}

  private check(input: { locale?: string; title?: string; slug?: string }): void {
    const fields: FieldError[] = [];
    if (input.locale !== undefined && !isLocale(input.locale)) fields.push(field('locale', 'field.locale'));
    if (input.title !== undefined && !input.title.trim()) fields.push(field('title', 'page.title_empty'));
    if (input.title !== undefined && input.title.length > 300) fields.push(field('title', 'page.title_too_long', { max: 300 }));
    if (input.slug !== undefined && !isValidSlug(input.slug)) fields.push(field('slug', 'field.slug'));
    if (fields.length) throw new ValidationError(msg('page.cannot_save'), fields);
  }

  /**
   * Creates a page; a taken slug gets `-2`, `-3`… when the slug was not given explicitly, and is a
   * 409 when it was (the editor asked for that address). Pass `trx` to join a larger transaction.
   */
  async create(input: PageInput, userId: number | null, trx?: Kysely<Database>, opts: { renameOnClash?: boolean; quiet?: boolean } = {}): Promise<PageRow> {
    this.check(input);
    const doc = normalizeDoc(input.doc);
    const run = async (t: Kysely<Database>) => {
      const base = input.slug ?? (slugify(input.title, undefined, input.locale) || 'page');
      let slug = base;
      if (input.slug === undefined || opts.renameOnClash) {
        for (let n = 2; await this.repo.slugTaken(t, input.locale, slug); n++) slug = `${base}-${n}`;
      } else if (await this.repo.slugTaken(t, input.locale, slug)) throw new ConflictError(msg('page.slug_taken', { slug }));
      const now = this.clock();
      const row = {
        locale: input.locale, slug, title: input.title.trim(), body_json: JSON.stringify(doc), body_html: renderDoc(doc, galleryLabels(input.locale)), status: input.status,
        group_id: input.groupId ?? null, version: 1, created_at: now, updated_at: now, published_at: input.status === 'published' ? (input.publishedAt ?? now) : null, updated_by: userId,
      };
      const id = await this.repo.insert(t, row);
      await this.repo.addRevision(t, { page_id: id, version: 1, saved_at: now, saved_by: userId, title: row.title, slug, body_json: row.body_json });
      return { id, ...row };
    };
    const page = trx ? await run(trx) : await this.db.transaction().execute(run);
    // An import purges once at its end, not per page.
    if (!opts.quiet) this.purge();
    return page;
  }

  async get(id: number): Promise<PageRow> {
    const p = await this.repo.byId(id);
    if (!p) throw new NotFoundError(msg('page.not_found'));
    return p;
  }

  /** Saves a new version; `version` is the one the editor loaded. */
  async save(id: number, version: number, patch: { title?: string; slug?: string; doc?: StoryDoc; status?: 'draft' | 'published' }, userId: number | null): Promise<PageRow> {
    this.check(patch);
    const doc = patch.doc !== undefined ? normalizeDoc(patch.doc) : undefined;
    const out = await this.db.transaction().execute(async (t) => {
      const cur = await this.repo.byId(id, t);
      if (!cur) throw new NotFoundError(msg('page.not_found'));
      if (cur.version !== version) throw new ConflictError(msg('page.stale', { version: cur.version }));
      if (patch.slug !== undefined && patch.slug !== cur.slug && (await this.repo.slugTaken(t, cur.locale, patch.slug, id))) throw new ConflictError(msg('page.slug_taken', { slug: patch.slug }));
      const now = this.clock();
      const body_json = doc ? JSON.stringify(doc) : cur.body_json;
      const next = {
        title: patch.title?.trim() ?? cur.title, slug: patch.slug ?? cur.slug, body_json, body_html: doc ? renderDoc(doc, galleryLabels(cur.locale as Locale)) : cur.body_html,
        status: patch.status ?? cur.status, updated_at: now, updated_by: userId,
        published_at: (patch.status ?? cur.status) === 'published' ? (cur.published_at ?? now) : cur.published_at,
      };
      if (!(await this.repo.update(t, id, version, next))) throw new ConflictError(msg('page.stale', { version: cur.version }));
      await this.repo.addRevision(t, { page_id: id, version: version + 1, saved_at: now, saved_by: userId, title: next.title, slug: next.slug, body_json });
      // The old address keeps working: a renamed page's old slug redirects (old_url_redirects).
      if (next.slug !== cur.slug) {
        const path = pageUrl(cur.locale as Locale, cur.slug);
        await t.insertInto('old_url_redirects').values({ path, edition_id: null, page_id: id, target: '', created_at: now }).onConflict((oc) => oc.column('path').doUpdateSet({ page_id: id, edition_id: null, target: '' })).execute();
      }
      return { ...cur, ...next, version: version + 1 };
    });
    this.purge();
    return out;
  }

  /** Brings a revision's title, slug and body back as a new version. */
  async restore(id: number, revisionId: number, version: number, userId: number | null): Promise<PageRow> {
    const r = await this.repo.revision(id, revisionId);
    if (!r) throw new NotFoundError(msg('page.not_found'));
    return this.save(id, version, { title: r.title, slug: r.slug, doc: JSON.parse(r.body_json) as StoryDoc }, userId);
  }

  async remove(id: number): Promise<void> {
    const ok = await this.db.transaction().execute((t) => this.repo.delete(t, id));
    if (!ok) throw new NotFoundError(msg('page.not_found'));
    this.purge();
  }
}
