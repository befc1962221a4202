/**
 * Media files on local disk under DATA_DIR/media. Keys are content-addressed paths
 * (`ab/abcdef…-960.webp`), so a file never changes once written and may be cached for ever.
 * Writes go to a temporary name first and are renamed into place: a crash never leaves a
 * half-written file under a real key.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';

export class MediaStorage {
  constructor(readonly root: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.resolve(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.resolve(key), { force: true });
  }

  resolve(key: string): string {
    const p = path.resolve(this.root, key);
    if (!p.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`media key escapes the media folder: ${key}`);
    return p;
  }
}
