/** Who sees which numbers, as a matrix. */
import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import { analyticsScope, canSeeStoryNumbers } from './analytics.policy.js';

describe('analytics visibility', () => {
  it.each([
    ['admin', undefined, true, true, true],
    ['editor', undefined, true, true, true],
    ['author', 7, true, false, false],
    ['contributor', 7, true, false, false],
  ] as [Role, number | undefined, boolean, boolean, boolean][])('%s: scope %s; own %s, another’s %s, ownerless %s', (role, scope, own, other, ownerless) => {
    const actor = { id: 7, role };
    expect(analyticsScope(actor)).toBe(scope);
    expect(canSeeStoryNumbers(actor, 7)).toBe(own);
    expect(canSeeStoryNumbers(actor, 8)).toBe(other);
    expect(canSeeStoryNumbers(actor, null)).toBe(ownerless);
  });
});
