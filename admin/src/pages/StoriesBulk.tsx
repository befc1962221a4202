/**
 * The bulk bar of the story list: submit, publish, unpublish (with a reason), move to a section,
 * add a tag — on the selected stories. The server runs each edition through the single action's
 * rules; the answer, per edition, is shown until dismissed.
 */
import { useState, type FormEvent } from 'react';
import { api, messageText } from '../api';
import { Icon, errorText } from '../components/ui';
import { LocaleChip } from '../components/locale';
import { useSections } from '../data';
import { deskChanged, rowEdition, type StoryRow } from '../desk';
import { useI18n, type MessageKey } from '../i18n';
import { pickName, type Status, type Tag } from '../types';

type Action = 'submit' | 'publish' | 'unpublish' | 'section' | 'tag';
type Item = { editionId: number; ok: boolean; status?: string; skipped?: boolean; code?: string; message?: string; key?: string; params?: Record<string, string | number>; fields?: { field: string; message: string; key?: string; params?: Record<string, string | number> }[] };

/** Which editions of the selected stories an action applies to. */
const ELIGIBLE: Record<'submit' | 'publish' | 'unpublish', Status[]> = { submit: ['draft'], publish: ['draft', 'review'], unpublish: ['published', 'scheduled'] };

export function BulkBar({ selected, onClear, onDone }: { selected: StoryRow[]; onClear(): void; onDone(): void }) {
  const i = useI18n();
  const sections = useSections();
  const [mode, setMode] = useState<null | 'unpublish' | 'section' | 'tag'>(null);
  const [reason, setReason] = useState('');
  const [sectionId, setSectionId] = useState('');
  const [tagName, setTagName] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ action: Action; items: Item[]; rows: StoryRow[] } | null>(null);
  const [error, setError] = useState('');

  const editionsFor = (action: Action): number[] =>
    action === 'section' || action === 'tag'
      ? selected.map((r) => rowEdition(r, i.lang).editionId)
      : selected.flatMap((r) => r.editions.filter((e) => ELIGIBLE[action].includes(e.status)).map((e) => e.editionId));

  const run = async (action: Action, extra: Record<string, unknown> = {}) => {
    const editionIds = editionsFor(action).slice(0, 100);
    setError('');
    if (!editionIds.length) {
      setError(i.t('desk.bulkNothing'));
      return;
    }
    setBusy(true);
    try {
      const r = await api.post<{ items: Item[] }>('/bulk', { action, editionIds, ...extra });
      setResult({ action, items: r.items, rows: selected });
      setMode(null);
      setReason('');
      onClear();
      onDone();
      deskChanged();
    } catch (e) {
      setError(errorText(e, i));
    } finally {
      setBusy(false);
    }
  };

  const submitMode = async (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'unpublish') await run('unpublish', { reason: reason.trim() });
    else if (mode === 'section' && sectionId) await run('section', { sectionId: Number(sectionId) });
    else if (mode === 'tag' && tagName.trim()) {
      try {
        const locale = selected[0] ? rowEdition(selected[0], i.lang).locale : i.lang;
        const tag = await api.post<Tag>('/tags', { name: tagName.trim(), locale });
        await run('tag', { tagId: tag.id });
        setTagName('');
      } catch (err) {
        setError(errorText(err, i));
      }
    }
  };

  return (
    <>
      {selected.length > 0 && (
        <div className="bulk-bar" role="region" aria-label={i.t('desk.bulkLabel')}>
          <strong className="bulk-count">{i.tn('desk.selected', selected.length)}</strong>
          <div className="bulk-actions">
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run('submit')}>{i.t('desk.bulkSubmit')}</button>
            <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void run('publish')}>{i.t('desk.bulkPublish')}</button>
            <button type="button" className="btn btn-small" aria-expanded={mode === 'unpublish'} disabled={busy} onClick={() => setMode(mode === 'unpublish' ? null : 'unpublish')}>{i.t('desk.bulkUnpublish')}</button>
            <button type="button" className="btn btn-small" aria-expanded={mode === 'section'} disabled={busy} onClick={() => setMode(mode === 'section' ? null : 'section')}>{i.t('desk.bulkSection')}</button>
            <button type="button" className="btn btn-small" aria-expanded={mode === 'tag'} disabled={busy} onClick={() => setMode(mode === 'tag' ? null : 'tag')}>{i.t('desk.bulkTag')}</button>
            <button type="button" className="btn btn-small btn-ghost" onClick={onClear}>{i.t('desk.clearSelection')}</button>
          </div>
          {mode && (
            <form className="bulk-form" onSubmit={(e) => void submitMode(e)}>
              {mode === 'unpublish' && (
                <label className="filter bulk-input">
                  <span className="filter-label">{i.t('desk.reason')}</span>
                  <input className="input" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
                </label>
              )}
              {mode === 'section' && (
                <label className="filter bulk-input">
                  <span className="filter-label">{i.t('stories.section')}</span>
                  <select className="input" required value={sectionId} onChange={(e) => setSectionId(e.target.value)} autoFocus>
                    <option value="">—</option>
                    {sections.map((s) => (
                      <option key={s.id} value={s.id}>{pickName(s.names, i.lang, s.slug)}</option>
                    ))}
                  </select>
                </label>
              )}
              {mode === 'tag' && (
                <label className="filter bulk-input">
                  <span className="filter-label">{i.t('desk.tagName')}</span>
                  <input className="input" required maxLength={100} value={tagName} onChange={(e) => setTagName(e.target.value)} autoFocus />
                </label>
              )}
              <button type="submit" className={`btn btn-small${mode === 'unpublish' ? ' btn-danger' : ' btn-primary'}`} disabled={busy}>
                {i.t(mode === 'unpublish' ? 'desk.bulkUnpublishGo' : 'desk.apply')}
              </button>
            </form>
          )}
          {error && <div className="field-error" role="alert">{error}</div>}
        </div>
      )}
      {result && <BulkResult result={result} onClose={() => setResult(null)} />}
    </>
  );
}

function BulkResult({ result, onClose }: { result: { action: Action; items: Item[]; rows: StoryRow[] }; onClose(): void }) {
  const i = useI18n();
  const byEdition = new Map(result.rows.flatMap((r) => r.editions.map((e) => [e.editionId, e] as const)));
  const ok = result.items.filter((x) => x.ok).length;
  const failed = result.items.length - ok;
  return (
    <section className={`bulk-result notice ${failed ? 'notice-warn' : 'notice-info'}`} role="status" aria-label={i.t('desk.resultTitle')}>
      <div className="bulk-result-head">
        <strong>{i.t(`desk.action.${result.action}` as MessageKey)}: {i.t('desk.resultSummary', { ok: i.number(ok), failed: i.number(failed) })}</strong>
        <button type="button" className="icon-btn" onClick={onClose} aria-label={i.t('common.close')}>
          <Icon name="x" size={16} />
        </button>
      </div>
      <ul className="bulk-result-list">
        {result.items.map((x) => {
          const e = byEdition.get(x.editionId);
          return (
            <li key={x.editionId} className={x.ok ? 'is-ok' : 'is-failed'} data-edition={x.editionId} data-ok={x.ok ? '1' : '0'}>
              <span className="bulk-mark" aria-hidden="true">{x.ok ? '✓' : '✕'}</span>
              {e && <LocaleChip locale={e.locale} />}
              <span className="bulk-headline">{e?.headline || `#${x.editionId}`}</span>
              <span className="muted">{x.ok ? (x.skipped ? i.t('desk.unchanged') : x.status ? i.t(`status.${x.status}` as MessageKey) : '') : [messageText(x), ...(x.fields ?? []).map((f) => messageText(f))].filter(Boolean).join(' ')}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
