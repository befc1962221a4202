/**
 * Revisions of an edition: list, read, compare (word diff plus the edition's own fields) and
 * restore as a new save. A restore brings back what the comparison shows and nothing else; the
 * story-wide fields (section, hero image, tags, authors) come back only when asked for
 * (`storyFields`), and the revision view lists how they differ so the editor can decide.
 */
import type { Actor } from '../accounts/policy.js';
import { NotFoundError } from '../errors.js';
import { docText, type StoryDoc } from '../content/document.js';
import type { TaxonomyAdmin } from '../content/taxonomy.admin.js';
import type { MediaService } from '../media/media.service.js';
import type { EditorialService } from './editorial.service.js';
import { changedStoryFields, plainText, wordDiff, type StoryFields } from './editorial.rules.js';
import type { EditionJson } from './edition.presenter.js';
import type { EditionWithStory, NewsroomRepository } from './newsroom.repository.js';
import { parseSnapshot, restoredText, textChanges, type EditionText } from './revisions.rules.js';

/** One value of a story-wide field as the versions panel shows it (a photo with its thumbnail). */
export interface StoryFieldItem {
  id: number;
  name: string;
  thumb?: string;
  /** Deleted since the revision was saved: restoring it is refused (422). */
  missing?: true;
}

type Names = Partial<Record<string, string>>;
const nameIn = (names: Names, locale: string, fallback: string) => names[locale] || names.ru || Object.values(names).find(Boolean) || fallback;
const textOf = (e: EditionWithStory): EditionText => ({ datelineCity: e.dateline_city, heroCaption: e.hero_caption, seoTitle: e.seo_title, seoDescription: e.seo_description });
import { msg } from '../i18n/api-messages.js';

export class RevisionsService {
  constructor(
    private readonly editorial: EditorialService,
    private readonly repo: NewsroomRepository,
    private readonly taxonomy: TaxonomyAdmin,
    private readonly media: MediaService,
  ) {}

  async revisions(actor: Actor, id: number) {
    await this.editorial.load(actor, id);
    const rows = await this.repo.revisions(id);
    return rows.map((r) => ({ id: r.id, version: r.version, savedAt: new Date(r.saved_at).toISOString(), savedBy: r.user_id === null ? null : { id: r.user_id, name: r.user_name ?? '' }, headline: r.headline }));
  }

  /**
   * One revision, with the story-wide fields that differ from the story as it is now
   * (`storyFields`) and whether this user may restore them (`canRestoreStoryFields`).
   */
  async revision(actor: Actor, revisionId: number) {
    const r = await this.repo.revision(revisionId);
    if (!r) throw new NotFoundError(msg('story.revision_not_found'));
    const current = await this.editorial.get(actor, r.edition_id);
    const body = JSON.parse(r.body_json) as StoryDoc;
    const snap = parseSnapshot(r.snapshot);
    const now: StoryFields = { sectionId: current.sectionId, heroMediaId: current.heroMediaId, tagIds: current.tags.map((t) => t.id), authorIds: current.authors.map((a) => a.id) };
    const changed = changedStoryFields(now, snap);
    const storyFields = await Promise.all(changed.map(async (field) => ({ field, revision: await this.items(field, snap, current.locale), current: await this.items(field, now, current.locale) })));
    return {
      id: r.id, editionId: r.edition_id, version: r.version, savedAt: new Date(r.saved_at).toISOString(), savedBy: r.saved_by === null ? null : { id: r.saved_by, name: r.user_name ?? '' },
      headline: r.headline, lead: r.lead, body, text: docText(body),
      storyFields,
      canRestoreStoryFields: current.can.edit && current.canEditStoryFields,
    };
  }

  /** The named values of one story-wide field, in the edition's language. */
  private async items(field: keyof StoryFields, f: StoryFields, locale: string): Promise<StoryFieldItem[]> {
    const missing = (id: number): StoryFieldItem => ({ id, name: `#${id}`, missing: true });
    switch (field) {
      case 'sectionId': {
        if (f.sectionId === null) return [];
        const s = (await this.taxonomy.sections()).find((x) => x.id === f.sectionId);
        return [s ? { id: s.id, name: nameIn(s.names, locale, s.slug) } : missing(f.sectionId)];
      }
      case 'heroMediaId': {
        if (f.heroMediaId === null) return [];
        const m = await this.media.presentOne(f.heroMediaId);
        const t = m ? (m.texts as Record<string, { alt: string; caption: string }>) : {};
        return [m ? { id: m.id, name: t[locale]?.caption || t[locale]?.alt || '', thumb: m.thumb } : missing(f.heroMediaId)];
      }
      case 'tagIds': {
        const found = await this.taxonomy.tagsByIds(f.tagIds);
        return f.tagIds.map((id) => found.find((t) => t.id === id)).map((t, n) => (t ? { id: t.id, name: nameIn(t.names, locale, t.slug) } : missing(f.tagIds[n]!)));
      }
      case 'authorIds': {
        const found = await this.taxonomy.authorsByIds(f.authorIds);
        return f.authorIds.map((id) => found.find((a) => a.id === id)).map((a, n) => (a ? { id: a.id, name: nameIn(a.names, locale, a.slug) } : missing(f.authorIds[n]!)));
      }
    }
  }

  /**
   * Word diff of headline, lead and body, and the edition's own fields that differ. Against the
   * current text, `fields` is exactly what a restore of `from` would change besides the text.
   */
  async diff(actor: Actor, id: number, from: number, to: number | 'current') {
    const e = await this.editorial.load(actor, id);
    const a = await this.repo.revision(from);
    if (!a || a.edition_id !== id) throw new NotFoundError(msg('story.revision_not_found'));
    const snapA = parseSnapshot(a.snapshot);
    let right = plainText(e);
    let before: EditionText = restoredText(snapA, { ...textOf(e), heroMediaId: e.hero_media_id }, false);
    let after = textOf(e);
    if (to !== 'current') {
      const b = await this.repo.revision(to);
      if (!b || b.edition_id !== id) throw new NotFoundError(msg('story.revision_not_found'));
      right = plainText(b);
      before = snapA;
      after = parseSnapshot(b.snapshot);
    }
    return { ...wordDiff(plainText(a), right, e.locale), fields: textChanges(before, after) };
  }

  /**
   * Restores a revision as a new save, so the restore itself is undoable (a revision; an audit
   * entry `story.restore` on a published or scheduled edition). The address, flags and embargo
   * stay; the story-wide fields stay too unless `storyFields` asks for them, which needs the
   * right to change them on every published edition (403 otherwise, and nothing is saved).
   */
  async restore(actor: Actor, revisionId: number, input: { version: number; storyFields?: boolean }): Promise<EditionJson> {
    const r = await this.repo.revision(revisionId);
    if (!r) throw new NotFoundError(msg('story.revision_not_found'));
    const e = await this.editorial.load(actor, r.edition_id);
    const snap = parseSnapshot(r.snapshot);
    const withStory = input.storyFields === true;
    const story: StoryFields = withStory ? snap : { sectionId: e.section_id, heroMediaId: e.hero_media_id, tagIds: [], authorIds: [] };
    return this.editorial.save(
      actor,
      e.id,
      {
        version: input.version,
        headline: r.headline,
        lead: r.lead,
        body: JSON.parse(r.body_json),
        slug: e.slug,
        ...restoredText(snap, { ...textOf(e), heroMediaId: e.hero_media_id }, withStory),
        ...story,
        isMain: e.is_main === 1,
        isBreaking: e.is_breaking === 1,
        embargoUntil: e.embargo_until === null ? null : new Date(e.embargo_until).toISOString(),
      },
      'restore',
      { keepStoryFields: !withStory },
    );
  }
}
