/**
 * Scheduled unpublish in the editor's publishing panel: the time a published (or scheduled)
 * edition is taken down by itself, with the reason "expired". The server checks the right to
 * unpublish and that the time is in the future; the planning view shows it too.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { errorText, useLoad } from '../components/ui';
import { deskChanged } from '../desk';
import { useI18n } from '../i18n';
import type { Status } from '../types';

interface Expiry {
  unpublishAt: string | null;
  canSet: boolean;
}
const p2 = (n: number) => String(n).padStart(2, '0');
const localInput = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}T${p2(d.getHours())}:${p2(d.getMinutes())}`;

export function ExpiryControl({ editionId, status }: { editionId: number; status: Status }) {
  const i = useI18n();
  const live = status === 'published' || status === 'scheduled';
  const data = useLoad((signal) => (live ? api.get<Expiry>(`/editions/${editionId}/expiry`, undefined, signal) : Promise.resolve(null)), [editionId, status]);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const at = data.data?.unpublishAt ?? null;
  useEffect(() => setValue(at ? localInput(new Date(at)) : ''), [at]);
  if (!live || !data.data) return null;
  const save = async (next: string | null) => {
    setBusy(true);
    setError('');
    try {
      data.setData(await api.put<Expiry>(`/editions/${editionId}/expiry`, { at: next }));
      deskChanged();
    } catch (e) {
      setError(errorText(e, i));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const d = new Date(value);
    if (!value || Number.isNaN(d.getTime())) return;
    void save(d.toISOString());
  };
  return (
    <form className="expiry" onSubmit={submit} aria-label={i.t('desk.expiry')}>
      <label className="expiry-label" htmlFor={`expiry-${editionId}`}>{i.t('desk.expiry')}</label>
      {at && <div className="expiry-now" data-testid="expiry-now">{i.t('desk.expiresAt', { time: i.dateTime(at) })}</div>}
      {data.data.canSet ? (
        <div className="expiry-row">
          <input id={`expiry-${editionId}`} className="input input-small" type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} disabled={busy} />
          <button type="submit" className="btn btn-small" disabled={busy || !value}>{i.t('desk.expirySet')}</button>
          {at && <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => void save(null)}>{i.t('desk.expiryClear')}</button>}
        </div>
      ) : (
        !at && <div className="muted">{i.t('desk.expiryNone')}</div>
      )}
      <div className="muted expiry-hint">{i.t('desk.expiryHint')}</div>
      {error && <div className="field-error" role="alert">{error}</div>}
    </form>
  );
}
