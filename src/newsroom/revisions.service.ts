/** Revisions of an edition: list, read, compare (word diff) and restore (as a new save). */
import type { Actor } from '../accounts/policy.js';
import { NotFoundError } from '../errors.js';
import { docText, type StoryDoc } from '../content/document.js';
import type { EditorialService } from './editorial.service.js';
import { plainText, wordDiff } from './editorial.rules.js';
import type { EditionJson } from './edition.presenter.js';
import type { NewsroomRepository } from './newsroom.repository.js';
import { msg } from '../i18n/api-messages.js';

export class RevisionsService {
  constructor(
    private readonly editorial: EditorialService,
    private readonly repo: NewsroomRepository,
  ) {}

  async revisions(actor: Actor, id: number) {
    await this.editorial.load(actor, id);
    const rows = await this.repo.revisions(id);
    return rows.map((r) => ({ id: r.id, version: r.version, savedAt: new Date(r.saved_at).toISOString(), savedBy: r.user_id === null ? null : { id: r.user_id, name: r.user_name ?? '' }, headline: r.headline }));
  }

  async revision(actor: Actor, revisionId: number) {
    const r = await this.repo.revision(revisionId);
    if (!r) throw new NotFoundError(msg('story.revision_not_found'));
    await this.editorial.load(actor, r.edition_id);
    const body = JSON.parse(r.body_json) as StoryDoc;
    return { id: r.id, editionId: r.edition_id, version: r.version, savedAt: new Date(r.saved_at).toISOString(), savedBy: r.saved_by === null ? null : { id: r.saved_by, name: r.user_name ?? '' }, headline: r.headline, lead: r.lead, body, text: docText(body) };
  }

  async diff(actor: Actor, id: number, from: number, to: number | 'current') {
    const e = await this.editorial.load(actor, id);
    const a = await this.repo.revision(from);
    if (!a || a.edition_id !== id) throw new NotFoundError(msg('story.revision_not_found'));
    let right = plainText(e);
    if (to !== 'current') {
      const b = await this.repo.revision(to);
      if (!b || b.edition_id !== id) throw new NotFoundError(msg('story.revision_not_found'));
      right = plainText(b);
    }
    return wordDiff(plainText(a), right, e.locale);
  }

  /** Restores a revision as a new save (so the restore itself is undoable; audited on a published edition). */
  async restore(actor: Actor, revisionId: number, version: number): Promise<EditionJson> {
    const r = await this.repo.revision(revisionId);
    if (!r) throw new NotFoundError(msg('story.revision_not_found'));
    const snap = JSON.parse(r.snapshot) as Record<string, unknown>;
    return this.editorial.save(actor, r.edition_id, {
      version,
      headline: r.headline,
      lead: r.lead,
      body: JSON.parse(r.body_json),
      slug: String(snap.slug ?? ''),
      datelineCity: String(snap.datelineCity ?? ''),
      sectionId: (snap.sectionId as number | null) ?? null,
      tagIds: (snap.tagIds as number[]) ?? [],
      authorIds: (snap.authorIds as number[]) ?? [],
      heroMediaId: (snap.heroMediaId as number | null) ?? null,
      heroCaption: String(snap.heroCaption ?? ''),
      seoTitle: String(snap.seoTitle ?? ''),
      seoDescription: String(snap.seoDescription ?? ''),
      isMain: !!snap.isMain,
      isBreaking: !!snap.isBreaking,
      embargoUntil: typeof snap.embargoUntil === 'number' ? new Date(snap.embargoUntil).toISOString() : null,
    }, 'restore');
  }
}
