/** Validates request input with zod and turns its issues into a 422 listing each field. */
import type { ZodType, ZodTypeDef } from 'zod';
import { ValidationError } from '../errors.js';

export function parse<T>(schema: ZodType<T, ZodTypeDef, unknown>, data: unknown): T {
  const r = schema.safeParse(data ?? {});
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({
    field: i.path.length ? String(i.path[0]) : 'body',
    message: i.code === 'invalid_type' && i.received === 'undefined' ? 'This field is required.' : i.message,
  }));
  throw new ValidationError('Please correct the highlighted fields.', fields);
}

/** Route id parameter: a positive integer, else 404 (an id that cannot exist is simply not found). */
export function idParam(params: unknown, name = 'id'): number {
  const raw = (params as Record<string, string>)[name] ?? '';
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : -1;
}
