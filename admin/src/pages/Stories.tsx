/**
 * The story list, one row per story: filters in the URL, search, sort, keyset pages ("next"),
 * presence, editions as chips and expandable per edition, selection for bulk actions, the review
 * queue as a one-click filter, "New story".
 */
import { Fragment, useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import { Dialog, ErrorBox, Field, Icon, Spinner, StatusBadge, namesList, useFormErrors, useLoad, FormFooter } from '../components/ui';
import { ListPageHead } from '../components/list-table';
import { useAuthors, useSections } from '../data';
import { useI18n, type MessageKey } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { usePageTitle } from '../title';
import { EditionChips, LocaleChip, editionSlots, localeLabel } from '../components/locale';
import { LOCALES, LOCALE_TAGS, STATUSES, pickName, type Edition, type Locale } from '../types';
import { rowEdition, type StoryPage, type StoryRow } from '../desk';
import { BulkBar } from './StoriesBulk';

const FILTER_KEYS = ['status', 'section', 'author', 'locale', 'from', 'to', 'q', 'sort', 'dir', 'after'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export function StoriesPage() {
  const i = useI18n();
  usePageTitle(i.t('stories.title'));
  const loc = useLocation();
  const sections = useSections();
  const authors = useAuthors();
  const f = useMemo(() => {
    const o = {} as Record<FilterKey, string>;
    for (const k of FILTER_KEYS) o[k] = loc.search.get(k) ?? '';
    return o;
  }, [loc.search]);
  const [q, setQ] = useState(f.q);
  const [creating, setCreating] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(() => setQ(f.q), [f.q]);

  const setFilter = (patch: Partial<Record<FilterKey, string>>, replace = false) => {
    const next = { ...f, ...patch };
    if (!('after' in patch)) next.after = '';
    const sp = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) sp.set(k, next[k]);
    const s = sp.toString();
    navigate('/stories' + (s ? `?${s}` : ''), { replace });
  };

  // Search as you type, a moment after the last key.
  useEffect(() => {
    if (q === f.q) return;
    const t = window.setTimeout(() => setFilter({ q }, true), 350);
    return () => window.clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const query = { ...f, after: f.after || undefined };
  const list = useLoad((signal) => api.get<StoryPage>('/stories', query, signal), [loc.search.toString()]);
  // Refresh quietly now and then so "editing now" and statuses stay current.
  useEffect(() => {
    // Aborted with the effect: a refresh still on its way when the filter changes must not put
    // the old filter's rows back.
    const ac = new AbortController();
    const t = window.setInterval(() => {
      if (document.visibilityState === 'visible') api.get<StoryPage>('/stories', query, ac.signal).then(list.setData, () => undefined);
    }, 20_000);
    return () => {
      window.clearInterval(t);
      ac.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loc.search.toString()]);
  // Keyset pages go forward only; the cursors walked through are kept to go back.
  const [trail, setTrail] = useState<string[]>([]);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [selected, setSelected] = useState<Map<number, StoryRow>>(new Map());
  const rows = useMemo(() => list.data?.items ?? [], [list.data]);
  const toggleOpen = (id: number) => setOpen((o) => { const n = new Set(o); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const toggleSel = (r: StoryRow) => setSelected((m) => { const n = new Map(m); if (n.has(r.storyId)) n.delete(r.storyId); else n.set(r.storyId, r); return n; });
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.storyId));
  const toggleAll = () => setSelected((m) => { const n = new Map(m); for (const r of rows) if (allOnPage) n.delete(r.storyId); else n.set(r.storyId, r); return n; });

  // Every row gives the same languages the same place, so the chips line up down the column.
  const slots = useMemo(() => editionSlots(rows.map((s) => s.editions)), [rows]);

  const activeFilters = (['status', 'section', 'author', 'locale', 'from', 'to'] as const).filter((k) => f[k]).length;
  const anyFilter = FILTER_KEYS.some((k) => k !== 'after' && k !== 'sort' && k !== 'dir' && f[k]);
  const sort = f.sort || 'updated';
  const dir = f.dir || (sort === 'headline' ? 'asc' : 'desc');
  const sortBy = (col: 'updated' | 'published' | 'headline') => {
    if (sort === col) setFilter({ sort: col, dir: dir === 'asc' ? 'desc' : 'asc' });
    else setFilter({ sort: col, dir: col === 'headline' ? 'asc' : 'desc' });
  };
  const sortMark = (col: string) => (sort === col ? (dir === 'asc' ? '\u00a0↑' : '\u00a0↓') : '');
  const ariaSort = (col: string) => (sort === col ? (dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const reviewOnly = f.status === 'review';

  return (
    <div className="page">
      <ListPageHead title={i.t('stories.title')} newLabel={i.t('stories.new')} onNew={() => setCreating(true)}>
        <button type="button" className={`btn btn-small review-filter${reviewOnly ? ' active' : ''}`} aria-pressed={reviewOnly} onClick={() => setFilter({ status: reviewOnly ? '' : 'review' })}>
          {i.t('desk.waitingForReview')}
        </button>
      </ListPageHead>

      <form
        className={`filters${filtersOpen ? ' open' : ''}`}
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ q });
        }}
      >
        <div className="filters-top">
        <label className="filter filter-search">
          <span className="sr-only">{i.t('stories.search')}</span>
          <Icon name="search" size={16} />
          <input className="input" type="search" placeholder={i.t('stories.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label className="filter filter-sort">
          <span className="sr-only">{i.t('stories.sort')}</span>
          <select className="input" value={`${sort}:${dir}`} onChange={(e) => {
            const [s, d] = e.target.value.split(':');
            setFilter({ sort: s, dir: d });
          }}>
            <option value="updated:desc">{i.t('stories.sortUpdatedDesc')}</option>
            <option value="updated:asc">{i.t('stories.sortUpdatedAsc')}</option>
            <option value="published:desc">{i.t('stories.sortPublishedDesc')}</option>
            <option value="published:asc">{i.t('stories.sortPublishedAsc')}</option>
            <option value="headline:asc">{i.t('stories.sortHeadlineAsc')}</option>
            <option value="headline:desc">{i.t('stories.sortHeadlineDesc')}</option>
          </select>
        </label>
        <button type="button" className="btn btn-small filters-toggle" aria-expanded={filtersOpen} onClick={() => setFiltersOpen((v) => !v)}>
          {i.t('stories.filters')}
          {activeFilters > 0 ? ` (${activeFilters})` : ''}
        </button>
        {anyFilter && (
          <button type="button" className="btn btn-ghost btn-small filter-clear" onClick={() => navigate('/stories')}>
            {i.t('stories.clearFilters')}
          </button>
        )}
        </div>
        <div className="filters-row">
        <label className="filter">
          <span className="filter-label">{i.t('stories.status')}</span>
          <select className="input" value={f.status} onChange={(e) => setFilter({ status: e.target.value })}>
            <option value="">{i.t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {i.t(`status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter-label">{i.t('stories.section')}</span>
          <select className="input" value={f.section} onChange={(e) => setFilter({ section: e.target.value })}>
            <option value="">{i.t('common.all')}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {pickName(s.names, i.lang, s.slug)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter-label">{i.t('stories.author')}</span>
          <select className="input" value={f.author} onChange={(e) => setFilter({ author: e.target.value })}>
            <option value="">{i.t('common.all')}</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {pickName(a.names, i.lang, a.slug)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter-label">{i.t('stories.locale')}</span>
          <select className="input" value={f.locale} onChange={(e) => setFilter({ locale: e.target.value })}>
            <option value="">{i.t('common.all')}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {localeLabel(l, i)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter-label">{i.t('stories.from')}</span>
          <input className="input" type="date" value={f.from} max={f.to || undefined} onChange={(e) => setFilter({ from: e.target.value })} />
        </label>
        <label className="filter">
          <span className="filter-label">{i.t('stories.to')}</span>
          <input className="input" type="date" value={f.to} min={f.from || undefined} onChange={(e) => setFilter({ to: e.target.value })} />
        </label>

        </div>
      </form>

      <ErrorBox error={list.error} onRetry={list.reload} />
      <BulkBar selected={[...selected.values()]} onClear={() => setSelected(new Map())} onDone={list.reload} />
      {list.loading && !list.data ? (
        <Spinner />
      ) : list.data && rows.length === 0 ? (
        <div className="empty">
          <p>{anyFilter ? i.t('stories.emptyFiltered') : i.t('stories.empty')}</p>
          {!anyFilter && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              {i.t('stories.new')}
            </button>
          )}
        </div>
      ) : list.data ? (
        <>
          <div className={`table-wrap${list.loading ? ' is-loading' : ''}`}>
            <table className="table stories-table desk-table">
              <thead>
                <tr>
                  <th className="col-select">
                    <input type="checkbox" checked={allOnPage} onChange={toggleAll} aria-label={i.t('desk.selectPage')} />
                  </th>
                  <th aria-sort={ariaSort('headline')}>
                    <button type="button" className="th-sort" onClick={() => sortBy('headline')}>
                      {i.t('stories.headline')}
                      {sortMark('headline')}
                    </button>
                  </th>
                  <th className="col-editions">{i.t('stories.editions')}</th>
                  <th>{i.t('stories.section')}</th>
                  <th>{i.t('stories.authors')}</th>
                  <th aria-sort={ariaSort('updated')}>
                    <button type="button" className="th-sort" onClick={() => sortBy('updated')}>
                      {i.t('stories.updated')}
                      {sortMark('updated')}
                    </button>
                  </th>
                  <th aria-sort={ariaSort('published')} className="col-published">
                    <button type="button" className="th-sort" onClick={() => sortBy('published')}>
                      {i.t('stories.published')}
                      {sortMark('published')}
                    </button>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const shown = rowEdition(r, i.lang);
                  const isOpen = open.has(r.storyId);
                  const sectionName = r.section ? (r.section.names[i.lang as Locale] ?? r.section.name) : null;
                  return (
                    <Fragment key={r.storyId}>
                      <tr data-story={r.storyId} data-edition={shown.editionId} data-locale={shown.locale} className={`story-row${selected.has(r.storyId) ? ' is-selected' : ''}${isOpen ? ' is-open' : ''}`}>
                        <td className="col-select">
                          <input type="checkbox" checked={selected.has(r.storyId)} onChange={() => toggleSel(r)} aria-label={i.t('desk.selectStory', { headline: shown.headline || i.t('stories.untitled') })} />
                        </td>
                        <td className="col-headline">
                          <div className="row-head">
                            <button type="button" className="icon-btn row-toggle" aria-expanded={isOpen} aria-controls={`eds-${r.storyId}`} onClick={() => toggleOpen(r.storyId)} title={i.t(isOpen ? 'desk.collapse' : 'desk.expand')}>
                              <Icon name="chevronDown" size={16} />
                              <span className="sr-only">{i.t(isOpen ? 'desk.collapse' : 'desk.expand')}</span>
                            </button>
                            <div>
                              <Link to={`/stories/${shown.editionId}`} className="story-link" lang={LOCALE_TAGS[shown.locale] ?? shown.locale}>
                                {shown.headline || <span className="muted">{i.t('stories.untitled')}</span>}
                              </Link>
                              <div className="row-meta">
                                <LocaleChip locale={shown.locale} />
                                <StatusBadge status={shown.status} embargoUntil={shown.embargoUntil} />
                                {r.editionId !== shown.editionId && (f.status || f.locale) && (() => {
                                  const m = r.editions.find((e) => e.editionId === r.editionId);
                                  return m ? <span className="row-match"><LocaleChip locale={m.locale} /> <StatusBadge status={m.status} /></span> : null;
                                })()}
                                {shown.status === 'scheduled' && shown.scheduledAt && <span className="row-when scheduled-at">{i.t('desk.scheduledShort', { time: shortWhen(shown.scheduledAt, i) })}</span>}
                                {shown.unpublishAt && (shown.status === 'published' || shown.status === 'scheduled') && <span className="row-when expires-at">{i.t('desk.expiresShort', { time: shortWhen(shown.unpublishAt, i) })}</span>}
                                {r.editingNow.length > 0 && (
                                  <span className="presence" title={r.editingNow.map((p) => p.name).join(', ')}>
                                    <span className="presence-dot" aria-hidden="true" />
                                    {i.t('stories.editingNow', { names: namesList(r.editingNow.map((p) => p.name)) })}
                                  </span>
                                )}
                              </div>
                            </div>
                          </div>
                        </td>
                        <td data-label={i.t('stories.editions')} className="col-editions">
                          <EditionChips editions={r.editions} current={shown.editionId} slots={slots} />
                        </td>
                        <td data-label={i.t('stories.section')} className="col-nowrap">{sectionName ?? <span className="muted">—</span>}</td>
                        <td data-label={i.t('stories.authors')} className="col-nowrap">
                          {r.authors.length ? <span title={r.authors.map((a) => a.name).join(', ')}>{namesList(r.authors.map((a) => a.name), 1)}</span> : <span className="muted">{r.createdBy?.name ?? '—'}</span>}
                        </td>
                        <td data-label={i.t('stories.updated')} className="nowrap">
                          <time dateTime={r.updatedAt} title={i.dateTime(r.updatedAt)}>
                            {shortWhen(r.updatedAt, i)}
                          </time>
                        </td>
                        <td data-label={i.t('stories.published')} className="nowrap col-published">
                          {shown.publishedAt && shown.status !== 'scheduled' ? <time dateTime={shown.publishedAt} title={i.dateTime(shown.publishedAt)}>{shortWhen(shown.publishedAt, i)}</time> : <span className="muted">—</span>}
                        </td>
                      </tr>
                      {isOpen && (
                        <tr className="editions-row" id={`eds-${r.storyId}`}>
                          <td />
                          <td colSpan={6}>
                            <ul className="edition-list">
                              {r.editions.map((e) => (
                                <li key={e.editionId} data-edition={e.editionId}>
                                  <LocaleChip locale={e.locale} />
                                  <Link to={`/stories/${e.editionId}`} className="story-link" lang={LOCALE_TAGS[e.locale] ?? e.locale}>
                                    {e.headline || <span className="muted">{i.t('stories.untitled')}</span>}
                                  </Link>
                                  <StatusBadge status={e.status} embargoUntil={e.embargoUntil} />
                                  <span className="muted nowrap">{editionWhen(e, i)}</span>
                                  <span className="muted nowrap">{e.createdBy?.name ?? '—'}</span>
                                </li>
                              ))}
                            </ul>
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="pagination" aria-label={i.t('common.pagination')}>
            <span className="pagination-controls">
              <button type="button" className="btn btn-small" disabled={!f.after} onClick={() => {
                const prev = trail.slice(0, -1);
                setTrail(prev);
                setFilter({ after: prev.at(-1) ?? '' });
              }}>
                ← {i.t('common.prev')}
              </button>
              <button type="button" className="btn btn-small" disabled={!list.data.next} onClick={() => {
                setTrail([...trail, list.data!.next!]);
                setFilter({ after: list.data!.next! });
              }}>
                {i.t('common.next')} →
              </button>
            </span>
          </nav>
        </>
      ) : null}
      <NewStoryDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

/** What an edition's time says in the expanded row: scheduled, published (and expiry) or updated. */
function editionWhen(e: StoryRow['editions'][number], i: ReturnType<typeof useI18n>): string {
  const parts: string[] = [];
  if (e.status === 'scheduled' && e.scheduledAt) parts.push(i.t('desk.scheduledShort', { time: i.dateTime(e.scheduledAt) }));
  else if (e.status === 'published' && e.publishedAt) parts.push(i.dateTime(e.publishedAt));
  else parts.push(i.t('desk.updatedAt', { time: i.dateTime(e.updatedAt) }));
  if (e.embargoUntil && Date.parse(e.embargoUntil) > Date.now()) parts.push(i.t('desk.embargoShort', { time: i.dateTime(e.embargoUntil) }));
  if (e.unpublishAt && (e.status === 'published' || e.status === 'scheduled')) parts.push(i.t('desk.expiresShort', { time: i.dateTime(e.unpublishAt) }));
  return parts.join(' · ');
}

/** Today: "14:02"; this year: "26 Nov, 14:02"; otherwise the date. */
export function shortWhen(iso: string, i: ReturnType<typeof useI18n>): string {
  const d = new Date(iso);
  const now = new Date();
  if (d.toDateString() === now.toDateString()) return i.time(d);
  if (d.getFullYear() === now.getFullYear())
    return i.dayTime(d);
  return i.date(iso);
}

const LAST_LOCALE = 'xabar.admin.newLocale';

function NewStoryDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const i = useI18n();
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem(LAST_LOCALE) as Locale | null) ?? i.lang);
  const [headline, setHeadline] = useState('');
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  useEffect(() => {
    if (open) {
      setHeadline('');
      errs.clear();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const ed = await api.post<Edition>('/stories', { locale, headline: headline.trim() || undefined });
      try {
        localStorage.setItem(LAST_LOCALE, locale);
      } catch {
        /* ignore */
      }
      onClose();
      navigate(`/stories/${ed.id}`);
    } catch (err) {
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={i.t('stories.new')}
      footer={<FormFooter form="new-story" submitLabel={i.t('stories.create')} onCancel={onClose} disabled={busy} />}
    >
      <form id="new-story" onSubmit={submit}>
        <Field label={i.t('stories.newLocale')} error={errs.of('locale')}>
          <div className="seg seg-wrap">
            {LOCALES.map((l) => (
              <label key={l} className={`seg-btn${locale === l ? ' active' : ''}`}>
                <input type="radio" name="locale" value={l} checked={locale === l} onChange={() => setLocale(l)} className="sr-only" />
                {localeLabel(l, i)}
              </label>
            ))}
          </div>
        </Field>
        <Field label={i.t('editor.headline')} error={errs.of('headline')} hint={i.t('common.optional')}>
          <input className="input" value={headline} onChange={(e) => setHeadline(e.target.value)} autoFocus name="headline" />
        </Field>
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}
