/** Small shared pieces: dialogs, form fields, status badges, pagination, error text, data loading. */
import { cloneElement, isValidElement, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type DependencyList } from 'react';
import { ApiError } from '../api';
import { apiErrorTranslator, useI18n, type I18n, type MessageKey } from '../i18n';
import type { Status } from '../types';

/* ---------- errors ---------- */

/** A sentence for a person about what went wrong. */
export function errorText(e: unknown, i: I18n): string {
  if (typeof e === 'string') return e;
  if (e instanceof ApiError) {
    if (e.status === 0) return i.t('error.network');
    // The server named its message: say it in this language (its English when not translated yet).
    if (e.key && e.status < 500) {
      const s = apiErrorTranslator(i)(e.key, e.params);
      if (s) return s;
    }
    if (e.status === 403) return i.t('error.forbidden');
    if (e.status === 404) return i.t('error.notFound');
    if (e.status === 429) return e.retryAfterSeconds ? i.t('error.rateLimitedIn', { s: e.retryAfterSeconds }) : i.t('error.rateLimited');
    if (e.status === 401) return i.t('error.unauthorized');
    if (e.status >= 500) return i.t('error.server');
    return e.message || i.t('error.generic');
  }
  if (e instanceof Error && e.name === 'AbortError') return '';
  return i.t('error.generic');
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const i = useI18n();
  if (!error) return null;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div className={`notice ${forbidden ? 'notice-warn' : 'notice-error'}`} role="alert">
      <span>{errorText(error, i)}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {i.t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** Field errors from a 422 plus a general message for everything else. */
export function useFormErrors() {
  const i = useI18n();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<unknown>(null);
  const set = useCallback((e: unknown) => {
    if (e instanceof ApiError && e.status === 422) {
      const f = e.fieldsIn(apiErrorTranslator(i));
      setFields(f);
      setGeneral(Object.keys(f).length ? null : e);
    } else {
      setFields({});
      setGeneral(e);
    }
  }, [i]);
  const clear = useCallback(() => {
    setFields({});
    setGeneral(null);
  }, []);
  /** The message for a field, also matching nested names ("siteName.ru", "names[ru]"). */
  const of = useCallback(
    (name: string): string | undefined => {
      if (fields[name]) return fields[name];
      for (const [k, v] of Object.entries(fields)) {
        const norm = k.replace(/\[(\w[\w-]*)\]/g, '.$1').replace(/^body\./, '');
        if (norm === name) return v;
      }
      return undefined;
    },
    [fields],
  );
  /** Messages whose field matches none of the names shown in the form. */
  const rest = useCallback(
    (shown: string[]): string[] =>
      Object.entries(fields)
        .filter(([k]) => !shown.some((s) => k === s || k.replace(/\[(\w[\w-]*)\]/g, '.$1') === s || k.startsWith(s + '.')))
        .map(([k, v]) => `${k}: ${v}`),
    [fields],
  );
  return { fields, general, set, clear, of, rest };
}

/**
 * A form's busy flag and errors around its submit: `run(action)` clears the errors, marks the form
 * busy while `action` runs and keeps what it throws as the form's errors (a 422's per field).
 */
export function useFormAction() {
  const errs = useFormErrors();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    errs.clear();
    try {
      await action();
    } catch (err) {
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, errs, run };
}

/* ---------- loading ---------- */

export function useLoad<T>(fn: (signal: AbortSignal) => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  useEffect(() => {
    const ac = new AbortController();
    setLoading(true);
    fnRef
      .current(ac.signal)
      .then((d) => {
        if (!ac.signal.aborted) {
          setData(d);
          setError(null);
        }
      })
      .catch((e) => {
        if (!ac.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!ac.signal.aborted) setLoading(false);
      });
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, setData, error, loading, reload };
}

/* ---------- form fields ---------- */

interface FieldProps {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
  /** The id of the control the label names, when the field's control is not its only child. */
  htmlFor?: string;
}

const CONTROL_TAGS = new Set(['input', 'select', 'textarea']);

/** A component that renders one form control and passes `id` and `aria-*` props on to it. */
export interface FieldControl {
  fieldControl?: true;
}

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
}

/**
 * A labelled form field. When its only child is a form control (an input, select, textarea or a
 * component marked `fieldControl`), the label is tied to it (`for` and a generated id) and the hint
 * or error is given to it as its description; otherwise (a set of checkboxes, a chips input) the
 * field is a group named by the label.
 */
export function Field({ label, error, hint, children, className, htmlFor }: FieldProps) {
  const auto = useId();
  const child = isValidElement<ControlProps>(children) ? children : null;
  const isControl = !!child && (typeof child.type === 'string' ? CONTROL_TAGS.has(child.type) : (child.type as FieldControl).fieldControl === true);
  const hintId = hint && !error ? `${auto}-hint` : undefined;
  const errorId = error ? `${auto}-error` : undefined;
  let controlId = htmlFor;
  let content = children;
  if (!htmlFor && child && isControl) {
    controlId = child.props.id ?? `${auto}-control`;
    const describedBy = [child.props['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;
    content = cloneElement(child, { id: controlId, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true } : {}) } as ControlProps);
  }
  const labelId = `${auto}-label`;
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ' ' + className : ''}`} role={controlId ? undefined : 'group'} aria-labelledby={controlId ? undefined : labelId}>
      {controlId ? (
        <label className="field-label" htmlFor={controlId} id={labelId}>
          {label}
        </label>
      ) : (
        <div className="field-label" id={labelId}>
          {label}
        </div>
      )}
      {content}
      {hint && !error && (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" role="alert" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}

/* ---------- dialog ---------- */

interface DialogProps {
  open: boolean;
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean | 'xl';
  className?: string;
  /** false: no close button; Esc and clicks outside do nothing. */
  dismissible?: boolean;
}

/**
 * The control last pressed with a pointer. A toolbar button that keeps the editor's selection
 * (mousedown prevented) never takes focus; a dialog it opens gives focus back to it on close.
 */
let lastPressed: HTMLElement | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener(
    'pointerdown',
    (e) => {
      const el = e.target instanceof Element ? e.target.closest<HTMLElement>('button, a[href], input, select, textarea, summary, [role="button"], [tabindex]') : null;
      lastPressed = el;
    },
    true,
  );
}

/**
 * Where each dialog took focus from when it last opened, and the dialog that held it. A dialog can
 * open from a control inside another dialog that has closed since (the media editor reopening
 * after its delete confirmation): focus then goes back to where that other dialog came from.
 */
const openedFrom = new WeakMap<HTMLDialogElement, { to: HTMLElement | null; via: HTMLDialogElement | null }>();

function returnTarget(d: HTMLDialogElement): HTMLElement | null {
  let step = openedFrom.get(d);
  for (let n = 0; step && n < 8; n++) {
    const { to, via } = step;
    if (!to) return null;
    if (to.isConnected && (!via || via.open)) return to;
    if (!via) return null;
    step = openedFrom.get(via);
  }
  return null;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
const TEXT_FIELD = 'input:not([disabled]):not([type="hidden"]):not([type="file"]):not([type="checkbox"]):not([type="radio"]), select:not([disabled]), textarea:not([disabled])';

function firstVisible(root: Element | null, selector: string): HTMLElement | null {
  if (!root) return null;
  for (const el of root.querySelectorAll<HTMLElement>(selector)) if (el.getClientRects().length > 0 && !el.closest('[inert]')) return el;
  return null;
}

/**
 * A modal on the native <dialog>, named by its heading. Opening moves focus into it (the field
 * marked autoFocus, else the first field, else the first control, else the dialog); Tab stays
 * inside; Esc closes; closing gives focus back to what had it before (or the control that opened it).
 */
/**
 * The footer most dialogs share: Cancel, then the primary button that submits the dialog's form
 * (linked by id, since the footer sits outside the form).
 */
export function FormFooter({ form, submitLabel, onCancel, disabled }: { form: string; submitLabel: ReactNode; onCancel: () => void; disabled?: boolean }) {
  const i = useI18n();
  return (
    <>
      <button type="button" className="btn" onClick={onCancel}>
        {i.t('common.cancel')}
      </button>
      <button type="submit" form={form} className="btn btn-primary" disabled={disabled}>
        {submitLabel}
      </button>
    </>
  );
}

export function Dialog({ open, title, onClose, children, footer, wide, className, dismissible = true }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const wanted = useRef({ open, dismissible });
  wanted.current = { open, dismissible };
  /** Shown by this component and not yet given back. */
  const showing = useRef(false);
  // The content mounts only once the dialog is shown, so that autoFocus fields can take focus, and
  // unmounts only after focus has gone back (a control it removed would leave focus nowhere).
  const [shown, setShown] = useState(false);

  const giveFocusBack = (d: HTMLDialogElement) => {
    const active = document.activeElement;
    const lost = !active || active === document.body || d.contains(active);
    const to = returnTarget(d);
    if (to && lost) to.focus();
  };

  useLayoutEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      const active = document.activeElement;
      const to = active instanceof HTMLElement && active !== document.body ? active : lastPressed?.isConnected ? lastPressed : null;
      openedFrom.set(d, { to, via: to?.closest('dialog') ?? null });
      d.showModal();
      showing.current = true;
      setShown(true);
    } else if (!open && showing.current) {
      showing.current = false;
      if (d.open) d.close();
      // The content is still there (it goes with the next render): focus leaves it first.
      giveFocusBack(d);
      setShown(false);
    }
     
  }, [open]);
  useLayoutEffect(() => {
    const d = ref.current;
    // The dialog itself may have taken focus on showModal(); a field marked autoFocus has its own.
    if (!shown || !d || (d.contains(document.activeElement) && document.activeElement !== d)) return;
    const target =
      firstVisible(d.querySelector('.dialog-body'), TEXT_FIELD) ??
      firstVisible(d.querySelector('.dialog-body'), FOCUSABLE) ??
      firstVisible(d.querySelector('.dialog-foot'), FOCUSABLE) ??
      firstVisible(d.querySelector('.dialog-head'), FOCUSABLE);
    (target ?? d).focus();
  }, [shown]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    // Esc: the owner decides (its onClose sets `open` to false).
    const onCancel = (e: Event) => {
      e.preventDefault();
      if (wanted.current.dismissible) closeRef.current();
    };
    // The browser may close a modal by itself: a second Esc with no click or key in between skips
    // `cancel`. Then the owner is told, or a dialog that must stay opens again.
    const onClosed = () => {
      if (!wanted.current.open) return;
      if (wanted.current.dismissible) closeRef.current();
      else d.showModal();
    };
    d.addEventListener('cancel', onCancel);
    d.addEventListener('close', onClosed);
    return () => {
      d.removeEventListener('cancel', onCancel);
      d.removeEventListener('close', onClosed);
    };
  }, []);
  // Unmounted while open (its owner went away): focus goes back if what had it is still there.
  // A layout effect's cleanup runs while the dialog is still in the document, holding the focus.
  useLayoutEffect(() => {
    const d = ref.current;
    return () => {
      if (d && showing.current) giveFocusBack(d);
    };
     
  }, []);
  const i = useI18n();
  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      className={`dialog${wide === 'xl' ? ' dialog-xl' : wide ? ' dialog-wide' : ''}${className ? ' ' + className : ''}`}
      onMouseDown={(e) => {
        if (dismissible && e.target === ref.current) onClose();
      }}
    >
      {shown && (
        <div className="dialog-inner">
          <header className="dialog-head">
            <h2 id={titleId}>{title}</h2>
            {dismissible && (
              <button type="button" className="icon-btn" aria-label={i.t('common.close')} onClick={onClose}>
                <Icon name="x" />
              </button>
            )}
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-foot">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  message?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Ask for a text (e.g. the reason of an unpublish); required when `inputRequired`. */
  inputLabel?: string;
  inputRequired?: boolean;
  onConfirm(text: string): Promise<unknown> | unknown;
  onClose(): void;
}

export function ConfirmDialog({ open, title, message, confirmLabel, danger, inputLabel, inputRequired, onConfirm, onClose }: ConfirmProps) {
  const i = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  useEffect(() => {
    if (open) {
      setText('');
      errs.clear();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const submit = async () => {
    if (inputRequired && !text.trim()) return;
    setBusy(true);
    try {
      await onConfirm(text.trim());
      onClose();
    } catch (e) {
      errs.set(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {i.t('common.cancel')}
          </button>
          <button
            type="submit"
            form="confirm-form"
            className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
            disabled={busy || (inputRequired && !text.trim())}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <form
        id="confirm-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {message && <div className="confirm-message">{message}</div>}
        {inputLabel && (
          <Field label={inputLabel} error={errs.of('reason') ?? errs.of('text')}>
            <textarea className="input" rows={3} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
          </Field>
        )}
        {Object.keys(errs.fields).length > 0 && !inputLabel && <ErrorBox error={Object.values(errs.fields).join(' ')} />}
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}

/* ---------- badges, pagination, misc ---------- */

/** `embargoUntil`: a published or scheduled story under an embargo says until when («Опубликован · эмбарго до …»). */
export function StatusBadge({ status, embargoUntil }: { status: Status; embargoUntil?: string | null }) {
  const i = useI18n();
  const label = i.t(`status.${status}` as MessageKey);
  const embargoed = !!embargoUntil && (status === 'published' || status === 'scheduled') && Date.parse(embargoUntil) > Date.now();
  if (!embargoed) return <span className={`badge badge-${status}`}>{label}</span>;
  return (
    <span className={`badge badge-${status} badge-embargo`} data-embargo={embargoUntil}>
      {i.t('rev.embargoed', { status: label, time: i.dateTime(embargoUntil) })}
    </span>
  );
}

export function Pagination({ page, pages, total, onPage }: { page: number; pages: number; total?: number; onPage(p: number): void }) {
  const i = useI18n();
  if (pages <= 1 && total === undefined) return null;
  return (
    <nav className="pagination" aria-label={i.t('common.pagination')}>
      {total !== undefined && <span className="muted">{i.tn('common.total', total)}</span>}
      {pages > 1 && (
        <span className="pagination-controls">
          <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            ← {i.t('common.prev')}
          </button>
          <span className="pagination-page">{i.t('common.pageOf', { page, pages })}</span>
          <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {i.t('common.next')} →
          </button>
        </span>
      )}
    </nav>
  );
}

export function Spinner({ label }: { label?: string }) {
  const i = useI18n();
  return (
    <div className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? i.t('common.loading')}</span>
    </div>
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const ICONS: Record<string, string> = {
  x: 'M6 6l12 12M18 6L6 18',
  menu: 'M4 7h16M4 12h16M4 17h16',
  stories: 'M5 4h11l3 3v13H5zM8 9h8M8 13h8M8 17h5',
  media: 'M4 5h16v14H4zM4 15l5-5 4 4 3-3 4 4M15 9.5a1.5 1.5 0 1 0 0-.01',
  taxonomy: 'M4 5h7v7H4zM13 5h7v4h-7zM13 11h7v8h-7zM4 14h7v5H4z',
  users: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM3 20c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5M16 4.5a3.3 3.3 0 0 1 0 6.3M18 14.7c1.9.7 3 2.6 3 5.3',
  settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2.2.2-1.3-1.3L16.7 5l-3-1-1 2h-1.4l-1-2-3 1 .2 2.2L6.2 8.5 4 8.3l-1 3 2 1v1.4l-2 1 1 3 2.2-.2 1.3 1.3-.2 2.2 3 1 1-2h1.4l1 2 3-1-.2-2.2 1.3-1.3 2.2.2 1-3-2-1z',
  audit: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  plus: 'M12 5v14M5 12h14',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM16 16l5 5',
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 5l1-1v5M4 18h2.5l-2.5 2h2.5',
  quote: 'M7 10h3v6H5v-4c0-3 1-5 4-6M16 10h3v6h-5v-4c0-3 1-5 4-6',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  unlink: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1M4 4l16 16',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4',
  table: 'M4 5h16v14H4zM4 10h16M4 15h16M10 5v14',
  embed: 'M8 8l-4 4 4 4M16 8l4 4-4 4M13.5 6l-3 12',
  hr: 'M4 12h16',
  undo: 'M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3',
  redo: 'M15 14l5-5-5-5M20 9H9a5 5 0 0 0 0 10h3',
  eye: 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  upload: 'M12 16V4M7 9l5-5 5 5M4 16v4h16v-4',
  history: 'M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 2',
  chevronDown: 'M6 9l6 6 6-6',
  check: 'M5 12l5 5 9-10',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 3.6-6.5 8-6.5s8 2.5 8 6.5',
  back: 'M15 18l-6-6 6-6',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  rowAdd: 'M4 5h16v6H4zM12 14v6M9 17h6',
  colAdd: 'M5 4h6v16H5zM14 12h6M17 9v6',
  rowDel: 'M4 5h16v6H4zM9 17h6',
  colDel: 'M5 4h6v16H5zM14 12h6',
  sync: 'M20 11a8 8 0 0 0-14.3-4.9L4 8M4 4v4h4M4 13a8 8 0 0 0 14.3 4.9L20 16M20 20v-4h-4',
  alert: 'M12 4l9 16H3zM12 10v4M12 17h.01',
  columns: 'M4 5h16v14H4zM12 5v14',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3v3H8z',
  chart: 'M4 4v16h16M8 16v-5M12 16V8M16 16v-8M20 16v-3',
  globe: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
};

export function Icon({ name, size = 18, className }: { name: keyof typeof ICONS | string; size?: number; className?: string }) {
  return (
    <svg className={`icon${className ? ' ' + className : ''}`} width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={ICONS[name] ?? ''} />
    </svg>
  );
}

/** "a, b and 2 more" style short list of names. */
export function namesList(names: string[], max = 2): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} +${names.length - max}`;
}
