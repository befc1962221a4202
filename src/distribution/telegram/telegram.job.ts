/**
 * The outbox job that carries story events to Telegram (topic `telegram.post`): one per event,
 * enqueued by StoryEvents in the change's transaction. Outcomes: done (posted, edited, nothing to
 * do, or a permanent failure recorded on the delivery for the newsroom), RetryAt (429's
 * retry_after, or backoff with jitter), or an error (the relay's backoff).
 */
import type { JobHandler } from '../../jobs/relay.js';
import { parseStoryEvent } from '../story-events.js';
import { TELEGRAM_JOB_MAX_ATTEMPTS } from './telegram.poster.js';
import { TELEGRAM_TOPIC, type TelegramService } from './telegram.service.js';

export function telegramJob(telegram: TelegramService): JobHandler {
  return {
    topic: TELEGRAM_TOPIC,
    maxAttempts: TELEGRAM_JOB_MAX_ATTEMPTS,
    async run(payload, job) {
      const event = parseStoryEvent(payload);
      if (!event) throw new Error('telegram job: the payload is not a story event');
      await telegram.handle(event, job.attempts);
    },
  };
}
