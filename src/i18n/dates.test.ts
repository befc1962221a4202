import { describe, expect, it } from 'vitest';
import { dayKey, formatDayMonth, formatPublished, formatTime, isoInZone, zonedToInstant } from './dates.js';

const TZ = 'Asia/Tashkent';
const ref = new Date('2025-04-24T09:26:00Z'); // 14:26 in Tashkent (UTC+5)

describe('formatPublished', () => {
  it('prints the reference page date exactly, in the site time zone', () => {
    expect(formatPublished(ref, 'ru', TZ)).toBe('Апрель 24, 2025. 14:26');
  });
  it('uses the nominative (stand-alone) month and 24-hour time in every locale', () => {
    expect(formatPublished(ref, 'en', TZ)).toBe('April 24, 2025. 14:26');
    expect(formatPublished(ref, 'uz', TZ)).toBe('Aprel 24, 2025. 14:26');
    expect(formatPublished(ref, 'uz-Cyrl', TZ)).toBe('Апрел 24, 2025. 14:26');
    expect(formatPublished(new Date('2025-01-03T20:05:00Z'), 'ru', TZ)).toBe('Январь 4, 2025. 01:05');
  });
  it('follows the time zone, not the machine', () => {
    expect(formatPublished(ref, 'ru', 'UTC')).toBe('Апрель 24, 2025. 09:26');
  });
});

describe('formatDayMonth', () => {
  it('gives the genitive form Russian datelines use', () => {
    expect(formatDayMonth(ref, 'ru', TZ)).toBe('24 апреля');
    expect(formatDayMonth(ref, 'en', TZ)).toBe('April 24');
    expect(formatDayMonth(ref, 'uz', TZ)).toBe('24-aprel');
    expect(formatDayMonth(ref, 'uz-Cyrl', TZ)).toBe('24-апрел');
  });
});

describe('zone arithmetic', () => {
  it('turns Tashkent wall time into the right instant', () => {
    expect(zonedToInstant(2025, 4, 24, 14, 26, TZ).toISOString()).toBe('2025-04-24T09:26:00.000Z');
  });
  it('handles a zone with daylight saving', () => {
    expect(zonedToInstant(2025, 7, 1, 12, 0, 'Europe/Berlin').toISOString()).toBe('2025-07-01T10:00:00.000Z');
    expect(zonedToInstant(2025, 1, 1, 12, 0, 'Europe/Berlin').toISOString()).toBe('2025-01-01T11:00:00.000Z');
  });
  it('keys days in the zone and writes ISO times with the offset', () => {
    expect(dayKey(new Date('2025-04-24T20:00:00Z'), TZ)).toBe('2025-04-25');
    expect(isoInZone(ref, TZ)).toBe('2025-04-24T14:26:00+05:00');
  });
});

describe('formatting from one set of zoned fields', () => {
  // What each function printed when it asked Intl itself in the locale (before the fields were
  // shared and remembered): the shared fields must give the very same text.
  const intl = (tag: string, timeZone: string, o: Intl.DateTimeFormatOptions, d: Date) => new Intl.DateTimeFormat(tag, { timeZone, ...o }).formatToParts(d);
  const p = (parts: Intl.DateTimeFormatPart[], t: string) => parts.find((x) => x.type === t)?.value ?? '';
  const TAGS = { ru: 'ru', uz: 'uz-Latn', 'uz-Cyrl': 'uz-Cyrl', en: 'en' } as const;
  const ZONES = ['Asia/Tashkent', 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];

  it('prints what Intl prints in each locale, for instants across years, zones and daylight-saving changes', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 120; i++) {
      const d = new Date(Date.UTC(1990, 0, 1) + Math.floor(rnd() * 45 * 365.25 * 86400_000));
      const tz = ZONES[i % ZONES.length]!;
      for (const [locale, tag] of Object.entries(TAGS) as [keyof typeof TAGS, string][]) {
        const time = intl(tag, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, d);
        const dy = intl(tag, tz, { day: 'numeric', year: 'numeric' }, d);
        const month = new Intl.DateTimeFormat(tag, { timeZone: tz, month: 'long' }).format(d);
        const hhmm = `${p(time, 'hour')}:${p(time, 'minute')}`;
        expect(formatTime(d, locale, tz), `${tz} ${d.toISOString()}`).toBe(hhmm);
        expect(formatPublished(d, locale, tz)).toBe(`${month.charAt(0).toLocaleUpperCase(tag)}${month.slice(1)} ${p(dy, 'day')}, ${p(dy, 'year')}. ${hhmm}`);
        const dm = new Intl.DateTimeFormat(tag, { timeZone: tz, day: 'numeric', month: 'long' }).format(d);
        expect(formatDayMonth(d, locale, tz)).toBe(locale === 'uz-Cyrl' ? dm.replace(/^(\d+)\s/, '$1-') : dm);
      }
      const iso = intl('en-CA', tz, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' }, d);
      expect(isoInZone(d, tz)).toBe(`${p(iso, 'year')}-${p(iso, 'month')}-${p(iso, 'day')}T${p(iso, 'hour')}:${p(iso, 'minute')}:${p(iso, 'second')}${p(iso, 'timeZoneName').replace('GMT', '') || '+00:00'}`);
      expect(dayKey(d, tz)).toBe(`${p(iso, 'year')}-${p(iso, 'month')}-${p(iso, 'day')}`);
    }
  });
});
