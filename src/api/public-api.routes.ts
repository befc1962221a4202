/**
 * GET /api/v1/… routes. Each is declared once with its zod schemas (query, path, every response):
 * they validate the request, check and serialise the response (a field not in the schema is never
 * sent), and write the route's entry in /api/openapi.json.
 *
 * Unlike the newsroom API (422 with fields), a bad query here is a 400: it is the request that is
 * wrong, not a form. Every route is rate-limited with the 'api' limit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { z, ZodIssue, ZodTypeAny } from 'zod';
import { BadRequestError, field, type FieldError } from '../errors.js';
import { msg } from '../i18n/api-messages.js';
import { fieldErrors } from '../http/validate.js';
import type { PublicApiService } from './public-api.service.js';
import { ApiError, AuthorList, NoQuery, SectionList, SectionsQuery, StoriesQuery, Story, StoryList, StoryParams, TagList, TermsQuery } from './schemas.js';

interface ReadRoute<Q extends ZodTypeAny, P extends ZodTypeAny | undefined, R extends ZodTypeAny> {
  url: string;
  summary: string;
  description: string;
  tag: string;
  query: Q;
  params?: P;
  response: R;
  /** Responses besides 200 and the 400/429 every route can give. */
  notFound?: boolean;
  handler: (query: z.output<Q>, params: P extends ZodTypeAny ? z.output<P> : undefined) => Promise<z.input<R>>;
}

function readRoute<Q extends ZodTypeAny, P extends ZodTypeAny | undefined, R extends ZodTypeAny>(app: FastifyInstance, def: ReadRoute<Q, P, R>): void {
  app.route({
    method: 'GET',
    url: def.url,
    validatorCompiler: validatorCompiler as never,
    serializerCompiler: serializerCompiler as never,
    // The handler turns a failed validation into our 400 (Fastify's own would be the newsroom's 422).
    attachValidation: true,
    preHandler: app.rateLimits.guard('api'),
    schema: {
      summary: def.summary,
      description: def.description,
      tags: [def.tag],
      querystring: def.query,
      ...(def.params ? { params: def.params } : {}),
      response: {
        200: def.response,
        400: ApiError.describe('A query parameter is unknown or has a bad value, or the cursor belongs to another query.'),
        ...(def.notFound ? { 404: ApiError.describe('No story readers can see has this id.') } : {}),
        429: ApiError.describe('Too many requests from this address: wait for the seconds in `Retry-After`.'),
      },
    },
    handler: async (req: FastifyRequest, _reply: FastifyReply) => {
      const err = req.validationError;
      if (err) {
        const fields = hasZodFastifySchemaValidationErrors(err) ? queryErrors(err.validation.map((v: { params: { issue: ZodIssue } }) => v.params.issue)) : [];
        throw new BadRequestError(msg('api.bad_query', { fields: fields.map((f) => f.field).join(', ') || 'query' }), { fields });
      }
      return def.handler(req.query as z.output<Q>, req.params as never);
    },
  });
}

/** Field errors for a query: an unknown parameter is named as the field (zod reports it on the whole object). */
function queryErrors(issues: ZodIssue[]): FieldError[] {
  return issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys.map((k) => field(k, 'api.unknown_param')) : fieldErrors([i])));
}

export function publicApiRoutes(app: FastifyInstance, api: PublicApiService): void {
  readRoute(app, {
    url: '/v1/stories',
    summary: 'Stories, newest first',
    description: 'Visible stories in one language, newest first (by publication time, then id). Filters combine; pages follow `nextCursor`.',
    tag: 'stories',
    query: StoriesQuery,
    response: StoryList,
    handler: (q) => api.stories(q),
  });
  readRoute(app, {
    url: '/v1/stories/:id',
    summary: 'One story',
    description: 'One visible edition with its body HTML, image variants and the same story in other languages. Not visible or unknown: 404.',
    tag: 'stories',
    query: NoQuery,
    params: StoryParams,
    response: Story,
    notFound: true,
    handler: (_q, p) => api.story(Number(p.id)),
  });
  readRoute(app, {
    url: '/v1/sections',
    summary: 'Sections',
    description: "The site's sections (rubrics) with names in the language, in menu order.",
    tag: 'taxonomy',
    query: SectionsQuery,
    response: SectionList,
    handler: (q) => api.sections(q),
  });
  readRoute(app, {
    url: '/v1/tags',
    summary: 'Tags',
    description: 'Tags with a name in the language, by id; pages follow `nextCursor`.',
    tag: 'taxonomy',
    query: TermsQuery,
    response: TagList,
    handler: (q) => api.tags(q),
  });
  readRoute(app, {
    url: '/v1/authors',
    summary: 'Authors',
    description: 'Authors with a name in the language, by id; pages follow `nextCursor`.',
    tag: 'taxonomy',
    query: TermsQuery,
    response: AuthorList,
    handler: (q) => api.authors(q),
  });
}
