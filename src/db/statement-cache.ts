/**
 * Prepared statements reused by their SQL text, for Kysely's SQLite driver. The driver calls
 * `prepare(sql)` for every query it runs; compiling the SQL is a good part of a query's cost
 * (a sixth of an uncached article render was SQLite's compiler, bench/cold-render.ts), and a page
 * runs the same few dozen texts every time. SQLite re-prepares a cached statement by itself when
 * the schema changes (sqlite3_prepare_v2), so a cached statement never runs against a stale plan.
 *
 * Bounded (least recently used out): texts that differ only by the length of an `in (?, …)` list
 * are different statements, so the set of texts is not fixed. A statement still being iterated
 * (Kysely's `stream()`) is busy and cannot run twice at once: such a text is prepared afresh.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export const STATEMENT_CACHE_SIZE = 500;

interface Preparer {
  prepare(sql: string): SqliteStatement & { readonly busy?: boolean };
  close(): void;
}

export function cachingStatements(db: Preparer, max = STATEMENT_CACHE_SIZE): SqliteDatabase & { readonly cachedStatements: number } {
  const cache = new Map<string, SqliteStatement & { readonly busy?: boolean }>();
  return {
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        // Map order is insertion order: re-inserting marks the text as the most recently used.
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const stmt = db.prepare(text);
      if (!hit) {
        cache.set(text, stmt);
        if (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
    close() {
      cache.clear();
      db.close();
    },
    get cachedStatements() {
      return cache.size;
    },
  };
}
