/**
 * Wire API keys (admin): create a key for a subscriber (name, languages, sections, rate), see it
 * once with a copy button, list keys by prefix with their last use, revoke. docs/wire.md.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { ConfirmDialog, Dialog, ErrorBox, Field, FormFooter, Spinner, errorText, useFormAction, useLoad } from '../components/ui';
import { ListPageHead, ListTable } from '../components/list-table';
import { useSections } from '../data';
import { useI18n } from '../i18n';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import { LOCALES, LOCALE_NAMES, type Locale, type Section } from '../types';

interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  locales: Locale[];
  sectionIds: number[];
  ratePerMinute: number;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const sectionName = (s: Section | undefined, lang: string) => (s ? s.names[lang as Locale] || s.names.ru || s.slug : '?');

export function ApiKeysPage() {
  const i = useI18n();
  usePageTitle(i.t('apiKeys.title'));
  const list = useLoad((signal) => api.get<{ keys: ApiKey[]; defaultRatePerMinute: number }>('/api-keys', undefined, signal), []);
  const sections = useSections();
  const [creating, setCreating] = useState(false);
  const [fresh, setFresh] = useState<{ key: ApiKey; token: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const revoke = async (k: ApiKey) => {
    try {
      const res = await api.post<ApiKey>(`/api-keys/${k.id}/revoke`);
      list.setData((d) => (d ? { ...d, keys: d.keys.map((x) => (x.id === res.id ? res : x)) } : d));
      notify(i.t('apiKeys.revokedToast', { name: k.name }), 'success');
    } catch (e) {
      notify(errorText(e, i), 'error');
      list.reload();
      throw e;
    }
  };

  return (
    <div className="page">
      <ListPageHead title={i.t('apiKeys.title')} newLabel={i.t('apiKeys.new')} onNew={() => setCreating(true)} />
      <p className="muted">{i.t('apiKeys.intro')}</p>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? (
        <Spinner />
      ) : list.data && list.data.keys.length === 0 ? (
        <p className="muted">{i.t('apiKeys.none')}</p>
      ) : list.data ? (
        <ListTable
          columns={
            <>
              <th>{i.t('field.name')}</th>
              <th>{i.t('apiKeys.prefix')}</th>
              <th>{i.t('apiKeys.rights')}</th>
              <th>{i.t('apiKeys.rate')}</th>
              <th>{i.t('apiKeys.lastUsed')}</th>
            </>
          }
        >
          {list.data.keys.map((k) => (
            <tr key={k.id} className={k.revokedAt ? 'row-disabled' : ''} data-api-key={k.name}>
              <td className="nowrap">
                <strong>{k.name}</strong>
                {k.revokedAt && <span className="badge badge-unpublished">{i.t('apiKeys.revoked')}</span>}
              </td>
              <td data-label={i.t('apiKeys.prefix')}>
                <code>{k.prefix}…</code>
              </td>
              <td data-label={i.t('apiKeys.rights')} className="cell-wrap">
                {k.locales.map((l) => LOCALE_NAMES[l]).join(', ')}
                {' · '}
                {k.sectionIds.length === 0 ? i.t('apiKeys.allSections') : k.sectionIds.map((id) => sectionName(sections.find((s) => s.id === id), i.lang)).join(', ')}
              </td>
              <td data-label={i.t('apiKeys.rate')} className="nowrap">
                {i.t('apiKeys.perMinute', { n: k.ratePerMinute })}
              </td>
              <td data-label={i.t('apiKeys.lastUsed')} className="nowrap">
                {k.lastUsedAt ? i.dateTime(k.lastUsedAt) : i.t('apiKeys.never')}
              </td>
              <td className="actions">
                {!k.revokedAt && (
                  <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setRevoking(k)}>
                    {i.t('apiKeys.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      <CreateKeyDialog
        open={creating}
        defaultRate={list.data?.defaultRatePerMinute ?? 600}
        sections={sections}
        onClose={() => setCreating(false)}
        onCreated={(made) => {
          list.setData((d) => (d ? { ...d, keys: [made.key, ...d.keys] } : d));
          setFresh(made);
        }}
      />
      <ShowOnceDialog made={fresh} onClose={() => setFresh(null)} />
      <ConfirmDialog
        open={!!revoking}
        title={i.t('apiKeys.revokeTitle')}
        message={revoking ? i.t('apiKeys.revokeMessage', { name: revoking.name }) : ''}
        confirmLabel={i.t('apiKeys.revoke')}
        danger
        onConfirm={() => (revoking ? revoke(revoking) : undefined)}
        onClose={() => setRevoking(null)}
      />
    </div>
  );
}

function CreateKeyDialog({ open, defaultRate, sections, onClose, onCreated }: { open: boolean; defaultRate: number; sections: Section[]; onClose(): void; onCreated(made: { key: ApiKey; token: string }): void }) {
  const i = useI18n();
  const [name, setName] = useState('');
  const [locales, setLocales] = useState<Locale[]>([...LOCALES]);
  const [sectionIds, setSectionIds] = useState<number[]>([]);
  const [rate, setRate] = useState('');
  const { busy, errs, run } = useFormAction();
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const close = () => {
    setName('');
    setLocales([...LOCALES]);
    setSectionIds([]);
    setRate('');
    errs.clear();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const made = await api.post<ApiKey & { token: string }>('/api-keys', { name: name.trim(), locales, sectionIds, ratePerMinute: rate === '' ? defaultRate : Number(rate) });
      const { token, ...key } = made;
      onCreated({ key, token });
      close();
    });
  };
  return (
    <Dialog open={open} onClose={close} title={i.t('apiKeys.new')} footer={<FormFooter form="api-key-form" submitLabel={i.t('common.create')} onCancel={close} disabled={busy || locales.length === 0} />}>
      <form id="api-key-form" onSubmit={submit}>
        <Field label={i.t('field.name')} error={errs.of('name')} hint={i.t('apiKeys.nameHint')}>
          <input className="input" name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} autoFocus />
        </Field>
        <fieldset className="field">
          <legend>{i.t('apiKeys.locales')}</legend>
          {LOCALES.map((l) => (
            <label key={l} className="check">
              <input type="checkbox" name={`locale-${l}`} checked={locales.includes(l)} onChange={() => setLocales((x) => toggle(x, l))} /> {LOCALE_NAMES[l]}
            </label>
          ))}
          {errs.of('locales') && <p className="field-error">{errs.of('locales')}</p>}
        </fieldset>
        <fieldset className="field">
          <legend>{i.t('apiKeys.sections')}</legend>
          <p className="muted small">{i.t('apiKeys.sectionsHint')}</p>
          {sections.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" name={`section-${s.slug}`} checked={sectionIds.includes(s.id)} onChange={() => setSectionIds((x) => toggle(x, s.id))} /> {sectionName(s, i.lang)}
            </label>
          ))}
          {errs.of('sectionIds') && <p className="field-error">{errs.of('sectionIds')}</p>}
        </fieldset>
        <Field label={i.t('apiKeys.rate')} error={errs.of('ratePerMinute')} hint={i.t('apiKeys.rateHint', { n: defaultRate })}>
          <input className="input" name="ratePerMinute" type="number" min={1} max={100000} step={1} value={rate} placeholder={String(defaultRate)} onChange={(e) => setRate(e.target.value)} />
        </Field>
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}

/** The key itself, once: it is stored only as a hash and cannot be shown again. */
function ShowOnceDialog({ made, onClose }: { made: { key: ApiKey; token: string } | null; onClose(): void }) {
  const i = useI18n();
  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.token);
      notify(i.t('apiKeys.copied'), 'success');
    } catch {
      notify(i.t('share.copyFailed'), 'error');
    }
  };
  return (
    <Dialog
      open={!!made}
      onClose={onClose}
      dismissible={false}
      title={made ? i.t('apiKeys.createdTitle', { name: made.key.name }) : ''}
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {i.t('apiKeys.done')}
        </button>
      }
    >
      <p>{i.t('apiKeys.showOnce')}</p>
      <div className="share-make">
        <input className="input" readOnly value={made?.token ?? ''} aria-label={i.t('apiKeys.key')} data-api-key-token onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn" onClick={() => void copy()}>
          {i.t('apiKeys.copy')}
        </button>
      </div>
      <p className="muted small">{i.t('apiKeys.usage')}</p>
    </Dialog>
  );
}
