/**
 * The date archive (/<locale>/archive/YYYY/MM/DD): a day's stories and a month calendar to move
 * between days. Days are calendar days in the site's time zone. Every query is bounded: the day's
 * list is a page of the ordinary keyset list with a published_at range (the feed index), the
 * calendar probes each day of one month for a first story (at most 31 LIMIT 1 probes), and the
 * archive's first day is one index probe — nothing counts or scans the archive.
 */
import type { EditionsRepository } from '../content/editions.repository.js';
import { dayKey, formatDayMonth, monthName } from '../i18n/dates.js';
import { LOCALE_INFO, type Locale } from '../i18n/locales.js';
import { dayStart } from './search-params.js';

export interface ArchiveDay {
  /** YYYY-MM-DD */
  key: string;
  start: number;
  end: number;
}

export interface CalendarCell {
  day: number;
  key: string;
  /** Something readers can see was published that day (the cell is a link). */
  hasStories: boolean;
}

export interface ArchiveCalendar {
  /** «Апрель 2025» */
  caption: string;
  /** Short weekday names, Monday first. */
  weekdays: string[];
  /** Weeks of seven cells, null outside the month. */
  weeks: (CalendarCell | null)[][];
  prevMonth: string | null;
  nextMonth: string | null;
  prevDay: string | null;
  nextDay: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const dayKeyOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The day a URL names, or null when it is no calendar date (2000-02-30, 2025/4/1 …). */
export function archiveDay(y: string, m: string, d: string, timeZone: string): ArchiveDay | null {
  if (!/^\d{4}$/.test(y) || !/^\d{2}$/.test(m) || !/^\d{2}$/.test(d)) return null;
  const key = `${y}-${m}-${d}`;
  const start = dayStart(key, timeZone);
  const end = dayStart(key, timeZone, 1);
  return start === null || end === null ? null : { key, start, end };
}

/** The day `key` moved by `days` (calendar arithmetic, no time zone involved). */
export function shiftDay(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return dayKeyOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** «24 апреля 2025», «24-aprel 2025», «April 24, 2025». */
export function formatDay(day: ArchiveDay, locale: Locale, timeZone: string): string {
  const at = new Date(day.start + 12 * 3600_000);
  const dm = formatDayMonth(at, locale, timeZone);
  const year = day.key.slice(0, 4);
  return locale === 'en' ? `${dm}, ${year}` : `${dm} ${year}`;
}

/**
 * The calendar of `day`'s month: which days have stories, and where the arrows lead — never
 * before the archive's first day (`first`, YYYY-MM-DD) nor after today (`today`).
 */
export async function archiveCalendar(editions: EditionsRepository, locale: Locale, now: number, timeZone: string, day: ArchiveDay, first: string, today: string): Promise<ArchiveCalendar> {
  const [y, m] = day.key.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const keys = Array.from({ length: daysInMonth }, (_, i) => dayKeyOf(y, m, i + 1));
  const inRange = (k: string) => k >= first && k <= today;
  const has = await Promise.all(
    keys.map(async (k) => (inRange(k) ? editions.anyBetween(locale, now, dayStart(k, timeZone)!, dayStart(k, timeZone, 1)!) : false)),
  );
  const cells: (CalendarCell | null)[] = keys.map((k, i) => ({ day: i + 1, key: k, hasStories: has[i]! }));
  // Monday-first weeks: blanks before the 1st, after the last.
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const all = [...Array.from({ length: lead }, () => null), ...cells];
  while (all.length % 7) all.push(null);
  const weeks = Array.from({ length: all.length / 7 }, (_, w) => all.slice(w * 7, w * 7 + 7));
  const tag = LOCALE_INFO[locale].tag;
  const weekdayFmt = new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' });
  const weekdays = Array.from({ length: 7 }, (_, i) => weekdayFmt.format(new Date(Date.UTC(2024, 0, 1 + i)))); // 2024-01-01 was a Monday
  const prevMonthLast = dayKeyOf(m === 1 ? y - 1 : y, m === 1 ? 12 : m - 1, new Date(Date.UTC(y, m - 1, 0)).getUTCDate());
  const nextMonthFirst = dayKeyOf(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1);
  const prevDay = shiftDay(day.key, -1);
  const nextDay = shiftDay(day.key, 1);
  return {
    caption: `${monthName(new Date(Date.UTC(y, m - 1, 15, 12)), locale, 'UTC')} ${y}`,
    weekdays,
    weeks,
    prevMonth: prevMonthLast >= first ? prevMonthLast : null,
    nextMonth: nextMonthFirst <= today ? nextMonthFirst : null,
    prevDay: prevDay >= first ? prevDay : null,
    nextDay: nextDay <= today ? nextDay : null,
  };
}

/** Today in the site's time zone, YYYY-MM-DD. */
export const todayKey = (now: number, timeZone: string) => dayKey(new Date(now), timeZone);
