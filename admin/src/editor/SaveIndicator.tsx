import { Icon } from '../components/ui';
import { useI18n } from '../i18n';
import type { SaveState } from './useAutosave';

/** The editor bar's save state: saved at, unsaved, saving, a conflict or an error to open, read-only. */
export function SaveIndicator({ state, onConflict, onRetry }: { state: SaveState; onConflict(): void; onRetry(): void }) {
  const i = useI18n();
  switch (state.kind) {
    case 'saved':
      return (
        <span className="save-state save-saved" role="status" data-state="saved">
          <Icon name="check" size={14} /> {state.at ? i.t('save.savedAt', { time: i.time(state.at) }) : i.t('save.saved')}
        </span>
      );
    case 'dirty':
      return (
        <span className="save-state save-dirty" role="status" data-state="dirty">
          {i.t('save.unsaved')}
        </span>
      );
    case 'saving':
      return (
        <span className="save-state save-saving" role="status" data-state="saving">
          <span className="spinner spinner-small" aria-hidden="true" /> {i.t('save.saving')}
        </span>
      );
    case 'conflict':
      return (
        <button type="button" className="save-state save-conflict" data-state="conflict" onClick={onConflict}>
          {i.t('save.conflict')}
        </button>
      );
    case 'error':
      return (
        <button type="button" className="save-state save-error" data-state="error" title={state.message} onClick={onRetry}>
          {i.t('save.error')}: {state.message}
        </button>
      );
    case 'readonly':
      return (
        <span className="save-state save-readonly" data-state="readonly">
          {i.t('save.readonly')}
        </span>
      );
  }
}
