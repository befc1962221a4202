/** SQL for media rows, their variants and their per-locale texts. */
import { sql, type Kysely } from 'kysely';
import type { Database, MediaRow, MediaVariantRow } from '../db/schema.js';

export interface MediaTextRow {
  media_id: number;
  locale: string;
  alt: string;
  caption: string;
}

export class MediaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByKey(trx: Kysely<Database>, storageKey: string): Promise<MediaRow | undefined> {
    return trx.selectFrom('media').selectAll().where('storage_key', '=', storageKey).executeTakeFirst();
  }

  /**
   * Inserts an image unless one with the same storage key (the same bytes) exists; returns the id
   * of whichever row holds the key. `on conflict do nothing` waits for a concurrent insert of the
   * same key to commit on PostgreSQL, so the select that follows sees the winner.
   */
  async insertOnce(
    trx: Kysely<Database>,
    row: Omit<MediaRow, 'id'>,
    variants: Omit<MediaVariantRow, 'media_id'>[],
    texts: Omit<MediaTextRow, 'media_id'>[],
  ): Promise<number> {
    const inserted = await trx.insertInto('media').values(row).onConflict((oc) => oc.column('storage_key').doNothing()).returning('id').executeTakeFirst();
    if (!inserted) return (await trx.selectFrom('media').select('id').where('storage_key', '=', row.storage_key).executeTakeFirstOrThrow()).id;
    const id = inserted.id;
    if (variants.length) await trx.insertInto('media_variants').values(variants.map((v) => ({ ...v, media_id: id }))).execute();
    if (texts.length) await trx.insertInto('media_texts').values(texts.map((t) => ({ ...t, media_id: id }))).execute();
    return id;
  }

  async byIds(ids: number[]): Promise<{ media: MediaRow[]; variants: MediaVariantRow[]; texts: MediaTextRow[] }> {
    if (ids.length === 0) return { media: [], variants: [], texts: [] };
    const [media, variants, texts] = await Promise.all([
      this.db.selectFrom('media').selectAll().where('id', 'in', ids).orderBy('id').execute(),
      this.db.selectFrom('media_variants').selectAll().where('media_id', 'in', ids).orderBy('media_id').orderBy('width').orderBy('format').execute(),
      this.db.selectFrom('media_texts').selectAll().where('media_id', 'in', ids).orderBy('media_id').orderBy('locale').execute(),
    ]);
    return { media, variants, texts };
  }

  private searchable(q?: string) {
    let base = this.db.selectFrom('media');
    if (q) {
      const like = `%${q.toLocaleLowerCase('ru').replace(/[%_\\]/g, '')}%`;
      base = base.where((eb) =>
        eb.or([
          eb('original_name', 'like', like),
          eb('credit', 'like', like),
          eb('id', 'in', eb.selectFrom('media_texts').select('media_id').where((e2) => e2.or([e2(sql`lower(alt)`, 'like', like), e2(sql`lower(caption)`, 'like', like)]))),
        ]),
      );
    }
    return base;
  }

  list(q: string | undefined, limit: number, offset: number): Promise<MediaRow[]> {
    return this.searchable(q).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  }

  async count(q?: string): Promise<number> {
    const r = await this.searchable(q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** How many stories use each image, as hero or inside the body (body images carry "mediaId"). */
  async usage(ids: number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>(ids.map((id) => [id, 0]));
    if (!ids.length) return out;
    const hero = await this.db.selectFrom('stories').select(['hero_media_id as id', (eb) => eb.fn.countAll<number>().as('n')]).where('hero_media_id', 'in', ids).groupBy('hero_media_id').execute();
    for (const r of hero) out.set(r.id!, Number(r.n));
    // Author photos and the site logo are uses too: deleting them would break public pages.
    const photos = await this.db.selectFrom('authors').select(['photo_media_id as id', (eb) => eb.fn.countAll<number>().as('n')]).where('photo_media_id', 'in', ids).groupBy('photo_media_id').execute();
    for (const r of photos) out.set(r.id!, (out.get(r.id!) ?? 0) + Number(r.n));
    const logo = await this.db.selectFrom('settings').select('value').where('key', '=', 'logoMediaId').executeTakeFirst();
    const logoId = logo ? Number(logo.value) : NaN;
    if (out.has(logoId)) out.set(logoId, out.get(logoId)! + 1);
    for (const id of ids) {
      const body = await this.db
        .selectFrom('editions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('body_json', 'like', `%"mediaId":${id},%`), eb('body_json', 'like', `%"mediaId":${id}}%`)]))
        .executeTakeFirst();
      out.set(id, (out.get(id) ?? 0) + Number(body?.n ?? 0));
    }
    return out;
  }

  async update(trx: Kysely<Database>, id: number, credit: string | undefined, texts: MediaTextRow[] | undefined): Promise<void> {
    if (credit !== undefined) await trx.updateTable('media').set({ credit }).where('id', '=', id).execute();
    if (texts) {
      await trx.deleteFrom('media_texts').where('media_id', '=', id).execute();
      if (texts.length) await trx.insertInto('media_texts').values(texts).execute();
    }
  }

  /** Media rows in id order after `afterId`: a resumable walk over the whole library. */
  pageAfter(afterId: number, limit: number): Promise<MediaRow[]> {
    return this.db.selectFrom('media').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  }

  /** Records a re-encoded original; the credit is filled only where nobody has set one. */
  async setCleanedOriginal(id: number, bytes: number, credit: string): Promise<void> {
    await this.db.updateTable('media').set({ bytes }).where('id', '=', id).execute();
    if (credit) await this.db.updateTable('media').set({ credit }).where('id', '=', id).where('credit', '=', '').execute();
  }

  async remove(trx: Kysely<Database>, id: number): Promise<void> {
    await trx.deleteFrom('media').where('id', '=', id).execute();
  }
}
