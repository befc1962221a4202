/**
 * An edition as an IPTC ninjs 2.1 news item (https://iptc.org/standards/ninjs/; the schema the
 * tests validate against is test/schemas/ninjs-schema_2.1.json). 2.x names throughout: arrays of
 * `headlines`, `bodies`, `descriptions`; `associations` and `renditions` are arrays of named
 * objects (in 1.x they were maps).
 *
 * pubstatus (nar:pubStatus):
 *  - usable: readers can see it now;
 *  - withheld: on the wire but not yet usable — scheduled for later or under embargo; `embargoed`
 *    says from when. Only identification is sent: the text of an embargoed story does not leave
 *    the building before its time;
 *  - canceled: taken down (unpublished, or sent back from the schedule). Identification only, so
 *    a story withdrawn for legal reasons is not redistributed by the very notice that withdraws it.
 */
import type { PublicImage, PublicStory } from '../distribution/public-story.js';

export const NINJS_VERSION = '2.1';
export const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json';

export type PubStatus = 'usable' | 'withheld' | 'canceled';

export interface NinjsRendition {
  name: string;
  href: string;
  contenttype: string;
  width?: number;
  height?: number;
  sizeinbytes?: number;
}

export interface NinjsItem {
  uri: string;
  standard: { name: 'ninjs'; version: string; schema: string };
  version: string;
  type: 'text' | 'picture';
  language?: string;
  pubstatus: PubStatus;
  firstcreated?: string;
  versioncreated: string;
  embargoed?: string;
  urgency?: number;
  slugline?: string;
  headlines?: { role?: string; value: string }[];
  descriptions?: { role?: string; value: string }[];
  bodies?: { role?: string; contenttype: string; value: string; wordcount?: number }[];
  subjects?: { name: string; uri: string; rel: string; literal: string }[];
  by?: string;
  people?: { name: string; uri: string; rel: string; literal: string }[];
  renditions?: NinjsRendition[];
  associations?: (Omit<NinjsItem, 'standard' | 'version' | 'pubstatus' | 'versioncreated'> & { name: string; version?: string })[];
  altids?: { role: string; value: string }[];
}

/** What the wire says about an edition's state (see the module comment). */
export function pubStatusOf(s: Pick<PublicStory, 'visible' | 'status'>): PubStatus {
  if (s.visible) return 'usable';
  return s.status === 'published' || s.status === 'scheduled' ? 'withheld' : 'canceled';
}

/** The item's stable identifier: its address on this wire (the same as the G2 guid). */
export function itemUri(siteUrl: string, editionId: number): string {
  return `${siteUrl}/wire/v1/items/${editionId}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function toNinjs(s: PublicStory, siteUrl: string): NinjsItem {
  const pubstatus = pubStatusOf(s);
  const base: NinjsItem = {
    uri: itemUri(siteUrl, s.editionId),
    standard: { name: 'ninjs', version: NINJS_VERSION, schema: NINJS_SCHEMA },
    version: String(s.version),
    type: 'text',
    language: s.language,
    pubstatus,
    firstcreated: iso(s.publishedAt ?? s.createdAt),
    versioncreated: iso(s.updatedAt),
    altids: [{ role: 'storyId', value: String(s.storyId) }, { role: 'editionId', value: String(s.editionId) }],
  };
  if (pubstatus === 'withheld') {
    // Usable from the later of the publication time and the embargo.
    const from = Math.max(s.publishedAt ?? 0, s.embargoUntil ?? 0);
    if (from > 0) base.embargoed = iso(from);
    return base;
  }
  if (pubstatus === 'canceled') return base;
  return {
    ...base,
    ...(s.embargoUntil !== null ? { embargoed: iso(s.embargoUntil) } : {}),
    urgency: s.urgency,
    slugline: s.slug,
    headlines: [{ role: 'main', value: s.headline }],
    ...(s.lead ? { descriptions: [{ role: 'summary', value: s.lead }] } : {}),
    bodies: [{ role: 'text', contenttype: 'text/html', value: s.bodyHtml, wordcount: s.wordCount }],
    subjects: [
      ...(s.section ? [{ name: s.section.name, uri: s.section.url, rel: 'section', literal: `section:${s.section.slug}` }] : []),
      ...s.tags.map((t) => ({ name: t.name, uri: t.url, rel: 'tag', literal: `tag:${t.slug}` })),
    ],
    ...(s.authors.length ? { by: s.authors.map((a) => a.name).join(', ') } : {}),
    people: s.authors.map((a) => ({ name: a.name, uri: a.url, rel: 'author', literal: `author:${a.slug}` })),
    // The article page itself, for subscribers that link rather than reprint.
    renditions: [{ name: 'web', href: s.url, contenttype: 'text/html' }],
    ...(s.image ? { associations: [featureImage(s.image)] } : {}),
  };
}

function featureImage(img: PublicImage): NonNullable<NinjsItem['associations']>[number] {
  return {
    name: 'featureimage',
    uri: img.url,
    type: 'picture',
    ...(img.caption ? { headlines: [{ value: img.caption }] } : {}),
    ...(img.alt || img.caption ? { descriptions: [...(img.caption ? [{ role: 'caption', value: img.caption }] : []), ...(img.alt ? [{ role: 'alt', value: img.alt }] : [])] } : {}),
    ...(img.credit ? { by: img.credit } : {}),
    renditions: [
      { name: 'original', href: img.url, contenttype: img.type, width: img.width, height: img.height, sizeinbytes: img.bytes },
      ...img.renditions.map((r) => ({ name: `${r.type.replace('image/', '')}-${r.width}`, href: r.url, contenttype: r.type, width: r.width, height: r.height, sizeinbytes: r.bytes })),
    ],
  };
}
