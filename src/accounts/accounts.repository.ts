/** SQL for users, sessions and login throttling. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, Role, UserRow } from '../db/schema.js';

export class AccountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  countUsers(trx: Kysely<Database> = this.db): Promise<number> {
    return trx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst().then((r) => Number(r?.n ?? 0));
  }

  userByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  userById(id: number, trx: Kysely<Database> = this.db): Promise<UserRow | undefined> {
    return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listUsers() {
    return this.db
      .selectFrom('users as u')
      .leftJoin('two_factor as tf', 'tf.user_id', 'u.id')
      .selectAll('u')
      .select('tf.confirmed_at as tf_confirmed_at')
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
  }

  async twoFactorConfirmed(userId: number): Promise<boolean> {
    const r = await this.db.selectFrom('two_factor').select('confirmed_at').where('user_id', '=', userId).executeTakeFirst();
    return !!r?.confirmed_at;
  }

  async insertUser(trx: Kysely<Database>, u: { email: string; name: string; role: Role; password_hash: string; now: number }): Promise<number> {
    const { id } = await trx
      .insertInto('users')
      .values({ email: u.email, name: u.name, role: u.role, password_hash: u.password_hash, disabled: 0, created_at: u.now, updated_at: u.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async updateUser(trx: Kysely<Database>, id: number, patch: Partial<Pick<UserRow, 'name' | 'role' | 'disabled' | 'password_hash'>>, now: number): Promise<void> {
    await trx.updateTable('users').set({ ...patch, updated_at: now }).where('id', '=', id).execute();
  }

  async insertSession(s: Insertable<Database['sessions']>): Promise<void> {
    await this.db.insertInto('sessions').values(s).execute();
  }

  sessionWithUser(id: string, now: number) {
    return this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .leftJoin('two_factor as tf', 'tf.user_id', 'u.id')
      .select(['s.id as session_id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 's.mfa_pending', 'tf.confirmed_at as tf_confirmed_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.disabled', 'u.created_at'])
      .where('s.id', '=', id)
      .where('s.expires_at', '>', now)
      .executeTakeFirst();
  }

  async touchSession(id: string, now: number, expiresAt: number): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteUserSessions(trx: Kysely<Database>, userId: number): Promise<void> {
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /**
   * Reserves one attempt on a throttle key in ONE statement, so parallel requests can never all
   * read the same count (issue 7, item 2): a window that has passed restarts at 1, else the count
   * goes up by one. Returns the count including this attempt and the window's start. Both SQLite
   * (≥ 3.35) and PostgreSQL run `INSERT … ON CONFLICT DO UPDATE … RETURNING` atomically; the SET
   * expressions read the row as it was before this statement.
   */
  reserveAttempt(key: string, now: number, windowMs: number): Promise<{ failures: number; window_start: number }> {
    const expired = sql<boolean>`login_throttle.window_start <= ${now - windowMs}`;
    return this.db
      .insertInto('login_throttle')
      .values({ key, failures: 1, window_start: now, locked_until: 0 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`case when ${expired} then 1 else login_throttle.failures + 1 end`,
          window_start: sql<number>`case when ${expired} then ${now} else login_throttle.window_start end`,
        }),
      )
      .returning(['failures', 'window_start'])
      .executeTakeFirstOrThrow()
      .then((r) => ({ failures: Number(r.failures), window_start: Number(r.window_start) }));
  }

  /** Gives back an attempt reserved in this window (a refused or successful one). */
  async releaseAttempt(key: string, windowStart: number): Promise<void> {
    await this.db
      .updateTable('login_throttle')
      .set({ failures: sql<number>`failures - 1` })
      .where('key', '=', key)
      .where('window_start', '=', windowStart)
      .where('failures', '>', 0)
      .execute();
  }

  async clearThrottle(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }

  async isKnownAddress(userId: number, addrHash: string): Promise<boolean> {
    const row = await this.db.selectFrom('login_known_addresses').select('user_id').where('user_id', '=', userId).where('addr_hash', '=', addrHash).executeTakeFirst();
    return !!row;
  }

  /** Remembers an address a user signed in from, keeping only the `keep` most recent. */
  async rememberAddress(userId: number, addrHash: string, now: number, keep: number): Promise<void> {
    await this.db
      .insertInto('login_known_addresses')
      .values({ user_id: userId, addr_hash: addrHash, last_seen_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'addr_hash']).doUpdateSet({ last_seen_at: now }))
      .execute();
    const newest = this.db.selectFrom('login_known_addresses').select('addr_hash').where('user_id', '=', userId).orderBy('last_seen_at', 'desc').orderBy('addr_hash', 'desc').limit(keep);
    await this.db.deleteFrom('login_known_addresses').where('user_id', '=', userId).where('addr_hash', 'not in', newest).execute();
  }

  /** The first-run marker: a second concurrent setup fails at its primary key. */
  async claimSetup(trx: Kysely<Database>, now: number): Promise<void> {
    await trx.insertInto('account_setup').values({ id: 1, at: now }).execute();
  }
}
