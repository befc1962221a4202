/** Editor dialogs: schedule, word diffs, save conflict (the versions dialog is revisions.tsx). */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { diffWordsWithSpace } from 'diff';
import { api } from '../api';
import { Dialog, ErrorBox, Field, Spinner, useFormErrors, useLoad, FormFooter } from '../components/ui';
import { useI18n, type I18n, type MessageKey } from '../i18n';
import { pickName, type DiffPart, type Doc, type Edition, type Locale, type RevisionItem } from '../types';
import { bodyOf, formFrom, type Choice, type Form, type MergeField } from './form';
import { docText } from './text';

/* ---------- schedule ---------- */

function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function ScheduleDialog({ open, initial, onClose, onSchedule }: { open: boolean; initial: string | null; onClose(): void; onSchedule(iso: string): Promise<void> }) {
  const i = useI18n();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [local, setLocal] = useState('');
  const errs = useFormErrors();
  useEffect(() => {
    if (!open) return;
    const base = initial && new Date(initial).getTime() > Date.now() ? new Date(initial) : new Date(Date.now() + 60 * 60 * 1000);
    base.setSeconds(0, 0);
    setValue(toLocalInput(base));
    setLocal('');
    errs.clear();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = new Date(value);
    if (!value || Number.isNaN(d.getTime())) {
      setLocal(i.t('editor.scheduleInvalid'));
      return;
    }
    if (d.getTime() <= Date.now()) {
      setLocal(i.t('editor.scheduleFuture'));
      return;
    }
    setBusy(true);
    errs.clear();
    try {
      await onSchedule(d.toISOString());
      onClose();
    } catch (err) {
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={i.t('editor.scheduleTitle')}
      footer={<FormFooter form="schedule-form" submitLabel={i.t('editor.schedule')} onCancel={onClose} disabled={busy} />}
    >
      <form id="schedule-form" onSubmit={submit} noValidate>
        <Field label={i.t('editor.scheduleAt')} error={local || errs.of('at')} hint={i.t('editor.scheduleTz', { tz })}>
          <input
            className="input"
            type="datetime-local"
            name="at"
            value={value}
            min={toLocalInput(new Date())}
            onChange={(e) => {
              setValue(e.target.value);
              setLocal('');
            }}
            required
            autoFocus
          />
        </Field>
        {Object.entries(errs.fields)
          .filter(([k]) => k !== 'at')
          .map(([k, v]) => (
            <div key={k} className="notice notice-error">
              {v}
            </div>
          ))}
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}

/* ---------- revisions ---------- */

export function DiffView({ parts }: { parts: DiffPart[] }) {
  return (
    <div className="diff" data-testid="diff">
      {parts.map((p, n) =>
        p.added ? (
          <ins key={n}>{p.value}</ins>
        ) : p.removed ? (
          <del key={n}>{p.value}</del>
        ) : (
          <span key={n}>{p.value}</span>
        ),
      )}
    </div>
  );
}

/**
 * Differences between a diverged derived edition and what its transliterated source gives now
 * (GET /editions/:id/sync-diff): removed parts are only in this edition, added ones in the source.
 */
export function SyncDiffDialog({ open, editionId, version, onClose, onResync }: { open: boolean; editionId: number; version: number; onClose(): void; onResync?: () => void }) {
  const i = useI18n();
  const diff = useLoad((signal) => (open ? api.get<{ parts: DiffPart[] }>(`/editions/${editionId}/sync-diff`, undefined, signal) : Promise.resolve(null)), [open, editionId, version]);
  const parts = diff.data?.parts ?? [];
  const same = diff.data !== null && !parts.some((p) => p.added || p.removed);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={i.t('ed.diffTitle')}
      wide
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {i.t('common.close')}
          </button>
          {onResync && !same && (
            <button type="button" className="btn btn-primary" onClick={onResync}>
              {i.t('ed.resync')}
            </button>
          )}
        </>
      }
    >
      <ErrorBox error={diff.error} onRetry={diff.reload} />
      {diff.loading && !diff.data ? (
        <Spinner />
      ) : same ? (
        <p className="muted">{i.t('ed.diffSame')}</p>
      ) : diff.data ? (
        <>
          <div className="diff-legend">
            <del>{i.t('ed.diffRemoved')}</del>
            <ins>{i.t('ed.diffAdded')}</ins>
          </div>
          <div className="sync-diff">
            <DiffView parts={parts} />
          </div>
        </>
      ) : null}
    </Dialog>
  );
}

// The versions dialog (view, compare, restore) is in revisions.tsx.

/* ---------- conflict ---------- */

/** How each field of the edition is named in the conflict dialog and the save bar. */
export const FIELD_LABEL: Record<MergeField, MessageKey> = {
  headline: 'editor.headline', lead: 'editor.lead', body: 'editor.body', slug: 'editor.slug', datelineCity: 'editor.datelineCity',
  sectionId: 'editor.section', tags: 'editor.tags', authors: 'editor.authors', hero: 'editor.hero', heroCaption: 'editor.heroCaption',
  seoTitle: 'editor.seoTitle', seoDescription: 'editor.seoDescription', isMain: 'editor.isMain', isBreaking: 'editor.isBreaking', embargoUntil: 'editor.embargo', mainUntil: 'editor.mainUntil',
};

/** A field's value as text to compare side by side. */
function fieldText(k: MergeField, form: Form, body: Doc, locale: string, i: I18n): string {
  if (k === 'body') return docText(body);
  const v = form[k];
  if (k === 'tags' || k === 'authors') return (v as { names?: Record<string, string>; slug?: string; id: number }[]).map((x) => pickName(x.names ?? {}, locale as Locale, x.slug ?? String(x.id))).join(', ');
  if (k === 'hero') return v ? `#${(v as { id: number }).id}` : '—';
  if (k === 'isMain' || k === 'isBreaking') return v ? '✓' : '—';
  if (k === 'embargoUntil' || k === 'mainUntil') return v ? i.dateTime(v as string) : '—';
  return v === null || v === undefined ? '—' : String(v);
}

export interface Mine {
  form: Form;
  body: Doc;
}

function Side({ a, b, side }: { a: string; b: string; side: 'theirs' | 'mine' }) {
  // a = theirs, b = mine: mark what only this side has.
  const parts = useMemo(() => diffWordsWithSpace(a, b), [a, b]);
  return (
    <div className="conflict-text">
      {parts.map((p, n) => {
        if (p.added) return side === 'mine' ? <mark key={n} className="only-mine">{p.value}</mark> : null;
        if (p.removed) return side === 'theirs' ? <mark key={n} className="only-theirs">{p.value}</mark> : null;
        return <span key={n}>{p.value}</span>;
      })}
    </div>
  );
}

/**
 * Someone saved meanwhile and both of you changed `fields`: for each, keep mine or take theirs
 * (side by side, the differences marked). Fields only one side changed are already merged.
 */
export function ConflictDialog({ open, theirs, fields, mine, locale, onApply, onTakeTheirs, onClose }: { open: boolean; theirs: Edition; fields: MergeField[]; mine: Mine; locale: string; onApply(choices: Partial<Record<MergeField, Choice>>): void; onTakeTheirs(): void; onClose(): void }) {
  const i = useI18n();
  const [choices, setChoices] = useState<Partial<Record<MergeField, Choice>>>({});
  useEffect(() => {
    if (open) setChoices({});
  }, [open, theirs.version]);
  const revs = useLoad((signal) => (open ? api.get<{ items: RevisionItem[] }>(`/editions/${theirs.id}/revisions`, undefined, signal) : Promise.resolve(null)), [open, theirs.id, theirs.version]);
  const savedBy = revs.data?.items.find((r) => r.version === theirs.version)?.savedBy?.name ?? [...(revs.data?.items ?? [])].sort((a, b) => b.version - a.version)[0]?.savedBy?.name;
  const theirForm = formFrom(theirs);
  const theirBody = bodyOf(theirs);
  const rows = fields.map((k) => ({ key: k, label: i.t(FIELD_LABEL[k]), a: fieldText(k, theirForm, theirBody, locale, i), b: fieldText(k, mine.form, mine.body, locale, i) }));
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={i.t('conflict.title')}
      wide="xl"
      className="conflict-dialog"
      footer={
        <>
          <button type="button" className="btn footer-left" onClick={onClose}>
            {i.t('conflict.later')}
          </button>
          <button type="button" className="btn" onClick={onTakeTheirs}>
            {i.t('conflict.takeTheirs')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => onApply(choices)}>
            {i.t('ed2.saveMerged')}
          </button>
        </>
      }
    >
      <p className="conflict-intro">
        {savedBy ? i.t('conflict.introBy', { name: savedBy, time: i.dateTime(theirs.updatedAt), v: theirs.version }) : i.t('conflict.intro', { time: i.dateTime(theirs.updatedAt), v: theirs.version })}
      </p>
      <p className="conflict-intro">{i.t('ed2.conflictFields')}</p>
      <div className="conflict-grid">
        <div className="conflict-col-head conflict-theirs-head">
          {i.t('conflict.theirs')}
          {savedBy ? ` — ${savedBy}` : ''}
        </div>
        <div className="conflict-col-head conflict-mine-head">{i.t('conflict.mine')}</div>
        {rows.map((r) => {
          const pick = choices[r.key] ?? 'mine';
          return (
            <div key={r.key} className="conflict-row" data-field={r.key}>
              <div className="conflict-label" role="radiogroup" aria-label={r.label}>
                <strong>{r.label}</strong>
                <label className="check">
                  <input type="radio" name={`pick-${r.key}`} checked={pick === 'theirs'} onChange={() => setChoices((c) => ({ ...c, [r.key]: 'theirs' }))} />
                  {i.t('ed2.useTheirs')}
                </label>
                <label className="check">
                  <input type="radio" name={`pick-${r.key}`} checked={pick === 'mine'} onChange={() => setChoices((c) => ({ ...c, [r.key]: 'mine' }))} />
                  {i.t('ed2.useMine')}
                </label>
              </div>
              <div className={`conflict-cell conflict-theirs${pick === 'theirs' ? ' is-picked' : ''}`} data-side="theirs">
                <Side a={r.a} b={r.b} side="theirs" />
              </div>
              <div className={`conflict-cell conflict-mine${pick === 'mine' ? ' is-picked' : ''}`} data-side="mine">
                <Side a={r.a} b={r.b} side="mine" />
              </div>
            </div>
          );
        })}
      </div>
      <p className="muted small">{i.t('ed2.conflictNote')}</p>
    </Dialog>
  );
}
