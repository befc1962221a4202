/**
 * What the `telegram.post` job does for each story event: post a published edition once (the
 * intent record: queued → started committed before the call, sent with the message_id after;
 * docs/decisions/0019-telegram-exactly-once.md), edit the post when its headline or lead changed,
 * delete or mark it withdrawn when the story is taken down, and reply with a correction.
 *
 * Failures: 429 waits exactly `retry_after`; 5xx and unreachable back off with jitter (RetryAt);
 * 400/401/403/404 are recorded as failed for the newsroom and not retried; a call that may have
 * reached Telegram (timeout, broken connection), or a start whose outcome was never recorded,
 * is "uncertain" and never posted again by itself.
 */
import { messages } from '../../i18n/messages/index.js';
import { RetryAt } from '../../jobs/relay.js';
import type { PublicStory } from '../public-story.js';
import type { StoryEvent } from '../story-events.js';
import { botApi, classify, isCannotDelete, isNotModified, type Failure } from './telegram.api.js';
import type { TelegramChannels } from './telegram.channels.js';
import { CAPTION_LIMIT, contentHash, escapeTelegramHtml, formatPost, MESSAGE_LIMIT } from './telegram.format.js';
import type { Attempt, DeliveryRow } from './telegram.repository.js';
import type { TelegramDeps } from './telegram.service.js';

/** Attempts of one job before a retryable failure is recorded as failed (the relay's limit is above it). */
export const TELEGRAM_GIVE_UP_AFTER = 12;
export const TELEGRAM_JOB_MAX_ATTEMPTS = TELEGRAM_GIVE_UP_AFTER + 4;

export class TelegramPoster {
  /** How long a Bot API call may take: a start older than this without an outcome is a dead worker's. */
  readonly inFlightMs: number;

  constructor(
    private readonly d: TelegramDeps,
    private readonly channels: TelegramChannels,
  ) {
    this.inFlightMs = d.api.timeoutSeconds * 1000 + 5_000;
  }

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

  private async publish(event: StoryEvent, claims: number): Promise<void> {
    const ch = await this.channels.open(event.locale);
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
    const attempt = await this.d.repo.start(event.editionId, ch.row.target, this.d.clock());
    if (!attempt) throw new RetryAt(this.d.clock() + this.inFlightMs, 'another worker is posting this story');
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
      return this.sendFailed(attempt, classify(err), claims);
    }
    // A crash (or a failed write) from here on leaves the row started: the next run calls it uncertain.
    await this.d.repo.sent(attempt, { messageId, kind, hash: contentHash(post.html) }, this.d.clock());
  }

  /** `claims`: how often the job has been claimed, which bounds the retries. */
  private async sendFailed(a: Attempt, f: Failure, claims: number): Promise<void> {
    const now = this.d.clock();
    switch (f.kind) {
      case 'permanent':
        // 400 (bad request), 401/404 (token), 403 (not allowed): the same call would fail again.
        await this.d.repo.attemptFailed(a, f.description, now);
        return;
      case 'ambiguous':
        // The request may have reached Telegram: posting again could post twice.
        await this.d.repo.attemptUncertain(a, f.description, now);
        return;
      case 'rate_limited':
      case 'retryable': {
        if (claims >= TELEGRAM_GIVE_UP_AFTER) return void (await this.d.repo.attemptFailed(a, f.description, now));
        // 429: exactly retry_after (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this); else backoff with jitter.
        const at = now + (f.kind === 'rate_limited' ? f.retryAfterMs : jittered(claims));
        await this.d.repo.retryAt(a, f.description, at, now);
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
    const ch = await this.channels.open(event.locale);
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
    const ch = await this.channels.open(event.locale);
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
    const ch = await this.channels.open(event.locale);
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
}

/** 10 s, 20 s, 40 s … up to an hour, each drawn from its upper half so retries of many posts spread out. */
export function jittered(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(3600_000, 10_000 * 2 ** Math.max(0, Math.min(attempt - 1, 20)));
  return Math.round(base / 2 + (random() * base) / 2);
}
