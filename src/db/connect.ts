/**
 * Opens the database for the configured dialect and checks that it answers, turning the usual
 * operator mistakes (unreachable server, unwritable directory) into one clear StartupError line.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.js';
import { StartupError } from '../errors.js';
import { cachingStatements } from './statement-cache.js';
import { OwnSchemaPostgresDialect } from './own-schema-introspector.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  /** PostgreSQL: the schema our tables live in (the connection's current_schema). */
  readonly schema?: string;
  /** PostgreSQL pool use for /metrics (open, idle, waiting); absent on SQLite's one connection. */
  readonly poolStats?: () => { total: number; idle: number; waiting: number };
  /** SQLite: the database file (migrate.ts takes its cross-process lock beside it). */
  readonly file?: string;
  close(): Promise<void>;
}

export type DbTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; schema?: string };

export async function openDb(target: DbTarget): Promise<Db> {
  return target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url, target.schema);
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') {
    const dir = path.dirname(file);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      throw new StartupError(`Cannot write to the data directory ${dir}: make it writable or set DATA_DIR to a writable folder.`);
    }
  }
  let database: SQLite.Database;
  try {
    database = new SQLite(file);
  } catch (err) {
    throw new StartupError(`Cannot open the SQLite database ${file}: ${(err as Error).message}. Check the file and DATA_DIR.`);
  }
  // WAL lets readers proceed while the view flusher writes; NORMAL sync is durable across
  // process crashes in WAL mode and much cheaper than FULL.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(database) }) });
  return { kysely, dialect: 'sqlite', file, close: () => kysely.destroy() };
}

async function openPostgres(url: string, schema?: string): Promise<Db> {
  // int8 (OID 20) holds our epoch-millisecond times and counts; they fit a double exactly,
  // so parse them to numbers on this pool only (not globally) to match SQLite's rows.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => {
    /* idle client errors are reported by the next query; keep the process alive */
  });
  const kysely = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  let current: string;
  try {
    current = (await sql<{ s: string }>`select current_schema() as s`.execute(kysely)).rows[0]?.s ?? 'public';
  } catch (err) {
    await kysely.destroy().catch(() => undefined);
    const safeUrl = url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@');
    throw new StartupError(`Cannot connect to PostgreSQL at ${safeUrl}: ${(err as Error).message}. Check DATABASE_URL and that the server is running.`);
  }
  return {
    kysely,
    dialect: 'postgres',
    schema: current,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => kysely.destroy(),
  };
}
