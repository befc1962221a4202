/**
 * Small pieces of the editor that keep work from being lost or hidden: the offer to restore a
 * local draft, the "Photo removed — Undo" notice, the headline's length counter, and the keyboard
 * shortcuts overlay (`?`).
 */
import { useEffect, useState } from 'react';
import { Dialog } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n';

export function DraftOffer({ savedAt, newerVersion, onRestore, onDiscard }: { savedAt: number; newerVersion: number | null; onRestore(): void; onDiscard(): void }) {
  const i = useI18n();
  return (
    <div className="notice notice-info notice-slim draft-offer" role="alert" data-testid="draft-offer">
      <span>
        {i.t('ed2.draftFound', { time: i.dateTime(new Date(savedAt).toISOString()) })}
        {newerVersion !== null && <> {i.t('ed2.draftOlder', { v: newerVersion })}</>}
      </span>
      <span className="btn-row">
        <button type="button" className="btn btn-small btn-primary" onClick={onRestore}>
          {i.t('ed2.restore')}
        </button>
        <button type="button" className="btn btn-small" onClick={onDiscard}>
          {i.t('ed2.discard')}
        </button>
      </span>
    </div>
  );
}

/** Shown for a few seconds after a photo or embed left the body, with a one-click undo. */
export function MediaRemovedNotice({ kind, onUndo, onClose }: { kind: 'image' | 'embed'; onUndo(): void; onClose(): void }) {
  const i = useI18n();
  useEffect(() => {
    const t = window.setTimeout(onClose, 8000);
    return () => window.clearTimeout(t);
  }, [kind, onClose]);
  return (
    <div className="toast toast-info media-removed" role="status" data-testid="media-removed">
      <span>{i.t(kind === 'image' ? 'ed2.photoRemoved' : 'ed2.embedRemoved')}</span>
      <button
        type="button"
        className="btn btn-small"
        // Keep the caret in the body: a mousedown here would blur the editor first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onUndo}
      >
        {i.t('ed2.undo')}
      </button>
    </div>
  );
}

/** Targets a news headline is measured against (characters). */
const SNIPPET = 60;
const SNIPPET_MAX = 70;
const FEED = 100;
const HARD_MAX = 300;

export function HeadlineCount({ text }: { text: string }) {
  const i = useI18n();
  const n = [...text].length;
  const cls = n > HARD_MAX ? 'len-over' : n > FEED ? 'len-warn' : n > SNIPPET_MAX ? 'len-note' : 'len-ok';
  return (
    <span className={`len headline-count ${cls}`} data-testid="headline-count">
      {i.t('ed2.headlineCount', { n })} · {i.t('ed2.headlineLimits')}
      {n > HARD_MAX ? ` · ${i.t('editor.tooLong')}` : ''}
      <span className="len-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, (n / HARD_MAX) * 100)}%` }} />
        <i style={{ left: `${(SNIPPET / HARD_MAX) * 100}%` }} />
        <i style={{ left: `${(FEED / HARD_MAX) * 100}%` }} />
      </span>
    </span>
  );
}

const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';
const SHORTCUTS: [string[], MessageKey][] = [
  [[MOD, 'S'], 'ed2.sc.save'],
  [[MOD, 'B'], 'ed2.sc.bold'],
  [[MOD, 'I'], 'ed2.sc.italic'],
  [[MOD, 'Shift', 'S'], 'ed2.sc.strike'],
  [[MOD, 'K'], 'ed2.sc.link'],
  [[MOD, 'Alt', '2…4'], 'ed2.sc.heading'],
  [[MOD, 'Alt', '0'], 'ed2.sc.paragraph'],
  [[MOD, 'Shift', '8'], 'ed2.sc.bullet'],
  [[MOD, 'Shift', '7'], 'ed2.sc.ordered'],
  [[MOD, 'Shift', 'B'], 'ed2.sc.quote'],
  [[MOD, 'Z'], 'ed2.sc.undo'],
  [[MOD, 'Shift', 'Z'], 'ed2.sc.redo'],
  [['?'], 'ed2.sc.help'],
  [['Esc'], 'ed2.sc.close'],
];

/** Whether a key event comes from somewhere the user types text (then `?` is just a character). */
function typing(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(t.type));
}

export function ShortcutsOverlay() {
  const i = useI18n();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Dialog open={open} onClose={() => setOpen(false)} title={i.t('ed2.shortcuts')} className="shortcuts-dialog">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, label]) => (
            <tr key={label}>
              <td>
                {keys.map((k, n) => (
                  <span key={n}>
                    {n > 0 && '+'}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{i.t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{i.t('ed2.shortcutsHint')}</p>
    </Dialog>
  );
}
