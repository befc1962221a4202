/** Story and edition routes of the newsroom API: thin — validate, authorize, call the service. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCan, requireUser } from '../accounts/auth.js';
import { apiRoute } from '../http/route.js';
import { Id, idParam, parse } from '../http/validate.js';
import { LOCALES } from '../i18n/locales.js';
import { EditorialService, SaveInput, TransitionInput } from './editorial.service.js';
import { ListQuery, type StoriesListService } from './stories-list.service.js';
import type { RevisionsService } from './revisions.service.js';

const Locale = z.enum(LOCALES);
const actor = (req: import('fastify').FastifyRequest) => requireUser(req).user;

export function newsroomRoutes(app: FastifyInstance, editorial: EditorialService, revisions: RevisionsService, list: StoriesListService): void {
  apiRoute(app, {
    method: 'GET', url: '/stories', tag: 'stories', summary: 'List stories (contributors and authors see their own)', query: ListQuery,
    handler: async (req) => list.list(requireCan(req, 'stories.create').user, parse(ListQuery, req.query)),
  });

  const NewStory = z.object({ locale: Locale, headline: z.string().max(300).optional() });
  apiRoute(app, {
    method: 'POST', url: '/stories', tag: 'stories', summary: 'Start a new story (a draft edition)', body: NewStory,
    handler: async (req, reply) => {
      const me = requireCan(req, 'stories.create').user;
      const input = parse(NewStory, req.body);
      return reply.code(201).send(await editorial.create(me, input.locale, input.headline));
    },
  });

  const Translation = z.object({ locale: Locale });
  apiRoute(app, {
    method: 'POST', url: '/editions/:id/translations', tag: 'stories', summary: 'Add an edition in another language', body: Translation,
    handler: async (req, reply) => reply.code(201).send(await editorial.translate(actor(req), idParam(req.params), parse(Translation, req.body).locale)),
  });

  apiRoute(app, {
    method: 'POST', url: '/editions/:id/derive', tag: 'stories', summary: 'Create the other-script Uzbek edition by transliteration (kept in sync)',
    handler: async (req, reply) => reply.code(201).send(await editorial.derive(actor(req), idParam(req.params))),
  });

  apiRoute(app, {
    method: 'POST', url: '/editions/:id/resync', tag: 'stories', summary: 'Overwrite a diverged derived edition with the transliterated source',
    handler: async (req) => editorial.resync(actor(req), idParam(req.params)),
  });

  apiRoute(app, {
    method: 'GET', url: '/editions/:id/sync-diff', tag: 'stories', summary: 'Differences between a derived edition and its transliterated source',
    handler: async (req) => editorial.syncDiff(actor(req), idParam(req.params)),
  });

  apiRoute(app, {
    method: 'GET', url: '/editions/:id', tag: 'stories', summary: 'One edition with everything the editor shows',
    handler: async (req) => editorial.get(actor(req), idParam(req.params)),
  });

  apiRoute(app, {
    method: 'PUT', url: '/editions/:id', tag: 'stories', summary: 'Save an edition (409 when version is stale)', body: SaveInput,
    handler: async (req) => editorial.save(actor(req), idParam(req.params), parse(SaveInput, req.body)),
  });

  apiRoute(app, {
    method: 'POST', url: '/editions/:id/transition', tag: 'stories', summary: 'Move an edition through the workflow', body: TransitionInput,
    handler: async (req) => editorial.transition(actor(req), idParam(req.params), parse(TransitionInput, req.body)),
  });

  apiRoute(app, {
    method: 'DELETE', url: '/editions/:id', tag: 'stories', summary: 'Delete an edition (editors; others their own drafts)',
    handler: async (req, reply) => {
      await editorial.remove(actor(req), idParam(req.params));
      return reply.code(204).send();
    },
  });

  const Note = z.object({ kind: z.enum(['correction', 'update']), text: z.string().max(2000) });
  apiRoute(app, {
    method: 'POST', url: '/editions/:id/notes', tag: 'stories', summary: 'Add a dated correction or update note', body: Note,
    handler: async (req) => {
      const input = parse(Note, req.body);
      return editorial.addNote(actor(req), idParam(req.params), input.kind, input.text);
    },
  });

  apiRoute(app, {
    method: 'GET', url: '/editions/:id/revisions', tag: 'revisions', summary: 'Saved revisions, newest first',
    handler: async (req) => ({ items: await revisions.revisions(actor(req), idParam(req.params)) }),
  });

  apiRoute(app, {
    method: 'GET', url: '/revisions/:id', tag: 'revisions', summary: 'One revision',
    handler: async (req) => revisions.revision(actor(req), idParam(req.params)),
  });

  const DiffQuery = z.object({ from: z.string().regex(/^\d{1,9}$/).transform(Number), to: z.union([z.literal('current'), z.string().regex(/^\d{1,9}$/).transform(Number)]).default('current') });
  apiRoute(app, {
    method: 'GET', url: '/editions/:id/diff', tag: 'revisions', summary: 'Word diff between two revisions (or a revision and the current text)', query: DiffQuery,
    handler: async (req) => {
      const q = parse(DiffQuery, req.query);
      return revisions.diff(actor(req), idParam(req.params), q.from, q.to);
    },
  });

  // `storyFields`: also restore the section, hero image, tags and authors (shared by every language).
  const Restore = z.object({ version: Id, storyFields: z.boolean().optional() });
  apiRoute(app, {
    method: 'POST', url: '/revisions/:id/restore', tag: 'revisions', summary: 'Restore a revision as a new save (text and the edition\'s own fields; story-wide fields only with storyFields)', body: Restore,
    handler: async (req) => revisions.restore(actor(req), idParam(req.params), parse(Restore, req.body)),
  });

  // `editing: false` (only reading): not listed to others. Without a body: editing, as before.
  const Presence = z.object({ editing: z.boolean().optional() }).nullish();
  apiRoute(app, {
    method: 'POST', url: '/editions/:id/presence', tag: 'stories', summary: 'Heartbeat while the editor is open; returns who else is editing', body: Presence,
    handler: async (req) => editorial.heartbeat(actor(req), idParam(req.params), parse(Presence, req.body)?.editing ?? true),
  });
}
