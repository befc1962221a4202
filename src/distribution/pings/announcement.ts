/**
 * What a ping job announces, decided when it runs from the edition as it is now: the story
 * event only says that something changed (src/distribution/story-events.ts).
 *
 * - published / updated / corrected: only an edition readers can see now. A 'published' job
 *   whose edition was taken down meanwhile, or an update of one no longer on the site, says
 *   nothing (the 'unpublished' event of that take-down speaks for it).
 * - unpublished: only an edition still off the site (one published again has its own
 *   'published' event). An edition deleted since is announced by its locale alone: its address
 *   and terms went with it, so only the locale's feeds can be named.
 */
import type { PublicStory, PublicStoryReader } from '../public-story.js';
import { parseStoryEvent, type StoryEvent } from '../story-events.js';
import { isLocale, type Locale } from '../../i18n/locales.js';

export interface Announcement {
  event: StoryEvent;
  locale: Locale;
  /** The edition as it is now; null when it was deleted (unpublished events only). */
  story: PublicStory | null;
}

/**
 * The announcement for a job's payload, or null when there is nothing to announce now. A payload
 * that is not a story event throws: the job is retried and then dies where an operator sees it.
 */
export async function announcement(reader: PublicStoryReader, payload: unknown): Promise<Announcement | null> {
  const event = parseStoryEvent(payload);
  if (!event || !isLocale(event.locale)) throw new Error('not a story event payload');
  const [story] = await reader.byEditionIds([event.editionId]);
  if (event.type === 'unpublished') {
    if (story?.visible) return null;
    return { event, locale: event.locale, story: story ?? null };
  }
  if (!story?.visible) return null;
  return { event, locale: event.locale, story };
}
