/**
 * Password hashing with argon2id (@node-rs/argon2: prebuilt, no node-gyp). Parameters follow
 * OWASP's password storage cheat sheet minimum for argon2id (19 MiB, t=2, p=1).
 */
import { hash, verify, type Options } from '@node-rs/argon2';
import { type ApiMessage, msg } from '../i18n/api-messages.js';

// algorithm 2 is Argon2id (a const enum in the typings, which isolatedModules cannot read).
const OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-' + Math.random());
  return dummy;
}

/** Reasons a new password is refused, or null. */
export function passwordProblem(password: string, email?: string): ApiMessage | null {
  if (password.length < MIN_PASSWORD_LENGTH) return msg('password.too_short', { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) return msg('password.too_long', { max: MAX_PASSWORD_LENGTH });
  if (email && password.toLowerCase().includes(email.split('@')[0]!.toLowerCase()) && email.split('@')[0]!.length >= 4) return msg('password.contains_email');
  if (/^(.)\1+$/.test(password)) return msg('password.repeated');
  return null;
}
