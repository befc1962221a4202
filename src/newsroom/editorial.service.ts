/**
 * The editorial workflow: create, save (optimistic versioning + a revision per save), move through
 * draft → review → scheduled/published → unpublished, notes, revisions, presence. Every change is
 * one transaction with its revision, transition record, audit entry and outbox job.
 */
import type { Kysely } from 'kysely';
import { diffWords } from 'diff';
import { z } from 'zod';
import type { Actor, EditionAction } from '../accounts/policy.js';
import { canOnEdition } from '../accounts/policy.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { Database, EditionStatus } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors.js';
import { docText, normalizeDoc, paragraphsToDoc, type StoryDoc } from '../content/document.js';
import { Id } from '../http/validate.js';
import { deriveEditionFields } from '../content/stories.service.js';
import { isValidSlug, slugify } from '../content/slug.js';
import { LOCALE_INFO, LOCALES, type Locale } from '../i18n/locales.js';
import { enqueue } from '../jobs/outbox.js';
import { transliterateText, translitDoc } from '../i18n/translit.js';
import type { EditionPresenter, EditionJson } from './edition.presenter.js';
import type { EditionWithStory, NewsroomRepository } from './newsroom.repository.js';

export const SaveInput = z.object({
  version: Id,
  headline: z.string().max(300, 'At most 300 characters.'),
  slug: z.string().max(200),
  lead: z.string().max(1000, 'At most 1000 characters.'),
  body: z.unknown(),
  datelineCity: z.string().max(80, 'At most 80 characters.'),
  sectionId: Id.nullable(),
  tagIds: z.array(Id).max(30, 'At most 30 tags.'),
  authorIds: z.array(Id).max(10, 'At most 10 authors.'),
  heroMediaId: Id.nullable(),
  heroCaption: z.string().max(500),
  seoTitle: z.string().max(200),
  seoDescription: z.string().max(400),
  isMain: z.boolean(),
  isBreaking: z.boolean(),
  embargoUntil: z.string().datetime({ offset: true, message: 'Use an ISO date-time.' }).nullable(),
});
export type SaveInput = z.infer<typeof SaveInput>;

export const TransitionInput = z.object({
  to: z.enum(['draft', 'review', 'scheduled', 'published', 'unpublished']),
  at: z.string().datetime({ offset: true, message: 'Use an ISO date-time.' }).optional(),
  reason: z.string().max(500).optional(),
});

/** Which policy action each target status needs, and from which statuses it may be reached. */
const TRANSITIONS: Record<EditionStatus, { action: EditionAction; from: EditionStatus[] }> = {
  review: { action: 'submit', from: ['draft'] },
  draft: { action: 'sendBack', from: ['review', 'scheduled', 'unpublished'] },
  published: { action: 'publish', from: ['draft', 'review', 'scheduled', 'unpublished'] },
  scheduled: { action: 'schedule', from: ['draft', 'review', 'unpublished'] },
  unpublished: { action: 'unpublish', from: ['published', 'scheduled'] },
};

export const PUBLISH_SCHEDULED = 'publish_scheduled';

/** The other Uzbek script's locale, or null for languages without one. */
export function scriptTwin(locale: string): Locale | null {
  return locale === 'uz' ? 'uz-Cyrl' : locale === 'uz-Cyrl' ? 'uz' : null;
}

/** The text fields of an edition converted into the target Uzbek script. */
export function transliterated(source: EditionWithStory, target: Locale) {
  const to = target === 'uz-Cyrl' ? 'cyrl' : 'latn';
  const text = (s: string) => transliterateText(s, to);
  return {
    headline: text(source.headline),
    lead: text(source.lead),
    body_json: JSON.stringify(translitDoc(JSON.parse(source.body_json), to)),
    dateline_city: text(source.dateline_city),
    hero_caption: text(source.hero_caption),
    seo_title: text(source.seo_title),
    seo_description: text(source.seo_description),
  };
}

/** Headline, lead and body as one plain text, the unit revisions are compared in. */
export function plainText(x: { headline: string; lead: string; body_json: string }): string {
  return `${x.headline}\n\n${x.lead}\n\n${docText(JSON.parse(x.body_json) as StoryDoc)}`;
}

/**
 * Word diff. diff's default word pattern knows only Latin letters; a CLDR word segmenter splits
 * Cyrillic and Uzbek words correctly.
 */
export function wordDiff(before: string, after: string, locale: string) {
  const intlSegmenter = new Intl.Segmenter(LOCALE_INFO[locale as Locale]?.tag ?? 'ru', { granularity: 'word' });
  return { parts: diffWords(before, after, { intlSegmenter }).map((p) => ({ value: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) })) };
}

/** Internal signal: the client's version is not the current one. */
class StaleVersion extends Error {}
const PRESENCE_WINDOW_MS = 45_000;

export class EditorialService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: NewsroomRepository,
    private readonly presenter: EditionPresenter,
    private readonly audit: AuditRepository,
    private readonly clock: () => number,
    private readonly purge: (locale: string, editionId: number) => void,
  ) {}

  /** Loads an edition the actor may read; others' stories look missing to those who may not. */
  async load(actor: Actor, id: number, trx?: Kysely<Database>): Promise<EditionWithStory> {
    const e = await this.repo.edition(id, trx);
    if (!e || !canOnEdition(actor, 'read', { ownerId: e.owner_id, status: e.status })) throw new NotFoundError('No such story.');
    return e;
  }

  private allow(actor: Actor, action: EditionAction, e: EditionWithStory, what: string): void {
    if (!canOnEdition(actor, action, { ownerId: e.owner_id, status: e.status })) {
      throw new ForbiddenError(`Your role (${actor.role}) may not ${what} this story${e.status !== 'draft' && actor.role === 'contributor' ? ` while it is ${e.status}` : ''}.`);
    }
  }

  async get(actor: Actor, id: number): Promise<EditionJson> {
    return this.presenter.present(await this.load(actor, id), actor);
  }

  async create(actor: Actor, locale: string, headline = ''): Promise<EditionJson> {
    if (!(LOCALES as readonly string[]).includes(locale)) throw new ValidationError('Please correct the highlighted fields.', [{ field: 'locale', message: 'Choose a language.' }]);
    const id = await this.db.transaction().execute(async (trx) => {
      const now = this.clock();
      const { id: storyId } = await trx.insertInto('stories').values({ section_id: null, hero_media_id: null, created_at: now, updated_at: now, created_by: actor.id }).returning('id').executeTakeFirstOrThrow();
      return this.insertEdition(trx, actor, storyId, locale as Locale, headline.trim().slice(0, 300), paragraphsToDoc([]));
    });
    return this.get(actor, id);
  }

  /** Adds another language edition to a story, as a draft. */
  async translate(actor: Actor, sourceId: number, locale: string): Promise<EditionJson> {
    const source = await this.load(actor, sourceId);
    if (!(LOCALES as readonly string[]).includes(locale)) throw new ValidationError('Please correct the highlighted fields.', [{ field: 'locale', message: 'Choose a language.' }]);
    if ((await this.repo.siblings(source.story_id)).some((s) => s.locale === locale)) {
      throw new ValidationError('Please correct the highlighted fields.', [{ field: 'locale', message: 'The story already has an edition in this language.' }]);
    }
    const id = await this.db.transaction().execute((trx) => this.insertEdition(trx, actor, source.story_id, locale as Locale, '', paragraphsToDoc([])));
    return this.get(actor, id);
  }

  private async insertEdition(trx: Kysely<Database>, actor: Actor, storyId: number, locale: Locale, headline: string, doc: StoryDoc): Promise<number> {
    const now = this.clock();
    const slug = await this.freeSlug(trx, locale, slugify(headline, undefined, locale) || `story-${storyId}`);
    const { id } = await trx
      .insertInto('editions')
      .values({
        story_id: storyId, locale, status: 'draft', headline, slug, lead: '', ...deriveEditionFields(doc, locale, headline, ''),
        dateline_city: '', dateline_agency: '', hero_caption: '', seo_title: '', seo_description: '', is_main: 0, is_breaking: 0,
        views_total: 0, version: 1, published_at: null, scheduled_at: null, created_by: actor.id, created_at: now, updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.writeRevision(trx, id, 1, actor.id);
    await trx.insertInto('edition_transitions').values({ edition_id: id, at: now, user_id: actor.id, from_status: null, to_status: 'draft', note: '' }).execute();
    return id;
  }

  private async freeSlug(trx: Kysely<Database>, locale: string, base: string, exceptEdition?: number): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await this.slugTaken(trx, locale, candidate, exceptEdition))) return candidate;
    }
  }

  private async slugTaken(trx: Kysely<Database>, locale: string, slug: string, exceptEdition?: number): Promise<boolean> {
    let q = trx.selectFrom('editions').select('id').where('locale', '=', locale).where('slug', '=', slug);
    if (exceptEdition !== undefined) q = q.where('id', '!=', exceptEdition);
    if (await q.executeTakeFirst()) return true;
    let r = trx.selectFrom('edition_redirects').select('edition_id').where('locale', '=', locale).where('slug', '=', slug);
    if (exceptEdition !== undefined) r = r.where('edition_id', '!=', exceptEdition);
    return !!(await r.executeTakeFirst());
  }

  /**
   * Saves an edition. `version` must be the one the client loaded: otherwise 409 with the current
   * edition, so two people never overwrite each other silently.
   */
  async save(actor: Actor, id: number, input: SaveInput): Promise<EditionJson> {
    const doc = normalizeDoc(input.body);
    const fields: FieldError[] = [];
    const slug = input.slug.trim();
    if (slug && !isValidSlug(slug)) fields.push({ field: 'slug', message: 'Use lower-case Latin letters, digits and dashes.' });
    const [sections, tags, authors, media] = await Promise.all([
      this.repo.existingIds('sections', input.sectionId === null ? [] : [input.sectionId]),
      this.repo.existingIds('tags', input.tagIds),
      this.repo.existingIds('authors', input.authorIds),
      this.repo.existingIds('media', input.heroMediaId === null ? [] : [input.heroMediaId]),
    ]);
    if (input.sectionId !== null && !sections.has(input.sectionId)) fields.push({ field: 'sectionId', message: 'This section no longer exists.' });
    if (input.tagIds.some((t) => !tags.has(t))) fields.push({ field: 'tagIds', message: 'A chosen tag no longer exists.' });
    if (input.authorIds.some((a) => !authors.has(a))) fields.push({ field: 'authorIds', message: 'A chosen author no longer exists.' });
    if (input.heroMediaId !== null && !media.has(input.heroMediaId)) fields.push({ field: 'heroMediaId', message: 'The chosen image no longer exists.' });
    if (fields.length) throw new ValidationError('Please correct the highlighted fields.', fields);

    // The conflict answer is built after the transaction ends: SQLite has one connection, and a
    // query outside the transaction while it is open would wait for ever.
    const saved = await this.db.transaction().execute(async (trx) => {
      const e = await this.load(actor, id, trx);
      this.allow(actor, 'edit', e, 'edit');
      if (e.version !== input.version) throw new StaleVersion();
      if ((e.status === 'published' || e.status === 'scheduled') && !input.headline.trim()) {
        throw new ValidationError('Please correct the highlighted fields.', [{ field: 'headline', message: 'A published story needs a headline.' }]);
      }
      const now = this.clock();
      let finalSlug = slug || e.slug;
      // Until first publication the slug follows the headline, unless someone typed their own.
      const autoSlug = e.published_at === null && finalSlug === e.slug && (/^story-\d+(-\d+)?$/.test(e.slug) || e.slug.replace(/-\d+$/, '') === slugify(e.headline, undefined, e.locale as Locale));
      if (autoSlug && input.headline.trim() !== e.headline) {
        const base = slugify(input.headline.trim(), undefined, e.locale as Locale);
        if (base) finalSlug = await this.freeSlug(trx, e.locale, base, e.id);
      }
      if (finalSlug !== e.slug) {
        if (await this.slugTaken(trx, e.locale, finalSlug, e.id)) throw new ValidationError('Please correct the highlighted fields.', [{ field: 'slug', message: 'Another story already uses this address.' }]);
        // A story that readers may have linked keeps its old address as a redirect.
        if (e.published_at !== null) {
          await trx.insertInto('edition_redirects').values({ locale: e.locale, slug: e.slug, edition_id: e.id, created_at: now }).onConflict((oc) => oc.columns(['locale', 'slug']).doNothing()).execute();
        }
        await trx.deleteFrom('edition_redirects').where('locale', '=', e.locale).where('slug', '=', finalSlug).execute();
      }
      const headline = input.headline.trim();
      const lead = input.lead.trim();
      const version = e.version + 1;
      const updated = await trx
        .updateTable('editions')
        .set({
          headline, slug: finalSlug, lead, ...deriveEditionFields(doc, e.locale as Locale, headline, lead),
          dateline_city: input.datelineCity.trim(), hero_caption: input.heroCaption.trim(), seo_title: input.seoTitle.trim(), seo_description: input.seoDescription.trim(),
          is_main: input.isMain ? 1 : 0, is_breaking: input.isBreaking ? 1 : 0, embargo_until: input.embargoUntil ? Date.parse(input.embargoUntil) : null,
          version, updated_at: now,
        })
        .where('id', '=', e.id)
        .where('version', '=', e.version) // the optimistic lock itself
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError('Someone else saved this story at the same moment. Reload and try again.');
      await trx.updateTable('stories').set({ section_id: input.sectionId, hero_media_id: input.heroMediaId, updated_at: now }).where('id', '=', e.story_id).execute();
      await this.repo.replaceStoryTags(trx, e.story_id, [...new Set(input.tagIds)]);
      await this.repo.replaceStoryAuthors(trx, e.story_id, [...new Set(input.authorIds)]);
      await this.writeRevision(trx, e.id, version, actor.id);
      // A hand edit of a derived edition ends its sync; a save of a source carries over to the
      // editions still derived from it.
      if (e.derived_from !== null && e.sync === 'synced') await trx.updateTable('editions').set({ sync: 'diverged' }).where('id', '=', e.id).execute();
      const followers = await trx.selectFrom('editions').select('id').where('derived_from', '=', e.id).where('sync', '=', 'synced').execute();
      for (const f of followers) await this.syncDerived(trx, f.id, actor.id);
      return e;
    }).catch(async (err: unknown) => {
      if (!(err instanceof StaleVersion)) throw err;
      throw new ConflictError('Someone else saved this story after you opened it. Compare the versions and choose what to keep.', { current: await this.get(actor, id) });
    });
    if (saved.status === 'published' || saved.status === 'scheduled') this.purge(saved.locale, saved.id);
    return this.get(actor, id);
  }

  /**
   * Creates the other-script Uzbek edition of a story from `sourceId` by transliteration; it
   * stays in sync with the source until someone edits it by hand.
   */
  async derive(actor: Actor, sourceId: number): Promise<EditionJson> {
    const source = await this.load(actor, sourceId);
    this.allow(actor, 'edit', source, 'add an edition to');
    const target = scriptTwin(source.locale);
    if (!target) throw new ValidationError('Only Uzbek editions have an edition in the other script.', [{ field: 'locale', message: 'Derive from an Uzbek (Latin or Cyrillic) edition.' }]);
    if ((await this.repo.siblings(source.story_id)).some((x) => x.locale === target)) {
      throw new ConflictError('The story already has an edition in the other script; re-sync it instead.');
    }
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await this.insertEdition(trx, actor, source.story_id, target, '', paragraphsToDoc([]));
      await trx.updateTable('editions').set({ derived_from: source.id, sync: 'synced' }).where('id', '=', id).execute();
      await this.syncDerived(trx, id, actor.id, source.slug);
      return id;
    });
    return this.get(actor, id);
  }

  /** Overwrites a derived edition with the transliterated source again and resumes following it. */
  async resync(actor: Actor, id: number): Promise<EditionJson> {
    const e = await this.load(actor, id);
    this.allow(actor, 'edit', e, 'edit');
    if (e.derived_from === null) throw new ConflictError('This edition is not derived from another one.');
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('editions').set({ sync: 'synced' }).where('id', '=', e.id).execute();
      await this.syncDerived(trx, e.id, actor.id);
    });
    if (e.status === 'published' || e.status === 'scheduled') this.purge(e.locale, e.id);
    return this.get(actor, id);
  }

  /** Word diff between a diverged derived edition and what the transliterated source would give. */
  async syncDiff(actor: Actor, id: number) {
    const e = await this.load(actor, id);
    if (e.derived_from === null) throw new ConflictError('This edition is not derived from another one.');
    const source = await this.repo.edition(e.derived_from);
    if (!source) throw new NotFoundError('The source edition no longer exists.');
    const fresh = transliterated(source, e.locale as Locale);
    return wordDiff(plainText(e), plainText(fresh), e.locale);
  }

  /** Writes the transliterated source into a derived edition as a new version (with a revision). */
  private async syncDerived(trx: Kysely<Database>, derivedId: number, userId: number | null, slug?: string): Promise<void> {
    const d = await this.repo.edition(derivedId, trx);
    if (!d || d.derived_from === null) return;
    const source = await this.repo.edition(d.derived_from, trx);
    if (!source) return;
    const locale = d.locale as Locale;
    const t = transliterated(source, locale);
    const doc = JSON.parse(t.body_json) as StoryDoc;
    const version = d.version + 1;
    const wantedSlug = slug && !(await this.slugTaken(trx, locale, slug, d.id)) ? slug : d.slug;
    await trx
      .updateTable('editions')
      .set({
        ...t, slug: wantedSlug, ...deriveEditionFields(doc, locale, t.headline, t.lead),
        is_main: source.is_main, is_breaking: source.is_breaking, embargo_until: source.embargo_until,
        source_version: source.version, version, updated_at: this.clock(),
      })
      .where('id', '=', d.id)
      .execute();
    await this.writeRevision(trx, d.id, version, userId);
  }

  async writeRevision(trx: Kysely<Database>, editionId: number, version: number, userId: number | null): Promise<void> {
    const e = await trx.selectFrom('editions as e').innerJoin('stories as s', 's.id', 'e.story_id').selectAll('e').select(['s.section_id', 's.hero_media_id']).where('e.id', '=', editionId).executeTakeFirstOrThrow();
    const [tagIds, authorIds] = await Promise.all([
      trx.selectFrom('story_tags').select('tag_id').where('story_id', '=', e.story_id).orderBy('position').execute(),
      trx.selectFrom('story_authors').select('author_id').where('story_id', '=', e.story_id).orderBy('position').execute(),
    ]);
    const snapshot = {
      slug: e.slug, datelineCity: e.dateline_city, sectionId: e.section_id, heroMediaId: e.hero_media_id, heroCaption: e.hero_caption, seoTitle: e.seo_title,
      seoDescription: e.seo_description, isMain: e.is_main === 1, isBreaking: e.is_breaking === 1, embargoUntil: e.embargo_until,
      tagIds: tagIds.map((t) => t.tag_id), authorIds: authorIds.map((a) => a.author_id),
    };
    await trx.insertInto('revisions').values({ edition_id: editionId, version, saved_at: this.clock(), saved_by: userId, headline: e.headline, lead: e.lead, body_json: e.body_json, snapshot: JSON.stringify(snapshot) }).execute();
  }

  async transition(actor: Actor, id: number, input: z.infer<typeof TransitionInput>): Promise<EditionJson> {
    const rule = TRANSITIONS[input.to];
    const e = await this.db.transaction().execute(async (trx) => {
      const e = await this.load(actor, id, trx);
      if (!rule.from.includes(e.status)) throw new ConflictError(`A ${e.status} story cannot be moved to ${input.to}.`);
      this.allow(actor, rule.action, e, { submit: 'submit', sendBack: 'send back', publish: 'publish', schedule: 'schedule', unpublish: 'unpublish' }[rule.action as string] ?? rule.action);
      const now = this.clock();
      const fields: FieldError[] = [];
      let at: number | null = null;
      if (input.to === 'published' || input.to === 'scheduled') {
        if (!e.headline.trim()) fields.push({ field: 'headline', message: 'Write a headline before publishing.' });
        if (e.section_id === null) fields.push({ field: 'sectionId', message: 'Choose a section before publishing.' });
      }
      if (input.to === 'scheduled') {
        at = input.at ? Date.parse(input.at) : NaN;
        if (!Number.isFinite(at)) fields.push({ field: 'at', message: 'Choose the publication time.' });
        else if (at <= now) fields.push({ field: 'at', message: 'The publication time must be in the future.' });
      }
      if (input.to === 'unpublished' && !input.reason?.trim()) fields.push({ field: 'reason', message: 'Say why the story is taken down; it is kept in the audit log.' });
      if (fields.length) throw new ValidationError('The story cannot be moved yet.', fields);

      const patch =
        input.to === 'published'
          ? { status: 'published' as const, published_at: e.status === 'scheduled' || e.published_at === null ? now : e.published_at, scheduled_at: null }
          : input.to === 'scheduled'
            ? { status: 'scheduled' as const, published_at: at!, scheduled_at: at! }
            : input.to === 'unpublished'
              ? { status: 'unpublished' as const, scheduled_at: null }
              : input.to === 'draft'
                ? { status: 'draft' as const, scheduled_at: null, ...(e.status === 'scheduled' ? { published_at: null } : {}) }
                : { status: input.to };
      await trx.updateTable('editions').set({ ...patch, updated_at: now }).where('id', '=', e.id).execute();
      const note = input.to === 'unpublished' ? input.reason!.trim() : input.to === 'scheduled' ? new Date(at!).toISOString() : '';
      await trx.insertInto('edition_transitions').values({ edition_id: e.id, at: now, user_id: actor.id, from_status: e.status, to_status: input.to, note }).execute();
      if (input.to === 'published' || input.to === 'unpublished' || input.to === 'scheduled') {
        await this.audit.record(trx, { userId: actor.id, action: `story.${input.to === 'published' ? 'publish' : input.to === 'scheduled' ? 'schedule' : 'unpublish'}`, entity: 'edition', entityId: e.id, details: { headline: e.headline, ...(note ? { note } : {}) } });
      }
      if (input.to === 'scheduled') {
        await enqueue(trx, { topic: PUBLISH_SCHEDULED, payload: { editionId: e.id, at }, runAt: at!, dedupeKey: `publish:${e.id}:${at}` }, now);
      }
      return e;
    });
    this.purge(e.locale, e.id);
    return this.get(actor, id);
  }

  /** The scheduled-publishing job: publishes only if the story is still scheduled for that time. */
  async publishScheduled(editionId: number, at: number): Promise<boolean> {
    const e = await this.db.transaction().execute(async (trx) => {
      const now = this.clock();
      const r = await trx.updateTable('editions').set({ status: 'published', scheduled_at: null, updated_at: now }).where('id', '=', editionId).where('status', '=', 'scheduled').where('scheduled_at', '=', at).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return null;
      await trx.insertInto('edition_transitions').values({ edition_id: editionId, at: now, user_id: null, from_status: 'scheduled', to_status: 'published', note: 'scheduled' }).execute();
      return trx.selectFrom('editions').select(['locale', 'headline']).where('id', '=', editionId).executeTakeFirst();
    });
    if (e) this.purge(e.locale, editionId);
    return !!e;
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const e = await this.load(actor, id);
    this.allow(actor, 'delete', e, 'delete');
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('editions').where('id', '=', e.id).execute();
      const left = await trx.selectFrom('editions').select('id').where('story_id', '=', e.story_id).executeTakeFirst();
      if (!left) await trx.deleteFrom('stories').where('id', '=', e.story_id).execute();
      await this.audit.record(trx, { userId: actor.id, action: 'story.delete', entity: 'edition', entityId: e.id, details: { headline: e.headline, status: e.status } });
    });
    this.purge(e.locale, e.id);
  }

  async addNote(actor: Actor, id: number, kind: 'correction' | 'update', text: string): Promise<EditionJson> {
    const e = await this.load(actor, id);
    this.allow(actor, 'note', e, 'add notes to');
    const clean = (text ?? '').trim();
    if (!clean || clean.length > 2000) throw new ValidationError('Please correct the highlighted fields.', [{ field: 'text', message: 'Write the note (up to 2000 characters).' }]);
    await this.db.transaction().execute(async (trx) => {
      const now = this.clock();
      await trx.insertInto('edition_notes').values({ edition_id: e.id, kind, text: clean, at: now, user_id: actor.id }).execute();
      await trx.updateTable('editions').set({ updated_at: now }).where('id', '=', e.id).execute();
      await this.audit.record(trx, { userId: actor.id, action: `story.${kind}`, entity: 'edition', entityId: e.id, details: { text: clean } });
    });
    this.purge(e.locale, e.id);
    return this.get(actor, id);
  }

  async heartbeat(actor: Actor, id: number) {
    await this.load(actor, id);
    const now = this.clock();
    await this.repo.touchPresence(id, actor.id, now);
    const all = (await this.repo.presence([id], now - PRESENCE_WINDOW_MS)).get(id) ?? [];
    return { editingNow: all.filter((p) => p.id !== actor.id) };
  }

  presenceSince(): number {
    return this.clock() - PRESENCE_WINDOW_MS;
  }
}
