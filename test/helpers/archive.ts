/**
 * A generated archive for the bounded-cost tests: sections, tags and authors with names, then
 * `stories` stories with one published Russian edition each (and an English one for every third),
 * inserted directly in one transaction — thousands of rows in a second, where the newsroom API
 * would take minutes. The rows are what the public pages read; bodies are a stub.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

export interface Archive {
  sectionSlugs: string[];
  tagSlugs: string[];
  authorSlugs: string[];
  /** The newest story's Russian slug. */
  newestSlug: string;
}

export const ARCHIVE_SECTIONS = 6;
export const ARCHIVE_TAGS = 40;
export const ARCHIVE_AUTHORS = 12;

/** Adds `stories` stories published one per 10 minutes back from `now`, numbered from `from`. */
export async function generateArchive(db: Kysely<Database>, now: number, stories: number, from = 0): Promise<Archive> {
  const sectionSlugs = Array.from({ length: ARCHIVE_SECTIONS }, (_, i) => `sec${i}`);
  // `wide` is on every second story: a tag of 2,000 stories in the large archive.
  const tagSlugs = [...Array.from({ length: ARCHIVE_TAGS }, (_, i) => `tag${i}`), 'wide'];
  const authorSlugs = Array.from({ length: ARCHIVE_AUTHORS }, (_, i) => `author${i}`);
  await db.transaction().execute(async (trx) => {
    const ids = async (table: 'sections' | 'tags' | 'authors', slugs: string[], extra: Record<string, unknown>) => {
      const have = await trx.selectFrom(table).select(['id', 'slug']).where('slug', 'in', slugs).execute();
      if (have.length === slugs.length) return new Map(have.map((r) => [r.slug, r.id]));
      const out = new Map<string, number>();
      for (const slug of slugs) {
        const { id } = await trx.insertInto(table).values({ slug, ...extra } as never).returning('id').executeTakeFirstOrThrow();
        out.set(slug, id);
      }
      return out;
    };
    const firstRun = (await trx.selectFrom('sections').select('id').where('slug', '=', 'sec0').executeTakeFirst()) === undefined;
    const sec = await ids('sections', sectionSlugs, { position: 0, color: '#0b5cad' });
    const tag = await ids('tags', tagSlugs, {});
    const aut = await ids('authors', authorSlugs, { created_at: now });
    if (firstRun) {
      for (const locale of ['ru', 'en']) {
        await trx.insertInto('section_names').values([...sec].map(([slug, section_id]) => ({ section_id, locale, name: `${locale} ${slug}`, description: '' }))).execute();
        await trx.insertInto('tag_names').values([...tag].map(([slug, tag_id]) => ({ tag_id, locale, name: `${locale} ${slug}` }))).execute();
        await trx.insertInto('author_names').values([...aut].map(([slug, author_id]) => ({ author_id, locale, name: `${locale} ${slug}`, bio: '' }))).execute();
      }
    }
    const secIds = [...sec.values()];
    const wide = tag.get('wide')!;
    const tagIds = [...tag.values()].filter((id) => id !== wide);
    const autIds = [...aut.values()];
    const BATCH = 200;
    for (let start = from; start < from + stories; start += BATCH) {
      const n = Math.min(BATCH, from + stories - start);
      const nums = Array.from({ length: n }, (_, k) => start + k);
      // Older numbers are older stories: story k is published k × 10 minutes before `now`.
      const at = (k: number) => now - 60_000 - k * 600_000;
      const rows = await trx.insertInto('stories').values(nums.map((k) => ({ section_id: secIds[k % secIds.length]!, hero_media_id: null, created_at: at(k), updated_at: at(k) }))).returning('id').execute();
      const storyIds = rows.map((r) => r.id);
      await trx.insertInto('story_tags').values(storyIds.flatMap((story_id, i) => [tagIds[nums[i]! % tagIds.length]!, tagIds[(nums[i]! * 7 + 3) % tagIds.length]!, ...(nums[i]! % 2 === 0 ? [wide] : [])].filter((t, j, a) => a.indexOf(t) === j).map((tag_id, position) => ({ story_id, tag_id, position })))).execute();
      await trx.insertInto('story_authors').values(storyIds.map((story_id, i) => ({ story_id, author_id: autIds[nums[i]! % autIds.length]!, position: 0 }))).execute();
      const editions = storyIds.flatMap((story_id, i) => {
        const k = nums[i]!;
        const base = { story_id, status: 'published' as const, lead: `Lead of story ${k}`, body_json: '{"type":"doc","content":[]}', body_html: `<p>Story ${k}</p>`, published_at: at(k), created_at: at(k), updated_at: at(k) };
        return [
          { ...base, locale: 'ru', headline: `Новость номер ${k}`, slug: `story-${k}` },
          ...(k % 3 === 0 ? [{ ...base, locale: 'en', headline: `Story number ${k}`, slug: `story-${k}` }] : []),
        ];
      });
      // The other columns keep their defaults.
      await trx.insertInto('editions').values(editions as never).execute();
    }
  });
  return { sectionSlugs, tagSlugs, authorSlugs, newestSlug: "story-0" };
}
