/**
 * "Visible to readers", defined once: status published — or scheduled, once its time has come
 * (the publish_scheduled job flips the status later, but readers never wait for it) — with
 * published_at ≤ now and any embargo passed. `visibleAt` is the SQL condition (both dialects),
 * `isVisible` the same rule for a row already in memory; keep the two together.
 */
import { sql, type RawBuilder } from 'kysely';
import type { EditionStatus } from '../db/schema.js';

export const VISIBLE_STATUSES = ['published', 'scheduled'] as const satisfies readonly EditionStatus[];

/** The condition on the editions table under `alias` (default `e`): `.where(visibleAt(now))`. */
export function visibleAt(now: number, alias = 'e'): RawBuilder<boolean> {
  const c = (col: string) => sql.ref(`${alias}.${col}`);
  return sql<boolean>`(${c('status')} in (${sql.join(VISIBLE_STATUSES.map((s) => sql.lit(s)))}) and ${c('published_at')} <= ${now} and (${c('embargo_until')} is null or ${c('embargo_until')} <= ${now}))`;
}

export function isVisible(e: { status: EditionStatus; published_at: number | null; embargo_until: number | null }, now: number): boolean {
  return (VISIBLE_STATUSES as readonly string[]).includes(e.status) && e.published_at !== null && e.published_at <= now && (e.embargo_until === null || e.embargo_until <= now);
}
