/** Types and calls of the desk API (docs/newsroom-api.md, "Desk"): assignments, comments, notifications. */
import { api } from '../api';
import type { Role } from '../types';

export interface Person {
  id: number;
  name: string;
  role: Role;
}
export interface Assignment {
  id: number;
  editionId: number;
  wholeStory: boolean;
  headline: string;
  locale: string;
  assignee: { id: number; name: string };
  assignedBy: string | null;
  dueAt: number | null;
  overdue: boolean;
  note: string;
  status: 'open' | 'done';
  version: number;
  createdAt: number;
  doneAt: number | null;
}
export interface Comment {
  id: number;
  parentId: number | null;
  author: { id: number; name: string } | null;
  /** Text with mentions as `@{userId}`; `names` maps those ids to current names. */
  body: string;
  names: Record<string, string>;
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  mine: boolean;
}
export type NotificationKind = 'review' | 'returned' | 'published' | 'comment' | 'mention' | 'assigned' | 'job_dead';
export interface Notification {
  id: number;
  kind: NotificationKind;
  editionId: number | null;
  actorName: string | null;
  headline: string;
  reason: string;
  topic: string;
  at: number;
  read: boolean;
}
export interface Inbox {
  unread: number;
  items: Notification[];
}

export const desk = {
  people: (editionId: number, q: string, signal?: AbortSignal) => api.get<{ items: Person[] }>(`/editions/${editionId}/people`, { q }, signal),
  assignments: (editionId: number, signal?: AbortSignal) => api.get<{ items: Assignment[] }>(`/editions/${editionId}/assignments`, undefined, signal),
  mine: (signal?: AbortSignal) => api.get<{ items: Assignment[] }>('/assignments/mine', undefined, signal),
  assign: (editionId: number, body: { assigneeId: number; dueAt: string | null; note: string; wholeStory: boolean }) => api.post<Assignment>(`/editions/${editionId}/assignments`, body),
  update: (id: number, body: { version: number; assigneeId?: number; dueAt?: string | null; note?: string }) => api.patch<Assignment>(`/assignments/${id}`, body),
  complete: (a: Assignment) => api.post<Assignment>(`/assignments/${a.id}/complete`, { version: a.version }),
  comments: (editionId: number, signal?: AbortSignal) => api.get<{ items: Comment[] }>(`/editions/${editionId}/comments`, undefined, signal),
  comment: (editionId: number, body: string, parentId: number | null) => api.post<{ items: Comment[] }>(`/editions/${editionId}/comments`, { body, parentId }),
  editComment: (id: number, body: string) => api.put<{ items: Comment[] }>(`/comments/${id}`, { body }),
  deleteComment: (id: number) => api.del<{ items: Comment[] }>(`/comments/${id}`),
  inbox: (signal?: AbortSignal) => api.get<Inbox>('/notifications', { limit: 30 }, signal),
  read: (id: number) => api.post<{ unread: number }>(`/notifications/${id}/read`),
  readAll: () => api.post<{ unread: number }>('/notifications/read-all'),
};

/** `@{12}` tokens ↔ `@Name` text: the composer shows names, the server stores ids. */
export const MENTION = /@\{(\d{1,10})\}/g;

export function tokensToNames(body: string, names: Record<string, string>): { text: string; chosen: Map<string, number> } {
  const chosen = new Map<string, number>();
  const text = body.replace(MENTION, (_m, id: string) => {
    const name = names[id] ?? '?';
    chosen.set(name, Number(id));
    return '@' + name;
  });
  return { text, chosen };
}

export function namesToTokens(text: string, chosen: Map<string, number>): string {
  let out = text;
  // Longest names first, so "Ali Karimov" is not taken for "Ali".
  for (const [name, id] of [...chosen].sort((a, b) => b[0].length - a[0].length)) out = out.split('@' + name).join(`@{${id}}`);
  return out;
}

/** ISO for a `datetime-local` value (the browser's time zone), or null when empty. */
export function localToIso(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
