/**
 * IPTC urgency (1 flash … 8, 5 normal) of this edition. Saved at once through its own endpoint,
 * not with the text: a desk flag does not make a new version or race the autosave.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { Field, errorText } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n';
import { notify } from '../toast';
import type { Edition } from '../types';

const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const label = (n: number): MessageKey => (n === 1 ? 'urgency.flash' : n === 2 ? 'urgency.urgent' : n === 5 ? 'urgency.normal' : n < 5 ? 'urgency.higher' : 'urgency.lower');

export function UrgencyField({ ed, disabled }: { ed: Edition; disabled?: boolean }) {
  const i = useI18n();
  const initial = (ed as Edition & { urgency?: number }).urgency ?? 5;
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  useEffect(() => setValue(initial), [ed.id, initial]);
  const change = async (n: number) => {
    const before = value;
    setValue(n);
    setBusy(true);
    try {
      await api.put(`/editions/${ed.id}/urgency`, { urgency: n });
      notify(i.t('urgency.saved'));
    } catch (e) {
      setValue(before);
      notify(errorText(e, i), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Field label={i.t('urgency.label')} hint={i.t('urgency.hint')}>
      <select className="input" name="urgency" value={value} disabled={disabled || busy} onChange={(e) => void change(Number(e.target.value))}>
        {LEVELS.map((n) => (
          <option key={n} value={n}>
            {n} — {i.t(label(n))}
          </option>
        ))}
      </select>
    </Field>
  );
}
