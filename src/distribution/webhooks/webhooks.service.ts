/**
 * Webhooks: administrators register endpoints; every story event fans out to one delivery job per
 * active endpoint that takes it, and each delivery is signed by the Standard Webhooks scheme
 * (https://www.standardwebhooks.com/: webhook-id, webhook-timestamp, webhook-signature), POSTed,
 * logged, and retried by the relay with backoff for about a day before the endpoint is marked
 * failing (see webhooks.jobs.ts).
 *
 * The signing secret is needed in clear to sign, so it is sealed (secret box, owner
 * `webhook:<id>`), not hashed; it is shown once when created or rotated and never again.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { Webhook } from 'standardwebhooks';
import type { Database, OutboxRow } from '../../db/schema.js';
import type { SecretBox } from '../../accounts/secret-box.js';
import type { AuditRepository } from '../../audit/audit.repository.js';
import { ConflictError, NotFoundError, ValidationError, field } from '../../errors.js';
import { msg } from '../../i18n/api-messages.js';
import { enqueue } from '../../jobs/outbox.js';
import type { PublicStoryReader } from '../public-story.js';
import type { StoryEvent } from '../story-events.js';
import { storyPayload, testPayload, TEST_EVENT, webhookEventOf, type WebhookEvent, type WebhookPayload } from './payload.js';
import { send, type SendResult } from './sender.js';
import { checkTarget, TargetRefusedError, type Lookup } from './ssrf.js';
import { WebhooksRepository, type DeliveryRow, type EndpointInfo } from './webhooks.repository.js';

export const DELIVER_TOPIC = 'webhooks.deliver';
/** Endpoints a site may have: keeps every fan-out and list bounded. */
export const MAX_ENDPOINTS = 50;
/** Bytes of a receiver's answer kept in the log. */
export const RESPONSE_HEAD_BYTES = 512;
/** Log rows older than this are pruned as new ones arrive. */
const LOG_KEEP_MS = 30 * 24 * 3600_000;
const ALLOW_PRIVATE = 'allow_private_targets';

/** One delivery job: the event, already rendered, for one endpoint. */
export interface DeliveryJob {
  endpointId: number;
  eventId: string;
  payload: WebhookPayload;
}

export interface EndpointView {
  id: number;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  state: 'ok' | 'failing';
  failingSince: string | null;
  lastError: string;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryView {
  id: number;
  eventId: string;
  eventType: string;
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  responseHead: string;
  error: string;
  at: string;
}

export interface WebhooksOptions {
  timeoutMs: number;
  /** Tests may resolve names their own way; the system resolver otherwise. */
  lookup?: Lookup;
}

export class WebhooksService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: WebhooksRepository,
    private readonly box: SecretBox,
    private readonly stories: PublicStoryReader,
    private readonly audit: AuditRepository,
    private readonly clock: () => number,
    private readonly opts: WebhooksOptions,
  ) {}

  // ---- administration

  async list(): Promise<{ items: EndpointView[]; settings: { allowPrivateTargets: boolean } }> {
    const rows = await this.repo.list(MAX_ENDPOINTS);
    return { items: rows.map(presentEndpoint), settings: { allowPrivateTargets: await this.allowPrivate() } };
  }

  async one(id: number): Promise<EndpointView> {
    const row = await this.repo.info(id);
    if (!row) throw new NotFoundError(msg('webhook.not_found'));
    return presentEndpoint(row);
  }

  async create(input: { url: string; events: WebhookEvent[]; active: boolean }, userId: number): Promise<{ endpoint: EndpointView; secret: string }> {
    await this.checkUrl(input.url);
    if ((await this.repo.count()) >= MAX_ENDPOINTS) throw new ConflictError(msg('webhook.too_many', { max: MAX_ENDPOINTS }));
    const secret = newSecret();
    const now = this.clock();
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await this.repo.insert(trx, { url: input.url, events: input.events.join(','), active: input.active ? 1 : 0, createdBy: userId, now });
      await this.repo.setSecret(trx, id, this.box.seal(secret, owner(id)), now);
      await this.audit.record(trx, { userId, action: 'webhook.create', entity: 'webhook', entityId: id, details: { url: input.url, events: input.events, active: input.active } });
      return id;
    });
    return { endpoint: await this.one(id), secret };
  }

  async update(id: number, input: { url?: string; events?: WebhookEvent[]; active?: boolean }, userId: number): Promise<EndpointView> {
    if (input.url !== undefined) await this.checkUrl(input.url);
    await this.db.transaction().execute(async (trx) => {
      const set = { ...(input.url !== undefined ? { url: input.url } : {}), ...(input.events ? { events: input.events.join(',') } : {}), ...(input.active !== undefined ? { active: input.active ? (1 as const) : (0 as const) } : {}) };
      if (!(await this.repo.update(trx, id, set, this.clock()))) throw new NotFoundError(msg('webhook.not_found'));
      await this.audit.record(trx, { userId, action: 'webhook.update', entity: 'webhook', entityId: id, details: input });
    });
    return this.one(id);
  }

  async rotate(id: number, userId: number): Promise<{ endpoint: EndpointView; secret: string }> {
    const secret = newSecret();
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.setSecret(trx, id, this.box.seal(secret, owner(id)), this.clock()))) throw new NotFoundError(msg('webhook.not_found'));
      await this.audit.record(trx, { userId, action: 'webhook.rotate', entity: 'webhook', entityId: id });
    });
    return { endpoint: await this.one(id), secret };
  }

  async remove(id: number, userId: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.repo.info(id, trx);
      if (!row || !(await this.repo.remove(trx, id))) throw new NotFoundError(msg('webhook.not_found'));
      await this.audit.record(trx, { userId, action: 'webhook.delete', entity: 'webhook', entityId: id, details: { url: row.url } });
    });
  }

  async deliveries(id: number, beforeId: number | null, limit = 50): Promise<{ items: DeliveryView[]; next: number | null }> {
    await this.one(id);
    const rows = await this.repo.deliveries(id, limit + 1, beforeId);
    const page = rows.slice(0, limit);
    return { items: page.map(presentDelivery), next: rows.length > limit ? page[page.length - 1]!.id : null };
  }

  async allowPrivate(): Promise<boolean> {
    return (await this.repo.setting(ALLOW_PRIVATE)) === '1';
  }

  async setAllowPrivate(on: boolean, userId: number): Promise<{ allowPrivateTargets: boolean }> {
    await this.db.transaction().execute(async (trx) => {
      await this.repo.saveSetting(trx, ALLOW_PRIVATE, on ? '1' : '0');
      await this.audit.record(trx, { userId, action: 'webhook.settings', entity: 'webhook', details: { allowPrivateTargets: on } });
    });
    return { allowPrivateTargets: on };
  }

  /** The "send test event" button: one signed attempt now, logged, its outcome returned. */
  async sendTest(id: number): Promise<DeliveryView> {
    const endpoint = await this.repo.withSecret(id);
    if (!endpoint) throw new NotFoundError(msg('webhook.not_found'));
    const now = this.clock();
    const eventId = `msg_test_${crypto.randomBytes(8).toString('hex')}`;
    const { deliveryId, result } = await this.attempt(endpoint, eventId, testPayload(id, now), 1);
    if (result.ok) await this.repo.markOk(id);
    const [row] = await this.repo.deliveries(id, 1, deliveryId + 1);
    return presentDelivery(row!);
  }

  /** Refuses a URL the sender would refuse: 422 on the url field, in the admin's language. */
  private async checkUrl(url: string): Promise<void> {
    try {
      await checkTarget(new URL(url), await this.allowPrivate(), this.opts.lookup, this.opts.timeoutMs);
    } catch (err) {
      if (!(err instanceof TargetRefusedError)) throw err;
      const f = err.problem === 'private' ? field('url', 'webhook.url_private', { address: err.address ?? err.host }) : field('url', 'webhook.url_unresolvable', { host: err.host });
      throw new ValidationError(msg('form.invalid'), [f]);
    }
  }

  // ---- delivery (called by the jobs in webhooks.jobs.ts)

  /**
   * A story event's fan-out: one delivery job per active endpoint that takes the event, enqueued
   * in one transaction with a dedupe key per endpoint and event, so a fan-out that runs twice (a
   * lease ran out, a crash after the commit) never doubles a delivery. The event id comes from
   * the fan-out job itself, so it is the same on every run.
   */
  async fanOut(event: StoryEvent, job: Pick<OutboxRow, 'id' | 'created_at'>): Promise<number> {
    const type = webhookEventOf(event.type);
    const targets = (await this.repo.active(MAX_ENDPOINTS)).filter((e) => e.events.split(',').includes(type));
    if (targets.length === 0) return 0;
    const now = this.clock();
    const [story] = await this.stories.byEditionIds([event.editionId]);
    const payload = storyPayload(event, story, now);
    if (!payload) return 0;
    const eventId = `msg_${job.id}_${Number(job.created_at).toString(36)}`;
    await this.db.transaction().execute(async (trx) => {
      for (const t of targets) {
        await enqueue<DeliveryJob>(trx, { topic: DELIVER_TOPIC, payload: { endpointId: t.id, eventId, payload }, runAt: now, dedupeKey: `${DELIVER_TOPIC}:${eventId}:${t.id}` }, now);
      }
    });
    return targets.length;
  }

  /**
   * One attempt of a delivery job. Returns normally when delivered or when there is nothing to
   * deliver any more (endpoint deleted, switched off, or no longer taking this event); throws
   * when the attempt failed, so the relay retries. On the last attempt the endpoint is marked
   * failing first.
   */
  async deliver(job: DeliveryJob, attempt: number, last: boolean, leaseUntil: number | null = null): Promise<void> {
    // The relay runs a claimed batch one job after another: behind slow receivers a job's lease
    // may be nearly over, and another node may claim it while this POST is still in flight — the
    // receiver would get it twice. Hand it back instead (an attempt, retried soon).
    if (leaseUntil !== null && leaseUntil - this.clock() < 2 * this.opts.timeoutMs + 1000) {
      const err = new LeaseTooShortError(job.endpointId);
      if (last) await this.repo.markFailing(job.endpointId, this.clock(), err.message);
      throw err;
    }
    const endpoint = await this.repo.withSecret(job.endpointId);
    if (!endpoint || endpoint.active !== 1) return;
    if (job.payload.type !== TEST_EVENT && !endpoint.events.split(',').includes(job.payload.type)) return;
    const { result } = await this.attempt(endpoint, job.eventId, job.payload, attempt);
    if (result.ok) {
      await this.repo.markOk(endpoint.id);
      return;
    }
    if (last) await this.repo.markFailing(endpoint.id, this.clock(), result.error);
    throw new DeliveryFailedError(endpoint.id, result.error);
  }

  /** Signs and sends one attempt and logs it, whatever happens. */
  private async attempt(endpoint: { id: number; url: string; secret_enc: string }, eventId: string, payload: WebhookPayload, attempt: number): Promise<{ deliveryId: number; result: SendResult }> {
    const now = this.clock();
    const result = await this.post(endpoint, eventId, payload, now);
    const deliveryId = await this.repo.logDelivery({
      endpoint_id: endpoint.id, event_id: eventId, event_type: payload.type, attempt, status_code: result.status, latency_ms: result.latencyMs,
      response_head: result.head, error: result.error, at: now,
    });
    await this.repo.pruneDeliveries(endpoint.id, now - LOG_KEEP_MS, 100);
    return { deliveryId, result };
  }

  private async post(endpoint: { id: number; url: string; secret_enc: string }, eventId: string, payload: WebhookPayload, now: number): Promise<SendResult> {
    const fail = (error: string): SendResult => ({ ok: false, status: null, latencyMs: 0, head: '', error });
    const secret = this.box.open(endpoint.secret_enc, owner(endpoint.id));
    if (!secret) return fail('the signing secret cannot be opened (was XABAR_SECRET_KEY changed?); rotate the secret');
    const url = new URL(endpoint.url);
    let target;
    try {
      // Checked at every attempt: the setting may have been turned off, the name may resolve elsewhere now.
      target = await checkTarget(url, await this.allowPrivate(), this.opts.lookup, this.opts.timeoutMs);
    } catch (err) {
      if (err instanceof TargetRefusedError) return fail(err.message);
      throw err;
    }
    const body = JSON.stringify(payload);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Xabar-Webhooks/1',
      'webhook-id': eventId,
      'webhook-timestamp': String(Math.floor(now / 1000)),
      'webhook-signature': new Webhook(secret).sign(eventId, new Date(now), body),
    };
    return send({ url, target, headers, body, timeoutMs: this.opts.timeoutMs, maxBytes: RESPONSE_HEAD_BYTES });
  }
}

/** A delivery attempt failed: the relay retries it (its message goes to the job's last_error). */
export class DeliveryFailedError extends Error {
  constructor(readonly endpointId: number, readonly reason: string) {
    super(`webhook ${endpointId}: ${reason}`);
    this.name = 'DeliveryFailedError';
  }
}

/** Not enough of the job's lease is left for one attempt (see deliver). */
export class LeaseTooShortError extends Error {
  constructor(readonly endpointId: number) {
    super(`webhook ${endpointId}: too little of the job's lease left for an attempt; retried`);
    this.name = 'LeaseTooShortError';
  }
}

/** `whsec_` and 32 random bytes in base64, the Standard Webhooks secret format. */
function newSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64')}`;
}

function owner(id: number): string {
  return `webhook:${id}`;
}

function presentEndpoint(r: EndpointInfo): EndpointView {
  return {
    id: r.id,
    url: r.url,
    events: r.events.split(',').filter(Boolean) as WebhookEvent[],
    active: r.active === 1,
    state: r.state,
    failingSince: r.failing_since === null ? null : new Date(Number(r.failing_since)).toISOString(),
    lastError: r.last_error,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    updatedAt: new Date(Number(r.updated_at)).toISOString(),
  };
}

function presentDelivery(r: DeliveryRow): DeliveryView {
  return {
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    attempt: r.attempt,
    ok: r.error === '' && r.status_code !== null && r.status_code >= 200 && r.status_code < 300,
    statusCode: r.status_code,
    latencyMs: r.latency_ms,
    responseHead: r.response_head,
    error: r.error,
    at: new Date(Number(r.at)).toISOString(),
  };
}
