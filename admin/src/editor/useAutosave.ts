/**
 * The story editor page. Content lives in two places: the form fields (React state mirrored in a
 * ref) and the Tiptap body. Every change bumps a sequence number; autosave runs 3 s after the last
 * change, one request at a time, always with the version the server last returned. Keystrokes
 * typed while a save is in flight bump the sequence again, so another save follows.
 * Nothing typed is lost: every change is also kept in IndexedDB (draft-store.ts) until saved; a
 * field the server refuses (422) is left out of the save and named in the bar while the rest is
 * saved; a 409 merges per field against the version this editor started from (form.ts) and
 * asks only about fields both people changed.
 *
 * This hook owns that state (the edition, the form, the Tiptap editor, the save queue, the local
 * copy and the conflict) so that the page only lays it out.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useEditor } from '@tiptap/react';
import { api, ApiError } from '../api';
import { errorText, useFormErrors } from '../components/ui';
import { useI18n, type I18n } from '../i18n';
import { setNavigationGuard } from '../router';
import { REAUTH_EVENT } from '../session';
import { notify } from '../toast';
import type { Doc, Edition, Media } from '../types';
import { FIELD_LABEL } from './dialogs';
import { buildExtensions } from './extensions';
import { docStats } from './text';
import { FORM_KEYS, bodyOf, formFrom, formKeyOf, mergeThreeWay, payload, sameValue, type Choice, type Form, type FormKey, type MergeField } from './form';
import type { LocalDraft } from './draft-store';
import { useLocalDraft } from './useLocalDraft';

const AUTOSAVE_MS = 3000;
/** While someone types without pause, still save at least this often. */
const MAX_UNSAVED_MS = 15_000;
const RETRY_MS = 10_000;

export type SaveState = { kind: 'saved'; at: Date | null } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'conflict' } | { kind: 'error'; message: string } | { kind: 'readonly' };

export function useAutosave(initial: Edition, onMediaRemoved: (n: number, kind: 'image' | 'embed') => void) {
  const i = useI18n();
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
  const [conflictOpen, setConflictOpen] = useState(false);
  const [stats, setStats] = useState(() => docStats(bodyRef.current, locale));
  const errs = useFormErrors();
  const iRef = useRef<I18n>(i);
  iRef.current = i;
  // Set by usePresence: a heartbeat sent when the story first becomes unsaved.
  const beatRef = useRef(() => {});
  /** Set by useLocalDraft: keeps the local copy up to date after a change. */
  const storeDraftRef = useRef(() => {});
  const pageRef = useRef<HTMLDivElement>(null);

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
    extensions: useMemo(() => buildExtensions(i.t('editor.bodyPlaceholder'), onMediaRemoved), []), // eslint-disable-line react-hooks/exhaustive-deps
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

  const { draftHold, offer, setOffer, discardDraft } = useLocalDraft(initial, unsaved, { formRef, bodyRef, baseRef, editableRef, pageRef, storeDraftRef });

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

  /* ----- keyboard, leaving ----- */

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
      window.clearTimeout(statsTimer.current);
      // Leaving by the browser's back button: still try to save what was typed.
      if (isDirty() && !conflictRef.current && editableRef.current) void requestSaveRef.current();
    };
  }, [unsaved]);

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

  /** After the story was deleted: nothing left to save, and nothing to edit. */
  const markGone = () => {
    savedSeqRef.current = seqRef.current;
    editableRef.current = false;
  };

  return {
    editor, ed, setEd, form, formRef, bodyRef, versionRef, editableRef, pageRef, beatRef, save, conflict, conflictOpen, setConflictOpen, offer, stats, errs,
    isDirty, unsaved, applyServer, requestSave, enqueue, updateForm, loadEdition, restoreDraft, discardDraft, flush, applyChoices, takeTheirs, markGone,
  };
}

/** "Headline not saved (At most 300 characters.); everything else is saved". */
function blockedText(t: I18n, blocked: Map<FormKey | 'body', string>): string {
  const labels = [...blocked.keys()].map((k) => t.t(FIELD_LABEL[k] ?? 'editor.body'));
  return t.t('ed2.blocked', { fields: labels.join(', '), message: [...new Set(blocked.values())].join(' ') });
}
