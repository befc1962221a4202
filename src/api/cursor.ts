/**
 * Opaque keyset cursors for the public API. A cursor carries the sort key of the last item of a
 * page (published_at + id for stories, the id for tags and authors) and a short hash of the
 * query it belongs to (the resource and every filter), so a cursor taken from one list and
 * reused with other filters is refused (400) instead of silently skipping or repeating items.
 * It is not secret — only the filters' fingerprint is checked — because it grants nothing a
 * client could not ask for directly.
 */
import crypto from 'node:crypto';
import { BadRequestError } from '../errors.js';
import { msg } from '../i18n/api-messages.js';
import { INT32_MAX } from '../http/validate.js';

/** A fingerprint of the query a cursor belongs to: resource name and filters, in a fixed order. */
export function queryFingerprint(resource: string, filters: Record<string, string | number | undefined>): string {
  const canonical = JSON.stringify([resource, ...Object.keys(filters).sort().map((k) => [k, filters[k] ?? null])]);
  return crypto.createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

export function encodeCursor(fingerprint: string, key: readonly number[]): string {
  return Buffer.from(JSON.stringify([fingerprint, ...key])).toString('base64url');
}

const badCursor = () => new BadRequestError(msg('api.bad_cursor'));

/** The numbers of a cursor of this query; a malformed cursor or one of another query is a 400. */
function decode(cursor: string, fingerprint: string, size: number): number[] {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(v) || v.length !== size + 1 || v[0] !== fingerprint) throw badCursor();
  const key = v.slice(1) as unknown[];
  if (!key.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) throw badCursor();
  return key as number[];
}

/** A stories cursor: the published_at (epoch ms) and edition id of the last item given. */
export function decodeTimeCursor(cursor: string, fingerprint: string): { at: number; id: number } {
  const [at, id] = decode(cursor, fingerprint, 2) as [number, number];
  if (id < 1 || id > INT32_MAX) throw badCursor();
  return { at, id };
}

/** A terms cursor: the id of the last item given. */
export function decodeIdCursor(cursor: string, fingerprint: string): number {
  const [id] = decode(cursor, fingerprint, 1) as [number];
  if (id < 1 || id > INT32_MAX) throw badCursor();
  return id;
}
