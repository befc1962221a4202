/**
 * `xabar backup`: one folder per backup under a backups folder —
 *
 *   <to>/xabar-20261206-031500Z/
 *     manifest.json      version, schema version, counts, checksums (written last)
 *     db.sqlite | db.pgdump
 *     media/ab/<key>     the media files the snapshot's rows name
 *
 * Media are incremental: a key is content-addressed (its bytes never change), so a file the
 * previous backup in the same folder already holds is hard-linked from it instead of copied
 * again. Every backup folder is still complete on its own (restore needs only it; deleting an
 * old one frees only what no other backup links). The folder is built as `<name>.partial` and
 * renamed when the manifest is in, so a crash never leaves something that looks finished.
 *
 * Consistency: the database is copied first, then exactly the media keys that copy names; an
 * upload after the snapshot is not in it and not needed by it. A key deleted from the store in
 * between is listed as missing in the manifest (and reported), never silently dropped.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { MediaStore } from '../../media/storage.js';
import { backupPostgres, backupSqlite, type SnapshotFacts } from './database.js';
import { appVersion, BackupError, FORMAT, hashFile, MANIFEST, mediaPath, readManifest, writeManifest, type Manifest, type MediaEntry } from './manifest.js';

export type SourceDatabase = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; schema: string };

export interface BackupSource {
  database: SourceDatabase;
  store: MediaStore;
  /** Folder of pg_dump/pg_restore (XABAR_PG_BIN); null: PATH. */
  pgBin?: string | null;
  /** DATA_DIR/secret.key when the site uses it (no XABAR_SECRET_KEY): it goes into the backup. */
  secretKeyFile?: string | null;
}

export type BackupPhase = 'database' | 'media';

export interface BackupOptions {
  to: string;
  clock?: () => number;
  progress?: (phase: BackupPhase, done: number, total: number) => void;
  /** Called now and then while the backup works (the scheduled run renews its heartbeat). */
  heartbeat?: () => Promise<void>;
}

export interface BackupResult {
  dir: string;
  name: string;
  manifest: Manifest;
  /** Everything the backup holds, and what this run wrote (the rest are links to the previous one). */
  bytes: number;
  newBytes: number;
}

const COPIERS = 4;

export async function createBackup(src: BackupSource, opts: BackupOptions): Promise<BackupResult> {
  const clock = opts.clock ?? Date.now;
  const to = path.resolve(opts.to);
  try {
    await fsp.mkdir(to, { recursive: true });
    await fsp.access(to, fs.constants.W_OK);
  } catch {
    throw new BackupError(`Cannot write to the backup folder ${to}: create it and make it writable, or choose another with --to (XABAR_BACKUP_DIR for scheduled backups).`);
  }
  const started = clock();
  const name = await freeName(to, started);
  const work = path.join(to, `${name}.partial`);
  // A backup holds password hashes and sealed secrets (and maybe the key): for the owner only.
  await fsp.mkdir(work, { mode: 0o700 });
  await fsp.mkdir(path.join(work, 'media'));
  try {
    const previous = await latestBackup(to);
    let facts: SnapshotFacts;
    let database: Manifest['database'];
    if (src.database.dialect === 'sqlite') {
      const file = path.join(work, 'db.sqlite');
      facts = await backupSqlite(src.database.file, file, (d, t) => opts.progress?.('database', d, t));
      database = { dialect: 'sqlite', file: 'db.sqlite', ...(await hashFile(file)) };
    } else {
      opts.progress?.('database', 0, 1); // pg_dump tells nothing until it is done
      const file = path.join(work, 'db.pgdump');
      const r = await backupPostgres(src.database.url, src.database.schema, file, src.pgBin ?? null);
      facts = r;
      database = { dialect: 'postgres', file: 'db.pgdump', ...(await hashFile(file)), schema: src.database.schema, tool: r.tool };
    }
    if (database.dialect === 'postgres') opts.progress?.('database', 1, 1);
    await opts.heartbeat?.();
    let secretKey: Manifest['secretKey'] = null;
    if (src.secretKeyFile && fs.existsSync(src.secretKeyFile)) {
      await fsp.copyFile(src.secretKeyFile, path.join(work, 'secret.key'));
      await fsp.chmod(path.join(work, 'secret.key'), 0o600);
      secretKey = { file: 'secret.key', ...(await hashFile(path.join(work, 'secret.key'))) };
    }

    const media = await copyMedia(src.store, facts.mediaKeys, work, previous, opts);
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: 1,
      createdAt: new Date(started).toISOString(),
      app: { version: appVersion() },
      schemaVersion: facts.migrations.at(-1) ?? '',
      migrations: facts.migrations,
      database,
      secretKey,
      counts: facts.counts,
      media: { source: src.store.describe, ...media.summary },
    };
    await writeManifest(work, manifest);
    const dir = path.join(to, name);
    await fsp.rename(work, dir);
    return { dir, name, manifest, bytes: database.bytes + media.summary.bytes, newBytes: database.bytes + media.newBytes };
  } catch (err) {
    await fsp.rm(work, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}

/** `xabar-YYYYMMDD-HHMMSSZ`, with `-2`, `-3`… if two backups start in the same second. */
async function freeName(to: string, at: number): Promise<string> {
  const base = `xabar-${new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\.\d+Z$/, 'Z')}`;
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    const taken = await Promise.all([fsp.access(path.join(to, name)).then(() => true, () => false), fsp.access(path.join(to, `${name}.partial`)).then(() => true, () => false)]);
    if (!taken.some(Boolean)) return name;
  }
}

export interface BackupListing {
  name: string;
  dir: string;
  manifest: Manifest;
  bytes: number;
}

/** Finished backups in a folder, newest first (unreadable folders are skipped). */
export async function listBackups(to: string): Promise<BackupListing[]> {
  const entries = await fsp.readdir(to, { withFileTypes: true }).catch(() => []);
  const out: BackupListing[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || !/^xabar-\d{8}-\d{6}Z(-\d+)?$/.test(e.name)) continue;
    const dir = path.join(to, e.name);
    const manifest = await readManifest(dir).catch(() => null);
    if (manifest) out.push({ name: e.name, dir, manifest, bytes: manifest.database.bytes + manifest.media.bytes });
  }
  return out.sort((a, b) => (a.manifest.createdAt === b.manifest.createdAt ? b.name.localeCompare(a.name) : b.manifest.createdAt.localeCompare(a.manifest.createdAt)));
}

async function latestBackup(to: string): Promise<BackupListing | null> {
  return (await listBackups(to))[0] ?? null;
}

/**
 * Keeps the newest `keep` finished backups and removes the rest, and `.partial` folders a crashed
 * run left more than a day ago (a younger one may be a backup running right now).
 */
export async function pruneBackups(to: string, keep: number, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const b of (await listBackups(to)).slice(Math.max(1, keep))) {
    await fsp.rm(b.dir, { recursive: true, force: true });
    removed.push(b.name);
  }
  for (const e of await fsp.readdir(to, { withFileTypes: true }).catch(() => [])) {
    if (!e.isDirectory() || !e.name.endsWith('.partial')) continue;
    const st = await fsp.stat(path.join(to, e.name)).catch(() => null);
    if (st && now - st.mtimeMs > 24 * 3600_000) await fsp.rm(path.join(to, e.name), { recursive: true, force: true });
  }
  return removed;
}

async function copyMedia(store: MediaStore, keys: string[], work: string, previous: BackupListing | null, opts: BackupOptions) {
  const known = new Map((previous?.manifest.media.files ?? []).map((f) => [f.key, f]));
  const files: MediaEntry[] = [];
  const missing: string[] = [];
  let copied = 0;
  let linked = 0;
  let newBytes = 0;
  let done = 0;
  let lastBeat = Date.now();
  opts.progress?.('media', 0, keys.length);
  const queue = keys.slice();
  const worker = async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const target = mediaPath(work, key);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      const prev = known.get(key);
      if (prev && (await linkOrCopy(mediaPath(previous!.dir, key), target))) {
        files.push(prev);
        linked++;
      } else {
        const got = await fetchTo(store, key, target);
        if (got) {
          files.push({ key, ...got });
          copied++;
          newBytes += got.bytes;
        } else missing.push(key);
      }
      opts.progress?.('media', ++done, keys.length);
      if (opts.heartbeat && Date.now() - lastBeat > 15_000) {
        lastBeat = Date.now();
        await opts.heartbeat();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(COPIERS, Math.max(1, keys.length)) }, worker));
  files.sort((a, b) => a.key.localeCompare(b.key));
  missing.sort();
  return { summary: { files, bytes: files.reduce((s, f) => s + f.bytes, 0), copied, linked, missing }, newBytes };
}

/** A hard link to the previous backup's copy; a plain copy where links are not possible (another filesystem). */
async function linkOrCopy(from: string, to: string): Promise<boolean> {
  try {
    await fsp.link(from, to);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false; // the previous copy is gone: fetch from the store
    try {
      await fsp.copyFile(from, to);
      return true;
    } catch {
      return false;
    }
  }
}

/** Streams one object from the store to a file, hashing on the way; null when the store has no such key. */
async function fetchTo(store: MediaStore, key: string, target: string): Promise<{ bytes: number; sha256: string } | null> {
  const obj = await store.get(key);
  if (!obj) return null;
  const tmp = `${target}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const h = crypto.createHash('sha256');
  let bytes = 0;
  const out = fs.createWriteStream(tmp);
  try {
    for await (const chunk of obj.body) {
      const b = Buffer.from(chunk as Buffer);
      h.update(b);
      bytes += b.length;
      if (!out.write(b)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await fsp.rename(tmp, target);
  } catch (err) {
    out.destroy();
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  return { bytes, sha256: h.digest('hex') };
}

export { MANIFEST, BackupError };
