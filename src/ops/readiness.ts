/**
 * Readiness (/readyz): may a load balancer send this node readers? Checked on every probe:
 *
 * - database: answers `select 1` (else `down`, 503: nothing can be served);
 * - migrations: every migration this build knows is recorded (else `down`, 503: the code would
 *   query columns that do not exist). Once current it stays current (migrations are forward-only),
 *   so later probes skip the query;
 * - disk: free space under DATA_DIR at least XABAR_DISK_MIN_MB (else `degraded`: pages are still
 *   served, but uploads, the SQLite file and backups are about to fail);
 * - Redis: `degraded` when configured and lost (nodes keep serving with short cache lifetimes).
 *
 * 503 only for `down`. The answer names states and the version, never addresses or error texts
 * (docs/security.md): the details go to the log and to `xabar doctor`.
 */
import fs from 'node:fs';
import { VERSION } from './version.js';

export type CheckState = 'ok' | 'degraded' | 'down' | 'off';

export interface Readiness {
  status: 'ok' | 'degraded' | 'down';
  version: string;
  checks: {
    database: 'ok' | 'down';
    migrations: 'ok' | 'pending' | 'unknown';
    disk: 'ok' | 'low' | 'unknown';
    redis: 'ok' | 'down' | 'off';
  };
}

export interface ReadinessDeps {
  health: () => Promise<{ db: 'ok' | 'down'; redis: 'ok' | 'down' | 'off' }>;
  pendingMigrations: () => Promise<string[]>;
  dataDir: string;
  diskMinBytes: number;
  onProblem?: (what: string, detail: Record<string, unknown>) => void;
}

/** Free bytes for an unprivileged writer on the file system holding `dir` (null if unknown). */
export async function freeBytes(dir: string): Promise<number | null> {
  try {
    const s = await fs.promises.statfs(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

export function readiness(deps: ReadinessDeps): () => Promise<Readiness> {
  let migrationsCurrent = false;
  return async () => {
    const h = await deps.health();
    let migrations: Readiness['checks']['migrations'] = 'unknown';
    if (migrationsCurrent) migrations = 'ok';
    else if (h.db === 'ok') {
      try {
        const pending = await deps.pendingMigrations();
        migrations = pending.length ? 'pending' : 'ok';
        migrationsCurrent = !pending.length;
        if (pending.length) deps.onProblem?.('migrations pending', { pending });
      } catch (err) {
        deps.onProblem?.('could not read the migrations table', { err });
      }
    }
    const free = await freeBytes(deps.dataDir);
    const disk = free === null ? 'unknown' : free < deps.diskMinBytes ? 'low' : 'ok';
    if (disk === 'low') deps.onProblem?.('disk space low', { dir: deps.dataDir, freeMb: Math.floor(free! / 1048576), minMb: Math.floor(deps.diskMinBytes / 1048576) });
    const down = h.db === 'down' || migrations === 'pending';
    const degraded = h.redis === 'down' || disk === 'low';
    return { status: down ? 'down' : degraded ? 'degraded' : 'ok', version: VERSION, checks: { database: h.db, migrations, disk, redis: h.redis } };
  };
}
