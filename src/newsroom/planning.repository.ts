/** SQL of the planning view: scheduled, embargoed and expiring editions in a time window, and the expiry. */
import type { Kysely } from 'kysely';
import type { Database, EditionStatus } from '../db/schema.js';

export type PlanKind = 'publish' | 'embargo' | 'expire';
/** Per kind and window: a week of a busy desk fits many times over; the answer says when it is cut. */
export const PLAN_LIMIT = 500;

export class PlanningRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Editions with a `kind` time in [from, to), in time order; each kind reads its own index. */
  async window(kind: PlanKind, from: number, to: number, ownerId?: number) {
    const col = kind === 'publish' ? 'e.scheduled_at' : kind === 'embargo' ? 'e.embargo_until' : 'e.unpublish_at';
    const statuses: EditionStatus[] = kind === 'publish' ? ['scheduled'] : ['published', 'scheduled'];
    let q = this.db
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .leftJoin('users as u', 'u.id', 'e.created_by')
      .select(['e.id', 'e.story_id', 'e.locale', 'e.headline', 'e.status', 'e.version', 'e.scheduled_at', 'e.published_at', 'e.embargo_until', 'e.unpublish_at', 's.created_by as owner_id', 's.section_id', 'u.name as user_name'])
      .select((eb) => eb.ref(col).as('at'))
      .where(col, '>=', from)
      .where(col, '<', to)
      .where('e.status', 'in', statuses);
    if (ownerId !== undefined) q = q.where('s.created_by', '=', ownerId);
    return q.orderBy(col).orderBy('e.id').limit(PLAN_LIMIT + 1).execute();
  }

  /** Sets or clears the expiry of an edition still in `status` (a concurrent move wins; false then). */
  async setExpiry(trx: Kysely<Database>, id: number, status: EditionStatus, at: number | null): Promise<boolean> {
    const r = await trx.updateTable('editions').set({ unpublish_at: at }).where('id', '=', id).where('status', '=', status).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
