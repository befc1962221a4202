/**
 * Settings: backups (administrators). The last backup and its size, the recent runs, the schedule
 * (time of day in the site's zone, how many to keep) and "Back up now". Saved on its own endpoint.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { ErrorBox, Field, Spinner, formatBytes, useFormErrors, useLoad } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n';
import { notify } from '../toast';

interface BackupRun {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  trigger: 'schedule' | 'admin';
  requestedAt: number;
  finishedAt: number | null;
  name: string;
  bytes: number;
  newBytes: number;
  error: string;
  errorCode: 'backup.error.stale' | 'backup.error.other' | null;
}
interface Schedule {
  enabled: boolean;
  timeOfDay: string;
  keep: number;
}
interface BackupStatus {
  schedule: Schedule;
  nextAt: number | null;
  last: BackupRun | null;
  runs: BackupRun[];
  dir: string;
  /** The site's zone: the schedule's time of day is read in it. */
  timeZone: string;
}

/** The next run as the site's clock shows it (the time of day was set in that zone). */
function inZone(ms: number, tag: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms)) + ` (${timeZone})`;
  } catch {
    return new Date(ms).toISOString();
  }
}

export function BackupSection() {
  const i = useI18n();
  const load = useLoad(() => api.get<BackupStatus>('/backups'), []);
  const [form, setForm] = useState<Schedule | null>(null);
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  const s = load.data;
  const active = s?.runs.some((r) => r.status === 'queued' || r.status === 'running') ?? false;
  // While a backup is queued or running, look again every few seconds.
  const { reload } = load;
  useEffect(() => {
    if (!active) return;
    const t = setInterval(reload, 3000);
    return () => clearInterval(t);
  }, [active, reload]);
  const current = form ?? s?.schedule ?? null;

  const save = async () => {
    if (!current) return;
    setBusy(true);
    errs.clear();
    try {
      await api.put<Schedule>('/backups/schedule', current);
      setForm(null);
      load.reload();
      notify(i.t('backup.saved'), 'success');
    } catch (e) {
      errs.set(e);
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    setBusy(true);
    errs.clear();
    try {
      await api.post<BackupRun>('/backups', {});
      load.reload();
      notify(i.t('backup.started'), 'success');
    } catch (e) {
      errs.set(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="backups">
      <h2>{i.t('backup.title')}</h2>
      <p className="muted small">{i.t('backup.hint')}</p>
      <ErrorBox error={load.error} onRetry={load.reload} />
      {!s || !current ? (
        !load.error && <Spinner />
      ) : (
        <>
          <p data-testid="backup-last">
            {s.last ? (
              i.t('backup.last', { when: i.dateTime(new Date(s.last.finishedAt ?? s.last.requestedAt).toISOString()), size: formatBytes(s.last.bytes), added: formatBytes(s.last.newBytes) })
            ) : (
              <span className="muted">{i.t('backup.none')}</span>
            )}
          </p>
          {s.last && <p className="muted small mono">{s.dir}/{s.last.name}</p>}
          <div className="row-2">
            <Field label={i.t('backup.timeOfDay')} error={errs.of('timeOfDay')} hint={i.t('backup.timeOfDayHint')}>
              <input className="input" type="time" name="timeOfDay" value={current.timeOfDay} onChange={(e) => setForm({ ...current, timeOfDay: e.target.value })} />
            </Field>
            <Field label={i.t('backup.keep')} error={errs.of('keep')} hint={i.t('backup.keepHint')}>
              <input className="input" type="number" name="keep" min={1} max={365} step={1} value={Number.isFinite(current.keep) ? current.keep : ''} onChange={(e) => setForm({ ...current, keep: e.target.value === '' ? NaN : Number(e.target.value) })} />
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" name="enabled" checked={current.enabled} onChange={(e) => setForm({ ...current, enabled: e.target.checked })} />
            {i.t('backup.enabled')}
          </label>
          {s.nextAt && !form && <p className="muted small">{i.t('backup.next', { when: inZone(s.nextAt, i.tag, s.timeZone) })}</p>}
          <ErrorBox error={errs.general} />
          <div className="form-actions btn-row">
            <button type="button" className="btn btn-primary" disabled={busy || !form} onClick={() => void save()}>
              {i.t('backup.save')}
            </button>
            <button type="button" className="btn" disabled={busy || active} onClick={() => void start()}>
              {active ? i.t('backup.running') : i.t('backup.now')}
            </button>
          </div>
          {s.runs.length > 0 && (
            <div className="table-wrap">
            <table className="table small" data-testid="backup-runs">
              <thead>
                <tr>
                  <th>{i.t('backup.when')}</th>
                  <th>{i.t('backup.trigger')}</th>
                  <th>{i.t('backup.status')}</th>
                  <th>{i.t('backup.size')}</th>
                </tr>
              </thead>
              <tbody>
                {s.runs.map((r) => (
                  <tr key={r.id}>
                    <td>{i.dateTime(new Date(r.finishedAt ?? r.requestedAt).toISOString())}</td>
                    <td>{i.t(`backup.trigger.${r.trigger}` as MessageKey)}</td>
                    <td title={r.error || undefined}>{i.t(`backup.status.${r.status}` as MessageKey)}{r.errorCode ? ` — ${i.t(r.errorCode)}` : ''}</td>
                    <td>{r.status === 'done' ? formatBytes(r.bytes) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
