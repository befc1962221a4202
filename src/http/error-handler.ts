/**
 * The one place errors become HTTP responses. Domain errors (AppError) keep their status, code and
 * message; Fastify's own client errors (bad JSON, body too large) keep theirs; anything else is a
 * bug: logged with its stack and answered with a plain 500 that leaks nothing.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, RateLimitedError, ServiceUnavailableError } from '../errors.js';
import { isUniqueViolation } from '../db/constraint.js';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      if (err instanceof RateLimitedError || err instanceof ServiceUnavailableError) reply.header('retry-after', String(err.retryAfterSeconds));
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    // A uniqueness that a concurrent request won at the database's constraint: the loser is told
    // to reload, never given a 500. Services still check first where they can name the field.
    if (isUniqueViolation(err)) {
      return reply.code(409).send({ error: { code: 'conflict', message: 'Someone else just created the same thing. Reload and try again.' } });
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: { code: (err as FastifyError).code ?? 'bad_request', message: err.message } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } });
  });
}
