/**
 * Telegram channel settings per language (administrators): the posting target, the bot token
 * sealed with SecretBox (owner `telegram:<locale>`, never sent back: only `…last4`), what
 * unpublishing does, correction replies, and the site's public channel link; plus the "check"
 * that asks Telegram whether the token, the channel and the bot's rights are right.
 */
import type { Actor } from '../../accounts/policy.js';
import { ValidationError, field, msg } from '../../errors.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';
import { SiteSettingsSchema } from '../../site/settings.js';
import { botApi, classify } from './telegram.api.js';
import type { ChannelRow } from './telegram.repository.js';
import type { TelegramDeps } from './telegram.service.js';

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


export class TelegramChannels {
  constructor(private readonly d: TelegramDeps) {}

  async list(): Promise<ChannelView[]> {
    const [rows, settings] = await Promise.all([this.d.repo.channels(), this.d.settings.get()]);
    return LOCALES.map((locale) => this.view(locale, rows.find((r) => r.locale === locale), settings.telegramChannel[locale] ?? ''));
  }

  async save(actor: Actor, locale: Locale, input: ChannelInput): Promise<ChannelView> {
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
        // Read in this transaction, never through the settings cache: on SQLite (one connection)
        // a query on the outer handle inside a transaction would wait for ever.
        const stored = await this.d.repo.publicLinks(trx);
        const current = SiteSettingsSchema.shape.telegramChannel.safeParse(stored === null ? {} : safeJson(stored));
        await this.d.settings.save({ telegramChannel: { ...(current.success ? current.data : {}), [locale]: publicLink } }, trx);
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
    return (await this.list()).find((c) => c.locale === locale)!;
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

  /** The channel posts go to and its bot token, or null when it is not set, switched off, or the token does not open. */
  async open(locale: string): Promise<{ row: ChannelRow; token: string } | null> {
    const row = await this.d.repo.channel(locale);
    if (!row || row.enabled !== 1 || !row.target || !row.token_sealed) return null;
    const token = this.d.secretBox.open(row.token_sealed, owner(locale));
    if (token === null) {
      this.d.log.error({ locale }, 'the Telegram bot token does not open with this XABAR_SECRET_KEY; set the token again in the newsroom');
      return null;
    }
    return { row, token };
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

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return {};
  }
}

/** The sealed token's owner: a token copied onto another locale's row does not open. */
const owner = (locale: string) => `telegram:${locale}`;
