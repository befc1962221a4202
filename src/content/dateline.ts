/**
 * Datelines: «ЖЕНЕВА, 24 апреля. /ИА «Дунё»/.» Stored as fields (city, agency); the date is always
 * the publication date, so rescheduling a story cannot leave a stale date in its text.
 */
import { formatDayMonth } from '../i18n/dates.js';
import type { Locale } from '../i18n/locales.js';
import { LOCALE_INFO } from '../i18n/locales.js';

export interface DatelineFields {
  city: string;
  agency: string;
}

export function formatDateline(fields: DatelineFields, published: Date, locale: Locale, timeZone: string): string {
  const city = fields.city.trim();
  if (!city) return '';
  const tag = LOCALE_INFO[locale].tag;
  const head = `${city.toLocaleUpperCase(tag)}, ${formatDayMonth(published, locale, timeZone)}.`;
  const agency = fields.agency.trim();
  return agency ? `${head} /${agency}/.` : head;
}

/** Genitive month names as Russian datelines write them (Intl gives them with a day). */
const RU_MONTHS_GENITIVE = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, m, 15))).replace(/^\d+\s*/, ''),
);

export interface ParsedDateline extends DatelineFields {
  day: number;
  /** 1–12 */
  month: number;
  /** The paragraph with the dateline removed. */
  rest: string;
}

// CITY (capitals, may contain spaces, dashes, dots), day, genitive month, then /agency/.
const RU_DATELINE = /^\s*([A-ZА-ЯЁЎҚҒҲ][A-ZА-ЯЁЎҚҒҲ.\- ]*[A-ZА-ЯЁЎҚҒҲ.]),\s+(\d{1,2})\s+([а-яё]+)\.?\s*(?:\/\s*([^/]+?)\s*\/\.?)?\s*/u;

/** Parses a Russian dateline at the start of a paragraph; null when there is none. */
export function parseDateline(paragraph: string): ParsedDateline | null {
  const m = RU_DATELINE.exec(paragraph);
  if (!m) return null;
  const month = RU_MONTHS_GENITIVE.indexOf(m[3]!.toLowerCase()) + 1;
  const day = Number(m[2]);
  if (month === 0 || day < 1 || day > 31) return null;
  return { city: titleCaseCity(m[1]!), agency: (m[4] ?? '').trim(), day, month, rest: paragraph.slice(m[0].length).trim() };
}

/** «НЬЮ-ЙОРК» → «Нью-Йорк», «САНКТ-ПЕТЕРБУРГ» → «Санкт-Петербург»; stored like that, shown in capitals. */
export function titleCaseCity(city: string): string {
  return city
    .trim()
    .toLocaleLowerCase('ru')
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toLocaleUpperCase('ru'));
}
