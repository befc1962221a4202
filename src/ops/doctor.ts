/**
 * `xabar doctor`: what is wrong with this installation and how to fix it, without changing
 * anything (no migration, no database file created, nothing written but a probe file in the
 * media folder that is removed at once). Each check says ok, warn (works, but look) or fail
 * (the site cannot run, or part of it will not work), with the fix for anything not ok.
 * Exit code: 1 when any check fails, else 0 (docs/operations.md, "xabar doctor").
 */
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDb, type Db, type DbTarget } from '../db/connect.js';
import { migrationState } from '../db/migrate.js';
import { freeBytes } from './readiness.js';
import { VERSION } from './version.js';

export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}

export interface DoctorOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Overrides the configured database (tests use a PostgreSQL schema of their own). */
  dbTarget?: DbTarget;
}

const mb = (bytes: number) => `${Math.floor(bytes / 1048576).toLocaleString('en-US')} MB`;
const maskUrl = (url: string) => url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@').replace(/\/\/:[^@]*@/, '//***@');

export async function runDoctor(opts: DoctorOptions = {}): Promise<Check[]> {
  const checks: Check[] = [];
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  checks.push(
    major > 20 || (major === 20 && minor >= 19)
      ? { name: 'runtime', status: 'ok', detail: `Xabar ${VERSION} on Node ${process.versions.node}` }
      : { name: 'runtime', status: 'fail', detail: `Node ${process.versions.node} is too old`, fix: 'install Node 20.19 or newer (package.json "engines")' },
  );
  let config: Config;
  try {
    config = loadConfig(opts.env ?? process.env, opts.cwd ?? process.cwd());
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    checks.push({ name: 'config', status: 'fail', detail: err.problems.join('; '), fix: 'set the variables as docs/configuration.md describes; every problem is listed above' });
    return checks;
  }
  const env = opts.env ?? process.env;
  checks.push({
    name: 'config',
    status: env.SITE_URL ? 'ok' : 'warn',
    detail: `${config.database.dialect === 'sqlite' ? `SQLite at ${config.database.file}` : `PostgreSQL at ${maskUrl(config.database.url)}`}; media ${config.s3 ? `in bucket ${config.s3.bucket}` : `in ${config.mediaDir}`}; ${config.workers} worker(s); /metrics ${config.metrics ? 'on' : 'off'}${env.SITE_URL ? '' : `; SITE_URL not set, links in feeds and sitemaps say ${config.siteUrl}`}`,
    ...(env.SITE_URL ? {} : { fix: 'set SITE_URL to the public address, e.g. https://news.example.uz' }),
  });

  checks.push(...(await databaseChecks(config, opts.dbTarget)));
  checks.push(await mediaCheck(config));
  checks.push(await redisCheck(config));
  checks.push(await diskCheck(config));
  return checks;
}

async function databaseChecks(config: Config, override?: DbTarget): Promise<Check[]> {
  const target: DbTarget = override ?? (config.database.dialect === 'postgres' ? { dialect: 'postgres', url: config.database.url } : { dialect: 'sqlite', file: config.database.file });
  if (target.dialect === 'sqlite' && target.file !== ':memory:' && !fs.existsSync(target.file)) {
    // Opening it would create it: say so instead.
    const dir = path.dirname(target.file);
    const writable = canWrite(fs.existsSync(dir) ? dir : path.dirname(dir));
    return [
      writable
        ? { name: 'database', status: 'warn', detail: `no database yet at ${target.file}`, fix: 'it is created at the first start; or run `npx xabar migrate` now' }
        : { name: 'database', status: 'fail', detail: `no database at ${target.file}, and ${dir} is not writable`, fix: `make ${dir} writable for the server's user, or set DATA_DIR / DATABASE_URL` },
    ];
  }
  let db: Db;
  try {
    db = await openDb(target);
  } catch (err) {
    return [{ name: 'database', status: 'fail', detail: (err as Error).message, fix: target.dialect === 'postgres' ? 'check DATABASE_URL (user, password, host, port, database) and that PostgreSQL is running and reachable from here' : 'check DATA_DIR / DATABASE_URL and the file permissions' }];
  }
  try {
    const out: Check[] = [{ name: 'database', status: 'ok', detail: target.dialect === 'postgres' ? `PostgreSQL answers (schema ${db.schema ?? 'public'})` : `SQLite file opens (${target.file})` }];
    const m = await migrationState(db);
    if (!m.tracked) out.push({ name: 'migrations', status: 'fail', detail: 'the database has never been migrated (no xabar_migrations table)', fix: 'run `npx xabar migrate`, or start the server: it migrates at start under a lock' });
    else if (m.pending.length) out.push({ name: 'migrations', status: 'fail', detail: `${m.pending.length} not applied: ${m.pending.join(', ')}`, fix: 'run `npx xabar migrate`, or start the server: it migrates at start under a lock' });
    else if (m.unknown.length) out.push({ name: 'migrations', status: 'warn', detail: `current, and ${m.unknown.length} from a newer version: ${m.unknown.join(', ')}`, fix: 'a newer Xabar migrated this database; upgrade this node too (an older node keeps working meanwhile: docs/decisions/0017-expand-migrate-contract.md)' });
    else out.push({ name: 'migrations', status: 'ok', detail: 'current' });
    return out;
  } catch (err) {
    return [{ name: 'migrations', status: 'fail', detail: `cannot read the migrations table: ${(err as Error).message}`, fix: 'check that DATABASE_URL points at Xabar\'s database and its user may read it' }];
  } finally {
    await db.close();
  }
}

function canWrite(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function mediaCheck(config: Config): Promise<Check> {
  if (config.s3) {
    const { S3MediaStore } = await import('../media/s3-store.js');
    const s3 = new S3MediaStore(config.s3);
    try {
      await s3.check();
      return { name: 'media', status: 'ok', detail: `bucket ${config.s3.bucket} answers` };
    } catch (err) {
      return { name: 'media', status: 'fail', detail: `bucket ${config.s3.bucket}${config.s3.endpoint ? ` at ${config.s3.endpoint}` : ''}: ${(err as Error).name} ${(err as Error).message}`, fix: 'check S3_BUCKET, S3_ENDPOINT, S3_REGION and the credentials (S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY or the instance role)' };
    } finally {
      s3.close();
    }
  }
  const dir = config.mediaDir;
  if (!fs.existsSync(dir)) {
    return canWrite(fs.existsSync(path.dirname(dir)) ? path.dirname(dir) : config.dataDir)
      ? { name: 'media', status: 'ok', detail: `${dir} is created at the first upload` }
      : { name: 'media', status: 'fail', detail: `${dir} does not exist and cannot be created`, fix: `make ${path.dirname(dir)} writable for the server's user, or set DATA_DIR` };
  }
  const probe = path.join(dir, `.doctor-${process.pid}.tmp`);
  try {
    if (!fs.statSync(dir).isDirectory()) throw new Error('not a folder');
    fs.writeFileSync(probe, 'x');
    fs.rmSync(probe);
    return { name: 'media', status: 'ok', detail: `${dir} is writable` };
  } catch (err) {
    return { name: 'media', status: 'fail', detail: `${dir}: ${(err as Error).message}`, fix: `make ${dir} a folder writable by the server's user (uploads are stored there), or set DATA_DIR / S3_BUCKET` };
  }
}

async function redisCheck(config: Config): Promise<Check> {
  if (!config.redisUrl) return { name: 'redis', status: 'ok', detail: 'not configured (one node; set REDIS_URL to run several)' };
  const redis = new Redis(config.redisUrl, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  let cause: Error | null = null;
  redis.on('error', (err: Error) => (cause ??= err)); // the socket's reason (ECONNREFUSED…), reported below
  try {
    await redis.connect();
    await redis.ping();
    return { name: 'redis', status: 'ok', detail: `answers at ${maskUrl(config.redisUrl)}` };
  } catch (err) {
    return { name: 'redis', status: 'fail', detail: `cannot reach ${maskUrl(config.redisUrl)}: ${((cause as Error | null) ?? (err as Error)).message}`, fix: 'check REDIS_URL and that Redis is running; the server refuses to start without it when REDIS_URL is set' };
  } finally {
    redis.disconnect();
  }
}

async function diskCheck(config: Config): Promise<Check> {
  let dir = config.dataDir;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const free = await freeBytes(dir);
  if (free === null) return { name: 'disk', status: 'warn', detail: `cannot tell the free space under ${dir}`, fix: 'check the folder by hand (df -h)' };
  if (free < config.diskMinBytes) {
    return { name: 'disk', status: 'warn', detail: `${mb(free)} free under ${dir}, below XABAR_DISK_MIN_MB (${mb(config.diskMinBytes)}); /readyz says degraded`, fix: 'free space or grow the volume (uploads, the SQLite file and backups need it); or lower XABAR_DISK_MIN_MB' };
  }
  return { name: 'disk', status: 'ok', detail: `${mb(free)} free under ${dir}` };
}

/** The report as printed: one line per check, the fix indented under it, a summary last. */
export function formatReport(checks: Check[]): string {
  const mark = { ok: '[ok]  ', warn: '[warn]', fail: '[FAIL]' } as const;
  const width = Math.max(...checks.map((c) => c.name.length));
  const lines = [`Xabar doctor (version ${VERSION})`];
  for (const c of checks) {
    lines.push(`${mark[c.status]} ${c.name.padEnd(width)}  ${c.detail}`);
    if (c.fix && c.status !== 'ok') lines.push(`       ${' '.repeat(width)}  fix: ${c.fix}`);
  }
  const fails = checks.filter((c) => c.status === 'fail').length;
  const warns = checks.filter((c) => c.status === 'warn').length;
  lines.push(fails || warns ? `${fails} problem${fails === 1 ? '' : 's'}, ${warns} warning${warns === 1 ? '' : 's'}.` : 'All checks passed.');
  return lines.join('\n') + '\n';
}

export function exitCode(checks: Check[]): number {
  return checks.some((c) => c.status === 'fail') ? 1 : 0;
}
