/** SQL for two-factor secrets, recovery codes and the security settings. */
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.js';

export class TwoFactorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  get(userId: number) {
    return this.db.selectFrom('two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  /** Starts (or restarts) an enrolment; never replaces a confirmed secret. Returns false if one is confirmed. */
  async startEnrolment(userId: number, secretEnc: string, now: number): Promise<boolean> {
    const r = await this.db
      .insertInto('two_factor')
      .values({ user_id: userId, secret_enc: secretEnc, confirmed_at: null, last_step: 0, created_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret_enc: secretEnc, created_at: now, last_step: 0 }).where('two_factor.confirmed_at', 'is', null))
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /**
   * Spends a time step: succeeds only if it is newer than the last one used, in one conditional
   * statement, so the same code can never sign in twice, even from two requests at once.
   */
  async useStep(trx: Kysely<Database>, userId: number, step: number, confirmAt?: number): Promise<boolean> {
    let q = trx.updateTable('two_factor').set({ last_step: step, ...(confirmAt ? { confirmed_at: confirmAt } : {}) }).where('user_id', '=', userId).where('last_step', '<', step);
    q = confirmAt ? q.where('confirmed_at', 'is', null) : q.where('confirmed_at', 'is not', null);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async replaceRecoveryCodes(trx: Kysely<Database>, userId: number, hashes: string[]): Promise<void> {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx.insertInto('recovery_codes').values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null }))).execute();
  }

  /** Spends a recovery code once (conditional UPDATE: two requests with one code, one wins). */
  async useRecoveryCode(userId: number, hash: string, now: number): Promise<boolean> {
    const r = await this.db.updateTable('recovery_codes').set({ used_at: now }).where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  recoveryCodesLeft(userId: number): Promise<number> {
    return this.db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirst()
      .then((r) => Number(r?.n ?? 0));
  }

  async remove(trx: Kysely<Database>, userId: number): Promise<boolean> {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    const r = await trx.deleteFrom('two_factor').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async twoFactorRoles(): Promise<Role[] | null> {
    const row = await this.db.selectFrom('security_settings').select('value').where('key', '=', 'twoFactorRoles').executeTakeFirst();
    if (!row) return null;
    try {
      const v = JSON.parse(row.value);
      return Array.isArray(v) ? (v as Role[]) : null;
    } catch {
      return null;
    }
  }

  async saveTwoFactorRoles(trx: Kysely<Database>, roles: Role[]): Promise<void> {
    const value = JSON.stringify(roles);
    await trx.insertInto('security_settings').values({ key: 'twoFactorRoles', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
}
