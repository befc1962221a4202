/**
 * Where media files live, behind one interface with two backends: the local folder (default,
 * DATA_DIR/media) and S3-compatible object storage (s3-store.ts) for several nodes.
 *
 * Keys are content-addressed paths (`ab/abcdef…-960.webp`): the bytes under a key never change
 * once written, so they may be cached for ever. Only keys of that shape are accepted, which also
 * keeps any request path from reaching outside the store.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  mp4: 'video/mp4',
  webm: 'video/webm',
};
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{16}(-\d{1,5})?\.(jpg|jpeg|png|webp|gif|avif|mp4|webm)$/;

/** True for a key this store could have written; anything else is refused before any I/O. */
export function isMediaKey(key: string): boolean {
  return KEY.test(key);
}

/** The content type is decided by our own key's extension, never by what a backend reports. */
export function contentTypeFor(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

export interface StoredInfo {
  size: number;
  /** A strong validator for the bytes under the key (quoted, as in an ETag header). */
  etag: string;
}

export interface StoredObject extends StoredInfo {
  body: Readable;
}

/** Inclusive byte positions of a part of an object (an HTTP range, RFC 9110 §14.1.2). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface MediaStore {
  /** Human-readable location for logs and errors (never a secret). */
  readonly describe: string;
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /**
   * The bytes as a stream, or null when there is no such key. With `range`, only those bytes
   * (`size` stays the whole object's size); the caller has checked the range against `head`.
   */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  head(key: string): Promise<StoredInfo | null>;
  /** Removes the key; removing a missing key is not an error. */
  remove(key: string): Promise<void>;
  /** Every stored key (for cleanup and audits), in pages the backend chooses. */
  list(): AsyncIterable<string>;
  /** Releases connections, if the backend holds any. */
  close?(): void;
}

/** Files under one folder, written atomically: to a temporary name first, then renamed. */
export class LocalMediaStore implements MediaStore {
  /** The last temporary-file sweep (start-up runs one): how many files it removed. */
  lastSweep: Promise<number> = Promise.resolve(0);

  constructor(readonly root: string) {}

  get describe(): string {
    return `folder ${this.root}`;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.resolve(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    // A crash between write and rename leaves only a `.tmp` file, never a half-written image
    // under a real key; sweepTemp() removes such leftovers.
    const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    try {
      await fsp.writeFile(tmp, data);
      await fsp.rename(tmp, target);
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  async head(key: string): Promise<StoredInfo | null> {
    const st = await fsp.stat(this.resolve(key)).catch(() => null);
    if (!st?.isFile()) return null;
    return { size: st.size, etag: `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"` };
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    const file = this.resolve(key);
    const handle = await fsp.open(file, 'r').catch(() => null);
    if (!handle) return null;
    const st = await handle.stat();
    if (!st.isFile()) {
      await handle.close();
      return null;
    }
    // The stream owns the open handle: a rename or delete meanwhile cannot change what is sent.
    const body = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    return { body, size: st.size, etag: `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"` };
  }

  async remove(key: string): Promise<void> {
    await fsp.rm(this.resolve(key), { force: true });
  }

  async *list(): AsyncIterable<string> {
    const dirs = await fsp.readdir(this.root, { withFileTypes: true }).catch(() => []);
    for (const d of dirs) {
      if (!d.isDirectory() || !/^[0-9a-f]{2}$/.test(d.name)) continue;
      for (const f of await fsp.readdir(path.join(this.root, d.name))) {
        const key = `${d.name}/${f}`;
        if (isMediaKey(key)) yield key;
      }
    }
  }

  /**
   * Removes temporary files a killed process left behind. Only files older than `minAgeMs` go,
   * so an upload another process on the same folder is writing right now is not harmed.
   */
  async sweepTemp(minAgeMs = 60 * 60_000, now = Date.now()): Promise<number> {
    let removed = 0;
    const dirs = await fsp.readdir(this.root, { withFileTypes: true }).catch(() => []);
    for (const d of dirs) {
      if (!d.isDirectory()) continue;
      const dir = path.join(this.root, d.name);
      const names = await fsp.readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        if (!name.endsWith('.tmp')) continue;
        const file = path.join(dir, name);
        const st = await fsp.stat(file).catch(() => null);
        if (st?.isFile() && now - st.mtimeMs > minAgeMs) {
          await fsp.rm(file, { force: true });
          removed++;
        }
      }
    }
    return removed;
  }

  /** Starts a sweep in the background (start-up must not wait on a large folder). */
  startSweep(onDone: (removed: number) => void, onError: (err: unknown) => void): void {
    this.lastSweep = this.sweepTemp().then(
      (n) => (onDone(n), n),
      (err) => (onError(err), 0),
    );
  }

  resolve(key: string): string {
    const p = path.resolve(this.root, key);
    if (!p.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`media key escapes the media folder: ${key}`);
    return p;
  }
}
