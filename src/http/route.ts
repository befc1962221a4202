/**
 * Declares a JSON API route once: its zod schemas validate the request through Fastify's zod type
 * provider (before the handler runs, a 422 with fields on failure — see error-handler.ts), type
 * the handler's `req.body` / `req.query`, and are turned into the route's OpenAPI description by
 * `jsonSchemaTransform` (admin.plugin.ts). Handlers may still call `parse(schema, req.body)`:
 * input this route already validated with that schema is returned as is, not parsed again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler, HTTPMethods } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { z, ZodTypeAny } from 'zod';
import { markValidated } from './validate.js';

type Out<S> = S extends ZodTypeAny ? z.output<S> : unknown;

export interface RouteDef<B extends ZodTypeAny | undefined = ZodTypeAny | undefined, Q extends ZodTypeAny | undefined = ZodTypeAny | undefined> {
  method: HTTPMethods;
  url: string;
  summary: string;
  tag: string;
  body?: B;
  query?: Q;
  handler: (req: FastifyRequest<{ Body: Out<B>; Querystring: Out<Q> }>, reply: FastifyReply) => Promise<unknown>;
}

/**
 * The package's zod validator, with two additions: a missing body is validated as `{}` (so the
 * client hears which fields are required, as before), and what passed is remembered so that a
 * handler's own `parse` with the same schema does not validate it twice.
 */
const zodValidator: FastifySchemaCompiler<ZodTypeAny> = (route) => {
  const validate = validatorCompiler(route);
  return (data: unknown) => {
    const r = validate(data ?? {});
    const out = r as { value?: unknown; error?: unknown };
    if (!out.error) markValidated(out.value, route.schema);
    return r;
  };
};

export function apiRoute<B extends ZodTypeAny | undefined = undefined, Q extends ZodTypeAny | undefined = undefined>(app: FastifyInstance, def: RouteDef<B, Q>): void {
  app.route({
    method: def.method,
    url: def.url,
    // Set per route, so an apiRoute validates the same way in whatever scope it is declared.
    // (Fastify types a route's compilers against the whole route schema; these take its zod parts.)
    validatorCompiler: zodValidator as never,
    serializerCompiler: serializerCompiler as never,
    schema: {
      summary: def.summary,
      tags: [def.tag],
      ...(def.body ? { body: def.body } : {}),
      ...(def.query ? { querystring: def.query } : {}),
    },
    handler: def.handler as (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  });
}
