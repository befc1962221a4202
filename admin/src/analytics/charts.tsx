/**
 * Charts of the analytics pages, drawn by uPlot (docs/decisions/0015-analytics-charts.md: ~50 kB,
 * canvas, fast with thousands of points). Every chart has the same data as a table one button
 * away; the chart itself takes keyboard focus, and ←/→ (Home/End) move its cursor point by point
 * while a polite live region reads the values. Numbers and dates follow the newsroom language
 * (Intl); colours are the Okabe–Ito set, darkened where needed for 3:1 contrast on white, and the
 * median line is dashed too, so no line is told apart by colour alone.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n, type I18n } from '../i18n';

/** Okabe–Ito blue, vermillion, bluish green, reddish purple; dark grey for medians/other. */
export const CHART_COLOURS = ['#0072B2', '#C74700', '#00795A', '#B04A8C', '#6B4E00', '#3D3D3D'];

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  colour: string;
  dashed?: boolean;
}

/**
 * How x values (epoch seconds) are written: a time of day, an hour with its day, or a site day
 * (given as noon UTC of that date, so the browser's zone cannot move it to another date). The
 * newsroom's own formatters are used: they carry CLDR's Uzbek patterns for browsers without them.
 */
export type XKind = 'minute' | 'hour' | 'day';

export function xFormatter(i: I18n, kind: XKind): (sec: number) => string {
  if (kind === 'minute') return (sec) => i.time(new Date(sec * 1000));
  if (kind === 'hour') return (sec) => i.dayTime(new Date(sec * 1000));
  return (sec) => i.date(new Date(sec * 1000).toISOString());
}

/** Site day "2026-12-06" as the chart's x value. */
export const dayX = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;

export function TimeChart({ title, x, series, kind, height = 220, id }: { title: string; x: number[]; series: ChartSeries[]; kind: XKind; height?: number; id: string }) {
  const i = useI18n();
  const [asTable, setAsTable] = useState(false);
  const fmtX = useMemo(() => xFormatter(i, kind), [i, kind]);
  const num = useMemo(() => (v: number | null | undefined) => (v === null || v === undefined ? '–' : i.number(Math.round(v * 10) / 10)), [i]);
  const total = series[0] ? series[0].values.reduce<number>((a, b) => a + (b ?? 0), 0) : 0;
  return (
    <section className="an-chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <div className="an-chart-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" className="btn btn-small" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? i.t('an.showChart') : i.t('an.showTable')}
        </button>
      </div>
      {asTable ? (
        <div className="table-wrap an-table-scroll">
          <table className="table an-data-table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{i.t(kind === 'day' ? 'an.day' : 'an.time')}</th>
                {series.map((s) => <th key={s.label} scope="col" className="num">{s.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {x.map((t, k) => (
                <tr key={t}>
                  <th scope="row" className="nowrap">{fmtX(t)}</th>
                  {series.map((s) => <td key={s.label} className="num">{num(s.values[k])}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Plot x={x} series={series} height={height} fmtX={fmtX} num={num} xLabel={i.t(kind === 'day' ? 'an.day' : 'an.time')} label={i.t('an.chartLabel', { title, total: i.number(total), points: x.length })} />
      )}
    </section>
  );
}

function Plot({ x, series, height, fmtX, num, label, xLabel }: { x: number[]; series: ChartSeries[]; height: number; fmtX: (s: number) => string; num: (v: number | null) => string; label: string; xLabel: string }) {
  const i = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [point, setPoint] = useState<number | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      scales: { x: { time: false } },
      legend: { show: true },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      axes: [
        // Ticks on the data's own points (whole minutes, hours, site days), at most ~8 of them.
        { stroke: '#4b5563', grid: { stroke: '#e5e7eb' }, ticks: { stroke: '#c7cdd5' }, values: (_u, splits) => splits.map((v) => fmtX(v)), splits: () => { const every = Math.max(1, Math.ceil(x.length / Math.max(2, Math.floor(el.clientWidth / 130)))); return x.filter((_, k) => k % every === 0); } },
        { stroke: '#4b5563', grid: { stroke: '#e5e7eb' }, ticks: { stroke: '#c7cdd5' }, values: (_u, splits) => splits.map((v) => num(v)), size: 56 },
      ],
      series: [
        { label: xLabel, value: (_u, v) => (v === null ? '' : fmtX(v)) },
        ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, dash: s.dashed ? [6, 4] : undefined, points: { show: x.length < 40 }, value: (_u: uPlot, v: number | null) => num(v), spanGaps: false })),
      ],
    };
    const data = [x, ...series.map((s) => s.values)] as uPlot.AlignedData;
    const u = new uPlot(opts, data, el);
    // One point (a story's first day) would otherwise get a range of decades around it.
    if (x.length === 1) u.setScale('x', { min: x[0]! - 43_200, max: x[0]! + 43_200 });
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [x, series, height, fmtX, num, xLabel]);

  const move = (k: number) => {
    const u = plot.current;
    if (!u || x.length === 0) return;
    const idx = Math.max(0, Math.min(x.length - 1, k));
    setPoint(idx);
    const first = series[0]?.values[idx] ?? 0;
    u.setCursor({ left: u.valToPos(x[idx]!, 'x'), top: u.valToPos(first ?? 0, 'y') });
  };
  const onKey = (e: KeyboardEvent) => {
    const cur = point ?? x.length - 1;
    if (e.key === 'ArrowLeft') move(point === null ? x.length - 1 : cur - 1);
    else if (e.key === 'ArrowRight') move(point === null ? 0 : cur + 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(x.length - 1);
    else return;
    e.preventDefault();
  };
  const said = point === null ? '' : `${fmtX(x[point]!)}: ${series.map((s) => `${s.label} ${num(s.values[point] ?? null)}`).join(', ')}`;
  return (
    <>
      <div ref={box} className="an-plot" role="img" tabIndex={0} aria-label={`${label} ${i.t('an.chartKeys')}`} onKeyDown={onKey} onBlur={() => setPoint(null)} />
      <p className="sr-only" aria-live="polite">{said}</p>
    </>
  );
}

/** A 60-point sparkline as SVG (decorative: the numbers beside it carry the meaning). */
export function Sparkline({ values, colour = CHART_COLOURS[0]! }: { values: number[]; colour?: string }) {
  const max = Math.max(1, ...values);
  const w = 120;
  const h = 28;
  const pts = values.map((v, k) => `${((k / Math.max(1, values.length - 1)) * w).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`).join(' ');
  return (
    <svg className="an-spark" viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true" focusable="false">
      <polyline points={pts} fill="none" stroke={colour} strokeWidth="1.5" />
    </svg>
  );
}
