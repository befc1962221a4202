/**
 * The desk's rules: assignments (editors hand out a story or one edition with a due time and a
 * note; the assignee finishes it) and internal comments on a story (threaded, with @mentions
 * stored as user ids). Each change is one transaction with its audit entry (assignments) and its
 * notifications. Who may read follows the story: the editorial service's `load` decides.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/policy.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, field, msg } from '../errors.js';
import type { EditionWithStory } from '../newsroom/newsroom.repository.js';
import type { DeskRepository } from './desk.repository.js';
import { canAssign, canComplete, canDeleteComment, canEditComment, canOpenStory } from './desk.policy.js';
import type { NotificationsService } from './notifications.service.js';

export type LoadEdition = (actor: Actor, id: number, trx?: Kysely<Database>) => Promise<EditionWithStory>;

/** Mentions are `@{userId}` in the stored text; the newsroom shows the person's current name. */
const MENTION = /@\{(\d{1,10})\}/g;
const MAX_MENTIONS = 20;
const COMMENTS_MAX = 500;
/** "My assignments" also lists what was finished this recently (so a slip can be undone by asking). */
const DONE_SHOWN_MS = 7 * 24 * 3600_000;

export interface AssignInput {
  assigneeId: number;
  dueAt: string | null;
  note: string;
  wholeStory: boolean;
}
export interface AssignmentPatch {
  version: number;
  assigneeId?: number;
  dueAt?: string | null;
  note?: string;
}

export class DeskService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: DeskRepository,
    private readonly load: LoadEdition,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditRepository,
    private readonly clock: () => number,
  ) {}

  /** People who can open this story (for the assignee picker and @mention autocomplete). */
  async people(actor: Actor, editionId: number, q: string) {
    const e = await this.load(actor, editionId);
    const fold = q.trim().toLocaleLowerCase('ru');
    const all = await this.repo.peopleFor(e.owner_id, 1000);
    const hits = fold ? all.filter((u) => u.name.toLocaleLowerCase('ru').split(/\s+/).some((w) => w.startsWith(fold)) || u.name.toLocaleLowerCase('ru').startsWith(fold)) : all;
    return { items: hits.slice(0, 10) };
  }

  // ── Assignments ─────────────────────────────────────────────────────────────────────────

  async assign(actor: Actor, editionId: number, input: AssignInput) {
    if (!canAssign(actor)) throw new ForbiddenError(msg('desk.assign_role', { role: actor.role }));
    const due = parseDue(input.dueAt);
    const id = await this.db.transaction().execute(async (trx) => {
      const e = await this.load(actor, editionId, trx);
      await this.checkAssignee(trx, input.assigneeId, e.owner_id);
      const id = await this.repo.insertAssignment(trx, { story_id: e.story_id, edition_id: e.id, whole_story: input.wholeStory ? 1 : 0, assignee_id: input.assigneeId, assigned_by: actor.id, due_at: due, note: input.note.trim(), created_at: this.clock() });
      await this.audit.record(trx, { userId: actor.id, action: 'desk.assign', entity: 'edition', entityId: e.id, details: { assignmentId: id, headline: e.headline, assigneeId: input.assigneeId, dueAt: due, wholeStory: input.wholeStory } });
      await this.notifications.send(trx, [input.assigneeId], { kind: 'assigned', actorId: actor.id, editionId: e.id, details: { headline: e.headline, reason: input.note.trim(), dueAt: due } });
      return id;
    });
    return this.one(id);
  }

  async update(actor: Actor, id: number, patch: AssignmentPatch) {
    if (!canAssign(actor)) throw new ForbiddenError(msg('desk.reassign_role', { role: actor.role }));
    await this.db.transaction().execute(async (trx) => {
      const a = await this.repo.assignment(id, trx);
      if (!a) throw new NotFoundError(msg('desk.assignment_not_found'));
      const e = await this.load(actor, a.edition_id, trx);
      if (a.status !== 'open') throw new ConflictError(msg('desk.assignment_done'));
      const set: { assignee_id?: number; due_at?: number | null; note?: string; updated_at: number } = { updated_at: this.clock() };
      if (patch.assigneeId !== undefined && patch.assigneeId !== a.assignee_id) {
        await this.checkAssignee(trx, patch.assigneeId, e.owner_id);
        set.assignee_id = patch.assigneeId;
      }
      if (patch.dueAt !== undefined) set.due_at = parseDue(patch.dueAt);
      if (patch.note !== undefined) set.note = patch.note.trim();
      if (!(await this.repo.updateAssignment(trx, id, patch.version, set))) throw new ConflictError(msg('desk.assignment_stale'));
      const reassigned = set.assignee_id !== undefined;
      await this.audit.record(trx, { userId: actor.id, action: reassigned ? 'desk.reassign' : 'desk.update', entity: 'edition', entityId: e.id, details: { assignmentId: id, headline: e.headline, from: a.assignee_id, to: set.assignee_id ?? a.assignee_id, dueAt: set.due_at ?? a.due_at } });
      if (reassigned) await this.notifications.send(trx, [set.assignee_id!], { kind: 'assigned', actorId: actor.id, editionId: e.id, details: { headline: e.headline, reason: set.note ?? a.note, dueAt: set.due_at ?? a.due_at } });
    });
    return this.one(id);
  }

  async complete(actor: Actor, id: number, version: number) {
    await this.db.transaction().execute(async (trx) => {
      const a = await this.repo.assignment(id, trx);
      // Someone else's assignment on a story one may not read looks missing.
      if (!a || (a.assignee_id !== actor.id && !canAssign(actor))) throw new NotFoundError(msg('desk.assignment_not_found'));
      if (!canComplete(actor, a)) throw new ForbiddenError(msg('desk.complete_role'));
      const now = this.clock();
      if (!(await this.repo.updateAssignment(trx, id, version, { status: 'done', done_at: now, updated_at: now }))) {
        throw new ConflictError(a.status === 'done' ? 'This assignment is already done.' : 'Someone changed this assignment meanwhile. Reload it and try again.');
      }
      await this.audit.record(trx, { userId: actor.id, action: 'desk.complete', entity: 'edition', entityId: a.edition_id, details: { assignmentId: id, assigneeId: a.assignee_id } });
    });
    return this.one(id);
  }

  async storyAssignments(actor: Actor, editionId: number) {
    const e = await this.load(actor, editionId);
    return { items: (await this.repo.storyAssignments(e.story_id)).map((r) => this.presentAssignment(r)) };
  }

  async mine(actor: Actor) {
    const now = this.clock();
    return { items: (await this.repo.myAssignments(actor.id, now - DONE_SHOWN_MS, 200)).map((r) => this.presentAssignment(r)) };
  }

  private async one(id: number) {
    const a = await this.repo.assignment(id);
    const row = a && (await this.repo.storyAssignments(a.story_id)).find((r) => r.id === id);
    if (!row) throw new NotFoundError(msg('desk.assignment_not_found'));
    return this.presentAssignment(row);
  }

  private presentAssignment(r: Awaited<ReturnType<DeskRepository['storyAssignments']>>[number]) {
    return {
      id: r.id,
      editionId: r.edition_id,
      wholeStory: r.whole_story === 1,
      headline: r.headline,
      locale: r.locale,
      assignee: { id: r.assignee_id, name: r.assignee_name },
      assignedBy: r.assigned_by_name ?? null,
      dueAt: r.due_at,
      overdue: r.status === 'open' && r.due_at !== null && r.due_at < this.clock(),
      note: r.note,
      status: r.status,
      version: r.version,
      createdAt: r.created_at,
      doneAt: r.done_at,
    };
  }

  private async checkAssignee(trx: Kysely<Database>, userId: number, ownerId: number | null): Promise<void> {
    const [u] = await this.repo.activeUsers([userId], trx);
    if (!u) throw new ValidationError(msg('form.invalid'), [field('assigneeId', 'desk.assignee_inactive')]);
    if (!canOpenStory(u, ownerId)) throw new ValidationError(msg('form.invalid'), [field('assigneeId', 'desk.assignee_cannot_open', { name: u.name })]);
  }

  // ── Comments ────────────────────────────────────────────────────────────────────────────

  async comments(actor: Actor, editionId: number) {
    const e = await this.load(actor, editionId);
    const rows = await this.repo.comments(e.story_id, COMMENTS_MAX);
    const ids = new Set<number>();
    for (const r of rows) for (const m of r.body.matchAll(MENTION)) ids.add(Number(m[1]));
    const names = Object.fromEntries((await this.repo.names([...ids])).map((u) => [u.id, u.name]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        parentId: r.parent_id,
        author: r.author_id === null ? null : { id: r.author_id, name: r.author_name ?? '' },
        body: r.body,
        names: Object.fromEntries([...r.body.matchAll(MENTION)].map((m) => [m[1], names[Number(m[1])] ?? '?'])),
        createdAt: r.created_at,
        editedAt: r.edited_at,
        deleted: r.deleted === 1,
        mine: r.author_id === actor.id,
      })),
    };
  }

  async addComment(actor: Actor, editionId: number, input: { body: string; parentId?: number | null }) {
    await this.db.transaction().execute(async (trx) => {
      const e = await this.load(actor, editionId, trx);
      const body = cleanBody(input.body);
      if (input.parentId) {
        const parent = await this.repo.comment(input.parentId, trx);
        if (!parent || parent.story_id !== e.story_id) throw new ValidationError(msg('form.invalid'), [field('parentId', 'desk.reply_elsewhere')]);
      }
      const mentioned = await this.mentions(trx, body, e.owner_id);
      const id = await this.repo.insertComment(trx, { story_id: e.story_id, parent_id: input.parentId ?? null, author_id: actor.id, body, created_at: this.clock() });
      await this.repo.setMentions(trx, id, mentioned);
      await this.notifyComment(trx, actor, e, mentioned, [], input.parentId ?? null);
    });
    return this.comments(actor, editionId);
  }

  async editComment(actor: Actor, commentId: number, text: string) {
    const editionId = await this.db.transaction().execute(async (trx) => {
      const { c, e } = await this.commentFor(trx, actor, commentId);
      if (!canEditComment(actor, c)) throw new ForbiddenError(msg('desk.comment_edit_own'));
      const body = cleanBody(text);
      const before = await this.repo.mentionsOf(trx, c.id);
      const mentioned = await this.mentions(trx, body, e.owner_id);
      if (!(await this.repo.updateComment(trx, c.id, actor.id, body, this.clock()))) throw new ConflictError(msg('desk.comment_deleted_meanwhile'));
      await this.repo.setMentions(trx, c.id, mentioned);
      // Only people newly mentioned by the edit hear of it.
      await this.notifyComment(trx, actor, e, mentioned.filter((u) => !before.includes(u)), null, null);
      return e.id;
    });
    return this.comments(actor, editionId);
  }

  async deleteComment(actor: Actor, commentId: number) {
    const editionId = await this.db.transaction().execute(async (trx) => {
      const { c, e } = await this.commentFor(trx, actor, commentId);
      if (!canDeleteComment(actor, c)) throw new ForbiddenError(msg('desk.comment_delete_own'));
      if (!(await this.repo.deleteComment(trx, c.id, this.clock()))) throw new ConflictError(msg('desk.comment_already_deleted'));
      return e.id;
    });
    return this.comments(actor, editionId);
  }

  /** The comment and an edition of its story the actor may read (else it looks missing). */
  private async commentFor(trx: Kysely<Database>, actor: Actor, commentId: number) {
    const c = await this.repo.comment(commentId, trx);
    if (!c) throw new NotFoundError(msg('desk.comment_not_found'));
    const editionId = await this.repo.anyEdition(trx, c.story_id);
    if (editionId === null) throw new NotFoundError(msg('desk.comment_not_found'));
    return { c, e: await this.load(actor, editionId, trx) };
  }

  /** The mentioned ids, checked: active people who can open the story. */
  private async mentions(trx: Kysely<Database>, body: string, ownerId: number | null): Promise<number[]> {
    const ids = [...new Set([...body.matchAll(MENTION)].map((m) => Number(m[1])))];
    if (ids.length > MAX_MENTIONS) throw new ValidationError(msg('form.invalid'), [field('body', 'desk.too_many_mentions', { max: MAX_MENTIONS })]);
    const users = await this.repo.activeUsers(ids.filter((id) => id > 0 && id < 2 ** 31), trx);
    const found = new Map(users.map((u) => [u.id, u]));
    for (const id of ids) {
      const u = found.get(id);
      if (!u) throw new ValidationError(msg('form.invalid'), [field('body', 'desk.mention_inactive')]);
      if (!canOpenStory(u, ownerId)) throw new ValidationError(msg('form.invalid'), [field('body', 'desk.mention_cannot_open', { name: u.name })]);
    }
    return ids;
  }

  /** Mentioned people get "mention"; the open assignees, the story's author and the replied-to get "comment". */
  private async notifyComment(trx: Kysely<Database>, actor: Actor, e: EditionWithStory, mentioned: number[], others: number[] | null, parentId: number | null): Promise<void> {
    await this.notifications.send(trx, mentioned, { kind: 'mention', actorId: actor.id, editionId: e.id, details: { headline: e.headline } });
    if (others === null) return; // an edit tells only the newly mentioned
    const watchers = new Set([...(await this.repo.openAssignees(trx, e.story_id)), ...(e.owner_id === null ? [] : [e.owner_id])]);
    if (parentId) {
      const p = await this.repo.comment(parentId, trx);
      if (p?.author_id) watchers.add(p.author_id);
    }
    for (const m of mentioned) watchers.delete(m);
    await this.notifications.send(trx, watchers, { kind: 'comment', actorId: actor.id, editionId: e.id, details: { headline: e.headline } });
  }
}

function parseDue(s: string | null | undefined): number | null {
  if (s === null || s === undefined || s === '') return null;
  const t = Date.parse(s);
  if (!Number.isFinite(t)) throw new ValidationError(msg('form.invalid'), [field('dueAt', 'field.datetime')]);
  return t;
}

function cleanBody(text: string): string {
  const body = (text ?? '').trim();
  if (!body) throw new ValidationError(msg('form.invalid'), [field('body', 'desk.comment_required')]);
  if (body.length > 4000) throw new ValidationError(msg('form.invalid'), [field('body', 'field.too_long', { max: 4000 })]);
  return body;
}
