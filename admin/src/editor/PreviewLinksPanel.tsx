/**
 * Shareable preview links of this edition (editors and admins): make one for 1 hour, 24 hours or
 * 7 days, copy it (it is shown only once — the server keeps a hash), see the active ones, revoke.
 */
import { useState } from 'react';
import { api } from '../api';
import { ErrorBox, Field, Icon, errorText, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { useUser } from '../session';
import { notify } from '../toast';
import { roleAtLeast, type Edition } from '../types';
import { Panel } from './panels';

interface Link {
  id: number;
  createdAt: string;
  expiresAt: string;
  createdBy: { id: number; name: string } | null;
}
type Expiry = '1h' | '24h' | '7d';

export function PreviewLinksPanel({ ed }: { ed: Edition }) {
  const user = useUser();
  if (!roleAtLeast(user.role, 'editor')) return null;
  return <Links ed={ed} />;
}

function Links({ ed }: { ed: Edition }) {
  const i = useI18n();
  const res = useLoad((signal) => api.get<{ items: Link[] }>(`/editions/${ed.id}/preview-links`, undefined, signal), [ed.id]);
  const [expiry, setExpiry] = useState<Expiry>('24h');
  const [fresh, setFresh] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    try {
      const made = await api.post<{ url: string }>(`/editions/${ed.id}/preview-links`, { expiry });
      setFresh(made.url);
      res.reload();
    } catch (e) {
      notify(errorText(e, i), 'error');
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!fresh) return;
    try {
      await navigator.clipboard.writeText(fresh);
      notify(i.t('share.copied'));
    } catch {
      notify(i.t('share.copyFailed'), 'error');
    }
  };
  const revoke = async (id: number) => {
    try {
      await api.del(`/editions/${ed.id}/preview-links/${id}`);
      notify(i.t('share.revoked'));
      res.reload();
    } catch (e) {
      notify(errorText(e, i), 'error');
      res.reload();
    }
  };

  return (
    <Panel title={i.t('share.title')} id="panel-preview-links" collapsible defaultOpen={false}>
      <p className="muted small">{i.t('share.intro')}</p>
      <div className="share-make">
        <Field label={i.t('share.expiry')}>
          <select className="input" name="previewExpiry" value={expiry} onChange={(e) => setExpiry(e.target.value as Expiry)}>
            <option value="1h">{i.t('share.expiry1h')}</option>
            <option value="24h">{i.t('share.expiry24h')}</option>
            <option value="7d">{i.t('share.expiry7d')}</option>
          </select>
        </Field>
        <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void create()} data-action="make-preview-link">
          <Icon name="link" size={14} /> {i.t('share.create')}
        </button>
      </div>
      {fresh && (
        <div className="share-fresh" role="status">
          <label className="muted small" htmlFor="share-fresh-url">{i.t('share.onceHint')}</label>
          <div className="share-fresh-row">
            <input id="share-fresh-url" className="input mono" readOnly value={fresh} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn btn-small" onClick={() => void copy()}>{i.t('share.copy')}</button>
          </div>
        </div>
      )}
      {res.error ? (
        <ErrorBox error={res.error} onRetry={res.reload} />
      ) : res.data && res.data.items.length > 0 ? (
        <ul className="share-list" aria-label={i.t('share.active')}>
          {res.data.items.map((l) => (
            <li key={l.id}>
              <span>
                {i.t('share.until', { at: i.dateTime(l.expiresAt) })}
                {l.createdBy ? <span className="muted small"> · {l.createdBy.name}</span> : null}
              </span>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => void revoke(l.id)} aria-label={i.t('share.revokeItem', { at: i.dateTime(l.expiresAt) })}>
                <Icon name="trash" size={14} /> {i.t('share.revoke')}
              </button>
            </li>
          ))}
        </ul>
      ) : res.data ? (
        <p className="muted small">{i.t('share.none')}</p>
      ) : null}
    </Panel>
  );
}
