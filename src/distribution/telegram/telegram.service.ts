/**
 * Telegram channels: per-locale settings (target, sealed bot token, what unpublishing does), the
 * "check" an administrator runs, the newsroom's view of each edition's post and its buttons, and
 * what the outbox job does for each story event.
 *
 * Posting is exactly-once by an intent record (docs/decisions/0019-telegram-exactly-once.md): the
 * delivery row moves queued → started in its own committed, conditional UPDATE before the Bot API
 * is called, and to sent (with Telegram's message_id) after. A job that finds a delivery still
 * started after the time a call can take knows a worker died between the call and the record;
 * the Bot API cannot read a channel's history, so it cannot tell whether the post exists, and the
 * delivery becomes "uncertain" for an editor to decide — never posted again by itself.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../accounts/policy.js';
import { canOnEdition } from '../../accounts/policy.js';
import type { SecretBox } from '../../accounts/secret-box.js';
import type { AuditRepository } from '../../audit/audit.repository.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, field, msg } from '../../errors.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { enqueue } from '../../jobs/outbox.js';
import { RetryAt } from '../../jobs/relay.js';
import { SiteSettingsSchema, type SettingsStore } from '../../site/settings.js';
import type { PublicStory, PublicStoryReader } from '../public-story.js';
import type { StoryEvent } from '../story-events.js';
import { botApi, classify, isCannotDelete, isNotModified, postLink, type Failure, type TelegramApiOptions } from './telegram.api.js';
import { CAPTION_LIMIT, contentHash, escapeTelegramHtml, formatPost, MESSAGE_LIMIT } from './telegram.format.js';
import type { ChannelRow, DeliveryRow, TelegramRepository } from './telegram.repository.js';

export const TELEGRAM_TOPIC = 'telegram.post';
/** Attempts of one job before a retryable failure is recorded as failed (the relay's limit is above it). */
export const TELEGRAM_GIVE_UP_AFTER = 12;
export const TELEGRAM_JOB_MAX_ATTEMPTS = TELEGRAM_GIVE_UP_AFTER + 4;

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

export interface ChannelView {
  locale: Locale;
  target: string;
  tokenSet: boolean;
  /** `…last4` when a token is set, else ''. The token itself never leaves the server. */
  tokenHint: string;
  enabled: boolean;
  onUnpublish: 'delete' | 'leave';
  followUpCorrections: boolean;
  /** The public channel the site's Telegram block links to (site settings, `telegramChannel`). */
  publicLink: string;
  updatedAt: number | null;
}

export interface ChannelInput {
  target: string;
  /** Absent: keep the stored token; '': remove it. */
  token?: string;
  enabled: boolean;
  onUnpublish: 'delete' | 'leave';
  followUpCorrections: boolean;
  publicLink?: string;
}

export type CheckProblem = 'no_token' | 'no_target' | 'bad_token' | 'chat_not_found' | 'not_admin' | 'cannot_post' | 'unreachable' | 'sealed_key';
export interface CheckResult {
  ok: boolean;
  problem: CheckProblem | null;
  /** Telegram's own words, when it gave any. */
  detail: string;
  bot: string;
  chat: string;
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
  /** How long a Bot API call may take: a start older than this without an outcome is a dead worker's. */
  readonly inFlightMs: number;

  constructor(private readonly d: TelegramDeps) {
    this.inFlightMs = d.api.timeoutSeconds * 1000 + 5_000;
  }

  get repo(): TelegramRepository {
    return this.d.repo;
  }

  // ---- settings (administrators)

  async channels(): Promise<ChannelView[]> {
    const [rows, settings] = await Promise.all([this.d.repo.channels(), this.d.settings.get()]);
    return LOCALES.map((locale) => this.view(locale, rows.find((r) => r.locale === locale), settings.telegramChannel[locale] ?? ''));
  }

  async saveChannel(actor: Actor, locale: Locale, input: ChannelInput): Promise<ChannelView> {
    const now = this.d.clock();
    let publicLink: string | undefined;
    if (input.publicLink !== undefined) {
      const parsed = SiteSettingsSchema.shape.telegramChannel.safeParse({ [locale]: input.publicLink });
      if (!parsed.success) throw new ValidationError(msg('form.invalid'), [field('publicLink', 'field.invalid')]);
      publicLink = parsed.data[locale] ?? '';
    }
    await this.d.db.transaction().execute(async (trx) => {
      const before = await this.d.repo.channel(locale, trx);
      const token = input.token === undefined ? null : input.token.trim();
      const row: ChannelRow = {
        locale,
        target: input.target.trim(),
        token_sealed: token === null ? (before?.token_sealed ?? '') : token === '' ? '' : this.d.secretBox.seal(token, owner(locale)),
        token_last4: token === null ? (before?.token_last4 ?? '') : token.slice(-4),
        enabled: input.enabled ? 1 : 0,
        on_unpublish: input.onUnpublish,
        follow_up_corrections: input.followUpCorrections ? 1 : 0,
        updated_at: now,
        updated_by: actor.id,
      };
      await this.d.repo.saveChannel(trx, row);
      if (publicLink !== undefined) {
        const current = (await this.d.settings.get()).telegramChannel;
        await this.d.settings.save({ telegramChannel: { ...current, [locale]: publicLink } }, trx);
      }
      // The token is never written to the audit log, only that it changed.
      await this.d.audit.record(trx, {
        userId: actor.id,
        action: 'telegram.channel.update',
        entity: 'telegram_channel',
        details: { locale, target: row.target, tokenChanged: token !== null, tokenRemoved: token === '', enabled: input.enabled, onUnpublish: input.onUnpublish, followUpCorrections: input.followUpCorrections, ...(publicLink !== undefined ? { publicLink } : {}) },
      });
    });
    if (publicLink !== undefined) this.d.purgeAll(); // the site's Telegram block shows the link
    return (await this.channels()).find((c) => c.locale === locale)!;
  }

  /** getMe, getChat and getChatMember for the bot itself: says what is wrong, in words an admin can act on. */
  async check(locale: Locale): Promise<CheckResult> {
    const row = await this.d.repo.channel(locale);
    const result = (problem: CheckProblem | null, detail = '', bot = '', chat = ''): CheckResult => ({ ok: problem === null, problem, detail, bot, chat });
    if (!row?.token_sealed) return result('no_token');
    if (!row.target) return result('no_target');
    const token = this.d.secretBox.open(row.token_sealed, owner(locale));
    if (token === null) return result('sealed_key');
    const api = botApi(token, this.d.api);
    let me;
    try {
      me = await api.getMe();
    } catch (err) {
      const f = classify(err);
      return f.kind === 'permanent' ? result('bad_token', f.description) : result('unreachable', f.description);
    }
    const bot = me.username ? `@${me.username}` : String(me.id);
    let chat;
    try {
      chat = await api.getChat(row.target);
    } catch (err) {
      const f = classify(err);
      return result(f.kind === 'permanent' ? 'chat_not_found' : 'unreachable', f.description, bot);
    }
    const title = 'title' in chat && chat.title ? chat.title : row.target;
    try {
      const member = await api.getChatMember(row.target, me.id);
      if (member.status === 'creator') return result(null, '', bot, title);
      if (member.status !== 'administrator') return result('not_admin', '', bot, title);
      if (chat.type === 'channel' && !member.can_post_messages) return result('cannot_post', '', bot, title);
      return result(null, '', bot, title);
    } catch (err) {
      const f = classify(err);
      return result(f.kind === 'permanent' ? 'not_admin' : 'unreachable', f.description, bot, title);
    }
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

  // ---- the outbox job

  /** One story event; `attempt` is the job's claim count. Throws RetryAt to be run again later. */
  async handle(event: StoryEvent, attempt: number): Promise<void> {
    switch (event.type) {
      case 'published':
        return this.publish(event, attempt);
      case 'updated':
        return this.edit(event, attempt);
      case 'corrected':
        return this.followUp(event);
      case 'unpublished':
        return this.withdraw(event, attempt);
    }
  }

  private async target(locale: string): Promise<{ row: ChannelRow; token: string } | null> {
    const row = await this.d.repo.channel(locale);
    if (!row || row.enabled !== 1 || !row.target || !row.token_sealed) return null;
    const token = this.d.secretBox.open(row.token_sealed, owner(locale));
    if (token === null) {
      this.d.log.error({ locale }, 'the Telegram bot token does not open with this XABAR_SECRET_KEY; set the token again in the newsroom');
      return null;
    }
    return { row, token };
  }

  private async publish(event: StoryEvent, attempt: number): Promise<void> {
    const ch = await this.target(event.locale);
    if (!ch) return;
    const facts = await this.d.repo.editionFacts(event.editionId);
    if (!facts || facts.post_telegram !== 1) return;
    const [story] = await this.d.stories.byEditionIds([event.editionId]);
    if (!story?.visible) return; // unpublished (or re-embargoed) before its turn came
    await this.d.repo.ensure(event.editionId, story.locale, this.d.clock());
    const d = (await this.d.repo.delivery(event.editionId))!;
    if (d.state === 'started') return this.inFlight(d);
    if (d.state === 'withdrawn') {
      // Published again after it was taken down: a new post.
      await this.d.repo.requeue(this.d.db, event.editionId, ['withdrawn'], this.d.clock());
    } else if (d.state !== 'queued') {
      return; // sent, failed or uncertain: posted already, or waiting for an editor
    }
    // The intent record, committed before the call: only the winner of this update posts.
    if (!(await this.d.repo.start(event.editionId, ch.row.target, this.d.clock()))) {
      throw new RetryAt(this.d.clock() + this.inFlightMs, 'another worker is posting this story');
    }
    const api = botApi(ch.token, this.d.api);
    const kind = story.image ? 'photo' : 'text';
    const post = this.format(story, kind);
    let messageId: number;
    try {
      const sent =
        kind === 'photo'
          ? await api.sendPhoto(ch.row.target, story.image!.main.url, { caption: post.html, parse_mode: 'HTML' })
          : await api.sendMessage(ch.row.target, post.html, { parse_mode: 'HTML', link_preview_options: { url: story.url } });
      messageId = sent.message_id;
    } catch (err) {
      return this.sendFailed(event.editionId, classify(err), attempt);
    }
    // A crash (or a failed write) from here on leaves the row started: the next run calls it uncertain.
    await this.d.repo.sent(event.editionId, { messageId, kind, hash: contentHash(post.html) }, this.d.clock());
  }

  private async sendFailed(editionId: number, f: Failure, attempt: number): Promise<void> {
    const now = this.d.clock();
    switch (f.kind) {
      case 'permanent':
        // 400 (bad request), 401/404 (token), 403 (not allowed): the same call would fail again.
        await this.d.repo.failed(editionId, ['started'], f.description, now);
        return;
      case 'ambiguous':
        // The request may have reached Telegram: posting again could post twice.
        await this.d.repo.uncertain(editionId, now, f.description, now);
        return;
      case 'rate_limited': {
        const at = now + f.retryAfterMs; // https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this
        if (attempt >= TELEGRAM_GIVE_UP_AFTER) return void (await this.d.repo.failed(editionId, ['started'], f.description, now));
        await this.d.repo.retryAt(editionId, f.description, at, now);
        throw new RetryAt(at, `telegram: ${f.description}`);
      }
      case 'retryable': {
        if (attempt >= TELEGRAM_GIVE_UP_AFTER) return void (await this.d.repo.failed(editionId, ['started'], f.description, now));
        const at = now + jittered(attempt);
        await this.d.repo.retryAt(editionId, f.description, at, now);
        throw new RetryAt(at, `telegram: ${f.description}`);
      }
    }
  }

  /** A delivery still started: another worker's call in flight, or a dead worker's that never recorded its outcome. */
  private async inFlight(d: DeliveryRow): Promise<void> {
    const until = (d.started_at ?? 0) + this.inFlightMs;
    const now = this.d.clock();
    if (until > now) throw new RetryAt(until + 1, 'another worker is posting this story');
    await this.d.repo.uncertain(d.edition_id, until, 'The post was started but its outcome was never recorded (the server stopped during the call).', now);
  }

  private async edit(event: StoryEvent, attempt: number): Promise<void> {
    const d = await this.d.repo.delivery(event.editionId);
    if (!d) return;
    if (d.state === 'started') return this.inFlight(d);
    if (d.state !== 'sent' || d.message_id === null) return;
    const ch = await this.target(event.locale);
    if (!ch) return;
    const [story] = await this.d.stories.byEditionIds([event.editionId]);
    if (!story?.visible) return;
    const kind = d.kind === 'photo' ? 'photo' : 'text';
    const post = this.format(story, kind);
    const hash = contentHash(post.html);
    if (hash === d.content_hash) return; // headline and lead as posted
    const api = botApi(ch.token, this.d.api);
    try {
      if (kind === 'photo') await api.editMessageCaption(d.chat_id, d.message_id, { caption: post.html, parse_mode: 'HTML' });
      else await api.editMessageText(d.chat_id, d.message_id, post.html, { parse_mode: 'HTML', link_preview_options: { url: story.url } });
    } catch (err) {
      if (!isNotModified(err)) return this.changeFailed(event.editionId, classify(err), attempt);
    }
    await this.d.repo.edited(event.editionId, hash, '', this.d.clock());
  }

  /** Edits and deletions are safe to repeat: retried, and a refusal is only noted on the delivery. */
  private async changeFailed(editionId: number, f: Failure, attempt: number): Promise<void> {
    const now = this.d.clock();
    if (f.kind === 'permanent' || attempt >= TELEGRAM_GIVE_UP_AFTER) return void (await this.d.repo.noteError(editionId, f.description, now));
    throw new RetryAt(f.kind === 'rate_limited' ? now + f.retryAfterMs : now + jittered(attempt), `telegram: ${f.description}`);
  }

  private async withdraw(event: StoryEvent, attempt: number): Promise<void> {
    const d = await this.d.repo.delivery(event.editionId);
    if (!d) return;
    const now = this.d.clock();
    if (d.state === 'queued') return void (await this.d.repo.withdrawn(event.editionId, ['queued'], '', now)); // never posted: nothing to take down
    if (d.state === 'started') return this.inFlight(d);
    if (d.state !== 'sent' || d.message_id === null) return;
    const [story] = await this.d.stories.byEditionIds([event.editionId]);
    if (!story || story.visible) return; // published again meanwhile
    const ch = await this.target(event.locale);
    if (!ch || ch.row.on_unpublish === 'leave') return;
    const api = botApi(ch.token, this.d.api);
    try {
      await api.deleteMessage(d.chat_id, d.message_id);
    } catch (err) {
      if (!isCannotDelete(err)) return this.changeFailed(event.editionId, classify(err), attempt);
      // Telegram deletes only messages younger than 48 hours: say instead that the story was withdrawn.
      const text = `<i>${escapeTelegramHtml(messages(story.locale)['telegram.withdrawn'])}</i>`;
      try {
        if (d.kind === 'photo') await api.editMessageCaption(d.chat_id, d.message_id, { caption: text, parse_mode: 'HTML' });
        else await api.editMessageText(d.chat_id, d.message_id, text, { parse_mode: 'HTML' });
      } catch (err2) {
        if (!isNotModified(err2)) return this.changeFailed(event.editionId, classify(err2), attempt);
      }
    }
    await this.d.repo.withdrawn(event.editionId, ['sent'], '', this.d.clock());
  }

  /** A correction as a reply to the post, when the channel asks for it. At most once per correction. */
  private async followUp(event: StoryEvent): Promise<void> {
    const d = await this.d.repo.delivery(event.editionId);
    if (!d || d.state !== 'sent' || d.message_id === null) return;
    const ch = await this.target(event.locale);
    if (!ch || ch.row.follow_up_corrections !== 1) return;
    const [story] = await this.d.stories.byEditionIds([event.editionId]);
    const note = story?.notes.filter((n) => n.kind === 'correction').at(-1);
    if (!story?.visible || !note) return;
    if (!(await this.d.repo.claimFollowUp(event.editionId, note.at))) return;
    const label = messages(story.locale)['telegram.correction'];
    const text = `<b>${escapeTelegramHtml(label)}</b>\n\n${escapeTelegramHtml(note.text.slice(0, MESSAGE_LIMIT - label.length - 2))}`;
    try {
      await botApi(ch.token, this.d.api).sendMessage(d.chat_id, text, { parse_mode: 'HTML', reply_parameters: { message_id: d.message_id, allow_sending_without_reply: true } });
    } catch (err) {
      // Claimed before sending (at most once): a failure is recorded for the newsroom, not retried.
      await this.d.repo.noteError(event.editionId, classify(err).description, this.d.clock());
    }
  }

  private format(story: PublicStory, kind: 'photo' | 'text') {
    return formatPost({ headline: story.headline, lead: story.lead, url: story.url, linkText: messages(story.locale).readMore }, kind === 'photo' ? CAPTION_LIMIT : MESSAGE_LIMIT);
  }

  private view(locale: Locale, r: ChannelRow | undefined, publicLink: string): ChannelView {
    return {
      locale,
      target: r?.target ?? '',
      tokenSet: !!r?.token_sealed,
      tokenHint: r?.token_sealed ? `…${r.token_last4}` : '',
      enabled: r ? r.enabled === 1 : true,
      onUnpublish: r?.on_unpublish ?? 'delete',
      followUpCorrections: r?.follow_up_corrections === 1,
      publicLink,
      updatedAt: r?.updated_at ?? null,
    };
  }
}

/** The sealed token's owner: a token copied onto another locale's row does not open. */
const owner = (locale: string) => `telegram:${locale}`;

/** 10 s, 20 s, 40 s … up to an hour, each drawn from its upper half so retries of many posts spread out. */
export function jittered(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(3600_000, 10_000 * 2 ** Math.max(0, Math.min(attempt - 1, 20)));
  return Math.round(base / 2 + (random() * base) / 2);
}
