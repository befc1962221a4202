/**
 * Hand-picked related stories (at most six): found by headline among published and scheduled
 * stories, kept in order; the site shows them first and fills the rest automatically. They belong
 * to the story (every language), so they follow the story-wide edit rights. Each change is saved
 * at once.
 */
import { useEffect, useId, useState } from 'react';
import { api } from '../api';
import { ErrorBox, Icon, errorText, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { notify } from '../toast';
import type { Edition } from '../types';
import { Panel } from './panels';

interface Pick {
  storyId: number;
  editionId: number;
  locale: string;
  headline: string;
  status: string;
}
const MAX = 6;

export function RelatedPanel({ ed, disabled }: { ed: Edition; disabled?: boolean }) {
  const i = useI18n();
  const res = useLoad((signal) => api.get<{ items: Pick[] }>(`/editions/${ed.id}/related`, undefined, signal), [ed.id]);
  const picks = res.data?.items ?? [];
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Pick[]>([]);
  const [busy, setBusy] = useState(false);
  const inputId = useId();

  useEffect(() => {
    const term = q.trim();
    if (!term) {
      setFound([]);
      return;
    }
    const ac = new AbortController();
    const t = window.setTimeout(() => {
      api.get<{ items: Pick[] }>(`/editions/${ed.id}/related/candidates`, { q: term }, ac.signal).then((r) => setFound(r.items), () => undefined);
    }, 250);
    return () => {
      window.clearTimeout(t);
      ac.abort();
    };
  }, [q, ed.id]);

  const save = async (next: Pick[]) => {
    setBusy(true);
    try {
      const r = await api.put<{ items: Pick[] }>(`/editions/${ed.id}/related`, { storyIds: next.map((p) => p.storyId) });
      res.setData(r);
    } catch (e) {
      notify(errorText(e, i), 'error');
    } finally {
      setBusy(false);
    }
  };
  const move = (idx: number, by: -1 | 1) => {
    const next = [...picks];
    const [x] = next.splice(idx, 1);
    next.splice(idx + by, 0, x!);
    void save(next);
  };
  const chosen = new Set(picks.map((p) => p.storyId));
  const options = found.filter((f) => !chosen.has(f.storyId));
  const full = picks.length >= MAX;

  return (
    <Panel title={i.t('related.title')} id="panel-related" collapsible defaultOpen={picks.length > 0}>
      <p className="muted small">{i.t('related.hint', { n: MAX })}</p>
      {res.error ? <ErrorBox error={res.error} onRetry={res.reload} /> : null}
      {picks.length > 0 && (
        <ol className="related-picks">
          {picks.map((p, idx) => (
            <li key={p.storyId}>
              <span className="related-headline">
                {p.headline || i.t('stories.untitled')}
                {p.status !== 'published' ? <span className="muted small"> · {i.t(`status.${p.status}` as never)}</span> : null}
              </span>
              <span className="related-actions">
                <button type="button" className="btn btn-small btn-ghost" disabled={disabled || busy || idx === 0} onClick={() => move(idx, -1)} aria-label={i.t('related.up', { name: p.headline })}>↑</button>
                <button type="button" className="btn btn-small btn-ghost" disabled={disabled || busy || idx === picks.length - 1} onClick={() => move(idx, 1)} aria-label={i.t('related.down', { name: p.headline })}>↓</button>
                <button type="button" className="btn btn-small btn-ghost" disabled={disabled || busy} onClick={() => void save(picks.filter((x) => x.storyId !== p.storyId))} aria-label={i.t('common.removeItem', { name: p.headline })}>
                  <Icon name="x" size={14} />
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {!disabled && (
        <div className="related-search">
          <label className="label" htmlFor={inputId}>{i.t('related.search')}</label>
          <input id={inputId} className="input" type="search" value={q} disabled={full || busy} placeholder={full ? i.t('related.full', { n: MAX }) : i.t('related.placeholder')} onChange={(e) => setQ(e.target.value)} name="relatedSearch" autoComplete="off" />
          {q.trim() && (
            <ul className="related-found" aria-live="polite">
              {options.length === 0 ? <li className="muted small">{i.t('related.nothing')}</li> : null}
              {options.map((o) => (
                <li key={o.storyId}>
                  <button
                    type="button"
                    className="linklike"
                    disabled={full || busy}
                    onClick={() => {
                      setQ('');
                      void save([...picks, o]);
                    }}
                  >
                    <Icon name="plus" size={14} /> {o.headline}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Panel>
  );
}
