/**
 * Table types for Kysely. Times are epoch milliseconds (bigint on PostgreSQL, parsed to number;
 * integer on SQLite) so both dialects compare, sort and return them identically. Flags are 0/1
 * integers for the same reason. Structured documents are JSON text.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Flag = 0 | 1;
export type EditionStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  position: number;
  color: string;
}
export interface SectionNamesTable {
  section_id: number;
  locale: string;
  name: string;
  description: string;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
}
export interface TagNamesTable {
  tag_id: number;
  locale: string;
  name: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  photo_media_id: number | null;
  created_at: number;
}
export interface AuthorNamesTable {
  author_id: number;
  locale: string;
  name: string;
  bio: string;
}

export interface MediaTable {
  id: Generated<number>;
  storage_key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  credit: string;
  original_name: string;
  created_at: number;
}
export interface MediaVariantsTable {
  media_id: number;
  width: number;
  height: number;
  format: string;
  storage_key: string;
  bytes: number;
}
export interface MediaTextsTable {
  media_id: number;
  locale: string;
  alt: string;
  caption: string;
}

export interface StoriesTable {
  id: Generated<number>;
  section_id: number | null;
  hero_media_id: number | null;
  created_at: number;
  updated_at: number;
}
export interface StoryTagsTable {
  story_id: number;
  tag_id: number;
  position: number;
}
export interface StoryAuthorsTable {
  story_id: number;
  author_id: number;
  position: number;
}

export interface EditionsTable {
  id: Generated<number>;
  story_id: number;
  locale: string;
  status: EditionStatus;
  headline: string;
  slug: string;
  lead: string;
  body_json: string;
  body_html: string;
  dateline_city: string;
  dateline_agency: string;
  hero_caption: string;
  seo_title: string;
  seo_description: string;
  is_main: Flag;
  is_breaking: Flag;
  word_count: number;
  reading_minutes: number;
  views_total: number;
  version: number;
  search_text: string;
  published_at: number | null;
  scheduled_at: number | null;
  created_at: number;
  updated_at: number;
}
export interface EditionRedirectsTable {
  locale: string;
  slug: string;
  edition_id: number;
  created_at: number;
}
export interface EditionViewsDailyTable {
  edition_id: number;
  day: string; // YYYY-MM-DD in the site's time zone
  views: number;
}
export interface EditionViewsHourlyTable {
  edition_id: number;
  hour: number; // epoch ms of the start of the UTC hour
  views: number;
}

export interface Database {
  settings: SettingsTable;
  sections: SectionsTable;
  section_names: SectionNamesTable;
  tags: TagsTable;
  tag_names: TagNamesTable;
  authors: AuthorsTable;
  author_names: AuthorNamesTable;
  media: MediaTable;
  media_variants: MediaVariantsTable;
  media_texts: MediaTextsTable;
  stories: StoriesTable;
  story_tags: StoryTagsTable;
  story_authors: StoryAuthorsTable;
  editions: EditionsTable;
  edition_redirects: EditionRedirectsTable;
  edition_views_daily: EditionViewsDailyTable;
  edition_views_hourly: EditionViewsHourlyTable;
}

export type EditionRow = Selectable<EditionsTable>;
export type NewEdition = Insertable<EditionsTable>;
export type EditionUpdate = Updateable<EditionsTable>;
export type SectionRow = Selectable<SectionsTable>;
export type MediaRow = Selectable<MediaTable>;
export type MediaVariantRow = Selectable<MediaVariantsTable>;
