/** The `<link rel="alternate">` entries that let browsers and readers discover a page's feeds. */
import type { Locale } from '../../i18n/locales.js';
import { urls, type FeedScope } from '../../site/urls.js';

export const FEED_TYPES = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' } as const;

/** RSS, Atom and JSON Feed of a locale (scope null) or of one section, tag or author; hrefs are site paths. */
export function feedLinks(locale: Locale, title: string, scope: FeedScope = null): { type: string; title: string; href: string }[] {
  return [
    { type: FEED_TYPES.rss, title: `${title} — RSS`, href: urls.feed(locale, 'rss', scope) },
    { type: FEED_TYPES.atom, title: `${title} — Atom`, href: urls.feed(locale, 'atom', scope) },
    { type: FEED_TYPES.json, title: `${title} — JSON Feed`, href: urls.feed(locale, 'json', scope) },
  ];
}
