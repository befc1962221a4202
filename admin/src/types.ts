/** Types of the newsroom API (docs/newsroom-api.md). */
export type Role = 'contributor' | 'author' | 'editor' | 'admin';
export type Status = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
export type Locale = 'ru' | 'uz' | 'uz-Cyrl' | 'en';

export const ROLES: Role[] = ['contributor', 'author', 'editor', 'admin'];
export const STATUSES: Status[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];
export const LOCALES: Locale[] = ['ru', 'uz', 'uz-Cyrl', 'en'];

export const LOCALE_NAMES: Record<Locale, string> = {
  ru: 'Русский',
  uz: 'Oʻzbekcha',
  'uz-Cyrl': 'Ўзбекча',
  en: 'English',
};
export const LOCALE_SHORT: Record<Locale, string> = { ru: 'RU', uz: 'UZ', 'uz-Cyrl': 'ЎЗ', en: 'EN' };

/** BCP 47 tags of the edition languages (the `lang` attribute of their text). */
export const LOCALE_TAGS: Record<Locale, string> = { ru: 'ru', uz: 'uz-Latn', 'uz-Cyrl': 'uz-Cyrl', en: 'en' };

/** The Uzbek edition in the other script (uz ↔ uz-Cyrl), or null for other languages. */
export function scriptTwin(locale: string): Locale | null {
  return locale === 'uz' ? 'uz-Cyrl' : locale === 'uz-Cyrl' ? 'uz' : null;
}

export function roleAtLeast(role: Role | undefined | null, min: Role): boolean {
  if (!role) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** Two-step sign-in is on (in the users list). */
  twoFactor?: boolean;
}
export interface Person {
  id: number;
  name: string;
}
export type Names = Partial<Record<Locale, string>>;
export interface Section {
  id: number;
  slug: string;
  position: number;
  color: string;
  names: Names;
}
export interface Tag {
  id: number;
  slug: string;
  names: Names;
}
export interface Author {
  id: number;
  slug: string;
  names: Names;
  bio: Names;
  /** Media library image shown on the public author page (null: none). */
  photoMediaId: number | null;
}
export interface Media {
  id: number;
  src: string;
  thumb: string;
  width: number;
  height: number;
  mime: string;
  bytes: number;
  credit: string;
  texts: { [locale: string]: { alt: string; caption: string } };
  createdAt: string;
  usedBy: number;
}
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}
export interface Doc {
  type: 'doc';
  content: DocNode[];
}
export interface Can {
  edit: boolean;
  submit: boolean;
  publish: boolean;
  schedule: boolean;
  unpublish: boolean;
  delete: boolean;
  /** A source change waits on this derived edition and the user may accept it (POST …/resync). */
  acceptUpdate: boolean;
}
export interface Note {
  id: number;
  kind: 'correction' | 'update';
  text: string;
  at: string;
  by: Person;
}
export interface Transition {
  at: string;
  by: Person;
  from: Status | null;
  to: Status;
  note: string;
}
export type SyncState = 'synced' | 'pending' | 'diverged';
export interface Sibling {
  locale: Locale;
  editionId: number;
  status: Status;
  sync: SyncState | null;
  outdated: boolean;
}
export interface Edition {
  id: number;
  storyId: number;
  locale: Locale;
  status: Status;
  version: number;
  headline: string;
  slug: string;
  lead: string;
  body: Doc;
  datelineCity: string;
  datelineAgency: string;
  sectionId: number | null;
  tags: Tag[];
  authors: Author[];
  heroMediaId: number | null;
  hero: Media | null;
  heroCaption: string;
  seoTitle: string;
  seoDescription: string;
  isMain: boolean;
  isBreaking: boolean;
  /** Until when the main-story flag leads the home page (null: the site's age limit). */
  mainUntil?: string | null;
  publishedAt: string | null;
  scheduledAt: string | null;
  embargoUntil: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: Person | null;
  wordCount: number;
  readingMinutes: number;
  publicUrl: string | null;
  previewUrl: string;
  notes: Note[];
  transitions: Transition[];
  /** Uzbek other-script edition made by transliteration from this edition id. */
  derivedFrom: number | null;
  /** synced: follows its source on every save; pending: a source change waits for someone who may edit this edition; diverged: edited by hand; null: not derived. */
  sync: SyncState | null;
  /** The source changed after this edition was last updated. */
  outdated: boolean;
  /** The story's other editions. */
  siblings: Sibling[];
  /** Enabled languages the story has no edition in. */
  missingLocales: Locale[];
  can: Can;
  /** Section, hero image, tags and authors are shared by the story: false when a published edition the user may not edit would change. */
  canEditStoryFields: boolean;
  /** The site shows the lead under the headline (site setting). */
  leadOnSite?: boolean;
}
export interface StoryListItem {
  editionId: number;
  storyId: number;
  locale: Locale;
  headline: string;
  slug: string;
  status: Status;
  section: { id: number; name: string } | null;
  authors: Person[];
  createdBy: Person | null;
  updatedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  embargoUntil?: string | null;
  version: number;
  editingNow: Person[];
  /** All editions of the story, this one included. */
  editions: StoryEditionRef[];
}
export interface StoryEditionRef {
  locale: Locale;
  editionId: number;
  status: Status;
  sync: SyncState | null;
}
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}
export interface Settings {
  siteName: Names;
  timeZone: string;
  defaultLocale: Locale;
  enabledLocales: Locale[];
  telegramChannel: Names;
  datelineAgency: Names;
  breakingHours: number;
  /** Hours a main-story flag without an expiry leads the home page. */
  mainStoryHours?: number;
  maxUploadMb: number;
  /** An uploaded image shown as the site logo (null: the built-in one). */
  logoMediaId: number | null;
  /** The article page shows the lead under the headline. */
  showLead?: boolean;
}
/** What a signed-in session still owes: a second-factor code, or enrolment in two-step sign-in. */
export type SecondFactor = 'verify' | 'enrol' | null;
export interface Session {
  user: User | null;
  csrfToken: string;
  needsSetup: boolean;
  secondFactor?: SecondFactor;
}
/** The answer to sign-in, setup and the second step. */
export interface SignedIn {
  user: User;
  csrfToken: string;
  secondFactor?: SecondFactor;
}
export interface RevisionItem {
  id: number;
  version: number;
  savedAt: string;
  savedBy: Person;
  headline: string;
}
export interface Revision extends RevisionItem {
  editionId: number;
  lead: string;
  body: Doc;
  text: string;
  /** Story-wide fields that differ from the story now: restored only on request. */
  storyFields?: RevisionStoryField[];
  canRestoreStoryFields?: boolean;
}
export type StoryFieldName = 'sectionId' | 'heroMediaId' | 'tagIds' | 'authorIds';
export interface RevisionStoryField {
  field: StoryFieldName;
  revision: { id: number; name: string; thumb?: string; missing?: true }[];
  current: { id: number; name: string; thumb?: string; missing?: true }[];
}
/** GET /editions/:id/diff: the word diff and the edition's own fields that differ. */
export interface RevisionDiff {
  parts: DiffPart[];
  fields?: { field: 'datelineCity' | 'heroCaption' | 'seoTitle' | 'seoDescription'; before: string; after: string }[];
}
export interface DiffPart {
  value: string;
  added?: true;
  removed?: true;
}
export interface AuditEntry {
  id: number;
  at: string;
  user: Person | null;
  action: string;
  entity: string;
  entityId: number | string | null;
  details: unknown;
  /** What the entry is about as it is now: a user's name, or an edition's headline and language. */
  target?: { name: string | null; headline: string | null; locale: string | null };
}

/** The editable fields of an edition, as PUT /editions/:id takes them (minus version). */
export interface EditionDraft {
  headline: string;
  slug: string;
  lead: string;
  body: Doc;
  datelineCity: string;
  sectionId: number | null;
  tagIds: number[];
  authorIds: number[];
  heroMediaId: number | null;
  heroCaption: string;
  seoTitle: string;
  seoDescription: string;
  isMain: boolean;
  isBreaking: boolean;
  embargoUntil: string | null;
}

/** Picks a name in the wanted locale, falling back through the others. */
export function pickName(names: Names | undefined | null, locale: string, fallback = ''): string {
  if (!names) return fallback;
  const n = names as Record<string, string | undefined>;
  if (n[locale]) return n[locale]!;
  for (const l of ['ru', 'en', 'uz', 'uz-Cyrl']) if (n[l]) return n[l]!;
  return fallback;
}
