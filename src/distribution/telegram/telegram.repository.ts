/**
 * Telegram's tables (migration 0019): SQL only. Every state change of a delivery is one
 * conditional UPDATE (`… WHERE state = :from`) that reports whether it won, so two workers, two
 * nodes or a worker and an editor's click never both move the same delivery.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, TelegramChannelsTable, TelegramDeliveriesTable, TelegramDeliveryState } from '../../db/schema.js';

export type ChannelRow = Selectable<TelegramChannelsTable>;
export type DeliveryRow = Selectable<TelegramDeliveriesTable>;
/** One attempt at posting: outcomes are written only while the delivery is still this attempt's. */
export interface Attempt {
  editionId: number;
  attempt: number;
}

const changed = (r: { numUpdatedRows: bigint }[]) => Number(r[0]?.numUpdatedRows ?? 0) > 0;

export class TelegramRepository {
  constructor(private readonly db: Kysely<Database>) {}

  channels(): Promise<ChannelRow[]> {
    return this.db.selectFrom('telegram_channels').selectAll().orderBy('locale').execute();
  }

  channel(locale: string, db: Kysely<Database> = this.db): Promise<ChannelRow | undefined> {
    return db.selectFrom('telegram_channels').selectAll().where('locale', '=', locale).executeTakeFirst();
  }

  async saveChannel(trx: Kysely<Database>, row: ChannelRow): Promise<void> {
    const { locale, ...rest } = row;
    await trx.insertInto('telegram_channels').values(row).onConflict((oc) => oc.column('locale').doUpdateSet(rest)).execute();
  }

  /** The stored site setting `telegramChannel` (JSON) read in `trx`, or null: the public links per locale. */
  async publicLinks(trx: Kysely<Database>): Promise<string | null> {
    const row = await trx.selectFrom('settings').select('value').where('key', '=', 'telegramChannel').executeTakeFirst();
    return row?.value ?? null;
  }

  delivery(editionId: number, db: Kysely<Database> = this.db): Promise<DeliveryRow | undefined> {
    return db.selectFrom('telegram_deliveries').selectAll().where('edition_id', '=', editionId).executeTakeFirst();
  }

  /** The edition's story flag and what the job needs to decide (null: the edition is gone). */
  editionFacts(editionId: number, db: Kysely<Database> = this.db) {
    return db
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select(['e.id', 'e.story_id', 'e.locale', 'e.status', 's.created_by as owner_id', 's.post_telegram'])
      .where('e.id', '=', editionId)
      .executeTakeFirst();
  }

  /** Leaves `updated_at` alone: the flag is not content, and feeds and the wire read that column as "changed". */
  async setStoryFlag(trx: Kysely<Database>, storyId: number, post: boolean): Promise<void> {
    await trx.updateTable('stories').set({ post_telegram: post ? 1 : 0 }).where('id', '=', storyId).execute();
  }

  /** The intent's row, created queued once per edition (a second publish finds it). */
  async ensure(editionId: number, locale: string, now: number): Promise<void> {
    await this.db
      .insertInto('telegram_deliveries')
      .values({ edition_id: editionId, locale, state: 'queued', updated_at: now })
      .onConflict((oc) => oc.column('edition_id').doNothing())
      .execute();
  }

  /**
   * The intent record: queued → started, committed before the Bot API is called. Only one
   * caller can win it; the loser does not post. Returns the attempt's number (the fence every
   * outcome of this attempt is written under), or null when another caller won.
   */
  async start(editionId: number, chatId: string, now: number): Promise<Attempt | null> {
    const row = await this.db
      .updateTable('telegram_deliveries')
      .set((eb) => ({ state: 'started', chat_id: chatId, started_at: now, attempts: eb('attempts', '+', 1), updated_at: now }))
      .where('edition_id', '=', editionId)
      .where('state', '=', 'queued')
      .returning('attempts')
      .executeTakeFirst();
    return row ? { editionId, attempt: row.attempts } : null;
  }

  /**
   * The attempt's post exists: recorded with its message_id. Also over `uncertain` — a slow
   * answer that arrives after the delivery was given up as uncertain still tells us the truth —
   * but only for this attempt, never over a newer one an editor started.
   */
  async sent(a: Attempt, r: { messageId: number; kind: 'photo' | 'text'; hash: string }, now: number): Promise<boolean> {
    return this.move(a.editionId, ['started', 'uncertain'], { state: 'sent', message_id: r.messageId, kind: r.kind, content_hash: r.hash, error: '', next_retry_at: null, sent_at: now, updated_at: now }, this.db, a.attempt);
  }

  /** started → queued: Telegram said not now (429) or could not be reached; the job retries at `at`. */
  retryAt(a: Attempt, error: string, at: number, now: number): Promise<boolean> {
    return this.move(a.editionId, ['started'], { state: 'queued', error, next_retry_at: at, updated_at: now }, this.db, a.attempt);
  }

  /** started → failed: Telegram refused for good, or retries ran out. */
  attemptFailed(a: Attempt, error: string, now: number): Promise<boolean> {
    return this.move(a.editionId, ['started'], { state: 'failed', error, next_retry_at: null, updated_at: now }, this.db, a.attempt);
  }

  /** started → uncertain: the attempt's request may have reached Telegram. */
  attemptUncertain(a: Attempt, error: string, now: number): Promise<boolean> {
    return this.move(a.editionId, ['started'], { state: 'uncertain', error, next_retry_at: null, updated_at: now }, this.db, a.attempt);
  }

  /** A start older than `startedBefore` whose outcome was never recorded. */
  async uncertain(editionId: number, startedBefore: number, error: string, now: number): Promise<boolean> {
    return changed(
      await this.db
        .updateTable('telegram_deliveries')
        .set({ state: 'uncertain', error, next_retry_at: null, updated_at: now })
        .where('edition_id', '=', editionId)
        .where('state', '=', 'started')
        .where('started_at', '<=', startedBefore)
        .execute(),
    );
  }

  /** failed/uncertain/withdrawn → queued: a new attempt (the editor's button, or a republish). */
  requeue(trx: Kysely<Database>, editionId: number, from: TelegramDeliveryState[], now: number): Promise<boolean> {
    return this.move(editionId, from, { state: 'queued', error: '', next_retry_at: null, message_id: null, kind: '', content_hash: '', started_at: null, sent_at: null, updated_at: now }, trx);
  }

  /** uncertain → sent without a message id: the editor saw the post in the channel. */
  markPosted(trx: Kysely<Database>, editionId: number, now: number): Promise<boolean> {
    return this.move(editionId, ['uncertain'], { state: 'sent', error: '', message_id: null, sent_at: now, updated_at: now }, trx);
  }

  withdrawn(editionId: number, from: TelegramDeliveryState[], note: string, now: number): Promise<boolean> {
    return this.move(editionId, from, { state: 'withdrawn', error: note, next_retry_at: null, updated_at: now });
  }

  async edited(editionId: number, hash: string, error: string, now: number): Promise<void> {
    await this.db.updateTable('telegram_deliveries').set({ content_hash: hash, error, updated_at: now }).where('edition_id', '=', editionId).execute();
  }

  async noteError(editionId: number, error: string, now: number): Promise<void> {
    await this.db.updateTable('telegram_deliveries').set({ error, updated_at: now }).where('edition_id', '=', editionId).execute();
  }

  /** At most one follow-up per correction: claimed before it is sent. */
  async claimFollowUp(editionId: number, at: number): Promise<boolean> {
    return changed(
      await this.db
        .updateTable('telegram_deliveries')
        .set({ followup_at: at })
        .where('edition_id', '=', editionId)
        .where('state', '=', 'sent')
        .where((eb) => eb.or([eb('followup_at', 'is', null), eb('followup_at', '<', at)]))
        .execute(),
    );
  }

  private async move(editionId: number, from: TelegramDeliveryState[], set: Partial<DeliveryRow>, db: Kysely<Database> = this.db, attempt?: number): Promise<boolean> {
    let q = db.updateTable('telegram_deliveries').set(set).where('edition_id', '=', editionId).where('state', 'in', from);
    if (attempt !== undefined) q = q.where('attempts', '=', attempt);
    return changed(await q.execute());
  }
}
