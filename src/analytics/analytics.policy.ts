/**
 * Who sees which numbers: editors and administrators see the whole site; authors and
 * contributors see the stories they created (the same ownership as the newsroom's list). Pure.
 */
import { atLeast, type Actor } from '../accounts/policy.js';

/** The owner filter for an actor's queries: undefined for everything, else their user id. */
export function analyticsScope(actor: Actor): number | undefined {
  return atLeast(actor.role, 'editor') ? undefined : actor.id;
}

/** May the actor see this story's numbers? */
export function canSeeStoryNumbers(actor: Actor, ownerId: number | null): boolean {
  const scope = analyticsScope(actor);
  return scope === undefined || ownerId === scope;
}
