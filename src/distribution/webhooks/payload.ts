/**
 * What a webhook receiver gets: the Standard Webhooks envelope `{ type, timestamp, data }` with
 * the story's public fields and absolute URLs (docs/webhooks.md). An unpublished story's body is
 * not sent again — only which edition went, its former URL and when.
 */
import type { PublicStory } from '../public-story.js';
import type { StoryEvent, StoryEventType } from '../story-events.js';

export const WEBHOOK_EVENTS = ['story.published', 'story.updated', 'story.corrected', 'story.unpublished'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** The event the "send test event" button sends; endpoints need not subscribe to it. */
export const TEST_EVENT = 'webhook.test';

export function webhookEventOf(type: StoryEventType): WebhookEvent {
  return `story.${type}`;
}

export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** The story's public fields as receivers see them (the same for published, updated and corrected). */
export function storyData(s: PublicStory): Record<string, unknown> {
  return {
    id: s.editionId,
    storyId: s.storyId,
    locale: s.locale,
    language: s.language,
    url: s.url,
    slug: s.slug,
    version: s.version,
    headline: s.headline,
    lead: s.lead,
    dateline: s.dateline,
    bodyHtml: s.bodyHtml,
    publishedAt: iso(s.publishedAt),
    updatedAt: iso(s.updatedAt),
    urgency: s.urgency,
    isBreaking: s.isBreaking,
    wordCount: s.wordCount,
    readingMinutes: s.readingMinutes,
    section: s.section,
    tags: s.tags,
    authors: s.authors,
    image: s.image && { url: s.image.url, width: s.image.width, height: s.image.height, type: s.image.type, alt: s.image.alt, caption: s.image.caption, credit: s.image.credit, renditions: s.image.renditions },
    editions: s.editions,
    notes: s.notes.map((n) => ({ kind: n.kind, text: n.text, at: iso(n.at) })),
  };
}

/**
 * The payload for a story event, or null when there is nothing to say any more: the edition is
 * gone, or it is no longer in the state the event announced (published, then taken down before
 * the job ran — its own 'unpublished' event follows). Handlers read the edition now, not the event.
 */
export function storyPayload(event: StoryEvent, story: PublicStory | undefined, now: number): WebhookPayload | null {
  if (!story) return null;
  const type = webhookEventOf(event.type);
  if (event.type === 'unpublished') {
    if (story.visible) return null; // published again meanwhile: a 'published' event says so
    return { type, timestamp: iso(now)!, data: { id: story.editionId, storyId: story.storyId, locale: story.locale, language: story.language, url: story.url, unpublishedAt: iso(event.at) } };
  }
  if (!story.visible) return null;
  return { type, timestamp: iso(now)!, data: storyData(story) };
}

export function testPayload(endpointId: number, now: number): WebhookPayload {
  return { type: TEST_EVENT, timestamp: iso(now)!, data: { endpointId, test: true } };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
