/**
 * Who may do what: one pure function, tested as a matrix. Resource checks take the facts they
 * need (owner, status) rather than rows, so they stay free of I/O.
 */
import type { EditionStatus, Role } from '../db/schema.js';

export const ROLES: readonly Role[] = ['contributor', 'author', 'editor', 'admin'];
const RANK: Record<Role, number> = { contributor: 0, author: 1, editor: 2, admin: 3 };

export function atLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

export interface Actor {
  id: number;
  role: Role;
}

export interface EditionFacts {
  ownerId: number | null;
  status: EditionStatus;
}

export type EditionAction = 'read' | 'edit' | 'submit' | 'publish' | 'schedule' | 'unpublish' | 'delete' | 'note' | 'sendBack';

/** Actions on one edition. */
export function canOnEdition(actor: Actor, action: EditionAction, e: EditionFacts): boolean {
  if (atLeast(actor.role, 'editor')) return true;
  const own = e.ownerId === actor.id;
  if (!own) return false; // contributors and authors work on their own stories only
  switch (action) {
    case 'read':
      return true;
    case 'edit':
      return actor.role === 'author' || e.status === 'draft';
    case 'submit':
      return e.status === 'draft';
    case 'sendBack':
      return actor.role === 'author' && (e.status === 'review' || e.status === 'scheduled' || e.status === 'unpublished');
    case 'publish':
    case 'schedule':
    case 'unpublish':
      return actor.role === 'author';
    case 'delete':
      return e.status === 'draft';
    case 'note':
      return false;
  }
}

export type GlobalAction =
  | 'stories.create'
  | 'stories.listAll'
  | 'taxonomy.read'
  | 'taxonomy.manage'
  | 'tags.create'
  | 'media.upload'
  | 'media.edit'
  | 'media.delete'
  | 'users.manage'
  | 'settings.read'
  | 'settings.write'
  | 'audit.read'
  | 'webhooks.manage'
  | 'translit.manage'
  | 'backups.manage';

const MIN_ROLE: Record<GlobalAction, Role> = {
  'stories.create': 'contributor',
  'stories.listAll': 'editor',
  'taxonomy.read': 'contributor',
  'taxonomy.manage': 'editor',
  'tags.create': 'contributor',
  'media.upload': 'contributor',
  'media.edit': 'contributor',
  'media.delete': 'editor',
  'users.manage': 'admin',
  'settings.read': 'editor',
  'settings.write': 'admin',
  // Spellings are the copy desk's job: editors keep the transliteration exceptions.
  'translit.manage': 'editor',
  'audit.read': 'admin',
  'webhooks.manage': 'admin',
  // A backup holds every password hash and sealed secret: administrators only.
  'backups.manage': 'admin',
};

export function can(actor: Actor, action: GlobalAction): boolean {
  return atLeast(actor.role, MIN_ROLE[action]);
}

export function minRole(action: GlobalAction): Role {
  return MIN_ROLE[action];
}
