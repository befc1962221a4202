/** Merging and deleting tags (editor+): the dialogs of the Tags tab. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { Dialog, ErrorBox, Field, FormFooter, Spinner, useFormAction, useFormErrors, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { notify } from '../toast';
import { pickName, type Tag } from '../types';

/** Merge `tag` into another one found by search: its stories move there, its address redirects. */
export function MergeTagDialog({ tag, onClose, onDone }: { tag: Tag | null; onClose(): void; onDone(): void }) {
  const i = useI18n();
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const [into, setInto] = useState<Tag | null>(null);
  const { busy, errs, run } = useFormAction();
  useEffect(() => {
    if (tag) {
      setQ('');
      setTerm('');
      setInto(null);
      errs.clear();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tag]);
  useEffect(() => {
    const t = window.setTimeout(() => setTerm(q.trim()), 250);
    return () => window.clearTimeout(t);
  }, [q]);
  const found = useLoad((signal) => (tag ? api.get<{ items: Tag[] }>('/tags', { q: term }, signal) : Promise.resolve({ items: [] as Tag[] })), [term, tag?.id]);
  const others = (found.data?.items ?? []).filter((t) => t.id !== tag?.id);
  const name = tag ? pickName(tag.names, i.lang, tag.slug) : '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!tag) return;
    if (!into) {
      errs.set(new ApiError(422, 'validation_failed', i.t('taxonomy.mergeChoose'), { fields: [{ field: 'into', message: i.t('taxonomy.mergeChoose') }] }));
      return;
    }
    void run(async () => {
      const kept = await api.post<Tag>(`/tags/${tag.id}/merge`, { into: into.id });
      notify(i.t('taxonomy.mergeDone', { name: pickName(kept.names, i.lang, kept.slug) }), 'success');
      onDone();
      onClose();
    });
  };
  return (
    <Dialog
      open={!!tag}
      onClose={onClose}
      title={i.t('taxonomy.mergeTitle', { name })}
      footer={<FormFooter form="merge-form" submitLabel={i.t('taxonomy.mergeButton')} onCancel={onClose} disabled={busy || !into} />}
    >
      <form id="merge-form" onSubmit={submit} className="merge-form">
        <p className="muted small">{i.t('taxonomy.mergeHint', { name, slug: tag?.slug ?? '' })}</p>
        <Field label={i.t('taxonomy.mergeSearch')}>
          <input className="input" type="search" value={q} autoFocus onChange={(e) => setQ(e.target.value)} />
        </Field>
        {found.loading && !found.data ? (
          <Spinner />
        ) : others.length === 0 ? (
          <p className="muted">{i.t('taxonomy.mergeNone')}</p>
        ) : (
          <fieldset className="merge-choices">
            <legend className="sr-only">{i.t('taxonomy.mergeChoose')}</legend>
            {others.map((t) => (
              <label key={t.id} className={`merge-choice${into?.id === t.id ? ' selected' : ''}`}>
                <input type="radio" name="into" checked={into?.id === t.id} onChange={() => setInto(t)} />
                <span>{pickName(t.names, i.lang, t.slug)}</span>
                <span className="mono muted small">/tag/{t.slug}</span>
              </label>
            ))}
          </fieldset>
        )}
        {errs.of('into') && <div className="field-error">{errs.of('into')}</div>}
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}

/** Delete a tag; when stories carry it, the server says how many and the person confirms again. */
export function DeleteTagDialog({ tag, onClose, onDone }: { tag: Tag | null; onClose(): void; onDone(): void }) {
  const i = useI18n();
  const [stories, setStories] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  useEffect(() => {
    if (tag) {
      setStories(null);
      errs.clear();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tag]);
  const name = tag ? pickName(tag.names, i.lang, tag.slug) : '';
  const remove = async () => {
    if (!tag) return;
    setBusy(true);
    errs.clear();
    try {
      await api.del(`/tags/${tag.id}${stories !== null ? '?confirm=1' : ''}`);
      notify(i.t('taxonomy.deleted'), 'success');
      onDone();
      onClose();
    } catch (err) {
      const n = err instanceof ApiError && err.status === 409 ? (err.details as { stories?: number } | undefined)?.stories : undefined;
      if (typeof n === 'number') setStories(n);
      else errs.set(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={!!tag}
      onClose={onClose}
      title={i.t('taxonomy.deleteTitle', { name })}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {i.t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void remove()}>
            {stories !== null ? i.t('taxonomy.deleteAnyway') : i.t('common.delete')}
          </button>
        </>
      }
    >
      <p>{stories !== null ? i.tn('taxonomy.deleteUsed', stories) : i.t('taxonomy.deleteConfirm')}</p>
      <ErrorBox error={errs.general} />
    </Dialog>
  );
}
