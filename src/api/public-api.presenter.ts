/** PublicStory (distribution/public-story.ts) → the public API's JSON shapes (schemas.ts). */
import type { z } from 'zod';
import type { PublicImage, PublicStory } from '../distribution/public-story.js';
import type { Image, Story, StorySummary } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

function image(i: PublicImage): z.infer<typeof Image> {
  return { mediaId: i.mediaId, url: i.url, width: i.width, height: i.height, type: i.type, alt: i.alt, caption: i.caption, credit: i.credit, main: i.main, variants: i.renditions };
}

export function presentSummary(s: PublicStory): z.infer<typeof StorySummary> {
  return {
    id: s.editionId,
    storyId: s.storyId,
    locale: s.locale,
    language: s.language,
    url: s.url,
    headline: s.headline,
    lead: s.lead,
    // Visible editions always have published_at (visibility.ts); created_at only guards the type.
    publishedAt: iso(s.publishedAt ?? s.createdAt),
    updatedAt: iso(s.updatedAt),
    isBreaking: s.isBreaking,
    urgency: s.urgency,
    readingMinutes: s.readingMinutes,
    section: s.section,
    tags: s.tags,
    authors: s.authors,
    image: s.image ? image(s.image) : null,
  };
}

export function presentStory(s: PublicStory): z.infer<typeof Story> {
  return {
    ...presentSummary(s),
    dateline: s.dateline,
    bodyHtml: s.bodyHtml,
    wordCount: s.wordCount,
    editions: s.editions.map((e) => ({ id: e.editionId, locale: e.locale, language: e.language, url: e.url, headline: e.headline })),
    notes: s.notes.map((n) => ({ kind: n.kind, text: n.text, at: iso(n.at) })),
  };
}
