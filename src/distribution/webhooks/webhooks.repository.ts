/** Webhook endpoints, their delivery log and settings: SQL only (the rules are in webhooks.service.ts). */
import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookDeliveriesTable, WebhookEndpointsTable } from '../../db/schema.js';

export type EndpointRow = Selectable<WebhookEndpointsTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;

/** Every column but the sealed secret: what lists and presenters read. */
const PUBLIC_COLUMNS = ['id', 'url', 'events', 'active', 'state', 'failing_since', 'last_error', 'created_by', 'created_at', 'updated_at'] as const;
export type EndpointInfo = Omit<EndpointRow, 'secret_enc'>;

export class WebhooksRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(trx: Kysely<Database>, row: { url: string; events: string; active: 0 | 1; createdBy: number | null; now: number }): Promise<number> {
    const r = await trx
      .insertInto('webhook_endpoints')
      .values({ url: row.url, events: row.events, active: row.active, secret_enc: '', state: 'ok', failing_since: null, last_error: '', created_by: row.createdBy, created_at: row.now, updated_at: row.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async setSecret(trx: Kysely<Database>, id: number, sealed: string, now: number): Promise<boolean> {
    const r = await trx.updateTable('webhook_endpoints').set({ secret_enc: sealed, updated_at: now }).where('id', '=', id).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async update(trx: Kysely<Database>, id: number, set: { url?: string; events?: string; active?: 0 | 1 }, now: number): Promise<boolean> {
    const r = await trx.updateTable('webhook_endpoints').set({ ...set, updated_at: now }).where('id', '=', id).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async remove(trx: Kysely<Database>, id: number): Promise<boolean> {
    await trx.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
    const r = await trx.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  count(): Promise<number> {
    return this.db.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
  }

  list(limit: number): Promise<EndpointInfo[]> {
    return this.db.selectFrom('webhook_endpoints').select(PUBLIC_COLUMNS).orderBy('id').limit(limit).execute();
  }

  info(id: number, trx: Kysely<Database> = this.db): Promise<EndpointInfo | undefined> {
    return trx.selectFrom('webhook_endpoints').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  /** With the sealed secret: for the sender only. */
  withSecret(id: number): Promise<EndpointRow | undefined> {
    return this.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Active endpoints, to be filtered by event type in memory (the events column is a short list).
   * Bounded: the service caps how many endpoints may exist.
   */
  active(limit: number): Promise<Pick<EndpointRow, 'id' | 'events'>[]> {
    return this.db.selectFrom('webhook_endpoints').select(['id', 'events']).where('active', '=', 1).orderBy('id').limit(limit).execute();
  }

  /** A delivery succeeded: the endpoint is healthy again. */
  async markOk(id: number): Promise<void> {
    await this.db.updateTable('webhook_endpoints').set({ state: 'ok', failing_since: null, last_error: '' }).where('id', '=', id).where('state', '!=', 'ok').execute();
  }

  /** A delivery gave up: failing from now on (the first failure's time is kept), with its reason. */
  async markFailing(id: number, now: number, error: string): Promise<void> {
    await this.db.updateTable('webhook_endpoints').set({ state: 'failing', last_error: error }).where('id', '=', id).execute();
    await this.db.updateTable('webhook_endpoints').set({ failing_since: now }).where('id', '=', id).where('failing_since', 'is', null).execute();
  }

  async logDelivery(row: Omit<DeliveryRow, 'id'>): Promise<number> {
    const r = await this.db.insertInto('webhook_deliveries').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  /** Deletes up to `batch` log rows of one endpoint older than `before`. */
  async pruneDeliveries(endpointId: number, before: number, batch: number): Promise<void> {
    await this.db
      .deleteFrom('webhook_deliveries')
      .where('id', 'in', (eb) => eb.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', endpointId).where('at', '<', before).limit(batch))
      .execute();
  }

  /** One page of an endpoint's log, newest first; `beforeId` is the last id of the previous page. */
  deliveries(endpointId: number, limit: number, beforeId: number | null): Promise<DeliveryRow[]> {
    let q = this.db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
    if (beforeId !== null) q = q.where('id', '<', beforeId);
    return q.orderBy('id', 'desc').limit(limit).execute();
  }

  async setting(key: string): Promise<string | null> {
    const r = await this.db.selectFrom('webhook_settings').select('value').where('key', '=', key).executeTakeFirst();
    return r?.value ?? null;
  }

  async saveSetting(trx: Kysely<Database>, key: string, value: string): Promise<void> {
    await trx.insertInto('webhook_settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
}
