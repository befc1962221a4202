/**
 * /analytics/stories/:id — one story's numbers: hour by hour for its first 72 hours and day by day,
 * per edition, against the median story of its section; where its readers came from and on what
 * devices. Only categories and counts exist to show (docs/analytics.md).
 */
import { useMemo } from 'react';
import { ErrorBox, Spinner, useLoad } from '../components/ui';
import { LocaleChip, localeLabel } from '../components/locale';
import { useI18n, type MessageKey } from '../i18n';
import { Link } from '../router';
import { usePageTitle } from '../title';
import { LOCALE_TAGS } from '../types';
import { analyticsApi, type StoryNumbers } from './analytics.api';
import { sourceLabel } from './AnalyticsPage';
import { CHART_COLOURS, TimeChart, dayX, type ChartSeries } from './charts';

export default function StoryAnalyticsPage({ editionId }: { editionId: number }) {
  const i = useI18n();
  const story = useLoad((signal) => analyticsApi.story(editionId, signal), [editionId]);
  const first = story.data?.editions.find((e) => e.id === editionId) ?? story.data?.editions[0];
  usePageTitle(first?.headline || i.t('an.storyTitle'), { to: '/analytics', label: i.t('an.title') });
  const charts = useMemo(() => (story.data ? chartsOf(story.data, i.t('an.allEditions'), i.t('an.sectionMedian'), (l) => localeLabel(l, i)) : null), [story.data, i]);
  if (story.error) return <div className="page"><ErrorBox error={story.error} onRetry={story.reload} /></div>;
  if (!story.data || !charts) return <Spinner />;
  const s = story.data;
  const sum = (xs: { views: number }[]) => xs.reduce((n, x) => n + x.views, 0) || 1;
  const srcTotal = sum(s.sources);
  const devTotal = sum(s.devices);
  return (
    <div className="page an-page">
      <header className="page-head">
        <h1 lang={first ? LOCALE_TAGS[first.locale] : undefined}>{first?.headline || i.t('stories.untitled')}</h1>
        <Link to={`/stories/${editionId}`} className="btn">{i.t('an.openEditor')}</Link>
      </header>
      <div className="an-cards">
        <section className="card an-card">
          <h2 className="an-card-title">{i.t('an.totalViews')}</h2>
          <p className="an-big" data-total>{i.number(s.total)}</p>
          {s.publishedAt && <p className="muted">{i.t('an.publishedAt', { time: i.dateTime(s.publishedAt) })}</p>}
        </section>
        {s.editions.map((e) => (
          <section key={e.id} className="card an-card">
            <h2 className="an-card-title"><LocaleChip locale={e.locale} /> {localeLabel(e.locale, i)}</h2>
            <p className="an-big">{i.number(e.views)}</p>
            <p className="muted cell-wrap" lang={LOCALE_TAGS[e.locale]}>{e.headline}</p>
          </section>
        ))}
      </div>
      <div className="card">
        {charts.hourly.x.length ? <TimeChart id="story-hours" title={i.t('an.first72')} x={charts.hourly.x} series={charts.hourly.series} kind="hour" /> : <p className="muted">{i.t('an.notPublished')}</p>}
      </div>
      {charts.daily.x.length > 0 && <div className="card"><TimeChart id="story-days" title={i.t('an.byDay')} x={charts.daily.x} series={charts.daily.series} kind="day" /></div>}
      <div className="an-split">
        <section className="card">
          <h2>{i.t('an.sources')}</h2>
          <Shares rows={s.sources.filter((r) => r.views > 0).map((r) => ({ key: r.source, label: sourceLabel(i, r.source), views: r.views }))} total={srcTotal} caption={i.t('an.sources')} />
          {s.hosts.length > 0 && (
            <>
              <h3 className="an-sub-title">{i.t('an.hosts')}</h3>
              <table className="table an-hosts">
                <thead><tr><th scope="col">{i.t('an.host')}</th><th scope="col">{i.t('an.category')}</th><th scope="col" className="num">{i.t('an.views')}</th></tr></thead>
                <tbody>
                  {s.hosts.map((h) => (
                    <tr key={`${h.source}:${h.host}`}><td>{h.host}</td><td>{sourceLabel(i, h.source)}</td><td className="num">{i.number(h.views)}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
        <section className="card">
          <h2>{i.t('an.devices')}</h2>
          <Shares rows={s.devices.filter((r) => r.views > 0).map((r) => ({ key: r.device, label: i.t(`an.device.${r.device}` as MessageKey), views: r.views }))} total={devTotal} caption={i.t('an.devices')} />
        </section>
      </div>
    </div>
  );
}

/** A table with a bar per row: the number and share are text, the bar only repeats them. */
function Shares({ rows, total, caption }: { rows: { key: string; label: string; views: number }[]; total: number; caption: string }) {
  const i = useI18n();
  if (rows.length === 0) return <p className="muted">{i.t('an.noData')}</p>;
  const pct = new Intl.NumberFormat(i.tag, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <table className="table an-shares">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="an-bar-cell" aria-hidden="true"><span className="an-bar" style={{ width: `${(r.views / total) * 100}%` }} /></td>
            <td className="num">{i.number(r.views)}</td>
            <td className="num muted">{pct.format(r.views / total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function chartsOf(s: StoryNumbers, allLabel: string, medianLabel: string, localeName: (l: string) => string) {
  const editions = (series: Record<string, number[]>): ChartSeries[] =>
    s.editions.length > 1 ? s.editions.map((e, k) => ({ label: localeName(e.locale), values: series[e.id] ?? [], colour: CHART_COLOURS[k + 1]! })) : [];
  return {
    hourly: {
      x: s.hourly.hours.map((h) => Date.parse(h) / 1000),
      series: [
        { label: allLabel, values: s.hourly.total, colour: CHART_COLOURS[0]! },
        ...editions(s.hourly.series),
        { label: medianLabel, values: s.hourly.sectionMedian, colour: CHART_COLOURS[5]!, dashed: true },
      ],
    },
    daily: {
      x: s.daily.days.map((d) => dayX(d)),
      series: [
        { label: allLabel, values: s.daily.total, colour: CHART_COLOURS[0]! },
        ...editions(s.daily.series),
        { label: medianLabel, values: s.daily.sectionMedian, colour: CHART_COLOURS[5]!, dashed: true },
      ],
    },
  };
}
