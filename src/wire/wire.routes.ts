/**
 * The wire for subscriber media: GET /wire/v1/items (a page) and /wire/v1/items/{id} (one item),
 * as ninjs JSON, or as NewsML-G2 with a `.xml` URL or `Accept: application/vnd.iptc.g2.newsitem+xml`
 * (docs/wire.md). Every request needs an API key in a header; errors are JSON (error-handler.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError, UnauthorizedError, msg } from '../errors.js';
import { errorBody } from '../http/error-handler.js';
import type { Container } from '../container.js';
import { KEY_PATTERN, type WireKey } from './api-keys.service.js';
import { toNinjs } from './ninjs.js';
import { G2_CONTENT_TYPE, G2_MESSAGE_CONTENT_TYPE, newsItemDocument, newsMessageDocument } from './newsml-g2.js';
import { parseItemId, parseWireQuery } from './wire.service.js';
import { wireOf } from './wire.module.js';

/** Query parameter names people put keys in; a key there is refused with a hint, never used. */
const KEY_PARAMS = new Set(['key', 'api_key', 'apikey', 'api-key', 'token', 'access_token', 'x-api-key', 'auth']);

const keys = new WeakMap<FastifyRequest, WireKey>();

/** The token from the two accepted headers, or the reason it is not usable (401 with a hint). */
export function tokenFrom(req: Pick<FastifyRequest, 'headers' | 'query'>): string {
  const q = (req.query ?? {}) as Record<string, unknown>;
  for (const [name, v] of Object.entries(q)) {
    if (KEY_PARAMS.has(name.toLowerCase()) || [v].flat().some((x) => typeof x === 'string' && KEY_PATTERN.test(x))) throw new UnauthorizedError(msg('wire.key_in_query'));
  }
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer +(\S+) *$/i.exec(auth);
    if (!m) throw new UnauthorizedError(msg('wire.key_wrong_scheme'));
    return m[1]!;
  }
  const x = req.headers['x-api-key'];
  if (typeof x === 'string' && x.trim()) return x.trim();
  for (const [name, v] of Object.entries(req.headers)) {
    if ([v].flat().some((x) => typeof x === 'string' && KEY_PATTERN.test(x))) throw new UnauthorizedError(msg('wire.key_wrong_header', { header: name.slice(0, 50) }));
  }
  throw new UnauthorizedError(msg('wire.key_missing'));
}

/** G2 when the URL ends in .xml or the client prefers a G2 type over JSON (q-values compared). */
function wantsG2(req: FastifyRequest, xmlUrl: boolean): boolean {
  if (xmlUrl) return true;
  let g2 = 0;
  let json = 0;
  for (const part of String(req.headers.accept ?? '').split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qp ? Number(qp.slice(2)) || 0 : 1;
    if (type === G2_CONTENT_TYPE || type === G2_MESSAGE_CONTENT_TYPE) g2 = Math.max(g2, q);
    else if (type === 'application/json' || type === 'application/*' || type === '*/*') json = Math.max(json, type === 'application/json' ? q : q - 0.001);
  }
  return g2 > 0 && g2 >= json;
}

export async function wireRoutes(app: FastifyInstance, c: Container): Promise<void> {
  const w = wireOf(c);
  const provider = new URL(c.config.siteUrl).host;
  await app.register(async (scope) => {
    scope.addHook('preHandler', async (req, reply) => {
      try {
        const key = await w.keys.authenticate(tokenFrom(req));
        keys.set(req, key);
      } catch (err) {
        // RFC 6750 §3: a 401 for a bearer-token resource names the scheme.
        if (err instanceof UnauthorizedError) reply.header('www-authenticate', 'Bearer realm="wire"');
        throw err;
      }
      const key = keys.get(req)!;
      await app.rateLimits.enforce('wire', req, `key:${key.id}`, key.ratePerMinute);
    });
    const send = (reply: FastifyReply, type: string, body: string | object) =>
      reply.header('cache-control', 'private, no-store').header('vary', 'Accept, Authorization, X-Api-Key').type(type).send(body);

    const list = (xmlUrl: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
      const key = keys.get(req)!;
      const q = parseWireQuery(req.query as Record<string, unknown>);
      const page = await w.wire.page(key, q);
      const g2 = wantsG2(req, xmlUrl);
      if (page.more && page.next) {
        const next = new URL(req.url, c.config.siteUrl);
        next.searchParams.set('cursor', page.next);
        reply.header('link', `<${next.toString()}>; rel="next"`);
      }
      if (g2) return send(reply, `${G2_MESSAGE_CONTENT_TYPE}; charset=utf-8`, newsMessageDocument(page.items, c.config.siteUrl, provider, c.clock()));
      return send(reply, 'application/json; charset=utf-8', { items: page.items.map((s) => toNinjs(s, c.config.siteUrl)), next: page.next, more: page.more });
    };
    scope.get('/items', list(false));
    scope.get('/items.xml', list(true));
    scope.get('/items/:id', async (req, reply) => {
      const raw = (req.params as { id: string }).id;
      const xmlUrl = raw.endsWith('.xml');
      const extra = Object.keys((req.query ?? {}) as object)[0];
      if (extra !== undefined) throw new BadRequestError(msg('wire.unknown_param', { name: extra.slice(0, 50), allowed: '-' }));
      const story = await w.wire.item(keys.get(req)!, parseItemId(xmlUrl ? raw.slice(0, -4) : raw));
      if (wantsG2(req, xmlUrl)) return send(reply, `${G2_CONTENT_TYPE}; charset=utf-8`, newsItemDocument(story, c.config.siteUrl, provider));
      return send(reply, 'application/json; charset=utf-8', toNinjs(story, c.config.siteUrl));
    });
    scope.setNotFoundHandler(async (_req, reply) => reply.code(404).send(errorBody('not_found', msg('request.no_endpoint'))));
  }, { prefix: '/wire/v1' });
}
