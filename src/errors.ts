/**
 * The error catalogue. Domain code throws these; `src/http/error-handler.ts` maps them to HTTP in
 * one place. Each has a stable code (clients may branch on it), a status and a message a person can
 * act on. Anything else that escapes is a bug: logged and answered with a plain 500.
 *
 * The message is given as `msg(key, params)` from src/i18n/api-messages.ts: the response then
 * carries the key and parameters, and the newsroom shows the text in the user's language (the
 * English text stays as `message`). A plain string still works but is shown in English everywhere.
 */
import { msg, type ApiMessage, type ApiMessageKey, type ApiParams, type ParamsArg } from './i18n/api-messages.js';

export { msg };
export type ErrorCode =
  | 'not_found'
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'rate_limited'
  | 'second_factor_required'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'service_unavailable';

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly status: number;
  /** Extra detail safe to show the client (e.g. field errors). */
  readonly details?: unknown;
  /** The catalogue key of the message and its parameters (absent for a plain-string message). */
  readonly key?: ApiMessageKey;
  readonly params?: ApiParams;
  constructor(message: string | ApiMessage, details?: unknown) {
    super(typeof message === 'string' ? message : message.message);
    this.name = new.target.name;
    this.details = details;
    if (typeof message !== 'string') {
      this.key = message.key;
      this.params = message.params;
    }
  }
}

export class NotFoundError extends AppError {
  readonly code = 'not_found' as const;
  readonly status = 404;
}

export class BadRequestError extends AppError {
  readonly code = 'bad_request' as const;
  readonly status = 400;
}

export interface FieldError {
  field: string;
  message: string;
  key?: ApiMessageKey;
  params?: ApiParams;
}

/** A field's error from the catalogue: `field('headline', 'story.headline_required')`. */
export function field<K extends ApiMessageKey>(name: string, key: K, ...params: ParamsArg<K>): FieldError {
  const m = msg(key, ...params);
  return { field: name, message: m.message, key: m.key, params: m.params };
}

export class ValidationError extends AppError {
  readonly code = 'validation_failed' as const;
  readonly status = 422;
  constructor(message: string | ApiMessage, readonly fields: FieldError[] = []) {
    super(message, { fields });
  }
}

export class UnauthorizedError extends AppError {
  readonly code = 'unauthorized' as const;
  readonly status = 401;
}

export class ForbiddenError extends AppError {
  readonly code = 'forbidden' as const;
  readonly status = 403;
}

export class ConflictError extends AppError {
  readonly code = 'conflict' as const;
  readonly status = 409;
}

export class RateLimitedError extends AppError {
  readonly code = 'rate_limited' as const;
  readonly status = 429;
  constructor(message: string | ApiMessage, readonly retryAfterSeconds: number) {
    super(message, { retryAfterSeconds });
  }
}

/** Signed in with the password, but the second factor (or enrolment in it) is still owed. */
export class SecondFactorRequiredError extends AppError {
  readonly code = 'second_factor_required' as const;
  readonly status = 403;
  constructor(message: string | ApiMessage, readonly step: 'verify' | 'enrol') {
    super(message, { secondFactor: step });
  }
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'payload_too_large' as const;
  readonly status = 413;
}

export class UnsupportedMediaTypeError extends AppError {
  readonly code = 'unsupported_media_type' as const;
  readonly status = 415;
}

/** The node is busy (e.g. the image queue is full): retry after the given seconds. */
export class ServiceUnavailableError extends AppError {
  readonly code = 'service_unavailable' as const;
  readonly status = 503;
  constructor(message: string | ApiMessage, readonly retryAfterSeconds: number) {
    super(message, { retryAfterSeconds });
  }
}

/** A start-up problem an operator must fix; main prints its message as one line and exits non-zero. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
