/**
 * Which roles must sign in with a second factor. Kept in its own table (security_settings), not
 * in the site settings, so the public site's settings and these never overwrite each other. No
 * row means a site set up before two-factor existed: nobody is forced (an administrator turns it
 * on); a site set up since gets the roles in XABAR_NEW_SITE_TWO_FACTOR_ROLES at first-run setup.
 * Read on every newsroom request, so cached briefly (2 s: another node's change shows that fast).
 */
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.js';
import { ROLES } from './policy.js';
import type { TwoFactorRepository } from './two-factor.repository.js';

export class SecuritySettings {
  private cached: { at: number; roles: Role[] } | null = null;
  constructor(
    private readonly repo: TwoFactorRepository,
    private readonly ttlMs = 2000,
  ) {}

  async twoFactorRoles(): Promise<Role[]> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.roles;
    const stored = (await this.repo.twoFactorRoles()) ?? [];
    const roles = ROLES.filter((r) => stored.includes(r));
    this.cached = { at: Date.now(), roles };
    return roles;
  }

  async save(trx: Kysely<Database>, roles: readonly Role[]): Promise<void> {
    await this.repo.saveTwoFactorRoles(trx, ROLES.filter((r) => roles.includes(r)));
    this.cached = null;
  }
}
