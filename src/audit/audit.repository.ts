/** The audit log of editorial and administrative actions: who, what, when. Append-only. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: number | null;
  details?: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>, private readonly clock: () => number) {}

  /** Writes in the caller's transaction so the entry exists exactly when the change does. */
  async record(trx: Kysely<Database>, e: AuditEntry): Promise<void> {
    await trx
      .insertInto('audit_log')
      .values({ at: this.clock(), user_id: e.userId, action: e.action, entity: e.entity, entity_id: e.entityId ?? null, details: JSON.stringify(e.details ?? {}) })
      .execute();
  }

  async page(limit: number, offset: number) {
    const [rows, count] = await Promise.all([
      this.db
        .selectFrom('audit_log as a')
        .leftJoin('users as u', 'u.id', 'a.user_id')
        // What the entry is about, named as it is now (the log shows "published «headline»", not "edition #12").
        .leftJoin('users as tu', (j) => j.onRef('tu.id', '=', 'a.entity_id').on('a.entity', '=', 'user'))
        .leftJoin('editions as te', (j) => j.onRef('te.id', '=', 'a.entity_id').on('a.entity', '=', 'edition'))
        .select(['a.id', 'a.at', 'a.action', 'a.entity', 'a.entity_id', 'a.details', 'u.id as user_id', 'u.name as user_name'])
        .select(['tu.name as target_user_name', 'te.headline as target_headline', 'te.locale as target_locale'])
        .orderBy('a.at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return { rows, total: Number(count?.n ?? 0) };
  }
}
