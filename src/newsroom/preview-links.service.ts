/**
 * Shareable preview links: an editor hands a draft to someone outside the newsroom (a source, a
 * lawyer) as a link that works without signing in, expires, and can be revoked.
 *
 * The link carries 32 random bytes (base64url); only their SHA-256 is stored, so the database
 * alone never yields a working link, and the token is shown once, when it is made. Unknown,
 * expired and revoked tokens are answered alike (404), so a visitor learns nothing about which.
 *
 * Who: editors and admins, on a story they may read (`maySharePreview`). A link gives the unpublished
 * text to people outside the newsroom — the same trust as publishing it — so contributors and
 * authors ask an editor.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { atLeast, canOnEdition, type Actor, type EditionFacts } from '../accounts/policy.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, msg } from '../errors.js';
import type { EditorialService } from './editorial.service.js';
import type { PreviewLinksRepository } from './preview-links.repository.js';

/** The lifetimes an editor chooses from. */
export const PREVIEW_EXPIRY = { '1h': 3600_000, '24h': 24 * 3600_000, '7d': 7 * 24 * 3600_000 } as const;
export type PreviewExpiry = keyof typeof PREVIEW_EXPIRY;
/** Active links per edition: enough for every reviewer, bounded so the list stays one screen. */
export const MAX_ACTIVE_LINKS = 20;
/** A token is 32 random bytes in base64url: exactly 43 characters of this alphabet. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function maySharePreview(actor: Actor, e: EditionFacts): boolean {
  return atLeast(actor.role, 'editor') && canOnEdition(actor, 'read', e);
}

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export interface PreviewLinkJson {
  id: number;
  editionId: number;
  createdAt: string;
  expiresAt: string;
  createdBy: { id: number; name: string } | null;
}

const iso = (t: number) => new Date(t).toISOString();

export class PreviewLinksService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: PreviewLinksRepository,
    private readonly editorial: EditorialService,
    private readonly audit: AuditRepository,
    private readonly clock: () => number,
    private readonly siteUrl: string,
  ) {}

  /** The edition, if the actor may share it; others' stories look missing to those who may not read them. */
  private async editionFor(actor: Actor, editionId: number) {
    const e = await this.editorial.load(actor, editionId);
    if (!maySharePreview(actor, { ownerId: e.owner_id, status: e.status })) {
      throw new ForbiddenError(msg('preview.role_may_not', { role: actor.role }));
    }
    return e;
  }

  /** Makes a link; the answer is the only place the token ever appears. */
  async create(actor: Actor, editionId: number, expiry: PreviewExpiry): Promise<Omit<PreviewLinkJson, 'createdBy'> & { url: string }> {
    const e = await this.editionFor(actor, editionId);
    const now = this.clock();
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = now + PREVIEW_EXPIRY[expiry];
    const id = await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.lockEdition(trx, e.id))) throw new NotFoundError(msg('story.not_found'));
      if ((await this.repo.countActive(trx, e.id, now)) >= MAX_ACTIVE_LINKS) {
        throw new ConflictError(msg('preview.too_many', { max: MAX_ACTIVE_LINKS }));
      }
      const id = await this.repo.insert(trx, { edition_id: e.id, token_hash: hashToken(token), created_by: actor.id, created_at: now, expires_at: expiresAt });
      await this.audit.record(trx, { userId: actor.id, action: 'preview.share', entity: 'edition', entityId: e.id, details: { headline: e.headline, linkId: id, expiresAt } });
      return id;
    });
    return { id, editionId: e.id, createdAt: iso(now), expiresAt: iso(expiresAt), url: `${this.siteUrl}/preview/${token}` };
  }

  async list(actor: Actor, editionId: number): Promise<PreviewLinkJson[]> {
    const e = await this.editionFor(actor, editionId);
    const rows = await this.repo.active(e.id, this.clock(), MAX_ACTIVE_LINKS);
    return rows.map((r) => ({ id: r.id, editionId: r.edition_id, createdAt: iso(r.created_at), expiresAt: iso(r.expires_at), createdBy: r.created_by === null ? null : { id: r.created_by, name: r.created_by_name ?? '' } }));
  }

  async revoke(actor: Actor, editionId: number, linkId: number): Promise<void> {
    const e = await this.editionFor(actor, editionId);
    const now = this.clock();
    await this.db.transaction().execute(async (trx) => {
      // Conditional: of two revokes at once, one changes the row and the other finds nothing.
      if (!(await this.repo.revoke(trx, e.id, linkId, now))) throw new NotFoundError(msg('preview.link_not_found'));
      await this.audit.record(trx, { userId: actor.id, action: 'preview.revoke', entity: 'edition', entityId: e.id, details: { headline: e.headline, linkId } });
    });
  }

  /** The edition a token opens now, or null. Malformed tokens never reach the database. */
  async resolve(token: string): Promise<number | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    return this.repo.editionFor(hashToken(token), this.clock());
  }
}
