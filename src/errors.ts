/**
 * The error catalogue. Domain code throws these; `src/http/error-handler.ts` maps them to HTTP in
 * one place. Each has a stable code (clients may branch on it), a status and a message a person can
 * act on. Anything else that escapes is a bug: logged and answered with a plain 500.
 */
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
  constructor(message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.details = details;
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
}

export class ValidationError extends AppError {
  readonly code = 'validation_failed' as const;
  readonly status = 422;
  constructor(message: string, readonly fields: FieldError[] = []) {
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
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message, { retryAfterSeconds });
  }
}

/** Signed in with the password, but the second factor (or enrolment in it) is still owed. */
export class SecondFactorRequiredError extends AppError {
  readonly code = 'second_factor_required' as const;
  readonly status = 403;
  constructor(message: string, readonly step: 'verify' | 'enrol') {
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
  constructor(message: string, readonly retryAfterSeconds: number) {
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
