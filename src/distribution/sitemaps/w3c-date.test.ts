import { describe, expect, it } from 'vitest';
import { isoInZone } from '../../i18n/dates.js';
import { w3cFormatter } from './w3c-date.js';

describe('w3cFormatter', () => {
  it('writes what isoInZone writes, across daylight-saving changes and odd offsets', () => {
    for (const tz of ['Asia/Tashkent', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC']) {
      const f = w3cFormatter(tz);
      // Every 67 minutes and 13 seconds through 2025: both DST changes of each zone fall inside.
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 4_033_000) {
        expect(f(t + 999), `${tz} ${new Date(t).toISOString()}`).toBe(isoInZone(new Date(t + 999), tz));
      }
    }
  });

  it('writes the offset with its sign and minutes', () => {
    expect(w3cFormatter('Asia/Tashkent')(Date.UTC(2025, 3, 24, 9, 26))).toBe('2025-04-24T14:26:00+05:00');
    expect(w3cFormatter('America/St_Johns')(Date.UTC(2025, 0, 15, 12, 0))).toBe('2025-01-15T08:30:00-03:30');
    expect(w3cFormatter('UTC')(Date.UTC(2025, 0, 15, 12, 0))).toBe('2025-01-15T12:00:00+00:00');
  });
});
