/**
 * Bulk actions of the desk: submit, publish, unpublish (with a reason), move to a section, add a
 * tag — on up to BULK_MAX editions at once. Each item goes through the very service method a
 * single action uses (EditorialService.transition / save), with its role checks, in its own
 * transaction: one refused item never stops or undoes the others, and the answer says per item
 * what happened and why.
 */
import { z } from 'zod';
import type { Actor } from '../accounts/policy.js';
import { AppError, NotFoundError, ValidationError, field, msg, type FieldError } from '../errors.js';
import type { ApiMessageKey, ApiParams } from '../i18n/api-messages.js';
import { Id } from '../http/validate.js';
import type { EditorialService } from './editorial.service.js';
import type { NewsroomRepository } from './newsroom.repository.js';
import type { EditionJson } from './edition.presenter.js';

export const BULK_MAX = 100;

export const BulkInput = z.object({
  action: z.enum(['submit', 'publish', 'unpublish', 'section', 'tag']),
  editionIds: z.array(Id).min(1, 'Choose at least one story.').max(BULK_MAX, `At most ${BULK_MAX} items at once.`),
  reason: z.string().max(500).optional(),
  sectionId: Id.optional(),
  tagId: Id.optional(),
});
export type BulkInput = z.infer<typeof BulkInput>;

export type BulkItem =
  | { editionId: number; ok: true; status: string; skipped?: true }
  | { editionId: number; ok: false; code: string; message: string; key?: ApiMessageKey; params?: ApiParams; fields?: FieldError[] };

const TARGET = { submit: 'review', publish: 'published', unpublish: 'unpublished' } as const;

export class BulkService {
  constructor(
    private readonly editorial: EditorialService,
    private readonly repo: NewsroomRepository,
  ) {}

  async run(actor: Actor, input: BulkInput): Promise<{ items: BulkItem[]; ok: number; failed: number }> {
    if (input.action === 'unpublish' && !input.reason?.trim()) {
      throw new ValidationError(msg('form.invalid'), [field('reason', 'bulk.reason_required')]);
    }
    if (input.action === 'section' && input.sectionId === undefined) throw new ValidationError(msg('form.invalid'), [field('sectionId', 'bulk.section_required')]);
    if (input.action === 'tag' && input.tagId === undefined) throw new ValidationError(msg('form.invalid'), [field('tagId', 'bulk.tag_required')]);
    const items: BulkItem[] = [];
    const storiesDone = new Map<number, BulkItem>();
    // One after the other: each item is its own transaction, and SQLite has one connection anyway.
    for (const id of [...new Set(input.editionIds)]) {
      try {
        if (input.action === 'section' || input.action === 'tag') {
          items.push(await this.storyField(actor, id, input, storiesDone));
        } else {
          const e = await this.editorial.transition(actor, id, { to: TARGET[input.action], ...(input.action === 'unpublish' ? { reason: input.reason!.trim() } : {}) });
          items.push({ editionId: id, ok: true, status: e.status });
        }
      } catch (err) {
        // Anything but a refusal the person can act on (a lost database, a bug) stops the batch.
        if (!(err instanceof AppError)) throw err;
        const fields = err instanceof ValidationError && err.fields.length ? { fields: err.fields } : {};
        // The key and parameters let the newsroom show the refusal in the user's language.
        const text = err.key ? { key: err.key, params: err.params ?? {} } : {};
        items.push({ editionId: id, ok: false, code: err.code, message: err.message, ...text, ...fields });
      }
    }
    const ok = items.filter((i) => i.ok).length;
    return { items, ok, failed: items.length - ok };
  }

  /**
   * Section and tags belong to the story, so they are changed once per story, through a save of
   * its source edition (a derived edition would otherwise stop following its source) — the same
   * save, version check and story-field rights as the editor's.
   */
  private async storyField(actor: Actor, id: number, input: BulkInput, done: Map<number, BulkItem>): Promise<BulkItem> {
    const e = await this.editorial.load(actor, id);
    const before = done.get(e.story_id);
    if (before) return { ...before, editionId: id };
    const siblings = await this.repo.siblings(e.story_id);
    const source = siblings.find((s) => s.derived_from === null && s.id === id) ?? siblings.find((s) => s.derived_from === null) ?? siblings[0]!;
    let current: EditionJson;
    try {
      current = await this.editorial.get(actor, source.id);
    } catch (err) {
      // The source is out of this person's sight: go through the edition they chose.
      if (!(err instanceof NotFoundError)) throw err;
      current = await this.editorial.get(actor, id);
    }
    const tagIds = current.tags.map((t) => t.id);
    const same = input.action === 'section' ? current.sectionId === input.sectionId : tagIds.includes(input.tagId!);
    let result: BulkItem;
    if (same) {
      result = { editionId: id, ok: true, status: current.status, skipped: true };
    } else {
      await this.editorial.save(actor, current.id, {
        version: current.version, headline: current.headline, slug: current.slug, lead: current.lead, body: current.body, datelineCity: current.datelineCity,
        sectionId: input.action === 'section' ? input.sectionId! : current.sectionId,
        tagIds: input.action === 'tag' ? [...tagIds, input.tagId!] : tagIds,
        authorIds: current.authors.map((a) => a.id), heroMediaId: current.heroMediaId, heroCaption: current.heroCaption,
        seoTitle: current.seoTitle, seoDescription: current.seoDescription, isMain: current.isMain, isBreaking: current.isBreaking, embargoUntil: current.embargoUntil,
      });
      result = { editionId: id, ok: true, status: current.status };
    }
    done.set(e.story_id, result);
    return result;
  }
}
