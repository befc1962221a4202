/**
 * IndexNow (https://www.indexnow.org/documentation): search engines that share the protocol
 * (Bing, Yandex, Seznam, Naver …, all fed by api.indexnow.org) are told which article URLs
 * changed, so they recrawl them now instead of on their own schedule. The key file at the site
 * root (`/<key>.txt`, key-file.routes.ts) proves the site sent the list.
 *
 * We send article URLs only: the edition's own page (also when it was unpublished, so engines
 * recrawl it and find it gone), and the addresses it left since the change (a new slug: the old
 * one now redirects, and engines should drop it). List pages (home, sections) change with every
 * story and are found by the crawlers anyway; naming them on every change would be noise.
 *
 * Answers (documented by indexnow.org and Yandex): 200 received, 202 received while the key is
 * still being checked — both done. 429 (too many requests) and 5xx are passing: thrown, so the
 * relay retries with backoff. 400/403/422 (bad request, key not valid, URL not of this host) and
 * redirects will not change by themselves: logged at warn and the job finishes, because retrying
 * them for ever would only annoy the engine.
 */
import type { Logger } from 'pino';
import type { JobHandler } from '../../jobs/relay.js';
import type { StoryEventSubscriber } from '../story-events.js';
import type { PublicStoryReader } from '../public-story.js';
import { urls } from '../../site/urls.js';
import { announcement } from './announcement.js';
import type { PingsRepository } from './pings.repository.js';
import { postPing } from './http.js';

export const INDEXNOW_TOPIC = 'ping.indexnow';
/** 10 s doubling to about 1.5 hours: long enough to sit out an engine's rate limit. */
const MAX_ATTEMPTS = 10;

export interface IndexNowConfig {
  key: string;
  endpoint: string;
}

export interface IndexNowPayload {
  host: string;
  key: string;
  keyLocation: string;
  urlList: string[];
}

/** Where the key file is served: the site root, so the key covers every URL of the host. */
export function keyLocation(siteUrl: string, key: string): string {
  return `${siteUrl}/${key}.txt`;
}

export function indexNowSubscriber(cfg: IndexNowConfig | null): StoryEventSubscriber {
  return { topic: INDEXNOW_TOPIC, enabled: () => cfg !== null };
}

export function indexNowJob(cfg: IndexNowConfig | null, siteUrl: string, reader: PublicStoryReader, repo: PingsRepository, log: Logger): JobHandler {
  return {
    topic: INDEXNOW_TOPIC,
    maxAttempts: MAX_ATTEMPTS,
    async run(payload, job) {
      if (cfg === null) return;
      const a = await announcement(reader, payload);
      // A deleted edition took its address with it: there is no URL left to name.
      if (!a?.story) return;
      const left = await repo.slugsLeftSince(a.story.editionId, a.event.at);
      const urlList = [a.story.url, ...left.map((slug) => reader.abs(urls.article(a.locale, slug)))];
      const body: IndexNowPayload = { host: new URL(siteUrl).host, key: cfg.key, keyLocation: keyLocation(siteUrl, cfg.key), urlList };
      const res = await postPing(cfg.endpoint, JSON.stringify(body), 'application/json; charset=utf-8');
      if (res.status >= 200 && res.status <= 299) return;
      if (res.status === 429 || res.status >= 500) throw new Error(`IndexNow answered ${res.status}: ${res.body.slice(0, 200)}`);
      log.warn({ status: res.status, answer: res.body.slice(0, 500), urls: body.urlList, jobId: job.id }, 'IndexNow refused the URLs; not retrying (check XABAR_INDEXNOW_KEY, SITE_URL and that /<key>.txt is reachable)');
    },
  };
}
