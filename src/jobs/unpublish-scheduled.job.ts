/**
 * Takes an edition down at its expiry time (the desk's scheduled unpublish). Idempotent: it only
 * flips an edition still published and still set to expire at exactly that time, so a retry, a
 * second node or a changed expiry are safe. A scheduled edition whose publication job is late is
 * retried (with backoff) until it is published.
 */
import { z } from 'zod';
import type { EditorialService } from '../newsroom/editorial.service.js';
import { UNPUBLISH_SCHEDULED } from '../newsroom/editorial.rules.js';
import type { JobHandler } from './relay.js';

const Payload = z.object({ editionId: z.number().int(), at: z.number().int() });

export function unpublishScheduledJob(editorial: EditorialService): JobHandler {
  return {
    topic: UNPUBLISH_SCHEDULED,
    maxAttempts: 10,
    async run(payload) {
      const p = Payload.parse(payload);
      if ((await editorial.unpublishExpired(p.editionId, p.at)) === 'waiting') throw new Error('The story is not published yet (its scheduled publication is late); trying again later.');
    },
  };
}
