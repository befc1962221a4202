/**
 * Static pages (about the agency, contacts, editorial policy, advertising): SQL only. One row per
 * page and language; `(locale, slug)` is unique by constraint, so a clash is the database's answer.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, PagesTable } from '../db/schema.js';

export type PageRow = Selectable<PagesTable>;

export class PagesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async bySlug(locale: string, slug: string): Promise<PageRow | undefined> {
    return this.db.selectFrom('pages').selectAll().where('locale', '=', locale).where('slug', '=', slug).executeTakeFirst();
  }

  async byId(id: number, trx: Kysely<Database> = this.db): Promise<PageRow | undefined> {
    return trx.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every page, newest change first (a newsroom has tens of pages, not thousands: bounded anyway). */
  async list(limit = 500): Promise<PageRow[]> {
    return this.db.selectFrom('pages').selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** Published pages among `ids` in one locale, in the order of `ids` (the footer's links). */
  async publishedIn(locale: string, ids: readonly number[]): Promise<Pick<PageRow, 'id' | 'slug' | 'title'>[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('pages').select(['id', 'slug', 'title', 'group_id']).where('locale', '=', locale).where('status', '=', 'published')
      .where((eb) => eb.or([eb('id', 'in', [...ids]), eb('group_id', 'in', [...ids])])).orderBy('id').execute();
    const order = (r: { id: number; group_id: number | null }) => {
      const i = ids.indexOf(r.id);
      return i >= 0 ? i : ids.indexOf(r.group_id ?? -1);
    };
    return rows.sort((a, b) => order(a) - order(b)).map(({ id, slug, title }) => ({ id, slug, title }));
  }

  /** Pages of the same group (translations), for language links. */
  async translations(groupId: number): Promise<Pick<PageRow, 'id' | 'locale' | 'slug' | 'status'>[]> {
    return this.db.selectFrom('pages').select(['id', 'locale', 'slug', 'status']).where((eb) => eb.or([eb('id', '=', groupId), eb('group_id', '=', groupId)])).orderBy('id').execute();
  }

  async slugTaken(trx: Kysely<Database>, locale: string, slug: string, exceptId?: number): Promise<boolean> {
    let q = trx.selectFrom('pages').select('id').where('locale', '=', locale).where('slug', '=', slug);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    return !!(await q.executeTakeFirst());
  }

  async insert(trx: Kysely<Database>, row: Omit<PageRow, 'id'>): Promise<number> {
    const { id } = await trx.insertInto('pages').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** The conditional save: only the version the editor loaded is replaced; 0 rows means someone saved first. */
  async update(trx: Kysely<Database>, id: number, version: number, patch: Partial<Omit<PageRow, 'id' | 'version'>>): Promise<boolean> {
    const r = await trx.updateTable('pages').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async delete(trx: Kysely<Database>, id: number): Promise<boolean> {
    const r = await trx.deleteFrom('pages').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async addRevision(trx: Kysely<Database>, r: { page_id: number; version: number; saved_at: number; saved_by: number | null; title: string; slug: string; body_json: string }): Promise<void> {
    await trx.insertInto('page_revisions').values(r).execute();
  }

  async revisions(pageId: number, limit = 100) {
    return this.db.selectFrom('page_revisions as r').leftJoin('users as u', 'u.id', 'r.saved_by').select(['r.id', 'r.version', 'r.saved_at', 'r.title', 'r.slug', 'u.name as saved_by_name'])
      .where('r.page_id', '=', pageId).orderBy('r.version', 'desc').limit(limit).execute();
  }

  async revision(pageId: number, revisionId: number) {
    return this.db.selectFrom('page_revisions').selectAll().where('page_id', '=', pageId).where('id', '=', revisionId).executeTakeFirst();
  }
}
