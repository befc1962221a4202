import { describe, expect, it } from 'vitest';
import { csv } from './csv.js';
import { HOUR_MS, medianDayCurve, medianHourCurve, median, periodOf, trendOf } from './curves.js';

describe('curves', () => {
  it('takes medians', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it('builds the median hour curve, counting missing hours as zero and unfinished hours not at all', () => {
    const t0 = 100 * HOUR_MS;
    const items = new Map([[1, t0], [2, t0], [3, t0 + HOUR_MS]]);
    const rows = [
      { key: 1, hour: t0, views: 10 }, { key: 2, hour: t0, views: 30 }, { key: 3, hour: t0 + HOUR_MS, views: 20 },
      { key: 1, hour: t0 + HOUR_MS, views: 4 },
    ];
    // now = t0 + 2h: hour 0 is over for all three (10, 30, 20 → 20); hour 1 only for 1 and 2 (4, 0 → 2).
    expect(medianHourCurve(items, rows, 3, t0 + 2 * HOUR_MS)).toEqual([20, 2, null]);
  });

  it('builds the median day curve from each item first day', () => {
    const items = new Map([[1, '2026-12-01'], [2, '2026-12-02']]);
    const rows = [{ key: 1, day: '2026-12-01', views: 8 }, { key: 2, day: '2026-12-02', views: 2 }, { key: 1, day: '2026-12-02', views: 6 }];
    expect(medianDayCurve(items, rows, 3, '2026-12-03')).toEqual([5, 6, null]);
  });

  it.each([
    [100, 10, 50, 'hot'],
    [74, 10, 50, 'steady'],
    [30, 50, 20, 'hot'],
    [30, 60, 100, 'cooling'],
    [12, 5, null, 'hot'],
    [9, 5, null, 'steady'],
    [3, 10, null, 'cooling'],
    [0, 0, 0, 'steady'],
  ] as const)('last %i, before %i, usual %s → %s', (last, prev, usual, trend) => {
    expect(trendOf(last, prev, usual)).toBe(trend);
  });

  it.each([
    ['day', '2026-12-06', '2026-12-06', '2026-12-06'],
    ['week', '2026-12-06', '2026-11-30', '2026-12-06'], // a Sunday: its week began on Monday
    ['week', '2026-11-30', '2026-11-30', '2026-12-06'],
    ['month', '2026-12-06', '2026-12-01', '2026-12-31'],
    ['month', '2028-02-10', '2028-02-01', '2028-02-29'],
  ] as const)('%s of %s is %s … %s', (p, d, from, to) => {
    expect(periodOf(p, d)).toEqual({ fromDay: from, toDay: to });
  });
});

describe('csv', () => {
  it('quotes, doubles quotes, and defuses formulas', () => {
    const out = csv(['a', 'b'], [['x,y', 'say "hi"'], ['=HYPERLINK("x")', 3], ['-2', null]]);
    expect(out).toBe('\ufeffa,b\r\n"x,y","say ""hi"""\r\n"\'=HYPERLINK(""x"")",3\r\n\'-2,\r\n');
  });
});
