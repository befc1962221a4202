/** Desk routes of the newsroom API: assignments, internal comments, notifications. Thin: validate, authorize, call the service. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../accounts/auth.js';
import { apiRoute } from '../http/route.js';
import { Id, idParam, key, parse } from '../http/validate.js';
import type { DeskService } from './desk.service.js';
import type { NotificationsService } from './notifications.service.js';

const actor = (req: FastifyRequest) => requireUser(req).user;
const DueAt = z.string().datetime({ offset: true, message: key('field.datetime') }).nullable();

export function deskRoutes(app: FastifyInstance, desk: DeskService, notifications: NotificationsService): void {
  const PeopleQuery = z.object({ q: z.string().max(100).default('') });
  apiRoute(app, {
    method: 'GET', url: '/editions/:id/people', tag: 'desk', summary: 'People who can open this story (assignee picker, @mention autocomplete)', query: PeopleQuery,
    handler: async (req) => desk.people(actor(req), idParam(req.params), parse(PeopleQuery, req.query).q),
  });

  const Assign = z.object({ assigneeId: Id, dueAt: DueAt.default(null), note: z.string().max(1000, 'At most 1000 characters.').default(''), wholeStory: z.boolean().default(true) });
  apiRoute(app, {
    method: 'POST', url: '/editions/:id/assignments', tag: 'desk', summary: 'Assign the story (or this edition) to a person (editors)', body: Assign,
    handler: async (req, reply) => reply.code(201).send(await desk.assign(actor(req), idParam(req.params), parse(Assign, req.body))),
  });

  apiRoute(app, {
    method: 'GET', url: '/editions/:id/assignments', tag: 'desk', summary: "The story's assignments, newest first",
    handler: async (req) => desk.storyAssignments(actor(req), idParam(req.params)),
  });

  apiRoute(app, {
    method: 'GET', url: '/assignments/mine', tag: 'desk', summary: 'My open assignments (soonest due first, overdue marked) and those done this week',
    handler: async (req) => desk.mine(actor(req)),
  });

  const Patch = z.object({ version: Id, assigneeId: Id.optional(), dueAt: DueAt.optional(), note: z.string().max(1000, 'At most 1000 characters.').optional() });
  apiRoute(app, {
    method: 'PATCH', url: '/assignments/:id', tag: 'desk', summary: 'Reassign or change an open assignment (editors; 409 when version is stale)', body: Patch,
    handler: async (req) => desk.update(actor(req), idParam(req.params), parse(Patch, req.body)),
  });

  const Complete = z.object({ version: Id });
  apiRoute(app, {
    method: 'POST', url: '/assignments/:id/complete', tag: 'desk', summary: 'Mark an assignment done (the assignee or an editor)', body: Complete,
    handler: async (req) => desk.complete(actor(req), idParam(req.params), parse(Complete, req.body).version),
  });

  apiRoute(app, {
    method: 'GET', url: '/editions/:id/comments', tag: 'desk', summary: "The story's internal comments, oldest first (mentions as @{userId}, with names)",
    handler: async (req) => desk.comments(actor(req), idParam(req.params)),
  });

  const NewComment = z.object({ body: z.string().max(4000, 'At most 4000 characters.'), parentId: Id.nullable().optional() });
  apiRoute(app, {
    method: 'POST', url: '/editions/:id/comments', tag: 'desk', summary: 'Comment on the story (or reply to a comment); never shown to readers', body: NewComment,
    handler: async (req, reply) => reply.code(201).send(await desk.addComment(actor(req), idParam(req.params), parse(NewComment, req.body))),
  });

  const EditComment = z.object({ body: z.string().max(4000, 'At most 4000 characters.') });
  apiRoute(app, {
    method: 'PUT', url: '/comments/:id', tag: 'desk', summary: 'Edit your own comment', body: EditComment,
    handler: async (req) => desk.editComment(actor(req), idParam(req.params), parse(EditComment, req.body).body),
  });

  apiRoute(app, {
    method: 'DELETE', url: '/comments/:id', tag: 'desk', summary: 'Delete your own comment (replies stay)',
    handler: async (req) => desk.deleteComment(actor(req), idParam(req.params)),
  });

  const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(30), before: z.coerce.number().int().min(1).max(2 ** 31 - 1).optional() });
  apiRoute(app, {
    method: 'GET', url: '/notifications', tag: 'desk', summary: 'My notifications, newest first, and the unread count (the newsroom polls this)', query: ListQuery,
    handler: async (req) => {
      const q = parse(ListQuery, req.query);
      return notifications.list(actor(req).id, q.limit, q.before);
    },
  });

  apiRoute(app, {
    method: 'POST', url: '/notifications/:id/read', tag: 'desk', summary: 'Mark one notification read',
    handler: async (req) => notifications.markRead(actor(req).id, idParam(req.params)),
  });

  apiRoute(app, {
    method: 'POST', url: '/notifications/read-all', tag: 'desk', summary: 'Mark every notification read',
    handler: async (req) => notifications.markAllRead(actor(req).id),
  });
}
