/**
 * Which editions the wire serves, as ids in page order (the PublicStoryReader loads them).
 *
 * "On the wire" means the newsroom put the edition out: it has a recorded transition *from* some
 * status *to* published or scheduled (editorial.service.ts records one for every workflow move
 * and the scheduler's flip). The demo generator and imports write editions directly through
 * stories.service, whose only transition has no from-status, so their stories are never served
 * as new — exactly as they are never announced to Telegram or webhooks. If an editor later
 * unpublishes and republishes such a story, that is a newsroom publication and it is served.
 *
 * Two orders, each with a unique tie-breaker and a keyset cursor:
 *  - 'published' (default): what readers can see now, newest first by (published_at, id);
 *  - 'changed': every edition once on the wire, whatever it is now (withheld, withdrawn), oldest
 *    change first, so a subscriber walks forward and keeps its last cursor. An edition's change
 *    time is its updated_at — except that an embargo passing is a change too (the item turns from
 *    withheld to usable) although nothing writes the row then: an edition whose embargo ended
 *    after its last update is placed at embargo_until. A position only ever moves forward and
 *    never past `now`, so a cursor kept by a subscriber misses nothing. (The scheduler's flip and
 *    expiry do write updated_at.) Two index-ordered scans, (updated_at, id) and (embargo_until, id),
 *    each limited to a page, are merged here.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, EditionStatus } from '../db/schema.js';
import { visibleAt } from '../content/visibility.js';

export type WireOrder = 'published' | 'changed';

export interface WirePageQuery {
  order: WireOrder;
  locales: readonly string[];
  /** null = every section. */
  sectionIds: readonly number[] | null;
  /** Epoch ms: published at or after (order 'published'), changed at or after (order 'changed'). */
  since: number | null;
  /** The last row of the previous page: [time, id]. */
  after: readonly [number, number] | null;
  limit: number;
  now: number;
}

export interface WireRow {
  id: number;
  locale: string;
  sectionId: number | null;
  status: EditionStatus;
  /** The order's time (published_at or updated_at). */
  at: number;
}

export class WireRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One page plus one row, so the caller knows whether there is a next page. */
  async page(q: WirePageQuery): Promise<WireRow[]> {
    if (q.order === 'changed') return this.changedPage(q);
    let query = this.base(q).select('e.published_at as at').where(visibleAt(q.now));
    if (q.since !== null) query = query.where('e.published_at', '>=', q.since);
    if (q.after) {
      const [t, id] = q.after;
      query = query.where((eb) => eb.or([eb('e.published_at', '<', t), eb.and([eb('e.published_at', '=', t), eb('e.id', '<', id)])]));
    }
    const rows = await query.orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(q.limit + 1).execute();
    return rows.map(toRow);
  }

  private async changedPage(q: WirePageQuery): Promise<WireRow[]> {
    const embargoEndedLater = sql<boolean>`(e.embargo_until is not null and e.embargo_until > e.updated_at and e.embargo_until <= ${q.now})`;
    let byUpdate = this.base(q).select('e.updated_at as at').where(sql<boolean>`not ${embargoEndedLater}`);
    let byEmbargo = this.base(q).select('e.embargo_until as at').where(embargoEndedLater);
    if (q.since !== null) {
      byUpdate = byUpdate.where('e.updated_at', '>=', q.since);
      byEmbargo = byEmbargo.where('e.embargo_until', '>=', q.since);
    }
    if (q.after) {
      const [t, id] = q.after;
      byUpdate = byUpdate.where((eb) => eb.or([eb('e.updated_at', '>', t), eb.and([eb('e.updated_at', '=', t), eb('e.id', '>', id)])]));
      byEmbargo = byEmbargo.where((eb) => eb.or([eb('e.embargo_until', '>', t), eb.and([eb('e.embargo_until', '=', t), eb('e.id', '>', id)])]));
    }
    const [a, b] = await Promise.all([
      byUpdate.orderBy('e.updated_at', 'asc').orderBy('e.id', 'asc').limit(q.limit + 1).execute(),
      byEmbargo.orderBy('e.embargo_until', 'asc').orderBy('e.id', 'asc').limit(q.limit + 1).execute(),
    ]);
    return [...a, ...b].map(toRow).sort((x, y) => x.at - y.at || x.id - y.id).slice(0, q.limit + 1);
  }

  /** Editions on the wire within the key's locales and sections. */
  private base(q: WirePageQuery) {
    let query = this.db
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select(['e.id', 'e.locale', 's.section_id', 'e.status'])
      .where('e.locale', 'in', [...q.locales])
      .where(onTheWire());
    if (q.sectionIds) query = query.where('s.section_id', 'in', q.sectionIds.length ? [...q.sectionIds] : [-1]);
    return query;
  }

  /** One edition's wire facts, or undefined when it was never on the wire. */
  async item(id: number): Promise<{ id: number; locale: string; sectionId: number | null } | undefined> {
    const r = await this.db
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select(['e.id', 'e.locale', 's.section_id'])
      .where('e.id', '=', id)
      .where(onTheWire())
      .executeTakeFirst();
    return r && { id: r.id, locale: r.locale, sectionId: r.section_id };
  }

  /** Section ids by slug (the `section` filter names sections as their URLs do). */
  async sectionIdBySlug(slug: string): Promise<number | undefined> {
    return (await this.db.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
  }
}

function toRow(r: { id: number; locale: string; section_id: number | null; status: EditionStatus; at: number | null }): WireRow {
  return { id: r.id, locale: r.locale, sectionId: r.section_id, status: r.status, at: Number(r.at) };
}

/**
 * The edition was put out by the newsroom (see the module comment). An EXISTS on the
 * (edition_id, id) index of edition_transitions: one index probe per candidate row.
 */
function onTheWire() {
  return sql<boolean>`exists (select 1 from edition_transitions t where t.edition_id = e.id and t.from_status is not null and t.to_status in ('published', 'scheduled'))`;
}
