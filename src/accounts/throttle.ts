/**
 * Attempt budgets for sign-in and second-factor checks (OWASP Authentication Cheat Sheet,
 * "Account lockout"). An attempt is RESERVED on every key before the expensive or secret check
 * runs, with one atomic statement per key, so parallel requests cannot overspend a budget; a
 * request refused by one key gives back what it took from the others, and a success gives its
 * attempt back, so only failures use a budget up. Windows are fixed: the refusal says when the
 * current one ends.
 */
import { RateLimitedError } from '../errors.js';
import type { AccountsRepository } from './accounts.repository.js';
import { msg } from '../i18n/api-messages.js';

export interface ThrottleRule {
  key: string;
  limit: number;
}

export const WINDOW_MS = 15 * 60_000;

/**
 * Sign-in limits per 15 minutes: 5 failures per account-and-address pair (an attacker locks only
 * themselves), 20 per address over all accounts, and 50 per account over all addresses — the
 * ceiling against distributed guessing, which a known address of the user skips.
 */
export const LIMITS = { pair: 5, address: 20, account: 50, secondFactor: 5 };

export interface Reservation {
  /** True when this attempt used the last one a key allowed (a failure now locks it). */
  readonly exhausted: boolean;
  /** Milliseconds until the latest-ending window among the exhausted keys ends. */
  readonly retryAfterMs: number;
  /** Gives the attempt back on some keys (all when none are named). */
  release(keys?: string[]): Promise<void>;
}

export function lockedError(ms: number, what: 'sign-ins' | 'code attempts' = 'sign-ins'): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new RateLimitedError(msg(what === 'sign-ins' ? 'account.locked' : 'account.codes_locked', { minutes }), seconds);
}

export class AttemptThrottle {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly clock: () => number,
  ) {}

  /** Reserves one attempt on every rule in order; throws 429 (after giving back) when any is spent. */
  async reserve(rules: ThrottleRule[], what?: 'sign-ins' | 'code attempts'): Promise<Reservation> {
    const now = this.clock();
    const held: { key: string; windowStart: number; last: boolean }[] = [];
    const giveBack = async (keys?: string[]) => {
      for (const h of held) if (!keys || keys.includes(h.key)) await this.repo.releaseAttempt(h.key, h.windowStart);
    };
    for (const rule of rules) {
      const r = await this.repo.reserveAttempt(rule.key, now, WINDOW_MS);
      if (r.failures > rule.limit) {
        await this.repo.releaseAttempt(rule.key, r.window_start);
        await giveBack();
        throw lockedError(r.window_start + WINDOW_MS - now, what);
      }
      held.push({ key: rule.key, windowStart: r.window_start, last: r.failures === rule.limit });
    }
    const spent = held.filter((h) => h.last);
    return {
      exhausted: spent.length > 0,
      retryAfterMs: spent.length ? Math.max(...spent.map((h) => h.windowStart + WINDOW_MS - now)) : 0,
      release: giveBack,
    };
  }
}
