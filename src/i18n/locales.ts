/**
 * The locales Xabar serves. `Locale` is our id (also stored in the database); `tag` is the BCP 47
 * tag given to Intl for CLDR data; `prefix` is the URL path segment (configurable later through
 * site settings — these are the defaults).
 */
export const LOCALES = ['ru', 'uz', 'uz-Cyrl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface LocaleInfo {
  readonly id: Locale;
  readonly tag: string;
  readonly prefix: string;
  readonly htmlLang: string;
  /** Name of the language in itself, for the language switcher. */
  readonly nativeName: string;
  readonly shortName: string;
  /** Average silent reading speed used for reading time; see reading-time.ts for sources. */
  readonly wordsPerMinute: number;
}

export const LOCALE_INFO: Readonly<Record<Locale, LocaleInfo>> = {
  ru: { id: 'ru', tag: 'ru', prefix: 'ru', htmlLang: 'ru', nativeName: 'Русский', shortName: 'Рус', wordsPerMinute: 184 },
  uz: { id: 'uz', tag: 'uz-Latn', prefix: 'uz', htmlLang: 'uz-Latn', nativeName: 'Oʻzbekcha', shortName: 'Oʻz', wordsPerMinute: 170 },
  'uz-Cyrl': { id: 'uz-Cyrl', tag: 'uz-Cyrl', prefix: 'uz-cyrl', htmlLang: 'uz-Cyrl', nativeName: 'Ўзбекча', shortName: 'Ўз', wordsPerMinute: 170 },
  en: { id: 'en', tag: 'en', prefix: 'en', htmlLang: 'en', nativeName: 'English', shortName: 'Eng', wordsPerMinute: 228 },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const BY_PREFIX = new Map<string, Locale>(LOCALES.map((l) => [LOCALE_INFO[l].prefix, l]));

/** Resolves a URL prefix (case-insensitively) to a locale, or null when unknown. */
export function localeFromPrefix(prefix: string): Locale | null {
  return BY_PREFIX.get(prefix.toLowerCase()) ?? null;
}
