/**
 * The newsroom's story list, one row per story: its editions as chips (status per language),
 * filters, sorting, keyset pagination ("next page", never a count of the archive), authors and who
 * is editing now; and the review queue's count for the navigation badge.
 */
import { z } from 'zod';
import type { Actor } from '../accounts/policy.js';
import { can } from '../accounts/policy.js';
import { ValidationError, field, msg } from '../errors.js';
import { zonedToInstant } from '../i18n/dates.js';
import type { SettingsStore } from '../site/settings.js';
import type { NewsroomRepository } from './newsroom.repository.js';
import type { ListCursor, StoriesListRepository } from './stories-list.repository.js';
import { key } from '../http/validate.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, key('field.date'));
const int = z.string().regex(/^\d{1,9}$/, key('field.number')).transform(Number);
export const ListQuery = z.object({
  status: z.enum(['draft', 'review', 'scheduled', 'published', 'unpublished']).optional(),
  section: int.optional(),
  author: int.optional(),
  locale: z.enum(['ru', 'uz', 'uz-Cyrl', 'en']).optional(),
  from: day.optional(),
  to: day.optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(['updated', 'published', 'headline']).default('updated'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  /** The `next` of the previous page. */
  after: z.string().max(1200).regex(/^[A-Za-z0-9_-]+$/, key('field.list_cursor')).optional(),
});
export const PAGE = 25;
/** The review badge counts this far and then says "99+". */
export const REVIEW_CAP = 100;

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function decodeCursor(s: string | undefined): ListCursor | null {
  if (!s) return null;
  const bad = () => new ValidationError(msg('form.invalid'), [field('after', 'field.list_cursor')]);
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const c = v as ListCursor;
  if (!c || typeof c !== 'object' || !Number.isSafeInteger(c.id) || c.id < 1 || !(typeof c.k === 'string' ? c.k.length <= 400 : Number.isSafeInteger(c.k))) throw bad();
  return { k: c.k, id: c.id };
}
const encodeCursor = (c: ListCursor) => Buffer.from(JSON.stringify({ k: c.k, id: c.id })).toString('base64url');

export class StoriesListService {
  constructor(
    private readonly repo: NewsroomRepository,
    private readonly listRepo: StoriesListRepository,
    private readonly settings: SettingsStore,
    private readonly presenceSince: () => number,
  ) {}

  async list(actor: Actor, q: z.infer<typeof ListQuery>) {
    const after = decodeCursor(q.after);
    const tz = (await this.settings.get()).timeZone;
    const bound = (d: string, plusDays: number) => {
      const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
      return zonedToInstant(y, m, dd + plusDays, 0, 0, tz).getTime();
    };
    const filter = {
      status: q.status,
      sectionId: q.section,
      authorId: q.author,
      locale: q.locale,
      from: q.from ? bound(q.from, 0) : undefined,
      to: q.to ? bound(q.to, 1) : undefined,
      q: q.q?.trim() ? q.q.trim().toLocaleLowerCase('ru').replace(/ё/g, 'е') : undefined,
      ownerId: can(actor, 'stories.listAll') ? undefined : actor.id,
    };
    const found = await this.listRepo.page(filter, q.sort, q.dir, PAGE, after);
    const rows = found.slice(0, PAGE);
    const storyIds = rows.map((r) => r.story_id);
    const [authors, editions, stories] = await Promise.all([this.repo.authorsByStory(storyIds), this.listRepo.editions(storyIds), this.listRepo.stories(storyIds)]);
    const [presence, sectionNames] = await Promise.all([
      this.repo.presence(editions.map((e) => e.id), this.presenceSince()),
      this.listRepo.sectionNames([...new Set(stories.map((s) => s.section_id).filter((x): x is number => x !== null))]),
    ]);
    const storyById = new Map(stories.map((s) => [s.id, s]));
    const items = rows.map((r) => {
      const own = editions.filter((e) => e.story_id === r.story_id);
      const lead = own.find((e) => e.id === r.id) ?? own[0]!;
      const st = storyById.get(r.story_id);
      const names = sectionNames.filter((n) => n.section_id === st?.section_id);
      const named = authors.get(r.story_id) ?? [];
      const people = [...new Map(named.map((a) => [a.id, named.find((x) => x.id === a.id && x.locale === lead.locale) ?? a])).values()];
      const editing = new Map<number, { id: number; name: string }>();
      for (const e of own) for (const p of presence.get(e.id) ?? []) if (p.id !== actor.id) editing.set(p.id, p);
      return {
        storyId: r.story_id,
        // The edition that matched the filters first (the row's place in the order).
        editionId: lead.id,
        locale: lead.locale,
        headline: lead.headline,
        slug: lead.slug,
        status: lead.status,
        section: st?.section_id != null ? { id: st.section_id, name: (names.find((n) => n.locale === lead.locale) ?? names[0])?.name ?? '', names: Object.fromEntries(names.map((n) => [n.locale, n.name])) } : null,
        authors: people.map((p) => ({ id: p.id, name: p.name })),
        createdBy: st?.owner_id != null ? { id: st.owner_id, name: st.owner_name ?? '' } : null,
        updatedAt: iso(Math.max(...own.map((e) => e.updated_at)))!,
        publishedAt: iso(lead.published_at),
        scheduledAt: iso(lead.scheduled_at),
        version: lead.version,
        editingNow: [...editing.values()],
        // Every edition of the story in creation order, with what the expanded row shows.
        editions: own.map((e) => ({
          editionId: e.id, locale: e.locale, status: e.status, sync: e.sync || null, headline: e.headline, version: e.version,
          updatedAt: iso(e.updated_at)!, publishedAt: iso(e.published_at), scheduledAt: iso(e.scheduled_at), embargoUntil: iso(e.embargo_until), unpublishAt: iso(e.unpublish_at),
          createdBy: e.user_id !== null ? { id: e.user_id, name: e.user_name ?? '' } : null,
        })),
      };
    });
    const last = rows.at(-1);
    return { items, next: found.length > PAGE && last ? encodeCursor({ k: last.k, id: last.id }) : null };
  }

  /** Editions waiting for review that the actor would see in the queue, up to REVIEW_CAP. */
  async reviewCount(actor: Actor) {
    const n = await this.listRepo.reviewCount(REVIEW_CAP, can(actor, 'stories.listAll') ? undefined : actor.id);
    return { count: n, capped: n >= REVIEW_CAP };
  }
}
