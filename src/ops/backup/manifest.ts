/**
 * A backup's manifest: what it holds and how to check it. Written last (to a temporary name, then
 * renamed), so a folder with a manifest is a finished backup; `restore` trusts nothing else in
 * the folder before the manifest's checksums say so.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'xabar-backup';

const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const MediaFile = z.object({ key: z.string(), bytes: z.number().int().nonnegative(), sha256: Sha });

export const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  app: z.object({ version: z.string() }),
  /** The newest migration applied in the snapshot, and all of them (restore migrates forward from there). */
  schemaVersion: z.string(),
  migrations: z.array(z.string()),
  database: z.discriminatedUnion('dialect', [
    z.object({ dialect: z.literal('sqlite'), file: z.literal('db.sqlite'), bytes: z.number().int(), sha256: Sha }),
    z.object({ dialect: z.literal('postgres'), file: z.literal('db.pgdump'), bytes: z.number().int(), sha256: Sha, schema: z.string(), tool: z.string() }),
  ]),
  /**
   * DATA_DIR/secret.key, which seals two-factor seeds, bot tokens and webhook secrets; null when
   * the site takes XABAR_SECRET_KEY from its environment (the operator carries that over).
   */
  secretKey: z.object({ file: z.literal('secret.key'), bytes: z.number().int(), sha256: Sha }).nullable(),
  /** Rows per table in the snapshot, plus `views_total` (the sum of every edition's count). */
  counts: z.record(z.string(), z.number()),
  media: z.object({
    source: z.string(),
    files: z.array(MediaFile),
    bytes: z.number(),
    /** Files written by this backup; the others are hard links to the previous one. */
    copied: z.number(),
    linked: z.number(),
    /** Keys the snapshot names that the store did not have (deleted meanwhile, or lost before). */
    missing: z.array(z.string()),
  }),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type MediaEntry = z.infer<typeof MediaFile>;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    throw new BackupError(`${dir} is not a finished Xabar backup: it has no ${MANIFEST} (a backup interrupted before its end has none).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError(`${path.join(dir, MANIFEST)} is not valid JSON: the backup is damaged.`);
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError(`${path.join(dir, MANIFEST)} is not a manifest this version understands: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  // Keys become paths under the backup folder: only the media store's own shape is accepted.
  const bad = parsed.data.media.files.find((f) => !/^[0-9a-f]{2}\/[0-9a-f]{16}(-\d{1,5})?\.[a-z0-9]{2,5}$/.test(f.key));
  if (bad) throw new BackupError(`${path.join(dir, MANIFEST)} names a media file that is not a media key: ${bad.key}`);
  return parsed.data;
}

export async function writeManifest(dir: string, m: Manifest): Promise<void> {
  const tmp = path.join(dir, `${MANIFEST}.tmp`);
  await fsp.writeFile(tmp, JSON.stringify(m, null, 1));
  await fsp.rename(tmp, path.join(dir, MANIFEST));
}

/** SHA-256 and size of a file, streamed. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const h = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    h.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: h.digest('hex'), bytes };
}

/** The running version, from package.json (two folders above this one in src/ and dist/ alike). */
export function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function mediaPath(backupDir: string, key: string): string {
  return path.join(backupDir, 'media', ...key.split('/'));
}
