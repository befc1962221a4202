/**
 * What a feed says, whatever its format: the channel (title, links, language, logo, hub) and the
 * newest visible editions of a locale, section, tag or author as PublicStoryReader presents them.
 * The builders (xml-feeds.ts, json-feed.ts) only format this.
 */
import type { TaxonomyRepository } from '../../content/taxonomy.repository.js';
import { escapeHtml } from '../../content/html.js';
import { formatPublished, isoInZone } from '../../i18n/dates.js';
import { LOCALE_INFO, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import type { SettingsStore, SiteSettings } from '../../site/settings.js';
import { urls, type FeedFormat, type FeedScope } from '../../site/urls.js';
import type { PublicStory, PublicStoryReader } from '../public-story.js';
import type { FeedFilter, FeedsRepository } from './feeds.repository.js';

export const FEED_DEFAULT_LIMIT = 50;
export const FEED_MAX_LIMIT = 100;

export interface FeedChannel {
  locale: Locale;
  /** BCP 47: ru, uz-Latn, uz-Cyrl, en. */
  language: string;
  siteName: string;
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows (the locale's home, or the section/tag/author page). */
  link: string;
  /** Absolute URLs of this feed in each format (without ?limit). */
  self: Record<FeedFormat, string>;
  /** Absolute URL of the channel image (a PNG: RSS allows GIF, JPEG or PNG only). */
  logo: string;
  /** Absolute URL of the site icon. */
  icon: string;
  /** WebSub hub (XABAR_WEBSUB_HUB) or null when none is configured. */
  hub: string | null;
  timeZone: string;
  /** The newest change among the items (epoch ms); the build time of an empty feed. */
  updated: number;
  copyright: string;
  labels: { correction: string; update: string };
  items: PublicStory[];
}

export interface FeedServiceOptions {
  siteUrl: string;
  /** Site paths of the channel image and icon. */
  logoPath: string;
  iconPath: string;
  hub?: string | null;
  clock?: () => number;
}

export class FeedService {
  private readonly clock: () => number;

  constructor(
    private readonly repo: FeedsRepository,
    private readonly taxonomy: TaxonomyRepository,
    private readonly reader: PublicStoryReader,
    private readonly settings: SettingsStore,
    private readonly opts: FeedServiceOptions,
  ) {
    this.clock = opts.clock ?? Date.now;
  }

  now(): number {
    return this.clock();
  }

  /** The locale when it is enabled on this site (the settings are cached in memory: no query). */
  async enabled(locale: Locale | null): Promise<{ locale: Locale | null; settings: SiteSettings }> {
    const settings = await this.settings.get();
    return { locale: locale && settings.enabledLocales.includes(locale) ? locale : null, settings };
  }

  /** The feed of a locale or of one section, tag or author; null when the scope does not exist in this locale. */
  async channel(locale: Locale, scope: FeedScope, limit: number): Promise<FeedChannel | null> {
    const settings = await this.settings.get();
    const t = messages(locale);
    const siteName = this.settings.pick(settings.siteName, locale);
    const tagline = this.settings.pick(settings.tagline, locale) || `${siteName} — ${t.agencyKind}`;
    let filter: FeedFilter = {};
    let title = siteName;
    let description = tagline;
    let page = urls.home(locale);
    if (scope?.kind === 'section') {
      const s = await this.taxonomy.sectionBySlug(locale, scope.slug);
      if (!s) return null;
      filter = { sectionId: s.id };
      title = `${siteName} — ${s.name}`;
      description = s.description || tagline;
      page = urls.section(locale, s.slug);
    } else if (scope?.kind === 'tag') {
      const tag = await this.taxonomy.tagBySlug(locale, scope.slug);
      if (!tag) return null;
      filter = { tagId: tag.id };
      title = `${siteName} — ${t.tagTitle(tag.name)}`;
      page = urls.tag(locale, tag.slug);
    } else if (scope?.kind === 'author') {
      const a = await this.taxonomy.authorBySlug(locale, scope.slug);
      if (!a) return null;
      filter = { authorId: a.id };
      title = `${siteName} — ${t.authorTitle(a.name)}`;
      description = a.bio || tagline;
      page = urls.author(locale, a.slug);
    }
    const now = this.clock();
    const ids = await this.repo.newestVisible(locale, now, filter, limit);
    // The reader reloads by id; a story taken down between the two queries is left out here.
    const items = (await this.reader.byEditionIds(ids)).filter((s) => s.visible);
    const abs = (path: string) => this.opts.siteUrl + path;
    return {
      locale,
      language: LOCALE_INFO[locale].htmlLang,
      siteName,
      title,
      description,
      link: abs(page),
      self: { rss: abs(urls.feed(locale, 'rss', scope)), atom: abs(urls.feed(locale, 'atom', scope)), json: abs(urls.feed(locale, 'json', scope)) },
      logo: abs(this.opts.logoPath),
      icon: abs(this.opts.iconPath),
      hub: this.opts.hub || null,
      timeZone: settings.timeZone,
      updated: items.reduce((m, s) => Math.max(m, s.updatedAt, s.publishedAt ?? 0), 0) || now,
      copyright: `© ${new Date(now).getUTCFullYear()} ${siteName}`,
      labels: { correction: t.correctionLabel, update: t.updateLabel },
      items,
    };
  }
}

/**
 * A guid/id that never changes for an edition, whatever happens to its headline or slug: a tag
 * URI (RFC 4151) under the site's host, dated by the edition's creation year.
 */
export function editionGuid(channel: Pick<FeedChannel, 'link'>, s: PublicStory): string {
  return `tag:${new URL(channel.link).hostname},${new Date(s.createdAt).getUTCFullYear()}:edition/${s.editionId}`;
}

/**
 * The item's full HTML: the body as the page shows it, then its dated corrections and updates,
 * so a reader of the feed learns of a correction as a reader of the page does.
 */
export function contentHtml(channel: Pick<FeedChannel, 'labels' | 'timeZone' | 'locale'>, s: PublicStory): string {
  if (s.notes.length === 0) return s.bodyHtml;
  const notes = s.notes.map((n) => {
    const at = new Date(n.at);
    const label = n.kind === 'correction' ? channel.labels.correction : channel.labels.update;
    return `<p class="note note-${n.kind}"><strong>${escapeHtml(label)}</strong> <time datetime="${isoInZone(at, channel.timeZone)}">${escapeHtml(formatPublished(at, channel.locale, channel.timeZone))}</time>: ${escapeHtml(n.text)}</p>`;
  });
  return `${s.bodyHtml}\n<aside class="notes">${notes.join('')}</aside>`;
}
