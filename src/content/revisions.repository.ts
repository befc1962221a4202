/**
 * The history every story write leaves, whoever writes it (the newsroom's editorial service, the
 * demo, imports through StoriesService): a revision per saved version — the edition's text plus a
 * snapshot of its other fields and the story's section, hero, tags and authors — and a row per
 * workflow move. SQL only; callers pass their transaction.
 */
import type { Kysely } from 'kysely';
import type { Database, EditionStatus } from '../db/schema.js';

export async function recordRevision(trx: Kysely<Database>, editionId: number, version: number, savedBy: number | null, at: number): Promise<void> {
  const e = await trx
    .selectFrom('editions as e')
    .innerJoin('stories as s', 's.id', 'e.story_id')
    .selectAll('e')
    .select(['s.section_id', 's.hero_media_id'])
    .where('e.id', '=', editionId)
    .executeTakeFirstOrThrow();
  const [tags, authors] = await Promise.all([
    trx.selectFrom('story_tags').select('tag_id').where('story_id', '=', e.story_id).orderBy('position').orderBy('tag_id').execute(),
    trx.selectFrom('story_authors').select('author_id').where('story_id', '=', e.story_id).orderBy('position').orderBy('author_id').execute(),
  ]);
  const snapshot = {
    slug: e.slug, datelineCity: e.dateline_city, sectionId: e.section_id, heroMediaId: e.hero_media_id, heroCaption: e.hero_caption, seoTitle: e.seo_title,
    seoDescription: e.seo_description, isMain: e.is_main === 1, isBreaking: e.is_breaking === 1, embargoUntil: e.embargo_until,
    tagIds: tags.map((t) => t.tag_id), authorIds: authors.map((a) => a.author_id),
  };
  await trx.insertInto('revisions').values({ edition_id: editionId, version, saved_at: at, saved_by: savedBy, headline: e.headline, lead: e.lead, body_json: e.body_json, snapshot: JSON.stringify(snapshot) }).execute();
}

export async function recordTransition(trx: Kysely<Database>, t: { edition_id: number; at: number; user_id: number | null; from_status: EditionStatus | null; to_status: EditionStatus; note: string }): Promise<void> {
  await trx.insertInto('edition_transitions').values(t).execute();
}
