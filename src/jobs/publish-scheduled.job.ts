/**
 * Publishes a scheduled story at its time. Idempotent: it only flips a story that is still
 * scheduled for exactly that time, so a retry, a second node or a rescheduled story are safe.
 * (Readers see the story from its time on even before this runs: see editions.repository.)
 */
import { z } from 'zod';
import type { EditorialService } from '../newsroom/editorial.service.js';
import { PUBLISH_SCHEDULED } from '../newsroom/editorial.service.js';
import type { JobHandler } from './relay.js';

const Payload = z.object({ editionId: z.number().int(), at: z.number().int() });

export function publishScheduledJob(editorial: EditorialService): JobHandler {
  return {
    topic: PUBLISH_SCHEDULED,
    maxAttempts: 10,
    async run(payload) {
      const p = Payload.parse(payload);
      await editorial.publishScheduled(p.editionId, p.at);
    },
  };
}
