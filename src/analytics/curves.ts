/**
 * Pure arithmetic of the dashboard (no I/O, unit-tested): medians, a story's life in hours and
 * days, and the live view's "hot / cooling / steady" label.
 */

export const HOUR_MS = 3600_000;
export const MINUTE_MS = 60_000;
/** Hours of a story's life shown hour by hour (then day by day). */
export const FIRST_HOURS = 72;

/** The median of the values (the mean of the middle two for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/**
 * The median views in each hour of life (0 … hours−1) over reference items. `items` maps an item
 * to the start of its first (publication) hour; `rows` are hourly counters. Hour k counts only
 * items whose hour k is over by `now` (an item missing a row had 0 views that hour).
 */
export function medianHourCurve(items: Map<number, number>, rows: { key: number; hour: number; views: number }[], hours: number, now: number): (number | null)[] {
  const perItem = new Map<number, number[]>();
  for (const [key] of items) perItem.set(key, Array<number>(hours).fill(0));
  for (const r of rows) {
    const start = items.get(r.key);
    if (start === undefined) continue;
    const k = Math.round((r.hour - start) / HOUR_MS);
    if (k >= 0 && k < hours) perItem.get(r.key)![k]! += r.views;
  }
  const out: (number | null)[] = [];
  for (let k = 0; k < hours; k++) {
    const vals: number[] = [];
    for (const [key, start] of items) if (start + (k + 1) * HOUR_MS <= now) vals.push(perItem.get(key)![k]!);
    out.push(median(vals));
  }
  return out;
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / (24 * HOUR_MS));
}

/** The date `n` days after a YYYY-MM-DD date. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 24 * HOUR_MS).toISOString().slice(0, 10);
}

/** Every date from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The median views on each day of life (index 0 = publication day) over reference items, for
 * `days` days; an item counts for day i when its day i has begun by `today`.
 */
export function medianDayCurve(items: Map<number, string>, rows: { key: number; day: string; views: number }[], days: number, today: string): (number | null)[] {
  const perItem = new Map<number, number[]>();
  for (const [key] of items) perItem.set(key, Array<number>(days).fill(0));
  for (const r of rows) {
    const first = items.get(r.key);
    if (first === undefined) continue;
    const i = dayDiff(first, r.day);
    if (i >= 0 && i < days) perItem.get(r.key)![i]! += r.views;
  }
  const out: (number | null)[] = [];
  for (let i = 0; i < days; i++) {
    const vals: number[] = [];
    // Day i must be over (before today): a day under way would pull the median down.
    for (const [key, first] of items) if (dayDiff(first, today) > i) vals.push(perItem.get(key)![i]!);
    out.push(median(vals));
  }
  return out;
}

export type Trend = 'hot' | 'cooling' | 'steady';

/**
 * The live view's label for a story: `hot` when its last 60 minutes beat the usual views of a
 * story at that age by half again (or, past the usual curve, its own hour before by half again
 * with at least 10 views); `cooling` when it fell to two thirds of its own hour before or less;
 * else `steady`.
 */
export function trendOf(lastHour: number, prevHour: number, typical: number | null): Trend {
  if (typical !== null && typical > 0 && lastHour >= 1.5 * typical) return 'hot';
  if (typical === null && lastHour >= 10 && lastHour >= 1.5 * prevHour) return 'hot';
  if (prevHour > 0 && lastHour <= (2 / 3) * prevHour) return 'cooling';
  return 'steady';
}

/** Monday … Sunday of the ISO week holding `day`, and the calendar month. */
export function periodOf(period: 'day' | 'week' | 'month', day: string): { fromDay: string; toDay: string } {
  if (period === 'day') return { fromDay: day, toDay: day };
  if (period === 'week') {
    const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    const from = addDays(day, -dow);
    return { fromDay: from, toDay: addDays(from, 6) };
  }
  const from = `${day.slice(0, 7)}-01`;
  const next = new Date(Date.parse(`${from}T00:00:00Z`));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { fromDay: from, toDay: addDays(next.toISOString().slice(0, 10), -1) };
}
