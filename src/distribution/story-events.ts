/**
 * What happens to a story that the world outside the site hears about: published, updated,
 * corrected, unpublished. The newsroom emits an event inside the transaction of the change; each
 * subscriber (WebSub and IndexNow pings, Telegram, webhooks) gets its own outbox job for it, so a
 * change and its announcements commit together and each subscriber retries on its own.
 *
 * Handlers must read the edition's current state when they run rather than trust the event: the
 * event says *that* something changed, the database says what it is now. That is also why
 * updates are coalesced (several saves within one window give one job that runs after the
 * window) and why a 'published' event waits for the embargo: a handler that finds the edition
 * not visible any more does nothing.
 *
 * Only changes made through the newsroom emit events. The demo generator and imports write their
 * stories directly and never announce them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { enqueue } from '../jobs/outbox.js';

export const STORY_EVENT_TYPES = ['published', 'updated', 'corrected', 'unpublished'] as const;
export type StoryEventType = (typeof STORY_EVENT_TYPES)[number];

export interface StoryEvent {
  type: StoryEventType;
  editionId: number;
  storyId: number;
  locale: string;
  /** When the change was made (epoch ms). */
  at: number;
}

export interface StoryEventSubscriber {
  /** The outbox topic of the subscriber's job handler (src/jobs/relay.ts). */
  topic: string;
  /** The event types it takes; all when not given. */
  types?: readonly StoryEventType[];
  /** Asked at emit time: a subscriber that is not configured gets no jobs at all. */
  enabled?: () => boolean;
}

/** Saves within this window are announced once, by a job that runs after the window closes. */
export const UPDATE_COALESCE_MS = 10_000;

export class StoryEvents {
  private readonly subscribers: StoryEventSubscriber[] = [];

  subscribe(s: StoryEventSubscriber): void {
    if (this.subscribers.some((x) => x.topic === s.topic)) throw new Error(`story events: ${s.topic} subscribed twice`);
    this.subscribers.push(s);
  }

  /**
   * Enqueues one job per interested subscriber in `trx`, the transaction of the change.
   * `visibleFrom`: a 'published' event's job waits until the story can be seen (embargo, or
   * a publication time in the future).
   */
  async emit(trx: Kysely<Database>, event: StoryEvent, opts: { visibleFrom?: number | null } = {}): Promise<void> {
    const now = event.at;
    for (const s of this.subscribers) {
      if (s.types && !s.types.includes(event.type)) continue;
      if (s.enabled && !s.enabled()) continue;
      if (event.type === 'updated') {
        // One job per edition per window, run just after the window: it reads every save made in it.
        const windowEnd = (Math.floor(now / UPDATE_COALESCE_MS) + 1) * UPDATE_COALESCE_MS;
        await enqueue(trx, { topic: s.topic, payload: event, runAt: windowEnd + 1_000, dedupeKey: `${s.topic}:updated:${event.editionId}:${windowEnd}` }, now);
      } else {
        const runAt = Math.max(now, opts.visibleFrom ?? 0);
        await enqueue(trx, { topic: s.topic, payload: event, runAt }, now);
      }
    }
  }
}

/** Reads a job payload back, or null when it is not a story event (a corrupted row dies, not crashes). */
export function parseStoryEvent(payload: unknown): StoryEvent | null {
  const p = payload as Partial<StoryEvent> | null;
  if (!p || typeof p !== 'object') return null;
  if (!STORY_EVENT_TYPES.includes(p.type as StoryEventType)) return null;
  if (!Number.isInteger(p.editionId) || !Number.isInteger(p.storyId) || typeof p.locale !== 'string' || !Number.isFinite(p.at)) return null;
  return p as StoryEvent;
}
