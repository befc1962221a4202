/** SQL for wire API keys (table api_keys, migration 0021). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  locales: string;
  section_ids: string;
  rate_per_minute: number;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

const COLUMNS = ['id', 'name', 'prefix', 'locales', 'section_ids', 'rate_per_minute', 'created_at', 'revoked_at', 'last_used_at'] as const;

/** Most keys one list returns: a site has a handful of subscribers, not thousands. */
export const MAX_KEYS_LISTED = 500;

export class ApiKeysRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(trx: Kysely<Database>, row: { name: string; key_hash: string; prefix: string; locales: string; section_ids: string; rate_per_minute: number; created_by: number; created_at: number }): Promise<number> {
    const r = await trx.insertInto('api_keys').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  list(): Promise<ApiKeyRow[]> {
    return this.db.selectFrom('api_keys').select(COLUMNS).orderBy('id', 'desc').limit(MAX_KEYS_LISTED).execute();
  }

  byId(id: number, db: Kysely<Database> = this.db): Promise<ApiKeyRow | undefined> {
    return db.selectFrom('api_keys').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  /** The one query every wire request makes: by the unique hash. */
  byHash(hash: string): Promise<ApiKeyRow | undefined> {
    return this.db.selectFrom('api_keys').select(COLUMNS).where('key_hash', '=', hash).executeTakeFirst();
  }

  /** Conditional: only a key not yet revoked is revoked (the loser of two clicks changes nothing). */
  async revoke(trx: Kysely<Database>, id: number, at: number): Promise<boolean> {
    const r = await trx.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * Records a use at most once per `everyMs`: the condition makes concurrent requests on several
   * nodes write at most one row update per window, and the caller only asks when its copy is stale.
   */
  async touch(id: number, at: number, everyMs: number): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', at - everyMs)]))
      .execute();
  }

  /** The ids among these that are sections (a key's rights are checked on save). */
  async existingSections(ids: readonly number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    return (await this.db.selectFrom('sections').select('id').where('id', 'in', [...ids]).execute()).map((r) => r.id);
  }
}
