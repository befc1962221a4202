/**
 * Transliteration exceptions (editors): word → spelling pairs, Uzbek Latin ↔ Cyrillic, that win over
 * the transliterator's rules and word lists; saving one re-derives the synced editions that use it.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { ErrorBox, Field, Spinner, useFormErrors, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { usePageTitle } from '../title';
import { notify } from '../toast';

interface TranslitException {
  id: number;
  latin: string;
  cyrillic: string;
  updatedAt: string;
}

export function TranslitExceptionsPage() {
  const i = useI18n();
  usePageTitle(i.t('translit.title'));
  const res = useLoad((signal) => api.get<{ items: TranslitException[] }>('/translit-exceptions', undefined, signal), []);
  const [latin, setLatin] = useState('');
  const [cyrillic, setCyrillic] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();

  if (res.error && !res.data) return <div className="page"><ErrorBox error={res.error} onRetry={res.reload} /></div>;
  if (!res.data) return <Spinner />;

  const done = (n: number) => {
    notify(i.t('translit.rederived', { count: n }), 'success');
    setLatin('');
    setCyrillic('');
    setEditing(null);
    res.reload();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errs.clear();
    try {
      const body = { latin, cyrillic };
      const out = editing === null
        ? await api.post<{ rederived: number }>('/translit-exceptions', body)
        : await api.put<{ rederived: number }>(`/translit-exceptions/${editing}`, body);
      done(out.rederived);
    } catch (err) {
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (x: TranslitException) => {
    if (!window.confirm(i.t('translit.confirmDelete', { word: x.latin }))) return;
    try {
      done((await api.del<{ rederived: number }>(`/translit-exceptions/${x.id}`)).rederived);
    } catch (err) {
      errs.set(err);
    }
  };

  return (
    <div className="page">
      <header className="page-head">
        <h1>{i.t('translit.title')}</h1>
      </header>
      <p className="hint">{i.t('translit.intro')}</p>
      <ErrorBox error={errs.general} />
      <form className="form" onSubmit={submit}>
        <Field label={i.t('translit.latin')} error={errs.of('latin')}>
          <input className="input" name="latin" value={latin} onChange={(e) => setLatin(e.target.value)} maxLength={100} required />
        </Field>
        <Field label={i.t('translit.cyrillic')} error={errs.of('cyrillic')}>
          <input className="input" name="cyrillic" value={cyrillic} onChange={(e) => setCyrillic(e.target.value)} maxLength={100} required />
        </Field>
        <div className="actions">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {i.t(editing === null ? 'translit.add' : 'translit.save')}
          </button>
          {editing !== null && (
            <button className="btn" type="button" onClick={() => (setEditing(null), setLatin(''), setCyrillic(''))}>
              {i.t('translit.cancel')}
            </button>
          )}
        </div>
      </form>
      <table className="table">
        <thead>
          <tr>
            <th>{i.t('translit.latin')}</th>
            <th>{i.t('translit.cyrillic')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {res.data.items.map((x) => (
            <tr key={x.id}>
              <td>{x.latin}</td>
              <td>{x.cyrillic}</td>
              <td>
                <button className="btn btn-small" type="button" onClick={() => (setEditing(x.id), setLatin(x.latin), setCyrillic(x.cyrillic))}>
                  {i.t('translit.edit')}
                </button>{' '}
                <button className="btn btn-small btn-danger" type="button" onClick={() => void remove(x)}>
                  {i.t('translit.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
