/**
 * What public pages tell machines in their <head>: schema.org JSON-LD (NewsArticle, BreadcrumbList,
 * WebSite with a SearchAction, NewsMediaOrganization) and the Open Graph / Twitter card tags.
 * Pure functions of the view models, so their shapes are unit-tested without a server
 * (src/site/structured-data.test.ts) and the pages that carry them through the app
 * (test/structured-data.test.ts).
 */
import { LOCALE_INFO, LOCALES, type Locale } from '../i18n/locales.js';
import type { HeroImage } from '../media/media.service.js';
import type { ArticleModel, Chrome } from './site.service.js';
import { urls } from './urls.js';

/**
 * Open Graph locales are language_TERRITORY (Facebook's list). That list has one Uzbek entry,
 * uz_UZ, with no script: both Uzbek editions say uz_UZ, so an Uzbek page names its other-script
 * edition in no og:locale:alternate (it would repeat its own locale). The script is carried where
 * it can be: hreflang, <html lang> and JSON-LD inLanguage (uz-Latn / uz-Cyrl).
 */
export const OG_LOCALE: Readonly<Record<Locale, string>> = { ru: 'ru_RU', uz: 'uz_UZ', 'uz-Cyrl': 'uz_UZ', en: 'en_US' };

/** Google's article guidance asks for images at least this wide. */
export const LARGE_IMAGE_MIN_WIDTH = 1200;

/** The built-in logo (src/site/assets/logo.svg) is drawn at this size. */
export const BUILT_IN_LOGO_SIZE = { width: 184, height: 44 } as const;

const CONTEXT = 'https://schema.org';

/** The agency as structured data names it, in one locale. */
export interface Publisher {
  siteUrl: string;
  name: string;
  locale: Locale;
  logo: { url: string; width: number; height: number };
  /** The locale's Telegram channel, as a URL, when one is set. */
  telegram: string | null;
}

export function publisherOf(chrome: Chrome, siteUrl: string, builtInLogo: string): Publisher {
  const file = chrome.logoFile;
  const channels = chrome.settings.telegramChannel;
  // The same channel the footer links to.
  const channel = (channels[chrome.locale] ?? channels.ru) || null;
  return {
    siteUrl,
    name: chrome.siteName,
    locale: chrome.locale,
    logo: file ? { url: siteUrl + file.src, width: file.width, height: file.height } : { url: siteUrl + builtInLogo, ...BUILT_IN_LOGO_SIZE },
    telegram: channel ? `https://t.me/${encodeURIComponent(channel)}` : null,
  };
}

/**
 * JSON for a <script type="application/ld+json"> element: `<`, `>` and `&` become \u escapes, so
 * no value can write `</script>` or `<!--` (which would end the element or change how HTML parses
 * it), and U+2028/U+2029 are escaped too, so the text is also valid JavaScript for consumers that
 * evaluate it. The escapes are plain JSON: parsers read the original characters back.
 */
export function serializeJsonLd(value: object): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const homeUrl = (p: Publisher) => p.siteUrl + urls.home(p.locale);
const organizationId = (p: Publisher) => `${homeUrl(p)}#organization`;

function logoObject(p: Publisher) {
  return { '@type': 'ImageObject', url: p.logo.url, width: p.logo.width, height: p.logo.height };
}

function organizationRef(p: Publisher) {
  return { '@type': 'NewsMediaOrganization', '@id': organizationId(p), name: p.name, url: homeUrl(p), logo: logoObject(p) };
}

/** The agency itself, on the home page. */
export function organizationLd(p: Publisher) {
  return { '@context': CONTEXT, ...organizationRef(p), ...(p.telegram ? { sameAs: [p.telegram] } : {}) };
}

/** The site with its search box (Google's sitelinks search box reads the SearchAction). */
export function webSiteLd(p: Publisher) {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${homeUrl(p)}#website`,
    name: p.name,
    url: homeUrl(p),
    inLanguage: LOCALE_INFO[p.locale].htmlLang,
    publisher: { '@id': organizationId(p) },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${p.siteUrl}${urls.search(p.locale)}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** A trail from the home page to this page; each step is a name and a site path. */
/** One step of a breadcrumb trail: its visible name and site path. */
export type Crumb = { name: string; path: string };

/**
 * The stories a list page shows as an ItemList in Google's "summary page" form: position and
 * the URL of each story's own page (the details are on those pages).
 */
export function itemListLd(items: { href: string }[], siteUrl: string) {
  return {
    '@context': CONTEXT,
    '@type': 'ItemList',
    itemListElement: items.map((c, i) => ({ '@type': 'ListItem', position: i + 1, url: siteUrl + c.href })),
  };
}

/**
 * Text for <meta name="description"> from a longer one (a section description, an author's
 * bio): whitespace collapsed, cut at a word before `max` characters with an ellipsis.
 */
export function metaDescription(text: string | null | undefined, max = 160): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/, '')}…`;
}

export function breadcrumbLd(trail: Crumb[], siteUrl: string) {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({ '@type': 'ListItem', position: i + 1, name: step.name, item: siteUrl + step.path })),
  };
}

/**
 * Absolute URLs of the hero's files at least 1,200 px wide: the widest variant (WebP, up to
 * 1,600 px) and the JPEG (1,200 px). When the uploaded original is narrower than 1,200 px no
 * such file exists (variants are never enlarged): the widest one is given alone, as the best
 * there is.
 */
export function articleImages(image: HeroImage | null, siteUrl: string): string[] {
  if (!image) return [];
  const files = [image.large, { src: image.src, width: image.width, height: image.height }].filter((f): f is NonNullable<typeof f> => f !== undefined);
  const wide = files.filter((f) => f.width >= LARGE_IMAGE_MIN_WIDTH);
  const chosen = wide.length ? wide : [files.reduce((a, b) => (b.width > a.width ? b : a))];
  return [...new Set(chosen.map((f) => siteUrl + f.src))];
}

/** The later of two ISO 8601 times: a story edited before its scheduled time was modified when it appeared. */
export function modifiedIso(publishedIso: string, updatedIso: string): string {
  return Date.parse(updatedIso) > Date.parse(publishedIso) ? updatedIso : publishedIso;
}

/** NewsArticle per Google's article guidance: the headline is the page's <h1>, uncut. */
export function articleLd(a: ArticleModel, p: Publisher) {
  const url = p.siteUrl + a.card.href;
  const images = articleImages(a.card.image, p.siteUrl);
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: a.card.headline,
    ...(a.seoDescription ? { description: a.seoDescription } : {}),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    inLanguage: LOCALE_INFO[p.locale].htmlLang,
    datePublished: a.card.publishedIso,
    dateModified: modifiedIso(a.card.publishedIso, a.updatedIso),
    ...(images.length ? { image: images } : {}),
    ...(a.card.section ? { articleSection: a.card.section.name } : {}),
    ...(a.tags.length ? { keywords: a.tags.map((t) => t.name) } : {}),
    // A story without a named author is the agency's own.
    author: a.authors.length ? a.authors.map((au) => ({ '@type': 'Person', name: au.name, url: p.siteUrl + au.href })) : [organizationRef(p)],
    publisher: organizationRef(p),
    isAccessibleForFree: true,
  };
}

/** One <meta>: Open Graph and article:* use `property`, Twitter cards use `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

export interface SocialInput {
  siteName: string;
  title: string;
  description?: string;
  /** Absolute URL of the page (its canonical). */
  url?: string;
  type: 'website' | 'article';
  locale: Locale;
  /** Locales the same page exists in (the page's hreflang alternates). */
  alternateLocales: Locale[];
  /** Absolute image URL with its pixel size. */
  image?: { src: string; width: number; height: number; alt: string };
  article?: ArticleMeta;
}

export interface ArticleMeta {
  publishedIso: string;
  modifiedIso: string;
  section?: string;
  tags: string[];
  /** Absolute URLs of the authors' pages. */
  authors: string[];
}

/** Open Graph and Twitter card tags, in the order they are written. */
export function socialTags(s: SocialInput): MetaTag[] {
  const og = (property: string, content: string | number | undefined): MetaTag[] => (content === undefined || content === '' ? [] : [{ property, content: String(content) }]);
  const tw = (name: string, content: string | undefined): MetaTag[] => (content ? [{ name, content }] : []);
  const own = OG_LOCALE[s.locale];
  const alternates = [...new Set(LOCALES.filter((l) => s.alternateLocales.includes(l)).map((l) => OG_LOCALE[l]))].filter((l) => l !== own);
  const a = s.article;
  return [
    ...og('og:site_name', s.siteName),
    ...og('og:title', s.title),
    ...og('og:type', s.type),
    ...og('og:url', s.url),
    ...og('og:description', s.description),
    ...og('og:locale', own),
    ...alternates.flatMap((l) => og('og:locale:alternate', l)),
    ...(s.image ? [...og('og:image', s.image.src), ...og('og:image:width', s.image.width), ...og('og:image:height', s.image.height), ...og('og:image:alt', s.image.alt)] : []),
    ...(a
      ? [
          ...og('article:published_time', a.publishedIso),
          ...og('article:modified_time', a.modifiedIso),
          ...og('article:section', a.section),
          ...a.tags.flatMap((t) => og('article:tag', t)),
          ...a.authors.flatMap((u) => og('article:author', u)),
        ]
      : []),
    ...tw('twitter:card', s.image ? 'summary_large_image' : 'summary'),
    ...tw('twitter:title', s.title),
    ...tw('twitter:description', s.description),
    ...(s.image ? [...tw('twitter:image', s.image.src), ...tw('twitter:image:alt', s.image.alt)] : []),
  ];
}
