/**
 * The comment box with @mention autocomplete: typing "@" and a few letters offers the people who
 * can open this story; choosing one writes "@Name" and remembers the id, so the text sent to the
 * server carries `@{id}` (names are looked up again when shown).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { errorText } from '../components/ui';
import { useI18n } from '../i18n';
import { desk, namesToTokens, type Person } from './desk.api';

const TRIGGER = /(^|\s)@([\p{L}\p{N}_-]{0,30})$/u;

export function Composer({ editionId, initial, initialChosen, label, submitLabel, onSubmit, onCancel, autoFocus }: {
  editionId: number;
  initial?: string;
  initialChosen?: Map<string, number>;
  label: string;
  submitLabel: string;
  onSubmit(body: string): Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const i = useI18n();
  const [text, setText] = useState(initial ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [active, setActive] = useState(0);
  const chosen = useRef(new Map(initialChosen ?? []));
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  useEffect(() => {
    if (query === null) return;
    const ac = new AbortController();
    desk
      .people(editionId, query, ac.signal)
      .then((r) => {
        setPeople(r.items);
        setActive(0);
      })
      .catch(() => setPeople([]));
    return () => ac.abort();
  }, [editionId, query]);

  const onChange = (v: string, caret: number) => {
    setText(v);
    const m = TRIGGER.exec(v.slice(0, caret));
    setQuery(m ? m[2]! : null);
  };

  const pick = (p: Person) => {
    const el = ref.current!;
    const caret = el.selectionStart ?? text.length;
    const before = text.slice(0, caret).replace(/@[\p{L}\p{N}_-]{0,30}$/u, '@' + p.name + ' ');
    const next = before + text.slice(caret);
    chosen.current.set(p.name, p.id);
    setText(next);
    setQuery(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(before.length, before.length);
    });
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const open = query !== null && people.length > 0;
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : people.length - 1)) % people.length);
    } else if (open && (e.key === 'Enter' || e.key === 'Tab')) {
      e.preventDefault();
      pick(people[active]!);
    } else if (open && e.key === 'Escape') {
      e.preventDefault();
      setQuery(null);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  const submit = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError('');
    try {
      await onSubmit(namesToTokens(text.trim(), chosen.current));
      setText('');
      chosen.current.clear();
    } catch (e) {
      setError((e as { fields?: Record<string, string> }).fields?.body || errorText(e, i));
    } finally {
      setBusy(false);
    }
  };

  const open = query !== null && people.length > 0;
  return (
    <div className="collab-composer">
      <label className="sr-only" htmlFor={listId + '-t'}>
        {label}
      </label>
      <textarea
        id={listId + '-t'}
        ref={ref}
        className="input"
        rows={2}
        value={text}
        placeholder={label}
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(e) => onChange(e.target.value, e.target.selectionStart ?? e.target.value.length)}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      {open && (
        <ul className="collab-suggest" role="listbox" id={listId} aria-label={i.t('collab.mentionPeople')}>
          {people.map((p, n) => (
            <li key={p.id} id={`${listId}-${n}`} role="option" aria-selected={n === active} className={n === active ? 'active' : ''} onMouseDown={(e) => (e.preventDefault(), pick(p))}>
              {p.name}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="collab-composer-actions">
        <span className="muted small">{i.t('collab.mentionHint')}</span>
        {onCancel && (
          <button type="button" className="btn btn-small btn-ghost" onClick={onCancel}>
            {i.t('collab.cancel')}
          </button>
        )}
        <button type="button" className="btn btn-small" disabled={busy || !text.trim()} onClick={() => void submit()}>
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
