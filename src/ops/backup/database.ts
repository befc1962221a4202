/**
 * A consistent copy of the database while the site keeps writing, and what that copy contains
 * (row counts, migrations, the media keys it names) — read from the copy itself, or from the very
 * snapshot pg_dump used, so the manifest describes exactly the rows in the backup.
 *
 * SQLite: the online backup API (https://sqlite.org/backup.html) from a connection of our own;
 * never a file copy of a database in use. PostgreSQL: a REPEATABLE READ transaction exports its
 * snapshot (pg_export_snapshot) and pg_dump --snapshot dumps that same snapshot, while the
 * transaction counts rows in it.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { BackupError } from './manifest.js';
import { findPgTool, pgConnection, run, toolVersion } from './pg-tools.js';

export interface SnapshotFacts {
  counts: Record<string, number>;
  migrations: string[];
  mediaKeys: string[];
}

const MEDIA_KEYS = 'select storage_key as k from media union select storage_key from media_variants union select storage_key from videos';
const VIEWS_TOTAL = 'select coalesce(sum(views_total), 0) as n from editions';

/** Pages copied per step: small enough for the progress bar to move, large enough to finish before many writes land. */
const STEP_PAGES = 4096;

export async function backupSqlite(source: string, dest: string, progress?: (done: number, total: number) => void): Promise<SnapshotFacts> {
  let src: SQLite.Database;
  try {
    src = new SQLite(source, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupError(`Cannot open the SQLite database ${source}: ${(err as Error).message}`);
  }
  try {
    src.pragma('busy_timeout = 5000');
    let lastRemaining = Infinity;
    let restarts = 0;
    await src.backup(dest, {
      progress: ({ totalPages, remainingPages }) => {
        progress?.(totalPages - remainingPages, totalPages);
        // A write by another connection restarts the copy. On a busy site, after a few restarts
        // copy the rest in one step: one read transaction, which in WAL mode blocks no writer.
        if (remainingPages > lastRemaining) restarts++;
        lastRemaining = remainingPages;
        return restarts >= 3 ? 0x7fffffff : STEP_PAGES;
      },
    });
  } finally {
    src.close();
  }
  const copy = new SQLite(dest, { readonly: true });
  try {
    const tables = (copy.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((r) => r.name);
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = (copy.prepare(`select count(*) as n from "${t.replace(/"/g, '""')}"`).get() as { n: number }).n;
    counts.views_total = (copy.prepare(VIEWS_TOTAL).get() as { n: number }).n;
    const migrations = (copy.prepare('select name from xabar_migrations order by name').all() as { name: string }[]).map((r) => r.name);
    const mediaKeys = (copy.prepare(MEDIA_KEYS).all() as { k: string }[]).map((r) => r.k).sort();
    return { counts, migrations, mediaKeys };
  } finally {
    copy.close();
  }
}

export async function backupPostgres(url: string, schema: string, dest: string, pgBin: string | null): Promise<SnapshotFacts & { tool: string }> {
  const pgDump = findPgTool('pg_dump', pgBin);
  const tool = await toolVersion(pgDump);
  const client = new pg.Client({ connectionString: url, types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) } });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snap = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
    const conn = pgConnection(url);
    // The dump and the counts below read the same snapshot; the transaction must stay open until
    // pg_dump has taken it, so both run side by side and the transaction ends after both.
    const dump = run(pgDump, [...conn.args, `--snapshot=${snap}`, `--schema=${schema}`, '--format=custom', '--no-owner', '--no-privileges', `--file=${dest}`], conn.env);
    const q = (name: string) => `${ident(schema)}.${ident(name)}`;
    const facts = (async (): Promise<SnapshotFacts> => {
      const tables = (await client.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by table_name", [schema])).rows.map((r) => r.t);
      const counts: Record<string, number> = {};
      for (const t of tables) counts[t] = Number((await client.query<{ n: string }>(`select count(*) as n from ${q(t)}`)).rows[0]!.n);
      await client.query(`set local search_path to ${ident(schema)}`);
      counts.views_total = Number((await client.query<{ n: string }>(VIEWS_TOTAL)).rows[0]!.n);
      const migrations = (await client.query<{ name: string }>('select name from xabar_migrations order by name')).rows.map((r) => r.name);
      const mediaKeys = (await client.query<{ k: string }>(MEDIA_KEYS)).rows.map((r) => r.k).sort();
      return { counts, migrations, mediaKeys };
    })();
    // Both settle before the transaction ends: pg_dump must never be left running on its own.
    const [d, f] = await Promise.allSettled([dump, facts]);
    if (d.status === 'rejected') throw d.reason;
    if (f.status === 'rejected') throw f.reason;
    await client.query('commit');
    return { ...f.value, tool };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
