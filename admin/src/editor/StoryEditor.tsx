/**
 * The story editor page: the editor bar, notices, the headline/lead/body column, the sidebar and
 * the dialogs. The content state and autosave live in useAutosave.ts (the save queue, the local
 * copy in IndexedDB, the per-field merge on 409); who else is editing in usePresence.ts.
 */
import { useEffect, useRef, useState } from 'react';
import { EditorContent } from '@tiptap/react';
import { api, ApiError } from '../api';
import { MediaPicker, mediaText } from '../components/media';
import { ErrorBox, Field, Icon, Spinner, StatusBadge, errorText, namesList, useLoad } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n';
import { Link, navigate } from '../router';
import { useUser } from '../session';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import { LOCALE_TAGS, type Edition, type Locale, type Media, type RevisionItem, type Status } from '../types';
import { ConflictDialog } from './dialogs';
import { LeadOnSite, type EditionsActions } from './panels';
import { LocaleChip, localeLabel } from '../components/locale';
import { SourcePane, defaultSource } from './SideBySide';
import { Toolbar } from './Toolbar';
import { FIELD_OF } from './form';
import { DraftOffer, HeadlineCount, MediaRemovedNotice, ShortcutsOverlay } from './safety';
import { AutoTextarea } from './AutoTextarea';
import { EditorSidebar } from './EditorSidebar';
import { SaveIndicator } from './SaveIndicator';
import { useAutosave } from './useAutosave';
import { usePresence } from './usePresence';
import { WorkflowButtons, WorkflowDialogs, type EditorDialog } from './WorkflowPanel';

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

function StoryEditor({ initial }: { initial: Edition }) {
  const i = useI18n();
  const user = useUser();
  const id = initial.id;
  const locale = initial.locale;

  const [removedMedia, setRemovedMedia] = useState<{ kind: 'image' | 'embed'; n: number } | null>(null);
  const s = useAutosave(initial, (n, kind) => setRemovedMedia({ kind, n: Date.now() + n }));
  const { editor, ed, setEd, form, formRef, bodyRef, versionRef, pageRef, save, conflict, conflictOpen, setConflictOpen, offer, stats, errs } = s;
  const { isDirty, applyServer, requestSave, enqueue, updateForm, loadEdition, restoreDraft, discardDraft, flush, applyChoices, takeTheirs } = s;
  const editingNow = usePresence(id, user.id, pageRef, s.editableRef, s.unsaved, s.beatRef);
  const [picker, setPicker] = useState<null | 'body' | 'hero'>(null);
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  // Side-by-side translation: the id of the source edition shown next to the editor (kept in ?source=).
  const [sourceId, setSourceId] = useState<number | null>(() => {
    const q = new URLSearchParams(location.search).get('source');
    if (q === null) return null;
    const n = Number(q);
    return initial.siblings.some((x) => x.editionId === n) ? n : defaultSource(initial);
  });
  const [busy, setBusy] = useState<string | null>(null);

  usePageTitle(form.headline || i.t('stories.untitled'), { to: '/stories', label: i.t('nav.stories') });

  /* ----- actions ----- */

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
    s.markGone();
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
  }, [pageRef]);

  const can = ed.can;
  const editable = can.edit;
  // Section, tags, authors and the hero image belong to the whole story (see canEditStoryFields).
  const storyEditable = editable && ed.canEditStoryFields;
  const err = (name: string) => errs.of(name) ?? errs.of(Object.keys(FIELD_OF).find((k) => FIELD_OF[k] === name) ?? '\u0000');
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

        <EditorSidebar
          ed={ed}
          form={form}
          locale={locale}
          editable={editable}
          storyEditable={storyEditable}
          err={err}
          updateForm={updateForm}
          editionsActions={editionsActions}
          sideBySide={sourceId !== null}
          onPickHero={() => setPicker('hero')}
          addNote={addNote}
        />
      </div>

      <MediaPicker open={picker !== null} locale={locale} title={picker === 'hero' ? i.t('editor.heroChoose') : i.t('media.pickTitle')} onClose={() => setPicker(null)} onPick={onPicked} />
      <WorkflowDialogs dialog={dialog} setDialog={setDialog} ed={ed} headline={form.headline} editable={editable} transition={transition} deleteStory={deleteStory} resync={resync} restore={restore} />
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
