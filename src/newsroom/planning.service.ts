/**
 * The desk's planning: what will be published, lifted from embargo or taken down, by day and hour;
 * rescheduling (the same `scheduled` transition as the editor's, so the same future-time and role
 * checks); and an expiry time on a published edition, carried out by the unpublish_scheduled
 * outbox job written in the same transaction.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../accounts/policy.js';
import { can, canOnEdition } from '../accounts/policy.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import { ConflictError, ForbiddenError, ValidationError, field, msg } from '../errors.js';
import { key } from '../http/validate.js';
import { enqueue } from '../jobs/outbox.js';
import { UNPUBLISH_SCHEDULED } from './editorial.rules.js';
import type { EditorialService } from './editorial.service.js';
import { PLAN_LIMIT, type PlanKind, type PlanningRepository } from './planning.repository.js';

const isoTime = z.string().datetime({ offset: true, message: key('field.datetime') });
export const PlanQuery = z.object({ from: isoTime, to: isoTime });
export const RescheduleInput = z.object({ at: isoTime });
export const ExpiryInput = z.object({ at: isoTime.nullable() });
/** The widest window one request may ask for (a month and a bit: a month view plus its edges). */
const MAX_WINDOW_MS = 42 * 24 * 3600_000;

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export class PlanningService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: PlanningRepository,
    private readonly editorial: EditorialService,
    private readonly audit: AuditRepository,
    private readonly clock: () => number,
  ) {}

  async plan(actor: Actor, q: z.infer<typeof PlanQuery>) {
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (!(to > from) || to - from > MAX_WINDOW_MS) {
      throw new ValidationError(msg('form.invalid'), [field('to', 'planning.range', { maxDays: MAX_WINDOW_MS / (24 * 3600_000) })]);
    }
    const owner = can(actor, 'stories.listAll') ? undefined : actor.id;
    const kinds: PlanKind[] = ['publish', 'embargo', 'expire'];
    const found = await Promise.all(kinds.map((k) => this.repo.window(k, from, to, owner)));
    const items = kinds.flatMap((kind, n) =>
      found[n]!.slice(0, PLAN_LIMIT).map((r) => {
        const facts = { ownerId: r.owner_id, status: r.status };
        return {
          kind, at: iso(Number(r.at))!, editionId: r.id, storyId: r.story_id, locale: r.locale, headline: r.headline, status: r.status, version: r.version,
          scheduledAt: iso(r.scheduled_at), embargoUntil: iso(r.embargo_until), unpublishAt: iso(r.unpublish_at), by: r.user_name ?? null,
          // What this person may do with the item in the planning view.
          canMove: kind === 'publish' ? canOnEdition(actor, 'schedule', facts) : kind === 'expire' ? canOnEdition(actor, 'unpublish', facts) : false,
        };
      }),
    );
    items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.editionId - b.editionId));
    return { items, truncated: found.some((f) => f.length > PLAN_LIMIT) };
  }

  /** Moves a scheduled edition to another time: the workflow's own scheduled transition. */
  reschedule(actor: Actor, id: number, at: string) {
    return this.editorial.transition(actor, id, { to: 'scheduled', from: 'scheduled', at });
  }

  async expiry(actor: Actor, id: number) {
    const e = await this.editorial.load(actor, id);
    return { editionId: e.id, status: e.status, unpublishAt: iso(e.unpublish_at), canSet: canOnEdition(actor, 'unpublish', { ownerId: e.owner_id, status: e.status }) };
  }

  /**
   * Sets (or clears, with null) the time a published or scheduled edition is taken down. The job
   * is keyed by edition and time: setting the same time twice enqueues once, and a job for a time
   * that was changed since finds nothing to do.
   */
  async setExpiry(actor: Actor, id: number, atIso: string | null) {
    await this.db.transaction().execute(async (trx) => {
      const e = await this.editorial.load(actor, id, trx);
      if (!canOnEdition(actor, 'unpublish', { ownerId: e.owner_id, status: e.status })) {
        throw new ForbiddenError(msg('expiry.role_may_not', { role: actor.role }));
      }
      if (e.status !== 'published' && e.status !== 'scheduled') throw new ConflictError(msg('expiry.not_live'));
      const now = this.clock();
      const at = atIso === null ? null : Date.parse(atIso);
      if (at !== null) {
        const fields = at <= now ? field('at', 'expiry.in_past') : e.status === 'scheduled' && e.scheduled_at !== null && at <= e.scheduled_at ? field('at', 'expiry.before_publication') : null;
        if (fields) throw new ValidationError(msg('form.invalid'), [fields]);
      }
      if (!(await this.repo.setExpiry(trx, e.id, e.status, at))) throw new ConflictError(msg('story.concurrent_move'));
      if (at !== null) await enqueue(trx, { topic: UNPUBLISH_SCHEDULED, payload: { editionId: e.id, at }, runAt: at, dedupeKey: `unpublish:${e.id}:${at}` }, now);
      await this.audit.record(trx, { userId: actor.id, action: 'story.expiry', entity: 'edition', entityId: e.id, details: { headline: e.headline, before: iso(e.unpublish_at), after: iso(at) } });
    });
    return this.expiry(actor, id);
  }
}
