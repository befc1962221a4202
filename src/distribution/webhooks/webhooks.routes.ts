/**
 * /admin/api/webhooks: administrators only. No response ever carries a signing secret except the
 * answer to creating an endpoint or rotating its secret (shown once, then only its signatures).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCan } from '../../accounts/auth.js';
import { apiRoute } from '../../http/route.js';
import { Id, idParam, key, parse } from '../../http/validate.js';
import { WEBHOOK_EVENTS } from './payload.js';
import type { WebhooksService } from './webhooks.service.js';

/** http(s) only, with a host, without user name or password (the signature authenticates us). */
function isWebhookUrl(v: string): boolean {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '';
}

const Url = z.string().trim().min(1).max(2000).refine(isWebhookUrl, key('webhook.url_invalid'));
const Events = z.array(z.enum(WEBHOOK_EVENTS)).min(1, key('webhook.events_required')).max(WEBHOOK_EVENTS.length).transform((es) => [...new Set(es)]);
const NewEndpoint = z.object({ url: Url, events: Events, active: z.boolean().default(true) });
const EndpointPatch = z.object({ url: Url.optional(), events: Events.optional(), active: z.boolean().optional() });
const Settings = z.object({ allowPrivateTargets: z.boolean() });
const LogQuery = z.object({ before: z.string().regex(/^[1-9]\d{0,9}$/, key('field.list_cursor')).transform(Number).pipe(Id).optional() });

export function webhooksRoutes(app: FastifyInstance, webhooks: WebhooksService): void {
  apiRoute(app, {
    method: 'GET', url: '/webhooks', tag: 'webhooks', summary: 'Webhook endpoints (never their secrets) and the webhook settings',
    handler: async (req) => (requireCan(req, 'webhooks.manage'), webhooks.list()),
  });
  apiRoute(app, {
    method: 'POST', url: '/webhooks', tag: 'webhooks', summary: 'Register an endpoint; the answer holds its signing secret, shown this once', body: NewEndpoint,
    handler: async (req, reply) => {
      const me = requireCan(req, 'webhooks.manage');
      return reply.code(201).send(await webhooks.create(parse(NewEndpoint, req.body), me.user.id));
    },
  });
  apiRoute(app, {
    method: 'PUT', url: '/webhooks/settings', tag: 'webhooks', summary: 'Webhook settings: allow private and loopback targets', body: Settings,
    handler: async (req) => {
      const me = requireCan(req, 'webhooks.manage');
      return webhooks.setAllowPrivate(parse(Settings, req.body).allowPrivateTargets, me.user.id);
    },
  });
  apiRoute(app, {
    method: 'PATCH', url: '/webhooks/:id', tag: 'webhooks', summary: 'Change an endpoint: URL, events, active', body: EndpointPatch,
    handler: async (req) => {
      const me = requireCan(req, 'webhooks.manage');
      return webhooks.update(idParam(req.params), parse(EndpointPatch, req.body), me.user.id);
    },
  });
  apiRoute(app, {
    method: 'DELETE', url: '/webhooks/:id', tag: 'webhooks', summary: 'Delete an endpoint and its delivery log',
    handler: async (req, reply) => {
      const me = requireCan(req, 'webhooks.manage');
      await webhooks.remove(idParam(req.params), me.user.id);
      return reply.code(204).send();
    },
  });
  apiRoute(app, {
    method: 'POST', url: '/webhooks/:id/rotate', tag: 'webhooks', summary: 'Replace the signing secret; the answer holds the new one, shown this once',
    handler: async (req) => {
      const me = requireCan(req, 'webhooks.manage');
      return webhooks.rotate(idParam(req.params), me.user.id);
    },
  });
  apiRoute(app, {
    method: 'POST', url: '/webhooks/:id/test', tag: 'webhooks', summary: 'Send a signed webhook.test event now and return the logged attempt',
    handler: async (req) => {
      requireCan(req, 'webhooks.manage');
      return webhooks.sendTest(idParam(req.params));
    },
  });
  apiRoute(app, {
    method: 'GET', url: '/webhooks/:id/deliveries', tag: 'webhooks', summary: 'An endpoint\'s delivery log, newest first (50 a page; `before` = the previous page\'s `next`)', query: LogQuery,
    handler: async (req) => {
      requireCan(req, 'webhooks.manage');
      return webhooks.deliveries(idParam(req.params), parse(LogQuery, req.query).before ?? null);
    },
  });
}
