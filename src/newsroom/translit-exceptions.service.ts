/**
 * The newsroom's transliteration exceptions (issue 13): word → spelling pairs, Latin ↔ Cyrillic,
 * that win over the transliterator's rules and word lists in both directions. A change is audited
 * and re-derives, at once and in bulk, every synced derived edition whose source uses the word —
 * drafts and published editions alike, through the same write as any sync of a derived edition
 * (a new version, and for a live one an audit entry and an update announcement: never silently).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { key } from '../http/validate.js';
import { msg } from '../i18n/api-messages.js';
import { normalizeLatin } from '../i18n/translit.js';
import type { EditorialService } from './editorial.service.js';
import {
  MAX_EXCEPTIONS, countExceptions, deleteException, findException, findExceptionByLatin, insertException, listExceptions,
  syncedDerivedPage, updateException, type ExceptionRow,
} from './translit-exceptions.repository.js';

/** One word each: the transliterator matches the parts of a hyphenated word (Nyu-York) one by one. */
export const ExceptionInput = z.object({
  latin: z.string().trim().min(1, key('field.translit_latin')).max(100, key('field.translit_latin'))
    .regex(/^[A-Za-z'‘’`ʻʼ]+$/u, key('field.translit_latin')),
  cyrillic: z.string().trim().min(1, key('field.translit_cyrillic')).max(100, key('field.translit_cyrillic'))
    .regex(/^[\u0400-\u04FF]+$/u, key('field.translit_cyrillic')),
});
export type ExceptionInput = z.infer<typeof ExceptionInput>;

export interface ExceptionJson {
  id: number;
  latin: string;
  cyrillic: string;
  updatedAt: string;
}

/** Synced derived editions looked at per page when re-deriving. */
const PAGE = 200;

const present = (r: ExceptionRow): ExceptionJson => ({ id: r.id, latin: r.latin, cyrillic: r.cyrillic, updatedAt: new Date(Number(r.updated_at)).toISOString() });

export class TranslitExceptionsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditRepository,
    private readonly editorial: EditorialService,
    private readonly clock: () => number,
  ) {}

  async list(): Promise<ExceptionJson[]> {
    return (await listExceptions(this.db)).map(present);
  }

  /** Adds an exception, or changes the one with `id`; returns it and how many editions changed. */
  async save(userId: number, input: ExceptionInput, id?: number): Promise<{ exception: ExceptionJson; rederived: number }> {
    const latin = normalizeLatin(input.latin.trim()).toLowerCase();
    const cyrillic = input.cyrillic.trim().toLowerCase();
    const now = this.clock();
    const { row, words } = await this.db.transaction().execute(async (trx) => {
      const clash = await findExceptionByLatin(trx, latin);
      if (clash && clash.id !== id) throw new ConflictError(msg('translit.exception_taken'));
      let before: ExceptionRow | undefined;
      let rowId: number;
      if (id !== undefined) {
        before = await findException(trx, id);
        if (!before) throw new NotFoundError(msg('translit.not_found'));
        await updateException(trx, id, { latin, cyrillic, updated_at: now, updated_by: userId });
        rowId = id;
      } else {
        if ((await countExceptions(trx)) >= MAX_EXCEPTIONS) throw new ConflictError(msg('translit.too_many', { max: MAX_EXCEPTIONS }));
        rowId = await insertException(trx, { latin, cyrillic, updated_at: now, updated_by: userId });
      }
      await this.audit.record(trx, {
        userId, action: 'translit.exception', entity: 'translit_exception', entityId: rowId,
        details: { latin, cyrillic, ...(before ? { before: { latin: before.latin, cyrillic: before.cyrillic } } : {}) },
      });
      const row = await findException(trx, rowId);
      const words = [latin, cyrillic, ...(before ? [before.latin, before.cyrillic] : [])];
      return { row: row!, words };
    });
    return { exception: present(row), rederived: await this.rederive(userId, words) };
  }

  async remove(userId: number, id: number): Promise<{ rederived: number }> {
    const words = await this.db.transaction().execute(async (trx) => {
      const before = await findException(trx, id);
      if (!before) throw new NotFoundError(msg('translit.not_found'));
      await deleteException(trx, id);
      await this.audit.record(trx, { userId, action: 'translit.exception_delete', entity: 'translit_exception', entityId: id, details: { latin: before.latin, cyrillic: before.cyrillic } });
      return [before.latin, before.cyrillic];
    });
    return { rederived: await this.rederive(userId, words) };
  }

  /**
   * Re-derives the synced derived editions whose source mentions one of the words, page by page
   * (each edition in its own transaction, so a large archive never holds one long lock).
   */
  private async rederive(userId: number, words: readonly string[]): Promise<number> {
    const needles = [...new Set(words.map((w) => w.toLowerCase()))];
    let after = 0;
    let changed = 0;
    for (;;) {
      const page = await syncedDerivedPage(this.db, after, PAGE);
      for (const p of page) {
        const text = [p.headline, p.lead, p.body_json, p.dateline_city, p.hero_caption, p.seo_title, p.seo_description].join('\n').toLowerCase();
        const normalized = normalizeLatin(text);
        if (needles.some((w) => text.includes(w) || normalized.includes(w)) && (await this.editorial.rederive(p.id, userId))) changed++;
      }
      if (page.length < PAGE) return changed;
      after = page[page.length - 1]?.id ?? after;
    }
  }
}
