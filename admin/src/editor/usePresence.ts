import { useEffect, useState, type MutableRefObject, type RefObject } from 'react';
import { api } from '../api';
import type { Person } from '../types';

const PRESENCE_MS = 15_000;

/** Who else is editing this story; sends this person's own heartbeat every {PRESENCE_MS} and via beatRef. */
export function usePresence(id: number, userId: number, pageRef: RefObject<HTMLDivElement | null>, editableRef: MutableRefObject<boolean>, unsaved: () => boolean, beatRef: MutableRefObject<() => void>): Person[] {
  const [editingNow, setEditingNow] = useState<Person[]>([]);
  // Presence says whether this person is editing (may edit, and has unsaved text or a field in
  // focus): someone who only reads the story is not listed as "editing" to the others.
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
          if (!stop) setEditingNow((r?.editingNow ?? []).filter((p) => p.id !== userId));
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
  }, [id, userId, unsaved]); // eslint-disable-line react-hooks/exhaustive-deps
  return editingNow;
}
