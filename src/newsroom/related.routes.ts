/** Related stories and urgency of an edition (newsroom API): validate → authorize → service. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../accounts/auth.js';
import { apiRoute } from '../http/route.js';
import { Id, idParam, parse } from '../http/validate.js';
import { MAX_RELATED, type RelatedService } from './related.service.js';
import type { UrgencyService } from './urgency.service.js';

const actor = (req: FastifyRequest) => requireUser(req).user;
export const Urgency = z.number().int('Choose an urgency from 1 to 8.').min(1, 'Choose an urgency from 1 to 8.').max(8, 'Choose an urgency from 1 to 8.');
const RelatedInput = z.object({ storyIds: z.array(Id).max(MAX_RELATED, `Pick at most ${MAX_RELATED} related stories.`) });
const CandidatesQuery = z.object({ q: z.string().max(100, 'At most 100 characters.').optional() });
const UrgencyInput = z.object({ urgency: Urgency });

export function relatedRoutes(app: FastifyInstance, related: RelatedService, urgency: UrgencyService): void {
  apiRoute(app, {
    method: 'GET', url: '/editions/:id/related', tag: 'stories', summary: 'Hand-picked related stories, in order',
    handler: async (req) => ({ items: await related.list(actor(req), idParam(req.params)) }),
  });
  apiRoute(app, {
    method: 'PUT', url: '/editions/:id/related', tag: 'stories', summary: `Replace the hand-picked related stories (at most ${MAX_RELATED})`, body: RelatedInput,
    handler: async (req) => ({ items: await related.set(actor(req), idParam(req.params), parse(RelatedInput, req.body).storyIds) }),
  });
  apiRoute(app, {
    method: 'GET', url: '/editions/:id/related/candidates', tag: 'stories', summary: 'Published or scheduled stories whose headline contains q', query: CandidatesQuery,
    handler: async (req) => ({ items: await related.candidates(actor(req), idParam(req.params), parse(CandidatesQuery, req.query).q ?? '') }),
  });
  apiRoute(app, {
    method: 'PUT', url: '/editions/:id/urgency', tag: 'stories', summary: 'Set the IPTC urgency (1 flash … 8; 5 normal) without a new version', body: UrgencyInput,
    handler: async (req) => urgency.set(actor(req), idParam(req.params), parse(UrgencyInput, req.body).urgency),
  });
}
