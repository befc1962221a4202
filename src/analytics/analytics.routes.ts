/**
 * The dashboard API under /admin/api/analytics (docs/analytics.md). Every route needs a signed-in
 * newsroom user (contributor or above); what the numbers cover follows analytics.policy.ts.
 * Nothing here changes state, so there is no CSRF token to check. Answers are never cached by
 * browsers or proxies: they are per-user and change every few seconds.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireCan } from '../accounts/auth.js';
import { NotFoundError, msg } from '../errors.js';
import { apiRoute } from '../http/route.js';
import { idParam, parse } from '../http/validate.js';
import { TopQuery, TotalsQuery, type AnalyticsService } from './analytics.service.js';

/** Per-user numbers that change every few seconds: no browser or proxy may keep them. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

const sendCsv = (reply: FastifyReply, name: string, body: string) =>
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(body);

export function analyticsRoutes(app: FastifyInstance, analytics: AnalyticsService): void {
  apiRoute(app, {
    method: 'GET', url: '/analytics/live', tag: 'analytics', summary: 'Views in the last 5 minutes, hour and day (site and per locale), a per-minute sparkline, and the stories read now (at most 5 s old)',
    handler: async (req, reply) => {
      const me = requireCan(req, 'stories.create').user;
      noStore(reply);
      return analytics.liveView(me);
    },
  });
  apiRoute(app, {
    method: 'GET', url: '/analytics/stories/:id', tag: 'analytics', summary: "One story's views over time per edition against its section's median story, by referrer and device (any edition id of the story)",
    handler: async (req, reply) => {
      const me = requireCan(req, 'stories.create').user;
      noStore(reply);
      const id = idParam(req.params);
      if (id < 0) throw new NotFoundError(msg('story.not_found'));
      return analytics.story(me, id);
    },
  });
  apiRoute(app, {
    method: 'GET', url: '/analytics/top', tag: 'analytics', summary: 'The most read editions of a day, ISO week or calendar month (site days), optionally of one locale, section or author; format=csv exports', query: TopQuery,
    handler: async (req, reply) => {
      const me = requireCan(req, 'stories.create').user;
      noStore(reply);
      const q = parse(TopQuery, req.query);
      const r = await analytics.top(me, q);
      return q.format === 'csv' ? sendCsv(reply, `top-${r.fromDay}-${r.toDay}`, analytics.topCsv(r)) : r;
    },
  });
  apiRoute(app, {
    method: 'GET', url: '/analytics/totals', tag: 'analytics', summary: 'Views per day and section, author or locale over at most 366 site days; format=csv exports', query: TotalsQuery,
    handler: async (req, reply) => {
      const me = requireCan(req, 'stories.create').user;
      noStore(reply);
      const q = parse(TotalsQuery, req.query);
      const r = await analytics.totals(me, q);
      return q.format === 'csv' ? sendCsv(reply, `totals-${r.by}-${r.from}-${r.to}`, analytics.totalsCsv(r, q.lang)) : r;
    },
  });
}
