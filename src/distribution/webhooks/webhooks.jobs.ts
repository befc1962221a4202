/**
 * The two webhook jobs. `webhooks.fanout` is the story-events subscriber: one job per event,
 * which enqueues one `webhooks.deliver` job per endpoint (webhooks.service.ts, fanOut). Each
 * delivery retries on its own with the relay's backoff (10 s doubling to an hour) until about a
 * day has passed, then dies and leaves its endpoint marked failing.
 */
import { z } from 'zod';
import type { JobHandler } from '../../jobs/relay.js';
import { backoffMs } from '../../jobs/relay.js';
import { parseStoryEvent, STORY_EVENT_TYPES, type StoryEventSubscriber } from '../story-events.js';
import { DELIVER_TOPIC, type DeliveryJob, type WebhooksService } from './webhooks.service.js';

export const FANOUT_TOPIC = 'webhooks.fanout';
/** How long a delivery keeps being retried before its endpoint is marked failing. */
export const RETRY_FOR_MS = 24 * 3600_000;

/** Attempts whose backoff delays add up to `windowMs`: the first attempt, then one per delay. */
export function attemptsWithin(windowMs: number): number {
  let waited = 0;
  let attempts = 1;
  while (waited < windowMs) waited += backoffMs(attempts++);
  return attempts;
}

export const DELIVERY_MAX_ATTEMPTS = attemptsWithin(RETRY_FOR_MS);

const DeliveryPayload: z.ZodType<DeliveryJob> = z.object({
  endpointId: z.number().int(),
  eventId: z.string().min(1),
  payload: z.object({ type: z.string(), timestamp: z.string(), data: z.record(z.unknown()) }),
});

/** A job row that is not what this topic writes: it dies after its attempts instead of crashing the relay. */
class MalformedJobError extends Error {
  constructor(topic: string) {
    super(`${topic}: malformed job payload`);
    this.name = 'MalformedJobError';
  }
}

export const webhooksSubscriber: StoryEventSubscriber = { topic: FANOUT_TOPIC, types: STORY_EVENT_TYPES };

export function webhookJobs(webhooks: WebhooksService): JobHandler[] {
  const fanout: JobHandler = {
    topic: FANOUT_TOPIC,
    async run(payload, job) {
      const event = parseStoryEvent(payload);
      if (!event) throw new MalformedJobError(FANOUT_TOPIC);
      await webhooks.fanOut(event, job);
    },
  };
  const deliver: JobHandler = {
    topic: DELIVER_TOPIC,
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
    async run(payload, job) {
      const p = DeliveryPayload.safeParse(payload);
      if (!p.success) throw new MalformedJobError(DELIVER_TOPIC);
      await webhooks.deliver(p.data, job.attempts, job.attempts >= DELIVERY_MAX_ATTEMPTS, job.locked_until);
    },
  };
  return [fanout, deliver];
}
