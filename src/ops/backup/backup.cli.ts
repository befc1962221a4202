/**
 * `xabar backup [--to DIR]` and `xabar restore DIR [--force]`: argument checks, progress bars
 * and the summary an operator reads. The work is in backup.ts and restore.ts.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import type { Config } from '../../config.js';
import { openDb } from '../../db/connect.js';
import { progressBar, type Progress } from '../../cli/progress.js';
import { createBackup, type SourceDatabase } from './backup.js';
import { BackupError } from './manifest.js';
import { restoreBackup } from './restore.js';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const CONSOLE: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** One bar per phase, each finished when the next starts. */
function phases(labels: Record<string, string>) {
  let current: { phase: string; bar: Progress; total: number } | null = null;
  return {
    update(phase: string, done: number, total: number) {
      if (current?.phase !== phase || current.total !== total) {
        current?.bar.finish();
        current = { phase, bar: progressBar(labels[phase] ?? phase, total), total };
      }
      current.bar.update(done);
    },
    end() {
      current?.bar.finish();
      current = null;
    },
  };
}

/** DATA_DIR/secret.key unless the key comes from XABAR_SECRET_KEY. */
export function secretKeyFile(config: Config): string | null {
  return config.secretKey ? null : path.join(config.dataDir, 'secret.key');
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The configured database with its PostgreSQL schema: the connection's current_schema, or, when
 * that schema does not exist yet (a restore into a new one), the first one its search_path names.
 */
async function configuredDatabase(config: Config): Promise<SourceDatabase> {
  if (config.database.dialect === 'sqlite') return { dialect: 'sqlite', file: config.database.file };
  const db = await openDb({ dialect: 'postgres', url: config.database.url });
  try {
    const r = await sql<{ current: string | null; path: string }>`select current_schema() as current, current_setting('search_path') as path`.execute(db.kysely);
    const row = r.rows[0]!;
    const first = row.path.split(',').map((x) => x.trim().replace(/^"(.*)"$/, '$1')).find((x) => x && x !== '$user');
    return { dialect: 'postgres', url: config.database.url, schema: row.current ?? first ?? 'public' };
  } finally {
    await db.close();
  }
}

async function mediaStore(config: Config) {
  const { openMediaStore } = await import('../../container.js');
  return openMediaStore(config, pino({ level: 'silent' }));
}

export async function backupCommand(args: string[], config: Config, io: CliIo = CONSOLE): Promise<number> {
  let values: { to?: string };
  try {
    ({ values } = parseArgs({ args, options: { to: { type: 'string' } }, strict: true }));
  } catch (err) {
    io.err(`xabar backup: ${(err as Error).message}\nusage: xabar backup [--to DIR]`);
    return 2;
  }
  if (values.to === '') {
    io.err('xabar backup: --to needs a folder, e.g. --to /var/backups/xabar');
    return 2;
  }
  const to = values.to ? path.resolve(values.to) : config.backup.dir;
  const store = await mediaStore(config);
  const bars = phases({ database: 'Database', media: 'Media files' });
  try {
    const r = await createBackup({ database: await configuredDatabase(config), store, pgBin: config.backup.pgBin, secretKeyFile: secretKeyFile(config) }, { to, progress: (p, d, t) => bars.update(p, d, t) });
    bars.end();
    const m = r.manifest;
    io.out(`Backup written: ${r.dir}`);
    io.out(`  ${m.counts.stories ?? 0} stories, ${m.counts.editions ?? 0} editions, ${m.counts.revisions ?? 0} revisions, ${m.media.files.length} media files, ${m.counts.views_total ?? 0} views; schema ${m.schemaVersion}`);
    io.out(`  ${mb(r.bytes)} in all; ${mb(r.newBytes)} written now (${m.media.copied} media files copied, ${m.media.linked} linked from the previous backup)`);
    if (m.media.missing.length) {
      io.err(`Warning: ${m.media.missing.length} media files the database names were not in the store (${store.describe}): ${m.media.missing.slice(0, 5).join(', ')}${m.media.missing.length > 5 ? ', …' : ''}`);
      return 1;
    }
    return 0;
  } catch (err) {
    bars.end();
    if (err instanceof BackupError) {
      io.err(`xabar backup: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    store.close?.();
  }
}

export async function restoreCommand(args: string[], config: Config, io: CliIo = CONSOLE): Promise<number> {
  let values: { force?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true }));
  } catch (err) {
    io.err(`xabar restore: ${(err as Error).message}\nusage: xabar restore DIR [--force]`);
    return 2;
  }
  if (positionals.length !== 1) {
    io.err('xabar restore: give one backup folder, e.g. xabar restore /var/backups/xabar/xabar-20261206-031500Z (stop the site first)');
    return 2;
  }
  const dir = path.resolve(positionals[0]!);
  const store = await mediaStore(config);
  const bars = phases({ verify: 'Checking checksums', database: 'Database', media: 'Media files' });
  try {
    const database = await configuredDatabase(config);
    const r = await restoreBackup(dir, { database, store, pgBin: config.backup.pgBin, secretKeyFile: secretKeyFile(config) }, { force: values.force === true, progress: (p, d, t) => bars.update(p, d, t) });
    bars.end();
    const m = r.manifest;
    io.out(`Restored ${dir}`);
    io.out(`  made ${m.createdAt} by Xabar ${m.app.version}, schema ${m.schemaVersion}`);
    io.out(`  into ${database.dialect === 'sqlite' ? database.file : `PostgreSQL schema ${database.schema}`} and ${store.describe}`);
    io.out(`  ${r.counts.stories ?? 0} stories, ${r.counts.editions ?? 0} editions, ${r.counts.revisions ?? 0} revisions, ${r.counts.users ?? 0} users, ${r.counts.media ?? 0} images, ${r.mediaFiles} media files (${mb(r.mediaBytes)}), ${r.counts.views_total ?? 0} views`);
    io.out(
      {
        restored: '  secret.key restored into DATA_DIR (it unseals two-factor seeds, bot tokens and webhook secrets)',
        same: '  secret.key: the same key was already in place',
        environment: '  secret.key not restored: XABAR_SECRET_KEY is set — it must be the backed-up site\'s key (or sealed secrets cannot be read)',
        none: '  the backed-up site used XABAR_SECRET_KEY: set the same value here, or two-factor seeds, bot tokens and webhook secrets cannot be read',
      }[r.secretKey],
    );
    io.out(r.migrated.length ? `  migrated forward: ${r.migrated.join(', ')}` : '  no migrations needed: the backup is of this version\'s schema');
    if (r.mismatches.length) {
      io.err(`Warning: restored counts differ from the manifest's: ${r.mismatches.join('; ')}`);
      return 1;
    }
    return 0;
  } catch (err) {
    bars.end();
    if (err instanceof BackupError) {
      io.err(`xabar restore: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    store.close?.();
  }
}
