/** The authorization matrix: every role × every action, as a table that fails on any change. */
import { describe, expect, it } from 'vitest';
import type { EditionStatus, Role } from '../db/schema.js';
import { can, canOnEdition, type EditionAction, type GlobalAction } from './policy.js';

const ROLES: Role[] = ['contributor', 'author', 'editor', 'admin'];

describe('global actions', () => {
  // contributor, author, editor, admin
  const TABLE: [GlobalAction, boolean[]][] = [
    ['stories.create', [true, true, true, true]],
    ['stories.listAll', [false, false, true, true]],
    ['taxonomy.read', [true, true, true, true]],
    ['taxonomy.manage', [false, false, true, true]],
    ['tags.create', [true, true, true, true]],
    ['media.upload', [true, true, true, true]],
    ['media.edit', [true, true, true, true]],
    ['media.delete', [false, false, true, true]],
    ['users.manage', [false, false, false, true]],
    ['settings.read', [false, false, true, true]],
    ['settings.write', [false, false, false, true]],
    ['audit.read', [false, false, false, true]],
    ['webhooks.manage', [false, false, false, true]],
    ['backups.manage', [false, false, false, true]],
  ];
  it.each(TABLE)('%s', (action, expected) => {
    expect(ROLES.map((role) => can({ id: 1, role }, action))).toEqual(expected);
  });
});

describe('actions on an edition', () => {
  const ACTIONS: EditionAction[] = ['read', 'edit', 'submit', 'sendBack', 'publish', 'schedule', 'unpublish', 'delete', 'note'];
  const STATUSES: EditionStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];

  it('lets editors and admins do everything on any story', () => {
    for (const role of ['editor', 'admin'] as const)
      for (const a of ACTIONS) for (const status of STATUSES) expect(canOnEdition({ id: 1, role }, a, { ownerId: 2, status }), `${role} ${a} ${status}`).toBe(true);
  });

  it('hides other people’s stories from contributors and authors', () => {
    for (const role of ['contributor', 'author'] as const)
      for (const a of ACTIONS) for (const status of STATUSES) expect(canOnEdition({ id: 1, role }, a, { ownerId: 2, status }), `${role} ${a} ${status}`).toBe(false);
  });

  // Own story: rows are actions, columns statuses (draft, review, scheduled, published, unpublished).
  const OWN: Record<'contributor' | 'author', Record<EditionAction, boolean[]>> = {
    contributor: {
      read: [true, true, true, true, true],
      edit: [true, false, false, false, false],
      submit: [true, false, false, false, false],
      sendBack: [false, false, false, false, false],
      publish: [false, false, false, false, false],
      schedule: [false, false, false, false, false],
      unpublish: [false, false, false, false, false],
      delete: [true, false, false, false, false],
      note: [false, false, false, false, false],
    },
    author: {
      read: [true, true, true, true, true],
      edit: [true, true, true, true, true],
      submit: [true, false, false, false, false],
      sendBack: [false, true, true, false, true],
      publish: [true, true, true, true, true],
      schedule: [true, true, true, true, true],
      unpublish: [true, true, true, true, true],
      delete: [true, false, false, false, false],
      note: [false, false, false, false, false],
    },
  };
  for (const role of ['contributor', 'author'] as const) {
    it.each(ACTIONS)(`${role} on own story: %s`, (a) => {
      expect(STATUSES.map((status) => canOnEdition({ id: 1, role }, a, { ownerId: 1, status }))).toEqual(OWN[role][a]);
    });
  }
});
