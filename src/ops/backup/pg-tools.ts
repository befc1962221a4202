/**
 * pg_dump and pg_restore, run as child processes. The password never appears on a command line
 * (other users of the machine can read those): it goes to the child through PGPASSWORD.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './manifest.js';

const INSTALL_HINT =
  'Install the PostgreSQL client tools of your server\'s major version or newer: Debian/Ubuntu `apt-get install postgresql-client` ' +
  '(or postgresql-client-16 from apt.postgresql.org), RHEL/Fedora `dnf install postgresql`, Alpine `apk add postgresql-client`, macOS `brew install libpq`; ' +
  'or set XABAR_PG_BIN to the folder that holds pg_dump and pg_restore.';

/** The tool's path: in XABAR_PG_BIN when given, else the first on PATH; a clear error when missing. */
export function findPgTool(name: 'pg_dump' | 'pg_restore', binDir: string | null, envPath = process.env.PATH ?? ''): string {
  const dirs = binDir ? [binDir] : envPath.split(path.delimiter).filter(Boolean);
  for (const d of dirs) {
    const file = path.join(d, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      /* next */
    }
  }
  throw new BackupError(`${name} was not found ${binDir ? `in XABAR_PG_BIN (${binDir})` : 'on PATH'}; a PostgreSQL backup needs it. ${INSTALL_HINT}`);
}

/** Connection settings for libpq tools from a postgres:// URL, the password kept out of argv. */
export function pgConnection(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { args: [`--dbname=${u.toString()}`], env };
}

export function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('error', (e) => reject(new BackupError(`${path.basename(tool)} could not start: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new BackupError(`${path.basename(tool)} failed (exit ${code}): ${err.trim().replace(/password=[^ ]+/g, 'password=***')}`));
    });
  });
}

export async function toolVersion(tool: string): Promise<string> {
  return (await run(tool, ['--version'], process.env)).trim();
}
