/** What the schema already has, for migrations that must be re-runnable on both dialects. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on an untyped handle
export async function hasColumn(db: Kysely<any>, dialect: 'sqlite' | 'postgres', table: string, column: string): Promise<boolean> {
  if (dialect === 'postgres') {
    const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(db);
    return Number(r.rows[0]?.n ?? 0) > 0;
  }
  const r = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return r.rows.some((c) => c.name === column);
}
