/** Planning routes: the window of scheduled/embargoed/expiring items, reschedule, expiry. */
import type { FastifyInstance } from 'fastify';
import { requireCan, requireUser } from '../accounts/auth.js';
import { apiRoute } from '../http/route.js';
import { idParam, parse } from '../http/validate.js';
import { ExpiryInput, PlanQuery, RescheduleInput, type PlanningService } from './planning.service.js';
import type { StoriesListService } from './stories-list.service.js';

export function planningRoutes(app: FastifyInstance, planning: PlanningService, list: StoriesListService): void {
  apiRoute(app, {
    method: 'GET', url: '/planning', tag: 'planning', summary: 'Scheduled, embargoed and expiring editions in a time window (at most 42 days)', query: PlanQuery,
    handler: async (req) => planning.plan(requireCan(req, 'stories.create').user, parse(PlanQuery, req.query)),
  });
  apiRoute(app, {
    method: 'POST', url: '/editions/:id/reschedule', tag: 'planning', summary: 'Move a scheduled edition to another time (same checks as scheduling)', body: RescheduleInput,
    handler: async (req) => planning.reschedule(requireUser(req).user, idParam(req.params), parse(RescheduleInput, req.body).at),
  });
  apiRoute(app, {
    method: 'GET', url: '/editions/:id/expiry', tag: 'planning', summary: 'When the edition is taken down by itself, if ever',
    handler: async (req) => planning.expiry(requireUser(req).user, idParam(req.params)),
  });
  apiRoute(app, {
    method: 'PUT', url: '/editions/:id/expiry', tag: 'planning', summary: 'Set (or clear with null) the time a published edition is taken down', body: ExpiryInput,
    handler: async (req) => planning.setExpiry(requireUser(req).user, idParam(req.params), parse(ExpiryInput, req.body).at),
  });
  apiRoute(app, {
    method: 'GET', url: '/review-count', tag: 'stories', summary: 'How many editions wait for review (counted up to 100)',
    handler: async (req) => list.reviewCount(requireCan(req, 'stories.create').user),
  });
}
