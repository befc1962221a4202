/**
 * Site settings kept in the `settings` table (editable from the newsroom later), with defaults.
 * Read once per request burst and cached briefly; writes go through `save`.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { LOCALES, type Locale } from '../i18n/locales.js';
import { Id } from '../http/validate.js';

const perLocale = z.record(z.enum(LOCALES), z.string().max(200));

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
    }, 'Use an IANA time zone such as Asia/Tashkent.'),
  defaultLocale: z.enum(LOCALES).default('ru'),
  enabledLocales: z.array(z.enum(LOCALES)).nonempty().default(['ru', 'uz', 'uz-Cyrl', 'en']),
  /** Telegram channel username (without @) per locale. */
  telegramChannel: perLocale.default({}),
  /** Agency name as printed in datelines, per locale. */
  datelineAgency: perLocale.default({}),
  /** Hours a story flagged as breaking stays in the strip. */
  breakingHours: z.number().int().min(1).max(72).default(6),
  /** An uploaded image to use as the site logo instead of the built-in one. */
  logoMediaId: Id.nullable().default(null),
  /** Largest image upload accepted, in megabytes. */
  maxUploadMb: z.number().int().min(1).max(100).default(20),
});
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

export class SettingsStore {
  private cached: { at: number; value: SiteSettings } | null = null;
  constructor(
    private readonly db: Kysely<Database>,
    private readonly defaults: Partial<SiteSettings> = {},
    private readonly ttlMs = 2000,
  ) {}

  async get(): Promise<SiteSettings> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const rows = await this.db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute();
    const raw: Record<string, unknown> = { ...this.defaults };
    for (const r of rows) {
      try {
        raw[r.key] = JSON.parse(r.value);
      } catch {
        /* a corrupt value falls back to its default rather than taking the site down */
      }
    }
    const parsed = SiteSettingsSchema.safeParse(raw);
    const value = parsed.success ? parsed.data : SiteSettingsSchema.parse(this.defaults);
    this.cached = { at: Date.now(), value };
    return value;
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
