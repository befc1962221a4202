/**
 * An edition as a NewsML-G2 2.15 `newsItem` (https://iptc.org/standards/newsml-g2/), for
 * subscribers whose systems take G2: itemMeta (class, provider, times, pubStatus), contentMeta
 * (urgency, creators, language, subjects, slugline, headline, summary) and the body as XHTML in
 * `contentSet/inlineXML`. Several items are sent as a `newsMessage` with an `itemSet`.
 *
 * Every text and attribute is escaped here, and characters XML 1.0 cannot carry are dropped.
 * The body is the site's sanitized HTML re-serialized as well-formed XHTML (htmlparser2 parses
 * it, dom-serializer writes it in XML mode), so `<br>` or a boolean attribute cannot break the
 * document. Withheld and canceled items carry identification only, as in ninjs.ts.
 */
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import type { PublicStory } from '../distribution/public-story.js';
import { itemUri, pubStatusOf } from './ninjs.js';

export const G2_CONTENT_TYPE = 'application/vnd.iptc.g2.newsitem+xml';
export const G2_MESSAGE_CONTENT_TYPE = 'application/vnd.iptc.g2.newsmessage+xml';
const NAR = 'http://iptc.org/std/nar/2006-10-01/';
const XHTML = 'http://www.w3.org/1999/xhtml';
const CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_35.xml';

// Characters XML 1.0 does not allow (C0 controls other than tab/newline/return, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The body HTML as well-formed XHTML (element names and text as parsed, every entity resolved). */
export function toXhtml(html: string): string {
  // In XML mode dom-serializer writes every non-ASCII character as a numeric reference; the
  // document is UTF-8, so they are written back as characters (8× shorter Cyrillic). Only
  // references it made are touched: a literal "&#x…;" in the text was escaped as "&amp;#x…;".
  return render(parseDocument(html, { decodeEntities: true }), { xmlMode: true, selfClosingTags: true })
    .replace(/&#x([0-9a-fA-F]{1,6});/g, (m, hex: string) => (parseInt(hex, 16) <= 0x10ffff ? String.fromCodePoint(parseInt(hex, 16)) : m))
    .replace(NOT_XML, '');
}

const iso = (ms: number) => new Date(ms).toISOString();
const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlEscape(text)}</${name}>`;
const attr = (name: string, value: string) => ` ${name}="${xmlEscape(value)}"`;

/** One newsItem element (no XML declaration): `root` adds the namespace for a stand-alone document. */
export function newsItemElement(s: PublicStory, siteUrl: string, provider: string, root = true): string {
  const status = pubStatusOf(s);
  const withheldFrom = status === 'withheld' ? Math.max(s.publishedAt ?? 0, s.embargoUntil ?? 0) : 0;
  const embargo = status === 'usable' ? s.embargoUntil : withheldFrom || null;
  const out: string[] = [];
  out.push(
    `<newsItem${root ? attr('xmlns', NAR) : ''}${attr('guid', itemUri(siteUrl, s.editionId))}${attr('version', String(s.version))} standard="NewsML-G2" standardversion="2.15" conformance="power"${attr('xml:lang', s.language)}>`,
    `<catalogRef${attr('href', CATALOG)}/>`,
    '<itemMeta>',
    '<itemClass qcode="ninat:text"/>',
    `<provider${attr('literal', provider)}/>`,
    el('versionCreated', iso(s.updatedAt)),
    el('firstCreated', iso(s.publishedAt ?? s.createdAt)),
    ...(embargo ? [el('embargoed', iso(embargo))] : []),
    `<pubStatus qcode="stat:${status}"/>`,
    ...(status === 'usable' ? [`<link rel="irel:seeAlso"${attr('href', s.url)} contenttype="text/html"/>`] : []),
    '</itemMeta>',
  );
  if (status !== 'usable') {
    out.push('<contentMeta>', `<language${attr('tag', s.language)}/>`, '</contentMeta>', '</newsItem>');
    return out.join('\n');
  }
  out.push(
    '<contentMeta>',
    el('urgency', String(s.urgency)),
    ...s.authors.map((a) => `<creator${attr('literal', `author:${a.slug}`)}${attr('uri', a.url)}>${el('name', a.name)}</creator>`),
    `<language${attr('tag', s.language)}/>`,
    ...(s.section ? [`<subject type="cpnat:abstract"${attr('literal', `section:${s.section.slug}`)}${attr('uri', s.section.url)}>${el('name', s.section.name)}</subject>`] : []),
    ...s.tags.map((t) => `<subject type="cpnat:abstract"${attr('literal', `tag:${t.slug}`)}${attr('uri', t.url)}>${el('name', t.name)}</subject>`),
    el('slugline', s.slug),
    el('headline', s.headline),
    ...(s.dateline ? [el('dateline', s.dateline)] : []),
    ...(s.authors.length ? [el('by', s.authors.map((a) => a.name).join(', '))] : []),
    ...(s.lead ? [el('description', s.lead, ' role="drol:summary"')] : []),
    '</contentMeta>',
    '<contentSet>',
    `<inlineXML contenttype="application/xhtml+xml"${attr('wordcount', String(s.wordCount))}>`,
    `<html${attr('xmlns', XHTML)}${attr('xml:lang', s.language)}><head>${el('title', s.headline)}</head><body>${toXhtml(s.bodyHtml)}</body></html>`,
    '</inlineXML>',
    '</contentSet>',
    '</newsItem>',
  );
  return out.join('\n');
}

export function newsItemDocument(s: PublicStory, siteUrl: string, provider: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${newsItemElement(s, siteUrl, provider)}\n`;
}

/** A page of items as one newsMessage (the G2 envelope for several items). */
export function newsMessageDocument(items: readonly PublicStory[], siteUrl: string, provider: string, sentAt: number): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<newsMessage${attr('xmlns', NAR)}>`,
    `<header>${el('sent', iso(sentAt))}</header>`,
    '<itemSet>',
    ...items.map((s) => newsItemElement(s, siteUrl, provider, false)),
    '</itemSet>',
    '</newsMessage>',
    '',
  ].join('\n');
}
