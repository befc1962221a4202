/**
 * The one place errors become HTTP responses. Domain errors (AppError) keep their status, code and
 * message; Fastify's own client errors (bad JSON, body too large) keep theirs; anything else is a
 * bug: logged with its stack and answered with a plain 500 that leaks nothing.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, RateLimitedError, ServiceUnavailableError } from '../errors.js';
import { isForeignKeyViolation, isTransactionConflict, isUniqueViolation } from '../db/constraint.js';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { validationFailed } from './validate.js';
import { msg, type ApiMessage } from '../i18n/api-messages.js';

/** The JSON error body: the category `code`, the English `message`, and the catalogue `key` with its `params`. */
export function errorBody(code: string, m: ApiMessage, details?: unknown) {
  return { error: { code, message: m.message, key: m.key, params: m.params, ...(details === undefined ? {} : { details }) } };
}

/** Renders a reader-facing 400 page in the site's look (set by the public site's routes). */
export type PublicErrorPage = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Paths answered in JSON whatever happens: the newsroom API, the public API, media files, health, the wire. */
const API_PATH = /^\/(admin|api|media|healthz|readyz|metrics|wire)(\/|$|\?)/;

export function registerErrorHandler(app: FastifyInstance): { setPublicErrorPage(render: PublicErrorPage): void } {
  let publicErrorPage: PublicErrorPage | null = null;
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    // A route's zod schema refused the input (apiRoute): the same 422 with fields as parse().
    if (hasZodFastifySchemaValidationErrors(err)) err = validationFailed(err.validation.map((v) => v.params.issue));
    // A reader's page with bad input (a NUL in the search words, say) gets the site's own 400 page
    // in their language rather than a JSON body.
    if (err instanceof AppError && err.status === 400 && publicErrorPage && !API_PATH.test(req.url)) return publicErrorPage(req, reply);
    if (err instanceof AppError) {
      if (err instanceof RateLimitedError || err instanceof ServiceUnavailableError) reply.header('retry-after', String(err.retryAfterSeconds));
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, key: err.key, params: err.params, details: err.details } });
    }
    // A uniqueness that a concurrent request won at the database's constraint: the loser is told
    // to reload, never given a 500. Services still check first where they can name the field.
    if (isUniqueViolation(err)) {
      return reply.code(409).send(errorBody('conflict', msg('db.duplicate')));
    }
    if (isForeignKeyViolation(err)) {
      // A reference to a row that is gone (or a delete of one still referenced): a race or a
      // stale form, answered like other conflicts. Services name the field where they check first.
      return reply.code(409).send(errorBody('conflict', msg('db.reference')));
    }
    if (isTransactionConflict(err)) {
      // Rolled back whole by the database (a deadlock with another save of the same story).
      req.log.warn({ err, url: req.url }, 'transaction rolled back by the database (deadlock or serialization failure)');
      return reply.code(409).send(errorBody('conflict', msg('db.retry')));
    }
    if (isBrokenMultipart(req, err)) {
      return reply.code(400).send(errorBody('bad_request', msg('upload.broken')));
    }
    if (isDataException(err)) {
      // A value the column cannot hold that slipped past the edge check and the schemas: still
      // the client's input, so a 400 — logged, because the schema that let it through needs fixing.
      req.log.warn({ err, url: req.url }, 'database refused a value from the request');
      return reply.code(400).send(errorBody('bad_request', msg('request.bad_value')));
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own refusals (bad JSON, body too large, wrong content type): its English text, and a key for the newsroom.
      const key = status === 413 ? 'request.body_too_large' : status === 415 ? 'request.unsupported_type' : 'request.invalid';
      return reply.code(status).send({ error: { code: (err as FastifyError).code ?? 'bad_request', message: err.message, key, params: {} } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('internal', msg('request.internal')));
  });
  return {
    setPublicErrorPage(render) {
      publicErrorPage = render;
    },
  };
}

/**
 * PostgreSQL errors caused by a value, not by the server: out of range for the column
 * (22003), not a number (22P02), bytes the encoding cannot hold (22021, 22P05: NUL), too long
 * for the column (22001) or for an index row (54000). SQLite stores all of these as given.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
const DATA_EXCEPTIONS = new Set(['22003', '22P02', '22021', '22P05', '22001', '54000']);

function isDataException(err: unknown): boolean {
  const e = err as { code?: unknown; severity?: unknown };
  return typeof e?.code === 'string' && typeof e.severity === 'string' && DATA_EXCEPTIONS.has(e.code);
}

/**
 * The multipart parser (busboy) fails with plain errors when a client sends a truncated or
 * malformed form ("Unexpected end of multipart data", "Malformed part header"): bad input, not a bug.
 */
function isBrokenMultipart(req: FastifyRequest, err: Error): boolean {
  const multipart = String(req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
  return multipart && !(err as FastifyError).statusCode && /multipart|boundary|part header|unexpected end/i.test(err.message);
}
