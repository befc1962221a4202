/** Turns an edition and its surroundings into the `Edition` shape of docs/newsroom-api.md. */
import type { Actor, EditionAction } from '../accounts/policy.js';
import { canOnEdition } from '../accounts/policy.js';
import type { EditionStatus } from '../db/schema.js';
import type { TaxonomyAdmin } from '../content/taxonomy.admin.js';
import type { MediaService } from '../media/media.service.js';
import type { SettingsStore } from '../site/settings.js';
import { urls } from '../site/urls.js';
import { isVisible } from '../content/visibility.js';
import { LOCALES, type Locale } from '../i18n/locales.js';
import type { EditionWithStory, NewsroomRepository } from './newsroom.repository.js';

const iso = (t: number | null | undefined) => (t === null || t === undefined ? null : new Date(t).toISOString());
const person = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });


type SiblingFacts = { id: number; updated_at: number; version: number; derived_from: number | null; sync: string; source_version: number | null };

function isOutdated(e: SiblingFacts, all: SiblingFacts[]): boolean {
  if (e.derived_from !== null) {
    const src = all.find((s) => s.id === e.derived_from);
    return (e.sync === 'diverged' || e.sync === 'pending') && !!src && src.version > (e.source_version ?? 0);
  }
  const source = all.reduce<SiblingFacts | null>((a, b) => (a === null || b.id < a.id ? b : a), null);
  return !!source && source.id !== e.id && source.updated_at > e.updated_at;
}

export class EditionPresenter {
  constructor(
    private readonly repo: NewsroomRepository,
    private readonly taxonomy: TaxonomyAdmin,
    private readonly media: MediaService,
    private readonly settings: SettingsStore,
    private readonly clock: () => number,
  ) {}

  can(actor: Actor, e: { owner_id: number | null; status: EditionStatus; sync?: string }) {
    const f = { ownerId: e.owner_id, status: e.status };
    const c = (a: EditionAction) => canOnEdition(actor, a, f);
    return {
      edit: c('edit'),
      // A source change waits on this derived edition for someone who may edit it (POST …/resync).
      acceptUpdate: c('edit') && e.sync === 'pending',
      submit: c('submit') && e.status === 'draft',
      publish: c('publish') && e.status !== 'published',
      schedule: c('schedule') && e.status !== 'published',
      unpublish: c('unpublish') && (e.status === 'published' || e.status === 'scheduled'),
      delete: c('delete'),
    };
  }

  async present(e: EditionWithStory, actor: Actor) {
    const now = this.clock();
    const [tagIds, authorIds, siblings, notes, transitions, settings, owner] = await Promise.all([
      this.repo.storyTagIds(e.story_id),
      this.repo.storyAuthorIds(e.story_id),
      this.repo.siblings(e.story_id),
      this.repo.notes(e.id),
      this.repo.transitions(e.id),
      this.settings.get(),
      e.owner_id === null ? Promise.resolve(undefined) : this.repo.userName(e.owner_id),
    ]);
    const [tags, authors, hero] = await Promise.all([
      this.taxonomy.tagsByIds(tagIds),
      this.taxonomy.authorsByIds(authorIds),
      e.hero_media_id === null ? Promise.resolve(null) : this.media.presentOne(e.hero_media_id),
    ]);
    return {
      id: e.id,
      storyId: e.story_id,
      locale: e.locale,
      status: e.status,
      version: e.version,
      headline: e.headline,
      slug: e.slug,
      lead: e.lead,
      body: JSON.parse(e.body_json) as unknown,
      datelineCity: e.dateline_city,
      datelineAgency: e.dateline_agency || settings.datelineAgency[e.locale as Locale] || '',
      sectionId: e.section_id,
      tags,
      authors,
      heroMediaId: e.hero_media_id,
      hero,
      heroCaption: e.hero_caption,
      seoTitle: e.seo_title,
      seoDescription: e.seo_description,
      isMain: e.is_main === 1,
      mainUntil: iso(e.main_until ?? null),
      isBreaking: e.is_breaking === 1,
      urgency: e.urgency,
      publishedAt: iso(e.published_at),
      scheduledAt: iso(e.scheduled_at),
      embargoUntil: iso(e.embargo_until),
      createdAt: iso(e.created_at)!,
      updatedAt: iso(e.updated_at)!,
      createdBy: owner ? { id: e.owner_id!, name: owner } : null,
      wordCount: e.word_count,
      readingMinutes: e.reading_minutes,
      publicUrl: isVisible(e, now) ? urls.article(e.locale as Locale, e.slug) : null,
      previewUrl: `/admin/preview/${e.id}`,
      /** Whether the site shows the lead under the headline (settings.showLead); the editor says so beside the field. */
      leadOnSite: settings.showLead,
      notes: notes.map((n) => ({ id: n.id, kind: n.kind, text: n.text, at: iso(n.at)!, by: person(n.user_id, n.user_name) })),
      transitions: transitions.map((t) => ({ at: iso(t.at)!, by: person(t.user_id, t.user_name), from: t.from_status, to: t.to_status, note: t.note })),
      derivedFrom: e.derived_from,
      sync: e.sync || null,
      // Every edition of the story, and the languages it lacks. The first edition is the source
      // the others are translated from; one is "outdated" when the source changed after it.
      siblings: siblings.filter((s) => s.id !== e.id).map((s) => ({ locale: s.locale, editionId: s.id, status: s.status, sync: s.sync || null, outdated: isOutdated(s, siblings) })),
      missingLocales: LOCALES.filter((l) => settings.enabledLocales.includes(l) && !siblings.some((s) => s.locale === l)),
      outdated: isOutdated(e, siblings),
      can: this.can(actor, e),
      // Section, hero image, tags and authors belong to the story: editable only by someone who may
      // edit every published or scheduled edition of it (EditorialService.save enforces the same).
      canEditStoryFields:
        canOnEdition(actor, 'edit', { ownerId: e.owner_id, status: e.status }) &&
        siblings.every((s) => !(s.status === 'published' || s.status === 'scheduled') || canOnEdition(actor, 'edit', { ownerId: e.owner_id, status: s.status })),
    };
  }
}
export type EditionJson = Awaited<ReturnType<EditionPresenter['present']>>;
