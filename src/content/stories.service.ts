/**
 * Rules for creating stories: validation, unique slugs, derived fields (HTML, word count,
 * reading time, search text), all in one transaction so a story is written whole or not at all.
 * Each edition gets its first revision and transition through the same records the newsroom's
 * editorial service writes (revisions.repository.ts), so a demo or imported story has a history.
 * The newsroom's editing workflow builds on this service.
 */
import type { Kysely } from 'kysely';
import type { Database, EditionStatus } from '../db/schema.js';
import { foldForSearch } from '../db/dialect.js';
import { ValidationError, type FieldError } from '../errors.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import { countWords, readingMinutes } from '../i18n/reading-time.js';
import { galleryLabels } from './blocks.js';
import { countImages, docText, isStoryDoc, renderDoc, type StoryDoc } from './document.js';
import type { EditionsRepository } from './editions.repository.js';
import { recordRevision, recordTransition } from './revisions.repository.js';
import { isValidSlug, slugify } from './slug.js';
import { field } from '../errors.js';
import { reindexStories } from '../search/search-index.js';
import { msg } from '../i18n/api-messages.js';

export interface EditionInput {
  locale: Locale;
  headline: string;
  slug?: string;
  lead?: string;
  doc: StoryDoc;
  dateline?: { city: string; agency: string };
  heroCaption?: string;
  seoTitle?: string;
  seoDescription?: string;
  status: EditionStatus;
  publishedAt?: Date | null;
  isMain?: boolean;
  isBreaking?: boolean;
  /** Views carried over from another system (imports). */
  initialViews?: number;
  /**
   * The Uzbek edition (listed earlier in the same story) this one is the other-script
   * transliteration of: it is recorded as derived and in sync, as the newsroom's derive does.
   */
  derivedFrom?: Locale;
}

export interface StoryInput {
  sectionId?: number | null;
  tagIds?: number[];
  authorIds?: number[];
  heroMediaId?: number | null;
  editions: EditionInput[];
}

export interface CreatedStory {
  storyId: number;
  editions: { id: number; locale: Locale; slug: string }[];
}

export function deriveEditionFields(doc: StoryDoc, locale: Locale, headline: string, lead: string) {
  const text = docText(doc);
  const words = countWords(text, locale);
  return {
    body_json: JSON.stringify(doc),
    body_html: renderDoc(doc, galleryLabels(locale)),
    word_count: words,
    reading_minutes: readingMinutes(words, countImages(doc), locale),
    search_text: foldForSearch(`${headline} ${lead} ${text}`),
  };
}

export class StoriesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly editions: EditionsRepository,
    private readonly clock: () => number = Date.now,
  ) {}

  validate(input: StoryInput): void {
    const fields: FieldError[] = [];
    const seen = new Set<string>();
    if (input.editions.length === 0) fields.push(field('editions', 'story.needs_edition'));
    input.editions.forEach((e, i) => {
      const f = (name: string) => `editions[${i}].${name}`;
      if (!isLocale(e.locale)) fields.push(field(f('locale'), 'field.locale'));
      if (seen.has(e.locale)) fields.push(field(f('locale'), 'story.locale_taken'));
      seen.add(e.locale);
      if (!e.headline?.trim()) fields.push(field(f('headline'), 'story.headline_empty'));
      else if (e.headline.length > 300) fields.push(field(f('headline'), 'story.headline_too_long', { max: 300 }));
      if (e.slug !== undefined && !isValidSlug(e.slug)) fields.push(field(f('slug'), 'field.slug'));
      if (!isStoryDoc(e.doc)) fields.push(field(f('doc'), 'story.body_invalid'));
      if (e.status === 'published' && !e.publishedAt) fields.push(field(f('publishedAt'), 'story.published_needs_time'));
      if (e.derivedFrom !== undefined && !input.editions.slice(0, i).some((x) => x.locale === e.derivedFrom)) fields.push(field(f('derivedFrom'), 'story.derive_order'));
    });
    if (fields.length) throw new ValidationError(msg('story.cannot_save'), fields);
  }

  /** Creates a story whole or not at all; pass `trx` to make it part of a larger transaction. */
  async create(input: StoryInput, trx?: Kysely<Database>): Promise<CreatedStory> {
    this.validate(input);
    if (trx) return this.write(input, trx);
    return this.db.transaction().execute((t) => this.write(input, t));
  }

  private async write(input: StoryInput, trx: Kysely<Database>): Promise<CreatedStory> {
    const now = this.clock();
    const storyId = await this.editions.insertStory(trx, {
      sectionId: input.sectionId ?? null, heroMediaId: input.heroMediaId ?? null, tagIds: [...new Set(input.tagIds ?? [])], authorIds: [...new Set(input.authorIds ?? [])], now,
    });
    const created: CreatedStory['editions'] = [];
    for (const e of input.editions) created.push(await this.writeEdition(trx, storyId, e, created, now));
    // The search index is written in the story's own transaction: never behind it.
    await reindexStories(trx, [storyId]);
    return { storyId, editions: created };
  }

  /**
   * Adds an edition in another language to an existing story (an import's translation group),
   * in the caller's transaction; the language must be free (the unique constraint decides).
   */
  async addEdition(trx: Kysely<Database>, storyId: number, e: EditionInput): Promise<CreatedStory['editions'][number]> {
    this.validate({ editions: [e] });
    const created = await this.writeEdition(trx, storyId, e, [], this.clock());
    await reindexStories(trx, [storyId]);
    return created;
  }

  private async writeEdition(trx: Kysely<Database>, storyId: number, e: EditionInput, created: CreatedStory['editions'], now: number): Promise<CreatedStory['editions'][number]> {
    const slug = await this.uniqueSlug(trx, e.locale, e.slug ?? (slugify(e.headline, undefined, e.locale) || `story-${storyId}`));
    const headline = e.headline.trim();
    const lead = (e.lead ?? '').trim();
    const id = await this.editions.insert(trx, {
      story_id: storyId,
      locale: e.locale,
      status: e.status,
      headline,
      slug,
      lead,
      ...deriveEditionFields(e.doc, e.locale, headline, lead),
      dateline_city: e.dateline?.city.trim() ?? '',
      dateline_agency: e.dateline?.agency.trim() ?? '',
      hero_caption: e.heroCaption?.trim() ?? '',
      seo_title: e.seoTitle?.trim() ?? '',
      seo_description: e.seoDescription?.trim() ?? '',
      is_main: e.isMain ? 1 : 0,
      is_breaking: e.isBreaking ? 1 : 0,
      views_total: e.initialViews ?? 0,
      version: 1,
      published_at: e.publishedAt ? e.publishedAt.getTime() : null,
      // A scheduled edition names its time twice, as the newsroom's scheduling does (planning lists it).
      scheduled_at: e.status === 'scheduled' && e.publishedAt ? e.publishedAt.getTime() : null,
      created_at: now,
      updated_at: e.publishedAt ? e.publishedAt.getTime() : now,
      ...(e.derivedFrom !== undefined ? { derived_from: created.find((x) => x.locale === e.derivedFrom)!.id, sync: 'synced' as const, source_version: 1 } : {}),
    });
    await recordRevision(trx, id, 1, null, now);
    await recordTransition(trx, { edition_id: id, at: e.publishedAt ? e.publishedAt.getTime() : now, user_id: null, from_status: null, to_status: e.status, note: '' });
    return { id, locale: e.locale, slug };
  }

  /** `slug`, or `slug-2`, `slug-3`… — the first not used by an edition or an old-slug redirect. */
  private async uniqueSlug(trx: Kysely<Database>, locale: string, base: string): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await this.editions.isSlugTaken(trx, locale, candidate))) return candidate;
    }
  }
}
