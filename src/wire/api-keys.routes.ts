/**
 * The newsroom's management of wire API keys (/admin/api/api-keys): administrators only (the
 * `settings.write` right); every change is audited in its transaction (api-keys.service.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCan } from '../accounts/auth.js';
import { apiRoute } from '../http/route.js';
import { Id, idParam, key } from '../http/validate.js';
import { LOCALES } from '../i18n/locales.js';
import type { ApiKeysService } from './api-keys.service.js';

/** Most requests per minute a key may be given (the form offers the site's default). */
export const MAX_RATE_PER_MINUTE = 100_000;

const NewKey = z.object({
  name: z.string().trim().min(1, key('field.required')).max(100),
  locales: z.array(z.enum(LOCALES)).min(1).max(LOCALES.length),
  sectionIds: z.array(Id).max(200).default([]),
  ratePerMinute: z.number().int(key('field.whole_number')).min(1).max(MAX_RATE_PER_MINUTE),
});

export function apiKeysRoutes(app: FastifyInstance, keys: ApiKeysService, defaultRatePerMinute: number): void {
  apiRoute(app, {
    method: 'GET', url: '/api-keys', tag: 'wire', summary: 'Wire API keys (never the keys themselves), with the rate a new key is offered',
    handler: async (req) => {
      requireCan(req, 'settings.write');
      return { keys: await keys.list(), defaultRatePerMinute: defaultRatePerMinute || 600 };
    },
  });
  apiRoute(app, {
    method: 'POST', url: '/api-keys', tag: 'wire', summary: 'Create a wire API key; the key is in this answer only', body: NewKey,
    handler: async (req, reply) => {
      const me = requireCan(req, 'settings.write');
      const created = await keys.create(me.user.id, req.body);
      return reply.code(201).header('cache-control', 'no-store').send({ ...created.key, token: created.token });
    },
  });
  apiRoute(app, {
    method: 'POST', url: '/api-keys/:id/revoke', tag: 'wire', summary: 'Revoke a wire API key (at once, on every node)',
    handler: async (req) => {
      const me = requireCan(req, 'settings.write');
      return keys.revoke(me.user.id, idParam(req.params));
    },
  });
}
