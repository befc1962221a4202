/**
 * Dates as the agency prints them, from CLDR data through Intl. The reference page shows
 * «Апрель 24, 2025. 14:26»: the stand-alone month name (nominative, capitalised), day, year, then
 * 24-hour time, all in the site's time zone.
 */
import { LOCALE_INFO, type Locale } from './locales.js';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(tag: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

function capitalize(s: string, tag: string): string {
  return s.charAt(0).toLocaleUpperCase(tag) + s.slice(1);
}

/**
 * The wall-clock fields of an instant in a zone, from one `formatToParts` call (en-CA: numeric,
 * zero-padded, Latin digits — what all four of our locales print for numbers, asserted in
 * dates.test.ts). Every card on a page formats its time four ways; they all start here, and the
 * same instants come back on page after page (the sidebar's lists), so the last few thousand are
 * remembered. Bounded: the oldest entry goes first.
 */
interface ZonedFields {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** `+05:00`, `-03:30`, `+00:00`. */
  offset: string;
}
const FIELDS_MAX = 4_000;
const fieldsCache = new Map<string, ZonedFields>();
function zoned(date: Date, timeZone: string): ZonedFields {
  const key = `${timeZone}|${date.getTime()}`;
  let f = fieldsCache.get(key);
  if (f) return f;
  const parts = fmt('en-CA', timeZone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
  }).formatToParts(date);
  f = {
    year: part(parts, 'year'), month: part(parts, 'month'), day: part(parts, 'day'),
    hour: part(parts, 'hour'), minute: part(parts, 'minute'), second: part(parts, 'second'),
    offset: part(parts, 'timeZoneName').replace('GMT', '') || '+00:00',
  };
  if (fieldsCache.size >= FIELDS_MAX) fieldsCache.delete(fieldsCache.keys().next().value!);
  fieldsCache.set(key, f);
  return f;
}

/** Names that depend only on the calendar month (and day), computed once per locale. */
const names = new Map<string, string>();
function named(key: string, make: () => string): string {
  let v = names.get(key);
  if (v === undefined) names.set(key, (v = make()));
  return v;
}
/** Noon UTC of a day in a leap year (29 February exists), formatted in UTC: only month and day matter. */
const calendarDay = (month: number, day: number) => new Date(Date.UTC(2000, month - 1, day, 12));

/** Stand-alone month name: formatting the month alone makes ICU choose the nominative form. */
export function monthName(date: Date, locale: Locale, timeZone: string): string {
  const tag = LOCALE_INFO[locale].tag;
  const month = Number(zoned(date, timeZone).month);
  return named(`m|${tag}|${month}`, () => capitalize(fmt(tag, 'UTC', { month: 'long' }).format(calendarDay(month, 1)), tag));
}

export function formatTime(date: Date, _locale: Locale, timeZone: string): string {
  const f = zoned(date, timeZone);
  return `${f.hour}:${f.minute}`;
}

/** «Апрель 24, 2025. 14:26» */
export function formatPublished(date: Date, locale: Locale, timeZone: string): string {
  const f = zoned(date, timeZone);
  return `${monthName(date, locale, timeZone)} ${Number(f.day)}, ${Number(f.year)}. ${f.hour}:${f.minute}`;
}

/**
 * Day and month as each language writes it in a dateline: «24 апреля», «24-aprel», «24-апрел»,
 * «April 24». CLDR's Uzbek Cyrillic pattern («24 апрел») lacks the hyphen Uzbek spelling puts
 * after an ordinal day (as the Latin pattern «24-aprel» has), so it is added.
 */
export function formatDayMonth(date: Date, locale: Locale, timeZone: string): string {
  const tag = LOCALE_INFO[locale].tag;
  const f = zoned(date, timeZone);
  const [month, day] = [Number(f.month), Number(f.day)];
  return named(`dm|${locale}|${month}|${day}`, () => {
    const s = fmt(tag, 'UTC', { day: 'numeric', month: 'long' }).format(calendarDay(month, day));
    return locale === 'uz-Cyrl' ? s.replace(/^(\d+)\s/, '$1-') : s;
  });
}

/** Calendar day (YYYY-MM-DD) in the given time zone, used as the key of daily counters. */
export function dayKey(date: Date, timeZone: string): string {
  const f = zoned(date, timeZone);
  return `${f.year}-${f.month}-${f.day}`;
}

/** ISO 8601 with the zone's offset, for <time datetime> and structured data. */
export function isoInZone(date: Date, timeZone: string): string {
  const f = zoned(date, timeZone);
  return `${f.year}-${f.month}-${f.day}T${f.hour}:${f.minute}:${f.second}${f.offset}`;
}

/** True when both instants fall on the same calendar day in the zone. */
export function sameDay(a: Date, b: Date, timeZone: string): boolean {
  return dayKey(a, timeZone) === dayKey(b, timeZone);
}

/** Offset of the zone from UTC at an instant, in minutes (e.g. +300 for Asia/Tashkent). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = fmt('en-CA', timeZone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const asUtc = Date.UTC(+part(p, 'year'), +part(p, 'month') - 1, +part(p, 'day'), +part(p, 'hour'), +part(p, 'minute'), +part(p, 'second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the wall clock in `timeZone` shows the given local date and time. */
export function zonedToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset even next to a daylight-saving change.
  let t = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60000;
  t = wall - zoneOffsetMinutes(new Date(t), timeZone) * 60000;
  return new Date(t);
}
