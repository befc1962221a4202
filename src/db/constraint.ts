/**
 * Recognises a database's unique-constraint violation in either dialect, so a race that two
 * requests lose at the constraint becomes a 409 (one place: src/http/error-handler.ts), never a 500.
 * SQLite (better-sqlite3) sets `code` to SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY;
 * PostgreSQL sets SQLSTATE 23505 (https://www.postgresql.org/docs/current/errcodes-appendix.html).
 */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The constraint or index a unique violation names, when the driver says (PostgreSQL does). */
export function violatedConstraint(err: unknown): string | null {
  const c = (err as { constraint?: unknown } | null)?.constraint;
  return typeof c === 'string' ? c : null;
}

/** A reference to a row that does not exist: PostgreSQL SQLSTATE 23503; better-sqlite3's extended code. */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Two transactions that waited on each other (PostgreSQL 40P01, deadlock detected: one is rolled
 * back) or a serialization failure (40001): nothing was written, and the same request again
 * succeeds — a 409 the editor can act on (src/http/error-handler.ts), never a 500.
 */
export function isTransactionConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}
