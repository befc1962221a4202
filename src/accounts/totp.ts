/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app reads them: SHA-1,
 * 6 digits, 30-second steps (the otpauth:// URI format of Google Authenticator's Key Uri Format).
 * A code is accepted one step either side of now (clock drift), and the step it matched is
 * returned so the caller can refuse the same step twice (RFC 6238 §5.2).
 * Recovery codes: 10 random codes of 50 bits each; being high-entropy, a SHA-256 of each is
 * enough to store (no slow hash needed), and each works once.
 */
import crypto from 'node:crypto';
import * as OTPAuth from 'otpauth';

const PERIOD = 30;
const ISSUER = 'Xabar';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secretB32: string, account: string, issuer = ISSUER): string {
  return new OTPAuth.TOTP({ issuer, label: account, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secretB32) }).toString();
}

/** The time step the code belongs to (now ± 1), or null. */
export function matchTotp(secretB32: string, code: string, now: number): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = OTPAuth.TOTP.validate({ token, secret: OTPAuth.Secret.fromBase32(secretB32), algorithm: 'SHA1', digits: 6, period: PERIOD, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** For tests and tools: the code an authenticator app shows at `now`. */
export function totpCode(secretB32: string, now: number): string {
  return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secretB32), algorithm: 'SHA1', digits: 6, period: PERIOD, timestamp: now });
}

// No 0/O, 1/I/L: codes get read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(n = 10): string[] {
  return Array.from({ length: n }, () => {
    const chars = Array.from(crypto.randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  const normal = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return crypto.createHash('sha256').update(`xabar-recovery:${normal}`).digest('hex');
}
