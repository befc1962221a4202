/**
 * The editorial workflow: create, save (optimistic versioning + a revision per save), move through
 * draft → review → scheduled/published → unpublished, derived editions, notes, presence. Every
 * change is one transaction with its revision, transition record, audit entry and outbox job; the
 * SQL lives in NewsroomRepository, the rules without I/O in editorial.rules.ts.
 */
import type { Kysely } from 'kysely';
import type { Actor, EditionAction } from '../accounts/policy.js';
import { canOnEdition } from '../accounts/policy.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { Database, EditionStatus } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors.js';
import { normalizeDoc, paragraphsToDoc, type StoryDoc } from '../content/document.js';
import { deriveEditionFields } from '../content/stories.service.js';
import { recordRevision, recordTransition } from '../content/revisions.repository.js';
import { slugify, typedSlug } from '../content/slug.js';
import { LOCALES, type Locale } from '../i18n/locales.js';
import { enqueue } from '../jobs/outbox.js';
import { StoryEvents } from '../distribution/story-events.js';
import type { EditorialNotify } from '../desk/notifications.service.js';
import type { EditionPresenter, EditionJson } from './edition.presenter.js';
import { editionClash, type EditionWithStory, type NewsroomRepository } from './newsroom.repository.js';
import {
  changedStoryFields, isAutoSlug, isLive, plainText, PUBLISH_SCHEDULED, scriptTwin, storyFieldsMessage, TRANSITIONS, transliterated, wordDiff,
  type SaveInput, type StoryFields, type TransitionInput,
} from './editorial.rules.js';
import { type ApiMessage, msg } from '../i18n/api-messages.js';
import { exceptionPairs } from './translit-exceptions.repository.js';
import { field } from '../errors.js';
import { reindexStories } from '../search/search-index.js';

export { SaveInput, TransitionInput, PUBLISH_SCHEDULED, scriptTwin, transliterated, plainText, wordDiff } from './editorial.rules.js';

/** Internal signal: the client's version is not the current one. */
class StaleVersion extends Error {}
const PRESENCE_WINDOW_MS = 45_000;
/** A race on an automatic slug is retried with the next free one; a few rounds always suffice. */
const SLUG_RETRIES = 5;
const LOCALE_TAKEN = msg('story.locale_taken');
const SCRIPT_TAKEN = msg('story.script_taken');

type Touched = { locale: string; id: number }[];

export class EditorialService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: NewsroomRepository,
    private readonly presenter: EditionPresenter,
    private readonly audit: AuditRepository,
    private readonly clock: () => number,
    private readonly purge: (locale: string, editionId: number) => void,
    /** The desk's notifications of workflow moves, written in the move's transaction. */
    private readonly notify: EditorialNotify = async () => {},
    /** Announcements to the world outside the site (feeds' pings, Telegram, webhooks), in the change's transaction. */
    private readonly events: StoryEvents = new StoryEvents(),
  ) {}

  /** Loads an edition the actor may read; others' stories look missing to those who may not. */
  async load(actor: Actor, id: number, trx?: Kysely<Database>): Promise<EditionWithStory> {
    const e = await this.repo.edition(id, trx);
    if (!e || !canOnEdition(actor, 'read', { ownerId: e.owner_id, status: e.status })) throw new NotFoundError(msg('story.not_found'));
    return e;
  }

  private allow(actor: Actor, action: EditionAction, e: { owner_id: number | null; status: EditionStatus }, what: string): void {
    if (!canOnEdition(actor, action, { ownerId: e.owner_id, status: e.status })) {
      throw new ForbiddenError(e.status !== 'draft' && actor.role === 'contributor' ? msg('story.role_may_not_while', { role: actor.role, action: what, status: e.status }) : msg('story.role_may_not', { role: actor.role, action: what }));
    }
  }

  async get(actor: Actor, id: number): Promise<EditionJson> {
    return this.presenter.present(await this.load(actor, id), actor);
  }

  /**
   * Runs a transaction again when it lost a race for an automatic slug at the unique constraint:
   * the next round sees the winner's row and picks the next free slug. The one-edition-per-language
   * uniqueness becomes `localeTaken` when given; anything else propagates.
   */
  private async slugSafe<T>(work: () => Promise<T>, localeTaken?: ApiMessage): Promise<T> {
    for (let round = 1; ; round++) {
      try {
        return await work();
      } catch (err) {
        const clash = editionClash(err);
        if (clash === 'locale' && localeTaken) throw new ConflictError(localeTaken);
        if (clash !== 'slug' || round >= SLUG_RETRIES) throw err;
      }
    }
  }

  async create(actor: Actor, locale: string, headline = ''): Promise<EditionJson> {
    if (!(LOCALES as readonly string[]).includes(locale)) throw new ValidationError(msg('form.invalid'), [field('locale', 'field.locale')]);
    const id = await this.slugSafe(() =>
      this.db.transaction().execute(async (trx) => {
        const storyId = await this.repo.insertStory(trx, actor.id, this.clock());
        return this.insertEdition(trx, actor, storyId, locale as Locale, headline.trim().slice(0, 300), paragraphsToDoc([]));
      }),
    );
    return this.get(actor, id);
  }

  /** Adds another language edition to a story, as a draft. */
  async translate(actor: Actor, sourceId: number, locale: string): Promise<EditionJson> {
    if (!(LOCALES as readonly string[]).includes(locale)) throw new ValidationError(msg('form.invalid'), [field('locale', 'field.locale')]);
    const id = await this.slugSafe(
      () =>
        this.db.transaction().execute(async (trx) => {
          const source = await this.load(actor, sourceId, trx);
          if ((await this.repo.siblings(source.story_id, trx)).some((s) => s.locale === locale)) throw new ConflictError(LOCALE_TAKEN);
          return this.insertEdition(trx, actor, source.story_id, locale as Locale, '', paragraphsToDoc([]));
        }),
      LOCALE_TAKEN,
    );
    return this.get(actor, id);
  }

  private async insertEdition(trx: Kysely<Database>, actor: Actor, storyId: number, locale: Locale, headline: string, doc: StoryDoc): Promise<number> {
    const now = this.clock();
    const slug = await this.repo.freeSlug(trx, locale, slugify(headline, undefined, locale) || `story-${storyId}`);
    const id = await this.repo.insertEdition(trx, {
      story_id: storyId, locale, status: 'draft', headline, slug, lead: '', ...deriveEditionFields(doc, locale, headline, ''),
      dateline_city: '', dateline_agency: '', hero_caption: '', seo_title: '', seo_description: '', is_main: 0, is_breaking: 0,
      views_total: 0, version: 1, published_at: null, scheduled_at: null, created_by: actor.id, created_at: now, updated_at: now,
    });
    await this.writeRevision(trx, id, 1, actor.id);
    await recordTransition(trx, { edition_id: id, at: now, user_id: actor.id, from_status: null, to_status: 'draft', note: '' });
    await reindexStories(trx, [storyId]);
    return id;
  }

  /**
   * Saves an edition. `version` must be the one the client loaded: otherwise 409 with the current
   * edition, so two people never overwrite each other silently. `how` names the change in the
   * audit log when the edition is published or scheduled ('restore' for a restored revision).
   * `keepStoryFields`: the story-wide fields in `input` are ignored and stay as they are when the
   * transaction reads them (a restore of the text alone must not undo a concurrent change to them).
   */
  async save(actor: Actor, id: number, input: SaveInput, how: 'edit' | 'restore' = 'edit', opts: { keepStoryFields?: boolean } = {}): Promise<EditionJson> {
    const doc = normalizeDoc(input.body);
    const fields: FieldError[] = [];
    const slug = input.slug.trim();
    // A slug typed in Cyrillic is converted in saveIn (it needs the edition's locale); only one
    // with nothing to convert is refused.
    if (slug && !typedSlug(slug)) fields.push(field('slug', 'field.slug'));
    const [sections, tags, authors, media] = await Promise.all([
      this.repo.existingIds('sections', input.sectionId === null ? [] : [input.sectionId]),
      this.repo.existingIds('tags', input.tagIds),
      this.repo.existingIds('authors', input.authorIds),
      this.repo.existingIds('media', input.heroMediaId === null ? [] : [input.heroMediaId]),
    ]);
    if (input.sectionId !== null && !sections.has(input.sectionId)) fields.push(field('sectionId', 'story.section_gone'));
    if (input.tagIds.some((t) => !tags.has(t))) fields.push(field('tagIds', 'story.tag_gone'));
    if (input.authorIds.some((a) => !authors.has(a))) fields.push(field('authorIds', 'story.author_gone'));
    if (input.heroMediaId !== null && !media.has(input.heroMediaId)) fields.push(field('heroMediaId', 'story.image_gone'));
    if (fields.length) throw new ValidationError(msg('form.invalid'), fields);

    // The conflict answer is built after the transaction ends: SQLite has one connection, and a
    // query outside the transaction while it is open would wait for ever.
    const touched = await this.slugSafe(() => this.db.transaction().execute((trx) => this.saveIn(trx, actor, id, input, doc, slug, how, opts.keepStoryFields === true))).catch(async (err: unknown) => {
      if (!(err instanceof StaleVersion)) throw err;
      throw new ConflictError(msg('story.stale'), { current: await this.get(actor, id) });
    });
    for (const t of touched) this.purge(t.locale, t.id);
    return this.get(actor, id);
  }

  private async saveIn(trx: Kysely<Database>, actor: Actor, id: number, input: SaveInput, doc: StoryDoc, slug: string, how: 'edit' | 'restore', keepStoryFields: boolean): Promise<Touched> {
    const e = await this.load(actor, id, trx);
    this.allow(actor, 'edit', e, 'edit');
    if (e.version !== input.version) throw new StaleVersion();
    if (isLive(e.status) && !input.headline.trim()) {
      throw new ValidationError(msg('form.invalid'), [field('headline', 'story.published_needs_headline')]);
    }
    const locale = e.locale as Locale;
    const now = this.clock();
    const touched: Touched = isLive(e.status) ? [{ locale: e.locale, id: e.id }] : [];

    // Story-level fields are shared by every language: changing them through this edition changes
    // the published ones too, so it takes the right to edit each of those.
    const [tagIds, authorIds, editions] = await Promise.all([this.repo.storyTagIds(e.story_id, trx), this.repo.storyAuthorIds(e.story_id, trx), this.repo.siblings(e.story_id, trx)]);
    const before: StoryFields = { sectionId: e.section_id, heroMediaId: e.hero_media_id, tagIds, authorIds };
    const after: StoryFields = keepStoryFields ? before : { sectionId: input.sectionId, heroMediaId: input.heroMediaId, tagIds: [...new Set(input.tagIds)], authorIds: [...new Set(input.authorIds)] };
    const changed = changedStoryFields(before, after);
    const live = editions.filter((x) => isLive(x.status));
    if (changed.length && live.some((x) => !canOnEdition(actor, 'edit', { ownerId: e.owner_id, status: x.status }))) {
      throw new ForbiddenError(storyFieldsMessage(changed, actor.role), { fields: changed });
    }

    let finalSlug = (slug && typedSlug(slug, e.locale as Locale)) || e.slug;
    let chosen = false;
    // Until first publication the slug follows the headline, unless someone typed their own.
    const headline = input.headline.trim();
    if (e.published_at === null && finalSlug === e.slug && isAutoSlug(e.slug, e.headline, locale) && headline !== e.headline) {
      const base = slugify(headline, undefined, locale);
      if (base) [finalSlug, chosen] = [await this.repo.freeSlug(trx, e.locale, base, e.id), true];
    }
    if (finalSlug !== e.slug) {
      // A typed address that is taken is the user's to change (422). An automatic one was free a
      // moment ago; if a concurrent save takes it first, the constraint fails and slugSafe retries.
      if (!chosen && (await this.repo.slugTaken(trx, e.locale, finalSlug, e.id))) throw new ValidationError(msg('form.invalid'), [field('slug', 'story.slug_taken')]);
      // A story that readers may have linked keeps its old address as a redirect.
      await this.repo.moveAddress(trx, e, e.published_at !== null ? e.slug : null, finalSlug, now);
    }
    const lead = input.lead.trim();
    const version = e.version + 1;
    const ok = await this.repo.updateEditionIf(trx, e.id, { version: e.version, status: e.status }, {
      headline, slug: finalSlug, lead, ...deriveEditionFields(doc, locale, headline, lead),
      dateline_city: input.datelineCity.trim(), hero_caption: input.heroCaption.trim(), seo_title: input.seoTitle.trim(), seo_description: input.seoDescription.trim(),
      is_main: input.isMain ? 1 : 0, is_breaking: input.isBreaking ? 1 : 0, embargo_until: input.embargoUntil ? Date.parse(input.embargoUntil) : null,
      // The expiry belongs to the flag: clearing the flag clears it; left out, it stays.
      ...(!input.isMain ? { main_until: null } : input.mainUntil !== undefined ? { main_until: input.mainUntil ? Date.parse(input.mainUntil) : null } : {}),
      ...(input.urgency !== undefined ? { urgency: input.urgency } : {}),
      // A hand edit of a derived edition ends its sync.
      ...(e.derived_from !== null && (e.sync === 'synced' || e.sync === 'pending') ? { sync: 'diverged' as const } : {}),
      version, updated_at: now,
    });
    if (!ok) throw new ConflictError(msg('story.concurrent_save'));
    await this.repo.updateStoryFields(trx, e.story_id, { section_id: after.sectionId, hero_media_id: after.heroMediaId, updated_at: now });
    if (changed.length) {
      await this.repo.replaceStoryTags(trx, e.story_id, after.tagIds);
      await this.repo.replaceStoryAuthors(trx, e.story_id, after.authorIds);
      if (live.length) {
        const pick = (f: StoryFields) => Object.fromEntries(changed.map((k) => [k, f[k]]));
        await this.audit.record(trx, { userId: actor.id, action: 'story.fields', entity: 'edition', entityId: e.id, details: { storyId: e.story_id, before: pick(before), after: pick(after) } });
        for (const x of live) if (x.id !== e.id) touched.push({ locale: x.locale, id: x.id });
      }
    }
    await this.writeRevision(trx, e.id, version, actor.id);
    if (isLive(e.status)) {
      await this.audit.record(trx, { userId: actor.id, action: `story.${how}`, entity: 'edition', entityId: e.id, details: { headline, version, before: { headline: e.headline, lead: e.lead, version: e.version } } });
    }
    // The editions derived from this one follow it — unless the saver may not edit one of them
    // (a contributor's draft source of a published edition): that one gets a pending update
    // which someone who may edit it accepts (resync), and stays as it is until then.
    for (const f of await this.repo.followers(trx, e.id)) {
      if (canOnEdition(actor, 'edit', { ownerId: e.owner_id, status: f.status })) {
        await this.syncDerived(trx, f.id, actor.id, 'story.sync');
        if (isLive(f.status)) touched.push({ locale: scriptTwin(e.locale) ?? e.locale, id: f.id });
      } else if (f.sync !== 'pending') {
        await this.repo.updateEdition(trx, f.id, { sync: 'pending' });
      }
    }
    // Search columns of every edition of the story (story-level names may have changed too), in
    // this transaction: the index is never behind what was saved.
    await reindexStories(trx, [e.story_id]);
    await this.announceUpdates(trx, touched, e.story_id, now);
    // A published story put under a (new) embargo is announced again once the embargo passes;
    // whoever already announced it sees that and does nothing twice.
    const embargo = input.embargoUntil ? Date.parse(input.embargoUntil) : null;
    if (e.status === 'published' && embargo !== null && embargo > now && embargo !== e.embargo_until) {
      await this.events.emit(trx, { type: 'published', editionId: e.id, storyId: e.story_id, locale: e.locale, at: now }, { visibleFrom: embargo });
    }
    return touched;
  }

  /**
   * Creates the other-script Uzbek edition of a story from `sourceId` by transliteration; it
   * stays in sync with the source until someone edits it by hand.
   */
  async derive(actor: Actor, sourceId: number): Promise<EditionJson> {
    const id = await this.slugSafe(
      () =>
        this.db.transaction().execute(async (trx) => {
          const source = await this.load(actor, sourceId, trx);
          this.allow(actor, 'edit', source, 'add an edition to');
          const target = scriptTwin(source.locale);
          if (!target) throw new ValidationError(msg('story.not_uzbek'), [field('locale', 'story.derive_from_uzbek')]);
          if ((await this.repo.siblings(source.story_id, trx)).some((x) => x.locale === target)) throw new ConflictError(SCRIPT_TAKEN);
          const id = await this.insertEdition(trx, actor, source.story_id, target, '', paragraphsToDoc([]));
          await this.repo.updateEdition(trx, id, { derived_from: source.id, sync: 'synced' });
          await this.syncDerived(trx, id, actor.id, null, source.slug);
          await reindexStories(trx, [source.story_id]);
          return id;
        }),
      SCRIPT_TAKEN,
    );
    return this.get(actor, id);
  }

  /**
   * Overwrites a derived edition with the transliterated source again and resumes following it:
   * the "accept update" of a pending edition, or the undo of hand edits. Needs edit rights on it.
   */
  async resync(actor: Actor, id: number): Promise<EditionJson> {
    const e = await this.db.transaction().execute(async (trx) => {
      const e = await this.load(actor, id, trx);
      this.allow(actor, 'edit', e, 'edit');
      if (e.derived_from === null) throw new ConflictError(msg('story.not_derived'));
      await this.syncDerived(trx, e.id, actor.id, 'story.resync');
      await reindexStories(trx, [e.story_id]);
      if (isLive(e.status)) await this.announceUpdates(trx, [{ locale: e.locale, id: e.id }], e.story_id, this.clock());
      return e;
    });
    if (isLive(e.status)) this.purge(e.locale, e.id);
    return this.get(actor, id);
  }

  /** Word diff between a derived edition and what the transliterated source would give. */
  async syncDiff(actor: Actor, id: number) {
    const e = await this.load(actor, id);
    if (e.derived_from === null) throw new ConflictError(msg('story.not_derived'));
    const source = await this.repo.edition(e.derived_from);
    if (!source) throw new NotFoundError(msg('story.source_gone'));
    const fresh = transliterated(source, e.locale as Locale, await exceptionPairs(this.db));
    return wordDiff(plainText(e), plainText(fresh), e.locale);
  }

  /**
   * Writes the transliterated source into a derived edition as a new version (with a revision)
   * and marks it synced. Callers have checked the right to edit it; a change to a published or
   * scheduled edition is audited as `auditAction`.
   */
  private async syncDerived(trx: Kysely<Database>, derivedId: number, userId: number | null, auditAction: 'story.sync' | 'story.resync' | null, slug?: string): Promise<void> {
    const d = await this.repo.edition(derivedId, trx);
    if (!d || d.derived_from === null) return;
    const source = await this.repo.edition(d.derived_from, trx);
    if (!source) return;
    const locale = d.locale as Locale;
    const t = transliterated(source, locale, await exceptionPairs(trx));
    const doc = JSON.parse(t.body_json) as StoryDoc;
    const version = d.version + 1;
    const wantedSlug = slug && !(await this.repo.slugTaken(trx, locale, slug, d.id)) ? slug : d.slug;
    await this.repo.updateEdition(trx, d.id, {
      ...t, slug: wantedSlug, ...deriveEditionFields(doc, locale, t.headline, t.lead),
      is_main: source.is_main, is_breaking: source.is_breaking, embargo_until: source.embargo_until,
      urgency: source.urgency,
      sync: 'synced', source_version: source.version, version, updated_at: this.clock(),
    });
    await this.writeRevision(trx, d.id, version, userId);
    if (auditAction && isLive(d.status)) {
      await this.audit.record(trx, { userId, action: auditAction, entity: 'edition', entityId: d.id, details: { headline: t.headline, version, sourceId: source.id, sourceVersion: source.version, before: { headline: d.headline, lead: d.lead, version: d.version } } });
    }
  }

  /**
   * Re-derives a synced derived edition because the transliteration itself changed (an edited
   * exception), through the same write as a source save: a new version and revision, audited as
   * `story.sync` and announced when it is live. Nothing is written when the text comes out the same.
   * Returns whether the edition changed.
   */
  async rederive(id: number, userId: number): Promise<boolean> {
    const changed = await this.db.transaction().execute(async (trx) => {
      const d = await this.repo.edition(id, trx);
      if (!d || d.derived_from === null || d.sync !== 'synced') return null;
      const source = await this.repo.edition(d.derived_from, trx);
      if (!source) return null;
      const t = transliterated(source, d.locale as Locale, await exceptionPairs(trx));
      const same = (Object.keys(t) as Array<keyof typeof t>).every((k) => t[k] === d[k]);
      if (same) return null;
      await this.syncDerived(trx, d.id, userId, 'story.sync');
      if (isLive(d.status)) await this.announceUpdates(trx, [{ locale: d.locale, id: d.id }], d.story_id, this.clock());
      return d;
    });
    if (changed && isLive(changed.status)) this.purge(changed.locale, changed.id);
    return changed !== null;
  }

  /** Tells the world that these live editions changed (coalesced per edition by StoryEvents). */
  private async announceUpdates(trx: Kysely<Database>, touched: Touched, storyId: number, now: number): Promise<void> {
    for (const t of touched) await this.events.emit(trx, { type: 'updated', editionId: t.id, storyId, locale: t.locale, at: now });
  }

  /** A revision of the edition as it now is (the same record every story write leaves). */
  writeRevision(trx: Kysely<Database>, editionId: number, version: number, userId: number | null): Promise<void> {
    return recordRevision(trx, editionId, version, userId, this.clock());
  }

  /**
   * Moves an edition through the workflow. The move is conditional on the status it starts from
   * (and on `input.from`, the status the client saw): of two conflicting moves sent at once, one
   * wins and the other gets 409 and writes nothing — no transition row, job or audit entry.
   */
  async transition(actor: Actor, id: number, input: TransitionInput): Promise<EditionJson> {
    const rule = TRANSITIONS[input.to];
    const e = await this.db.transaction().execute(async (trx) => {
      const e = await this.load(actor, id, trx);
      if (input.from && input.from !== e.status) throw new ConflictError(msg('story.moved_meanwhile', { status: e.status }));
      if (!rule.from.includes(e.status)) throw new ConflictError(msg('story.bad_transition', { from: e.status, to: input.to }));
      this.allow(actor, rule.action, e, rule.verb);
      const now = this.clock();
      const fields: FieldError[] = [];
      let at: number | null = null;
      if (input.to === 'published' || input.to === 'scheduled') {
        if (!e.headline.trim()) fields.push(field('headline', 'story.headline_required'));
        if (e.section_id === null) fields.push(field('sectionId', 'story.section_required'));
      }
      if (input.to === 'scheduled') {
        at = input.at ? Date.parse(input.at) : NaN;
        if (!Number.isFinite(at)) fields.push(field('at', 'story.time_required'));
        else if (at <= now) fields.push(field('at', 'story.time_in_past'));
      }
      if (input.to === 'unpublished' && !input.reason?.trim()) fields.push(field('reason', 'story.reason_required'));
      // Sending a submitted story back tells its author what to do: the reason is shown in the editor.
      if (input.to === 'draft' && e.status === 'review' && !input.reason?.trim()) fields.push(field('reason', 'story.send_back_reason_required'));
      if (fields.length) throw new ValidationError(msg('story.cannot_move'), fields);

      const patch =
        input.to === 'published'
          ? { status: 'published' as const, published_at: e.status === 'scheduled' || e.published_at === null ? now : e.published_at, scheduled_at: null }
          : input.to === 'scheduled'
            ? { status: 'scheduled' as const, published_at: at!, scheduled_at: at! }
            : input.to === 'unpublished'
              ? { status: 'unpublished' as const, scheduled_at: null, unpublish_at: null }
              : input.to === 'draft'
                ? { status: 'draft' as const, scheduled_at: null, unpublish_at: null, ...(e.status === 'scheduled' ? { published_at: null } : {}) }
                : { status: input.to };
      // PostgreSQL: a concurrent move holds the row; once it commits this UPDATE re-reads the row,
      // finds another status and changes nothing. SQLite runs the two one after the other.
      if (!(await this.repo.moveStatus(trx, e.id, e.status, { ...patch, updated_at: now }))) {
        throw new ConflictError(msg('story.concurrent_move'));
      }
      const note = input.to === 'unpublished' ? input.reason!.trim() : input.to === 'scheduled' ? new Date(at!).toISOString() : input.to === 'draft' ? (input.reason?.trim() ?? '') : '';
      await recordTransition(trx, { edition_id: e.id, at: now, user_id: actor.id, from_status: e.status, to_status: input.to, note });
      await this.notify(trx, { from: e.status, to: input.to, edition: e, actorId: actor.id, note: input.reason?.trim() ?? '' });
      if (input.to === 'published' || input.to === 'unpublished' || input.to === 'scheduled') {
        await this.audit.record(trx, { userId: actor.id, action: `story.${input.to === 'published' ? 'publish' : input.to === 'scheduled' ? 'schedule' : 'unpublish'}`, entity: 'edition', entityId: e.id, details: { headline: e.headline, ...(note ? { note } : {}) } });
      }
      if (input.to === 'scheduled') {
        await enqueue(trx, { topic: PUBLISH_SCHEDULED, payload: { editionId: e.id, at }, runAt: at!, dedupeKey: `publish:${e.id}:${at}` }, now);
      }
      const event = { editionId: e.id, storyId: e.story_id, locale: e.locale, at: now };
      if (input.to === 'published') await this.events.emit(trx, { type: 'published', ...event }, { visibleFrom: e.embargo_until });
      // Taken off the site (unpublished, or a published story sent back to draft): a scheduled
      // one that never went out was not announced, and its subscribers find nothing to withdraw.
      else if (isLive(e.status) && !isLive(input.to)) await this.events.emit(trx, { type: 'unpublished', ...event });
      return e;
    });
    this.purge(e.locale, e.id);
    return this.get(actor, id);
  }

  /** The scheduled-publishing job: publishes only if the story is still scheduled for that time. */
  async publishScheduled(editionId: number, at: number): Promise<boolean> {
    const e = await this.db.transaction().execute(async (trx) => {
      const now = this.clock();
      if (!(await this.repo.publishIfScheduled(trx, editionId, at, now))) return null;
      await recordTransition(trx, { edition_id: editionId, at: now, user_id: null, from_status: 'scheduled', to_status: 'published', note: 'scheduled' });
      const e = await this.repo.edition(editionId, trx);
      if (e) await this.notify(trx, { from: 'scheduled', to: 'published', edition: e, actorId: null, note: '' });
      if (e) await this.events.emit(trx, { type: 'published', editionId, storyId: e.story_id, locale: e.locale, at: now }, { visibleFrom: e.embargo_until });
      return e;
    });
    if (e) this.purge(e.locale, editionId);
    return !!e;
  }

  /**
   * The scheduled-unpublish job (desk expiry): takes the edition down only if it is still published
   * and still set to expire at exactly `at` — so a retry, a second node or a changed expiry do
   * nothing twice. The transition's reason is "expired", audited like a hand unpublish.
   */
  async unpublishExpired(editionId: number, at: number): Promise<'done' | 'skipped' | 'waiting'> {
    const e = await this.db.transaction().execute(async (trx) => {
      const now = this.clock();
      const before = await this.repo.edition(editionId, trx);
      if (!before || before.unpublish_at !== at) return 'skipped' as const;
      // A scheduled story whose publication job is late: try again once it is published.
      if (before.status === 'scheduled') return 'waiting' as const;
      if (!(await this.repo.unpublishIfExpiring(trx, editionId, at, now))) return 'skipped' as const;
      await recordTransition(trx, { edition_id: editionId, at: now, user_id: null, from_status: 'published', to_status: 'unpublished', note: 'expired' });
      await this.audit.record(trx, { userId: null, action: 'story.unpublish', entity: 'edition', entityId: editionId, details: { headline: before.headline, note: 'expired' } });
      await this.events.emit(trx, { type: 'unpublished', editionId, storyId: before.story_id, locale: before.locale, at: now });
      return before;
    });
    if (typeof e === 'string') return e;
    this.purge(e.locale, editionId);
    return 'done';
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const e = await this.load(actor, id);
    this.allow(actor, 'delete', e, 'delete');
    await this.db.transaction().execute(async (trx) => {
      await this.repo.deleteEdition(trx, e.id, e.story_id);
      await this.audit.record(trx, { userId: actor.id, action: 'story.delete', entity: 'edition', entityId: e.id, details: { headline: e.headline, status: e.status } });
      if (isLive(e.status)) await this.events.emit(trx, { type: 'unpublished', editionId: e.id, storyId: e.story_id, locale: e.locale, at: this.clock() });
    });
    this.purge(e.locale, e.id);
  }

  async addNote(actor: Actor, id: number, kind: 'correction' | 'update', text: string): Promise<EditionJson> {
    const e = await this.load(actor, id);
    this.allow(actor, 'note', e, 'add notes to');
    const clean = (text ?? '').trim();
    if (!clean || clean.length > 2000) throw new ValidationError(msg('form.invalid'), [field('text', 'story.note_invalid', { max: 2000 })]);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.insertNote(trx, { edition_id: e.id, kind, text: clean, at: this.clock(), user_id: actor.id });
      await this.audit.record(trx, { userId: actor.id, action: `story.${kind}`, entity: 'edition', entityId: e.id, details: { text: clean } });
      if (e.status === 'published') await this.events.emit(trx, { type: kind === 'correction' ? 'corrected' : 'updated', editionId: e.id, storyId: e.story_id, locale: e.locale, at: this.clock() });
    });
    this.purge(e.locale, e.id);
    return this.get(actor, id);
  }

  /**
   * The editor's heartbeat. Only someone who is editing (says so, and may edit) is listed to the
   * others; a reader, or an editor who stopped, is taken off the list at once.
   */
  async heartbeat(actor: Actor, id: number, editing = true) {
    const e = await this.load(actor, id);
    const now = this.clock();
    if (editing && canOnEdition(actor, 'edit', { ownerId: e.owner_id, status: e.status })) await this.repo.touchPresence(id, actor.id, now);
    else await this.repo.dropPresence(id, actor.id);
    const all = (await this.repo.presence([id], now - PRESENCE_WINDOW_MS)).get(id) ?? [];
    return { editingNow: all.filter((p) => p.id !== actor.id) };
  }

  presenceSince(): number {
    return this.clock() - PRESENCE_WINDOW_MS;
  }
}
