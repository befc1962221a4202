/**
 * The editorial rules that need no database: input schemas, the workflow's transition table,
 * which fields are shared by every language of a story, transliteration of derived editions and
 * word diffs. EditorialService applies them inside its transactions.
 */
import { diffWords } from 'diff';
import { z } from 'zod';
import { Id } from '../http/validate.js';
import type { EditionAction } from '../accounts/policy.js';
import type { EditionStatus } from '../db/schema.js';
import { docText, type StoryDoc } from '../content/document.js';
import { slugify } from '../content/slug.js';
import { LOCALE_INFO, type Locale } from '../i18n/locales.js';
import { transliterateText, translitDoc } from '../i18n/translit.js';
import { type ApiMessage, msg } from '../i18n/api-messages.js';

export const SaveInput = z.object({
  version: Id,
  headline: z.string().max(300),
  slug: z.string().max(200),
  lead: z.string().max(1000),
  body: z.unknown(),
  datelineCity: z.string().max(80),
  sectionId: Id.nullable(),
  tagIds: z.array(Id).max(30),
  authorIds: z.array(Id).max(10),
  heroMediaId: Id.nullable(),
  heroCaption: z.string().max(500),
  seoTitle: z.string().max(200),
  seoDescription: z.string().max(400),
  isMain: z.boolean(),
  isBreaking: z.boolean(),
  /** Until when the main-story flag leads the home page; null: the site's age limit; left out: kept as it is. */
  mainUntil: z.string().datetime({ offset: true }).nullable().optional(),
  embargoUntil: z.string().datetime({ offset: true }).nullable(),
  /** IPTC urgency 1 (flash) … 8, 5 normal; left out, the edition keeps its own (urgency.service.ts). */
  urgency: z.number().int().min(1).max(8).optional(),
});
export type SaveInput = z.infer<typeof SaveInput>;

const Status = z.enum(['draft', 'review', 'scheduled', 'published', 'unpublished']);
export const TransitionInput = z.object({
  to: Status,
  /** The status the client saw: when the story has moved on since, the transition is refused (409). */
  from: Status.optional(),
  at: z.string().datetime({ offset: true }).optional(),
  reason: z.string().max(500).optional(),
});
export type TransitionInput = z.infer<typeof TransitionInput>;

/** Which policy action each target status needs, and from which statuses it may be reached. */
export const TRANSITIONS: Record<EditionStatus, { action: EditionAction; from: EditionStatus[]; verb: string }> = {
  review: { action: 'submit', from: ['draft'], verb: 'submit' },
  draft: { action: 'sendBack', from: ['review', 'scheduled', 'unpublished'], verb: 'send back' },
  published: { action: 'publish', from: ['draft', 'review', 'scheduled', 'unpublished'], verb: 'publish' },
  // scheduled → scheduled is a reschedule (the planning view drags items to another time).
  scheduled: { action: 'schedule', from: ['draft', 'review', 'unpublished', 'scheduled'], verb: 'schedule' },
  unpublished: { action: 'unpublish', from: ['published', 'scheduled'], verb: 'unpublish' },
};

/** Published now or at a set time: what readers see or will see, so changes to it are audited. */
export const isLive = (status: EditionStatus): boolean => status === 'published' || status === 'scheduled';

/**
 * Fields stored once per story (the `stories` row, story_tags, story_authors): every language
 * shows them, so changing them through one edition changes the published ones too.
 */
export interface StoryFields {
  sectionId: number | null;
  heroMediaId: number | null;
  tagIds: number[];
  authorIds: number[];
}
const STORY_FIELD_NAMES: Record<keyof StoryFields, string> = { sectionId: 'section', heroMediaId: 'hero image', tagIds: 'tags', authorIds: 'authors' };

export function changedStoryFields(before: StoryFields, after: StoryFields): (keyof StoryFields)[] {
  return (Object.keys(STORY_FIELD_NAMES) as (keyof StoryFields)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export function storyFieldsMessage(fields: (keyof StoryFields)[], role: string): ApiMessage {
  const names = fields.map((f) => STORY_FIELD_NAMES[f]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  return msg('story.shared_fields', { fields: list ?? '', role });
}

/**
 * Whether `slug` is the automatic one for `headline` (its slug, or that slug with a number added
 * when it was taken, or the placeholder of an untitled story) rather than one someone typed.
 */
export function isAutoSlug(slug: string, headline: string, locale: Locale): boolean {
  if (/^story-\d+(-\d+)?$/.test(slug)) return true;
  const base = slugify(headline, undefined, locale);
  return !!base && (slug === base || (slug.startsWith(`${base}-`) && /^\d+$/.test(slug.slice(base.length + 1))));
}

export const PUBLISH_SCHEDULED = 'publish_scheduled';
export const UNPUBLISH_SCHEDULED = 'unpublish_scheduled';

/** The other Uzbek script's locale, or null for languages without one. */
export function scriptTwin(locale: string): Locale | null {
  return locale === 'uz' ? 'uz-Cyrl' : locale === 'uz-Cyrl' ? 'uz' : null;
}

type TextFields = { headline: string; lead: string; body_json: string; dateline_city: string; hero_caption: string; seo_title: string; seo_description: string };

/**
 * The text fields of an edition converted into the target Uzbek script, with the newsroom's
 * transliteration exceptions (word → spelling pairs that win over the rules) when given.
 */
export function transliterated(source: TextFields, target: Locale, exceptions?: ReadonlyArray<readonly [string, string]>) {
  const to = target === 'uz-Cyrl' ? 'cyrl' : 'latn';
  const options = exceptions && exceptions.length > 0 ? { exceptions } : undefined;
  const text = (s: string) => transliterateText(s, to, options);
  return {
    headline: text(source.headline),
    lead: text(source.lead),
    body_json: JSON.stringify(translitDoc(JSON.parse(source.body_json), to, options)),
    dateline_city: text(source.dateline_city),
    hero_caption: text(source.hero_caption),
    seo_title: text(source.seo_title),
    seo_description: text(source.seo_description),
  };
}

/** Headline, lead and body as one plain text, the unit revisions are compared in. */
export function plainText(x: { headline: string; lead: string; body_json: string }): string {
  return `${x.headline}\n\n${x.lead}\n\n${docText(JSON.parse(x.body_json) as StoryDoc)}`;
}

/**
 * Word diff. diff's default word pattern knows only Latin letters; a CLDR word segmenter splits
 * Cyrillic and Uzbek words correctly.
 */
export function wordDiff(before: string, after: string, locale: string) {
  const intlSegmenter = new Intl.Segmenter(LOCALE_INFO[locale as Locale]?.tag ?? 'ru', { granularity: 'word' });
  return { parts: diffWords(before, after, { intlSegmenter }).map((p) => ({ value: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) })) };
}
