/** Users (admin): list, create, change role, disable, reset password, reset two-step sign-in. */
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { ConfirmDialog, Dialog, ErrorBox, Field, Spinner, errorText, useFormAction, useLoad, FormFooter } from '../components/ui';
import { ListPageHead, ListTable } from '../components/list-table';
import { useI18n, type MessageKey } from '../i18n';
import { useUser } from '../session';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import { ROLES, type Role, type User } from '../types';
import { ResetTwoFactorDialog } from './TwoFactorSettings';

export function UsersPage() {
  const i = useI18n();
  const me = useUser();
  usePageTitle(i.t('users.title'));
  const list = useLoad((signal) => api.get<{ items: User[] }>('/users', undefined, signal), []);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);
  const [resetting2fa, setResetting2fa] = useState<User | null>(null);

  const patch = async (u: User, body: Partial<Pick<User, 'role' | 'disabled' | 'name'>>) => {
    try {
      const res = await api.patch<User>(`/users/${u.id}`, body);
      list.setData((d) => (d ? { items: d.items.map((x) => (x.id === res.id ? res : x)) } : d));
      notify(i.t('common.savedToast'), 'success');
    } catch (e) {
      notify(errorText(e, i), 'error');
      throw e;
    }
  };

  return (
    <div className="page">
      <ListPageHead title={i.t('users.title')} newLabel={i.t('users.new')} onNew={() => setCreating(true)} />
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? (
        <Spinner />
      ) : list.data ? (
        <ListTable
          columns={
            <>
              <th>{i.t('field.name')}</th>
              <th>{i.t('field.email')}</th>
              <th>{i.t('field.role')}</th>
              <th>{i.t('users.state')}</th>
              <th>{i.t('users.created')}</th>
            </>
          }
        >
          {list.data.items.map((u) => (
            <tr key={u.id} className={u.disabled ? 'row-disabled' : ''} data-user={u.email}>
              <td className="nowrap">
                <strong>{u.name}</strong>
                {u.id === me.id && <span className="muted"> · {i.t('users.you')}</span>}
              </td>
              <td data-label={i.t('field.email')} className="cell-wrap">{u.email}</td>
              <td data-label={i.t('field.role')}>
                <select className="input input-compact" value={u.role} disabled={u.id === me.id} aria-label={i.t('field.role')} onChange={(e) => void patch(u, { role: e.target.value as Role }).catch(() => undefined)}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {i.t(`role.${r}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </td>
              <td data-label={i.t('users.state')}>
                {u.disabled ? <span className="badge badge-unpublished">{i.t('users.disabled')}</span> : <span className="badge badge-published">{i.t('users.active')}</span>}
                {u.twoFactor && <span className="badge badge-scheduled">{i.t('twofa.userOn')}</span>}
              </td>
              <td data-label={i.t('users.created')} className="nowrap">
                {i.date(u.createdAt)}
              </td>
              <td className="actions">
                <button type="button" className="btn btn-small" onClick={() => setResetting(u)}>
                  {i.t('users.resetPassword')}
                </button>
                {u.twoFactor && u.id !== me.id && (
                  <button type="button" className="btn btn-small" onClick={() => setResetting2fa(u)}>
                    {i.t('twofa.reset')}
                  </button>
                )}
                {u.id !== me.id &&
                  (u.disabled ? (
                    <button type="button" className="btn btn-small" onClick={() => void patch(u, { disabled: false }).catch(() => undefined)}>
                      {i.t('users.enable')}
                    </button>
                  ) : (
                    <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setDisabling(u)}>
                      {i.t('users.disable')}
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(u) => list.setData((d) => (d ? { items: [...d.items, u] } : { items: [u] }))}
      />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      {resetting2fa && (
        <ResetTwoFactorDialog
          user={resetting2fa}
          onClose={() => setResetting2fa(null)}
          onDone={() => {
            const id = resetting2fa.id;
            setResetting2fa(null);
            list.setData((d) => (d ? { items: d.items.map((x) => (x.id === id ? { ...x, twoFactor: false } : x)) } : d));
          }}
        />
      )}
      <ConfirmDialog
        open={!!disabling}
        title={i.t('users.disableTitle')}
        message={disabling ? i.t('users.disableMessage', { name: disabling.name }) : ''}
        confirmLabel={i.t('users.disable')}
        danger
        onConfirm={() => (disabling ? patch(disabling, { disabled: true }) : undefined)}
        onClose={() => setDisabling(null)}
      />
    </div>
  );
}

function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(u: User): void }) {
  const i = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('author');
  const [password, setPassword] = useState('');
  const { busy, errs, run } = useFormAction();
  const reset = () => {
    setEmail('');
    setName('');
    setRole('author');
    setPassword('');
    errs.clear();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const u = await api.post<User>('/users', { email: email.trim(), name: name.trim(), role, password });
      onCreated(u);
      notify(i.t('users.createdToast', { name: u.name }), 'success');
      reset();
      onClose();
    });
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={i.t('users.new')}
      footer={<FormFooter form="user-form" submitLabel={i.t('common.create')} onCancel={onClose} disabled={busy} />}
    >
      <form id="user-form" onSubmit={submit}>
        <Field label={i.t('field.name')} error={errs.of('name')}>
          <input className="input" name="name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </Field>
        <Field label={i.t('field.email')} error={errs.of('email')}>
          <input className="input" name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="off" />
        </Field>
        <Field label={i.t('field.role')} error={errs.of('role')} hint={i.t(`role.${role}.hint` as MessageKey)}>
          <select className="input" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {i.t(`role.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={i.t('users.initialPassword')} error={errs.of('password')} hint={i.t('field.passwordHint', { n: 10 })}>
          <input className="input" name="password" type="text" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" />
        </Field>
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose(): void }) {
  const i = useI18n();
  const [password, setPassword] = useState('');
  const { busy, errs, run } = useFormAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    void run(async () => {
      await api.post(`/users/${user.id}/password`, { password });
      notify(i.t('users.passwordReset', { name: user.name }), 'success');
      setPassword('');
      onClose();
    });
  };
  return (
    <Dialog
      open={!!user}
      onClose={() => {
        setPassword('');
        errs.clear();
        onClose();
      }}
      title={user ? i.t('users.resetTitle', { name: user.name }) : ''}
      footer={<FormFooter form="reset-form" submitLabel={i.t('users.resetPassword')} onCancel={onClose} disabled={busy || !password} />}
    >
      <form id="reset-form" onSubmit={submit}>
        <p className="muted">{i.t('users.resetHint')}</p>
        <Field label={i.t('account.newPassword')} error={errs.of('password')} hint={i.t('field.passwordHint', { n: 10 })}>
          <input className="input" type="text" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus autoComplete="new-password" />
        </Field>
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}
