/** Own account: change password, two-step sign-in, sign out everywhere. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { NewPasswordFields, useNewPassword } from '../components/new-password';
import { ErrorBox, Field, useFormErrors } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n';
import { navigate } from '../router';
import { useUser, useSession } from '../session';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import { TwoFactorSection } from './TwoFactorSettings';

export function AccountPage() {
  const i = useI18n();
  const user = useUser();
  const session = useSession();
  usePageTitle(i.t('account.title'));
  const [current, setCurrent] = useState('');
  const next = useNewPassword();
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next.mismatch) return;
    setBusy(true);
    errs.clear();
    try {
      await api.post('/me/password', { currentPassword: current, newPassword: next.password });
      setCurrent('');
      next.clear();
      notify(i.t('account.passwordChanged'), 'success');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) errs.set(new ApiError(422, 'validation_failed', '', { fields: [{ field: 'currentPassword', message: err.text() || i.t('account.wrongCurrent') }] }));
      else errs.set(err);
    } finally {
      setBusy(false);
    }
  };

  const everywhere = async () => {
    try {
      await api.post('/logout-everywhere');
    } catch (e) {
      errs.set(e);
      return;
    }
    await session.signedOut();
    navigate('/login', { replace: true, force: true });
  };

  return (
    <div className="page page-narrow">
      <header className="page-head">
        <h1>{i.t('account.title')}</h1>
      </header>
      <section className="card">
        <dl className="kv">
          <dt>{i.t('field.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{i.t('field.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{i.t('field.role')}</dt>
          <dd>{i.t(`role.${user.role}` as MessageKey)}</dd>
        </dl>
      </section>
      <form className="card" onSubmit={submit}>
        <h2>{i.t('account.changePassword')}</h2>
        <Field label={i.t('account.currentPassword')} error={errs.of('currentPassword')}>
          <input className="input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        </Field>
        <NewPasswordFields pw={next} label={i.t('account.newPassword')} error={errs.of('newPassword')} />
        <ErrorBox error={errs.general} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !current || !next.password || next.mismatch}>
            {i.t('account.changePassword')}
          </button>
        </div>
      </form>
      <TwoFactorSection />
      <section className="card">
        <h2>{i.t('menu.signOutEverywhere')}</h2>
        <p className="muted">{i.t('account.everywhereHint')}</p>
        <div className="form-actions">
          <button type="button" className="btn btn-danger-outline" onClick={() => void everywhere()}>
            {i.t('menu.signOutEverywhere')}
          </button>
        </div>
      </section>
    </div>
  );
}
