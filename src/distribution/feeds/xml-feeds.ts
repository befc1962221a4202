/**
 * RSS 2.0, Atom 1.0 and the Yandex News full-text RSS, written with the `feed` package. What the
 * package cannot say is added through its extension objects or fixed on its output in one place
 * each (docs/decisions/0004-feeds-with-the-feed-package.md): dates with the site's offset
 * (ZonedDate), escaped attribute values (attr), the namespaces on the root element, `xml:lang` on
 * Atom, and Atom enclosure types.
 *
 * Specs: RSS 2.0 https://www.rssboard.org/rss-specification, content:encoded
 * https://web.resource.org/rss/1.0/modules/content/, Dublin Core dc:creator, Media RSS
 * https://www.rssboard.org/media-rss, Atom RFC 4287, Yandex News https://yandex.ru/support/news/feed.html.
 */
import { Feed, type Category, type Extension, type Item } from 'feed';
import { escapeHtml } from '../../content/html.js';
import type { PublicStory } from '../public-story.js';
import { urls } from '../../site/urls.js';
import { attr, htmlToText, xmlSafe, ZonedDate } from './feed-text.js';
import { contentHtml, editionGuid, type FeedChannel } from './feeds.service.js';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  yandex: 'http://news.yandex.ru',
} as const;

const GENERATOR = 'Xabar';

/**
 * Up to this many words a story is a news «message» for Yandex; longer ones are «article»
 * (Yandex's genres: message, article, interview, overview). Agency wires run 100–300 words; a
 * feature is several times that.
 */
export const YANDEX_MESSAGE_MAX_WORDS = 400;

function channelFeed(c: FeedChannel, self: string, withHub: boolean): Feed {
  const zoned = (ms: number) => new ZonedDate(ms, c.timeZone);
  return new Feed({
    id: self,
    title: xmlSafe(c.title),
    description: xmlSafe(c.description),
    link: c.link,
    language: c.language,
    updated: zoned(c.updated),
    generator: GENERATOR,
    feedLinks: { rss: self, atom: self },
    // A hub is declared only when one is configured (WebSub §4: the publisher names its hub).
    hub: withHub && c.hub ? c.hub : undefined,
    image: c.logo,
    favicon: c.icon,
    copyright: xmlSafe(c.copyright),
    author: { name: xmlSafe(c.siteName), link: c.link },
  });
}

/**
 * Section and tags as categories. RSS writes the name as element text (escaped by the package)
 * and the page as `domain`; Atom writes `term`, `label` and `scheme` as attributes (escaped here).
 */
function categories(s: PublicStory, format: 'rss' | 'atom', c: FeedChannel): Category[] {
  const terms = [...(s.section ? [{ kind: 'section', t: s.section }] : []), ...s.tags.map((t) => ({ kind: 'tag', t }))];
  const home = new URL(c.link).origin + urls.home(c.locale); // https://site/ru/
  return terms.map(({ kind, t }) => (format === 'rss' ? { name: xmlSafe(t.name), domain: attr(t.url) } : { name: attr(t.name), term: attr(t.name), scheme: attr(`${home}${kind}/`) }));
}

/** The RSS 2.0 root with every namespace the items may use, declared once. */
function rssRoot(xml: string, extra: (keyof typeof NS)[]): string {
  const ns = (['content', 'dc', 'atom', 'media', ...extra] as (keyof typeof NS)[]).map((p) => ` xmlns:${p}="${NS[p]}"`).join('');
  return xml.replace(/<rss\b[^>]*>/, `<rss version="2.0"${ns}>`);
}

export function rss(c: FeedChannel): string {
  const f = channelFeed(c, c.self.rss, true);
  const zoned = (ms: number) => new ZonedDate(ms, c.timeZone);
  for (const s of c.items) {
    const img = s.image?.main;
    const ext: Extension[] = [
      // RSS's own <author> must be an e-mail address; names go in dc:creator, one per author.
      ...(s.authors.length ? [{ name: 'dc:creator', objects: s.authors.map((a) => ({ _text: xmlSafe(a.name) })) as unknown as Record<string, unknown> }] : []),
      { name: 'atom:updated', objects: { _text: zoned(s.updatedAt).toISOString() } },
      ...(img && s.image
        ? [{
            name: 'media:content',
            objects: {
              _attributes: { url: attr(img.url), type: img.type, medium: 'image', width: img.width, height: img.height, fileSize: img.bytes },
              ...(s.image.alt || s.image.caption ? { 'media:description': { _attributes: { type: 'plain' }, _text: xmlSafe(s.image.alt || s.image.caption) } } : {}),
              ...(s.image.credit ? { 'media:credit': { _text: xmlSafe(s.image.credit) } } : {}),
            },
          }]
        : []),
    ];
    const item: Item = {
      title: xmlSafe(s.headline),
      id: editionGuid(c, s),
      link: s.url,
      date: zoned(s.updatedAt),
      published: zoned(s.publishedAt ?? s.updatedAt),
      description: xmlSafe(escapeHtml(s.lead)) || undefined,
      content: xmlSafe(contentHtml(c, s)),
      category: categories(s, 'rss', c),
      enclosure: img ? { url: attr(img.url), type: img.type, length: img.bytes } : undefined,
      extensions: ext,
    };
    f.addItem(item);
  }
  return rssRoot(f.rss2(), []);
}

export function atom(c: FeedChannel): string {
  const f = channelFeed(c, c.self.atom, true);
  const zoned = (ms: number) => new ZonedDate(ms, c.timeZone);
  for (const s of c.items) {
    const img = s.image?.main;
    f.addItem({
      // type="html" (the package's choice): the headline and lead are text, so they are escaped once as HTML.
      title: xmlSafe(escapeHtml(s.headline)),
      id: editionGuid(c, s),
      link: s.url,
      date: zoned(s.updatedAt),
      published: zoned(s.publishedAt ?? s.updatedAt),
      description: xmlSafe(escapeHtml(s.lead)) || undefined,
      content: xmlSafe(contentHtml(c, s)),
      author: s.authors.map((a) => ({ name: xmlSafe(a.name), link: a.url })),
      category: categories(s, 'atom', c),
      enclosure: img ? { url: attr(img.url), length: img.bytes } : undefined,
    });
  }
  let xml = f.atom1().replace(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/, `<feed xmlns="${NS.atom}" xml:lang="${c.language}">`);
  // The package derives an enclosure's type from the file extension («image/jpg»); the registered type is image/jpeg.
  xml = xml.replace(/(<link rel="enclosure" [^>]*type=")image\/jpg"/g, '$1image/jpeg"');
  return xml;
}

/**
 * The Russian full-text feed in Yandex News' form: plain text in `yandex:full-text` without the
 * dateline (Yandex asks for no source name or date inside the text), `yandex:genre`, the hero as
 * an enclosure, the section as category, and authors as `<author>` names, as Yandex's format has them.
 */
export function yandex(c: FeedChannel, self: string): string {
  const f = channelFeed(c, self, false);
  const zoned = (ms: number) => new ZonedDate(ms, c.timeZone);
  for (const s of c.items) {
    const img = s.image?.main;
    const text = htmlToText(s.bodyHtml.replace(/<span class="dateline">[\s\S]*?<\/span>\s*/, ''));
    f.addItem({
      title: xmlSafe(s.headline),
      link: s.url,
      guid: editionGuid(c, s),
      date: zoned(s.publishedAt ?? s.updatedAt),
      published: zoned(s.publishedAt ?? s.updatedAt),
      description: xmlSafe(s.lead) || undefined,
      author: s.authors.map((a) => ({ name: xmlSafe(a.name) })),
      category: s.section ? [{ name: xmlSafe(s.section.name) }] : undefined,
      enclosure: img ? { url: attr(img.url), type: img.type, length: img.bytes } : undefined,
      extensions: [
        { name: 'yandex:genre', objects: { _text: s.wordCount <= YANDEX_MESSAGE_MAX_WORDS ? 'message' : 'article' } },
        { name: 'yandex:full-text', objects: { _text: text } },
      ],
    });
  }
  const ns = (['yandex', 'media', 'atom'] as const).map((p) => ` xmlns:${p}="${NS[p]}"`).join('');
  return f.rss2().replace(/<rss\b[^>]*>/, `<rss version="2.0"${ns}>`);
}
