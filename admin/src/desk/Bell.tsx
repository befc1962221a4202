/**
 * The notifications bell in the top bar: an unread badge and a list (mark one read by opening it,
 * mark all read). It polls every 15 s while the tab is visible, and at once when the tab comes
 * back: polling works through the session cookie like every other call, holds no connection open
 * on any node, and any node answers from the same table (docs/newsroom-api.md, "Notifications").
 * It lives inside the signed-in shell, so signing out unmounts it and the polling stops.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Icon, errorText } from '../components/ui';
import { useI18n, type I18n, type MessageKey } from '../i18n';
import { navigate, Link } from '../router';
import { notify } from '../toast';
import { desk, type Inbox, type Notification } from './desk.api';

const POLL_MS = 15_000;

export function notificationText(n: Notification, i: I18n): string {
  return i.t(`notif.${n.kind}` as MessageKey, { who: n.actorName ?? i.t('notif.system'), headline: n.headline || i.t('notif.untitled'), topic: n.topic });
}

export function NotificationsBell() {
  const i = useI18n();
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      setInbox(await desk.inbox(signal));
    } catch {
      /* a missed poll is retried at the next tick */
    }
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    void load(ac.signal);
    const timer = setInterval(() => document.visibilityState === 'visible' && void load(ac.signal), POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void load(ac.signal);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      ac.abort();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);

  useEffect(() => {
    if (!open) return;
    void load();
    const onDown = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, load]);

  const openOne = async (n: Notification) => {
    setOpen(false);
    if (!n.read) {
      try {
        const r = await desk.read(n.id);
        setInbox((b) => b && { unread: r.unread, items: b.items.map((x) => (x.id === n.id ? { ...x, read: true } : x)) });
      } catch (e) {
        notify(errorText(e, i), 'error');
      }
    }
    if (n.editionId) navigate(`/stories/${n.editionId}`);
  };

  const readAll = async () => {
    try {
      await desk.readAll();
      setInbox((b) => b && { unread: 0, items: b.items.map((x) => ({ ...x, read: true })) });
    } catch (e) {
      notify(errorText(e, i), 'error');
    }
  };

  const unread = inbox?.unread ?? 0;
  return (
    <div className="bell" ref={ref}>
      <button type="button" className="icon-btn bell-btn" aria-haspopup="true" aria-expanded={open} aria-label={unread ? i.tn('notif.bellUnread', unread) : i.t('notif.bell')} onClick={() => setOpen((v) => !v)}>
        <Icon name="bell" />
        {unread > 0 && (
          <span className="bell-badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell-pop" role="dialog" aria-label={i.t('notif.title')}>
          <div className="bell-head">
            <strong>{i.t('notif.title')}</strong>
            <button type="button" className="collab-link" disabled={!unread} onClick={() => void readAll()}>
              {i.t('notif.readAll')}
            </button>
          </div>
          {inbox && inbox.items.length === 0 && <p className="muted small bell-empty">{i.t('notif.empty')}</p>}
          <ul className="bell-list">
            {inbox?.items.map((n) => (
              <li key={n.id}>
                <button type="button" className={`bell-item${n.read ? '' : ' unread'}`} onClick={() => void openOne(n)}>
                  <span className="bell-text">{notificationText(n, i)}</span>
                  {n.reason && <span className="bell-reason">«{n.reason}»</span>}
                  <time className="muted small" dateTime={new Date(n.at).toISOString()}>
                    {i.dayTime(new Date(n.at))}
                  </time>
                  {!n.read && <span className="sr-only">{i.t('notif.unread')}</span>}
                </button>
              </li>
            ))}
          </ul>
          <div className="bell-foot">
            <Link to="/assignments" onClick={() => setOpen(false)}>
              {i.t('collab.myAssignments')}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
