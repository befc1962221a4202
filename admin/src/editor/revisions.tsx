/**
 * The versions dialog: view a revision, compare two (or one with the current text) and restore
 * one. A restore brings back what the comparison shows — the text and the edition's own fields.
 * The section, photo, tags and authors belong to every language of the story: the revision view
 * lists how they differ, and they come back only when the editor ticks the option and confirms.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api';
import { Dialog, ErrorBox, Spinner, useLoad } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n';
import { LOCALE_SHORT, type Edition, type Revision, type RevisionDiff, type RevisionItem, type RevisionStoryField } from '../types';
import { DiffView } from './dialogs';
import { docText } from './text';

type RevView = { kind: 'none' } | { kind: 'one'; id: number } | { kind: 'diff'; from: number; to: number | 'current' };

export function RevisionsDialog({ open, edition, onClose, onRestore, canRestore }: { open: boolean; edition: Edition; onClose(): void; onRestore(rev: RevisionItem, storyFields: boolean): Promise<void>; canRestore: boolean }) {
  const i = useI18n();
  const list = useLoad((signal) => (open ? api.get<{ items: RevisionItem[] }>(`/editions/${edition.id}/revisions`, undefined, signal) : Promise.resolve(null)), [open, edition.id, edition.version]);
  const [checked, setChecked] = useState<number[]>([]);
  const [view, setView] = useState<RevView>({ kind: 'none' });
  useEffect(() => {
    if (open) {
      setChecked([]);
      setView({ kind: 'none' });
    }
  }, [open]);
  const items = useMemo(() => [...(list.data?.items ?? [])].sort((a, b) => b.version - a.version), [list.data]);
  const byId = (id: number) => items.find((r) => r.id === id);

  const toggle = (id: number) =>
    setChecked((c) => {
      if (c.includes(id)) return c.filter((x) => x !== id);
      return [...c, id].slice(-2);
    });

  const compareChecked = () => {
    if (checked.length !== 2) return;
    const [a, b] = checked.map((id) => byId(id)!).sort((x, y) => x.version - y.version);
    setView({ kind: 'diff', from: a!.id, to: b!.id });
  };

  const selected = view.kind === 'one' ? byId(view.id) : null;

  return (
    <Dialog open={open} onClose={onClose} title={i.t('rev.title')} wide="xl">
      <div className="rev-layout">
        <div className="rev-list">
          <div className="rev-actions">
            <button type="button" className="btn btn-small" disabled={checked.length !== 2} onClick={compareChecked}>
              {i.t('rev.compareSelected')}
            </button>
          </div>
          <ErrorBox error={list.error} onRetry={list.reload} />
          {list.loading && !list.data ? (
            <Spinner />
          ) : items.length === 0 ? (
            <p className="muted">{i.t('rev.none')}</p>
          ) : (
            <ul className="plain-list">
              {items.map((r) => (
                <li key={r.id} className={`rev-item${selected?.id === r.id ? ' active' : ''}`}>
                  <input type="checkbox" checked={checked.includes(r.id)} onChange={() => toggle(r.id)} aria-label={i.t('rev.select', { v: r.version })} />
                  <button type="button" className="rev-open" onClick={() => setView({ kind: 'one', id: r.id })}>
                    <span className="rev-v">v{r.version}</span>
                    <span className="rev-head">{r.headline || '—'}</span>
                    <span className="rev-meta muted">
                      {r.savedBy?.name} · {i.dateTime(r.savedAt)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="rev-pane">
          {view.kind === 'none' && <p className="muted">{i.t('rev.hint')}</p>}
          {view.kind === 'one' && selected && (
            <RevisionView
              key={selected.id}
              item={selected}
              edition={edition}
              canRestore={canRestore}
              onCompare={() => setView({ kind: 'diff', from: selected.id, to: 'current' })}
              onRestore={async (storyFields) => {
                await onRestore(selected, storyFields);
                onClose();
              }}
            />
          )}
          {view.kind === 'diff' && <DiffPane editionId={edition.id} from={view.from} to={view.to} label={`v${byId(view.from)?.version ?? '?'} → ${view.to === 'current' ? i.t('rev.current') : `v${byId(view.to)?.version ?? '?'}`}`} />}
        </div>
      </div>
    </Dialog>
  );
}

function RevisionView({ item, edition, canRestore, onCompare, onRestore }: { item: RevisionItem; edition: Edition; canRestore: boolean; onCompare(): void; onRestore(storyFields: boolean): Promise<void> }) {
  const i = useI18n();
  const r = useLoad((signal) => api.get<Revision>(`/revisions/${item.id}`, undefined, signal), [item.id, edition.version]);
  const [withStory, setWithStory] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  if (r.error) return <ErrorBox error={r.error} onRetry={r.reload} />;
  if (!r.data) return <Spinner />;
  const rev = r.data;
  const story = rev.storyFields ?? [];
  const run = async (storyFields: boolean) => {
    setBusy(true);
    setErr(null);
    try {
      await onRestore(storyFields);
    } catch (e) {
      setErr(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  const languages = [edition.locale, ...edition.siblings.map((s) => s.locale)].map((l) => LOCALE_SHORT[l] ?? l).join(', ');
  return (
    <article className="rev-view">
      <div className="rev-view-head">
        <span className="muted">
          v{rev.version} · {rev.savedBy?.name} · {i.dateTime(rev.savedAt)}
        </span>
        <div className="btn-row">
          <button type="button" className="btn btn-small" onClick={onCompare}>
            {i.t('rev.compareCurrent')}
          </button>
          {canRestore && (
            <button type="button" className="btn btn-small btn-primary" disabled={busy || confirming} onClick={() => (withStory ? setConfirming(true) : void run(false))}>
              {i.t('rev.restore', { v: rev.version })}
            </button>
          )}
        </div>
      </div>
      {canRestore && <p className="muted small rev-restore-scope">{i.t('rev.restoreScope')}</p>}
      {story.length > 0 && (
        <section className="rev-story" aria-labelledby={`rev-story-${rev.id}`} data-testid="rev-story-fields">
          <h4 id={`rev-story-${rev.id}`}>{i.t('rev.storyFieldsTitle', { v: rev.version })}</h4>
          <table className="rev-story-table">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{i.t('rev.then', { v: rev.version })}</th>
                <th scope="col">{i.t('rev.now')}</th>
              </tr>
            </thead>
            <tbody>
              {story.map((f) => (
                <tr key={f.field} data-field={f.field}>
                  <th scope="row">{i.t(`rev.field.${f.field}` as MessageKey)}</th>
                  <td>
                    <StoryValue items={f.revision} field={f.field} />
                  </td>
                  <td>
                    <StoryValue items={f.current} field={f.field} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canRestore &&
            (rev.canRestoreStoryFields ? (
              <label className="check">
                <input type="checkbox" name="restoreStoryFields" checked={withStory} disabled={busy} onChange={(e) => (setWithStory(e.target.checked), setConfirming(false))} />
                {i.t('rev.alsoStory')}
              </label>
            ) : (
              <p className="muted small" data-story-locked="">{i.t('rev.alsoStoryLocked')}</p>
            ))}
          {!withStory && canRestore && <p className="muted small">{i.t('rev.storyKept')}</p>}
        </section>
      )}
      {confirming && (
        <div className="notice notice-warn rev-confirm" role="alertdialog" aria-labelledby={`rev-confirm-${rev.id}`}>
          <p id={`rev-confirm-${rev.id}`}>{i.t('rev.confirmStory', { v: rev.version, langs: languages })}</p>
          <div className="btn-row">
            <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void run(true)}>
              {busy ? i.t('common.working') : i.t('rev.confirmStoryOk')}
            </button>
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => setConfirming(false)}>
              {i.t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorBox error={err} />
      <h3 className="rev-headline">{rev.headline}</h3>
      {rev.lead && <p className="rev-lead">{rev.lead}</p>}
      <div className="rev-text">{docText(rev.body) || rev.text}</div>
    </article>
  );
}

function StoryValue({ items, field }: { items: RevisionStoryField['revision']; field: RevisionStoryField['field'] }): ReactNode {
  const i = useI18n();
  if (items.length === 0) return <span className="muted">{i.t('rev.noValue')}</span>;
  if (field === 'heroMediaId') {
    const m = items[0]!;
    return m.thumb ? (
      <figure className="rev-thumb" data-media-id={m.id}>
        <img src={m.thumb} alt={m.name} width={96} height={64} />
        {m.name && <figcaption className="small muted">{m.name}</figcaption>}
      </figure>
    ) : (
      <span className="muted">{i.t('rev.deleted')}</span>
    );
  }
  return <span>{items.map((x) => (x.missing ? `${x.name} (${i.t('rev.deleted')})` : x.name)).join(', ')}</span>;
}

function DiffPane({ editionId, from, to, label }: { editionId: number; from: number; to: number | 'current'; label: string }) {
  const i = useI18n();
  const d = useLoad((signal) => api.get<RevisionDiff>(`/editions/${editionId}/diff`, { from, to }, signal), [editionId, from, to]);
  const fields = d.data?.fields ?? [];
  return (
    <div>
      <div className="rev-view-head">
        <strong>{label}</strong>
        <span className="diff-legend">
          <ins>{i.t('rev.added')}</ins> <del>{i.t('rev.removed')}</del>
        </span>
      </div>
      <ErrorBox error={d.error} onRetry={d.reload} />
      {d.data ? d.data.parts.some((p) => p.added || p.removed) ? <DiffView parts={d.data.parts} /> : <p className="muted">{i.t('rev.same')}</p> : !d.error && <Spinner />}
      {fields.length > 0 && (
        <table className="rev-fields" data-testid="rev-fields">
          <caption>{i.t('rev.fieldsTitle')}</caption>
          <tbody>
            {fields.map((f) => (
              <tr key={f.field} data-field={f.field}>
                <th scope="row">{i.t(`rev.field.${f.field}` as MessageKey)}</th>
                <td>
                  <del>{f.before || i.t('rev.noValue')}</del>
                </td>
                <td>
                  <ins>{f.after || i.t('rev.noValue')}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
