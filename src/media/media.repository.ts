/** SQL for media rows, their variants and their per-locale texts. */
import type { Kysely } from 'kysely';
import type { Database, MediaRow, MediaVariantRow } from '../db/schema.js';
import { mediaLikePattern, mediaSearchText } from './media-search.js';

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
    row: Omit<MediaRow, 'id' | 'search_text'>,
    variants: Omit<MediaVariantRow, 'media_id'>[],
    texts: Omit<MediaTextRow, 'media_id'>[],
  ): Promise<number> {
    const search_text = mediaSearchText({ originalName: row.original_name, credit: row.credit, texts });
    const inserted = await trx.insertInto('media').values({ ...row, search_text }).onConflict((oc) => oc.column('storage_key').doNothing()).returning('id').executeTakeFirst();
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

  /** Every query word must occur in the folded `search_text` (alt, caption, credit, file name). */
  private searchable(q?: string) {
    let base = this.db.selectFrom('media');
    const words = (q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
    for (const w of words) {
      const like = mediaLikePattern(w);
      if (like !== '%%') base = base.where('search_text', 'like', like);
    }
    return base;
  }

  /** Recomputes an image's `search_text` from its current row and texts (same transaction). */
  private async refreshSearch(trx: Kysely<Database>, id: number): Promise<void> {
    const m = await trx.selectFrom('media').select(['original_name', 'credit']).where('id', '=', id).executeTakeFirst();
    if (!m) return;
    const texts = await trx.selectFrom('media_texts').select(['alt', 'caption']).where('media_id', '=', id).orderBy('locale').execute();
    await trx.updateTable('media').set({ search_text: mediaSearchText({ originalName: m.original_name, credit: m.credit, texts }) }).where('id', '=', id).execute();
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

  /**
   * Where one image is used, for the newsroom to link: editions of stories that have it as the
   * main photo or inside the body, authors with it as their photo, and the site logo. Bounded:
   * the first `limit` editions and authors (a count says the rest).
   */
  async uses(id: number, limit = 50): Promise<{ editions: { edition_id: number; story_id: number; locale: string; headline: string; status: string }[]; authors: { id: number; slug: string; names: Record<string, string> }[]; logo: boolean }> {
    const editions = await this.db
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select(['e.id as edition_id', 'e.story_id', 'e.locale', 'e.headline', 'e.status'])
      .where((eb) => eb.or([eb('s.hero_media_id', '=', id), eb('e.body_json', 'like', `%"mediaId":${id},%`), eb('e.body_json', 'like', `%"mediaId":${id}}%`)]))
      .orderBy('e.story_id', 'desc')
      .orderBy('e.id')
      .limit(limit)
      .execute();
    const rows = await this.db.selectFrom('authors').select(['id', 'slug']).where('photo_media_id', '=', id).orderBy('id').limit(limit).execute();
    const names = rows.length ? await this.db.selectFrom('author_names').select(['author_id', 'locale', 'name']).where('author_id', 'in', rows.map((r) => r.id)).orderBy('author_id').orderBy('locale').execute() : [];
    const authors = rows.map((r) => ({ ...r, names: Object.fromEntries(names.filter((n) => n.author_id === r.id).map((n) => [n.locale, n.name])) as Record<string, string> }));
    const logo = await this.db.selectFrom('settings').select('value').where('key', '=', 'logoMediaId').executeTakeFirst();
    return { editions, authors, logo: !!logo && Number(logo.value) === id };
  }

  async update(trx: Kysely<Database>, id: number, credit: string | undefined, texts: MediaTextRow[] | undefined): Promise<void> {
    if (credit !== undefined) await trx.updateTable('media').set({ credit }).where('id', '=', id).execute();
    if (texts) {
      await trx.deleteFrom('media_texts').where('media_id', '=', id).execute();
      if (texts.length) await trx.insertInto('media_texts').values(texts).execute();
    }
    await this.refreshSearch(trx, id);
  }

  /** Media rows in id order after `afterId`: a resumable walk over the whole library. */
  pageAfter(afterId: number, limit: number): Promise<MediaRow[]> {
    return this.db.selectFrom('media').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  }

  /** Records a re-encoded original; the credit is filled only where nobody has set one. */
  async setCleanedOriginal(id: number, bytes: number, credit: string): Promise<void> {
    await this.db.updateTable('media').set({ bytes }).where('id', '=', id).execute();
    if (credit) {
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable('media').set({ credit }).where('id', '=', id).where('credit', '=', '').execute();
        await this.refreshSearch(trx, id);
      });
    }
  }

  async remove(trx: Kysely<Database>, id: number): Promise<void> {
    await trx.deleteFrom('media').where('id', '=', id).execute();
  }
}
