/**
 * One story edition as every machine-readable output presents it: feeds, the public read API,
 * the wire, webhooks and Telegram. Each of those picks *which* editions it wants with its own
 * small query (newest visible, a cursor page, changed since …) and hands the ids here; this
 * module loads them in a fixed number of batched queries whatever the page size, so no output
 * joins the heavy parts (body, images, names) on its own or per row.
 *
 * URLs are absolute (site URL + path) and body HTML has its site-relative links and images
 * made absolute, because these documents are read away from the site.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, EditionStatus } from '../db/schema.js';
import type { MediaRepository } from '../media/media.repository.js';
import type { TaxonomyRepository } from '../content/taxonomy.repository.js';
import type { SettingsStore } from '../site/settings.js';
import { LOCALE_INFO, LOCALES, type Locale } from '../i18n/locales.js';
import { isVisible, visibleAt } from '../content/visibility.js';
import { withLeadIn } from '../content/document.js';
import { withoutLightboxImages } from '../content/blocks.js';
import { escapeHtml } from '../content/html.js';
import { formatDateline } from '../content/dateline.js';
import { urls } from '../site/urls.js';

export interface PublicImageRendition {
  url: string;
  width: number;
  height: number;
  /** MIME type, e.g. image/webp. */
  type: string;
  bytes: number;
}

export interface PublicImage {
  mediaId: number;
  /** The cleaned original: the largest rendition (JPEG, PNG or WebP as uploaded). */
  url: string;
  width: number;
  height: number;
  type: string;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** Every stored variant, narrowest first (WebP and the JPEG fallback). */
  renditions: PublicImageRendition[];
  /** The variant for feeds and JSON-LD: the widest JPEG, or the widest variant, or the original. */
  main: PublicImageRendition;
}

export interface PublicTerm {
  id: number;
  slug: string;
  name: string;
  /** Absolute URL of the term's page in the edition's locale. */
  url: string;
}

export interface PublicStory {
  editionId: number;
  storyId: number;
  locale: Locale;
  /** BCP 47 tag: ru, uz-Latn, uz-Cyrl, en. */
  language: string;
  status: EditionStatus;
  /** Readers can see it now (visibility.ts). */
  visible: boolean;
  version: number;
  slug: string;
  /** Site-relative path of the article page. */
  path: string;
  /** Absolute URL of the article page. */
  url: string;
  headline: string;
  lead: string;
  /** «ЖЕНЕВА, 24 апреля. /ИА «Дунё»/.», or '' when the edition has no dateline. */
  dateline: string;
  /** Sanitized body HTML with absolute URLs, the dateline as its lead-in (as the page shows it). */
  bodyHtml: string;
  seoTitle: string;
  seoDescription: string;
  /** Epoch ms; null only for an edition that was never published or scheduled. */
  publishedAt: number | null;
  updatedAt: number;
  createdAt: number;
  embargoUntil: number | null;
  /** IPTC urgency 1 (flash) … 8. */
  urgency: number;
  isBreaking: boolean;
  wordCount: number;
  readingMinutes: number;
  section: PublicTerm | null;
  tags: PublicTerm[];
  authors: PublicTerm[];
  image: PublicImage | null;
  /** The story's other editions readers can see now (not this one). */
  editions: { editionId: number; locale: Locale; language: string; url: string; headline: string }[];
  /** Dated corrections and updates, oldest first. */
  notes: { kind: 'correction' | 'update'; text: string; at: number }[];
}

/** Most editions one call may load: callers page their own lists (feeds ≤ 100, API ≤ 100). */
export const MAX_BATCH = 200;

export class PublicStoryReader {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly taxonomy: TaxonomyRepository,
    private readonly media: MediaRepository,
    private readonly settings: SettingsStore,
    private readonly siteUrl: string,
    private readonly clock: () => number = Date.now,
    private readonly mediaPrefix = '/media/',
  ) {}

  /** Absolute URL of a site path. */
  abs(path: string): string {
    return this.siteUrl + path;
  }

  /**
   * The editions with these ids, in the order given; ids that do not exist are left out. Any
   * status is returned (the wire shows withdrawn items): callers that serve readers filter on
   * `visible` or select visible ids in the first place.
   */
  async byEditionIds(ids: readonly number[]): Promise<PublicStory[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    if (unique.length > MAX_BATCH) throw new Error(`programming error: at most ${MAX_BATCH} editions per call`);
    const now = this.clock();
    const rows = await this.db
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .leftJoin('sections as sec', 'sec.id', 's.section_id')
      .leftJoin('section_names as sn', (j) => j.onRef('sn.section_id', '=', 'sec.id').onRef('sn.locale', '=', 'e.locale'))
      .select([
        'e.id', 'e.story_id', 'e.locale', 'e.status', 'e.version', 'e.slug', 'e.headline', 'e.lead', 'e.body_html', 'e.dateline_city', 'e.dateline_agency',
        'e.hero_caption', 'e.seo_title', 'e.seo_description', 'e.published_at', 'e.updated_at', 'e.created_at', 'e.embargo_until', 'e.urgency',
        'e.is_breaking', 'e.word_count', 'e.reading_minutes', 's.hero_media_id', 'sec.id as section_id', 'sec.slug as section_slug', sql<string | null>`coalesce(sn.slug, sec.slug)`.as('section_path_slug'), 'sn.name as section_name',
      ])
      .where('e.id', 'in', unique)
      .execute();
    if (rows.length === 0) return [];

    const storyIds = [...new Set(rows.map((r) => r.story_id))];
    const locales = [...new Set(rows.map((r) => r.locale as Locale))];
    const heroIds = [...new Set(rows.map((r) => r.hero_media_id).filter((id): id is number => id !== null))];
    const [settings, media, siblings, notes, termsByLocale] = await Promise.all([
      this.settings.get(),
      this.media.byIds(heroIds),
      this.db
        .selectFrom('editions as e')
        .select(['e.id', 'e.story_id', 'e.locale', 'e.slug', 'e.headline'])
        .where('e.story_id', 'in', storyIds)
        .where(visibleAt(now))
        .execute(),
      this.db.selectFrom('edition_notes').select(['edition_id', 'kind', 'text', 'at']).where('edition_id', 'in', rows.map((r) => r.id)).orderBy('at').orderBy('id').execute(),
      Promise.all(
        locales.map(async (l) => {
          const ids = rows.filter((r) => r.locale === l).map((r) => r.story_id);
          const [tags, authors] = await Promise.all([this.taxonomy.tagsOfStories(l, ids), this.taxonomy.authorsOfStories(l, ids)]);
          return [l, { tags, authors }] as const;
        }),
      ),
    ]);
    const terms = new Map(termsByLocale);

    const byId = new Map(
      rows.map((r) => {
        const locale = r.locale as Locale;
        const path = urls.article(locale, r.slug);
        const agency = r.dateline_agency || this.settings.pick(settings.datelineAgency, locale);
        const dateline = r.published_at !== null ? formatDateline({ city: r.dateline_city, agency }, new Date(r.published_at), locale, settings.timeZone) : '';
        const t = terms.get(locale)!;
        const story: PublicStory = {
          editionId: r.id,
          storyId: r.story_id,
          locale,
          language: LOCALE_INFO[locale].htmlLang,
          status: r.status,
          visible: isVisible(r, now),
          version: r.version,
          slug: r.slug,
          path,
          url: this.abs(path),
          headline: r.headline,
          lead: r.lead,
          dateline,
          bodyHtml: this.absolutize(withLeadIn(withoutLightboxImages(r.body_html), dateline ? `<span class="dateline">${escapeHtml(dateline)}</span>` : '')),
          seoTitle: r.seo_title || r.headline,
          seoDescription: r.seo_description || r.lead,
          publishedAt: r.published_at,
          updatedAt: r.updated_at,
          createdAt: r.created_at,
          embargoUntil: r.embargo_until,
          urgency: r.urgency,
          isBreaking: r.is_breaking === 1,
          wordCount: r.word_count,
          readingMinutes: r.reading_minutes,
          // `slug` is the stable identifier (the shared slug: the wire's `section:` literals and
          // filters name it); `url` is the page in this language (content/taxonomy-slugs.ts).
          section: r.section_id !== null && r.section_slug ? { id: r.section_id, slug: r.section_slug, name: r.section_name ?? r.section_slug, url: this.abs(urls.section(locale, r.section_path_slug ?? r.section_slug)) } : null,
          tags: t.tags.filter((x) => x.story_id === r.story_id).map((x) => ({ id: x.id, slug: x.sharedSlug ?? x.slug, name: x.name, url: this.abs(urls.tag(locale, x.slug)) })),
          authors: t.authors.filter((x) => x.story_id === r.story_id).map((x) => ({ id: x.id, slug: x.slug, name: x.name, url: this.abs(urls.author(locale, x.slug)) })),
          image: r.hero_media_id !== null ? this.image(r.hero_media_id, locale, r.hero_caption, media) : null,
          editions: siblings
            .filter((x) => x.story_id === r.story_id && x.id !== r.id)
            .sort((a, b) => LOCALES.indexOf(a.locale as Locale) - LOCALES.indexOf(b.locale as Locale))
            .map((x) => ({ editionId: x.id, locale: x.locale as Locale, language: LOCALE_INFO[x.locale as Locale].htmlLang, url: this.abs(urls.article(x.locale as Locale, x.slug)), headline: x.headline })),
          notes: notes.filter((n) => n.edition_id === r.id).map((n) => ({ kind: n.kind, text: n.text, at: n.at })),
        };
        return [r.id, story] as const;
      }),
    );
    return unique.flatMap((id) => byId.get(id) ?? []);
  }

  private image(id: number, locale: Locale, caption: string, m: Awaited<ReturnType<MediaRepository['byIds']>>): PublicImage | null {
    const row = m.media.find((x) => x.id === id);
    if (!row) return null;
    const text = m.texts.find((t) => t.media_id === id && t.locale === locale);
    const renditions = m.variants
      .filter((v) => v.media_id === id)
      .map((v) => ({ url: this.abs(this.mediaPrefix + v.storage_key), width: v.width, height: v.height, type: `image/${v.format}`, bytes: v.bytes }))
      .sort((a, b) => a.width - b.width || a.type.localeCompare(b.type));
    const original = { url: this.abs(this.mediaPrefix + row.storage_key), width: row.width, height: row.height, type: row.mime, bytes: row.bytes };
    const jpeg = renditions.filter((r) => r.type === 'image/jpeg');
    return {
      mediaId: id,
      ...original,
      alt: text?.alt ?? '',
      caption: caption || text?.caption || '',
      credit: row.credit,
      renditions,
      // JPEG first: the one format every feed reader and search engine shows.
      main: jpeg.at(-1) ?? renditions.at(-1) ?? original,
    };
  }

  /** Site-relative `src`/`href` values (`/media/…`, `/ru/news/…`) become absolute. */
  private absolutize(html: string): string {
    return html.replace(/(\s(?:src|href|poster)=")\/(?!\/)/g, `$1${this.siteUrl}/`).replace(/(\ssrcset=")([^"]*)"/g, (_m, attr: string, set: string) => `${attr}${set.replace(/(^|,\s*)\/(?!\/)/g, `$1${this.siteUrl}/`)}"`);
  }
}
