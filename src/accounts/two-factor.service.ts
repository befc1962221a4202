/**
 * Two-factor sign-in: enrolment (secret → QR and manual key → confirm with a code → recovery
 * codes shown once), the second step of sign-in (a TOTP code or a recovery code), recovery-code
 * renewal, turning it off where the role allows, and an administrator's reset. Every check of a
 * code first reserves an attempt on the same atomic throttle as passwords (5 per 15 minutes per
 * user), so codes cannot be guessed in parallel either.
 */
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { Database, Role } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { AccountsService, SessionInfo } from './accounts.service.js';
import type { SecretBox } from './secret-box.js';
import type { SecuritySettings } from './security-settings.js';
import { LIMITS, lockedError, type AttemptThrottle } from './throttle.js';
import type { TwoFactorRepository } from './two-factor.repository.js';
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpUri } from './totp.js';
import { field } from '../errors.js';
import { msg } from '../i18n/api-messages.js';

export interface Enrolment {
  /** The secret in base32, for typing into an app by hand. */
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a QR code (SVG markup). */
  qrSvg: string;
}

export interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

const owner = (userId: number) => `totp:${userId}`;
const wrongCode = () => new ValidationError(msg('twofa.code_wrong'), [field('code', 'twofa.code_wrong_short')]);

export class TwoFactorService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: TwoFactorRepository,
    private readonly accountsRepo: AccountsRepository,
    private readonly accounts: AccountsService,
    private readonly security: SecuritySettings,
    private readonly audit: AuditRepository,
    private readonly box: SecretBox,
    private readonly throttle: AttemptThrottle,
    private readonly clock: () => number,
    private readonly issuer = 'Xabar',
  ) {}

  async status(userId: number, role: Role): Promise<TwoFactorStatus> {
    const row = await this.repo.get(userId);
    return { enabled: !!row?.confirmed_at, required: (await this.security.twoFactorRoles()).includes(role), recoveryCodesLeft: row?.confirmed_at ? await this.repo.recoveryCodesLeft(userId) : 0 };
  }

  async startEnrolment(user: { id: number; email: string }): Promise<Enrolment> {
    const secret = newTotpSecret();
    if (!(await this.repo.startEnrolment(user.id, this.box.seal(secret, owner(user.id)), this.clock()))) {
      throw new ConflictError(msg('twofa.already_on_restart'));
    }
    const otpauthUrl = totpUri(secret, user.email, this.issuer);
    const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, otpauthUrl, qrSvg };
  }

  /** Confirms enrolment with a first code; returns the recovery codes (shown this once only). */
  async confirmEnrolment(userId: number, code: string): Promise<string[]> {
    const row = await this.repo.get(userId);
    if (!row || row.confirmed_at) throw new ConflictError(row ? msg('twofa.already_on') : msg('twofa.not_started'));
    const { step, reservation } = await this.checkTotp(userId, row.secret_enc, code);
    await reservation.release();
    const codes = newRecoveryCodes();
    const ok = await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.useStep(trx, userId, step, this.clock()))) return false;
      await this.repo.replaceRecoveryCodes(trx, userId, codes.map(hashRecoveryCode));
      await this.audit.record(trx, { userId, action: 'user.2fa_enable', entity: 'user', entityId: userId });
      return true;
    });
    if (!ok) throw new ConflictError(msg('twofa.changed_elsewhere'));
    return codes;
  }

  /** The second step of sign-in: a TOTP code or a recovery code turns the pending session into a full one. */
  async verify(session: SessionInfo, input: { code?: string; recoveryCode?: string }, ip: string, ua: string): Promise<{ token: string; session: SessionInfo }> {
    if (session.secondFactor !== 'verify') throw new ConflictError(msg('twofa.no_code_owed'));
    const userId = session.user.id;
    const row = await this.repo.get(userId);
    if (!row?.confirmed_at) throw new ConflictError(msg('twofa.turned_off'));
    if (input.recoveryCode) {
      const reservation = await this.reserve(userId);
      if (!(await this.repo.useRecoveryCode(userId, hashRecoveryCode(input.recoveryCode), this.clock()))) {
        if (reservation.exhausted) throw lockedError(reservation.retryAfterMs, 'code attempts');
        throw new ValidationError(msg('twofa.recovery_wrong'), [field('recoveryCode', 'twofa.recovery_wrong')]);
      }
      await reservation.release();
      await this.db.transaction().execute((trx) => this.audit.record(trx, { userId, action: 'user.2fa_recovery_used', entity: 'user', entityId: userId }));
    } else {
      await this.spendCode(userId, row.secret_enc, input.code ?? '');
    }
    return this.accounts.completeSecondFactor(session.sessionId, userId, ip, ua);
  }

  /** New recovery codes (the old ones stop working); needs a current code. */
  async regenerateRecoveryCodes(userId: number, code: string): Promise<string[]> {
    const row = await this.repo.get(userId);
    if (!row?.confirmed_at) throw new ConflictError(msg('twofa.turn_on_first'));
    await this.spendCode(userId, row.secret_enc, code);
    const codes = newRecoveryCodes();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.replaceRecoveryCodes(trx, userId, codes.map(hashRecoveryCode));
      await this.audit.record(trx, { userId, action: 'user.2fa_recovery_codes', entity: 'user', entityId: userId });
    });
    return codes;
  }

  /** Turns it off for oneself, with a current code, unless the role requires it. */
  async disable(user: { id: number; role: Role }, code: string): Promise<void> {
    if ((await this.security.twoFactorRoles()).includes(user.role)) {
      throw new ForbiddenError(msg('twofa.required_for_role', { role: user.role }));
    }
    const row = await this.repo.get(user.id);
    if (!row?.confirmed_at) throw new ConflictError(msg('twofa.not_on'));
    await this.spendCode(user.id, row.secret_enc, code);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.remove(trx, user.id);
      await this.audit.record(trx, { userId: user.id, action: 'user.2fa_disable', entity: 'user', entityId: user.id });
    });
  }

  /** An administrator's reset for a user who lost their phone: secret, codes and sessions go (audited). */
  async reset(actorId: number, targetId: number): Promise<void> {
    if (!(await this.accountsRepo.userById(targetId))) throw new NotFoundError(msg('account.no_user'));
    await this.db.transaction().execute(async (trx) => {
      const had = await this.repo.remove(trx, targetId);
      await this.accountsRepo.deleteUserSessions(trx, targetId);
      await this.audit.record(trx, { userId: actorId, action: 'user.2fa_reset', entity: 'user', entityId: targetId, details: { wasEnabled: had } });
    });
  }

  async setRequiredRoles(actorId: number, roles: Role[]): Promise<Role[]> {
    await this.db.transaction().execute(async (trx) => {
      await this.security.save(trx, roles);
      await this.audit.record(trx, { userId: actorId, action: 'settings.two_factor_roles', entity: 'settings', details: { roles } });
    });
    return this.security.twoFactorRoles();
  }

  requiredRoles(): Promise<Role[]> {
    return this.security.twoFactorRoles();
  }

  private reserve(userId: number) {
    return this.throttle.reserve([{ key: `2fa:${userId}`, limit: LIMITS.secondFactor }], 'code attempts');
  }

  /** Checks a TOTP code against the stored secret under the throttle; returns its time step. */
  private async checkTotp(userId: number, secretEnc: string, code: string) {
    const secret = this.box.open(secretEnc, owner(userId));
    if (!secret) throw new ConflictError(msg('twofa.secret_unreadable'));
    const reservation = await this.reserve(userId);
    const step = matchTotp(secret, code, this.clock());
    if (step === null) {
      if (reservation.exhausted) throw lockedError(reservation.retryAfterMs, 'code attempts');
      throw wrongCode();
    }
    return { step, reservation };
  }

  /** A code for an enabled user, refused if its time step was used already (RFC 6238 §5.2). */
  private async spendCode(userId: number, secretEnc: string, code: string): Promise<void> {
    const { step, reservation } = await this.checkTotp(userId, secretEnc, code);
    const fresh = await this.db.transaction().execute((trx) => this.repo.useStep(trx, userId, step));
    // A replayed code stays counted as a failed attempt.
    if (fresh) await reservation.release();
    else throw new ValidationError(msg('twofa.code_reused'), [field('code', 'twofa.code_reused')]);
  }
}
