/** Cached reference lists (sections, authors) shared by the story list and the editor. */
import { useEffect, useState } from 'react';
import { api } from './api';
import type { Author, Section } from './types';

const STALE_MS = 30_000;
const all: { clear(): void }[] = [];

/** Forget every cached list (after sign-in/out: another user may see other things). */
export function clearCaches(): void {
  all.forEach((c) => c.clear());
}

interface Cache<T> {
  loadedAt: number;
  value: T[] | null;
  promise: Promise<T[]> | null;
  listeners: Set<(v: T[]) => void>;
}

function makeCache<T>(path: string, sort?: (a: T, b: T) => number) {
  const c: Cache<T> = { loadedAt: 0, value: null, promise: null, listeners: new Set() };
  all.push({
    clear: () => {
      c.value = null;
      c.loadedAt = 0;
    },
  });
  const load = (force = false): Promise<T[]> => {
    if (!force && c.value && Date.now() - c.loadedAt < STALE_MS) return Promise.resolve(c.value);
    if (!force && c.promise) return c.promise;
    c.promise = api
      .get<{ items: T[] }>(path)
      .then((r) => {
        const items = sort ? [...r.items].sort(sort) : r.items;
        c.value = items;
        c.loadedAt = Date.now();
        c.listeners.forEach((l) => l(items));
        return items;
      })
      .finally(() => {
        c.promise = null;
      });
    return c.promise;
  };
  const use = (): T[] => {
    const [v, setV] = useState<T[]>(c.value ?? []);
    useEffect(() => {
      c.listeners.add(setV);
      load().then(setV, () => undefined);
      return () => {
        c.listeners.delete(setV);
      };
    }, []);
    return v;
  };
  return { load, use, invalidate: () => load(true).catch(() => undefined) };
}

export const sectionsCache = makeCache<Section>('/sections', (a, b) => a.position - b.position || a.id - b.id);
export const authorsCache = makeCache<Author>('/authors');
export const useSections = sectionsCache.use;
export const useAuthors = authorsCache.use;
