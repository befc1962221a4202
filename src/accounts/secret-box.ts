/**
 * Encrypts small secrets at rest (two-factor TOTP secrets) with AES-256-GCM: a fresh 96-bit IV
 * per value, the 128-bit tag checked on every read, and the owner (e.g. `totp:42`) as associated
 * data, so a value copied onto another user's row does not decrypt. Stored as `v1.<base64url>`.
 *
 * The key is XABAR_SECRET_KEY (32 bytes, hex or base64). Without it a random key is generated
 * once into DATA_DIR/secret.key (mode 0600) and a warning is logged: a single node keeps working,
 * but several nodes must share one XABAR_SECRET_KEY, and a database copy without the key file
 * does not reveal the secrets.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
  }

  seal(plain: string, owner: string): string {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(owner));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v1.${Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64url')}`;
  }

  /** The plain text, or null when the value was tampered with, moved, or sealed under another key. */
  open(sealed: string, owner: string): string | null {
    if (!sealed.startsWith('v1.')) return null;
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    if (raw.length < 29) return null;
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      d.setAAD(Buffer.from(owner));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

/** Parses XABAR_SECRET_KEY (64 hex digits or base64 of 32 bytes); null when it is not one. */
export function parseSecretKey(v: string): Buffer | null {
  const t = v.trim();
  if (/^[0-9a-f]{64}$/i.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t, 'base64');
    return b.length === 32 ? b : null;
  }
  return null;
}

/**
 * The key from DATA_DIR/secret.key, created (0600) when missing. `wx` makes two processes
 * starting at once agree: the loser of the create reads the winner's key.
 */
export function keyFromDataDir(dataDir: string, warn: (msg: string) => void): Buffer {
  const file = path.join(dataDir, 'secret.key');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    warn(`XABAR_SECRET_KEY is not set: generated ${file} (mode 0600) to encrypt two-factor secrets. Back it up with the database; with several nodes set XABAR_SECRET_KEY instead.`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = parseSecretKey(fs.readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a 32-byte hex key; restore it from backup or set XABAR_SECRET_KEY.`);
  return key;
}
