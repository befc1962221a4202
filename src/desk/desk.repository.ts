/**
 * SQL of the desk: assignments, internal comments with their mentions, and notifications. These
 * tables are read only here and never joined by a public query (site, feeds, wire), which is what
 * keeps internal notes internal. Every list is bounded and ordered by a unique tie-breaker.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.js';

type Trx = Kysely<Database>;

export interface NewNotification {
  user_id: number;
  kind: string;
  actor_id: number | null;
  edition_id: number | null;
  details: string;
  created_at: number;
}

/** Due-less assignments sort after every dated one (both dialects order NULL differently). */
const NO_DUE = 8_640_000_000_000_000;

export class DeskRepository {
  constructor(private readonly db: Kysely<Database>) {}

  // ── People ──────────────────────────────────────────────────────────────────────────────

  /** Active users who may open a story owned by `ownerId`: editors, administrators and the owner. */
  peopleFor(ownerId: number | null, limit: number) {
    return this.db
      .selectFrom('users')
      .select(['id', 'name', 'role'])
      .where('disabled', '=', 0)
      .where((eb) => eb.or([eb('role', 'in', ['editor', 'admin']), eb('id', '=', ownerId ?? 0)]))
      .orderBy('name')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  activeUsers(ids: number[], trx: Trx = this.db) {
    if (!ids.length) return Promise.resolve([] as { id: number; name: string; role: Role }[]);
    return trx.selectFrom('users').select(['id', 'name', 'role']).where('id', 'in', ids).where('disabled', '=', 0).orderBy('id').execute();
  }

  names(ids: number[]) {
    if (!ids.length) return Promise.resolve([] as { id: number; name: string }[]);
    return this.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).orderBy('id').execute();
  }

  async usersWithRoles(trx: Trx, roles: Role[]): Promise<number[]> {
    const rows = await trx.selectFrom('users').select('id').where('role', 'in', roles).where('disabled', '=', 0).orderBy('id').limit(1000).execute();
    return rows.map((r) => r.id);
  }

  // ── Assignments ─────────────────────────────────────────────────────────────────────────

  async insertAssignment(trx: Trx, row: { story_id: number; edition_id: number; whole_story: 0 | 1; assignee_id: number; assigned_by: number; due_at: number | null; note: string; created_at: number }): Promise<number> {
    const r = await trx.insertInto('desk_assignments').values({ ...row, status: 'open', version: 1, updated_at: row.created_at }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  assignment(id: number, trx: Trx = this.db) {
    return trx.selectFrom('desk_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Conditional on the version the client saw and on the assignment still being open. */
  async updateAssignment(trx: Trx, id: number, version: number, patch: { assignee_id?: number; due_at?: number | null; note?: string; status?: 'open' | 'done'; done_at?: number | null; updated_at: number }): Promise<boolean> {
    const r = await trx
      .updateTable('desk_assignments')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private assignmentsQuery() {
    return this.db
      .selectFrom('desk_assignments as a')
      .innerJoin('editions as e', 'e.id', 'a.edition_id')
      .innerJoin('users as u', 'u.id', 'a.assignee_id')
      .leftJoin('users as b', 'b.id', 'a.assigned_by')
      .select(['a.id', 'a.story_id', 'a.edition_id', 'a.whole_story', 'a.assignee_id', 'a.due_at', 'a.note', 'a.status', 'a.version', 'a.created_at', 'a.done_at', 'u.name as assignee_name', 'b.name as assigned_by_name', 'e.headline', 'e.locale']);
  }

  storyAssignments(storyId: number) {
    return this.assignmentsQuery().where('a.story_id', '=', storyId).orderBy('a.id', 'desc').limit(100).execute();
  }

  /** A person's open assignments, soonest due first, then the ones finished in the last `doneSince`. */
  myAssignments(userId: number, doneSince: number, limit: number) {
    return this.assignmentsQuery()
      .where('a.assignee_id', '=', userId)
      .where((eb) => eb.or([eb('a.status', '=', 'open'), eb('a.done_at', '>=', doneSince)]))
      .orderBy(sql`case when a.status = 'open' then 0 else 1 end`)
      .orderBy(sql`coalesce(a.due_at, ${NO_DUE})`)
      .orderBy('a.id')
      .limit(limit)
      .execute();
  }

  async openAssignees(trx: Trx, storyId: number): Promise<number[]> {
    const rows = await trx.selectFrom('desk_assignments').select('assignee_id').where('story_id', '=', storyId).where('status', '=', 'open').orderBy('id').limit(100).execute();
    return [...new Set(rows.map((r) => r.assignee_id))];
  }

  // ── Comments ────────────────────────────────────────────────────────────────────────────

  comments(storyId: number, limit: number) {
    return this.db
      .selectFrom('desk_comments as c')
      .leftJoin('users as u', 'u.id', 'c.author_id')
      .select(['c.id', 'c.parent_id', 'c.author_id', 'c.body', 'c.created_at', 'c.edited_at', 'c.deleted', 'u.name as author_name'])
      .where('c.story_id', '=', storyId)
      .orderBy('c.id')
      .limit(limit)
      .execute();
  }

  comment(id: number, trx: Trx = this.db) {
    return trx.selectFrom('desk_comments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertComment(trx: Trx, row: { story_id: number; parent_id: number | null; author_id: number; body: string; created_at: number }): Promise<number> {
    const r = await trx.insertInto('desk_comments').values({ ...row, deleted: 0 }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  /** Only the author's own, not yet deleted comment changes. */
  async updateComment(trx: Trx, id: number, authorId: number, body: string, now: number): Promise<boolean> {
    const r = await trx.updateTable('desk_comments').set({ body, edited_at: now }).where('id', '=', id).where('author_id', '=', authorId).where('deleted', '=', 0).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The text goes; the row stays as a "deleted" marker so replies keep their place in the thread. */
  async deleteComment(trx: Trx, id: number, now: number): Promise<boolean> {
    const r = await trx.updateTable('desk_comments').set({ body: '', deleted: 1, edited_at: now }).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
    await trx.deleteFrom('desk_mentions').where('comment_id', '=', id).execute();
    return Number(r.numUpdatedRows) === 1;
  }

  /** One edition of the story (the lowest id), through which read rights are checked. */
  async anyEdition(trx: Trx, storyId: number): Promise<number | null> {
    const r = await trx.selectFrom('editions').select('id').where('story_id', '=', storyId).orderBy('id').limit(1).executeTakeFirst();
    return r?.id ?? null;
  }

  async mentionsOf(trx: Trx, commentId: number): Promise<number[]> {
    const rows = await trx.selectFrom('desk_mentions').select('user_id').where('comment_id', '=', commentId).orderBy('user_id').execute();
    return rows.map((r) => r.user_id);
  }

  async setMentions(trx: Trx, commentId: number, userIds: number[]): Promise<void> {
    await trx.deleteFrom('desk_mentions').where('comment_id', '=', commentId).execute();
    if (userIds.length) await trx.insertInto('desk_mentions').values(userIds.map((user_id) => ({ comment_id: commentId, user_id }))).execute();
  }

  // ── Notifications ───────────────────────────────────────────────────────────────────────

  async insertNotifications(trx: Trx, rows: NewNotification[]): Promise<void> {
    if (rows.length) await trx.insertInto('notifications').values(rows).execute();
  }

  notifications(userId: number, limit: number, beforeId?: number) {
    let q = this.db
      .selectFrom('notifications as n')
      .leftJoin('users as u', 'u.id', 'n.actor_id')
      .select(['n.id', 'n.kind', 'n.edition_id', 'n.details', 'n.created_at', 'n.read_at', 'u.name as actor_name'])
      .where('n.user_id', '=', userId);
    if (beforeId) q = q.where('n.id', '<', beforeId);
    return q.orderBy('n.id', 'desc').limit(limit).execute();
  }

  async unreadCount(userId: number): Promise<number> {
    const r = await this.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async markRead(userId: number, id: number, now: number): Promise<number> {
    const r = await this.db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async markAllRead(userId: number, now: number): Promise<number> {
    const r = await this.db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
