/**
 * The public read API's rules: which language a request means, what its filters name, which
 * cursor belongs to which query, and that readers only ever see visible editions. SQL is in
 * public-api.repository.ts; the editions themselves come from PublicStoryReader (the same
 * presentation feeds and the wire use) and are shaped for the API by public-api.presenter.ts.
 */
import type { z } from 'zod';
import { BadRequestError, NotFoundError } from '../errors.js';
import { msg } from '../i18n/api-messages.js';
import type { Locale } from '../i18n/locales.js';
import type { PublicStoryReader } from '../distribution/public-story.js';
import type { TaxonomyRepository } from '../content/taxonomy.repository.js';
import type { SettingsStore } from '../site/settings.js';
import { nameIn } from '../content/derived-names.js';
import { urls } from '../site/urls.js';
import type { PublicApiRepository } from './public-api.repository.js';
import { decodeIdCursor, decodeTimeCursor, encodeCursor, queryFingerprint } from './cursor.js';
import { presentStory, presentSummary } from './public-api.presenter.js';
import { DEFAULT_LIMIT, type AuthorList, type SectionList, type SectionsQuery, type Story, type StoriesQuery, type StoryList, type TagList, type TermsQuery } from './schemas.js';

export class PublicApiService {
  constructor(
    private readonly repo: PublicApiRepository,
    private readonly reader: PublicStoryReader,
    private readonly taxonomy: TaxonomyRepository,
    private readonly settings: SettingsStore,
    private readonly clock: () => number,
  ) {}

  /** The language asked for, or the site's default; a language the site does not publish is a 400. */
  private async locale(requested: Locale | undefined): Promise<Locale> {
    const s = await this.settings.get();
    const locale = requested ?? s.defaultLocale;
    if (!s.enabledLocales.includes(locale)) throw new BadRequestError(msg('api.locale_off', { locale }));
    return locale;
  }

  async stories(q: StoriesQuery): Promise<z.infer<typeof StoryList>> {
    const locale = await this.locale(q.locale);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const since = q.since === undefined ? undefined : Date.parse(q.since);
    // Filters name terms by slug in this language, as the site's URLs do; a name that does not
    // exist is the client's mistake (a typo would otherwise look like "no stories").
    const [section, tag, author] = await Promise.all([
      q.section === undefined ? undefined : this.taxonomy.sectionBySlug(locale, q.section),
      q.tag === undefined ? undefined : this.taxonomy.tagBySlug(locale, q.tag),
      q.author === undefined ? undefined : this.taxonomy.authorBySlug(locale, q.author),
    ]);
    if (q.section !== undefined && !section) throw new BadRequestError(msg('taxonomy.section_not_found'));
    if (q.tag !== undefined && !tag) throw new BadRequestError(msg('taxonomy.tag_not_found'));
    if (q.author !== undefined && !author) throw new BadRequestError(msg('taxonomy.author_not_found'));

    const fp = queryFingerprint('stories', { locale, section: section?.id, tag: tag?.id, author: author?.id, since });
    const after = q.cursor === undefined ? undefined : decodeTimeCursor(q.cursor, fp);
    // One row more than asked tells whether there is a next page, without counting anything.
    const rows = await this.repo.storyPage({ locale, sectionId: section?.id, tagId: tag?.id, authorId: author?.id, since, after }, this.clock(), limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    // The cursor is the last *selected* key: an edition hidden between the two queries below is
    // left out of this page without shifting the next one.
    const nextCursor = rows.length > limit && last ? encodeCursor(fp, [last.published_at, last.id]) : null;
    const stories = await this.reader.byEditionIds(page.map((r) => r.id));
    return { items: stories.filter((s) => s.visible).map(presentSummary), nextCursor };
  }

  async story(id: number): Promise<z.infer<typeof Story>> {
    const [s] = await this.reader.byEditionIds([id]);
    // Unpublished, scheduled, embargoed and unknown all look alike from outside.
    if (!s || !s.visible || !(await this.settings.get()).enabledLocales.includes(s.locale)) throw new NotFoundError(msg('story.not_found'));
    return presentStory(s);
  }

  async sections(q: SectionsQuery): Promise<z.infer<typeof SectionList>> {
    const locale = await this.locale(q.locale);
    // Sections are the site's menu: a short list, returned whole in menu order.
    const rows = await this.taxonomy.sections(locale);
    return { items: rows.map((r) => ({ id: r.id, slug: r.sharedSlug ?? r.slug, name: r.name, description: r.description, color: r.color, url: this.reader.abs(urls.section(locale, r.slug)) })) };
  }

  async tags(q: TermsQuery): Promise<z.infer<typeof TagList>> {
    const locale = await this.locale(q.locale);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const fp = queryFingerprint('tags', { locale });
    const rows = await this.repo.tagPage(locale, q.cursor === undefined ? undefined : decodeIdCursor(q.cursor, fp), limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({ id: r.id, slug: r.slug, name: nameIn(locale, r.name, r.twin_name), url: this.reader.abs(urls.tag(locale, r.local_slug ?? r.slug)) })),
      nextCursor: rows.length > limit ? encodeCursor(fp, [page.at(-1)!.id]) : null,
    };
  }

  async authors(q: TermsQuery): Promise<z.infer<typeof AuthorList>> {
    const locale = await this.locale(q.locale);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const fp = queryFingerprint('authors', { locale });
    const rows = await this.repo.authorPage(locale, q.cursor === undefined ? undefined : decodeIdCursor(q.cursor, fp), limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        slug: r.slug,
        name: nameIn(locale, r.name, r.twin_name),
        bio: r.name ? (r.bio ?? '') : nameIn(locale, r.bio, r.twin_bio),
        url: this.reader.abs(urls.author(locale, r.slug)),
      })),
      nextCursor: rows.length > limit ? encodeCursor(fp, [page.at(-1)!.id]) : null,
    };
  }
}
