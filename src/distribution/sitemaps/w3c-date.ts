/**
 * W3C datetimes with the site's offset (`2025-04-24T14:26:00+05:00`) for tens of thousands of
 * entries per file: the same text as `isoInZone` (src/i18n/dates.ts), but the zone's offset is
 * asked of Intl once per quarter hour of time instead of once per entry (every real zone changes
 * its offset on a quarter hour). The memory lives as long as the formatter: one file's build.
 */
import { zoneOffsetMinutes } from '../../i18n/dates.js';

const QUARTER_HOUR = 15 * 60_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function w3cFormatter(timeZone: string): (ms: number) => string {
  const offsets = new Map<number, number>();
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let off = offsets.get(bucket);
    if (off === undefined) {
      off = zoneOffsetMinutes(new Date(bucket * QUARTER_HOUR), timeZone);
      if (offsets.size > 10_000) offsets.clear();
      offsets.set(bucket, off);
    }
    const d = new Date(Math.floor(ms / 1000) * 1000 + off * 60_000);
    const sign = off < 0 ? '-' : '+';
    const abs = Math.abs(off);
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  };
}
