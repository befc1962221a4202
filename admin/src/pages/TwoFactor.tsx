/**
 * Two-step sign-in in the newsroom: the second step after the password (a code from the app or a
 * recovery code) and enrolment (QR code, manual key, a confirming code, recovery codes shown
 * once). The account, settings and users parts are in TwoFactorSettings.tsx.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { ErrorBox, Field, Spinner, useFormErrors, useLoad, type FieldControl } from '../components/ui';
import { useI18n } from '../i18n';
import { LangSwitch } from '../App';
import { navigate } from '../router';
import { useSession } from '../session';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import type { SignedIn } from '../types';

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

function Brand() {
  return (
    <div className="auth-head">
      <div className="brand brand-dark">
        <span className="brand-mark">X</span>
        <span className="brand-name">Xabar</span>
      </div>
      <LangSwitch />
    </div>
  );
}

/** A 6-digit code field as phones fill it in (one-time-code autocomplete, numeric keypad). */
export function CodeInput({ value, onChange, autoFocus, ...aria }: { value: string; onChange(v: string): void; autoFocus?: boolean; id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) {
  return (
    <input
      {...aria}
      className="input input-code"
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      required
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/[^\d ]/g, ''))}
    />
  );
}

// Field ties its label, hint and error to this component as to a plain input.
(CodeInput as FieldControl).fieldControl = true;

export const codeReady = (c: string) => c.replace(/\s/g, '').length === 6;

/** After the password: the code from the app, or a recovery code. */
export function SecondFactorPage() {
  const i = useI18n();
  const session = useSession();
  usePageTitle(i.t('twofa.verifyTitle'));
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errs.clear();
    try {
      const r = await api.post<SignedIn>('/two-factor/verify', recovery ? { recoveryCode: code.trim() } : { code: code.replace(/\s/g, '') });
      session.signedIn(r.user, r.csrfToken, r.secondFactor);
    } catch (err) {
      errs.set(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  const signOut = async () => {
    await api.post('/logout').catch(() => undefined);
    await session.signedOut();
    navigate('/login', { replace: true, force: true });
  };

  return (
    <main className="auth-wrap">
      <form className="auth-card" onSubmit={submit} data-testid="second-factor">
        <Brand />
        <h1>{i.t('twofa.verifyTitle')}</h1>
        <p className="muted">{recovery ? i.t('twofa.recoveryHint') : i.t('twofa.verifyIntro')}</p>
        {recovery ? (
          <Field label={i.t('twofa.recoveryCode')} error={errs.of('recoveryCode') ?? errs.of('code')}>
            <input className="input input-code" name="recoveryCode" autoComplete="off" autoCapitalize="none" spellCheck={false} required autoFocus value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
        ) : (
          <Field label={i.t('twofa.code')} error={errs.of('code')} hint={i.t('twofa.codeHint')}>
            <CodeInput value={code} onChange={setCode} autoFocus />
          </Field>
        )}
        <ErrorBox error={errs.general} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || (recovery ? code.trim().length < 10 : !codeReady(code))}>
          {busy ? i.t('common.working') : i.t('twofa.verify')}
        </button>
        <div className="auth-links">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
              errs.clear();
            }}
          >
            {recovery ? i.t('twofa.useApp') : i.t('twofa.useRecovery')}
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => void signOut()}>
            {i.t('twofa.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
}

/** Recovery codes, shown once: copy, download, print, then continue. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const i = useI18n();
  const text = codes.join('\n') + '\n';
  const [href, setHref] = useState('');
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [text]);
  return (
    <div className="recovery" data-testid="recovery-codes">
      <h2>{i.t('twofa.codesTitle')}</h2>
      <p className="muted">{i.t('twofa.codesIntro')}</p>
      <ol className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="form-actions form-actions-wrap">
        <a className="btn btn-small" href={href} download={i.t('twofa.fileName')}>
          {i.t('twofa.download')}
        </a>
        <button type="button" className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(text).then(() => notify(i.t('twofa.copied'), 'success'))}>
          {i.t('twofa.copy')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => window.print()}>
          {i.t('twofa.print')}
        </button>
      </div>
      <button type="button" className="btn btn-primary btn-block" onClick={onDone}>
        {i.t('twofa.codesSaved')}
      </button>
    </div>
  );
}

/** The enrolment steps: scan or type the key, confirm with a code, then the recovery codes. */
export function EnrolFlow({ onDone }: { onDone(): void }) {
  const i = useI18n();
  const start = useLoad(() => api.post<Enrolment>('/two-factor/enrol'), []);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const errs = useFormErrors();

  if (codes) return <RecoveryCodes codes={codes} onDone={onDone} />;
  if (start.error) return <ErrorBox error={start.error} onRetry={start.reload} />;
  if (!start.data) return <Spinner />;
  const e = start.data;
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    errs.clear();
    try {
      const r = await api.post<{ recoveryCodes: string[] }>('/two-factor/enrol/confirm', { code: code.replace(/\s/g, '') });
      setCodes(r.recoveryCodes);
    } catch (err) {
      errs.set(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="enrol" onSubmit={submit} data-testid="enrol">
      <h2 className="enrol-step">{i.t('twofa.step1')}</h2>
      <div className="enrol-qr">
        <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(e.qrSvg)}`} alt={i.t('twofa.qrAlt')} width={184} height={184} />
        <div className="enrol-key">
          <p className="muted">{i.t('twofa.manualKey')}</p>
          <code className="secret-key" data-testid="secret-key" data-secret={e.secret}>
            {e.secret.match(/.{1,4}/g)!.join(' ')}
          </code>
          <button type="button" className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(e.secret).then(() => notify(i.t('twofa.copied'), 'success'))}>
            {i.t('twofa.copyKey')}
          </button>
        </div>
      </div>
      <h2 className="enrol-step">{i.t('twofa.step2')}</h2>
      <Field label={i.t('twofa.code')} error={errs.of('code')} hint={i.t('twofa.codeHint')}>
        <CodeInput value={code} onChange={setCode} />
      </Field>
      <ErrorBox error={errs.general} />
      <button type="submit" className="btn btn-primary btn-block" disabled={busy || !codeReady(code)}>
        {busy ? i.t('common.working') : i.t('twofa.confirm')}
      </button>
    </form>
  );
}

/** Full-page enrolment, for a role that requires it (nothing else works until it is done). */
export function EnrolPage({ forced }: { forced?: boolean }) {
  const i = useI18n();
  const session = useSession();
  usePageTitle(i.t('twofa.enrolTitle'));
  const signOut = async () => {
    await api.post('/logout').catch(() => undefined);
    await session.signedOut();
    navigate('/login', { replace: true, force: true });
  };
  return (
    <main className="auth-wrap">
      <div className="auth-card auth-card-enrol">
        <Brand />
        <h1>{i.t('twofa.enrolTitle')}</h1>
        {forced && <div className="notice notice-info">{i.t('twofa.enrolForced')}</div>}
        <p className="muted">{i.t('twofa.enrolIntro')}</p>
        <EnrolFlow onDone={() => void session.refresh()} />
        <div className="auth-links">
          <button type="button" className="btn btn-ghost btn-small" onClick={() => void signOut()}>
            {i.t('twofa.signOut')}
          </button>
        </div>
      </div>
    </main>
  );
}
