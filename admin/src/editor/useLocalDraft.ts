/**
 * The local copy of unsaved work (IndexedDB, draft-store.ts): written 300 ms after each change and
 * at once when the page is hidden; on opening, a copy that differs from the server's edition is
 * offered back (DraftOffer) and held until restored or discarded.
 */
import { useCallback, useEffect, useRef, useState, type MutableRefObject, type RefObject } from 'react';
import type { Doc, Edition } from '../types';
import { FORM_KEYS, bodyOf, formFrom, sameValue, type Form } from './form';
import { deleteDraft, readDraft, writeDraft, type LocalDraft } from './draft-store';

type Refs = { formRef: MutableRefObject<Form>; bodyRef: MutableRefObject<Doc>; baseRef: MutableRefObject<Edition>; editableRef: MutableRefObject<boolean>; pageRef: RefObject<HTMLDivElement | null>; storeDraftRef: MutableRefObject<() => void> };

export function useLocalDraft(initial: Edition, unsaved: () => boolean, { formRef, bodyRef, baseRef, editableRef, pageRef, storeDraftRef }: Refs) {
  const id = initial.id;
  const [offer, setOffer] = useState<LocalDraft<Form> | null>(null);
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

  const discardDraft = () => {
    setOffer(null);
    draftHold.current = false;
    void deleteDraft(id).then(() => draftMark('none'));
  };

  return { draftHold, offer, setOffer, discardDraft };
}
