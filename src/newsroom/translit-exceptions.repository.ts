/** SQL for the newsroom's transliteration exceptions (translit_exceptions). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The table holds at most this many rows (the service refuses more): fixed, small data. */
export const MAX_EXCEPTIONS = 5000;

export interface ExceptionRow {
  id: number;
  latin: string;
  cyrillic: string;
  updated_at: number;
}

export function listExceptions(db: Kysely<Database>): Promise<ExceptionRow[]> {
  return db.selectFrom('translit_exceptions').select(['id', 'latin', 'cyrillic', 'updated_at']).orderBy('latin').limit(MAX_EXCEPTIONS).execute();
}

/** The pairs the transliterator takes as `exceptions`. */
export async function exceptionPairs(db: Kysely<Database>): Promise<Array<[string, string]>> {
  return (await listExceptions(db)).map((r) => [r.latin, r.cyrillic]);
}

export async function countExceptions(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('translit_exceptions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export function findException(db: Kysely<Database>, id: number): Promise<ExceptionRow | undefined> {
  return db.selectFrom('translit_exceptions').select(['id', 'latin', 'cyrillic', 'updated_at']).where('id', '=', id).executeTakeFirst();
}

export function findExceptionByLatin(db: Kysely<Database>, latin: string): Promise<ExceptionRow | undefined> {
  return db.selectFrom('translit_exceptions').select(['id', 'latin', 'cyrillic', 'updated_at']).where('latin', '=', latin).executeTakeFirst();
}

export async function insertException(db: Kysely<Database>, row: { latin: string; cyrillic: string; updated_at: number; updated_by: number }): Promise<number> {
  const r = await db.insertInto('translit_exceptions').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateException(db: Kysely<Database>, id: number, row: { latin: string; cyrillic: string; updated_at: number; updated_by: number }): Promise<void> {
  await db.updateTable('translit_exceptions').set(row).where('id', '=', id).execute();
}

export async function deleteException(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('translit_exceptions').where('id', '=', id).execute();
}

/** A page of synced derived editions after `afterId`, with their source's text, for re-deriving. */
export function syncedDerivedPage(db: Kysely<Database>, afterId: number, limit: number) {
  return db
    .selectFrom('editions as d')
    .innerJoin('editions as s', 's.id', 'd.derived_from')
    .select(['d.id as id', 's.headline as headline', 's.lead as lead', 's.body_json as body_json', 's.dateline_city as dateline_city', 's.hero_caption as hero_caption', 's.seo_title as seo_title', 's.seo_description as seo_description', 'd.headline as d_headline', 'd.body_json as d_body_json'])
    .where('d.sync', '=', 'synced')
    .where('d.id', '>', afterId)
    .orderBy('d.id')
    .limit(limit)
    .execute();
}
