import { describe, expect, it } from 'vitest';
import { dayKey, formatDayMonth, formatPublished, isoInZone, zonedToInstant } from './dates.js';

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
