/**
 * Site settings kept in the `settings` table (one row per field, JSON values), with defaults.
 * Read once per request burst and cached briefly; writes go through `save`, and every node drops
 * its cache when any node saves (see container.ts: the purge bus carries a `settings` message).
 *
 * One bad stored value must never take the site down or reset the other settings: each field is
 * parsed on its own and only a field that fails falls back to its default (and is logged).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { LOCALES, type Locale } from '../i18n/locales.js';
import { type FieldError, field } from '../errors.js';
import { key } from '../http/validate.js';

/** Row ids are PostgreSQL `integer`: a larger number cannot name a row (and would fail the query). */
export const MAX_ROW_ID = 2_147_483_647;

const perLocale = z.record(z.enum(LOCALES), z.string().max(200));

/**
 * A public Telegram username: 5–32 letters, digits or underscores, starting with a letter
 * (https://core.telegram.org/method/account.checkUsername). The site links https://t.me/<name>.
 */
export const TELEGRAM_USERNAME = /^[A-Za-z][A-Za-z0-9_]{4,31}$/;
const TELEGRAM_MESSAGE = 'Give the public channel as @name, name or a t.me/name link (5–32 Latin letters, digits or _, starting with a letter).';

/**
 * What people paste for a channel — `@name`, `name`, `t.me/name`, `https://t.me/name/`,
 * `telegram.me/name` — reduced to the bare username, the one form stored. Anything else is
 * returned as typed (trimmed) for the check to refuse with a message.
 */
export function telegramUsername(typed: string): string {
  const text = typed.trim();
  const link = /^(?:https?:\/\/)?(?:www\.)?(?:t|telegram)\.me\/(@?[^/?#\s]+)\/?$/i.exec(text);
  if (link) return link[1]!.replace(/^@/, '');
  return text.replace(/^@/, '');
}

export const SiteSettingsSchema = z.object({
  siteName: perLocale.default({ ru: 'Xabar', uz: 'Xabar', 'uz-Cyrl': 'Хабар', en: 'Xabar' }),
  tagline: perLocale.default({}),
  timeZone: z
    .string()
    .default('Asia/Tashkent')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, key('field.time_zone')),
  defaultLocale: z.enum(LOCALES).default('ru'),
  enabledLocales: z.array(z.enum(LOCALES)).nonempty().default(['ru', 'uz', 'uz-Cyrl', 'en']),
  /** Telegram channel username (without @) per locale; `@name` and t.me links are reduced to it. */
  telegramChannel: z.record(z.enum(LOCALES), z.string().max(200).transform(telegramUsername).refine((v) => v === '' || TELEGRAM_USERNAME.test(v), TELEGRAM_MESSAGE)).default({}),
  /** Agency name as printed in datelines, per locale. */
  datelineAgency: perLocale.default({}),
  /** Hours a story flagged as breaking stays in the strip. */
  breakingHours: z.number().int().min(1).max(72).default(6),
  /** Hours a main-story flag leads the home page when the editor set no expiry (docs/home-page.md). */
  mainStoryHours: z.number().int().min(1).max(720).default(48),
  /** An uploaded image to use as the site logo instead of the built-in one (checked on save). */
  logoMediaId: z.number().int().positive().max(MAX_ROW_ID, key('settings.logo_id')).nullable().default(null),
  /** Largest image upload accepted, in megabytes. */
  maxUploadMb: z.number().int().min(1).max(100).default(20),
  /** Show an article's lead under its headline (as a standfirst). Off like the reference page; the lead still feeds previews, feeds and search. */
  showLead: z.boolean().default(false),
  /** Static pages linked from the footer, in order (page ids; each language shows its own of the page's group). */
  footerPages: z.array(z.number().int().positive().max(MAX_ROW_ID)).max(20).default([]),
});
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

type Field = keyof SiteSettings;
const FIELDS = Object.keys(SiteSettingsSchema.shape) as Field[];

/** Settings fields that name a row, and how to tell whether the row exists. */
export interface SettingsReferences {
  mediaExists(id: number): Promise<boolean>;
}

/**
 * Field errors for references to rows that do not exist (422 on save). The id range is already
 * checked by the schema, so the lookups here never see an id the database cannot hold.
 */
export async function checkReferences(s: SiteSettings, refs: SettingsReferences): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (s.logoMediaId !== null && !(await refs.mediaExists(s.logoMediaId))) {
    problems.push(field('logoMediaId', 'settings.logo_missing'));
  }
  if (!s.enabledLocales.includes(s.defaultLocale)) problems.push(field('defaultLocale', 'settings.default_locale'));
  return problems;
}

export class SettingsStore {
  private cached: { at: number; value: SiteSettings } | null = null;
  constructor(
    private readonly db: Kysely<Database>,
    private readonly defaults: Partial<SiteSettings> = {},
    private readonly ttlMs = 2000,
    /** Told about each stored field that is invalid and was replaced by its default. */
    private readonly onInvalid: (field: string, problem: string) => void = () => {},
  ) {}

  async get(): Promise<SiteSettings> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const rows = await this.db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute();
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    const value = {} as Record<Field, unknown>;
    for (const field of FIELDS) {
      const schema = SiteSettingsSchema.shape[field] as z.ZodTypeAny;
      const fallback = () => schema.parse(this.defaults[field]);
      const text = stored.get(field);
      if (text === undefined) {
        value[field] = fallback();
        continue;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        this.onInvalid(field, 'not JSON');
        value[field] = fallback();
        continue;
      }
      const parsed = schema.safeParse(raw);
      if (parsed.success) value[field] = parsed.data;
      else {
        this.onInvalid(field, parsed.error.issues.map((i) => i.message).join('; '));
        value[field] = fallback();
      }
    }
    const settings = value as SiteSettings;
    // A default language that is not enabled would send `/` to a 404: use the first enabled one.
    if (!settings.enabledLocales.includes(settings.defaultLocale)) {
      this.onInvalid('defaultLocale', 'not among the enabled languages');
      settings.defaultLocale = settings.enabledLocales[0];
    }
    this.cached = { at: Date.now(), value: settings };
    return settings;
  }

  /** Drops the cached settings: the next `get` reads the table (another node saved). */
  invalidate(): void {
    this.cached = null;
  }

  /** The last settings read, without waiting (for hot synchronous paths such as view counting). */
  peek(): SiteSettings | null {
    return this.cached?.value ?? null;
  }

  async save(patch: Partial<SiteSettings>, trx: Kysely<Database> = this.db): Promise<void> {
    for (const [key, v] of Object.entries(patch)) {
      const value = JSON.stringify(v);
      await trx.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }
    this.cached = null;
  }

  pick(map: Record<string, string>, locale: Locale, fallback: Locale = 'ru'): string {
    return map[locale] ?? map[fallback] ?? '';
  }
}
