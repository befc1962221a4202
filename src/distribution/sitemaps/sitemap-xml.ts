/**
 * The XML of sitemaps, as strings assembled piece by piece (a file is written row batch by row
 * batch, never as one tree). Shapes follow https://www.sitemaps.org/protocol.html (urlset,
 * sitemapindex), Google's hreflang annotation in sitemaps (xhtml:link rel="alternate", the page
 * itself included) and the Google News sitemap
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 */

export const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  xhtml: 'http://www.w3.org/1999/xhtml',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
} as const;

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

// Characters XML 1.0 does not allow at all (a control character pasted into a headline would
// make the whole file unreadable to a strict parser): dropped, not escaped.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or attribute value, escaped (sitemaps.org asks for entity-escaped URLs too). */
export function xmlText(s: string): string {
  return s.replace(INVALID, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function urlsetOpen(ext: { xhtml?: boolean; news?: boolean } = {}): string {
  return `${DECL}<urlset xmlns="${NS.sitemap}"${ext.xhtml ? ` xmlns:xhtml="${NS.xhtml}"` : ''}${ext.news ? ` xmlns:news="${NS.news}"` : ''}>\n`;
}
export const URLSET_CLOSE = '</urlset>\n';

/** One `<url>`; `alternates` are [hreflang, absolute URL] pairs, x-default included by the caller. */
export function urlEntry(loc: string, lastmod?: string, alternates: readonly (readonly [string, string])[] = []): string {
  let s = `<url><loc>${xmlText(loc)}</loc>`;
  if (lastmod) s += `<lastmod>${lastmod}</lastmod>`;
  for (const [lang, href] of alternates) s += `<xhtml:link rel="alternate" hreflang="${xmlText(lang)}" href="${xmlText(href)}"/>`;
  return `${s}</url>\n`;
}

export interface NewsFields {
  publication: string;
  language: string;
  /** W3C datetime with offset. */
  date: string;
  title: string;
}

export function newsEntry(loc: string, n: NewsFields): string {
  return (
    `<url><loc>${xmlText(loc)}</loc><news:news><news:publication><news:name>${xmlText(n.publication)}</news:name>` +
    `<news:language>${xmlText(n.language)}</news:language></news:publication>` +
    `<news:publication_date>${n.date}</news:publication_date><news:title>${xmlText(n.title)}</news:title></news:news></url>\n`
  );
}

export function sitemapIndex(entries: readonly { loc: string; lastmod?: string }[]): string {
  let s = `${DECL}<sitemapindex xmlns="${NS.sitemap}">\n`;
  for (const e of entries) s += `<sitemap><loc>${xmlText(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</sitemap>\n`;
  return `${s}</sitemapindex>\n`;
}

/**
 * The most bytes one month-sitemap `<url>` can take: the longest article URL (a 200-character
 * slug under the longest prefix) as loc and in every hreflang link (each enabled locale plus
 * x-default), escaping aside (slugs are [a-z0-9-]). Dividing the 50 MB limit by it gives a
 * per-file URL count that can never overflow, whatever the slugs.
 */
export function worstUrlEntryBytes(siteUrl: string, locales: number): number {
  const url = Buffer.byteLength(siteUrl, 'utf8') + '/uz-cyrl/news/'.length + 200;
  const link = '<xhtml:link rel="alternate" hreflang="x-default" href=""/>'.length + url;
  const head = '<url><loc></loc><lastmod>2025-04-24T14:26:00+05:00</lastmod></url>\n'.length + url;
  return head + (locales + 1) * link;
}
