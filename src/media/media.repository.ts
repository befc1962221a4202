/** SQL for media rows, their variants and their per-locale texts. */
import type { Kysely } from 'kysely';
import type { Database, MediaRow, MediaVariantRow } from '../db/schema.js';

export interface MediaTextRow {
  media_id: number;
  locale: string;
  alt: string;
  caption: string;
}

export class MediaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findBySha(trx: Kysely<Database>, sha256: string): Promise<MediaRow | undefined> {
    return trx.selectFrom('media').selectAll().where('sha256', '=', sha256).orderBy('id').executeTakeFirst();
  }

  async insert(
    trx: Kysely<Database>,
    row: Omit<MediaRow, 'id'>,
    variants: Omit<MediaVariantRow, 'media_id'>[],
    texts: Omit<MediaTextRow, 'media_id'>[],
  ): Promise<number> {
    const { id } = await trx.insertInto('media').values(row).returning('id').executeTakeFirstOrThrow();
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
}
