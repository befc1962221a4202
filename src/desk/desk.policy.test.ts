import { describe, expect, it } from 'vitest';
import { canAssign, canComplete, canDeleteComment, canEditComment, canOpenStory } from './desk.policy.js';
import type { Role } from '../db/schema.js';

const ROLES: Role[] = ['contributor', 'author', 'editor', 'admin'];

describe('desk policy', () => {
  it('only editors and administrators assign', () => {
    expect(ROLES.map((role) => canAssign({ id: 1, role }))).toEqual([false, false, true, true]);
  });
  it('the assignee or an editor completes an assignment', () => {
    expect(ROLES.map((role) => canComplete({ id: 1, role }, { assignee_id: 1 }))).toEqual([true, true, true, true]);
    expect(ROLES.map((role) => canComplete({ id: 1, role }, { assignee_id: 2 }))).toEqual([false, false, true, true]);
  });
  it('a person can be assigned or mentioned when they can open the story', () => {
    expect(ROLES.map((role) => canOpenStory({ id: 1, role }, 2))).toEqual([false, false, true, true]);
    expect(ROLES.map((role) => canOpenStory({ id: 2, role }, 2))).toEqual([true, true, true, true]);
  });
  it('comments are edited by their author; deleted by the author or an administrator', () => {
    expect(ROLES.map((role) => canEditComment({ id: 1, role }, { author_id: 2 }))).toEqual([false, false, false, false]);
    expect(canEditComment({ id: 2, role: 'contributor' }, { author_id: 2 })).toBe(true);
    expect(ROLES.map((role) => canDeleteComment({ id: 1, role }, { author_id: 2 }))).toEqual([false, false, false, true]);
  });
});
