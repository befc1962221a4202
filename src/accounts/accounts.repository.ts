/** SQL for users, sessions and login throttling. */
import type { Kysely } from 'kysely';
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

  listUsers(): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
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

  async insertSession(s: Database['sessions']): Promise<void> {
    await this.db.insertInto('sessions').values(s).execute();
  }

  sessionWithUser(id: string, now: number) {
    return this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id as session_id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.disabled', 'u.created_at'])
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

  throttle(key: string) {
    return this.db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  }

  async saveThrottle(row: Database['login_throttle']): Promise<void> {
    await this.db
      .insertInto('login_throttle')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, window_start: row.window_start, locked_until: row.locked_until }))
      .execute();
  }

  async clearThrottle(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }
}
