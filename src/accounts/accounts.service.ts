/**
 * Accounts: first-run setup, sign-in with throttling, sessions, users and passwords.
 * Session tokens are 256-bit random values; only their SHA-256 is stored, so a copy of the
 * database does not let anyone sign in. Each session has its own CSRF token.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role, UserRow } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../errors.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { AccountsRepository } from './accounts.repository.js';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { ROLES } from './policy.js';
import { AttemptThrottle, LIMITS, lockedError } from './throttle.js';
import { isUniqueViolation } from '../db/constraint.js';
import type { SecuritySettings } from './security-settings.js';
import { field, type FieldError } from '../errors.js';
import { msg } from '../i18n/api-messages.js';

export const SESSION_TTL_MS = 14 * 24 * 3600_000;
/** Sliding expiry is refreshed at most this often, to avoid a write per request. */
const TOUCH_EVERY_MS = 5 * 60_000;
/** How long a password-accepted session waits for its second factor. */
const PENDING_TTL_MS = 10 * 60_000;

/** Addresses remembered per user for the throttle's "known address" pass (hashed, newest kept). */
const KNOWN_ADDRESSES_KEPT = 10;
/** Known addresses are stored as a hash bound to the user, never as the address itself. */
const addressHash = (userId: number, ip: string) => crypto.createHash('sha256').update(`${userId}\n${ip}`).digest('hex');

export interface PublicUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** Whether two-factor sign-in is on (in user lists). */
  twoFactor?: boolean;
}

export interface SessionInfo {
  sessionId: string;
  csrfToken: string;
  user: PublicUser;
  /** What this session still owes before it may do anything else: a code, or enrolment. */
  secondFactor: 'verify' | 'enrol' | null;
}

export function presentUser(u: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'disabled' | 'created_at'>): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled === 1, createdAt: new Date(u.created_at).toISOString() };
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
export const newToken = () => crypto.randomBytes(32).toString('base64url');

export class AccountsService {
  /** Password hashes checked by sign-in since start (a measure of guessing work let through). */
  passwordChecks = 0;
  readonly throttle: AttemptThrottle;
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: AccountsRepository,
    private readonly audit: AuditRepository,
    private readonly clock: () => number,
    private readonly security: SecuritySettings,
    /** Roles that must use two-factor on a site set up from now on (XABAR_NEW_SITE_TWO_FACTOR_ROLES). */
    private readonly newSiteTwoFactorRoles: readonly Role[] = [],
  ) {
    this.throttle = new AttemptThrottle(repo, clock);
  }

  async needsSetup(): Promise<boolean> {
    return (await this.repo.countUsers()) === 0;
  }

  private validateNewUser(input: { email: string; name: string; password: string; role?: string }) {
    const fields: FieldError[] = [];
    const email = normalizeEmail(input.email ?? '');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200) fields.push(field('email', 'account.email_invalid'));
    if (!input.name?.trim() || input.name.trim().length > 100) fields.push(field('name', 'account.name_invalid'));
    const pw = passwordProblem(input.password ?? '', email);
    if (pw) fields.push({ field: 'password', ...pw });
    if (input.role !== undefined && !ROLES.includes(input.role as Role)) fields.push(field('role', 'account.role_invalid', { roles: ROLES.join(', ') }));
    if (fields.length) throw new ValidationError(msg('form.invalid'), fields);
    return email;
  }

  /** Creates the first administrator; refused once any user exists (checked inside the transaction). */
  async setup(input: { email: string; name: string; password: string }, ip: string, ua: string): Promise<{ token: string; session: SessionInfo }> {
    const email = this.validateNewUser(input);
    const hash = await hashPassword(input.password);
    const alreadySetUp = new ConflictError(msg('account.already_set_up'));
    const userId = await this.db
      .transaction()
      .execute(async (trx) => {
        if ((await this.repo.countUsers(trx)) > 0) throw alreadySetUp;
        // Two setups at once both count no users; the marker row lets exactly one through.
        await this.repo.claimSetup(trx, this.clock());
        const id = await this.repo.insertUser(trx, { email, name: input.name.trim(), role: 'admin', password_hash: hash, now: this.clock() });
        await this.audit.record(trx, { userId: id, action: 'setup', entity: 'user', entityId: id, details: { role: 'admin' } });
        await this.security.save(trx, this.newSiteTwoFactorRoles);
        return id;
      })
      .catch((err) => {
        throw isUniqueViolation(err) ? alreadySetUp : err;
      });
    return this.startSession(userId, ip, ua);
  }

  async createUser(actorId: number | null, input: { email: string; name: string; password: string; role: Role }): Promise<PublicUser> {
    const email = this.validateNewUser(input);
    const duplicate = new ConflictError(msg('account.email_taken'));
    if (await this.repo.userByEmail(email)) throw duplicate;
    const hash = await hashPassword(input.password);
    // The check above is only for the common case; a parallel creation loses at the unique index.
    const id = await this.db
      .transaction()
      .execute(async (trx) => {
        const id = await this.repo.insertUser(trx, { email, name: input.name.trim(), role: input.role, password_hash: hash, now: this.clock() });
        await this.audit.record(trx, { userId: actorId, action: 'user.create', entity: 'user', entityId: id, details: { email, role: input.role } });
        return id;
      })
      .catch((err) => {
        throw isUniqueViolation(err) ? duplicate : err;
      });
    return presentUser((await this.repo.userById(id))!);
  }

  async updateUser(actorId: number, id: number, patch: { name?: string; role?: Role; disabled?: boolean }): Promise<PublicUser> {
    const user = await this.repo.userById(id);
    if (!user) throw new NotFoundError(msg('account.no_user'));
    const fields: { field: string; message: string }[] = [];
    if (patch.name !== undefined && (!patch.name.trim() || patch.name.length > 100)) fields.push(field('name', 'account.name_invalid'));
    if (patch.role !== undefined && !ROLES.includes(patch.role)) fields.push(field('role', 'account.role_invalid', { roles: ROLES.join(', ') }));
    if (fields.length) throw new ValidationError(msg('form.invalid'), fields);
    if (id === actorId && ((patch.role && patch.role !== 'admin') || patch.disabled)) {
      throw new ForbiddenError(msg('account.self_demote'));
    }
    await this.db.transaction().execute(async (trx) => {
      await this.repo.updateUser(trx, id, { name: patch.name?.trim(), role: patch.role, disabled: patch.disabled === undefined ? undefined : patch.disabled ? 1 : 0 }, this.clock());
      if (patch.role && patch.role !== user.role) await this.audit.record(trx, { userId: actorId, action: 'user.role', entity: 'user', entityId: id, details: { from: user.role, to: patch.role } });
      if (patch.disabled !== undefined && patch.disabled !== (user.disabled === 1)) {
        await this.audit.record(trx, { userId: actorId, action: patch.disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: id });
      }
      // A disabled user's sessions end at once.
      if (patch.disabled) await this.repo.deleteUserSessions(trx, id);
    });
    return { ...presentUser((await this.repo.userById(id))!), twoFactor: await this.repo.twoFactorConfirmed(id) };
  }

  async resetPassword(actorId: number, id: number, password: string): Promise<void> {
    const user = await this.repo.userById(id);
    if (!user) throw new NotFoundError(msg('account.no_user'));
    const problem = passwordProblem(password ?? '', user.email);
    if (problem) throw new ValidationError(msg('form.invalid'), [{ field: 'password', ...problem }]);
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.updateUser(trx, id, { password_hash: hash }, this.clock());
      await this.repo.deleteUserSessions(trx, id);
      await this.audit.record(trx, { userId: actorId, action: 'user.password_reset', entity: 'user', entityId: id });
    });
  }

  async changeOwnPassword(userId: number, current: string, next: string, keepSessionId: string): Promise<void> {
    const user = await this.repo.userById(userId);
    if (!user || !(await verifyPassword(user.password_hash, current ?? ''))) {
      throw new ValidationError(msg('form.invalid'), [field('currentPassword', 'account.current_password_wrong')]);
    }
    const problem = passwordProblem(next ?? '', user.email);
    if (problem) throw new ValidationError(msg('form.invalid'), [{ field: 'newPassword', ...problem }]);
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.updateUser(trx, userId, { password_hash: hash }, this.clock());
      await trx.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
    });
  }

  listUsers(): Promise<PublicUser[]> {
    return this.repo.listUsers().then((rows) => rows.map((r) => ({ ...presentUser(r), twoFactor: !!r.tf_confirmed_at })));
  }

  /**
   * Signs in. An attempt is reserved on the throttles BEFORE the hash is checked (throttle.ts), so
   * parallel guesses cannot outrun the limits. The same message for unknown e-mail and wrong
   * password, and a dummy hash check for unknown accounts, so neither words nor timing reveal who
   * has an account.
   */
  async login(emailRaw: string, password: string, ip: string, ua: string): Promise<{ token: string; session: SessionInfo }> {
    const email = normalizeEmail(emailRaw ?? '');
    if (!email || !password) {
      throw new ValidationError(msg('account.enter_credentials'), [
        ...(!email ? [field('email', 'account.enter_email')] : []),
        ...(!password ? [field('password', 'account.enter_password')] : []),
      ]);
    }
    const user = await this.repo.userByEmail(email);
    // Asked for unknown e-mails too (user 0 has no addresses), so timing does not tell them apart.
    const known = await this.repo.isKnownAddress(user?.id ?? 0, addressHash(user?.id ?? 0, ip));
    const pairKey = `pair:${email}|${ip}`;
    const reservation = await this.throttle.reserve([
      { key: `ip:${ip}`, limit: LIMITS.address },
      { key: pairKey, limit: LIMITS.pair },
      // A known address skips the account-wide ceiling: a distributed attack cannot lock the owner out.
      ...(known ? [] : [{ key: `acct:${email}`, limit: LIMITS.account }]),
    ]);
    this.passwordChecks++;
    const ok = user ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await dummyHash(), password), false);
    if (!ok || !user) {
      if (reservation.exhausted) throw lockedError(reservation.retryAfterMs);
      throw new UnauthorizedError(msg('account.credentials_wrong'));
    }
    // The right password: this attempt was not a failure, and the pair starts afresh.
    await reservation.release([`ip:${ip}`, `acct:${email}`]);
    await this.repo.clearThrottle(pairKey);
    if (user.disabled) throw new ForbiddenError(msg('account.disabled'));
    await this.repo.rememberAddress(user.id, addressHash(user.id, ip), this.clock(), KNOWN_ADDRESSES_KEPT);
    // With two-factor on, the password alone opens a session that can only send the code.
    return this.startSession(user.id, ip, ua, await this.repo.twoFactorConfirmed(user.id));
  }

  private async startSession(userId: number, ip: string, ua: string, pending = false): Promise<{ token: string; session: SessionInfo }> {
    const token = newToken();
    const now = this.clock();
    const csrf = newToken();
    // A session waiting for its second factor lives 10 minutes, not two weeks.
    const ttl = pending ? PENDING_TTL_MS : SESSION_TTL_MS;
    await this.repo.insertSession({ id: sha256(token), user_id: userId, csrf_token: csrf, created_at: now, last_seen_at: now, expires_at: now + ttl, ip: ip.slice(0, 64), user_agent: (ua ?? '').slice(0, 300), mfa_pending: pending ? 1 : 0 });
    const user = (await this.repo.userById(userId))!;
    const secondFactor = pending ? 'verify' : await this.enrolmentOwed(user.role, await this.repo.twoFactorConfirmed(userId));
    return { token, session: { sessionId: sha256(token), csrfToken: csrf, user: presentUser(user), secondFactor } };
  }

  private async enrolmentOwed(role: Role, enrolled: boolean): Promise<'enrol' | null> {
    return !enrolled && (await this.security.twoFactorRoles()).includes(role) ? 'enrol' : null;
  }

  /**
   * The second factor was given: the pending session is replaced by a full one with a new token
   * (a token seen before the second factor never becomes a full session).
   */
  async completeSecondFactor(pendingSessionId: string, userId: number, ip: string, ua: string): Promise<{ token: string; session: SessionInfo }> {
    await this.repo.deleteSession(pendingSessionId);
    return this.startSession(userId, ip, ua);
  }

  /** Resolves a cookie token to a live session of an enabled user, refreshing its expiry now and then. */
  async resolve(token: string | undefined): Promise<SessionInfo | null> {
    if (!token || token.length > 100) return null;
    const now = this.clock();
    const row = await this.repo.sessionWithUser(sha256(token), now);
    if (!row || row.disabled) return null;
    const pending = row.mfa_pending === 1;
    if (!pending && now - row.last_seen_at > TOUCH_EVERY_MS) await this.repo.touchSession(row.session_id, now, now + SESSION_TTL_MS);
    const secondFactor = pending ? 'verify' : await this.enrolmentOwed(row.role, !!row.tf_confirmed_at);
    return { sessionId: row.session_id, csrfToken: row.csrf_token, user: presentUser(row), secondFactor };
  }

  async logout(sessionId: string): Promise<void> {
    await this.repo.deleteSession(sessionId);
  }

  async logoutEverywhere(userId: number): Promise<void> {
    await this.db.transaction().execute((trx) => this.repo.deleteUserSessions(trx, userId));
  }
}
