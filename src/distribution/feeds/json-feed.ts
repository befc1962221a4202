/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). Written here, not by the `feed`
 * package: its json1() emits version 1 (`author` singular, no `language`, no `authors`, no hubs)
 * and UTC dates (docs/decisions/0004-feeds-with-the-feed-package.md).
 */
import { isoInZone } from '../../i18n/dates.js';
import { contentHtml, editionGuid, type FeedChannel } from './feeds.service.js';

export function jsonFeed(c: FeedChannel): string {
  const iso = (ms: number) => isoInZone(new Date(ms), c.timeZone);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: c.title,
    home_page_url: c.link,
    feed_url: c.self.json,
    description: c.description,
    icon: c.logo,
    favicon: c.icon,
    language: c.language,
    authors: [{ name: c.siteName, url: c.link }],
    ...(c.hub ? { hubs: [{ type: 'WebSub', url: c.hub }] } : {}),
    items: c.items.map((s) => ({
      id: editionGuid(c, s),
      url: s.url,
      title: s.headline,
      content_html: contentHtml(c, s),
      ...(s.lead ? { summary: s.lead } : {}),
      ...(s.image ? { image: s.image.main.url } : {}),
      date_published: iso(s.publishedAt ?? s.updatedAt),
      date_modified: iso(s.updatedAt),
      ...(s.authors.length ? { authors: s.authors.map((a) => ({ name: a.name, url: a.url })) } : {}),
      tags: [...(s.section ? [s.section.name] : []), ...s.tags.map((t) => t.name)],
      language: s.language,
      ...(s.image ? { attachments: [{ url: s.image.main.url, mime_type: s.image.main.type, size_in_bytes: s.image.main.bytes, ...(s.image.alt ? { title: s.image.alt } : {}) }] } : {}),
    })),
  };
  return JSON.stringify(feed);
}
