/**
 * Webhooks (admin): endpoints with their events and state, the signing secret shown once (on
 * creation and rotation) with a copy button, disable/enable, delete, "send test event", the
 * "allow private targets" setting, and each endpoint's delivery log.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { ConfirmDialog, Dialog, ErrorBox, Field, FormFooter, Spinner, errorText, useFormAction, useLoad } from '../components/ui';
import { ListPageHead, ListTable } from '../components/list-table';
import { useI18n, type MessageKey } from '../i18n';
import { usePageTitle } from '../title';
import { notify } from '../toast';

const EVENTS = ['story.published', 'story.updated', 'story.corrected', 'story.unpublished'] as const;
type WebhookEvent = (typeof EVENTS)[number];

interface Endpoint {
  id: number;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  state: 'ok' | 'failing';
  failingSince: string | null;
  lastError: string;
  createdAt: string;
  updatedAt: string;
}
interface Delivery {
  id: number;
  eventId: string;
  eventType: string;
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  responseHead: string;
  error: string;
  at: string;
}
interface ListResponse {
  items: Endpoint[];
  settings: { allowPrivateTargets: boolean };
}

const eventLabel = (e: string): MessageKey => `webhooks.event.${e}` as MessageKey;

export function WebhooksPage() {
  const i = useI18n();
  usePageTitle(i.t('webhooks.title'));
  const list = useLoad((signal) => api.get<ListResponse>('/webhooks', undefined, signal), []);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [deleting, setDeleting] = useState<Endpoint | null>(null);
  const [rotating, setRotating] = useState<Endpoint | null>(null);
  const [logOf, setLogOf] = useState<Endpoint | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const replace = (e: Endpoint) => list.setData((d) => (d ? { ...d, items: d.items.map((x) => (x.id === e.id ? e : x)) } : d));
  const run = async (id: number, fn: () => Promise<void>) => {
    setBusy(id);
    try {
      await fn();
    } catch (e) {
      notify(errorText(e, i), 'error');
    } finally {
      setBusy(null);
    }
  };
  const toggle = (e: Endpoint) => run(e.id, async () => replace(await api.patch<Endpoint>(`/webhooks/${e.id}`, { active: !e.active })));
  const test = (e: Endpoint) =>
    run(e.id, async () => {
      const d = await api.post<Delivery>(`/webhooks/${e.id}/test`);
      if (d.ok) notify(i.t('webhooks.testOk', { status: d.statusCode ?? '', ms: d.latencyMs }), 'success');
      else notify(i.t('webhooks.testFailed', { error: d.error || `HTTP ${d.statusCode}` }), 'error');
      list.reload();
    });
  const setAllowPrivate = (on: boolean) =>
    run(0, async () => {
      const s = await api.put<{ allowPrivateTargets: boolean }>('/webhooks/settings', { allowPrivateTargets: on });
      list.setData((d) => (d ? { ...d, settings: s } : d));
      notify(i.t('common.savedToast'), 'success');
    });

  return (
    <div className="page">
      <ListPageHead title={i.t('webhooks.title')} newLabel={i.t('webhooks.new')} onNew={() => setCreating(true)} />
      <p className="muted">{i.t('webhooks.intro')}</p>
      {secret && <SecretBox url={secret.url} secret={secret.secret} onClose={() => setSecret(null)} />}
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? (
        <Spinner />
      ) : list.data ? (
        <>
          {list.data.items.length === 0 ? (
            <p className="empty muted">{i.t('webhooks.empty')}</p>
          ) : (
            <ListTable
              columns={
                <>
                  <th>{i.t('webhooks.url')}</th>
                  <th>{i.t('webhooks.events')}</th>
                  <th>{i.t('webhooks.state')}</th>
                </>
              }
              testId="webhooks"
            >
              {list.data.items.map((e) => (
                <tr key={e.id} className={e.active ? '' : 'row-disabled'} data-webhook={e.url}>
                  <td className="cell-wrap mono">{e.url}</td>
                  <td data-label={i.t('webhooks.events')}>{e.events.map((x) => i.t(eventLabel(x))).join(', ')}</td>
                  <td data-label={i.t('webhooks.state')}>
                    {e.active ? <span className="badge badge-published">{i.t('webhooks.on')}</span> : <span className="badge badge-unpublished">{i.t('webhooks.off')}</span>}
                    {e.state === 'failing' && (
                      <span className="badge badge-review" title={e.lastError}>
                        {i.t('webhooks.failing', { at: i.dateTime(e.failingSince) })}
                      </span>
                    )}
                    {e.state === 'failing' && e.lastError && <div className="muted small">{i.t('webhooks.lastError', { error: e.lastError })}</div>}
                  </td>
                  <td className="actions">
                    <button type="button" className="btn btn-small" onClick={() => setLogOf(e)}>{i.t('webhooks.log')}</button>
                    <button type="button" className="btn btn-small" disabled={busy === e.id} onClick={() => void test(e)}>{i.t('webhooks.test')}</button>
                    <button type="button" className="btn btn-small" onClick={() => setRotating(e)}>{i.t('webhooks.rotate')}</button>
                    <button type="button" className="btn btn-small" disabled={busy === e.id} onClick={() => void toggle(e)}>{e.active ? i.t('webhooks.disable') : i.t('webhooks.enable')}</button>
                    <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setDeleting(e)}>{i.t('common.delete')}</button>
                  </td>
                </tr>
              ))}
            </ListTable>
          )}
          <section className="card">
            <h2>{i.t('webhooks.settings')}</h2>
            <label className="check">
              <input type="checkbox" checked={list.data.settings.allowPrivateTargets} disabled={busy === 0} onChange={(ev) => void setAllowPrivate(ev.target.checked)} aria-describedby="webhooks-private-hint" />
              {i.t('webhooks.allowPrivate')}
            </label>
            <p className="muted small" id="webhooks-private-hint">{i.t('webhooks.allowPrivateHint')}</p>
          </section>
        </>
      ) : null}
      {logOf && <DeliveryLog endpoint={logOf} onClose={() => setLogOf(null)} />}
      <CreateDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(e, s) => {
          list.setData((d) => (d ? { ...d, items: [...d.items, e] } : d));
          setSecret({ url: e.url, secret: s });
        }}
      />
      <ConfirmDialog
        open={!!rotating}
        title={i.t('webhooks.rotateTitle')}
        message={i.t('webhooks.rotateMessage')}
        confirmLabel={i.t('webhooks.rotate')}
        onConfirm={async () => {
          if (!rotating) return;
          try {
            const r = await api.post<{ endpoint: Endpoint; secret: string }>(`/webhooks/${rotating.id}/rotate`);
            replace(r.endpoint);
            setSecret({ url: r.endpoint.url, secret: r.secret });
          } catch (e) {
            notify(errorText(e, i), 'error');
            throw e;
          }
        }}
        onClose={() => setRotating(null)}
      />
      <ConfirmDialog
        open={!!deleting}
        title={i.t('webhooks.deleteTitle')}
        message={deleting ? i.t('webhooks.deleteMessage', { url: deleting.url }) : ''}
        confirmLabel={i.t('common.delete')}
        danger
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await api.del(`/webhooks/${deleting.id}`);
            const id = deleting.id;
            list.setData((d) => (d ? { ...d, items: d.items.filter((x) => x.id !== id) } : d));
            if (logOf?.id === id) setLogOf(null);
            notify(i.t('webhooks.deletedToast'), 'success');
          } catch (e) {
            notify(errorText(e, i), 'error');
            throw e;
          }
        }}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}

/** The secret, shown once: the server never sends it again. */
function SecretBox({ url, secret, onClose }: { url: string; secret: string; onClose(): void }) {
  const i = useI18n();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      notify(i.t('webhooks.copied'));
    } catch {
      notify(i.t('webhooks.copyFailed'), 'error');
    }
  };
  return (
    <section className="card share-fresh" role="status" data-testid="webhook-secret">
      <h2>{i.t('webhooks.secretTitle')}</h2>
      <p className="muted small">
        <span className="mono">{url}</span> — {i.t('webhooks.secretOnce')}
      </p>
      <div className="share-fresh-row">
        <input className="input mono" readOnly value={secret} aria-label={i.t('webhooks.secretTitle')} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn btn-small" onClick={() => void copy()}>{i.t('webhooks.copy')}</button>
        <button type="button" className="btn btn-small" onClick={onClose}>{i.t('common.close')}</button>
      </div>
    </section>
  );
}

function CreateDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(e: Endpoint, secret: string): void }) {
  const i = useI18n();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...EVENTS]);
  const [active, setActive] = useState(true);
  const { busy, errs, run } = useFormAction();
  const close = () => {
    setUrl('');
    setEvents([...EVENTS]);
    setActive(true);
    errs.clear();
    onClose();
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      const r = await api.post<{ endpoint: Endpoint; secret: string }>('/webhooks', { url: url.trim(), events, active });
      onCreated(r.endpoint, r.secret);
      notify(i.t('webhooks.createdToast'), 'success');
      close();
    });
  };
  return (
    <Dialog open={open} onClose={close} title={i.t('webhooks.new')} footer={<FormFooter form="webhook-form" submitLabel={i.t('common.create')} onCancel={close} disabled={busy} />}>
      <form id="webhook-form" onSubmit={submit}>
        <Field label={i.t('webhooks.url')} error={errs.of('url')} hint={i.t('webhooks.urlHint')}>
          <input className="input mono" name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/hooks/xabar" required autoFocus />
        </Field>
        <Field label={i.t('webhooks.events')} error={errs.of('events')}>
          <div className="checks">
            {EVENTS.map((x) => (
              <label key={x} className="check">
                <input type="checkbox" name="events" value={x} checked={events.includes(x)} onChange={(e) => setEvents(e.target.checked ? EVENTS.filter((y) => y === x || events.includes(y)) : events.filter((y) => y !== x))} />
                {i.t(eventLabel(x))} <span className="muted small mono">{x}</span>
              </label>
            ))}
          </div>
        </Field>
        <label className="check">
          <input type="checkbox" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {i.t('webhooks.active')}
        </label>
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}

function DeliveryLog({ endpoint, onClose }: { endpoint: Endpoint; onClose(): void }) {
  const i = useI18n();
  const [pages, setPages] = useState<Delivery[][]>([]);
  const [next, setNext] = useState<number | null>(null);
  const first = useLoad(async (signal) => {
    const r = await api.get<{ items: Delivery[]; next: number | null }>(`/webhooks/${endpoint.id}/deliveries`, undefined, signal);
    setPages([r.items]);
    setNext(r.next);
    return r;
  }, [endpoint.id]);
  const more = async () => {
    if (next === null) return;
    try {
      const r = await api.get<{ items: Delivery[]; next: number | null }>(`/webhooks/${endpoint.id}/deliveries`, { before: next });
      setPages((p) => [...p, r.items]);
      setNext(r.next);
    } catch (e) {
      notify(errorText(e, i), 'error');
    }
  };
  const rows = pages.flat();
  return (
    <Dialog open onClose={onClose} wide title={i.t('webhooks.logFor', { url: endpoint.url })} footer={<button type="button" className="btn" onClick={onClose}>{i.t('common.close')}</button>}>
      <ErrorBox error={first.error} onRetry={first.reload} />
      {first.loading && rows.length === 0 ? (
        <Spinner />
      ) : rows.length === 0 ? (
        <p className="muted">{i.t('webhooks.logEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="webhook-log">
            <thead>
              <tr>
                <th>{i.t('webhooks.at')}</th>
                <th>{i.t('webhooks.event')}</th>
                <th>{i.t('webhooks.attempt')}</th>
                <th>{i.t('webhooks.status')}</th>
                <th>{i.t('webhooks.latency')}</th>
                <th>{i.t('webhooks.response')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">{i.dateTime(d.at)}</td>
                  <td className="mono small">{d.eventType}</td>
                  <td>{d.attempt}</td>
                  <td>
                    <span className={`badge ${d.ok ? 'badge-published' : 'badge-unpublished'}`}>{d.statusCode ?? '—'}</span>
                  </td>
                  <td className="nowrap">{i.t('webhooks.ms', { ms: d.latencyMs })}</td>
                  <td className="cell-wrap">
                    {d.error && <div className="small">{i.t('webhooks.lastError', { error: d.error })}</div>}
                    {d.responseHead && <code className="small">{d.responseHead}</code>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" className="btn btn-small" onClick={() => void more()}>{i.t('webhooks.more')}</button>
      )}
    </Dialog>
  );
}
