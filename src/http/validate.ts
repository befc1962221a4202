/** Validates request input with zod and turns its issues into a 422 listing each field. */
import { z, type ZodIssue, type ZodType, type ZodTypeDef } from 'zod';
import { ValidationError, type FieldError } from '../errors.js';
import { isApiMessageKey, msg, msgDynamic, type ApiMessage, type ApiMessageKey } from '../i18n/api-messages.js';

/**
 * The largest value of the `integer` columns ids and versions live in: PostgreSQL's `integer` is
 * 32-bit signed, and a larger number in a query is a database error, not "not found".
 */
export const INT32_MAX = 2_147_483_647;

/** Every id (and version) a client sends: a whole number that fits the column, 1..2147483647. */
export const Id = z.number().int(key('field.whole_number')).min(1, key('field.positive')).max(INT32_MAX, key('field.number_too_large'));

/**
 * Request parts (body, query) a route's schema has already validated, and with which schema: a
 * WeakMap, so entries go with their requests.
 */
const validated = new WeakMap<object, unknown>();

export function markValidated(value: unknown, schema: unknown): void {
  if (value !== null && typeof value === 'object') validated.set(value, schema);
}

/**
 * A catalogue key as a zod message (`z.string().regex(re, key('field.date'))`): the issue then
 * carries the key, and the field error its translation in the newsroom.
 */
export function key(k: ApiMessageKey): string {
  return k;
}

/** The catalogue message for one zod issue: a key given as the message, else one per issue kind. */
export function issueMessage(i: ZodIssue): ApiMessage | null {
  if (isApiMessageKey(i.message)) return msgDynamic(i.message, (i.code === 'custom' ? i.params : undefined) ?? {});
  const n = (v: number | bigint) => Number(v);
  switch (i.code) {
    case 'invalid_type':
      return i.received === 'undefined' ? msg('field.required') : msg('field.wrong_type');
    case 'too_big':
      if (i.type === 'string') return msg('field.too_long', { max: n(i.maximum) });
      if (i.type === 'array' || i.type === 'set') return msg('field.too_many', { max: n(i.maximum) });
      if (i.type === 'number' || i.type === 'bigint') return msg('field.too_large', { max: n(i.maximum) });
      return msg('field.invalid');
    case 'too_small':
      if (i.type === 'string') return n(i.minimum) <= 1 ? msg('field.required') : msg('field.too_short', { min: n(i.minimum) });
      if (i.type === 'array' || i.type === 'set') return msg('field.too_few', { min: n(i.minimum) });
      if (i.type === 'number' || i.type === 'bigint') return msg('field.too_small', { min: n(i.minimum) });
      return msg('field.invalid');
    case 'invalid_enum_value':
    case 'invalid_literal':
    case 'invalid_union_discriminator':
      return msg('field.invalid_choice');
    case 'not_multiple_of':
      return msg('field.whole_number');
    case 'invalid_date':
      return msg('field.datetime');
    case 'invalid_string':
      return i.validation === 'datetime' ? msg('field.datetime') : null;
    case 'invalid_union':
    case 'unrecognized_keys':
    case 'invalid_arguments':
    case 'invalid_return_type':
    case 'invalid_intersection_types':
    case 'not_finite':
      return msg('field.invalid');
    default:
      // A custom message in English (a refine without a key): shown as written.
      return null;
  }
}

/** Field errors in the shape the newsroom app shows next to its fields. */
export function fieldErrors(issues: readonly ZodIssue[]): FieldError[] {
  return issues.map((i) => {
    const field = i.path.length ? String(i.path[0]) : 'body';
    const m = issueMessage(i);
    return m ? { field, message: m.message, key: m.key, params: m.params } : { field, message: i.message };
  });
}

export function validationFailed(issues: readonly ZodIssue[]): ValidationError {
  return new ValidationError(msg('form.invalid'), fieldErrors(issues));
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
