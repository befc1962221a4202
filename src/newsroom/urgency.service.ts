/**
 * IPTC urgency of an edition (IPTC NewsCodes "urgency", ninjs `urgency`): 1 = flash, 2 = urgent,
 * … 8 = lowest; 5 is normal. The site labels 1 and 2; the wire will carry the number as is.
 *
 * Set on its own (PUT /editions/:id/urgency) as well as in a full save: a desk flag like the
 * workflow status, it does not make a new text version, so flagging a story "flash" never
 * collides with a colleague's autosave. Synced derived editions (the other Uzbek script) follow.
 */
import type { Kysely } from 'kysely';
import { canOnEdition, type Actor } from '../accounts/policy.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import { ForbiddenError, msg } from '../errors.js';
import { isLive } from './editorial.rules.js';
import type { EditorialService } from './editorial.service.js';
import type { RelatedRepository } from './related.repository.js';

export const URGENCY_NORMAL = 5;

export class UrgencyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: RelatedRepository,
    private readonly editorial: EditorialService,
    private readonly audit: AuditRepository,
    private readonly purge: (locale: string, editionId: number) => void,
  ) {}

  async set(actor: Actor, editionId: number, urgency: number): Promise<{ urgency: number }> {
    const e = await this.editorial.load(actor, editionId);
    if (!canOnEdition(actor, 'edit', { ownerId: e.owner_id, status: e.status })) {
      throw new ForbiddenError(e.status !== 'draft' ? msg('story.role_may_not_while', { role: actor.role, action: 'edit', status: e.status }) : msg('story.role_may_not', { role: actor.role, action: 'edit' }));
    }
    const touched = await this.db.transaction().execute(async (trx) => {
      // Followers the actor may not edit keep their value (the same rule as text sync).
      const followers = (await this.repo.syncedFollowers(trx, e.id)).filter((f) => canOnEdition(actor, 'edit', { ownerId: e.owner_id, status: f.status }));
      const all = [{ id: e.id, locale: e.locale, status: e.status }, ...followers];
      await this.repo.setUrgency(trx, all.map((x) => x.id), urgency);
      if (isLive(e.status) && e.urgency !== urgency) {
        await this.audit.record(trx, { userId: actor.id, action: 'story.urgency', entity: 'edition', entityId: e.id, details: { headline: e.headline, before: e.urgency, after: urgency } });
      }
      return all.filter((x) => isLive(x.status));
    });
    for (const x of touched) this.purge(x.locale, x.id);
    return { urgency };
  }
}
