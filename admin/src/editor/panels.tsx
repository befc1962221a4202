/** Side panels of the story editor: tags, authors, hero image, SEO, notes, history, editions. */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { api } from '../api';
import { mediaText } from '../components/media';
import { ErrorBox, Field, Icon, StatusBadge, errorText, useFormErrors } from '../components/ui';
import { useAuthors } from '../data';
import { useI18n, type MessageKey } from '../i18n';
import { LocaleChip, localeLabel } from '../components/locale';
import { Link } from '../router';
import { notify } from '../toast';
import { LOCALES, pickName, scriptTwin, type Author, type Edition, type Locale, type Media, type Sibling, type Tag, type Transition } from '../types';

export function Panel({ title, children, id, actions, collapsible, defaultOpen = true }: { title: ReactNode; children: ReactNode; id?: string; actions?: ReactNode; collapsible?: boolean; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const hid = useId();
  return (
    <section className={`panel${open ? '' : ' collapsed'}`} id={id} aria-labelledby={hid}>
      <header className="panel-head">
        {collapsible ? (
          <button type="button" className="panel-toggle" aria-expanded={open} onClick={() => setOpen((v) => !v)} id={hid}>
            <Icon name="chevronDown" size={14} className="panel-chevron" />
            {title}
          </button>
        ) : (
          <h2 id={hid}>{title}</h2>
        )}
        {actions}
      </header>
      {open && <div className="panel-body">{children}</div>}
    </section>
  );
}

/* ---------- tags ---------- */

export function TagsInput({ value, onChange, locale, disabled, error }: { value: Tag[]; onChange(v: Tag[]): void; locale: string; disabled?: boolean; error?: string }) {
  const i = useI18n();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Tag[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const term = q.trim();
    if (!term) {
      setItems([]);
      return;
    }
    const ac = new AbortController();
    const t = window.setTimeout(() => {
      api.get<{ items: Tag[] }>('/tags', { q: term }, ac.signal).then(
        (r) => {
          setItems(r.items);
          setActive(0);
        },
        () => undefined,
      );
    }, 200);
    return () => {
      window.clearTimeout(t);
      ac.abort();
    };
  }, [q]);

  const chosen = new Set(value.map((t) => t.id));
  const options = items.filter((t) => !chosen.has(t.id));
  const term = q.trim();
  const exact = items.some((t) => Object.values(t.names).some((n) => n?.toLowerCase() === term.toLowerCase()));
  const canCreate = term.length > 0 && !exact;
  const total = options.length + (canCreate ? 1 : 0);

  const add = (t: Tag) => {
    if (!chosen.has(t.id)) onChange([...value, t]);
    setQ('');
    setItems([]);
    inputRef.current?.focus();
  };
  const create = async () => {
    if (!term || busy) return;
    setBusy(true);
    try {
      const t = await api.post<Tag>('/tags', { name: term, locale });
      add(t);
    } catch (e) {
      notify(errorText(e, i), 'error');
    } finally {
      setBusy(false);
    }
  };
  const choose = (idx: number) => {
    if (idx < options.length) add(options[idx]!);
    else if (canCreate) void create();
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (total ? (a + 1) % total : 0));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (total ? (a - 1 + total) % total : 0));
    } else if (e.key === 'Enter' || e.key === ',') {
      if (term) {
        e.preventDefault();
        choose(Math.min(active, total - 1));
      }
    } else if (e.key === 'Escape') {
      if (open && term) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      }
    } else if (e.key === 'Backspace' && !q && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <Field label={i.t('editor.tags')} error={error}>
      <div className={`chips-input${disabled ? ' disabled' : ''}`} onClick={() => inputRef.current?.focus()}>
        {value.map((t) => (
          <span key={t.id} className="chip">
            {pickName(t.names, locale, t.slug)}
            {!disabled && (
              <button type="button" className="chip-x" aria-label={i.t('common.removeItem', { name: pickName(t.names, locale, t.slug) })} onClick={() => onChange(value.filter((x) => x.id !== t.id))}>
                ×
              </button>
            )}
          </span>
        ))}
        {!disabled && (
          <input
            ref={inputRef}
            className="chips-text"
            value={q}
            placeholder={value.length ? '' : i.t('editor.tagsPlaceholder')}
            onChange={(e) => {
              setQ(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => window.setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKey}
            role="combobox"
            aria-expanded={open && total > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-label={i.t('editor.tags')}
          />
        )}
      </div>
      {open && term && total > 0 && (
        <ul className="suggest" id={listId} role="listbox">
          {options.map((t, n) => (
            <li key={t.id} role="option" aria-selected={active === n} className={active === n ? 'active' : ''} onMouseDown={(e) => e.preventDefault()} onClick={() => add(t)}>
              {pickName(t.names, locale, t.slug)}
              <span className="muted"> · {t.slug}</span>
            </li>
          ))}
          {canCreate && (
            <li role="option" aria-selected={active === options.length} className={`suggest-create${active === options.length ? ' active' : ''}`} onMouseDown={(e) => e.preventDefault()} onClick={() => void create()}>
              <Icon name="plus" size={14} /> {i.t('editor.tagCreate', { name: term })}
            </li>
          )}
        </ul>
      )}
    </Field>
  );
}

/* ---------- authors ---------- */

export function AuthorsInput({ value, onChange, locale, disabled, error }: { value: Author[]; onChange(v: Author[]): void; locale: string; disabled?: boolean; error?: string }) {
  const i = useI18n();
  const all = useAuthors();
  const chosen = new Set(value.map((a) => a.id));
  const rest = all.filter((a) => !chosen.has(a.id));
  const sid = useId();
  return (
    <Field label={i.t('editor.authors')} error={error} htmlFor={sid}>
      <div className="chips">
        {value.map((a) => (
          <span key={a.id} className="chip">
            {pickName(a.names, locale, a.slug)}
            {!disabled && (
              <button type="button" className="chip-x" aria-label={i.t('common.removeItem', { name: pickName(a.names, locale, a.slug) })} onClick={() => onChange(value.filter((x) => x.id !== a.id))}>
                ×
              </button>
            )}
          </span>
        ))}
      </div>
      {!disabled && (
        <select
          id={sid}
          className="input"
          value=""
          onChange={(e) => {
            const a = all.find((x) => String(x.id) === e.target.value);
            if (a) onChange([...value, a]);
          }}
        >
          <option value="">{rest.length ? i.t('editor.authorAdd') : i.t('editor.authorNoMore')}</option>
          {rest.map((a) => (
            <option key={a.id} value={a.id}>
              {pickName(a.names, locale, a.slug)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/* ---------- hero ---------- */

/** `mediaLocked`: the image belongs to the whole story and this user may not change it here (the caption is the edition's own). */
export function HeroPanel({ hero, caption, onCaption, onPick, onRemove, locale, disabled, mediaLocked, errors }: { hero: Media | null; caption: string; onCaption(v: string): void; onPick(): void; onRemove(): void; locale: string; disabled?: boolean; mediaLocked?: boolean; errors: { media?: string; caption?: string } }) {
  const i = useI18n();
  return (
    <Panel title={i.t('editor.hero')} id="panel-hero">
      {hero ? (
        <div className="hero-box">
          <img src={hero.thumb || hero.src} alt={mediaText(hero, locale, 'alt')} />
          <div className="hero-credit">
            {i.t('editor.heroCredit')}: {hero.credit || <span className="muted">{i.t('editor.heroNoCredit')}</span>}
          </div>
        </div>
      ) : (
        <div className="hero-empty muted">{i.t('editor.heroNone')}</div>
      )}
      {errors.media && <div className="field-error">{errors.media}</div>}
      {hero && (
        <Field label={i.t('editor.heroCaption')} error={errors.caption}>
          <textarea className="input" rows={2} value={caption} disabled={disabled} onChange={(e) => onCaption(e.target.value)} placeholder={mediaText(hero, locale, 'caption')} />
        </Field>
      )}
      {mediaLocked && !disabled && <p className="muted small" data-story-locked="">{i.t('editor.storyFieldsLocked')}</p>}
      {!disabled && !mediaLocked && (
        <div className="btn-row">
          <button type="button" className="btn btn-small" onClick={onPick}>
            <Icon name="image" size={15} /> {hero ? i.t('editor.heroChange') : i.t('editor.heroChoose')}
          </button>
          {hero && (
            <button type="button" className="btn btn-small btn-ghost" onClick={onRemove}>
              {i.t('common.remove')}
            </button>
          )}
        </div>
      )}
    </Panel>
  );
}

/* ---------- SEO ---------- */

export function LengthHint({ n, ok, max }: { n: number; ok: number; max: number }) {
  const i = useI18n();
  const cls = n > max ? 'len-over' : n > ok ? 'len-warn' : 'len-ok';
  return (
    <span className={`len ${cls}`}>
      {i.t('editor.chars', { n, max: ok === max ? max : `${ok}–${max}` })}
      {n > max ? ` · ${i.t('editor.tooLong')}` : ''}
    </span>
  );
}

/* ---------- history ---------- */

export function History({ transitions }: { transitions: Transition[] }) {
  const i = useI18n();
  if (!transitions.length) return <p className="muted small">{i.t('editor.historyEmpty')}</p>;
  const list = [...transitions].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="timeline">
      {list.map((t, n) => (
        <li key={n}>
          <div className="timeline-line">
            {t.from && (
              <>
                <StatusBadge status={t.from} />
                <span aria-hidden="true">→</span>
              </>
            )}
            <StatusBadge status={t.to} />
          </div>
          <div className="timeline-meta muted">
            {t.by?.name ?? '—'} · <time dateTime={t.at}>{i.dateTime(t.at)}</time>
          </div>
          {t.note && <div className="timeline-note">{t.note}</div>}
        </li>
      ))}
    </ol>
  );
}

/* ---------- workflow ---------- */

/** The reason a story was sent back to its author, while it is still the draft it was returned as. */
export function ReturnedNotice({ ed }: { ed: Edition }) {
  const i = useI18n();
  if (ed.status !== 'draft') return null;
  const last = [...ed.transitions].sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  if (!last || last.from !== 'review' || last.to !== 'draft' || !last.note) return null;
  return (
    <div className="notice notice-warn notice-slim returned-notice" role="note" data-testid="returned">
      {i.t('rev.returnedBy', { name: last.by?.name ?? '—', reason: last.note })}
    </div>
  );
}

/** Says beside the lead whether the site shows it (site setting «show the lead under the headline»). */
export function LeadOnSite({ shown }: { shown?: boolean }) {
  const i = useI18n();
  if (shown === undefined) return null;
  return (
    <span className="lead-on-site" data-shown={shown ? 'yes' : 'no'}>
      {i.t(shown ? 'rev.leadShown' : 'rev.leadHidden')}
    </span>
  );
}

/* ---------- notes ---------- */

export function NotesPanel({ ed, canAdd, onAdd }: { ed: Edition; canAdd: boolean; onAdd(kind: 'correction' | 'update', text: string): Promise<void> }) {
  const i = useI18n();
  const [kind, setKind] = useState<'correction' | 'update'>('correction');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  const submit = async () => {
    if (!text.trim()) return;
    setBusy(true);
    errs.clear();
    try {
      await onAdd(kind, text.trim());
      setText('');
    } catch (e) {
      errs.set(e);
    } finally {
      setBusy(false);
    }
  };
  const notes = [...ed.notes].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Panel title={i.t('editor.notes')} id="panel-notes" collapsible defaultOpen={notes.length > 0 || ed.status === 'published'}>
      {notes.length === 0 ? (
        <p className="muted small">{i.t('editor.notesEmpty')}</p>
      ) : (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n.id} className={`note note-${n.kind}`}>
              <div className="note-head">
                <span className={`note-kind note-kind-${n.kind}`}>{i.t(`editor.note.${n.kind}` as MessageKey)}</span>
                <time dateTime={n.at} className="muted">
                  {i.dateTime(n.at)}
                </time>
              </div>
              <div className="note-text">{n.text}</div>
              <div className="muted small">{n.by?.name}</div>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <div className="note-form">
          <div className="seg seg-small" role="radiogroup" aria-label={i.t('editor.noteKind')}>
            {(['correction', 'update'] as const).map((k) => (
              <button key={k} type="button" role="radio" aria-checked={kind === k} className={`seg-btn${kind === k ? ' active' : ''}`} onClick={() => setKind(k)}>
                {i.t(`editor.note.${k}` as MessageKey)}
              </button>
            ))}
          </div>
          <Field label={i.t('editor.noteText')} error={errs.of('text') ?? errs.of('kind')}>
            <textarea className="input" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <ErrorBox error={errs.general} />
          <button type="button" className="btn btn-small" disabled={busy || !text.trim()} onClick={() => void submit()}>
            {i.t('editor.noteAdd')}
          </button>
        </div>
      )}
    </Panel>
  );
}

/* ---------- editions (languages) ---------- */

export interface EditionsActions {
  /** Adds an empty edition in `locale` (POST translations). */
  onAdd(locale: Locale): Promise<void>;
  /** Creates the other-script Uzbek edition from edition `fromId` (POST derive). */
  onDerive(fromId: number): Promise<void>;
  onShowDiff(): void;
  onResync(): void;
  /** Accepts the pending source change of this derived edition (a re-sync; needs edit rights). */
  onAcceptUpdate(): void;
  onSideBySide(): void;
}

/**
 * Every language of the story at a glance: the editions that exist (status, open), the missing
 * ones of the enabled set (add, or for Uzbek create by transliteration), which are older than the
 * source, and, on a derived Uzbek edition, whether it still follows its source.
 */
export function EditionsPanel({ ed, actions, sideBySide }: { ed: Edition; actions: EditionsActions; sideBySide: boolean }) {
  const i = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, op: () => Promise<void>) => {
    setBusy(key);
    try {
      await op();
    } finally {
      setBusy(null);
    }
  };
  const byLocale = new Map<string, Sibling>(ed.siblings.map((s) => [s.locale, s]));
  const present = new Set<string>([ed.locale, ...ed.siblings.map((s) => s.locale)]);
  const locales = [...LOCALES.filter((l) => present.has(l) || ed.missingLocales.includes(l)), ...[...present].filter((l) => !(LOCALES as string[]).includes(l))];
  const idOf = (l: string) => (l === ed.locale ? ed.id : byLocale.get(l)?.editionId);
  const twinWord = (l: string) => (l === 'uz-Cyrl' ? 'Cyrl' : 'Latn');
  // "Source" relative to this edition: what a derived edition follows, otherwise the story's first
  // (oldest) edition, which the server compares the others with for "older than the source".
  const sourceId = ed.derivedFrom ?? Math.min(ed.id, ...ed.siblings.map((x) => x.editionId));
  const derivedFromLocale = ed.derivedFrom !== null ? ed.siblings.find((s) => s.editionId === ed.derivedFrom)?.locale ?? scriptTwin(ed.locale) : null;

  return (
    <Panel title={i.t('ed.title')} id="panel-editions">
      {ed.sync && (
        <div className={`sync-box sync-${ed.sync}`} data-sync={ed.sync} role="status">
          <div className="sync-title">
            <Icon name={ed.sync === 'synced' ? 'sync' : 'alert'} size={15} />
            {ed.sync === 'synced' ? i.t(derivedFromLocale === 'uz-Cyrl' ? 'ed.syncedCyrl' : 'ed.syncedLatn') : ed.sync === 'pending' ? i.t('ed.pending') : i.t('ed.diverged')}
          </div>
          <p className="sync-hint">{ed.sync === 'synced' ? i.t('ed.syncedHint') : ed.sync === 'pending' ? i.t(ed.can.acceptUpdate ? 'ed.pendingHint' : 'ed.pendingHintReadonly') : i.t('ed.divergedHint')}</p>
          {ed.sync === 'pending' && (
            <div className="btn-row">
              <button type="button" className="btn btn-small" onClick={actions.onShowDiff}>
                {i.t('ed.showDiff')}
              </button>
              {ed.can.acceptUpdate && (
                <button type="button" className="btn btn-small btn-primary" data-action="accept-update" onClick={actions.onAcceptUpdate}>
                  <Icon name="sync" size={14} /> {i.t('ed.acceptUpdate')}
                </button>
              )}
            </div>
          )}
          {ed.sync === 'diverged' && (
            <div className="btn-row">
              <button type="button" className="btn btn-small" onClick={actions.onShowDiff}>
                {i.t('ed.showDiff')}
              </button>
              {ed.can.edit && (
                <button type="button" className="btn btn-small" onClick={actions.onResync}>
                  <Icon name="sync" size={14} /> {i.t('ed.resync')}
                </button>
              )}
            </div>
          )}
        </div>
      )}
      {ed.outdated && ed.sync !== 'pending' && <div className="notice notice-warn notice-slim small">{i.t('ed.outdatedSelf')}</div>}
      <ul className="plain-list editions">
        {locales.map((l) => {
          const current = l === ed.locale;
          const sib = byLocale.get(l);
          const label = localeLabel(l, i);
          if (current || sib) {
            const status = current ? ed.status : sib!.status;
            const sync = current ? ed.sync : sib!.sync;
            const outdated = current ? ed.outdated : sib!.outdated;
            return (
              <li key={l} className={`edition-row${current ? ' is-current' : ''}`} data-locale={l} data-edition={idOf(l)}>
                <div className="edition-line">
                  <LocaleChip locale={l} />
                  {current ? (
                    <span className="edition-name" aria-current="page">
                      {label}
                    </span>
                  ) : (
                    <Link to={`/stories/${sib!.editionId}`} className="edition-name" aria-label={i.t('ed.open', { lang: label })}>
                      {label}
                    </Link>
                  )}
                  <StatusBadge status={status} />
                </div>
                <div className="edition-flags">
                  {current && <span className="flag flag-current">{i.t('ed.this')}</span>}
                  {!current && sib?.editionId === sourceId && <span className="flag flag-source">{i.t('ed.source')}</span>}
                  {sync === 'synced' && !current && (
                    <span className="flag flag-ok" title={i.t('ed.syncedHint')}>
                      <Icon name="sync" size={12} /> {i.t('ed.synced')}
                    </span>
                  )}
                  {sync === 'pending' && !current && (
                    <span className="flag flag-warn" title={i.t('ed.pendingHintReadonly')} data-pending="">
                      <Icon name="alert" size={12} /> {i.t('ed.pendingShort')}
                    </span>
                  )}
                  {sync === 'diverged' && !current && (
                    <span className="flag flag-warn" title={i.t('ed.divergedHint')}>
                      {i.t('ed.divergedShort')}
                    </span>
                  )}
                  {outdated && (
                    <span className="flag flag-warn" title={i.t('ed.outdatedHint')} data-outdated="">
                      <Icon name="alert" size={12} /> {i.t('ed.outdated')}
                    </span>
                  )}
                </div>
              </li>
            );
          }
          // Missing: add an empty edition; an Uzbek one whose twin exists can be made in one click.
          const twin = scriptTwin(l);
          const twinId = twin ? idOf(twin) : undefined;
          const canDerive = twinId !== undefined && (twinId !== ed.id || ed.can.edit);
          return (
            <li key={l} className="edition-row is-missing" data-locale={l}>
              <div className="edition-line">
                <LocaleChip locale={l} />
                <span className="edition-name muted">{label}</span>
                <span className="flag flag-missing">{i.t('ed.missing')}</span>
              </div>
              <div className="edition-actions">
                {canDerive && (
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    disabled={busy !== null}
                    title={i.t('ed.deriveHint')}
                    data-action="derive"
                    onClick={() => void run(`derive-${l}`, () => actions.onDerive(twinId!))}
                  >
                    {busy === `derive-${l}` ? i.t('common.working') : i.t(`ed.derive${twinWord(l)}` as MessageKey)}
                  </button>
                )}
                <button type="button" className="btn btn-small" disabled={busy !== null} title={i.t('ed.addHint')} data-action="add" onClick={() => void run(`add-${l}`, () => actions.onAdd(l as Locale))}>
                  {busy === `add-${l}` ? i.t('common.working') : i.t('ed.add')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <button type="button" className={`btn btn-small btn-block-small${sideBySide ? ' active' : ''}`} aria-pressed={sideBySide} disabled={ed.siblings.length === 0} title={ed.siblings.length === 0 ? i.t('sbs.none') : undefined} onClick={actions.onSideBySide}>
        <Icon name="columns" size={15} /> {sideBySide ? i.t('ed.sideBySideClose') : i.t('ed.sideBySide')}
      </button>
    </Panel>
  );
}
