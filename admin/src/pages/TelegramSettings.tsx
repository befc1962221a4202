/**
 * Telegram channels (admin): per language the channel to post to, the bot token (write-only:
 * shown as …last4 once set), the public link the site's Telegram block uses, what unpublishing
 * does, correction replies, and a "check connection" button that says what is wrong.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { ErrorBox, Field, Spinner, errorText, useFormErrors, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import { LOCALE_NAMES, type Locale } from '../types';

interface Channel {
  locale: Locale;
  target: string;
  tokenSet: boolean;
  tokenHint: string;
  enabled: boolean;
  onUnpublish: 'delete' | 'leave';
  followUpCorrections: boolean;
  publicLink: string;
}

interface CheckResult {
  ok: boolean;
  problem: string | null;
  detail: string;
  bot: string;
  chat: string;
}

export function TelegramSettingsPage() {
  const i = useI18n();
  usePageTitle(i.t('tg.settingsTitle'));
  const res = useLoad((signal) => api.get<{ channels: Channel[] }>('/telegram/channels', undefined, signal), []);
  if (res.error && !res.data) return <div className="page"><ErrorBox error={res.error} onRetry={res.reload} /></div>;
  if (!res.data) return <Spinner />;
  return (
    <div className="page page-narrow">
      <header className="page-head">
        <h1>{i.t('tg.settingsTitle')}</h1>
        <Link to="/settings" className="btn btn-small btn-ghost">{i.t('nav.settings')}</Link>
      </header>
      <p className="muted">{i.t('tg.settingsIntro')}</p>
      {res.data.channels.map((c) => (
        <ChannelCard key={c.locale} initial={c} />
      ))}
    </div>
  );
}

function ChannelCard({ initial }: { initial: Channel }) {
  const i = useI18n();
  const [c, setC] = useState(initial);
  const [token, setToken] = useState('');
  const [removeToken, setRemoveToken] = useState(false);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const errs = useFormErrors();
  useEffect(() => setC(initial), [initial]);
  const id = (f: string) => `tg-${c.locale}-${f}`;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errs.clear();
    try {
      const body = {
        target: c.target,
        enabled: c.enabled,
        onUnpublish: c.onUnpublish,
        followUpCorrections: c.followUpCorrections,
        publicLink: c.publicLink,
        ...(removeToken ? { token: '' } : token.trim() ? { token: token.trim() } : {}),
      };
      setC(await api.put<Channel>(`/telegram/channels/${c.locale}`, body));
      setToken('');
      setRemoveToken(false);
      setCheck(null);
      notify(i.t('tg.saved'), 'success');
    } catch (err) {
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };

  const runCheck = async () => {
    setChecking(true);
    try {
      setCheck(await api.post<CheckResult>(`/telegram/channels/${c.locale}/check`));
    } catch (err) {
      notify(errorText(err, i), 'error');
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="card" data-telegram-locale={c.locale}>
      <h2>{LOCALE_NAMES[c.locale]}</h2>
      <form onSubmit={save}>
        <div className="row-2">
          <Field label={i.t('tg.target')} hint={i.t('tg.targetHint')} error={errs.of('target')}>
            <input className="input mono" name="target" value={c.target} placeholder="@channel" spellCheck={false} onChange={(e) => setC({ ...c, target: e.target.value })} />
          </Field>
          <Field label={i.t('tg.token')} hint={c.tokenSet ? i.t('tg.tokenSet', { hint: c.tokenHint }) : i.t('tg.tokenHint')} error={errs.of('token')}>
            <input className="input mono" name="token" type="password" autoComplete="off" value={token} placeholder={c.tokenSet ? c.tokenHint : '123456789:AA…'} onChange={(e) => setToken(e.target.value)} />
          </Field>
        </div>
        {c.tokenSet && (
          <label className="check">
            <input type="checkbox" name="removeToken" checked={removeToken} onChange={(e) => setRemoveToken(e.target.checked)} />
            {i.t('tg.tokenRemove')}
          </label>
        )}
        <Field label={i.t('tg.publicLink')} hint={i.t('tg.publicLinkHint')} error={errs.of('publicLink')}>
          <input className="input" name="publicLink" value={c.publicLink} placeholder="@channel" onChange={(e) => setC({ ...c, publicLink: e.target.value })} />
        </Field>
        <label className="check">
          <input type="checkbox" name="enabled" checked={c.enabled} onChange={(e) => setC({ ...c, enabled: e.target.checked })} />
          {i.t('tg.enabled')}
        </label>
        <fieldset className="checks">
          <legend className="small">{i.t('tg.onUnpublish')}</legend>
          <label className="check">
            <input type="radio" name={id('onUnpublish')} checked={c.onUnpublish === 'delete'} onChange={() => setC({ ...c, onUnpublish: 'delete' })} />
            {i.t('tg.onUnpublishDelete')}
          </label>
          <label className="check">
            <input type="radio" name={id('onUnpublish')} checked={c.onUnpublish === 'leave'} onChange={() => setC({ ...c, onUnpublish: 'leave' })} />
            {i.t('tg.onUnpublishLeave')}
          </label>
        </fieldset>
        <label className="check">
          <input type="checkbox" name="followUpCorrections" checked={c.followUpCorrections} onChange={(e) => setC({ ...c, followUpCorrections: e.target.checked })} />
          {i.t('tg.followUp')}
        </label>
        <ErrorBox error={errs.general} />
        <div className="form-actions">
          <button type="button" className="btn" disabled={checking || busy} onClick={() => void runCheck()} data-action="telegram-check">
            {checking ? i.t('tg.checking') : i.t('tg.check')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {i.t('common.save')}
          </button>
        </div>
      </form>
      {check && (
        <div className={`notice ${check.ok ? 'notice-success' : 'notice-warn'}`} role="status" data-telegram-check={check.problem ?? 'ok'}>
          {check.ok ? i.t('tg.check.ok', { bot: check.bot, chat: check.chat }) : i.t(`tg.check.${check.problem}` as 'tg.check.bad_token', { bot: check.bot, chat: check.chat || c.target })}
          {!check.ok && check.detail && <div className="small muted">{i.t('tg.telegramSays', { detail: check.detail })}</div>}
        </div>
      )}
    </section>
  );
}
