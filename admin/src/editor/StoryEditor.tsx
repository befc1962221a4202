/**
 * The story editor page. Content lives in two places: the form fields (React state mirrored in a
 * ref) and the Tiptap body. Every change bumps a sequence number; autosave runs 3 s after the last
 * change, one request at a time, always with the version the server last returned. Keystrokes
 * typed while a save is in flight bump the sequence again, so another save follows.
 * Nothing typed is lost: every change is also kept in IndexedDB (draft-store.ts) until saved; a
 * field the server refuses (422) is left out of the save and named in the bar while the rest is
 * saved; a 409 merges per field against the version this editor started from (form.ts) and
 * asks only about fields both people changed.
 */
import { ExpiryControl } from './ExpiryControl';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { api, ApiError } from '../api';
import { MediaPicker, mediaText } from '../components/media';
import { ConfirmDialog, ErrorBox, Field, Icon, type FieldControl, Spinner, StatusBadge, errorText, namesList, useFormErrors, useLoad } from '../components/ui';
import { useSections } from '../data';
import { useI18n, type I18n, type MessageKey } from '../i18n';
import { Link, navigate, setNavigationGuard } from '../router';
import { REAUTH_EVENT, useUser } from '../session';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import { LOCALE_TAGS, pickName, roleAtLeast, type Doc, type Edition, type Locale, type Media, type Person, type RevisionItem, type Status } from '../types';
import { ConflictDialog, FIELD_LABEL, ScheduleDialog, SyncDiffDialog } from './dialogs';
import { RevisionsDialog } from './revisions';
import { LeadOnSite, ReturnedNotice } from './panels';
import { buildExtensions } from './extensions';
import { LocaleChip, localeLabel } from '../components/locale';
import { DeskPanel } from '../desk/DeskPanel';
import { AuthorsInput, EditionsPanel, HeroPanel, History, LengthHint, NotesPanel, Panel, TagsInput, type EditionsActions } from './panels';
import { SourcePane, defaultSource } from './SideBySide';
import { docStats } from './text';
import { Toolbar } from './Toolbar';
import { UrgencyField } from './UrgencyField';
import { RelatedPanel } from './RelatedPanel';
import { PreviewLinksPanel } from './PreviewLinksPanel';
import { FIELD_OF, FORM_KEYS, bodyOf, formFrom, formKeyOf, mergeThreeWay, payload, sameValue, type Choice, type Form, type FormKey, type MergeField } from './form';
import { deleteDraft, readDraft, writeDraft, type LocalDraft } from './draft-store';
import { DraftOffer, HeadlineCount, MediaRemovedNotice, ShortcutsOverlay } from './safety';

const AUTOSAVE_MS = 3000;
/** While someone types without pause, still save at least this often. */
const MAX_UNSAVED_MS = 15_000;
const RETRY_MS = 10_000;
const PRESENCE_MS = 15_000;

type SaveState = { kind: 'saved'; at: Date | null } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'conflict' } | { kind: 'error'; message: string } | { kind: 'readonly' };

export default function StoryEditorPage({ editionId }: { editionId: number }) {
  const i = useI18n();
  const res = useLoad((signal) => api.get<Edition>(`/editions/${editionId}`, undefined, signal), [editionId]);
  usePageTitle(res.data ? res.data.headline || i.t('stories.untitled') : i.t('editor.title'), { to: '/stories', label: i.t('nav.stories') });
  if (res.error)
    return (
      <div className="page">
        <Link to="/stories" className="back-link">
          <Icon name="back" size={16} /> {i.t('nav.stories')}
        </Link>
        <ErrorBox error={res.error} onRetry={res.reload} />
      </div>
    );
  if (!res.data) return <Spinner />;
  return <StoryEditor initial={res.data} />;
}

function fmtLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function StoryEditor({ initial }: { initial: Edition }) {
  const i = useI18n();
  const user = useUser();
  const sections = useSections();
  const id = initial.id;
  const locale = initial.locale;

  const [ed, setEd] = useState<Edition>(initial);
  const [form, setFormState] = useState<Form>(() => formFrom(initial));
  const formRef = useRef(form);
  const versionRef = useRef(initial.version);
  const seqRef = useRef(0);
  const savedSeqRef = useRef(0);
  const editableRef = useRef(initial.can.edit);
  const conflictRef = useRef(false);
  const bodyRef = useRef<Doc>(bodyOf(initial));
  /** The server's edition at versionRef: the common base of a three-way merge on 409. */
  const baseRef = useRef<Edition>(initial);
  /** Body changes, and their count when the body last equalled the base's. */
  const bodySeqRef = useRef(0);
  const bodyBaseSeqRef = useRef(0);
  /** Fields the server refused (422): saves send their last saved value until they are edited. */
  const blockedRef = useRef(new Map<FormKey | 'body', string>());
  const timer = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const queuedSave = useRef<Promise<boolean> | null>(null);
  const [save, setSave] = useState<SaveState>(initial.can.edit ? { kind: 'saved', at: initial.updatedAt ? new Date(initial.updatedAt) : null } : { kind: 'readonly' });
  const [conflict, setConflict] = useState<{ theirs: Edition; fields: MergeField[] } | null>(null);
  const [offer, setOffer] = useState<LocalDraft<Form> | null>(null);
  const [removedMedia, setRemovedMedia] = useState<{ kind: 'image' | 'embed'; n: number } | null>(null);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [stats, setStats] = useState(() => docStats(bodyRef.current, locale));
  const [editingNow, setEditingNow] = useState<Person[]>([]);
  const [picker, setPicker] = useState<null | 'body' | 'hero'>(null);
  const [dialog, setDialog] = useState<null | 'schedule' | 'unpublish' | 'sendBack' | 'delete' | 'revisions' | 'syncDiff' | 'resync' | 'acceptUpdate'>(null);
  // Side-by-side translation: the id of the source edition shown next to the editor (kept in ?source=).
  const [sourceId, setSourceId] = useState<number | null>(() => {
    const q = new URLSearchParams(location.search).get('source');
    if (q === null) return null;
    const n = Number(q);
    return initial.siblings.some((x) => x.editionId === n) ? n : defaultSource(initial);
  });
  const [busy, setBusy] = useState<string | null>(null);
  const errs = useFormErrors();
  const iRef = useRef<I18n>(i);
  iRef.current = i;

  usePageTitle(form.headline || i.t('stories.untitled'), { to: '/stories', label: i.t('nav.stories') });

  /* ----- change tracking and autosave ----- */

  const schedule = useCallback((ms: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void requestSaveRef.current(), ms);
  }, []);

  const dirtySince = useRef<number | null>(null);
  const markDirty = useCallback(() => {
    if (!editableRef.current) return;
    const wasClean = seqRef.current === savedSeqRef.current;
    if (wasClean || dirtySince.current === null) dirtySince.current = Date.now();
    seqRef.current++;
    storeDraftRef.current();
    if (wasClean) beatRef.current();
    if (!conflictRef.current) {
      setSave((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
      schedule(Math.max(0, Math.min(AUTOSAVE_MS, dirtySince.current + MAX_UNSAVED_MS - Date.now())));
    }
  }, [schedule]);

  const statsTimer = useRef<number | undefined>(undefined);
  const editor = useEditor({
    extensions: useMemo(() => buildExtensions(i.t('editor.bodyPlaceholder'), (n, kind) => setRemovedMedia({ kind, n: Date.now() + n })), []), // eslint-disable-line react-hooks/exhaustive-deps
    content: bodyRef.current,
    editable: initial.can.edit,
    editorProps: {
      attributes: { class: 'prose', lang: locale, spellcheck: 'true', 'aria-label': i.t('editor.body'), 'aria-multiline': 'true', role: 'textbox' },
    },
    onUpdate: ({ editor: e }) => {
      bodyRef.current = e.getJSON() as Doc;
      onBodyChange.current();
    },
  });
  const onBodyChange = useRef(() => {});
  onBodyChange.current = () => {
    bodySeqRef.current++;
    blockedRef.current.delete('body');
    markDirty();
    window.clearTimeout(statsTimer.current);
    statsTimer.current = window.setTimeout(() => setStats(docStats(bodyRef.current, locale)), 250);
  };

  const isDirty = () => seqRef.current !== savedSeqRef.current;
  /** Something typed is not on the server: unsent, or refused and left out of the saves. */
  const unsaved = useCallback(() => seqRef.current !== savedSeqRef.current || blockedRef.current.size > 0, []);

  /** Takes server values for fields the user has not touched since `snap` (normalised slug, etc.). */
  const applyServer = useCallback((res: Edition, snap: Form) => {
    setEd(res);
    const cur = formRef.current;
    const server = formFrom(res);
    const next: Form = { ...cur };
    let changed = false;
    for (const k of FORM_KEYS) {
      if (!sameValue(k, cur[k], snap[k])) continue; // edited meanwhile: keep the user's value
      const sv = server[k];
      if (typeof sv === 'string' && typeof cur[k] === 'string' && sv.trim() === (cur[k] as string).trim()) continue; // whitespace only
      if (k === 'hero' && (sv as Media | null)?.id === cur.hero?.id && cur.hero) {
        (next as unknown as Record<string, unknown>)[k] = sv ?? cur.hero;
        continue;
      }
      if (!sameValue(k, sv, cur[k]) || (k === 'tags' || k === 'authors')) {
        (next as unknown as Record<string, unknown>)[k] = sv;
        changed = true;
      }
    }
    if (changed) {
      formRef.current = next;
      setFormState(next);
    }
  }, []);

  /** Takes a merged result as the new state on top of `theirs` (the new base and version). */
  const adoptMerge = useCallback(
    (theirs: Edition, form: Form, body: Doc, bodyFromTheirs: boolean) => {
      baseRef.current = theirs;
      versionRef.current = theirs.version;
      setEd(theirs);
      formRef.current = form;
      setFormState(form);
      if (bodyFromTheirs) {
        bodyRef.current = body;
        editor.commands.setContent(body, { emitUpdate: false });
        bodyBaseSeqRef.current = bodySeqRef.current;
        setStats(docStats(body, locale));
      }
    },
    [editor, locale],
  );

  const runSave = useCallback(async (attempt = 0): Promise<boolean> => {
    if (conflictRef.current) return false;
    if (!editableRef.current) return true;
    if (seqRef.current === savedSeqRef.current) return true;
    window.clearTimeout(timer.current);
    const seq = seqRef.current;
    const bodySeq = bodySeqRef.current;
    const snap = formRef.current;
    const blocked = blockedRef.current;
    // Refused fields go out with their saved value, so that everything else can be saved.
    const saved = formFrom(baseRef.current);
    const sent: Form = { ...snap };
    for (const k of blocked.keys()) if (k !== 'body') (sent as unknown as Record<string, unknown>)[k] = saved[k];
    const body = blocked.has('body') ? bodyOf(baseRef.current) : bodyRef.current;
    setSave({ kind: 'saving' });
    const t = iRef.current;
    try {
      const res = await api.put<Edition>(`/editions/${id}`, payload(sent, body, versionRef.current));
      versionRef.current = res.version;
      baseRef.current = res;
      if (!blocked.has('body')) bodyBaseSeqRef.current = bodySeq;
      savedSeqRef.current = seq;
      dirtySince.current = seqRef.current === seq ? null : Date.now();
      applyServer(res, sent);
      if (blocked.size === 0) errs.clear();
      storeDraftRef.current();
      if (seqRef.current !== seq) {
        setSave({ kind: 'dirty' });
        schedule(800);
      } else if (blocked.size > 0) setSave({ kind: 'error', message: blockedText(t, blocked) });
      else setSave({ kind: 'saved', at: new Date() });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        let current = (e.details as { current?: Edition } | undefined)?.current ?? null;
        if (!current) current = await api.get<Edition>(`/editions/${id}`).catch(() => null);
        if (current && attempt < 3) {
          const m = mergeThreeWay(baseRef.current, current, { form: formRef.current, body: bodyRef.current, bodyTouched: bodySeqRef.current !== bodyBaseSeqRef.current });
          if (m.conflicts.length === 0) {
            // Only one side changed each field: take both, and save the result on their version.
            adoptMerge(current, m.form, m.body, m.bodyFromTheirs);
            notify(t.t('ed2.merged'), 'info');
            return runSaveRef.current(attempt + 1);
          }
          conflictRef.current = true;
          window.clearTimeout(timer.current);
          setConflict({ theirs: current, fields: m.conflicts });
          setConflictOpen(true);
          setSave({ kind: 'conflict' });
          return false;
        }
        conflictRef.current = true;
        window.clearTimeout(timer.current);
        if (current) {
          setConflict({ theirs: current, fields: [] });
          setConflictOpen(true);
        }
        setSave({ kind: 'conflict' });
      } else if (e instanceof ApiError && e.status === 422) {
        errs.set(e);
        const keys = Object.keys(e.fields).map(formKeyOf);
        if (keys.length > 0 && keys.every((k) => k !== null) && keys.some((k) => !blocked.has(k!)) && attempt < 3) {
          // Leave the refused fields out (marked, and named in the bar) and save the rest now.
          for (const [f, msg] of Object.entries(e.fields)) blocked.set(formKeyOf(f)!, msg);
          return runSaveRef.current(attempt + 1);
        }
        setSave({ kind: 'error', message: blocked.size ? blockedText(t, blocked) : t.t('editor.saveInvalid') });
      } else if (e instanceof ApiError && e.status === 403) {
        editableRef.current = false;
        setSave({ kind: 'error', message: t.t('error.forbidden') });
      } else {
        setSave({ kind: 'error', message: errorText(e, t) });
        if (!(e instanceof ApiError && e.status === 401)) schedule(RETRY_MS);
      }
      return false;
    }
  }, [id, applyServer, schedule, errs, adoptMerge]);
  const runSaveRef = useRef(runSave);
  runSaveRef.current = runSave;

  /* ----- the local copy (IndexedDB) ----- */

  const pageRef = useRef<HTMLDivElement>(null);
  /** Held until a found draft is restored or discarded, so typing meanwhile does not overwrite it. */
  const draftHold = useRef(true);
  const draftTimer = useRef<number | undefined>(undefined);
  const draftMark = (v: 'none' | 'pending' | 'stored') => pageRef.current?.setAttribute('data-local-draft', v);
  const writeLocal = useCallback(() => {
    window.clearTimeout(draftTimer.current);
    draftTimer.current = undefined;
    if (draftHold.current) return;
    if (!unsaved()) {
      void deleteDraft(id).then(() => draftTimer.current === undefined && draftMark('none'), () => undefined);
      return;
    }
    const d: LocalDraft<Form> = { editionId: id, version: baseRef.current.version, savedAt: Date.now(), form: formRef.current, body: bodyRef.current, base: baseRef.current };
    void writeDraft(d).then(() => draftTimer.current === undefined && draftMark('stored'), () => undefined);
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps
  const storeDraftRef = useRef(() => {});
  storeDraftRef.current = () => {
    if (draftHold.current || !editableRef.current) return;
    draftMark('pending');
    window.clearTimeout(draftTimer.current);
    draftTimer.current = window.setTimeout(writeLocal, 300);
  };

  useEffect(() => {
    let live = true;
    void readDraft<Form>(id).then((d) => {
      if (!live) return;
      const base = formFrom(initial);
      const differs = d && (FORM_KEYS.some((k) => !sameValue(k, d.form[k], base[k])) || JSON.stringify(d.body) !== JSON.stringify(bodyOf(initial)));
      if (d && differs && initial.can.edit) setOffer(d);
      else {
        draftHold.current = false;
        if (d) void deleteDraft(id);
        draftMark(unsaved() ? 'pending' : 'none');
        if (unsaved()) storeDraftRef.current();
      }
    });
    // A reload or a closed tab: write what is pending now rather than after the debounce.
    const onHide = () => draftTimer.current !== undefined && writeLocal();
    window.addEventListener('pagehide', onHide);
    return () => {
      live = false;
      window.removeEventListener('pagehide', onHide);
      onHide();
    };
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps

  const restoreDraft = (d: LocalDraft<Form>) => {
    setOffer(null);
    draftHold.current = false;
    // Saved on top of the version the draft was made on: a newer version merges three-way.
    baseRef.current = d.base;
    versionRef.current = d.base.version;
    formRef.current = d.form;
    setFormState(d.form);
    bodyRef.current = d.body;
    editor.commands.setContent(d.body, { emitUpdate: false });
    setStats(docStats(d.body, locale));
    if (JSON.stringify(d.body) !== JSON.stringify(bodyOf(d.base))) bodySeqRef.current++;
    else bodyBaseSeqRef.current = bodySeqRef.current;
    blockedRef.current.clear();
    markDirty();
    void requestSaveRef.current();
    notify(i.t('ed2.restored'), 'success');
  };
  const discardDraft = () => {
    setOffer(null);
    draftHold.current = false;
    void deleteDraft(id).then(() => draftMark('none'));
  };

  /** Saves now (after whatever request is in flight); concurrent callers share one queued save. */
  const requestSave = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (queuedSave.current) return queuedSave.current;
    const p = chain.current.then(() => {
      queuedSave.current = null;
      return runSave();
    });
    queuedSave.current = p;
    chain.current = p.catch(() => undefined);
    return p;
  }, [runSave]);
  const requestSaveRef = useRef(requestSave);
  requestSaveRef.current = requestSave;

  /** Runs a server operation after pending saves, in the same queue. */
  const enqueue = useCallback(<T,>(op: () => Promise<T>): Promise<T> => {
    const p = chain.current.then(op);
    chain.current = p.catch(() => undefined);
    return p;
  }, []);

  const updateForm = (patch: Partial<Form>) => {
    // An edited field is tried again with the next save (a refused value may be fixed now).
    for (const k of Object.keys(patch)) blockedRef.current.delete(k as FormKey);
    const next = { ...formRef.current, ...patch };
    formRef.current = next;
    setFormState(next);
    markDirty();
  };

  /** Replaces everything with a server edition (take theirs, restore). */
  const loadEdition = useCallback(
    (res: Edition) => {
      const f = formFrom(res);
      formRef.current = f;
      setFormState(f);
      setEd(res);
      versionRef.current = res.version;
      baseRef.current = res;
      bodyRef.current = bodyOf(res);
      editor.commands.setContent(bodyRef.current, { emitUpdate: false });
      bodyBaseSeqRef.current = bodySeqRef.current;
      blockedRef.current.clear();
      storeDraftRef.current();
      setStats(docStats(bodyRef.current, locale));
      savedSeqRef.current = seqRef.current;
      errs.clear();
      setSave({ kind: 'saved', at: new Date(res.updatedAt || Date.now()) });
    },
    [editor, locale, errs],
  );

  // Editable follows the server's `can.edit` (e.g. after a contributor submits).
  useEffect(() => {
    editableRef.current = ed.can.edit;
    if (editor.isEditable !== ed.can.edit) editor.setEditable(ed.can.edit, false);
    if (!ed.can.edit) setSave((s) => (s.kind === 'saved' || s.kind === 'dirty' ? { kind: 'readonly' } : s));
    else setSave((s) => (s.kind === 'readonly' ? { kind: 'saved', at: new Date(ed.updatedAt) } : s));
  }, [ed.can.edit, ed.updatedAt, editor]);

  /* ----- keyboard, leaving, presence ----- */

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (conflictRef.current) setConflictOpen(true);
        else void requestSaveRef.current();
      }
    };
    const onBefore = (e: BeforeUnloadEvent) => {
      if (unsaved() || conflictRef.current) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    const onReauth = () => {
      if (isDirty() && !conflictRef.current && editableRef.current) void requestSaveRef.current();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onBefore);
    window.addEventListener(REAUTH_EVENT, onReauth);
    const removeGuard = setNavigationGuard(() => {
      if (!unsaved() && !conflictRef.current) return true;
      return window.confirm(iRef.current.t('editor.leaveConfirm'));
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onBefore);
      window.removeEventListener(REAUTH_EVENT, onReauth);
      removeGuard();
      window.clearTimeout(timer.current);
      // Leaving by the browser's back button: still try to save what was typed.
      if (isDirty() && !conflictRef.current && editableRef.current) void requestSaveRef.current();
    };
  }, [unsaved]);

  // Presence says whether this person is editing (may edit, and has unsaved text or a field in
  // focus): someone who only reads the story is not listed as "editing" to the others.
  const beatRef = useRef(() => {});
  useEffect(() => {
    let stop = false;
    const editing = () => {
      const a = document.activeElement;
      const inField = !!a && !!pageRef.current?.contains(a) && (a instanceof HTMLTextAreaElement || a instanceof HTMLInputElement || a instanceof HTMLSelectElement || (a as HTMLElement).isContentEditable);
      return editableRef.current && (unsaved() || inField);
    };
    const beat = () => {
      if (document.visibilityState === 'hidden') return;
      api.post<{ editingNow: Person[] }>(`/editions/${id}/presence`, { editing: editing() }).then(
        (r) => {
          if (!stop) setEditingNow((r?.editingNow ?? []).filter((p) => p.id !== user.id));
        },
        () => undefined,
      );
    };
    beatRef.current = beat;
    beat();
    const t = window.setInterval(beat, PRESENCE_MS);
    return () => {
      stop = true;
      window.clearInterval(t);
    };
  }, [id, user.id, unsaved]);

  /* ----- actions ----- */

  /** Saves pending edits first; false (with a message) when that did not work. */
  const flush = async (): Promise<boolean> => {
    if (conflictRef.current) {
      setConflictOpen(true);
      return false;
    }
    const ok = await requestSave();
    if (!ok) notify(i.t('editor.saveFirst'), 'error');
    return ok;
  };

  const transition = async (to: Status, extra: { at?: string; reason?: string } = {}) => {
    setBusy(to);
    try {
      if (!(await flush())) return;
      const snap = formRef.current;
      // `from`: the status this person saw; if someone moved the story meanwhile the server answers 409.
      const res = await enqueue(() => api.post<Edition>(`/editions/${id}/transition`, { to, from: ed.status, ...extra }));
      versionRef.current = res.version;
      applyServer(res, snap);
      notify(i.t(`editor.done.${to}` as MessageKey), 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        errs.set(e);
        const f = e.fields;
        notify(Object.values(f).join(' ') || e.text(), 'error');
      } else notify(errorText(e, i), 'error');
      if (extra.at || extra.reason) throw e;
    } finally {
      setBusy(null);
    }
  };

  const deleteStory = async () => {
    await enqueue(() => api.del(`/editions/${id}`));
    savedSeqRef.current = seqRef.current;
    editableRef.current = false;
    notify(i.t('editor.deleted'), 'success');
    navigate('/stories', { force: true });
  };

  const restore = async (rev: RevisionItem, storyFields: boolean) => {
    if (!(await flush())) throw new Error(i.t('editor.saveFirst'));
    const res = await enqueue(() => api.post<Edition>(`/revisions/${rev.id}/restore`, { version: versionRef.current, storyFields }));
    loadEdition(res);
    notify(i.t('rev.restored', { v: rev.version }), 'success');
  };

  const addNote = async (kind: 'correction' | 'update', text: string) => {
    const res = await enqueue(() => api.post<Edition>(`/editions/${id}/notes`, { kind, text }));
    setEd((cur) => ({ ...cur, notes: res.notes, version: res.version, updatedAt: res.updatedAt }));
    versionRef.current = res.version;
    notify(i.t('editor.noteAdded'), 'success');
  };

  /* ----- editions (languages) ----- */

  /** Re-reads the story's editions (after one was added elsewhere) without touching the form. */
  const refreshEditions = async () => {
    const fresh = await api.get<Edition>(`/editions/${id}`);
    setEd((cur) => ({ ...cur, siblings: fresh.siblings, missingLocales: fresh.missingLocales, outdated: fresh.outdated }));
  };

  const editionsActions: EditionsActions = {
    onAdd: async (l: Locale) => {
      try {
        if (!(await flush())) return;
        const res = await enqueue(() => api.post<Edition>(`/editions/${id}/translations`, { locale: l }));
        notify(i.t('ed.added'), 'success');
        navigate(`/stories/${res.id}`, { force: true });
      } catch (e) {
        notify(errorText(e, i), 'error');
      }
    },
    onDerive: async (fromId: number) => {
      try {
        // The new edition is made from the saved text: save what was typed first.
        if (!(await flush())) return;
        const res = await enqueue(() => api.post<Edition>(`/editions/${fromId}/derive`));
        notify(i.t(res.locale === 'uz-Cyrl' ? 'ed.derivedCyrl' : 'ed.derivedLatn'), 'success');
        await refreshEditions();
      } catch (e) {
        notify(errorText(e, i), 'error');
      }
    },
    onShowDiff: () => {
      void flush().then((ok) => ok && setDialog('syncDiff'));
    },
    onResync: () => setDialog('resync'),
    onAcceptUpdate: () => setDialog('acceptUpdate'),
    onSideBySide: () => setSourceId((cur) => (cur === null ? defaultSource(ed) : null)),
  };

  const resync = async () => {
    if (!(await flush())) throw new Error(i.t('editor.saveFirst'));
    const res = await enqueue(() => api.post<Edition>(`/editions/${id}/resync`));
    loadEdition(res);
    notify(i.t('ed.resynced'), 'success');
  };

  // Keep ?source= in the address so a reload or a shared link opens the same view.
  useEffect(() => {
    const url = new URL(location.href);
    if (sourceId === null) url.searchParams.delete('source');
    else url.searchParams.set('source', String(sourceId));
    const next = url.pathname + url.search;
    if (next !== location.pathname + location.search) history.replaceState(history.state, '', next);
  }, [sourceId]);
  // The source may have been deleted meanwhile: fall back to another one, or close the view.
  useEffect(() => {
    if (sourceId !== null && !ed.siblings.some((x) => x.editionId === sourceId)) setSourceId(defaultSource(ed));
  }, [ed, sourceId]);

  const preview = () => {
    const w = window.open('about:blank', '_blank');
    void (async () => {
      if (isDirty()) await requestSave();
      if (w) w.location.href = ed.previewUrl;
      else window.open(ed.previewUrl, '_blank');
    })();
  };

  /** The conflict dialog's answer: each field both changed takes the chosen side; the rest is merged. */
  const applyChoices = (choices: Partial<Record<MergeField, Choice>>) => {
    if (!conflict) return;
    const m = mergeThreeWay(baseRef.current, conflict.theirs, { form: formRef.current, body: bodyRef.current, bodyTouched: bodySeqRef.current !== bodyBaseSeqRef.current }, choices);
    adoptMerge(conflict.theirs, m.form, m.body, m.bodyFromTheirs);
    conflictRef.current = false;
    setConflict(null);
    setConflictOpen(false);
    seqRef.current++;
    void requestSave();
  };
  const takeTheirs = () => {
    if (!conflict) return;
    conflictRef.current = false;
    const c = conflict.theirs;
    setConflict(null);
    setConflictOpen(false);
    loadEdition(c);
    notify(i.t('conflict.loadedTheirs'), 'info');
  };

  const onPicked = (m: Media) => {
    if (picker === 'hero') {
      const cur = formRef.current;
      updateForm({ hero: m, heroCaption: cur.heroCaption || mediaText(m, locale, 'caption') });
    } else {
      editor
        .chain()
        .focus()
        .setFigure({ src: m.src, alt: mediaText(m, locale, 'alt'), caption: mediaText(m, locale, 'caption'), mediaId: m.id, width: m.width, height: m.height })
        .run();
    }
    setPicker(null);
  };

  /* ----- render ----- */

  // The formatting toolbar sticks right under the editor bar, whose height depends on wrapping.
  const barRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bar = barRef.current;
    const pg = pageRef.current;
    if (!bar || !pg || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => pg.style.setProperty('--editorbar-h', `${bar.offsetHeight}px`));
    ro.observe(bar);
    return () => ro.disconnect();
  }, []);

  const can = ed.can;
  const editable = can.edit;
  // Section, tags, authors and the hero image belong to the whole story (see canEditStoryFields).
  const storyEditable = editable && ed.canEditStoryFields;
  const err = (name: string) => errs.of(name) ?? errs.of(Object.keys(FIELD_OF).find((k) => FIELD_OF[k] === name) ?? '\u0000');
  const section = sections.find((s) => s.id === form.sectionId);
  const seoTitleLen = [...form.seoTitle].length;
  const seoDescLen = [...form.seoDescription].length;
  const shownFields = ['headline', 'slug', 'lead', 'body', 'datelineCity', 'sectionId', 'tagIds', 'authorIds', 'heroMediaId', 'heroCaption', 'seoTitle', 'seoDescription', 'isMain', 'isBreaking', 'embargoUntil', 'at'];
  const otherErrors = errs.rest(shownFields);

  return (
    <div className="editor-page" data-edition-id={id} ref={pageRef}>
      <div className="editor-bar" ref={barRef}>
        <div className="editor-bar-left">
          <Link to="/stories" className="icon-btn" aria-label={i.t('nav.stories')} title={i.t('nav.stories')}>
            <Icon name="back" />
          </Link>
          <StatusBadge status={ed.status} embargoUntil={ed.embargoUntil} />
          <LocaleChip locale={locale} />
          <SaveIndicator state={save} onConflict={() => setConflictOpen(true)} onRetry={() => void requestSave()} />
          <span className="stats muted" data-testid="stats" title={i.t('editor.statsTitle')}>
            {i.tn('editor.words', stats.words)} · {i.t('editor.minutes', { n: stats.minutes })}
          </span>
          {editingNow.length > 0 && (
            <span className="presence" title={editingNow.map((p) => p.name).join(', ')}>
              <span className="presence-dot" aria-hidden="true" />
              {i.t('editor.alsoEditing', { names: namesList(editingNow.map((p) => p.name)) })}
            </span>
          )}
        </div>
        <div className="editor-bar-right">
          <button type="button" className="btn btn-small" onClick={preview} title={i.t('editor.preview')}>
            <Icon name="eye" size={15} /> <span className="btn-label">{i.t('editor.preview')}</span>
          </button>
          <button
            type="button"
            className={`btn btn-small${sourceId !== null ? ' btn-toggled' : ''}`}
            aria-pressed={sourceId !== null}
            disabled={ed.siblings.length === 0 && sourceId === null}
            onClick={editionsActions.onSideBySide}
            title={ed.siblings.length === 0 ? i.t('sbs.none') : sourceId !== null ? i.t('ed.sideBySideClose') : i.t('ed.sideBySide')}
          >
            <Icon name="columns" size={15} /> <span className="btn-label">{i.t('ed.sideBySide')}</span>
          </button>
          <button type="button" className="btn btn-small" onClick={() => setDialog('revisions')} title={i.t('editor.revisions')}>
            <Icon name="history" size={15} /> <span className="btn-label">{i.t('editor.revisions')}</span>
          </button>
          <WorkflowButtons status={ed.status} can={can} busy={busy} onTransition={(to) => void transition(to)} onDialog={setDialog} />
        </div>
      </div>

      {ed.publicUrl && ed.status === 'published' && (
        <div className="notice notice-success notice-slim">
          {i.t('editor.liveAt')}{' '}
          <a href={ed.publicUrl} target="_blank" rel="noopener">
            {ed.publicUrl}
          </a>
        </div>
      )}
      {ed.status === 'scheduled' && ed.scheduledAt && <div className="notice notice-info notice-slim">{i.t('editor.scheduledFor', { time: i.dateTime(ed.scheduledAt) })}</div>}
      {!editable && <div className="notice notice-info notice-slim">{i.t('editor.readonly')}</div>}
      {conflict && !conflictOpen && (
        <div className="notice notice-error notice-slim" role="alert">
          {i.t('conflict.banner')}{' '}
          <button type="button" className="btn btn-small" onClick={() => setConflictOpen(true)}>
            {i.t('conflict.resolve')}
          </button>
        </div>
      )}
      {offer && <DraftOffer savedAt={offer.savedAt} newerVersion={offer.version < ed.version ? ed.version : null} onRestore={() => restoreDraft(offer)} onDiscard={discardDraft} />}
      {removedMedia && (
        <MediaRemovedNotice
          key={removedMedia.n}
          kind={removedMedia.kind}
          onUndo={() => {
            editor.chain().focus().undo().run();
            setRemovedMedia(null);
          }}
          onClose={() => setRemovedMedia(null)}
        />
      )}
      <ShortcutsOverlay />
      {otherErrors.length > 0 && (
        <div className="notice notice-error notice-slim" role="alert">
          {otherErrors.join(' · ')}
        </div>
      )}

      <div className={`editor-grid${sourceId !== null ? ' is-sbs' : ''}`}>
        {/* The source pane and the editor share a box of their own: it bounds the pane's stickiness. */}
        <div className="editor-primary">
        {sourceId !== null && <SourcePane ed={ed} sourceId={sourceId} onSource={setSourceId} onClose={() => setSourceId(null)} />}
        <div className="editor-main" lang={LOCALE_TAGS[locale] ?? locale}>
          {sourceId !== null && (
            <div className="sbs-target-head">
              <LocaleChip locale={locale} /> <strong>{i.t('sbs.translation')}</strong> <span className="muted">· {localeLabel(locale, i)}</span>
            </div>
          )}
          <Field label={i.t('editor.headline')} error={err('headline')} className="field-headline" hint={<HeadlineCount text={form.headline} />}>
            <AutoTextarea className="input input-headline" value={form.headline} disabled={!editable} placeholder={i.t('editor.headlinePlaceholder')} onChange={(v) => updateForm({ headline: v })} name="headline" lang={locale} />
          </Field>
          <Field label={i.t('editor.lead')} error={err('lead')} className="field-lead" hint={<LeadOnSite shown={ed.leadOnSite} />}>
            <AutoTextarea className="input input-lead" value={form.lead} disabled={!editable} placeholder={i.t('editor.leadPlaceholder')} onChange={(v) => updateForm({ lead: v })} name="lead" lang={locale} />
          </Field>
          <div className={`body-editor${err('body') ? ' has-error' : ''}`}>
            <Toolbar editor={editor} onImage={() => setPicker('body')} disabled={!editable} />
            <EditorContent editor={editor} className="body-content" />
          </div>
          {err('body') && <div className="field-error">{err('body')}</div>}
        </div>
        </div>

        <aside className="editor-side">
          <Panel title={i.t('editor.publishing')} id="panel-publishing">
            <dl className="kv kv-small">
              <dt>{i.t('editor.status')}</dt>
              <dd>
                <StatusBadge status={ed.status} embargoUntil={ed.embargoUntil} />
              </dd>
              {ed.publishedAt && (
                <>
                  <dt>{i.t('editor.publishedAt')}</dt>
                  <dd>{i.dateTime(ed.publishedAt)}</dd>
                </>
              )}
              {ed.scheduledAt && ed.status === 'scheduled' && (
                <>
                  <dt>{i.t('editor.scheduledAt')}</dt>
                  <dd>{i.dateTime(ed.scheduledAt)}</dd>
                </>
              )}
              <dt>{i.t('editor.createdBy')}</dt>
              <dd>
                {ed.createdBy?.name ?? '—'} · {i.date(ed.createdAt)}
              </dd>
              <dt>{i.t('editor.version')}</dt>
              <dd>v{ed.version}</dd>
            </dl>
            <ReturnedNotice ed={ed} />
            <ExpiryControl editionId={ed.id} status={ed.status} />
            <h3 className="subhead">{i.t('editor.history')}</h3>
            <History transitions={ed.transitions} />
          </Panel>

          <EditionsPanel ed={ed} actions={editionsActions} sideBySide={sourceId !== null} />
          <PreviewLinksPanel ed={ed} />

          <Panel title={i.t('editor.classification')} id="panel-classification">
            <Field label={i.t('editor.section')} error={err('sectionId')}>
              <select className="input" value={form.sectionId ?? ''} disabled={!storyEditable} onChange={(e) => updateForm({ sectionId: e.target.value ? Number(e.target.value) : null })} name="sectionId">
                <option value="">{i.t('editor.sectionNone')}</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {pickName(s.names, locale, s.slug)}
                  </option>
                ))}
              </select>
            </Field>
            {section && <span className="section-swatch" style={{ background: section.color }} aria-hidden="true" />}
            <TagsInput value={form.tags} onChange={(tags) => updateForm({ tags })} locale={locale} disabled={!storyEditable} error={err('tags')} />
            <AuthorsInput value={form.authors} onChange={(authors) => updateForm({ authors })} locale={locale} disabled={!storyEditable} error={err('authors')} />
            {editable && !storyEditable && <p className="muted small" data-story-locked="">{i.t('editor.storyFieldsLocked')}</p>}
            <div className="checks">
              <label className="check">
                <input type="checkbox" checked={form.isMain} disabled={!editable} onChange={(e) => updateForm({ isMain: e.target.checked })} name="isMain" />
                {i.t('editor.isMain')}
              </label>
              <label className="check">
                <input type="checkbox" checked={form.isBreaking} disabled={!editable} onChange={(e) => updateForm({ isBreaking: e.target.checked })} name="isBreaking" />
                {i.t('editor.isBreaking')}
              </label>
            </div>
            {(err('isMain') || err('isBreaking')) && <div className="field-error">{err('isMain') ?? err('isBreaking')}</div>}
            <UrgencyField ed={ed} disabled={!editable} />
          </Panel>

          <RelatedPanel ed={ed} disabled={!storyEditable} />
          <HeroPanel
            hero={form.hero}
            caption={form.heroCaption}
            onCaption={(v) => updateForm({ heroCaption: v })}
            onPick={() => setPicker('hero')}
            onRemove={() => updateForm({ hero: null, heroCaption: '' })}
            locale={locale}
            disabled={!editable}
            mediaLocked={!storyEditable}
            errors={{ media: err('hero'), caption: err('heroCaption') }}
          />

          <Panel title={i.t('editor.dateline')} id="panel-dateline">
            <div className="row-2">
              <Field label={i.t('editor.datelineCity')} error={err('datelineCity')}>
                <input className="input" value={form.datelineCity} disabled={!editable} onChange={(e) => updateForm({ datelineCity: e.target.value })} name="datelineCity" />
              </Field>
              <Field label={i.t('editor.datelineAgency')} hint={i.t('editor.datelineAgencyHint')}>
                <input className="input" value={ed.datelineAgency} readOnly disabled />
              </Field>
            </div>
            <Field label={i.t('editor.slug')} error={err('slug')} hint={i.t('editor.slugHint')}>
              <input className="input mono" value={form.slug} disabled={!editable} onChange={(e) => updateForm({ slug: e.target.value })} name="slug" spellCheck={false} />
            </Field>
            <Field label={i.t('editor.embargo')} error={err('embargoUntil')} hint={i.t('editor.embargoHint')}>
              <input
                className="input"
                type="datetime-local"
                value={fmtLocalInput(form.embargoUntil)}
                disabled={!editable}
                onChange={(e) => updateForm({ embargoUntil: e.target.value ? new Date(e.target.value).toISOString() : null })}
                name="embargoUntil"
              />
            </Field>
          </Panel>

          <Panel title={i.t('editor.seo')} id="panel-seo" collapsible defaultOpen={!!(form.seoTitle || form.seoDescription)}>
            <Field label={i.t('editor.seoTitle')} error={err('seoTitle')} hint={<LengthHint n={seoTitleLen} ok={60} max={70} />}>
              <input className="input" value={form.seoTitle} disabled={!editable} placeholder={form.headline} onChange={(e) => updateForm({ seoTitle: e.target.value })} name="seoTitle" />
            </Field>
            <Field label={i.t('editor.seoDescription')} error={err('seoDescription')} hint={<LengthHint n={seoDescLen} ok={160} max={160} />}>
              <textarea className="input" rows={3} value={form.seoDescription} disabled={!editable} placeholder={form.lead} onChange={(e) => updateForm({ seoDescription: e.target.value })} name="seoDescription" />
            </Field>
            <div className="serp" aria-hidden="true">
              <div className="serp-title">{(form.seoTitle || form.headline || '—').slice(0, 70)}</div>
              <div className="serp-url">…/news/{form.slug}</div>
              <div className="serp-desc">{(form.seoDescription || form.lead).slice(0, 160)}</div>
            </div>
          </Panel>

          <NotesPanel ed={ed} canAdd={roleAtLeast(user.role, 'editor')} onAdd={addNote} />
          <DeskPanel editionId={ed.id} />
        </aside>
      </div>

      <MediaPicker open={picker !== null} locale={locale} title={picker === 'hero' ? i.t('editor.heroChoose') : i.t('media.pickTitle')} onClose={() => setPicker(null)} onPick={onPicked} />
      <ScheduleDialog open={dialog === 'schedule'} initial={ed.scheduledAt} onClose={() => setDialog(null)} onSchedule={(at) => transition('scheduled', { at })} />
      <ConfirmDialog
        open={dialog === 'unpublish'}
        title={i.t('editor.unpublishTitle')}
        message={i.t('editor.unpublishMessage')}
        inputLabel={i.t('editor.unpublishReason')}
        inputRequired
        confirmLabel={i.t('editor.unpublish')}
        danger
        onConfirm={(reason) => transition('unpublished', { reason })}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === 'sendBack'}
        title={i.t('rev.sendBackTitle')}
        message={i.t('rev.sendBackMessage')}
        inputLabel={i.t('rev.sendBackReason')}
        inputRequired
        confirmLabel={i.t('rev.sendBackOk')}
        onConfirm={(reason) => transition('draft', { reason })}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        title={i.t('editor.deleteTitle')}
        message={i.t('editor.deleteMessage', { headline: form.headline || i.t('stories.untitled') })}
        confirmLabel={i.t('common.delete')}
        danger
        onConfirm={deleteStory}
        onClose={() => setDialog(null)}
      />
      <SyncDiffDialog
        open={dialog === 'syncDiff'}
        editionId={id}
        version={ed.version}
        onClose={() => setDialog(null)}
        onResync={editable && ed.sync === 'diverged' ? () => setDialog('resync') : can.acceptUpdate ? () => setDialog('acceptUpdate') : undefined}
      />
      <ConfirmDialog
        open={dialog === 'acceptUpdate'}
        title={i.t('ed.acceptUpdateTitle')}
        message={i.t(ed.status === 'published' || ed.status === 'scheduled' ? 'ed.acceptUpdateMessageLive' : 'ed.acceptUpdateMessage')}
        confirmLabel={i.t('ed.acceptUpdate')}
        onConfirm={resync}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === 'resync'}
        title={i.t('ed.resyncTitle')}
        message={i.t('ed.resyncMessage')}
        confirmLabel={i.t('ed.resync')}
        danger
        onConfirm={resync}
        onClose={() => setDialog(null)}
      />
      <RevisionsDialog open={dialog === 'revisions'} edition={ed} canRestore={editable} onClose={() => setDialog(null)} onRestore={restore} />
      {conflict && (
        <ConflictDialog
          open={conflictOpen}
          theirs={conflict.theirs}
          fields={conflict.fields}
          mine={{ form, body: bodyRef.current }}
          locale={locale}
          onApply={applyChoices}
          onTakeTheirs={takeTheirs}
          onClose={() => setConflictOpen(false)}
        />
      )}
    </div>
  );
}

/** "Headline not saved (At most 300 characters.); everything else is saved". */
function blockedText(t: I18n, blocked: Map<FormKey | 'body', string>): string {
  const labels = [...blocked.keys()].map((k) => t.t(FIELD_LABEL[k] ?? 'editor.body'));
  return t.t('ed2.blocked', { fields: labels.join(', '), message: [...new Set(blocked.values())].join(' ') });
}

function SaveIndicator({ state, onConflict, onRetry }: { state: SaveState; onConflict(): void; onRetry(): void }) {
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

function WorkflowButtons({ status, can, busy, onTransition, onDialog }: { status: Status; can: Edition['can']; busy: string | null; onTransition(to: Status): void; onDialog(d: 'schedule' | 'unpublish' | 'sendBack' | 'delete'): void }) {
  const i = useI18n();
  const b: ReactNode[] = [];
  const dis = busy !== null;
  if (status === 'draft' && can.submit)
    b.push(
      <button key="submit" type="button" className={`btn btn-small ${can.publish ? '' : 'btn-primary'}`} disabled={dis} onClick={() => onTransition('review')}>
        {i.t('editor.submit')}
      </button>,
    );
  if (status === 'review' && can.edit)
    b.push(
      <button key="back" type="button" className="btn btn-small" disabled={dis} onClick={() => onDialog('sendBack')}>
        {i.t('editor.sendBack')}
      </button>,
    );
  if (status === 'scheduled' && (can.schedule || can.edit))
    b.push(
      <button key="cancel" type="button" className="btn btn-small" disabled={dis} onClick={() => onTransition('draft')}>
        {i.t('editor.cancelSchedule')}
      </button>,
    );
  if (status === 'unpublished' && can.edit)
    b.push(
      <button key="todraft" type="button" className="btn btn-small" disabled={dis} onClick={() => onTransition('draft')}>
        {i.t('editor.backToDraft')}
      </button>,
    );
  if (can.schedule && status !== 'published')
    b.push(
      <button key="schedule" type="button" className="btn btn-small" disabled={dis} onClick={() => onDialog('schedule')}>
        {status === 'scheduled' ? i.t('editor.reschedule') : i.t('editor.scheduleDots')}
      </button>,
    );
  if (can.publish && status !== 'published')
    b.push(
      <button key="publish" type="button" className="btn btn-small btn-primary" disabled={dis} onClick={() => onTransition('published')}>
        {busy === 'published' ? i.t('common.working') : i.t('editor.publishNow')}
      </button>,
    );
  if (can.unpublish && status === 'published')
    b.push(
      <button key="unpublish" type="button" className="btn btn-small btn-danger-outline" disabled={dis} onClick={() => onDialog('unpublish')}>
        {i.t('editor.unpublishDots')}
      </button>,
    );
  if (can.delete)
    b.push(
      <button key="delete" type="button" className="icon-btn icon-btn-danger" disabled={dis} title={i.t('common.delete')} aria-label={i.t('common.delete')} onClick={() => onDialog('delete')}>
        <Icon name="trash" size={17} />
      </button>,
    );
  return <span className="workflow">{b}</span>;
}

/** A textarea that grows with its content (headline, lead). */
function AutoTextarea({ value, onChange, className, disabled, placeholder, name, lang, ...aria }: { value: string; onChange(v: string): void; className?: string; disabled?: boolean; placeholder?: string; name?: string; lang?: string; id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const fit = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, []);
  useEffect(fit, [value, fit]);
  // A narrower column (side-by-side view, window resize) wraps the text onto more lines.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth !== width) {
        width = el.clientWidth;
        fit();
      }
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fit]);
  return (
    <textarea
      ref={ref}
      rows={1}
      className={className}
      value={value}
      disabled={disabled}
      placeholder={placeholder}
      name={name}
      lang={lang}
      {...aria}
      onChange={(e) => onChange(e.target.value.replace(/\n/g, ' '))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
    />
  );
}
// A Field ties its label to it (the id and description are passed on to the textarea).
(AutoTextarea as FieldControl).fieldControl = true;
