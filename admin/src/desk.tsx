/** The desk's shared pieces: the per-story list's types, the review-queue badge and its refresh. */
import { useEffect, useState } from 'react';
import { api } from './api';
import { useI18n } from './i18n';
import { useLocation } from './router';
import type { Locale, Person, Status, SyncState } from './types';

export interface DeskEdition {
  editionId: number;
  locale: Locale;
  status: Status;
  sync: SyncState | null;
  headline: string;
  version: number;
  updatedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  embargoUntil: string | null;
  unpublishAt: string | null;
  createdBy: Person | null;
}
export interface StoryRow {
  storyId: number;
  /** The edition that matched the filters first. */
  editionId: number;
  locale: Locale;
  status: Status;
  section: { id: number; name: string; names: Partial<Record<Locale, string>> } | null;
  authors: Person[];
  createdBy: Person | null;
  updatedAt: string;
  editingNow: Person[];
  editions: DeskEdition[];
}
export interface StoryPage {
  items: StoryRow[];
  next: string | null;
}

/** The edition a row is shown as: the one in the interface language if any, else the story's first. */
export function rowEdition(row: StoryRow, lang: string): DeskEdition {
  return row.editions.find((e) => e.locale === lang) ?? row.editions[0]!;
}

const CHANGED = 'xabar:desk-changed';
/** Tells the badge (and anything else listening) that statuses changed here. */
export function deskChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** The review queue's size in the navigation: refreshed on navigation, on desk changes and every minute. */
export function ReviewBadge() {
  const i = useI18n();
  const loc = useLocation();
  const [n, setN] = useState<{ count: number; capped: boolean } | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => {
      if (document.visibilityState === 'hidden') return;
      api.get<{ count: number; capped: boolean }>('/review-count').then((r) => alive && setN(r), () => undefined);
    };
    load();
    const t = window.setInterval(load, 60_000);
    window.addEventListener(CHANGED, load);
    return () => {
      alive = false;
      window.clearInterval(t);
      window.removeEventListener(CHANGED, load);
    };
  }, [loc.href]);
  if (!n || n.count === 0) return null;
  const text = n.capped ? `${n.count - 1}+` : String(n.count);
  return (
    <span className="nav-badge" data-testid="review-badge" title={i.tn('desk.reviewBadge', n.count)}>
      {text}
      <span className="sr-only"> — {i.tn('desk.reviewBadge', n.count)}</span>
    </span>
  );
}
