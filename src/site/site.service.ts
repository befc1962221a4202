/**
 * Loads what each public page shows and presents it as view models: no SQL here (that is in the
 * repositories) and no markup (that is in views/). Times are read from one clock so "published"
 * and "fresh" agree within a request.
 */
import type { PagesRepository } from '../pages/pages.repository.js';
import { creditForPage } from './credit.js';
import type { ArticleRow, CardRow, EditionsRepository, ListFilter, ListKey } from '../content/editions.repository.js';
import type { AuthorView, SectionView, TagView, TaxonomyRepository } from '../content/taxonomy.repository.js';
import { formatDateline } from '../content/dateline.js';
import { escapeHtml, withLeadIn } from '../content/document.js';
import { dayKey, formatDayMonth, formatPublished, formatTime, isoInZone } from '../i18n/dates.js';
import type { Locale } from '../i18n/locales.js';
import type { HeroImage, MediaService } from '../media/media.service.js';
import type { ViewCounter } from '../analytics/view-counter.js';
import type { SettingsStore, SiteSettings } from './settings.js';
import { urls } from './urls.js';
import { isVisible } from '../content/visibility.js';
import { LRUCache } from 'lru-cache';
import { archiveCalendar, todayKey, type ArchiveCalendar, type ArchiveDay } from './archive.js';

export interface Card {
  editionId: number;
  storyId: number;
  href: string;
  headline: string;
  lead: string;
  publishedIso: string;
  published: string;
  time: string;
  /** «26 ноября», for lists where the time alone is ambiguous. */
  day: string;
  isToday: boolean;
  isBreaking: boolean;
  /** IPTC urgency 1 (flash) … 8; the views label 1 and 2. */
  urgency: number;
  views: number;
  readingMinutes: number;
  section: { name: string; href: string; color: string } | null;
  image: HeroImage | null;
}

export interface Chrome {
  locale: Locale;
  settings: SiteSettings;
  siteName: string;
  sections: (SectionView & { href: string })[];
  breaking: Card[];
  now: number;
  /** The uploaded logo, when one is set in the settings. */
  logo: { src: string; width: number; height: number } | null;
  /** The same logo file at its own pixel size (structured data states the file's dimensions). */
  logoFile?: { src: string; width: number; height: number } | null;
  /** Static pages the settings link from the footer, in this language. */
  footerPages?: { title: string; href: string }[];
}

export interface ArticleModel {
  card: Card;
  editionId: number;
  slug: string;
  bodyHtml: string;
  dateline: string;
  seoTitle: string;
  seoDescription: string;
  updatedIso: string;
  tags: (TagView & { href: string })[];
  authors: (AuthorView & { href: string })[];
  related: Card[];
  telegramUrl: string | null;
  /** Dated corrections and updates, oldest first. */
  notes: { kind: 'correction' | 'update'; text: string; at: string; iso: string }[];
  /** «Обновлено …» when the story changed after publication and says so in a note. */
  updated: string | null;
  /** The lead shown under the headline, when the site's `showLead` setting is on and there is one. */
  lead: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

export const PAGE_SIZE = 15;
/** Stories in the home page's feed column, and in each of its most-read lists. */
export const FEED_ON_HOME = 14;
export const HOME_MOST_READ = 5;
/** A main-story flag never leads the home page longer than this after publication, whatever its expiry. */
export const MAIN_FLAG_MAX_DAYS = 30;
/**
 * Lists are numbered up to this page (an offset of at most 135 rows); older stories are reached
 * by keyset cursors. See docs/decisions/0012-uncounted-list-pagination.md.
 */
export const MAX_NUMBERED_PAGE = 10;
/**
 * How long the breaking strip and the latest stories are remembered between purges: what the
 * clock alone changes in them (docs/decisions/0021-render-memos.md) shows this late at most, as on
 * a home page served from the page cache (10 s).
 */
export const BRIEF_MS = 10_000;
/** Remembered lists at most (SiteService.memo); far more than the keys a site has. */
const MAX_MEMOS = 256;

/** Where a list page starts: a numbered page from the top, or a keyset cursor. */
export type ListPosition = { page: number } | { before: ListKey } | { after: ListKey };

/** A page of a list that was never counted: it knows its neighbours, not the total. */
export interface FeedPage {
  items: Card[];
  /** The page number when this is a numbered page. */
  page: number | null;
  newer: ListPosition | null;
  older: ListPosition | null;
}

const keyOf = (r: CardRow): ListKey => ({ publishedAt: Number(r.published_at), id: r.edition_id });

export class SiteService {
  constructor(
    private readonly editions: EditionsRepository,
    private readonly taxonomy: TaxonomyRepository,
    private readonly media: MediaService,
    private readonly settingsStore: SettingsStore,
    private readonly views: ViewCounter,
    private readonly clock: () => number = Date.now,
    /** Told when a page falls back because a setting names something that is gone. */
    private readonly warn: (msg: string, detail: Record<string, unknown>) => void = () => {},
    /** Static pages (src/pages/): the footer's links and the page route. */
    readonly pages?: PagesRepository,
  ) {}

  now(): number {
    return this.clock();
  }

  settings(): Promise<SiteSettings> {
    return this.settingsStore.get();
  }

  async chrome(locale: Locale): Promise<Chrome> {
    const now = this.clock();
    const settings = await this.settingsStore.get();
    // Every page shows these and only a purge changes them (a settings, section, media or page
    // edit purges everything): remembered like the sections, so a render runs none of their queries.
    const pages = this.pages;
    const [sections, breaking, logo, footerPages] = await Promise.all([
      this.sections(locale),
      this.breaking(locale, settings),
      this.memo(`logo:${settings.logoMediaId}`, 60_000, () => this.logo(settings.logoMediaId)),
      // At most 20 ids, one indexed query; none at all when the footer names no page.
      settings.footerPages.length && pages ? this.memo(`footer:${locale}:${settings.footerPages.join(',')}`, 60_000, () => pages.publishedIn(locale, settings.footerPages)) : Promise.resolve([]),
    ]);
    return {
      locale,
      settings,
      siteName: this.settingsStore.pick(settings.siteName, locale),
      sections: sections.map((s) => ({ ...s, href: urls.section(locale, s.slug) })),
      breaking,
      now,
      // Shown 44 px high in the masthead; the width follows the image's proportions.
      logo: logo ? { src: logo.src, height: 44, width: Math.round((logo.width / logo.height) * 44) } : null,
      logoFile: logo,
      footerPages: footerPages.map((p) => ({ title: p.title, href: urls.page(locale, p.slug) })),
    };
  }

  /**
   * The uploaded logo, or null for the built-in one. A logo deleted behind the settings' back, or
   * any failure to look it up, must not take every page down: fall back and say so in the log.
   */
  private async logo(id: number | null): Promise<{ src: string; width: number; height: number } | null> {
    if (id === null) return null;
    try {
      const logo = await this.media.logo(id);
      if (!logo) this.warn('the logo set in the settings does not exist; showing the built-in logo', { logoMediaId: id });
      return logo;
    } catch (err) {
      this.warn('the logo set in the settings cannot be read; showing the built-in logo', { logoMediaId: id, err });
      return null;
    }
  }

  /**
   * The breaking strip. A publish, an edit or a scheduled story's job purges (forgets it); what
   * the clock alone changes (a story scheduled without its job having run yet, an item ageing out
   * of the window) shows at most BRIEF_MS late, as on a cached home page. The strip shows times
   * and headlines, never the view counts its cards carry.
   */
  private breaking(locale: Locale, settings: SiteSettings): Promise<Card[]> {
    return this.memo(`breaking:${locale}`, BRIEF_MS, async () => {
      const now = this.clock();
      return this.cards(locale, await this.editions.breaking(locale, now, now - settings.breakingHours * 3600_000), settings);
    });
  }

  /** The navigation's sections; they change only with a purge of everything (which forgets them). */
  private sections(locale: Locale): Promise<SectionView[]> {
    return this.memo(`sections:${locale}`, 60_000, () => this.taxonomy.sections(locale));
  }

  /**
   * Hero images by id, remembered between renders: most cards on a page (latest, most read,
   * breaking) show the same few images on every page, and an image changes only by an edit that
   * purges everything (library.routes.ts → forget). Bounded by entries; a minute at most.
   */
  private async heroImages(ids: number[], locale: Locale): Promise<Map<number, HeroImage>> {
    const now = this.clock();
    const out = new Map<number, HeroImage>();
    const missing: number[] = [];
    for (const id of new Set(ids)) {
      const hit = this.images.get(`${locale}:${id}`);
      if (hit && hit.until > now) {
        if (hit.image) out.set(id, hit.image);
      } else missing.push(id);
    }
    if (missing.length === 0) return out;
    const generation = this.generation;
    const loaded = await this.media.heroImages(missing, locale);
    // A forget() while this load was under way (an edit, a purge from another node) means these
    // rows may be from before it: use them for this render, remember them not.
    const keep = generation === this.generation;
    for (const id of missing) {
      const image = loaded.get(id) ?? null;
      if (keep) this.images.set(`${locale}:${id}`, { until: now + 60_000, image });
      if (image) out.set(id, image);
    }
    return out;
  }

  async cards(locale: Locale, rows: CardRow[], settings?: SiteSettings): Promise<Card[]> {
    const s = settings ?? (await this.settingsStore.get());
    const images = await this.heroImages(rows.map((r) => r.hero_media_id).filter((id): id is number => id !== null), locale);
    // Today's date in the zone once per list, not once per card.
    const today = dayKey(new Date(this.clock()), s.timeZone);
    return rows.map((r) => {
      const at = new Date(r.published_at);
      const image = r.hero_media_id !== null ? images.get(r.hero_media_id) ?? null : null;
      return {
        editionId: r.edition_id,
        storyId: r.story_id,
        href: urls.article(locale, r.slug),
        headline: r.headline,
        lead: r.lead,
        publishedIso: isoInZone(at, s.timeZone),
        published: formatPublished(at, locale, s.timeZone),
        time: formatTime(at, locale, s.timeZone),
        day: formatDayMonth(at, locale, s.timeZone),
        isToday: dayKey(at, s.timeZone) === today,
        isBreaking: r.is_breaking === 1,
        urgency: r.urgency,
        views: Number(r.views_total) + this.views.unflushed(r.edition_id),
        readingMinutes: r.reading_minutes,
        section: r.section_slug && r.section_name ? { name: r.section_name, href: urls.section(locale, r.section_slug), color: r.section_color ?? '' } : null,
        image: image ? { ...image, caption: r.hero_caption || image.caption || r.headline, credit: creditForPage(image.credit, s, locale) } : null,
      };
    });
  }

  /**
   * The home page. A story appears at most once in the main column (main story, top grid,
   * section blocks) and at most once in the side lists (feed, most read 24 h, most read 7 days):
   * each block skips what an earlier block of its column shows and draws from a few spare rows so
   * it still fills. The main story is chosen by leadStory() (docs/home-page.md).
   */
  async home(locale: Locale) {
    const now = this.clock();
    const settings = await this.settingsStore.get();
    const latestRows = await this.editions.list(locale, now, {}, 40);
    const mainRow = await this.leadStory(locale, now, settings, latestRows);
    const [main] = mainRow ? await this.cards(locale, [mainRow], settings) : [];
    const feed = await this.cards(locale, latestRows.filter((r) => r.edition_id !== mainRow?.edition_id).slice(0, 20), settings);
    const top = feed.filter((c) => c.image).slice(0, 4);
    const inMain = [...(mainRow ? [mainRow.edition_id] : []), ...top.map((c) => c.editionId)];
    const sections = await this.sections(locale);
    // A story has one section, so blocks cannot repeat each other; excluding the lead and the
    // top grid in SQL keeps every block a bounded LIMIT 3 query.
    const perSection = await Promise.all(
      sections.map(async (s) => ({ section: s, rows: await this.editions.list(locale, now, { sectionId: s.id, excludeIds: inMain }, 3) })),
    );
    const side = feed.slice(0, FEED_ON_HOME);
    const onSide = new Set(side.map((c) => c.storyId));
    const read = await this.mostRead(locale, HOME_MOST_READ * 3);
    const pick = (cards: Card[]) => {
      const out = cards.filter((c) => !onSide.has(c.storyId)).slice(0, HOME_MOST_READ);
      for (const c of out) onSide.add(c.storyId);
      return out;
    };
    const mostRead24h = pick(read.mostRead24h);
    const mostRead7d = pick(read.mostRead7d);
    return {
      main: main ?? null,
      top,
      feed: side,
      sections: await Promise.all(
        perSection.filter((p) => p.rows.length > 0).map(async (p) => ({ section: { ...p.section, href: urls.section(locale, p.section.slug) }, cards: await this.cards(locale, p.rows, settings) })),
      ),
      mostRead24h,
      mostRead7d,
    };
  }

  /**
   * What leads the home page (docs/home-page.md): the newest story whose main-story flag is
   * live — before the editor's expiry (`main_until`) when one is set, else younger than the
   * site's `mainStoryHours` — and never older than MAIN_FLAG_MAX_DAYS. When no flag is live:
   * the newest breaking or flash/urgent story of the breaking window, else the newest story with
   * a photo among the latest, else the newest story.
   */
  private async leadStory(locale: Locale, now: number, settings: SiteSettings, latest: CardRow[]): Promise<CardRow | undefined> {
    const flagged = await this.editions.main(locale, now, now - settings.mainStoryHours * 3600_000, now - MAIN_FLAG_MAX_DAYS * 86_400_000);
    if (flagged) return flagged;
    const since = now - settings.breakingHours * 3600_000;
    return latest.find((r) => Number(r.published_at) >= since && (r.is_breaking === 1 || r.urgency <= 2)) ?? latest.find((r) => r.hero_media_id !== null) ?? latest[0];
  }

  /**
   * Most read in 24 hours and 7 days. The aggregate over hourly counters is the most expensive
   * query of a page, and a list a minute old reads the same, so it is kept for 60 seconds.
   */
  async mostRead(locale: Locale, limit = 5): Promise<{ mostRead24h: Card[]; mostRead7d: Card[] }> {
    return this.memo(`mostRead:${locale}:${limit}`, 60_000, () => this.loadMostRead(locale, limit));
  }

  // Keys are per locale and list kind (sections, breaking, latest, most read, logo, footer): a
  // few dozen; MAX_MEMOS bounds them anyway, the oldest entry going first.
  private memos = new Map<string, { until: number; value: Promise<unknown> }>();
  private images = new LRUCache<string, { until: number; image: HeroImage | null }>({ max: 5_000 });
  private memo<T>(key: string, ttl: number, load: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const hit = this.memos.get(key);
    if (hit && hit.until > now) return hit.value as Promise<T>;
    const value = load();
    const entry = { until: now + ttl, value };
    const generation = this.generation;
    this.memos.delete(key); // re-inserted last: Map order is the order the oldest goes out in
    if (this.memos.size >= MAX_MEMOS) this.memos.delete(this.memos.keys().next().value!);
    this.memos.set(key, entry);
    value.then(
      // Loaded across a forget(): possibly from before the change, so not remembered.
      () => {
        if (generation !== this.generation && this.memos.get(key) === entry) this.memos.delete(key);
      },
      // A failed load is not remembered (and a newer entry under the key is left alone).
      () => {
        if (this.memos.get(key) === entry) this.memos.delete(key);
      },
    );
    return value;
  }

  /** Bumped by forget(): loads that started before it do not store what they read. */
  private generation = 0;

  /** Forgets remembered lists and images (after a publish, so a new story can appear in them at once). */
  forget(): void {
    this.generation++;
    this.memos.clear();
    this.images.clear();
  }

  private async loadMostRead(locale: Locale, limit: number): Promise<{ mostRead24h: Card[]; mostRead7d: Card[] }> {
    const now = this.clock();
    const hour = Math.floor(now / 3600_000) * 3600_000;
    const [day, week] = await Promise.all([
      this.editions.mostRead(locale, now, hour - 23 * 3600_000, limit),
      this.editions.mostRead(locale, now, hour - (7 * 24 - 1) * 3600_000, limit),
    ]);
    return { mostRead24h: await this.cards(locale, day), mostRead7d: await this.cards(locale, week) };
  }

  /**
   * The newest stories (the article page's news feed): the same on every article of a locale, so
   * remembered for BRIEF_MS and forgotten by every purge, like the breaking strip. The feed shows
   * times and headlines, not the cards' view counts.
   */
  latest(locale: Locale, limit = 12): Promise<Card[]> {
    return this.memo(`latest:${locale}:${limit}`, BRIEF_MS, async () => this.cards(locale, await this.editions.list(locale, this.clock(), {}, limit)));
  }

  /** A page of a list; null when `page` is past the last page (an empty list still has page 1). */
  async list(locale: Locale, filter: ListFilter, page: number): Promise<Page<Card> | null> {
    const now = this.clock();
    const total = await this.editions.count(locale, now, filter);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) return null;
    const rows = await this.editions.list(locale, now, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    return { items: await this.cards(locale, rows), page, pages, total };
  }

  /** Cards of these visible editions, in the order given (a ranked page of search results). */
  async cardsByIds(locale: Locale, ids: number[]): Promise<Card[]> {
    if (ids.length === 0) return [];
    const rows = await this.editions.list(locale, this.clock(), { ids }, ids.length);
    const at = new Map(ids.map((id, i) => [id, i]));
    return this.cards(locale, rows.sort((a, b) => at.get(a.edition_id)! - at.get(b.edition_id)!));
  }

  /**
   * A page of a public list without counting the list: one LIMITed query of PAGE_SIZE + 1 rows
   * (the extra row says whether there is an older page). Null when there is nothing there (past
   * the end, or a stale cursor with nothing beyond it); `{ redirect }` when a newer-cursor reaches
   * the top of the list, which is page 1.
   */
  async listPage(locale: Locale, filter: ListFilter, at: ListPosition): Promise<FeedPage | { redirect: ListPosition } | null> {
    const now = this.clock();
    if ('page' in at) {
      if (at.page > MAX_NUMBERED_PAGE) return null;
      const rows = await this.editions.listPage(locale, now, filter, PAGE_SIZE + 1, { offset: (at.page - 1) * PAGE_SIZE });
      if (rows.length === 0 && at.page > 1) return null;
      const shown = rows.slice(0, PAGE_SIZE);
      const hasOlder = rows.length > PAGE_SIZE;
      return {
        items: await this.cards(locale, shown),
        page: at.page,
        newer: at.page > 1 ? { page: at.page - 1 } : null,
        older: !hasOlder ? null : at.page < MAX_NUMBERED_PAGE ? { page: at.page + 1 } : { before: keyOf(shown.at(-1)!) },
      };
    }
    if ('before' in at) {
      const rows = await this.editions.listPage(locale, now, filter, PAGE_SIZE + 1, { before: at.before });
      if (rows.length === 0) return null;
      const shown = rows.slice(0, PAGE_SIZE);
      return { items: await this.cards(locale, shown), page: null, newer: { after: keyOf(shown[0]!) }, older: rows.length > PAGE_SIZE ? { before: keyOf(shown.at(-1)!) } : null };
    }
    const rows = await this.editions.listPage(locale, now, filter, PAGE_SIZE + 1, { after: at.after });
    // Fewer than a page and one newer than the key: this is the top of the list.
    if (rows.length <= PAGE_SIZE) return { redirect: { page: 1 } };
    const shown = rows.slice(0, PAGE_SIZE).reverse();
    return { items: await this.cards(locale, shown), page: null, newer: { after: keyOf(shown[0]!) }, older: { before: keyOf(shown.at(-1)!) } };
  }

  /**
   * The date archive's frame for `day`: the archive's first day, today, and the month calendar
   * (archive.ts). Null when the day is before the first story or after today (a 404).
   */
  async archive(locale: Locale, day: ArchiveDay): Promise<{ first: string; today: string; calendar: ArchiveCalendar } | null> {
    const now = this.clock();
    const { timeZone } = await this.settingsStore.get();
    const firstAt = await this.editions.firstPublished(locale, now);
    if (firstAt === null) return null;
    const first = todayKey(firstAt, timeZone);
    const today = todayKey(now, timeZone);
    if (day.key < first || day.key > today) return null;
    return { first, today, calendar: await archiveCalendar(this.editions, locale, now, timeZone, day, first, today) };
  }

  /** The cursor that shows what an old `?page=N` address (N past the numbered pages) showed. */
  async legacyPageCursor(locale: Locale, filter: ListFilter, page: number): Promise<ListPosition | null> {
    const key = await this.editions.keyAt(locale, this.clock(), filter, (page - 1) * PAGE_SIZE - 1);
    return key ? { before: key } : null;
  }

  /**
   * The same page in every enabled locale that has it: `make(locale)` builds the URL, `has` says
   * which locales have the content. The current locale is included (hreflang must be reciprocal).
   */
  async alternates(has: string[] | null, make: (l: Locale) => string): Promise<Partial<Record<Locale, string>>> {
    const { enabledLocales } = await this.settingsStore.get();
    return Object.fromEntries(enabledLocales.filter((l) => has === null || has.includes(l)).map((l) => [l, make(l)]));
  }

  async articleAlternates(storyId: number): Promise<Partial<Record<Locale, string>>> {
    const editions = await this.editions.visibleEditionsOfStory(storyId, this.clock());
    const slugs = new Map(editions.map((e) => [e.locale, e.slug]));
    return this.alternates([...slugs.keys()], (l) => urls.article(l, slugs.get(l)!));
  }

  /** Each locale's address of the section or tag (taxonomy-slugs.ts); an author's is the same everywhere. */
  async taxonomyAlternates(kind: 'section' | 'tag' | 'author', id: number): Promise<Partial<Record<Locale, string>>> {
    const make = { section: urls.section, tag: urls.tag, author: urls.author }[kind];
    const slugs = await this.taxonomy.localSlugs(kind, id);
    return this.alternates([...slugs.keys()], (l) => make(l, slugs.get(l)!));
  }

  section(locale: Locale, slug: string) {
    return this.taxonomy.sectionBySlug(locale, slug);
  }
  tag(locale: Locale, slug: string) {
    return this.taxonomy.tagBySlug(locale, slug);
  }
  /** Where the address of a merged or renamed tag leads now (its slug), if anywhere. */
  sectionRedirect(slug: string) {
    return this.taxonomy.sectionRedirect(slug);
  }

  tagRedirect(slug: string) {
    return this.taxonomy.tagRedirect(slug);
  }
  async photo(mediaId: number | null | undefined, locale: Locale): Promise<HeroImage | null> {
    if (!mediaId) return null;
    return (await this.media.heroImages([mediaId], locale)).get(mediaId) ?? null;
  }

  author(locale: Locale, slug: string) {
    return this.taxonomy.authorBySlug(locale, slug);
  }

  /** The visible edition at this address, or null. The article route reads it once and hands it to `article`. */
  async articleRow(locale: Locale, slug: string): Promise<ArticleRow | null> {
    return (await this.editions.publishedBySlug(locale, slug, this.clock())) ?? null;
  }

  /** Whether readers can see this edition now (the view beacon counts only those). */
  async isVisibleEdition(id: number): Promise<boolean> {
    const row = await this.editions.anyById(id);
    if (!row) return false;
    return (await this.editions.publishedBySlug(row.locale, row.slug, this.clock()))?.id === id;
  }

  redirectTarget(locale: Locale, slug: string): Promise<string | undefined> {
    return this.editions.redirectTarget(locale, slug, this.clock());
  }

  /** The article page's model; `row` is the edition when the caller has just read it (articleRow). */
  async article(locale: Locale, slug: string, row?: ArticleRow | null): Promise<ArticleModel | null> {
    const r = row ?? (await this.editions.publishedBySlug(locale, slug, this.clock()));
    return r ? this.presentArticle(locale, r) : null;
  }

  /** Any edition as its public page would show it, for the newsroom preview. */
  async preview(editionId: number): Promise<{ locale: Locale; model: ArticleModel; visible: boolean } | null> {
    const row = await this.editions.anyById(editionId);
    if (!row) return null;
    const locale = row.locale as Locale;
    return { locale, visible: isVisible(row, this.clock()), model: await this.presentArticle(locale, { ...row, published_at: row.published_at ?? row.scheduled_at ?? this.clock() }) };
  }

  private async presentArticle(locale: Locale, row: ArticleRow): Promise<ArticleModel> {
    const now = this.clock();
    const settings = await this.settingsStore.get();
    const card: CardRow = {
      edition_id: row.id, story_id: row.story_id, locale: row.locale, headline: row.headline, slug: row.slug, lead: row.lead,
      published_at: row.published_at!, is_breaking: row.is_breaking, is_main: row.is_main, views_total: row.views_total, urgency: row.urgency,
      reading_minutes: row.reading_minutes, hero_media_id: row.hero_media_id, hero_caption: row.hero_caption,
      section_slug: row.section_slug, section_name: row.section_name, section_color: row.section_color,
    };
    const [[presented], tags, authors] = await Promise.all([
      this.cards(locale, [card], settings),
      this.taxonomy.tagsOfStories(locale, [row.story_id]),
      this.taxonomy.authorsOfStories(locale, [row.story_id]),
    ]);
    // Hand-picked stories first (those readers can see in this language), then automatic ones fill the block.
    const picked = await this.editions.relatedPicked(locale, now, row.story_id, 6);
    const seen = new Set(picked.map((r) => r.story_id));
    const byTags = (await this.editions.relatedByTags(locale, now, row.story_id, tags.map((t) => t.id), 4 + picked.length)).filter((r) => !seen.has(r.story_id));
    let relatedRows = [...picked, ...byTags].slice(0, Math.max(4, picked.length));
    if (relatedRows.length < 4 && row.section_id !== null) {
      const more = await this.editions.list(locale, now, { sectionId: row.section_id, excludeIds: [row.id, ...relatedRows.map((r) => r.edition_id)] }, 4 - relatedRows.length);
      relatedRows = [...relatedRows, ...more];
    }
    const agency = row.dateline_agency || this.settingsStore.pick(settings.datelineAgency, locale);
    const dateline = formatDateline({ city: row.dateline_city, agency }, new Date(row.published_at!), locale, settings.timeZone);
    const notes = await this.editions.notes(row.id);
    const channel = this.settingsStore.pick(settings.telegramChannel, locale);
    return {
      card: presented!,
      editionId: row.id,
      slug: row.slug,
      bodyHtml: withLeadIn(row.body_html, dateline ? `<span class="dateline">${escapeHtml(dateline)}</span>` : ''),
      dateline,
      seoTitle: row.seo_title || row.headline,
      seoDescription: row.seo_description || row.lead,
      updatedIso: isoInZone(new Date(row.updated_at), settings.timeZone),
      tags: tags.map((t) => ({ ...t, href: urls.tag(locale, t.slug) })),
      authors: authors.map((a) => ({ ...a, href: urls.author(locale, a.slug) })),
      related: await this.cards(locale, relatedRows, settings),
      notes: notes.map((n) => ({ kind: n.kind, text: n.text, at: formatPublished(new Date(n.at), locale, settings.timeZone), iso: isoInZone(new Date(n.at), settings.timeZone) })),
      updated: row.updated_at > row.published_at! + 60_000 && notes.length > 0 ? formatPublished(new Date(row.updated_at), locale, settings.timeZone) : null,
      telegramUrl: channel ? `https://t.me/${encodeURIComponent(channel)}` : null,
      lead: settings.showLead && row.lead.trim() ? row.lead.trim() : null,
    };
  }
}
