/**
 * Telegram channels (issue 10): the newsroom's view of each edition's post and its buttons, and
 * the composition of the parts — channel settings (telegram.channels.ts) and what the outbox job
 * does (telegram.poster.ts).
 *
 * Posting is exactly-once by an intent record (docs/decisions/0019-telegram-exactly-once.md): the
 * delivery row moves queued → started in its own committed, conditional UPDATE before the Bot API
 * is called, and to sent (with Telegram's message_id) after. A delivery still started after the
 * time a call can take means a worker died between the call and the record; the Bot API cannot
 * read a channel's history, so the delivery becomes "uncertain" for an editor to decide — "post
 * again" or "it is posted" below — and is never posted again by itself.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../accounts/policy.js';
import { canOnEdition } from '../../accounts/policy.js';
import type { SecretBox } from '../../accounts/secret-box.js';
import type { AuditRepository } from '../../audit/audit.repository.js';
import { ConflictError, ForbiddenError, NotFoundError, msg } from '../../errors.js';
import { enqueue } from '../../jobs/outbox.js';
import type { SettingsStore } from '../../site/settings.js';
import type { PublicStoryReader } from '../public-story.js';
import type { StoryEvent } from '../story-events.js';
import { postLink, type TelegramApiOptions } from './telegram.api.js';
import { TelegramChannels } from './telegram.channels.js';
import { TelegramPoster } from './telegram.poster.js';
import type { DeliveryRow, TelegramRepository } from './telegram.repository.js';

export const TELEGRAM_TOPIC = 'telegram.post';

export interface TelegramDeps {
  db: Kysely<Database>;
  repo: TelegramRepository;
  secretBox: SecretBox;
  settings: SettingsStore;
  stories: PublicStoryReader;
  audit: AuditRepository;
  clock: () => number;
  api: TelegramApiOptions;
  log: Logger;
  purgeAll: () => void;
}

export interface DeliveryView {
  /** The story's "post to Telegram" flag. */
  post: boolean;
  /** A channel is set (and switched on) for this edition's language. */
  configured: boolean;
  /** `pending`: live and due to be posted, no attempt recorded yet. */
  state: 'none' | 'pending' | DeliveryRow['state'];
  messageUrl: string | null;
  /** The post can be edited and deleted from here (its message_id is known). */
  linked: boolean;
  error: string;
  nextRetryAt: number | null;
  attempts: number;
  sentAt: number | null;
}

export class TelegramService {
  readonly channels: TelegramChannels;
  readonly poster: TelegramPoster;

  constructor(private readonly d: TelegramDeps) {
    this.channels = new TelegramChannels(d);
    this.poster = new TelegramPoster(d, this.channels);
  }

  get repo(): TelegramRepository {
    return this.d.repo;
  }

  /** One story event from the outbox job; `attempt` is the job's claim count. */
  handle(event: StoryEvent, attempt: number): Promise<void> {
    return this.poster.handle(event, attempt);
  }

  // ---- the newsroom's view and buttons

  async status(actor: Actor, editionId: number): Promise<DeliveryView> {
    const facts = await this.d.repo.editionFacts(editionId);
    if (!facts || !canOnEdition(actor, 'read', { ownerId: facts.owner_id, status: facts.status })) throw new NotFoundError(msg('story.not_found'));
    const [ch, d] = await Promise.all([this.d.repo.channel(facts.locale), this.d.repo.delivery(editionId)]);
    const configured = !!ch && ch.enabled === 1 && ch.target !== '' && ch.token_sealed !== '';
    const post = facts.post_telegram === 1;
    if (!d) {
      const live = facts.status === 'published' || facts.status === 'scheduled';
      return { post, configured, state: configured && post && live ? 'pending' : 'none', messageUrl: null, linked: false, error: '', nextRetryAt: null, attempts: 0, sentAt: null };
    }
    return {
      post,
      configured,
      state: d.state,
      messageUrl: postLink(d.chat_id, d.message_id),
      linked: d.message_id !== null,
      error: d.error,
      nextRetryAt: d.state === 'queued' ? d.next_retry_at : null,
      attempts: d.attempts,
      sentAt: d.sent_at,
    };
  }

  /** Ticks or unticks "post to Telegram" on the edition's story (before it is published). */
  async setPost(actor: Actor, editionId: number, post: boolean): Promise<DeliveryView> {
    const facts = await this.allowed(actor, editionId);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.setStoryFlag(trx, facts.story_id, post);
      await this.d.audit.record(trx, { userId: actor.id, action: 'telegram.story.flag', entity: 'edition', entityId: editionId, details: { post, storyId: facts.story_id } });
    });
    return this.status(actor, editionId);
  }

  /** "Retry" on a failed post, "post again" on an uncertain one: a new attempt through the outbox. */
  async retry(actor: Actor, editionId: number): Promise<DeliveryView> {
    const facts = await this.allowed(actor, editionId);
    const now = this.d.clock();
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.repo.requeue(trx, editionId, ['failed', 'uncertain'], now))) throw new ConflictError(msg('telegram.not_retryable'));
      const event: StoryEvent = { type: 'published', editionId, storyId: facts.story_id, locale: facts.locale, at: now };
      await enqueue(trx, { topic: TELEGRAM_TOPIC, payload: event, runAt: now }, now);
      await this.d.audit.record(trx, { userId: actor.id, action: 'telegram.post.retry', entity: 'edition', entityId: editionId });
    });
    return this.status(actor, editionId);
  }

  /** "It is posted": an uncertain post the editor found in the channel. Its id is unknown, so it cannot be edited or deleted from here. */
  async markPosted(actor: Actor, editionId: number): Promise<DeliveryView> {
    await this.allowed(actor, editionId);
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.repo.markPosted(trx, editionId, this.d.clock()))) throw new ConflictError(msg('telegram.not_uncertain'));
      await this.d.audit.record(trx, { userId: actor.id, action: 'telegram.post.mark_posted', entity: 'edition', entityId: editionId });
    });
    return this.status(actor, editionId);
  }

  private async allowed(actor: Actor, editionId: number) {
    const facts = await this.d.repo.editionFacts(editionId);
    if (!facts || !canOnEdition(actor, 'read', { ownerId: facts.owner_id, status: facts.status })) throw new NotFoundError(msg('story.not_found'));
    if (!canOnEdition(actor, 'publish', { ownerId: facts.owner_id, status: facts.status })) throw new ForbiddenError(msg('telegram.role_may_not', { role: actor.role }));
    return facts;
  }
}
