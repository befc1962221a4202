/** /admin/api/translit-exceptions: the newsroom's transliteration exceptions (settings, editors). */
import type { FastifyInstance } from 'fastify';
import { requireCan } from '../accounts/auth.js';
import { apiRoute } from '../http/route.js';
import { idParam, parse } from '../http/validate.js';
import { ExceptionInput, type TranslitExceptionsService } from './translit-exceptions.service.js';

export function translitExceptionsRoutes(app: FastifyInstance, service: TranslitExceptionsService): void {
  apiRoute(app, {
    method: 'GET', url: '/translit-exceptions', tag: 'settings', summary: 'Transliteration exceptions: word → spelling, Latin ↔ Cyrillic',
    handler: async (req) => (requireCan(req, 'translit.manage'), { items: await service.list() }),
  });
  apiRoute(app, {
    method: 'POST', url: '/translit-exceptions', tag: 'settings', summary: 'Add an exception; re-derives the synced derived editions that use the word', body: ExceptionInput,
    handler: async (req, reply) => {
      const me = requireCan(req, 'translit.manage');
      return reply.code(201).send(await service.save(me.user.id, parse(ExceptionInput, req.body)));
    },
  });
  apiRoute(app, {
    method: 'PUT', url: '/translit-exceptions/:id', tag: 'settings', summary: 'Change an exception; re-derives the synced derived editions that use either spelling', body: ExceptionInput,
    handler: async (req) => {
      const me = requireCan(req, 'translit.manage');
      return service.save(me.user.id, parse(ExceptionInput, req.body), idParam(req.params));
    },
  });
  apiRoute(app, {
    method: 'DELETE', url: '/translit-exceptions/:id', tag: 'settings', summary: 'Remove an exception; re-derives the synced derived editions that used it',
    handler: async (req) => {
      const me = requireCan(req, 'translit.manage');
      return service.remove(me.user.id, idParam(req.params));
    },
  });
}
