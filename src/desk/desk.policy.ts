/**
 * Who may do what on the desk: pure functions over the facts they need, tested as a matrix
 * (desk.policy.test.ts). Reading a story's assignments and comments follows reading the story
 * (canOnEdition 'read'), checked by the service through the editorial service.
 */
import { atLeast, type Actor } from '../accounts/policy.js';
import type { Role } from '../db/schema.js';

/** Editors and administrators hand out, change and reassign work. */
export const canAssign = (actor: Actor): boolean => atLeast(actor.role, 'editor');

/** The assignee marks their own work done; an editor may close anyone's. */
export const canComplete = (actor: Actor, a: { assignee_id: number }): boolean => a.assignee_id === actor.id || canAssign(actor);

/**
 * Who can be assigned to, or mentioned on, a story: someone who can open it — editors and
 * administrators any story, contributors and authors their own (the role matrix in policy.ts).
 */
export const canOpenStory = (user: { id: number; role: Role }, ownerId: number | null): boolean => atLeast(user.role, 'editor') || user.id === ownerId;

/** A comment is changed by its author only; its author or an administrator may delete it. */
export const canEditComment = (actor: Actor, c: { author_id: number | null }): boolean => c.author_id === actor.id;
export const canDeleteComment = (actor: Actor, c: { author_id: number | null }): boolean => c.author_id === actor.id || actor.role === 'admin';
