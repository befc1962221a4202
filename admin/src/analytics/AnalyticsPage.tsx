/**
 * /analytics: the live desk view (polled every POLL_MS while the tab is visible — the server
 * answers from a snapshot shared by every editor, at most 5 s old) and the reports (top stories,
 * totals over time, CSV export). Authors and contributors see their own stories' numbers only:
 * the server decides, the page shows what it gets.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ErrorBox, Spinner, useLoad } from '../components/ui';
import { LocaleChip, localeLabel } from '../components/locale';
import { useAuthors, useSections } from '../data';
import { useI18n, type I18n, type MessageKey } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { usePageTitle } from '../title';
import { LOCALES, LOCALE_TAGS } from '../types';
import { analyticsApi, type LiveSnapshot, type LiveWindow, type Trend } from './analytics.api';
import { CHART_COLOURS, Sparkline, TimeChart, dayX, type ChartSeries } from './charts';

const POLL_MS = 10_000;

export function AnalyticsPage() {
  const i = useI18n();
  usePageTitle(i.t('an.title'));
  const loc = useLocation();
  const tab = loc.search.get('tab') === 'reports' ? 'reports' : 'live';
  return (
    <div className="page an-page">
      <header className="page-head">
        <h1>{i.t('an.title')}</h1>
        <div className="seg" role="tablist" aria-label={i.t('an.title')}>
          {(['live', 'reports'] as const).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} className={`seg-btn${tab === t ? ' active' : ''}`} onClick={() => navigate(t === 'live' ? '/analytics' : '/analytics?tab=reports')}>
              {i.t(t === 'live' ? 'an.live' : 'an.reports')}
            </button>
          ))}
        </div>
      </header>
      {tab === 'live' ? <LiveView /> : <Reports />}
    </div>
  );
}

/** Polls while the page is visible; a hidden tab asks nothing. */
function useLive() {
  const [data, setData] = useState<LiveSnapshot | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let ac: AbortController | null = null;
    let stopped = false;
    const run = async () => {
      if (stopped || document.visibilityState === 'hidden') return;
      ac = new AbortController();
      try {
        setData(await analyticsApi.live(ac.signal));
        setError(null);
      } catch (e) {
        if (!ac.signal.aborted) setError(e);
      }
      if (!stopped) timer = setTimeout(run, POLL_MS);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible' && !stopped) {
        if (timer) clearTimeout(timer);
        void run();
      }
    };
    void run();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      ac?.abort();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return { data, error };
}

function LiveView() {
  const i = useI18n();
  const { data, error } = useLive();
  const spark = useMemo(() => {
    if (!data) return null;
    const from = Date.parse(data.sparkline.from) / 1000;
    const x = data.sparkline.site.map((_, k) => from + (k * data.sparkline.stepMs) / 1000);
    const series: ChartSeries[] = [
      { label: i.t('an.site'), values: data.sparkline.site, colour: CHART_COLOURS[0]! },
      ...LOCALES.filter((l) => (data.windows.h1.locales[l] ?? 0) > 0).map((l, k) => ({ label: localeLabel(l, i), values: data.sparkline.locales[l] ?? [], colour: CHART_COLOURS[k + 1]! })),
    ];
    return { x, series };
  }, [data, i]);
  if (error && !data) return <ErrorBox error={error} />;
  if (!data) return <Spinner />;
  const windows: [MessageKey, LiveWindow][] = [['an.m5', data.windows.m5], ['an.h1', data.windows.h1], ['an.d1', data.windows.d1]];
  return (
    <>
      <p className="muted an-updated">
        {i.t('an.updated', { time: i.time(data.generatedAt) })} · {i.t('an.pollNote')}
      </p>
      <ErrorBox error={error} />
      <div className="an-cards">
        {windows.map(([label, w], k) => (
          <section key={label} className="card an-card" aria-label={i.t(label)}>
            <h2 className="an-card-title">{i.t(label)}</h2>
            <p className="an-big" data-window={label}>{i.number(w.site)}</p>
            {k === 1 && <Sparkline values={data.sparkline.site} />}
            <dl className="an-locales">
              {LOCALES.map((l) => (
                <div key={l}>
                  <dt><LocaleChip locale={l} /></dt>
                  <dd>{i.number(w.locales[l] ?? 0)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      {spark && <div className="card"><TimeChart id="live-minutes" title={i.t('an.lastHourChart')} x={spark.x} series={spark.series} kind="minute" height={180} /></div>}
      <section className="card">
        <h2>{i.t('an.readNow')}</h2>
        {data.stories.length === 0 ? (
          <p className="muted">{i.t('an.nothingRead')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table an-live-table">
              <thead>
                <tr>
                  <th scope="col" className="num">#</th>
                  <th scope="col">{i.t('an.story')}</th>
                  <th scope="col" className="num">{i.t('an.lastHour')}</th>
                  <th scope="col" className="num">{i.t('an.prevHour')}</th>
                  <th scope="col" className="num">{i.t('an.usual')}</th>
                  <th scope="col">{i.t('an.trend')}</th>
                </tr>
              </thead>
              <tbody>
                {data.stories.map((s, k) => (
                  <tr key={s.editionId} data-edition={s.editionId}>
                    <td className="num">{k + 1}</td>
                    <td className="cell-wrap">
                      <LocaleChip locale={s.locale} />{' '}
                      <Link to={`/analytics/stories/${s.editionId}`} lang={LOCALE_TAGS[s.locale]}>{s.headline || i.t('stories.untitled')}</Link>
                      {s.publishedAt && <span className="muted an-sub"> · {i.dayTime(s.publishedAt)}</span>}
                    </td>
                    <td className="num" data-label={i.t('an.lastHour')}><strong>{i.number(s.lastHour)}</strong></td>
                    <td className="num" data-label={i.t('an.prevHour')}>{i.number(s.prevHour)}</td>
                    <td className="num" data-label={i.t('an.usual')}>{s.typical === null ? '–' : i.number(Math.round(s.typical))}</td>
                    <td data-label={i.t('an.trend')}><TrendBadge trend={s.trend} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function TrendBadge({ trend }: { trend: Trend }) {
  const i = useI18n();
  const mark = trend === 'hot' ? '▲' : trend === 'cooling' ? '▼' : '●';
  return (
    <span className={`an-trend an-trend-${trend}`}>
      <span aria-hidden="true">{mark}</span> {i.t(`an.trend.${trend}` as MessageKey)}
    </span>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

function Reports() {
  const i = useI18n();
  const sections = useSections();
  const authors = useAuthors();
  const [kind, setKind] = useState<'top' | 'totals'>('top');
  const [period, setPeriod] = useState<'day' | 'week' | 'month'>('day');
  const [date, setDate] = useState(today);
  const [from, setFrom] = useState(() => daysAgo(29));
  const [to, setTo] = useState(today);
  const [by, setBy] = useState<'section' | 'author' | 'locale'>('section');
  const [locale, setLocale] = useState('');
  const [section, setSection] = useState('');
  const [author, setAuthor] = useState('');
  const filters = { locale, section, author };
  const topQ = { period, date, ...filters, limit: 50 };
  const totalsQ = { by, from, to, ...filters, lang: i.lang === 'uz-Cyrl' ? 'uz-Cyrl' : i.lang };
  const top = useLoad((signal) => (kind === 'top' ? analyticsApi.top(topQ, signal) : Promise.resolve(null)), [kind, period, date, locale, section, author]);
  const totals = useLoad((signal) => (kind === 'totals' ? analyticsApi.totals(totalsQ, signal) : Promise.resolve(null)), [kind, by, from, to, locale, section, author]);
  const nameOf = (names: Record<string, string>, key: string) => (by === 'locale' ? localeLabel(key, i) : key === '' ? i.t('an.noSection') : names[i.lang] ?? names.ru ?? Object.values(names)[0] ?? `#${key}`);
  const chart = useMemo(() => {
    const t = totals.data;
    if (!t) return null;
    const x = t.days.map((d) => dayX(d));
    const series: ChartSeries[] = t.groups.slice(0, 6).map((g, k) => ({ label: nameOf(g.names, g.key), values: g.series, colour: CHART_COLOURS[k]! }));
    return { x, series };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [totals.data, i]);
  const names = (list: { id: number; names: Partial<Record<string, string>> }[]) => list.map((s) => ({ id: s.id, name: s.names[i.lang] ?? s.names.ru ?? Object.values(s.names)[0] ?? `#${s.id}` }));
  return (
    <>
      <form className="card an-filters" onSubmit={(e) => e.preventDefault()} aria-label={i.t('an.filters')}>
        <FilterField label={i.t('an.report')}>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as 'top' | 'totals')}>
            <option value="top">{i.t('an.report.top')}</option>
            <option value="totals">{i.t('an.report.totals')}</option>
          </select>
        </FilterField>
        {kind === 'top' ? (
          <>
            <FilterField label={i.t('an.period')}>
              <select className="input" value={period} onChange={(e) => setPeriod(e.target.value as 'day' | 'week' | 'month')}>
                {(['day', 'week', 'month'] as const).map((p) => <option key={p} value={p}>{i.t(`an.period.${p}` as MessageKey)}</option>)}
              </select>
            </FilterField>
            <DateFilter label={i.t('an.date')} value={date} onChange={setDate} />
          </>
        ) : (
          <>
            <FilterField label={i.t('an.by')}>
              <select className="input" value={by} onChange={(e) => setBy(e.target.value as 'section' | 'author' | 'locale')}>
                {(['section', 'author', 'locale'] as const).map((b) => <option key={b} value={b}>{i.t(`an.by.${b}` as MessageKey)}</option>)}
              </select>
            </FilterField>
            <DateFilter label={i.t('an.from')} value={from} onChange={setFrom} />
            <DateFilter label={i.t('an.to')} value={to} onChange={setTo} />
          </>
        )}
        <AllOrOneFilter label={i.t('an.language')} value={locale} onChange={setLocale} options={LOCALES.map((l) => ({ id: l, name: localeLabel(l, i) }))} />
        <AllOrOneFilter label={i.t('an.section')} value={section} onChange={setSection} options={names(sections)} />
        <AllOrOneFilter label={i.t('an.author')} value={author} onChange={setAuthor} options={names(authors)} />
        <a className="btn an-csv" href={kind === 'top' ? analyticsApi.csvUrl('top', topQ) : analyticsApi.csvUrl('totals', totalsQ)} download>
          {i.t('an.csv')}
        </a>
      </form>
      {kind === 'top' ? (
        <section className="card">
          <ErrorBox error={top.error} onRetry={top.reload} />
          {top.loading && !top.data ? <Spinner /> : top.data && (
            <>
              <h2>{i.t('an.topTitle', { from: i.date(`${top.data.fromDay}T12:00:00Z`), to: i.date(`${top.data.toDay}T12:00:00Z`) })}</h2>
              {top.data.rows.length === 0 ? <p className="muted">{i.t('an.noData')}</p> : (
                <div className="table-wrap">
                  <table className="table an-top-table">
                    <thead>
                      <tr>
                        <th scope="col" className="num">#</th>
                        <th scope="col">{i.t('an.story')}</th>
                        <th scope="col">{i.t('an.published')}</th>
                        <th scope="col" className="num">{i.t('an.views')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {top.data.rows.map((r) => (
                        <tr key={r.editionId} data-edition={r.editionId}>
                          <td className="num">{r.rank}</td>
                          <td className="cell-wrap"><LocaleChip locale={r.locale} /> <Link to={`/analytics/stories/${r.editionId}`} lang={LOCALE_TAGS[r.locale]}>{r.headline || i.t('stories.untitled')}</Link></td>
                          <td className="nowrap" data-label={i.t('an.published')}>{r.publishedAt ? i.dateTime(r.publishedAt) : '–'}</td>
                          <td className="num" data-label={i.t('an.views')}>{i.number(r.views)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </section>
      ) : (
        <section className="card">
          <ErrorBox error={totals.error} onRetry={totals.reload} />
          {totals.loading && !totals.data ? <Spinner /> : totals.data && (
            totals.data.groups.length === 0 ? <p className="muted">{i.t('an.noData')}</p> : (
              <>
                {chart && <TimeChart id="totals" title={i.t(`an.totalsTitle.${totals.data.by}` as MessageKey)} x={chart.x} series={chart.series} kind="day" />}
                <div className="table-wrap">
                  <table className="table an-totals-table">
                    <thead>
                      <tr>
                        <th scope="col">{i.t(`an.by.${totals.data.by}` as MessageKey)}</th>
                        <th scope="col" className="num">{i.t('an.views')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {totals.data.groups.map((g) => (
                        <tr key={g.key}>
                          <td>{nameOf(g.names, g.key)}</td>
                          <td className="num">{i.number(g.total)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )
          )}
        </section>
      )}
    </>
  );
}

/** One control of the reports form, its label above it. */
function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="an-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A day of the reports form; clearing the field keeps the day it had. */
function DateFilter({ label, value, onChange }: { label: string; value: string; onChange(day: string): void }) {
  return (
    <FilterField label={label}>
      <input className="input" type="date" value={value} required onChange={(e) => e.target.value && onChange(e.target.value)} />
    </FilterField>
  );
}

/** A filter of the reports form that is «All» until one of `options` is picked. */
function AllOrOneFilter({ label, value, onChange, options }: { label: string; value: string; onChange(id: string): void; options: { id: string | number; name: string }[] }) {
  const i = useI18n();
  return (
    <FilterField label={label}>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{i.t('common.all')}</option>
        {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
    </FilterField>
  );
}

export function sourceLabel(i: I18n, source: string): string {
  return i.t(`an.source.${source}` as MessageKey);
}
