/** First-run setup (creates the first administrator) and the sign-in form. */
import { useState, type FormEvent } from 'react';
import { api, ApiError, setCsrfToken } from '../api';
import { NewPasswordFields, useNewPassword } from '../components/new-password';
import { Dialog, ErrorBox, Field, useFormErrors } from '../components/ui';
import { navigate } from '../router';
import { useI18n } from '../i18n';
import { LangSwitch } from '../App';
import { REAUTH_EVENT, useSession } from '../session';
import { usePageTitle } from '../title';
import type { SignedIn } from '../types';

export function SetupPage() {
  const i = useI18n();
  const session = useSession();
  usePageTitle(i.t('setup.title'));
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const pw = useNewPassword();
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pw.mismatch) return;
    setBusy(true);
    errs.clear();
    try {
      const r = await api.post<SignedIn>('/setup', { email: email.trim(), name: name.trim(), password: pw.password });
      session.signedIn(r.user, r.csrfToken, r.secondFactor);
    } catch (err) {
      // Someone else finished setup first: fall through to sign-in.
      if (err instanceof ApiError && (err.status === 409 || err.status === 403)) await session.refresh();
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-wrap">
      <form className="auth-card auth-card-wide" onSubmit={submit} noValidate={false}>
        <div className="auth-head">
          <div className="brand brand-dark">
            <span className="brand-mark">X</span>
            <span className="brand-name">Xabar</span>
          </div>
          <LangSwitch />
        </div>
        <h1>{i.t('setup.title')}</h1>
        <p className="muted">{i.t('setup.intro')}</p>
        <Field label={i.t('field.name')} error={errs.of('name')}>
          <input className="input" name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        <Field label={i.t('field.email')} error={errs.of('email')}>
          <input className="input" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <NewPasswordFields pw={pw} label={i.t('field.password')} error={errs.of('password')} name="password" />
        <ErrorBox error={errs.general} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || pw.mismatch || !email || !name || !pw.password}>
          {busy ? i.t('common.working') : i.t('setup.submit')}
        </button>
      </form>
    </main>
  );
}

export function LoginPage({ expired }: { expired: boolean }) {
  const i = useI18n();
  const session = useSession();
  usePageTitle(i.t('login.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errs.clear();
    try {
      const r = await api.post<SignedIn>('/login', { email: email.trim(), password });
      // With two-step sign-in on, the app now shows the code page (App.tsx).
      session.signedIn(r.user, r.csrfToken, r.secondFactor);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) errs.set(new ApiError(401, 'unauthorized', i.t('login.wrong')));
      else if (err instanceof ApiError && err.status === 403 && err.code === 'csrf') {
        await session.refresh();
        errs.set(err);
      } else errs.set(err);
    } finally {
      setBusy(false);
    }
  };

  const general = errs.general instanceof ApiError && errs.general.status === 401 ? errs.general.message : errs.general;
  return (
    <main className="auth-wrap">
      <form className="auth-card" onSubmit={submit}>
        <div className="auth-head">
          <div className="brand brand-dark">
            <span className="brand-mark">X</span>
            <span className="brand-name">Xabar</span>
          </div>
          <LangSwitch />
        </div>
        <h1>{i.t('login.title')}</h1>
        {expired && <div className="notice notice-info">{i.t('login.expired')}</div>}
        <Field label={i.t('field.email')} error={errs.of('email')}>
          <input className="input" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </Field>
        <Field label={i.t('field.password')} error={errs.of('password')}>
          <input className="input" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <ErrorBox error={general} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || !email || !password}>
          {busy ? i.t('common.working') : i.t('login.submit')}
        </button>
      </form>
    </main>
  );
}


/**
 * Shown over the current page when the session ended: nothing on the page is lost. With two-step
 * sign-in on, the code is asked for here too, so the page under the dialog stays mounted.
 */
export function ReauthDialog() {
  const i = useI18n();
  const session = useSession();
  const user = session.user!;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  const done = (r: SignedIn) => {
    session.signedIn(r.user, r.csrfToken, r.secondFactor);
    setPassword('');
    setCode(null);
    if (r.user.id === user.id) window.dispatchEvent(new Event(REAUTH_EVENT));
    else navigate('/stories', { replace: true, force: true });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errs.clear();
    try {
      if (code !== null) {
        done(await api.post<SignedIn>('/two-factor/verify', { code: code.replace(/\s/g, '') }));
        return;
      }
      const r = await api.post<SignedIn>('/login', { email: user.email, password });
      if (r.secondFactor === 'verify') {
        // Password accepted; the session is not usable until the code: keep the dialog.
        setCsrfToken(r.csrfToken);
        setCode('');
      } else done(r);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) errs.set(new ApiError(401, 'unauthorized', i.t('login.wrong')));
      else errs.set(err);
      if (code !== null) setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      dismissible={false}
      onClose={() => undefined}
      title={i.t('reauth.title')}
      footer={
        <>
          <button
            type="button"
            className="btn footer-left"
            onClick={() => {
              void session.signedOut().then(() => navigate('/login', { replace: true, force: true }));
            }}
          >
            {i.t('reauth.other')}
          </button>
          <button type="submit" form="reauth-form" className="btn btn-primary" disabled={busy || (code === null ? !password : code.replace(/\s/g, '').length !== 6)}>
            {code === null ? i.t('login.submit') : i.t('twofa.verify')}
          </button>
        </>
      }
    >
      <form id="reauth-form" onSubmit={submit}>
        {code === null ? (
          <>
            <p>{i.t('reauth.message', { email: user.email })}</p>
            <Field label={i.t('field.password')} error={errs.of('password')}>
              <input className="input" type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
            </Field>
          </>
        ) : (
          <>
            <p>{i.t('twofa.verifyIntro')}</p>
            <Field label={i.t('twofa.code')} error={errs.of('code')} hint={i.t('twofa.codeHint')}>
              <input className="input input-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={(e) => setCode(e.target.value.replace(/[^\d ]/g, ''))} autoFocus />
            </Field>
          </>
        )}
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}
