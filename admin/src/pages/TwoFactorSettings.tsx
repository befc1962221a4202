/**
 * Two-step sign-in outside the sign-in pages: the section of the own account page (status, turn
 * on/off, new recovery codes), the administrator's choice of roles that require it (settings) and
 * the reset of another user's (users).
 */
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { Dialog, ErrorBox, Field, Spinner, errorText, useFormErrors, useLoad } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n';
import { notify } from '../toast';
import { ROLES, type Role, type User } from '../types';
import { CodeInput, EnrolFlow, RecoveryCodes, codeReady } from './TwoFactor';

interface Status {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

/** Asks for a current code, then runs `action` with it. */
function CodeDialog({ title, hint, confirmLabel, danger, onConfirm, onClose }: { title: string; hint: string; confirmLabel: string; danger?: boolean; onConfirm(code: string): Promise<void>; onClose(): void }) {
  const i = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errs.clear();
    try {
      await onConfirm(code.replace(/\s/g, ''));
    } catch (err) {
      errs.set(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {i.t('common.cancel')}
          </button>
          <button type="submit" form="code-form" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy || !codeReady(code)}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <form id="code-form" onSubmit={submit}>
        <p>{hint}</p>
        <Field label={i.t('twofa.code')} error={errs.of('code')}>
          <CodeInput value={code} onChange={setCode} autoFocus />
        </Field>
        <ErrorBox error={errs.general && errorText(errs.general, i) === i.t('error.forbidden') ? (errs.general as Error).message : errs.general} />
      </form>
    </Dialog>
  );
}

/** "Two-step sign-in" on the own account page: status, turn on/off, new recovery codes. */
export function TwoFactorSection() {
  const i = useI18n();
  const status = useLoad(() => api.get<Status>('/two-factor'), []);
  const [enrolling, setEnrolling] = useState(false);
  const [dialog, setDialog] = useState<'regenerate' | 'disable' | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const s = status.data;
  return (
    <section className="card" data-testid="two-factor-section">
      <h2>{i.t('twofa.section')}</h2>
      <ErrorBox error={status.error} onRetry={status.reload} />
      {!s ? (
        !status.error && <Spinner />
      ) : codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : enrolling ? (
        <EnrolFlow
          onDone={() => {
            setEnrolling(false);
            notify(i.t('twofa.enabledToast'), 'success');
            status.reload();
          }}
        />
      ) : (
        <>
          <p className="muted">{i.t('twofa.sectionHint')}</p>
          <dl className="kv">
            <dt>{i.t('users.state')}</dt>
            <dd>
              {s.enabled ? <span className="badge badge-published">{i.t('twofa.on')}</span> : <span className="badge badge-draft">{i.t('twofa.off')}</span>}
              {s.required && <span className="muted"> · {i.t('twofa.required')}</span>}
            </dd>
          </dl>
          {s.enabled && <p className="muted">{i.t('twofa.codesLeft', { n: s.recoveryCodesLeft })}</p>}
          <div className="form-actions form-actions-wrap">
            {s.enabled ? (
              <>
                <button type="button" className="btn" onClick={() => setDialog('regenerate')}>
                  {i.t('twofa.regenerate')}
                </button>
                {!s.required && (
                  <button type="button" className="btn btn-danger-outline" onClick={() => setDialog('disable')}>
                    {i.t('twofa.disable')}
                  </button>
                )}
              </>
            ) : (
              <button type="button" className="btn btn-primary" onClick={() => setEnrolling(true)}>
                {i.t('twofa.enable')}
              </button>
            )}
          </div>
        </>
      )}
      {dialog === 'regenerate' && (
        <CodeDialog
          title={i.t('twofa.regenerate')}
          hint={i.t('twofa.regenerateHint')}
          confirmLabel={i.t('twofa.regenerate')}
          onClose={() => setDialog(null)}
          onConfirm={async (code) => {
            const r = await api.post<{ recoveryCodes: string[] }>('/two-factor/recovery-codes', { code });
            setDialog(null);
            setCodes(r.recoveryCodes);
            status.reload();
          }}
        />
      )}
      {dialog === 'disable' && (
        <CodeDialog
          title={i.t('twofa.disable')}
          hint={i.t('twofa.disableHint')}
          confirmLabel={i.t('twofa.disable')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async (code) => {
            await api.post('/two-factor/disable', { code });
            setDialog(null);
            notify(i.t('twofa.disabledToast'), 'success');
            status.reload();
          }}
        />
      )}
    </section>
  );
}

/** Settings: the roles that must use two-step sign-in (saved on their own endpoint). */
export function TwoFactorRolesSection() {
  const i = useI18n();
  const load = useLoad(() => api.get<{ twoFactorRoles: Role[] }>('/security-settings'), []);
  const [roles, setRoles] = useState<Role[] | null>(null);
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  const current = roles ?? load.data?.twoFactorRoles ?? null;
  const save = async () => {
    if (!current) return;
    setBusy(true);
    errs.clear();
    try {
      const r = await api.put<{ twoFactorRoles: Role[] }>('/security-settings', { twoFactorRoles: current });
      load.setData(r);
      setRoles(null);
      notify(i.t('twofa.rolesSaved'), 'success');
    } catch (e) {
      errs.set(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="two-factor-roles">
      <h2>{i.t('twofa.rolesTitle')}</h2>
      <p className="muted">{i.t('twofa.rolesHint')}</p>
      <ErrorBox error={load.error} onRetry={load.reload} />
      {current && (
        <fieldset className="checks checks-inline fieldset-plain">
          <legend className="sr-only">{i.t('twofa.rolesTitle')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="check">
              <input type="checkbox" checked={current.includes(r)} onChange={(e) => setRoles(e.target.checked ? [...current, r] : current.filter((x) => x !== r))} />
              {i.t(`role.${r}` as MessageKey)}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorBox error={errs.general} />
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={busy || !roles} onClick={() => void save()}>
          {i.t('twofa.rolesSave')}
        </button>
      </div>
    </section>
  );
}

/** Users: an administrator's reset of someone's two-step sign-in (e.g. a lost phone). */
export function ResetTwoFactorDialog({ user, onClose, onDone }: { user: User; onClose(): void; onDone(): void }) {
  const i = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    try {
      await api.del(`/users/${user.id}/two-factor`);
      notify(i.t('twofa.resetDone', { name: user.name }), 'success');
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title={i.t('twofa.resetTitle', { name: user.name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {i.t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void run()}>
            {i.t('twofa.reset')}
          </button>
        </>
      }
    >
      <p>{i.t('twofa.resetMessage', { name: user.name })}</p>
      <ErrorBox error={error} />
    </Dialog>
  );
}
