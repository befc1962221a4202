/**
 * The unsaved state of an edition, kept in the browser (IndexedDB) so that nothing typed is lost
 * to a reload, a crash or a save the server refuses. One record per edition (the latest only),
 * deleted once everything is saved; at most MAX_DRAFTS editions are kept, the oldest dropped.
 * `base` is the edition as the server last returned it: after a restore, a save against a newer
 * version merges three-way against it instead of overwriting someone else's work.
 */
import type { Doc, Edition } from '../types';

const DB = 'xabar-editor';
const STORE = 'drafts';
const MAX_DRAFTS = 50;

export interface LocalDraft<F = unknown> {
  editionId: number;
  /** The server version the draft was made on. */
  version: number;
  savedAt: number;
  form: F;
  body: Doc;
  base: Edition;
}

let dbPromise: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  if (dbPromise) return dbPromise;
  dbPromise = new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const s = req.result.createObjectStore(STORE, { keyPath: 'editionId' });
      s.createIndex('savedAt', 'savedAt');
    };
    req.onsuccess = () => resolve(req.result);
    // Private windows and full disks: the editor works on without local copies.
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
  return dbPromise;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function readDraft<F>(editionId: number): Promise<LocalDraft<F> | null> {
  const db = await open();
  if (!db) return null;
  return new Promise((resolve) => {
    const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(editionId);
    req.onsuccess = () => resolve((req.result as LocalDraft<F> | undefined) ?? null);
    req.onerror = () => resolve(null);
  });
}

export async function writeDraft<F>(d: LocalDraft<F>): Promise<void> {
  const db = await open();
  if (!db) return;
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  store.put(d);
  // Bound the store: drop the oldest drafts beyond MAX_DRAFTS (other editions left unsaved long ago).
  const count = store.count();
  count.onsuccess = () => {
    let extra = count.result - MAX_DRAFTS;
    if (extra <= 0) return;
    const cur = store.index('savedAt').openCursor();
    cur.onsuccess = () => {
      const c = cur.result;
      if (!c || extra <= 0) return;
      if ((c.value as LocalDraft).editionId !== d.editionId) {
        c.delete();
        extra--;
      }
      c.continue();
    };
  };
  await done(tx);
}

export async function deleteDraft(editionId: number): Promise<void> {
  const db = await open();
  if (!db) return;
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).delete(editionId);
  await done(tx);
}
