/**
 * Wire API keys: created by administrators (shown once), checked on every wire request, revoked.
 *
 * A key is `xw_` + 32 random bytes (256 bits) in base64url. Only its SHA-256 is stored. A slow
 * password hash (argon2) protects *guessable* secrets; these are random 256-bit values that no
 * dictionary or brute force reaches, and they are checked on every request, where argon2's
 * deliberate cost would be a denial-of-service lever. SHA-256 also lets the lookup be one indexed
 * equality, with no per-row comparison to time.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError, field, msg } from '../errors.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import type { ApiKeyRow, ApiKeysRepository } from './api-keys.repository.js';

export const KEY_PREFIX = 'xw_';
/**
 * A key standing on its own in a header or parameter value (used to spot one sent in the wrong
 * place). Delimited, so a cursor — one long base64url run — never looks like a key by chance.
 */
export const KEY_PATTERN = /(?:^|[^A-Za-z0-9_-])xw_[A-Za-z0-9_-]{43}(?:$|[^A-Za-z0-9_-])/;
const KEY_EXACT = /^xw_[A-Za-z0-9_-]{43}$/;
/** A key's last use is written at most this often. */
export const TOUCH_EVERY_MS = 60_000;

export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  locales: Locale[];
  /** [] = every section. */
  sectionIds: number[];
  ratePerMinute: number;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** The key as a wire request sees it. */
export interface WireKey {
  id: number;
  locales: Locale[];
  sectionIds: number[];
  ratePerMinute: number;
}

export interface NewApiKey {
  name: string;
  locales: Locale[];
  sectionIds: number[];
  ratePerMinute: number;
}

export const hashKey = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

function parseList<T>(json: string, ok: (v: unknown) => v is T): T[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter(ok) : [];
  } catch {
    return []; // a damaged row grants nothing rather than failing every request
  }
}
const isId = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

export class ApiKeysService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: ApiKeysRepository,
    private readonly audit: AuditRepository,
    private readonly clock: () => number,
  ) {}

  present(r: ApiKeyRow): ApiKeyView {
    return {
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      locales: parseList(r.locales, isLocale),
      sectionIds: parseList(r.section_ids, isId),
      ratePerMinute: r.rate_per_minute,
      createdAt: iso(r.created_at)!,
      revokedAt: iso(r.revoked_at),
      lastUsedAt: iso(r.last_used_at),
    };
  }

  async list(): Promise<ApiKeyView[]> {
    return (await this.repo.list()).map((r) => this.present(r));
  }

  /** Creates a key; the plaintext is returned here once and never again. */
  async create(actorId: number, input: NewApiKey): Promise<{ key: ApiKeyView; token: string }> {
    const sections = [...new Set(input.sectionIds)];
    const found = await this.repo.existingSections(sections);
    if (found.length !== sections.length) throw new ValidationError(msg('wire.section_gone'), [field('sectionIds', 'wire.section_gone')]);
    const token = KEY_PREFIX + crypto.randomBytes(32).toString('base64url');
    const now = this.clock();
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await this.repo.insert(trx, {
        name: input.name,
        key_hash: hashKey(token),
        prefix: token.slice(0, KEY_PREFIX.length + 6),
        locales: JSON.stringify([...new Set(input.locales)]),
        section_ids: JSON.stringify(sections),
        rate_per_minute: input.ratePerMinute,
        created_by: actorId,
        created_at: now,
      });
      await this.audit.record(trx, { userId: actorId, action: 'apikey.create', entity: 'api_key', entityId: id, details: { name: input.name, locales: input.locales, sectionIds: sections, ratePerMinute: input.ratePerMinute } });
      return id;
    });
    return { key: this.present((await this.repo.byId(id))!), token };
  }

  async revoke(actorId: number, id: number): Promise<ApiKeyView> {
    const now = this.clock();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.repo.byId(id, trx);
      if (!row) throw new NotFoundError(msg('wire.key_not_found'));
      if (!(await this.repo.revoke(trx, id, now))) throw new ConflictError(msg('wire.key_already_revoked'));
      await this.audit.record(trx, { userId: actorId, action: 'apikey.revoke', entity: 'api_key', entityId: id, details: { name: row.name } });
    });
    return this.present((await this.repo.byId(id))!);
  }

  /** The key for a token sent by a caller: 401 when unknown or revoked. Records its use. */
  async authenticate(token: string): Promise<WireKey> {
    const row = KEY_EXACT.test(token) ? await this.repo.byHash(hashKey(token)) : undefined;
    if (!row) throw new UnauthorizedError(msg('wire.key_bad'));
    if (row.revoked_at !== null) throw new UnauthorizedError(msg('wire.key_revoked'));
    const now = this.clock();
    // The row just read says when the key was last recorded: write only when that is stale.
    if (row.last_used_at === null || Number(row.last_used_at) <= now - TOUCH_EVERY_MS) await this.repo.touch(row.id, now, TOUCH_EVERY_MS);
    const v = this.present(row);
    return { id: row.id, locales: v.locales, sectionIds: v.sectionIds, ratePerMinute: row.rate_per_minute };
  }
}
