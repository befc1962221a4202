/**
 * What a restore brings back, without I/O. A revision stores the edition's text and a snapshot
 * of its other fields and of the story's shared ones (src/content/revisions.repository.ts). A
 * restore returns what the diff shows — headline, lead, body and the edition's own text fields —
 * and leaves the story-wide fields (section, hero image, tags, authors) as they are unless the
 * restore asks for them too: they are every language's, and the diff does not show them.
 */
import type { StoryFields } from './editorial.rules.js';

export interface Snapshot extends StoryFields {
  datelineCity: string;
  heroCaption: string;
  seoTitle: string;
  seoDescription: string;
}

/** The edition's own text fields a restore brings back besides headline, lead and body. */
export const EDITION_TEXT_FIELDS = ['datelineCity', 'heroCaption', 'seoTitle', 'seoDescription'] as const;
export type EditionTextField = (typeof EDITION_TEXT_FIELDS)[number];
export type EditionText = Record<EditionTextField, string>;

const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : []);
const id = (v: unknown): number | null => (Number.isInteger(v) ? (v as number) : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A stored snapshot, read defensively: older revisions may lack fields. */
export function parseSnapshot(json: string): Snapshot {
  let s: Record<string, unknown> = {};
  try {
    const v = JSON.parse(json) as unknown;
    if (v && typeof v === 'object') s = v as Record<string, unknown>;
  } catch {
    // A broken snapshot restores the text alone.
  }
  return {
    datelineCity: str(s.datelineCity), heroCaption: str(s.heroCaption), seoTitle: str(s.seoTitle), seoDescription: str(s.seoDescription),
    sectionId: id(s.sectionId), heroMediaId: id(s.heroMediaId), tagIds: ids(s.tagIds), authorIds: ids(s.authorIds),
  };
}

/**
 * The edition's own text fields after restoring `snap` onto `current`. The hero caption is the
 * caption of one photo: it comes back only when the edition will show the same photo as then,
 * so restoring a version without a photo never blanks the caption of the photo kept.
 */
export function restoredText(snap: Snapshot, current: EditionText & { heroMediaId: number | null }, withStoryFields: boolean): EditionText {
  const heroAfter = withStoryFields ? snap.heroMediaId : current.heroMediaId;
  return {
    datelineCity: snap.datelineCity,
    heroCaption: heroAfter === snap.heroMediaId ? snap.heroCaption : current.heroCaption,
    seoTitle: snap.seoTitle,
    seoDescription: snap.seoDescription,
  };
}

/** The edition text fields that differ, in a stable order. */
export function textChanges(before: EditionText, after: EditionText): { field: EditionTextField; before: string; after: string }[] {
  return EDITION_TEXT_FIELDS.filter((f) => before[f].trim() !== after[f].trim()).map((field) => ({ field, before: before[field], after: after[field] }));
}
