/** The story list: filters in the URL, search, sort, pagination, presence, editions, "New story". */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import { Dialog, ErrorBox, Field, Icon, Pagination, Spinner, StatusBadge, namesList, useFormErrors, useLoad, FormFooter } from '../components/ui';
import { useAuthors, useSections } from '../data';
import { useI18n, type MessageKey } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { usePageTitle } from '../title';
import { EditionChips, LocaleChip, editionSlots, localeLabel } from '../components/locale';
import { LOCALES, LOCALE_TAGS, STATUSES, pickName, type Edition, type Locale, type Page, type StoryListItem } from '../types';

const FILTER_KEYS = ['status', 'section', 'author', 'locale', 'from', 'to', 'q', 'sort', 'dir', 'page'] as const;
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
    if (!('page' in patch)) next.page = '';
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

  const list = useLoad((signal) => api.get<Page<StoryListItem>>('/stories', { ...f, page: f.page || 1 }, signal), [loc.search.toString()]);
  // Refresh quietly now and then so "editing now" and statuses stay current.
  useEffect(() => {
    const t = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        api.get<Page<StoryListItem>>('/stories', { ...f, page: f.page || 1 }).then(list.setData, () => undefined);
      }
    }, 20_000);
    return () => window.clearInterval(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loc.search.toString()]);

  // Every row gives the same languages the same place, so the chips line up down the column.
  const slots = useMemo(() => editionSlots((list.data?.items ?? []).map((s) => s.editions ?? [])), [list.data]);

  const activeFilters = (['status', 'section', 'author', 'locale', 'from', 'to'] as const).filter((k) => f[k]).length;
  const anyFilter = FILTER_KEYS.some((k) => k !== 'page' && k !== 'sort' && k !== 'dir' && f[k]);
  const sort = f.sort || 'updated';
  const dir = f.dir || (sort === 'headline' ? 'asc' : 'desc');
  const sortBy = (col: 'updated' | 'published' | 'headline') => {
    if (sort === col) setFilter({ sort: col, dir: dir === 'asc' ? 'desc' : 'asc' });
    else setFilter({ sort: col, dir: col === 'headline' ? 'asc' : 'desc' });
  };
  const sortMark = (col: string) => (sort === col ? (dir === 'asc' ? '\u00a0↑' : '\u00a0↓') : '');
  const ariaSort = (col: string) => (sort === col ? (dir === 'asc' ? 'ascending' : 'descending') : undefined);

  return (
    <div className="page">
      <header className="page-head">
        <h1>{i.t('stories.title')}</h1>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          <Icon name="plus" size={16} /> {i.t('stories.new')}
        </button>
      </header>

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
      {list.loading && !list.data ? (
        <Spinner />
      ) : list.data && list.data.items.length === 0 ? (
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
            <table className="table stories-table">
              <thead>
                <tr>
                  <th className="col-locale">
                    <span className="sr-only">{i.t('stories.locale')}</span>
                    <Icon name="globe" size={15} />
                  </th>
                  <th aria-sort={ariaSort('headline')}>
                    <button type="button" className="th-sort" onClick={() => sortBy('headline')}>
                      {i.t('stories.headline')}
                      {sortMark('headline')}
                    </button>
                  </th>
                  <th>{i.t('stories.status')}</th>
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
                {list.data.items.map((s) => (
                  <tr key={s.editionId} data-edition={s.editionId} data-locale={s.locale}>
                    <td className="col-locale" data-label={i.t('stories.locale')}>
                      <LocaleChip locale={s.locale} />
                      <span className="locale-name">{localeLabel(s.locale, i)}</span>
                    </td>
                    <td className="col-headline" lang={LOCALE_TAGS[s.locale] ?? s.locale}>
                      <Link to={`/stories/${s.editionId}`} className="story-link">
                        {s.headline || <span className="muted">{i.t('stories.untitled')}</span>}
                      </Link>
                      {s.editingNow.length > 0 && (
                        <span className="presence" title={s.editingNow.map((p) => p.name).join(', ')}>
                          <span className="presence-dot" aria-hidden="true" />
                          {i.t('stories.editingNow', { names: namesList(s.editingNow.map((p) => p.name)) })}
                        </span>
                      )}
                    </td>
                    <td data-label={i.t('stories.status')}>
                      <StatusBadge status={s.status} embargoUntil={s.embargoUntil} />
                      {s.status === 'scheduled' && s.scheduledAt ? (
                        <div className="status-when scheduled-at">⏱ {shortWhen(s.scheduledAt, i)}</div>
                      ) : s.status === 'published' && s.publishedAt ? (
                        <div className="status-when muted">{shortWhen(s.publishedAt, i)}</div>
                      ) : null}
                    </td>
                    <td data-label={i.t('stories.editions')} className="col-editions">
                      <EditionChips editions={s.editions ?? []} current={s.editionId} slots={slots} />
                    </td>
                    <td data-label={i.t('stories.section')} className="col-nowrap">{s.section?.name ?? <span className="muted">—</span>}</td>
                    <td data-label={i.t('stories.authors')} className="col-nowrap">
                      {s.authors.length ? <span title={s.authors.map((a) => a.name).join(', ')}>{namesList(s.authors.map((a) => a.name), 1)}</span> : <span className="muted">{s.createdBy?.name ?? '—'}</span>}
                    </td>
                    <td data-label={i.t('stories.updated')} className="nowrap">
                      <time dateTime={s.updatedAt} title={i.dateTime(s.updatedAt)}>
                        {shortWhen(s.updatedAt, i)}
                      </time>
                    </td>
                    <td data-label={i.t('stories.published')} className="nowrap col-published">
                      {s.status === 'scheduled' && s.scheduledAt ? (
                        <span className="scheduled-at" title={i.dateTime(s.scheduledAt)}>
                          ⏱ {shortWhen(s.scheduledAt, i)}
                        </span>
                      ) : s.publishedAt ? (
                        <time dateTime={s.publishedAt} title={i.dateTime(s.publishedAt)}>
                          {shortWhen(s.publishedAt, i)}
                        </time>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pages={list.data.pages} total={list.data.total} onPage={(p) => setFilter({ page: String(p) })} />
        </>
      ) : null}
      <NewStoryDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
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
