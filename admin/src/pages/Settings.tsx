/** Site settings (admin): names, logo, time zone, locales, Telegram channels, dateline agency, limits. */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import { MediaPicker, rememberMedia, useMediaByIds } from '../components/media';
import { ErrorBox, Field, Icon, Spinner, useFormErrors, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { usePageTitle } from '../title';
import { Link } from '../router';
import { notify } from '../toast';
import { LOCALES, LOCALE_NAMES, type Locale, type Names, type Settings } from '../types';
import { TwoFactorRolesSection } from './TwoFactorSettings';
import { BackupSection } from './BackupSettings';

function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf?(k: string): string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

export function SettingsPage() {
  const i = useI18n();
  usePageTitle(i.t('settings.title'));
  const res = useLoad((signal) => api.get<Settings>('/settings', undefined, signal), []);
  const [s, setS] = useState<Settings | null>(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [pickingLogo, setPickingLogo] = useState(false);
  const errs = useFormErrors();
  const zones = useMemo(timeZones, []);
  useEffect(() => {
    if (res.data) setS(res.data);
  }, [res.data]);

  if (res.error && !s) return <div className="page"><ErrorBox error={res.error} onRetry={res.reload} /></div>;
  if (!s) return <Spinner />;

  const set = (patch: Partial<Settings>) => {
    setS({ ...s, ...patch });
    setDirty(true);
  };
  const setName = (key: 'siteName' | 'telegramChannel' | 'datelineAgency', l: Locale, v: string) => set({ [key]: { ...s[key], [l]: v } as Names });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errs.clear();
    try {
      const saved = await api.put<Settings>('/settings', s);
      setS(saved);
      setDirty(false);
      notify(i.t('settings.saved'), 'success');
    } catch (err) {
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };

  const perLocale = (key: 'siteName' | 'telegramChannel' | 'datelineAgency', placeholder?: string) => (
    <div className="locale-grid">
      {LOCALES.map((l) => (
        <Field key={l} label={LOCALE_NAMES[l]} error={errs.of(`${key}.${l}`)}>
          <input className="input" value={s[key]?.[l] ?? ''} placeholder={placeholder} onChange={(e) => setName(key, l, e.target.value)} name={`${key}.${l}`} />
        </Field>
      ))}
    </div>
  );

  const shown = ['siteName', 'logoMediaId', 'timeZone', 'defaultLocale', 'enabledLocales', 'telegramChannel', 'datelineAgency', 'breakingHours', 'mainStoryHours', 'maxUploadMb'];
  const other = errs.rest(shown);

  return (
    <div className="page page-narrow">
      <header className="page-head">
        <h1>{i.t('settings.title')}</h1>
      </header>
      <form onSubmit={submit} className="settings-form">
        <section className="card">
          <h2>{i.t('settings.siteName')}</h2>
          {errs.of('siteName') && <div className="field-error">{errs.of('siteName')}</div>}
          {perLocale('siteName')}
        </section>
        <section className="card" id="settings-logo">
          <h2>{i.t('settings.logo')}</h2>
          <p className="muted small">{i.t('settings.logoHint')}</p>
          <LogoField value={s.logoMediaId ?? null} error={errs.of('logoMediaId')} onChoose={() => setPickingLogo(true)} onBuiltin={() => set({ logoMediaId: null })} />
        </section>
        <section className="card">
          <h2>{i.t('settings.languages')}</h2>
          <Field label={i.t('settings.enabledLocales')} error={errs.of('enabledLocales')}>
            <div className="checks checks-inline">
              {LOCALES.map((l) => (
                <label key={l} className="check">
                  <input
                    type="checkbox"
                    checked={s.enabledLocales.includes(l)}
                    onChange={(e) => {
                      const next = e.target.checked ? [...s.enabledLocales, l] : s.enabledLocales.filter((x) => x !== l);
                      set({ enabledLocales: LOCALES.filter((x) => next.includes(x)) });
                    }}
                  />
                  {LOCALE_NAMES[l]}
                </label>
              ))}
            </div>
          </Field>
          <div className="row-2">
            <Field label={i.t('settings.defaultLocale')} error={errs.of('defaultLocale')}>
              <select className="input" value={s.defaultLocale} onChange={(e) => set({ defaultLocale: e.target.value as Locale })}>
                {LOCALES.map((l) => (
                  <option key={l} value={l} disabled={!s.enabledLocales.includes(l)}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={i.t('settings.timeZone')} error={errs.of('timeZone')} hint={i.t('settings.timeZoneHint')}>
              <input className="input" list="tz-list" name="timeZone" value={s.timeZone} onChange={(e) => set({ timeZone: e.target.value })} spellCheck={false} />
            </Field>
            {/* Outside the field, whose only child is then its input (so its label is tied to it). */}
            <datalist id="tz-list">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
        </section>
        <section className="card">
          <h2>{i.t('settings.datelineAgency')}</h2>
          <p className="muted small">{i.t('settings.datelineAgencyHint')}</p>
          {perLocale('datelineAgency')}
        </section>
        <section className="card">
          <h2>{i.t('settings.telegram')}</h2>
          <p className="muted small">{i.t('settings.telegramHint')} {i.t('fix.telegramForms')}</p>
          <p>
            <Link to="/settings/telegram" className="btn btn-small">{i.t('tg.settingsLink')}</Link>
          </p>
          {errs.of('telegramChannel') && <div className="field-error">{errs.of('telegramChannel')}</div>}
          {perLocale('telegramChannel', '@channel')}
        </section>
        <section className="card">
          <h2>{i.t('settings.limits')}</h2>
          <div className="row-2">
            <Field label={i.t('settings.breakingHours')} error={errs.of('breakingHours')} hint={i.t('settings.breakingHoursHint')}>
              <input className="input" type="number" min={0} step={1} value={Number.isFinite(s.breakingHours) ? s.breakingHours : ''} onChange={(e) => set({ breakingHours: e.target.value === '' ? NaN : Number(e.target.value) })} />
            </Field>
            <Field label={i.t('settings.mainStoryHours')} error={errs.of('mainStoryHours')} hint={i.t('settings.mainStoryHoursHint')}>
              <input className="input" type="number" min={1} max={720} step={1} name="mainStoryHours" value={Number.isFinite(s.mainStoryHours ?? 48) ? s.mainStoryHours ?? 48 : ''} onChange={(e) => set({ mainStoryHours: e.target.value === '' ? NaN : Number(e.target.value) })} />
            </Field>
            <Field label={i.t('settings.maxUploadMb')} error={errs.of('maxUploadMb')}>
              <input className="input" type="number" min={1} step={1} value={Number.isFinite(s.maxUploadMb) ? s.maxUploadMb : ''} onChange={(e) => set({ maxUploadMb: e.target.value === '' ? NaN : Number(e.target.value) })} />
            </Field>
          </div>
        </section>
        <section className="card" id="settings-article">
          <h2>{i.t('rev.settingsArticle')}</h2>
          <label className="check">
            <input type="checkbox" name="showLead" checked={s.showLead === true} onChange={(e) => set({ showLead: e.target.checked })} aria-describedby="settings-showlead-hint" />
            {i.t('rev.settingsShowLead')}
          </label>
          <p className="muted small" id="settings-showlead-hint">{i.t('rev.settingsShowLeadHint')}</p>
        </section>
        {other.length > 0 && <ErrorBox error={other.join(' · ')} />}
        <ErrorBox error={errs.general} />
        <div className="form-actions sticky-actions">
          {dirty && <span className="muted">{i.t('save.unsaved')}</span>}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {i.t('common.save')}
          </button>
        </div>
      </form>
      {/* Saved on its own (security settings), apart from the site settings form above. */}
      <TwoFactorRolesSection />
      <BackupSection />
      {/* Outside the form: Enter in the picker's search box must not submit the settings. */}
      <MediaPicker
        open={pickingLogo}
        locale={i.lang}
        title={i.t('settings.logoChoose')}
        confirmLabel={i.t('media.use')}
        onClose={() => setPickingLogo(false)}
        onPick={(m) => {
          rememberMedia([m]);
          set({ logoMediaId: m.id });
          setPickingLogo(false);
        }}
      />
    </div>
  );
}

/** The current logo as the site shows it (44 px high on white), or the built-in one. */
function LogoField({ value, error, onChoose, onBuiltin }: { value: number | null; error?: string; onChoose(): void; onBuiltin(): void }) {
  const i = useI18n();
  const media = useMediaByIds([value]);
  const m = media.get(value);
  const narrow = m ? m.width / m.height < 2 : false;
  return (
    <div className={`logo-field${error ? ' has-error' : ''}`} data-logo={value ?? 'builtin'}>
      <div className="logo-preview">
        {value === null ? (
          <span className="logo-builtin">{i.t('settings.logoBuiltin')}</span>
        ) : m ? (
          <img src={m.src} alt={i.t('settings.logoCurrent')} height={44} width={Math.round((m.width / m.height) * 44)} data-media-id={m.id} />
        ) : m === null ? (
          <span className="logo-builtin">{i.t('settings.logoBuiltin')}</span>
        ) : (
          <Spinner />
        )}
      </div>
      {m && (
        <div className="muted small logo-meta">
          {m.width}×{m.height}
          {m.credit ? ` · ${m.credit}` : ''}
        </div>
      )}
      {value !== null && m === null && <div className="notice notice-warn notice-slim small">{i.t('settings.logoMissing', { id: value })}</div>}
      {narrow && <div className="notice notice-warn notice-slim small">{i.t('settings.logoNarrow')}</div>}
      <ErrorBox error={media.error} />
      <div className="btn-row">
        <button type="button" className="btn btn-small" onClick={onChoose}>
          <Icon name="image" size={15} /> {i.t('settings.logoChoose')}
        </button>
        {value !== null && (
          <button type="button" className="btn btn-small btn-ghost" onClick={onBuiltin}>
            {i.t('settings.logoUseBuiltin')}
          </button>
        )}
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
