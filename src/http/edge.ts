/**
 * Checks every request's input once, before any route sees it: path parameters, the query string
 * and the parsed JSON body. Two things are refused here for every route alike, on both databases:
 *
 * - NUL (U+0000): PostgreSQL cannot store it in text or jsonb (the query fails), SQLite stores it
 *   and C-string consumers truncate at it. No reader or editor types one.
 * - Unpaired UTF-16 surrogates: they have no UTF-8 form, so the database driver silently turns
 *   them into U+FFFD and what is stored differs from what was sent.
 *
 * and JSON nested deeper than any client of ours sends (a deep body would exhaust the stack of
 * the code that walks it). The walk itself is iterative for the same reason.
 */
import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';
import { BadRequestError } from '../errors.js';
import { msg } from '../i18n/api-messages.js';

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const BAD_CHAR = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Deeper than any document the editor writes (its own limit is 40 levels of nodes, each two JSON levels). */
export const MAX_JSON_DEPTH = 100;

export const BAD_CHARACTER_MESSAGE = msg('request.bad_character').message;

export function hasBadCharacter(s: string): boolean {
  return BAD_CHAR.test(s);
}

/** Why a value is refused, or null when it is fine. Walks without recursion. */
export function inspectInput(value: unknown): 'character' | 'depth' | null {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (BAD_CHAR.test(v)) return 'character';
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_JSON_DEPTH) return 'depth';
      if (Array.isArray(v)) {
        for (const x of v) stack.push([x, depth + 1]);
      } else if (!Buffer.isBuffer(v)) {
        for (const [k, x] of Object.entries(v)) {
          if (BAD_CHAR.test(k)) return 'character';
          stack.push([x, depth + 1]);
        }
      }
    }
  }
  return null;
}

function check(req: FastifyRequest): void {
  for (const part of [req.params, req.query, req.body]) {
    const why = inspectInput(part);
    if (why === 'character') throw new BadRequestError(msg('request.bad_character'));
    if (why === 'depth') throw new BadRequestError(msg('request.too_deep', { max: MAX_JSON_DEPTH }));
  }
}

export interface RouteEntry {
  method: string;
  url: string;
}
const routeLists = new WeakMap<FastifyInstance, RouteEntry[]>();

/**
 * Registers the check on the root instance, before any route, so every route in every scope
 * inherits it (preValidation: the body is parsed, no handler has run). It also keeps the list of
 * routes (bounded by the code, not by traffic) for the fuzz test and the docs.
 */
export function registerEdge(app: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  routeLists.set(app, routes);
  app.addHook('onRoute', (r) => {
    const methods = ([] as HTTPMethods[]).concat(r.method);
    for (const m of methods) if (m !== 'HEAD') routes.push({ method: m, url: r.url });
  });
  app.addHook('preValidation', async (req) => check(req));
}

/** Every method + URL pattern registered on the app (`:param` and `*` left in place). */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  return [...(routeLists.get(app) ?? [])];
}
