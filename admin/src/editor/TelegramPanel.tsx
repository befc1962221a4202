/**
 * The edition's Telegram post in the editor's sidebar: the story's "post to Telegram" flag and
 * the delivery's status — queued, retrying at …, sent with a link, failed with Telegram's reason
 * and a retry button, or uncertain with "post again" and "it is posted". While a post is on its
 * way the status is polled, so it turns to sent without a reload.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { ErrorBox, errorText, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { useUser } from '../session';
import { notify } from '../toast';
import { roleAtLeast, type Edition } from '../types';
import { Panel } from './panels';

export interface TelegramStatus {
  post: boolean;
  configured: boolean;
  state: 'none' | 'pending' | 'queued' | 'started' | 'sent' | 'failed' | 'uncertain' | 'withdrawn';
  messageUrl: string | null;
  linked: boolean;
  error: string;
  nextRetryAt: number | null;
  attempts: number;
  sentAt: number | null;
}

const MOVING = new Set<TelegramStatus['state']>(['pending', 'queued', 'started']);

export function TelegramPanel({ ed }: { ed: Edition }) {
  const i = useI18n();
  const user = useUser();
  const res = useLoad((signal) => api.get<TelegramStatus>(`/editions/${ed.id}/telegram`, undefined, signal), [ed.id, ed.status, ed.version]);
  const [busy, setBusy] = useState(false);
  const s = res.data;
  // Authors publish their own stories; contributors see the status only.
  const mayAct = roleAtLeast(user.role, 'author');

  const moving = !!s && MOVING.has(s.state);
  const { reload } = res;
  useEffect(() => {
    if (!moving) return;
    const t = setInterval(reload, 3000);
    return () => clearInterval(t);
  }, [moving, reload]);

  const act = async (call: () => Promise<TelegramStatus>) => {
    setBusy(true);
    try {
      res.setData(await call());
    } catch (e) {
      notify(errorText(e, i), 'error');
      res.reload();
    } finally {
      setBusy(false);
    }
  };

  if (res.error && !s) return <Panel title={i.t('tg.title')} id="panel-telegram"><ErrorBox error={res.error} onRetry={res.reload} /></Panel>;
  if (!s) return null;
  const line = statusLine(s, i);
  return (
    <Panel title={i.t('tg.title')} id="panel-telegram">
      <label className="check">
        <input
          type="checkbox"
          name="postTelegram"
          checked={s.post}
          disabled={!mayAct || busy}
          onChange={(e) => void act(() => api.put<TelegramStatus>(`/editions/${ed.id}/telegram`, { post: e.target.checked }))}
        />
        {i.t('tg.post')}
      </label>
      {!s.configured && s.state === 'none' ? (
        <p className="muted small">{i.t('tg.notConfigured')}</p>
      ) : (
        <div className="tg-status" role="status" data-telegram-state={s.state}>
          <p className="small">
            {line}{' '}
            {s.messageUrl && (
              <a href={s.messageUrl} target="_blank" rel="noopener noreferrer">
                {i.t('tg.openPost')}
              </a>
            )}
          </p>
          {s.error && (s.state === 'failed' || s.state === 'queued') && <p className="small field-error">{i.t('tg.telegramSays', { detail: s.error })}</p>}
          {s.error && s.state === 'uncertain' && <p className="small muted">{s.error}</p>}
          {mayAct && s.state === 'failed' && (
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => void act(() => api.post<TelegramStatus>(`/editions/${ed.id}/telegram/retry`))}>
              {i.t('tg.retry')}
            </button>
          )}
          {mayAct && s.state === 'uncertain' && (
            <div className="btn-row">
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => void act(() => api.post<TelegramStatus>(`/editions/${ed.id}/telegram/retry`))}>
                {i.t('tg.postAgain')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                disabled={busy}
                onClick={() => {
                  if (window.confirm(i.t('tg.markPostedConfirm'))) void act(() => api.post<TelegramStatus>(`/editions/${ed.id}/telegram/mark-posted`));
                }}
              >
                {i.t('tg.markPosted')}
              </button>
            </div>
          )}
        </div>
      )}
    </Panel>
  );
}

function statusLine(s: TelegramStatus, i: ReturnType<typeof useI18n>): string {
  switch (s.state) {
    case 'queued':
      return s.nextRetryAt ? i.t('tg.state.retrying', { at: i.dateTime(new Date(s.nextRetryAt).toISOString()) }) : i.t('tg.state.queued');
    case 'sent':
      return s.linked ? i.t('tg.state.sent') : i.t('tg.state.sentUnlinked');
    default:
      return i.t(`tg.state.${s.state}`);
  }
}
