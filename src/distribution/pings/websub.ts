/**
 * WebSub publisher pings (https://www.w3.org/TR/websub/#publishing). The feeds name the hub in
 * `<atom:link rel="hub">`; when a story changes, the hub is told which feeds (topics) changed and
 * fetches them itself to push the news to its subscribers.
 *
 * WebSub leaves the publisher → hub notification to the hub; every public hub (Google's,
 * Superfeedr, Switchboard, websub.rocks) takes the PubSubHubbub form: a form-encoded POST with
 * `hub.mode=publish` and `hub.url=<topic>`. Some accept `hub.url` repeated, others only one, so
 * we send one request per topic. Any 2xx is acceptance (hubs answer 204 or 202); anything else
 * throws and the relay retries the whole job with backoff (pings are idempotent: a hub that
 * hears of a topic twice fetches it once more).
 */
import type { Logger } from 'pino';
import type { JobHandler } from '../../jobs/relay.js';
import type { StoryEventSubscriber } from '../story-events.js';
import type { PublicStory, PublicStoryReader } from '../public-story.js';
import { urls, type FeedFormat, type FeedScope } from '../../site/urls.js';
import type { Locale } from '../../i18n/locales.js';
import { announcement } from './announcement.js';
import { postPing } from './http.js';

export const WEBSUB_TOPIC = 'ping.websub';
/** 10 s doubling: the last try is about 20 minutes after the change, when a ping stops being news. */
const MAX_ATTEMPTS = 8;
const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];
/** Pings in flight at once for one job. */
const PARALLEL = 4;

async function ping(hub: string, topic: string): Promise<void> {
  const body = new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString();
  const res = await postPing(hub, body, 'application/x-www-form-urlencoded');
  if (res.status < 200 || res.status > 299) throw new Error(`WebSub hub answered ${res.status} for ${topic}: ${res.body.slice(0, 200)}`);
}

/**
 * The feeds a change of this edition alters, as absolute URLs: the locale's feeds (and the
 * Yandex one for Russian), and the feeds of its section, tags and authors. A deleted edition
 * (story null) names the locale's feeds only.
 */
export function websubTopics(abs: (path: string) => string, locale: Locale, story: PublicStory | null): string[] {
  const scopes: FeedScope[] = [null];
  if (story?.section) scopes.push({ kind: 'section', slug: story.section.slug });
  for (const t of story?.tags ?? []) scopes.push({ kind: 'tag', slug: t.slug });
  for (const a of story?.authors ?? []) scopes.push({ kind: 'author', slug: a.slug });
  const out = scopes.flatMap((scope) => FORMATS.map((f) => abs(urls.feed(locale, f, scope))));
  if (locale === 'ru') out.push(abs(urls.yandexFeed(locale)));
  return [...new Set(out)];
}

export function websubSubscriber(hub: string | null): StoryEventSubscriber {
  return { topic: WEBSUB_TOPIC, enabled: () => hub !== null };
}

export function websubJob(hub: string | null, reader: PublicStoryReader, log: Logger): JobHandler {
  return {
    topic: WEBSUB_TOPIC,
    maxAttempts: MAX_ATTEMPTS,
    async run(payload) {
      // Switched off after the job was written: nothing to tell.
      if (hub === null) return;
      const a = await announcement(reader, payload);
      if (!a) return;
      // A few at a time, stopping after the first batch with a refusal: a story with many tags
      // stays well inside the job's lease, and a hub that is down costs one timeout, not one per topic.
      const topics = websubTopics((p) => reader.abs(p), a.locale, a.story);
      for (let i = 0; i < topics.length; i += PARALLEL) {
        const results = await Promise.allSettled(topics.slice(i, i + PARALLEL).map((t) => ping(hub, t)));
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
      }
      log.debug({ editionId: a.event.editionId, type: a.event.type }, 'WebSub hub pinged');
    },
  };
}
