/** A new password typed twice, as first-run setup and the own-account page ask for it. */
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Field } from './ui';

/** The server's minimum length, shown in the hint. */
export const MIN_PASSWORD = 10;

/** The pair's state, and whether the repeat (once typed) differs from the password. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && repeat !== password;
  const clear = () => {
    setPassword('');
    setRepeat('');
  };
  return { password, setPassword, repeat, setRepeat, mismatch, clear };
}

/**
 * The password field (with the length hint) and its repeat (with the mismatch message); `label`,
 * `error` and `name` are the first field's, the repeat is named `<name>Repeat`.
 */
export function NewPasswordFields({ pw, label, error, name }: { pw: ReturnType<typeof useNewPassword>; label: string; error?: string; name?: string }) {
  const i = useI18n();
  return (
    <>
      <Field label={label} error={error} hint={i.t('field.passwordHint', { n: MIN_PASSWORD })}>
        <input className="input" name={name} type="password" autoComplete="new-password" required value={pw.password} onChange={(e) => pw.setPassword(e.target.value)} />
      </Field>
      <Field label={i.t('field.passwordRepeat')} error={pw.mismatch ? i.t('field.passwordMismatch') : undefined}>
        <input className="input" name={name && `${name}Repeat`} type="password" autoComplete="new-password" required value={pw.repeat} onChange={(e) => pw.setRepeat(e.target.value)} />
      </Field>
    </>
  );
}
