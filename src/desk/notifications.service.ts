/**
 * Newsroom notifications: rows in `notifications`, written in the transaction of the change they
 * announce (a workflow move, a comment, an assignment) or right after a job is declared dead.
 * The newsroom polls for them (see docs/newsroom-api.md, "Notifications"): the table is the one
 * source of truth, so every node answers the same and no stream has to be held open.
 */
import type { Kysely } from 'kysely';
import type { Database, EditionStatus, OutboxRow } from '../db/schema.js';
import type { DeskRepository, NewNotification } from './desk.repository.js';

export type NotificationKind = 'review' | 'returned' | 'published' | 'comment' | 'mention' | 'assigned' | 'job_dead';

/** What the editorial service tells the desk about a workflow move (the `notify` port). */
export interface EditorialEvent {
  from: EditionStatus;
  to: EditionStatus;
  edition: { id: number; headline: string; owner_id: number | null };
  /** null: the scheduled-publishing job. */
  actorId: number | null;
  /** The reason given with the move (sending back, taking down). */
  note: string;
}

export type EditorialNotify = (trx: Kysely<Database>, e: EditorialEvent) => Promise<void>;

/** A page of notifications is at most this long; the bell shows the newest. */
const PAGE_MAX = 50;

export class NotificationsService {
  constructor(private readonly repo: DeskRepository, private readonly clock: () => number) {}

  /** Writes one notification per recipient (never to the person who acted), in `trx`. */
  async send(trx: Kysely<Database>, recipients: Iterable<number>, n: { kind: NotificationKind; actorId: number | null; editionId: number | null; details: Record<string, unknown> }): Promise<void> {
    const now = this.clock();
    const rows: NewNotification[] = [];
    for (const user_id of new Set(recipients)) {
      if (user_id === n.actorId) continue;
      rows.push({ user_id, kind: n.kind, actor_id: n.actorId, edition_id: n.editionId, details: JSON.stringify(n.details), created_at: now });
    }
    await this.repo.insertNotifications(trx, rows);
  }

  /** The editorial service's port: submitted → editors; sent back → the author (with the reason); published → the author. */
  readonly editorial: EditorialNotify = async (trx, e) => {
    const base = { actorId: e.actorId, editionId: e.edition.id };
    const owner = e.edition.owner_id === null ? [] : [e.edition.owner_id];
    if (e.to === 'review') {
      await this.send(trx, await this.repo.usersWithRoles(trx, ['editor', 'admin']), { ...base, kind: 'review', details: { headline: e.edition.headline } });
    } else if (e.to === 'draft' && e.from !== 'draft') {
      await this.send(trx, owner, { ...base, kind: 'returned', details: { headline: e.edition.headline, reason: e.note } });
    } else if (e.to === 'published') {
      await this.send(trx, owner, { ...base, kind: 'published', details: { headline: e.edition.headline } });
    }
  };

  /** The relay's hook: a distribution job gave up — every administrator hears of it. */
  async jobDead(db: Kysely<Database>, job: OutboxRow, reason: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const admins = await this.repo.usersWithRoles(trx, ['admin']);
      await this.send(trx, admins, { kind: 'job_dead', actorId: null, editionId: editionOf(job.payload), details: { topic: job.topic, jobId: job.id, reason: reason.slice(0, 300) } });
    });
  }

  async list(userId: number, limit = PAGE_MAX, beforeId?: number) {
    const [rows, unread] = await Promise.all([this.repo.notifications(userId, Math.min(Math.max(limit, 1), PAGE_MAX), beforeId), this.repo.unreadCount(userId)]);
    return {
      unread,
      items: rows.map((r) => {
        const d = safeJson(r.details);
        return {
          id: r.id,
          kind: r.kind as NotificationKind,
          editionId: r.edition_id,
          actorName: r.actor_name ?? null,
          headline: typeof d.headline === 'string' ? d.headline : '',
          reason: typeof d.reason === 'string' ? d.reason : '',
          topic: typeof d.topic === 'string' ? d.topic : '',
          at: r.created_at,
          read: r.read_at !== null,
        };
      }),
    };
  }

  async markRead(userId: number, id: number) {
    await this.repo.markRead(userId, id, this.clock());
    return { unread: await this.repo.unreadCount(userId) };
  }

  async markAllRead(userId: number) {
    await this.repo.markAllRead(userId, this.clock());
    return { unread: 0 };
  }
}

function safeJson(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

/** The edition a job was about, when its payload names one (publishing, distribution jobs). */
function editionOf(payload: string): number | null {
  const id = safeJson(payload).editionId;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 && id < 2 ** 31 ? id : null;
}
