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
  /** This locale's address of the section (migration 0030); null for Russian, whose is sections.slug. */
  slug: Generated<string | null>;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
}
export interface TagNamesTable {
  tag_id: number;
  locale: string;
  name: string;
  /** This locale's address of the tag (migration 0030); null for Russian, whose is tags.slug. */
  slug: Generated<string | null>;
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
  /** Alt texts, captions, credit and file name, case-folded by the app (media-search.ts). */
  search_text: Generated<string>;
}
export interface MediaVariantsTable {
  media_id: number;
  width: number;
  height: number;
  format: string;
  storage_key: string;
  bytes: number;
}
/** The newsroom's transliteration exceptions (src/newsroom/translit-exceptions.*): Latin ↔ Cyrillic word pairs. */
export interface TranslitExceptionsTable {
  id: Generated<number>;
  /** Lower case, apostrophes normalised (ʻ/ʼ); unique. */
  latin: string;
  cyrillic: string;
  updated_at: number;
  updated_by: number | null;
}
/** Uploaded videos (src/media/video.ts): files in the media store, content-addressed like images. */
export interface VideosTable {
  id: Generated<number>;
  storage_key: string;
  mime: string;
  bytes: number;
  sha256: string;
  original_name: string;
  created_at: number;
}
/** The public address of a tag merged into another: 301 to the tag it went into. */
export interface TagRedirectsTable {
  slug: string;
  tag_id: number;
  created_at: number;
}
/** A section's former address (shared or per-locale slug): 301 to where the section is now. */
export interface SectionRedirectsTable {
  slug: string;
  section_id: number;
  created_at: number;
}
export interface MediaTextsTable {
  media_id: number;
  locale: string;
  alt: string;
  caption: string;
}

export interface StoriesTable {
  id: Generated<number>;
  created_by: Generated<number | null>;
  section_id: number | null;
  hero_media_id: number | null;
  created_at: number;
  updated_at: number;
  /** 1: publishing posts the story to its locale's Telegram channel (migration 0019). */
  post_telegram: Generated<number>;
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
  /** Analyzed tokens of headline, section, tags, authors, dateline place (src/search/search-index.ts). */
  search_head: Generated<string>;
  /** Analyzed tokens of lead and body. */
  search_body: Generated<string>;
  published_at: number | null;
  scheduled_at: number | null;
  embargo_until: Generated<number | null>;
  /** When a published edition is taken down by itself (the unpublish_scheduled job); null for never. */
  unpublish_at: Generated<number | null>;
  created_by: Generated<number | null>;
  derived_from: Generated<number | null>;
  /** '' not derived; 'synced' follows its source; 'pending' has a source change waiting for someone who may edit it; 'diverged' edited by hand. */
  sync: Generated<'' | 'synced' | 'pending' | 'diverged'>;
  source_version: Generated<number | null>;
  /** IPTC urgency 1 (flash) … 8; 5 is normal (migration 0016). */
  urgency: Generated<number>;
  created_at: number;
  updated_at: number;
  /** When the main-story flag stops leading the home page; null: the site's age limit (migration 0030). */
  main_until: Generated<number | null>;
}
/**
 * One row per (section, tag or author list, edition) for editions that may be visible (published
 * or scheduled, with a time): the lists' index, kept by triggers (migration 0035). Never written
 * by the application.
 */
export interface ListEntriesTable {
  /** LIST_KIND: 1 section, 2 tag, 3 author. */
  kind: number;
  key_id: number;
  locale: string;
  published_at: number;
  edition_id: number;
  story_id: number;
  embargo_until: number | null;
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
/** Views per edition per minute for the live desk view; kept 3 hours (migration 0027). */
export interface EditionViewsMinutelyTable {
  edition_id: number;
  minute: number; // epoch ms of the start of the minute
  views: number;
}
/** Views per edition per site day by referrer category, referrer host and device class (migration 0027). */
export interface EditionViewsSourcesTable {
  edition_id: number;
  day: string;
  source: string;
  host: string;
  device: string;
  views: number;
}

export type Role = 'contributor' | 'author' | 'editor' | 'admin';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: Flag;
  created_at: number;
  updated_at: number;
}
export interface SessionsTable {
  id: string; // sha256 of the cookie token: a leaked table does not leak sessions
  user_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string;
  user_agent: string;
  /** 1 while the password was accepted but the second factor is still owed (migration 0006). */
  mfa_pending: Generated<Flag>;
}
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: number;
  locked_until: number;
}
export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  details: string; // JSON
}
export interface RevisionsTable {
  id: Generated<number>;
  edition_id: number;
  version: number;
  saved_at: number;
  saved_by: number | null;
  headline: string;
  lead: string;
  body_json: string;
  snapshot: string; // JSON of the other editable fields
}
export interface EditionTransitionsTable {
  id: Generated<number>;
  edition_id: number;
  at: number;
  user_id: number | null;
  from_status: string | null;
  to_status: string;
  note: string;
}
export interface EditionNotesTable {
  id: Generated<number>;
  edition_id: number;
  kind: 'correction' | 'update';
  text: string;
  at: number;
  user_id: number | null;
}
export interface PresenceTable {
  edition_id: number;
  user_id: number;
  seen_at: number;
}
export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: string; // JSON
  dedupe_key: string | null;
  run_at: number;
  attempts: Generated<number>;
  locked_until: number | null;
  locked_by: string | null;
  done_at: number | null; // -1: gave up (dead)
  last_error: Generated<string>;
  created_at: number;
  /** When the relay gave up on the job (too many failures, or no handler for its topic). */
  dead_at: Generated<number | null>;
}

/** Account security tables (migration 0006). */
export interface LoginKnownAddressesTable {
  user_id: number;
  addr_hash: string;
  last_seen_at: number;
}
export interface AccountSetupTable {
  id: number;
  at: number;
}
export interface TwoFactorTable {
  user_id: number;
  secret_enc: string;
  confirmed_at: number | null;
  last_step: Generated<number>;
  created_at: number;
}
export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: number | null;
}

export interface SecuritySettingsTable {
  key: string;
  value: string;
}

export interface DeskAssignmentsTable {
  id: Generated<number>;
  story_id: number;
  edition_id: number;
  whole_story: Flag;
  assignee_id: number;
  assigned_by: number | null;
  due_at: number | null;
  note: string;
  status: 'open' | 'done';
  version: number;
  created_at: number;
  updated_at: number;
  done_at: number | null;
}
export interface DeskCommentsTable {
  id: Generated<number>;
  story_id: number;
  parent_id: number | null;
  author_id: number | null;
  body: string;
  created_at: number;
  edited_at: number | null;
  deleted: Flag;
}
export interface DeskMentionsTable {
  comment_id: number;
  user_id: number;
}
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  actor_id: number | null;
  edition_id: number | null;
  details: string; // JSON
  created_at: number;
  read_at: number | null;
}
export interface Database {
  desk_assignments: DeskAssignmentsTable;
  desk_comments: DeskCommentsTable;
  desk_mentions: DeskMentionsTable;
  notifications: NotificationsTable;
  security_settings: SecuritySettingsTable;
  login_known_addresses: LoginKnownAddressesTable;
  account_setup: AccountSetupTable;
  two_factor: TwoFactorTable;
  recovery_codes: RecoveryCodesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  revisions: RevisionsTable;
  edition_transitions: EditionTransitionsTable;
  edition_notes: EditionNotesTable;
  presence: PresenceTable;
  outbox: OutboxTable;
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
  videos: VideosTable;
  translit_exceptions: TranslitExceptionsTable;
  tag_redirects: TagRedirectsTable;
  section_redirects: SectionRedirectsTable;
  stories: StoriesTable;
  story_tags: StoryTagsTable;
  story_authors: StoryAuthorsTable;
  editions: EditionsTable;
  list_entries: ListEntriesTable;
  edition_redirects: EditionRedirectsTable;
  edition_views_daily: EditionViewsDailyTable;
  edition_views_hourly: EditionViewsHourlyTable;
  preview_links: PreviewLinksTable;
  story_related: StoryRelatedTable;
  api_keys: ApiKeysTable;
  telegram_channels: TelegramChannelsTable;
  telegram_deliveries: TelegramDeliveriesTable;
  edition_views_minutely: EditionViewsMinutelyTable;
  edition_views_sources: EditionViewsSourcesTable;
}

/** A shareable preview link: only the token's SHA-256 is stored (migration 0016). */
export interface PreviewLinksTable {
  id: Generated<number>;
  edition_id: number;
  token_hash: string;
  created_by: number | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}
/** Hand-picked related stories, in the editor's order (migration 0016). */
export interface StoryRelatedTable {
  story_id: number;
  related_story_id: number;
  position: number;
}

export type EditionRow = Selectable<EditionsTable>;
export type NewEdition = Insertable<EditionsTable>;
export type EditionUpdate = Updateable<EditionsTable>;
export type SectionRow = Selectable<SectionsTable>;
export type MediaRow = Selectable<MediaTable>;
export type MediaVariantRow = Selectable<MediaVariantsTable>;
export type UserRow = Selectable<UsersTable>;
export type OutboxRow = Selectable<OutboxTable>;

/** A wire subscriber's API key: only the token's SHA-256 is stored (migration 0021). */
export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  /** The token's first characters, shown to tell keys apart. */
  prefix: string;
  /** JSON array of locales the key may read. */
  locales: string;
  /** JSON array of section ids the key may read; [] = every section. */
  section_ids: Generated<string>;
  rate_per_minute: number;
  created_by: number | null;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

/** Webhooks (migration 0020): endpoints, their delivery log, and their settings (key/value). */
export interface WebhookEndpointsTable {
  id: Generated<number>;
  url: string;
  /** Comma-separated event types (story.published, …). */
  events: string;
  active: Flag;
  /** The signing secret (`whsec_…`) sealed by the secret box with owner `webhook:<id>`. */
  secret_enc: string;
  state: 'ok' | 'failing';
  failing_since: number | null;
  last_error: string;
  created_by: number | null;
  created_at: number;
  updated_at: number;
}
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  event_id: string;
  event_type: string;
  attempt: number;
  status_code: number | null;
  latency_ms: number;
  response_head: string;
  error: string;
  at: number;
}
export interface WebhookSettingsTable {
  key: string;
  value: string;
}
// Declaration merging: the webhook tables join the one Database interface without editing its list.
export interface Database {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_settings: WebhookSettingsTable;
}
/** A locale's Telegram posting target and sealed bot token (migration 0019). */
export interface TelegramChannelsTable {
  locale: string;
  target: string;
  token_sealed: string;
  token_last4: string;
  enabled: number;
  on_unpublish: 'delete' | 'leave';
  follow_up_corrections: number;
  updated_at: number;
  updated_by: number | null;
}

export type TelegramDeliveryState = 'queued' | 'started' | 'sent' | 'failed' | 'uncertain' | 'withdrawn';

/** One edition's post: the intent record written before the Bot API call (migration 0019). */
export interface TelegramDeliveriesTable {
  id: Generated<number>;
  edition_id: number;
  locale: string;
  state: TelegramDeliveryState;
  chat_id: Generated<string>;
  message_id: number | null;
  kind: Generated<'' | 'photo' | 'text'>;
  content_hash: Generated<string>;
  attempts: Generated<number>;
  error: Generated<string>;
  next_retry_at: number | null;
  started_at: number | null;
  sent_at: number | null;
  followup_at: number | null;
  updated_at: number;
}

/** Static pages (migration 0028): one row per page and language, edited with revisions (src/pages/). */
export interface PagesTable {
  id: Generated<number>;
  locale: string;
  slug: string;
  title: string;
  body_json: string;
  body_html: string;
  status: 'draft' | 'published';
  /** The id of the page this one translates (its group's first page); null when alone. */
  group_id: number | null;
  version: number;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  updated_by: number | null;
}
export interface PageRevisionsTable {
  id: Generated<number>;
  page_id: number;
  version: number;
  saved_at: number;
  saved_by: number | null;
  title: string;
  slug: string;
  body_json: string;
}
/** What an import created from a source item (src/import/): a second run skips what is here. */
export interface ImportItemsTable {
  /** `wordpress:<site URL>` or `ghost:<site URL>`. */
  source: string;
  kind: string;
  source_id: string;
  target_id: number | null;
  created_at: number;
}
/** An imported site's old address (normalised path) → edition, page or fixed path; answered 301 on a 404. */
export interface OldUrlRedirectsTable {
  path: string;
  edition_id: number | null;
  page_id: number | null;
  target: string;
  created_at: number;
}
export interface Database {
  pages: PagesTable;
  page_revisions: PageRevisionsTable;
  import_items: ImportItemsTable;
  old_url_redirects: OldUrlRedirectsTable;
}
export type BackupRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** One backup run, as the newsroom lists it (migration 0029; src/ops/backup/). */
export interface BackupRunsTable {
  id: Generated<number>;
  status: BackupRunStatus;
  trigger: 'schedule' | 'admin';
  requested_by: number | null;
  requested_at: number;
  started_at: number | null;
  /** Renewed while the run works; a run silent for long is taken over (its node died). */
  heartbeat_at: number | null;
  finished_at: number | null;
  /** The backup's folder name under XABAR_BACKUP_DIR. */
  name: Generated<string>;
  bytes: Generated<number>;
  /** Bytes this run wrote (media already in the previous backup are hard-linked). */
  new_bytes: Generated<number>;
  error: Generated<string>;
}
/** The one-row backup schedule (id = 1; migration 0029). */
export interface BackupScheduleTable {
  id: number;
  enabled: number;
  time_of_day: string;
  keep: number;
  updated_at: number;
  updated_by: number | null;
}
export interface Database {
  backup_runs: BackupRunsTable;
  backup_schedule: BackupScheduleTable;
}
