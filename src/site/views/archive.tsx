/** The date archive's calendar and day-to-day links, shown in the list header of a day's page. */
import type { Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import type { ArchiveCalendar } from '../archive.js';
import { urls } from '../urls.js';

export function ArchiveNav({ locale, day, c }: { locale: Locale; day: string; c: ArchiveCalendar }) {
  const t = messages(locale);
  const step = (to: string | null, label: string, rel: 'prev' | 'next', arrow: string) =>
    to ? <a className="step" rel={rel} href={urls.archive(locale, to)}>{rel === 'prev' ? `${arrow} ${label}` : `${label} ${arrow}`}</a> : <span className="step disabled" aria-disabled="true">{rel === 'prev' ? `${arrow} ${label}` : `${label} ${arrow}`}</span>;
  return (
    <div className="archive-nav">
      <nav className="archive-days" aria-label={t.archive}>
        {step(c.prevDay, t['archive.prevDay'], 'prev', '←')}
        {step(c.nextDay, t['archive.nextDay'], 'next', '→')}
      </nav>
      <div className="calendar-head">
        {c.prevMonth ? <a href={urls.archive(locale, c.prevMonth)} aria-label={t['archive.prevMonth']}>‹</a> : <span aria-hidden="true">‹</span>}
        <span>{c.caption}</span>
        {c.nextMonth ? <a href={urls.archive(locale, c.nextMonth)} aria-label={t['archive.nextMonth']}>›</a> : <span aria-hidden="true">›</span>}
      </div>
      <table className="calendar" aria-label={t['archive.calendar']}>
        <caption className="visually-hidden">{c.caption}</caption>
        <thead>
          <tr>{c.weekdays.map((w) => <th key={w} scope="col">{w}</th>)}</tr>
        </thead>
        <tbody>
          {c.weeks.map((week, i) => (
            <tr key={i}>
              {week.map((cell, j) => (
                <td key={j}>
                  {cell === null ? null : cell.key === day ? (
                    <span className="today" aria-current="date">{cell.day}</span>
                  ) : cell.hasStories ? (
                    <a href={urls.archive(locale, cell.key)}>{cell.day}</a>
                  ) : (
                    <span className="empty-day">{cell.day}</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
