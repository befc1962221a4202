/**
 * Planning: what goes out, comes out of embargo or is taken down this week — a list by day and hour
 * (every width) and a week calendar (desktop). A scheduled item or an expiry is moved by dragging
 * it to another hour, or with its "Reschedule" button (keyboard); the server applies the same
 * checks as scheduling in the editor (a future time, the right to schedule).
 */
import { useMemo, useState, type DragEvent, type FormEvent } from 'react';
import { api } from '../api';
import { Dialog, ErrorBox, Field, FormFooter, Icon, Spinner, errorText, useFormErrors, useLoad } from '../components/ui';
import { LocaleChip } from '../components/locale';
import { deskChanged } from '../desk';
import { useI18n, type I18n, type MessageKey } from '../i18n';
import { Link } from '../router';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import { LOCALE_TAGS, type Locale, type Status } from '../types';

type Kind = 'publish' | 'embargo' | 'expire';
interface PlanItem {
  kind: Kind;
  at: string;
  editionId: number;
  locale: Locale;
  headline: string;
  status: Status;
  by: string | null;
  canMove: boolean;
}

function weekStart(d: Date): Date {
  const x = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  x.setDate(x.getDate() - ((x.getDay() + 6) % 7)); // Monday
  return x;
}
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
const p2 = (n: number) => String(n).padStart(2, '0');
/** The value of a datetime-local input for an instant, in this browser's time zone. */
const localInput = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}T${p2(d.getHours())}:${p2(d.getMinutes())}`;

export function PlanningPage() {
  const i = useI18n();
  usePageTitle(i.t('plan.title'));
  const [start, setStart] = useState(() => weekStart(new Date()));
  const end = addDays(start, 7);
  const plan = useLoad((signal) => api.get<{ items: PlanItem[]; truncated: boolean }>('/planning', { from: start.toISOString(), to: end.toISOString() }, signal), [start.getTime()]);
  const [moving, setMoving] = useState<PlanItem | null>(null);
  const items = useMemo(() => plan.data?.items ?? [], [plan.data]);
  const days = Array.from({ length: 7 }, (_, n) => addDays(start, n));

  const move = async (it: PlanItem, at: Date) => {
    if (it.kind === 'publish') await api.post(`/editions/${it.editionId}/reschedule`, { at: at.toISOString() });
    else await api.put(`/editions/${it.editionId}/expiry`, { at: at.toISOString() });
    notify(i.t('plan.moved', { time: i.dateTime(at.toISOString()) }), 'success');
    deskChanged();
    plan.reload();
  };

  const onDrop = (e: DragEvent, day: Date, hour: number) => {
    e.preventDefault();
    const id = e.dataTransfer.getData('text/x-plan');
    const it = items.find((x) => `${x.kind}:${x.editionId}` === id);
    if (!it) return;
    const was = new Date(it.at);
    const at = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, was.getMinutes());
    if (at.getTime() === was.getTime()) return;
    move(it, at).catch((err) => notify(errorText(err, i), 'error'));
  };

  // The calendar's hours: the working day, widened to whatever is planned outside it.
  const hours = useMemo(() => {
    const hs = items.map((x) => new Date(x.at).getHours());
    const lo = Math.min(7, ...hs);
    const hi = Math.max(21, ...hs);
    return Array.from({ length: hi - lo + 1 }, (_, n) => lo + n);
  }, [items]);
  const byDay = useMemo(() => {
    const m = new Map<string, PlanItem[]>();
    for (const it of items) m.set(dayKey(new Date(it.at)), [...(m.get(dayKey(new Date(it.at))) ?? []), it]);
    return m;
  }, [items]);
  const today = dayKey(new Date());

  return (
    <div className="page planning-page">
      <header className="page-head">
        <h1>{i.t('plan.title')}</h1>
        <div className="plan-nav" role="group" aria-label={i.t('plan.week')}>
          <button type="button" className="btn btn-small" onClick={() => setStart(addDays(start, -7))}>← {i.t('plan.prevWeek')}</button>
          <button type="button" className="btn btn-small" onClick={() => setStart(weekStart(new Date()))}>{i.t('plan.thisWeek')}</button>
          <button type="button" className="btn btn-small" onClick={() => setStart(addDays(start, 7))}>{i.t('plan.nextWeek')} →</button>
        </div>
      </header>
      <p className="muted plan-range">
        {i.date(start.toISOString())} — {i.date(new Date(end.getTime() - 1).toISOString())}
        <span className="plan-legend">
          <span className="plan-kind plan-kind-publish">{i.t('plan.kind.publish')}</span>
          <span className="plan-kind plan-kind-embargo">{i.t('plan.kind.embargo')}</span>
          <span className="plan-kind plan-kind-expire">{i.t('plan.kind.expire')}</span>
        </span>
      </p>
      <ErrorBox error={plan.error} onRetry={plan.reload} />
      {plan.loading && !plan.data ? (
        <Spinner />
      ) : (
        <>
          <div className="week-cal" aria-hidden="true">
            <div className="week-grid" style={{ gridTemplateRows: `auto repeat(${hours.length}, minmax(2.4rem, auto))` }}>
              <div className="wc-corner" />
              {days.map((d) => (
                <div key={dayKey(d)} className={`wc-day${dayKey(d) === today ? ' is-today' : ''}`}>{weekday(d, i)}</div>
              ))}
              {hours.map((h) => [
                <div key={`h${h}`} className="wc-hour">{p2(h)}:00</div>,
                ...days.map((d) => (
                  <div key={`${dayKey(d)}-${h}`} className={`wc-cell${dayKey(d) === today ? ' is-today' : ''}`} onDragOver={(e) => e.preventDefault()} onDrop={(e) => onDrop(e, d, h)} data-day={dayKey(d)} data-hour={h}>
                    {(byDay.get(dayKey(d)) ?? []).filter((x) => new Date(x.at).getHours() === h).map((x) => (
                      <div key={`${x.kind}:${x.editionId}`} className={`wc-item plan-kind-${x.kind}${x.canMove ? ' is-movable' : ''}`} draggable={x.canMove}
                        onDragStart={(e) => e.dataTransfer.setData('text/x-plan', `${x.kind}:${x.editionId}`)} title={`${i.time(x.at)} · ${i.t(`plan.kind.${x.kind}` as MessageKey)} · ${x.headline}`} data-edition={x.editionId}>
                        <span className="wc-time">{i.time(x.at)}</span> <span lang={LOCALE_TAGS[x.locale]}>{x.headline || i.t('stories.untitled')}</span>
                      </div>
                    ))}
                  </div>
                )),
              ])}
            </div>
          </div>

          {items.length === 0 ? (
            <div className="empty"><p>{i.t('plan.empty')}</p></div>
          ) : (
            <div className="plan-list">
              {days.filter((d) => byDay.has(dayKey(d))).map((d) => {
                const list = byDay.get(dayKey(d))!;
                const hs = [...new Set(list.map((x) => new Date(x.at).getHours()))];
                return (
                  <section key={dayKey(d)} className="plan-day" aria-label={weekday(d, i, true)}>
                    <h2 className="plan-day-title">{weekday(d, i, true)}</h2>
                    {hs.map((h) => (
                      <div key={h} className="plan-hour">
                        <div className="plan-hour-label">{p2(h)}:00</div>
                        <ul className="plan-items">
                          {list.filter((x) => new Date(x.at).getHours() === h).map((x) => (
                            <li key={`${x.kind}:${x.editionId}`} className={`plan-item plan-kind-${x.kind}`} data-edition={x.editionId} data-kind={x.kind}>
                              <time className="plan-time" dateTime={x.at}>{i.time(x.at)}</time>
                              <span className={`plan-kind plan-kind-${x.kind}`}>{i.t(`plan.kind.${x.kind}` as MessageKey)}</span>
                              <LocaleChip locale={x.locale} />
                              <Link to={`/stories/${x.editionId}`} className="story-link" lang={LOCALE_TAGS[x.locale]}>{x.headline || i.t('stories.untitled')}</Link>
                              {x.by && <span className="muted plan-by">{x.by}</span>}
                              {x.canMove && (
                                <button type="button" className="btn btn-small plan-move" onClick={() => setMoving(x)}>
                                  <Icon name="history" size={14} /> {i.t('plan.reschedule')}
                                </button>
                              )}
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))}
                  </section>
                );
              })}
            </div>
          )}
        </>
      )}
      {moving && <RescheduleDialog item={moving} onClose={() => setMoving(null)} onMove={move} />}
    </div>
  );
}

function weekday(d: Date, i: I18n, long = false): string {
  try {
    return new Intl.DateTimeFormat(i.tag, long ? { weekday: 'long', day: 'numeric', month: 'long' } : { weekday: 'short', day: 'numeric' }).format(d);
  } catch {
    return i.date(d.toISOString());
  }
}

function RescheduleDialog({ item, onClose, onMove }: { item: PlanItem; onClose(): void; onMove(it: PlanItem, at: Date): Promise<void> }) {
  const i = useI18n();
  const [value, setValue] = useState(() => localInput(new Date(item.at)));
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return;
    setBusy(true);
    try {
      await onMove(item, at);
      onClose();
    } catch (err) {
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} title={i.t(item.kind === 'expire' ? 'plan.rescheduleExpiry' : 'plan.reschedule')} footer={<FormFooter form="plan-move" submitLabel={i.t('plan.move')} onCancel={onClose} disabled={busy} />}>
      <form id="plan-move" onSubmit={(e) => void submit(e)}>
        <p lang={LOCALE_TAGS[item.locale]}><strong>{item.headline}</strong></p>
        <Field label={i.t('plan.newTime')} error={errs.of('at')}>
          <input className="input" type="datetime-local" required value={value} onChange={(e) => setValue(e.target.value)} name="at" autoFocus />
        </Field>
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}

