/**
 * Hand-picked related stories: an editor picks up to MAX_RELATED stories; the article page shows
 * the readable ones first (in the page's language) and the automatic ones fill the rest
 * (SiteService). The picks belong to the story, like tags: changing them needs the right to edit
 * every published or scheduled edition of it, and purges those pages.
 */
import type { Kysely } from 'kysely';
import { canOnEdition, type Actor } from '../accounts/policy.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import { foldForSearch } from '../db/dialect.js';
import { ForbiddenError, NotFoundError, ValidationError, field, msg } from '../errors.js';
import { isLive } from './editorial.rules.js';
import type { EditorialService } from './editorial.service.js';
import type { NewsroomRepository } from './newsroom.repository.js';
import type { RelatedPick, RelatedRepository } from './related.repository.js';

export const MAX_RELATED = 6;
const CANDIDATES = 20;
/** Rows read per picker query before keeping headline matches: bounds the work per keystroke. */
const SCAN = 200;

type Edition = { id: number; story_id: number; locale: string; headline: string; status: RelatedPick['status'] };

/** One edition per story: the one in `locale` when there is one, else the story's first. */
function bestPerStory(rows: Edition[], locale: string): Map<number, Edition> {
  const out = new Map<number, Edition>();
  for (const r of rows) {
    const had = out.get(r.story_id);
    if (!had || (had.locale !== locale && r.locale === locale)) out.set(r.story_id, r);
  }
  return out;
}

const pick = (e: Edition): RelatedPick => ({ storyId: e.story_id, editionId: e.id, locale: e.locale, headline: e.headline, status: e.status });

export class RelatedService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: RelatedRepository,
    private readonly newsroom: NewsroomRepository,
    private readonly editorial: EditorialService,
    private readonly audit: AuditRepository,
    private readonly clock: () => number,
    private readonly purge: (locale: string, editionId: number) => void,
  ) {}

  async list(actor: Actor, editionId: number): Promise<RelatedPick[]> {
    const e = await this.editorial.load(actor, editionId);
    const ids = await this.repo.pickedIds(e.story_id);
    const best = bestPerStory(await this.repo.editionsOf(ids), e.locale);
    return ids.filter((id) => best.has(id)).map((id) => pick(best.get(id)!));
  }

  /** Published or scheduled stories whose headline contains `q` (case-folded), newest first. */
  async candidates(actor: Actor, editionId: number, q: string): Promise<RelatedPick[]> {
    const e = await this.editorial.load(actor, editionId);
    const folded = foldForSearch(q.slice(0, 100));
    const rows = (await this.repo.candidates(e.story_id, folded, SCAN)).filter((r) => foldForSearch(r.headline).includes(folded));
    const best = bestPerStory(rows, e.locale);
    return [...best.values()].slice(0, CANDIDATES).map(pick);
  }

  async set(actor: Actor, editionId: number, storyIds: number[]): Promise<RelatedPick[]> {
    const e = await this.editorial.load(actor, editionId);
    const siblings = await this.newsroom.siblings(e.story_id);
    const facts = (status: Edition['status']) => ({ ownerId: e.owner_id, status });
    if (!canOnEdition(actor, 'edit', facts(e.status)) || siblings.some((s) => isLive(s.status) && !canOnEdition(actor, 'edit', facts(s.status)))) {
      throw new ForbiddenError(msg('related.role_may_not', { role: actor.role }));
    }
    const ids = [...new Set(storyIds)];
    const fields = [];
    if (ids.length > MAX_RELATED) fields.push(field('storyIds', 'related.too_many', { max: MAX_RELATED }));
    if (ids.includes(e.story_id)) fields.push(field('storyIds', 'related.self'));
    const existing = await this.repo.existingStories(ids);
    if (ids.some((id) => !existing.has(id))) fields.push(field('storyIds', 'related.gone'));
    if (fields.length) throw new ValidationError(msg('form.invalid'), fields);

    const live = siblings.filter((s) => isLive(s.status));
    await this.db.transaction().execute(async (trx) => {
      const before = await this.repo.pickedIds(e.story_id, trx);
      if (!(await this.repo.replace(trx, e.story_id, ids, this.clock()))) throw new NotFoundError(msg('story.not_found'));
      if (live.length && before.join(',') !== ids.join(',')) {
        await this.audit.record(trx, { userId: actor.id, action: 'story.related', entity: 'edition', entityId: e.id, details: { storyId: e.story_id, before, after: ids } });
      }
    });
    for (const s of live) this.purge(s.locale, s.id);
    return this.list(actor, editionId);
  }
}
