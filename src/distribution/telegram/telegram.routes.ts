/**
 * Telegram under /admin/api: channel settings and the check (administrators), and each edition's
 * post — its status, the "post to Telegram" flag, retry / post again, "it is posted" (anyone who
 * may publish the story). CSRF is checked by the admin scope for every state-changing call.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCan, requireUser } from '../../accounts/auth.js';
import { NotFoundError, msg } from '../../errors.js';
import { apiRoute } from '../../http/route.js';
import { idParam, key } from '../../http/validate.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';
import { TARGET, TOKEN } from './telegram.api.js';
import type { TelegramService } from './telegram.service.js';

const ChannelInput = z.object({
  target: z.string().trim().max(64).refine((v) => v === '' || TARGET.test(v), key('telegram.target')),
  token: z.string().trim().max(100).refine((v) => v === '' || TOKEN.test(v), key('telegram.token_format')).optional(),
  enabled: z.boolean().default(true),
  onUnpublish: z.enum(['delete', 'leave']).default('delete'),
  followUpCorrections: z.boolean().default(false),
  publicLink: z.string().max(200).optional(),
});

const FlagInput = z.object({ post: z.boolean() });

function localeParam(params: unknown): Locale {
  const l = (params as { locale?: string }).locale ?? '';
  if (!(LOCALES as readonly string[]).includes(l)) throw new NotFoundError(msg('request.no_endpoint'));
  return l as Locale;
}

function editionParam(params: unknown): number {
  const id = idParam(params);
  if (id < 0) throw new NotFoundError(msg('story.not_found'));
  return id;
}

export function telegramRoutes(app: FastifyInstance, t: TelegramService): void {
  apiRoute(app, {
    method: 'GET', url: '/telegram/channels', tag: 'telegram', summary: 'Telegram channel per language (the token only as …last4)',
    handler: async (req) => (requireCan(req, 'settings.write'), { channels: await t.channels.list() }),
  });
  apiRoute(app, {
    method: 'PUT', url: '/telegram/channels/:locale', tag: 'telegram', summary: 'Set a language\'s channel, bot token (sealed), unpublish behaviour and public link', body: ChannelInput,
    handler: async (req) => t.channels.save(requireCan(req, 'settings.write').user, localeParam(req.params), req.body),
  });
  apiRoute(app, {
    method: 'POST', url: '/telegram/channels/:locale/check', tag: 'telegram', summary: 'Check the bot token, the channel and the bot\'s right to post',
    handler: async (req) => (requireCan(req, 'settings.write'), t.channels.check(localeParam(req.params))),
  });
  apiRoute(app, {
    method: 'GET', url: '/editions/:id/telegram', tag: 'telegram', summary: 'The edition\'s Telegram post: flag and delivery status',
    handler: async (req) => t.status(requireUser(req).user, editionParam(req.params)),
  });
  apiRoute(app, {
    method: 'PUT', url: '/editions/:id/telegram', tag: 'telegram', summary: 'Tick or untick "post to Telegram" for the edition\'s story', body: FlagInput,
    handler: async (req) => t.setPost(requireUser(req).user, editionParam(req.params), req.body.post),
  });
  apiRoute(app, {
    method: 'POST', url: '/editions/:id/telegram/retry', tag: 'telegram', summary: 'Post again after a failure or an uncertain outcome',
    handler: async (req) => t.retry(requireUser(req).user, editionParam(req.params)),
  });
  apiRoute(app, {
    method: 'POST', url: '/editions/:id/telegram/mark-posted', tag: 'telegram', summary: 'Record an uncertain post as posted (it cannot be edited or deleted from Xabar afterwards)',
    handler: async (req) => t.markPosted(requireUser(req).user, editionParam(req.params)),
  });
}
