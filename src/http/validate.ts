/** Validates request input with zod and turns its issues into a 422 listing each field. */
import { z, type ZodIssue, type ZodType, type ZodTypeDef } from 'zod';
import { ValidationError, type FieldError } from '../errors.js';

/**
 * The largest value of the `integer` columns ids and versions live in: PostgreSQL's `integer` is
 * 32-bit signed, and a larger number in a query is a database error, not "not found".
 */
export const INT32_MAX = 2_147_483_647;

/** Every id (and version) a client sends: a whole number that fits the column, 1..2147483647. */
export const Id = z.number().int('Must be a whole number.').min(1, 'Must be a positive number.').max(INT32_MAX, 'This number is too large.');

/**
 * Request parts (body, query) a route's schema has already validated, and with which schema: a
 * WeakMap, so entries go with their requests.
 */
const validated = new WeakMap<object, unknown>();

export function markValidated(value: unknown, schema: unknown): void {
  if (value !== null && typeof value === 'object') validated.set(value, schema);
}

/** Field errors in the shape the newsroom app shows next to its fields. */
export function fieldErrors(issues: readonly ZodIssue[]): FieldError[] {
  return issues.map((i) => ({
    field: i.path.length ? String(i.path[0]) : 'body',
    message: i.code === 'invalid_type' && i.received === 'undefined' ? 'This field is required.' : i.message,
  }));
}

export function validationFailed(issues: readonly ZodIssue[]): ValidationError {
  return new ValidationError('Please correct the highlighted fields.', fieldErrors(issues));
}

export function parse<T>(schema: ZodType<T, ZodTypeDef, unknown>, data: unknown): T {
  // Validated once: the route (apiRoute) already checked this very object with this schema.
  if (data !== null && typeof data === 'object' && validated.get(data) === schema) return data as T;
  const r = schema.safeParse(data ?? {});
  if (r.success) return r.data;
  throw validationFailed(r.error.issues);
}

/**
 * Route id parameter: a positive integer that fits the column, else -1, which no row has — an id
 * that cannot exist is simply not found (404), never a database error.
 */
export function idParam(params: unknown, name = 'id'): number {
  const raw = (params as Record<string, string>)[name] ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw)) return -1;
  const n = Number(raw);
  return n <= INT32_MAX ? n : -1;
}
