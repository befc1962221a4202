/**
 * Declares a JSON API route once: the zod schemas validate input in the handler (422 with
 * fields) and, converted to JSON Schema, describe the route in the OpenAPI document. Fastify's
 * own validator is switched off in the API scope so there is exactly one validation path.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { ZodTypeAny } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';

export interface RouteDef {
  method: HTTPMethods;
  url: string;
  summary: string;
  tag: string;
  body?: ZodTypeAny;
  query?: ZodTypeAny;
  handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

const json = (s: ZodTypeAny) => {
  const out = zodToJsonSchema(s, { target: 'openApi3', $refStrategy: 'none' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
};

export function apiRoute(app: FastifyInstance, def: RouteDef): void {
  app.route({
    method: def.method,
    url: def.url,
    schema: {
      summary: def.summary,
      tags: [def.tag],
      ...(def.body ? { body: json(def.body) } : {}),
      ...(def.query ? { querystring: json(def.query) } : {}),
    },
    handler: def.handler,
  });
}
