/** The newsroom's story list: filters, sorting, pagination, authors and who is editing now. */
import { z } from 'zod';
import type { Actor } from '../accounts/policy.js';
import { can } from '../accounts/policy.js';
import { zonedToInstant } from '../i18n/dates.js';
import type { SettingsStore } from '../site/settings.js';
import type { NewsroomRepository } from './newsroom.repository.js';
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
  page: z.string().regex(/^[1-9]\d{0,5}$/, key('field.page_number')).transform(Number).default('1'),
});
export const PAGE = 25;

export class StoriesListService {
  constructor(
    private readonly repo: NewsroomRepository,
    private readonly settings: SettingsStore,
    private readonly presenceSince: () => number,
  ) {}

  async list(actor: Actor, q: z.infer<typeof ListQuery>) {
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
    const [rows, total] = await Promise.all([this.repo.list(filter, q.sort, q.dir, PAGE, (q.page - 1) * PAGE), this.repo.count(filter)]);
    const storyIds = [...new Set(rows.map((r) => r.story_id))];
    const [authors, presence, editions] = await Promise.all([
      this.repo.authorsByStory(storyIds),
      this.repo.presence(rows.map((r) => r.id), this.presenceSince()),
      this.repo.editionsOfStories(storyIds),
    ]);
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    return {
      items: rows.map((r) => {
        const named = authors.get(r.story_id) ?? [];
        const people = [...new Map(named.map((a) => [a.id, named.find((x) => x.id === a.id && x.locale === r.locale) ?? a])).values()];
        return {
          editionId: r.id,
          storyId: r.story_id,
          locale: r.locale,
          headline: r.headline,
          slug: r.slug,
          status: r.status,
          section: r.section_id !== null ? { id: r.section_id, name: r.section_name ?? '' } : null,
          authors: people.map((p) => ({ id: p.id, name: p.name })),
          createdBy: r.owner_id !== null ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
          updatedAt: iso(r.updated_at)!,
          publishedAt: iso(r.published_at),
          scheduledAt: iso(r.scheduled_at),
          version: r.version,
          editingNow: (presence.get(r.id) ?? []).filter((p) => p.id !== actor.id),
          // Every edition of the story, this one included, in creation order.
          editions: editions.filter((e) => e.story_id === r.story_id).map((e) => ({ locale: e.locale, editionId: e.id, status: e.status, sync: e.sync || null })),
        };
      }),
      page: q.page,
      pages: Math.max(1, Math.ceil(total / PAGE)),
      total,
    };
  }
}
