/**
 * Webhooks end to end on SQLite and PostgreSQL: an administrator registers endpoints on a test
 * receiver (127.0.0.1, so "allow private targets" is turned on after proving it is needed), the
 * newsroom publishes, updates, corrects and unpublishes, the relay runs the jobs with a test
 * clock, and the receiver checks every signature with the standardwebhooks library itself.
 * Retries, timeouts, redirects, the failing state, the SSRF guard and the secret's one showing
 * are each proven on their own.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs } from '../src/jobs/relay.js';
import { isPrivateAddress, checkTarget } from '../src/distribution/webhooks/ssrf.js';
import { DELIVERY_MAX_ATTEMPTS, RETRY_FOR_MS, attemptsWithin } from '../src/distribution/webhooks/webhooks.jobs.js';
import { DIALECTS } from './helpers/site.js';
import { draft, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';

describe('the SSRF guard', () => {
  it.each([
    '127.0.0.1', '127.1.2.3', '10.0.0.5', '172.16.3.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '198.18.0.1',
    '::', '::1', 'fe80::1', 'fd12:3456::1', 'fc00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::7f00:1', '::127.0.0.1', '2001:db8::1',
  ])('refuses %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });
  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])('takes the public address %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
  it('refuses a name when any of its addresses is private, and connects to the address it checked', async () => {
    const lookup = async (host: string) => (host === 'mixed.example' ? [{ address: '93.184.215.14', family: 4 }, { address: '127.0.0.1', family: 4 }] : [{ address: '93.184.215.14', family: 4 }]);
    await expect(checkTarget(new URL('https://mixed.example/hook'), false, lookup)).rejects.toMatchObject({ problem: 'private', address: '127.0.0.1' });
    await expect(checkTarget(new URL('https://public.example/hook'), false, lookup)).resolves.toEqual({ address: '93.184.215.14', family: 4 });
    await expect(checkTarget(new URL('https://mixed.example/hook'), true, lookup)).resolves.toEqual({ address: '93.184.215.14', family: 4 });
    await expect(checkTarget(new URL('http://localhost:9/'), false)).rejects.toMatchObject({ problem: 'private' });
  });
  it('retries a delivery for about a day', () => {
    let waited = 0;
    for (let a = 1; a < DELIVERY_MAX_ATTEMPTS; a++) waited += backoffMs(a);
    expect(waited).toBeGreaterThanOrEqual(RETRY_FOR_MS);
    expect(waited - backoffMs(DELIVERY_MAX_ATTEMPTS - 1)).toBeLessThan(RETRY_FOR_MS);
    expect(attemptsWithin(60_000)).toBe(4); // 10 + 20 + 40 s
  });
});

interface Hit {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A receiver with one behaviour per path; `hits` keeps every request it got. */
async function startReceiver() {
  const hits: Hit[] = [];
  const counts = new Map<string, number>();
  const state = { hang: true };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const path = url.split('?')[0]!;
      hits.push({ url, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
      const n = (counts.get(url) ?? 0) + 1;
      counts.set(url, n);
      if (path === '/ok') return res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
      if (path === '/flaky') return n === 1 ? res.writeHead(500).end('oops') : res.writeHead(200).end('fine now');
      if (path === '/hang') return state.hang ? undefined : res.writeHead(204).end(); // never answers while hanging
      if (path === '/redirect') return res.writeHead(302, { location: '/ok?from=redirect' }).end();
      if (path === '/down') return res.writeHead(500, { 'content-type': 'text/plain' }).end('x'.repeat(5000));
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    state,
    to: (url: string) => hits.filter((h) => h.url === url),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const ALL = ['story.published', 'story.updated', 'story.corrected', 'story.unpublished'];

describe.each(DIALECTS)('webhooks on %s', (dialect) => {
  let n: Newsroom;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  // Signatures are checked against the real time (5 minutes' tolerance), so the test clock starts now.
  const T0 = Date.now();

  /** Runs due jobs until none is left (the fan-out enqueues deliveries that are due at once). */
  const drain = async () => {
    for (let i = 0; i < 20; i++) if ((await n.s.c.relay.runDue(50)) === 0) return;
  };
  const create = async (path: string, events = ALL, active = true) => {
    const r = await n.admin.req('POST', '/webhooks', { url: rx.base + path, events, active });
    expect(r.status, r.body).toBe(201);
    return r.json as { endpoint: { id: number; url: string }; secret: string };
  };
  const publish = async (headline: string) => {
    const e = await draft(n.editor, 'en', headline, n.sectionId, ['The first paragraph.']);
    const r = await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
    expect(r.status, r.body).toBe(200);
    return r.json;
  };
  const log = async (id: number) => (await n.admin.req('GET', `/webhooks/${id}/deliveries`)).json.items as any[];
  const verify = (secret: string, h: Hit) => new Webhook(secret).verify(h.body, h.headers) as any;

  beforeAll(async () => {
    rx = await startReceiver();
    n = await makeNewsroom(dialect, T0, { XABAR_WEBHOOK_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    await n?.s.close();
    await rx?.close();
  });

  it('refuses private, loopback and local-name targets with a clear 422 until the administrator allows them', async () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://10.1.2.3/hook', 'http://[::1]/hook', 'http://localhost/hook', 'http://[::ffff:127.0.0.1]/hook', 'http://169.254.169.254/latest', 'http://2130706433/', 'http://0x7f.0.0.1/']) {
      const r = await n.admin.req('POST', '/webhooks', { url, events: ['story.published'] });
      expect(r.status, url).toBe(422);
      expect(r.json.error.details.fields, url).toEqual([expect.objectContaining({ field: 'url', key: 'webhook.url_private' })]);
    }
    const bad = await n.admin.req('POST', '/webhooks', { url: 'ftp://example.com/x', events: [] });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.fields.map((f: any) => [f.field, f.key])).toEqual([['url', 'webhook.url_invalid'], ['events', 'webhook.events_required']]);
    const creds = await n.admin.req('POST', '/webhooks', { url: 'https://user:pw@example.com/x', events: ['story.published'] });
    expect(creds.json.error.details.fields[0].key).toBe('webhook.url_invalid');
    const unknownEvent = await n.admin.req('POST', '/webhooks', { url: 'https://example.com/x', events: ['story.deleted'] });
    expect(unknownEvent.status).toBe(422);

    const on = await n.admin.req('PUT', '/webhooks/settings', { allowPrivateTargets: true });
    expect(on.status, on.body).toBe(200);
    expect((await n.admin.req('GET', '/webhooks')).json.settings).toEqual({ allowPrivateTargets: true });
  });

  it('is for administrators only', async () => {
    for (const c of [n.editor, n.author, n.contributor]) {
      expect((await c.req('GET', '/webhooks')).status).toBe(403);
      expect((await c.req('POST', '/webhooks', { url: rx.base + '/ok', events: ALL })).status).toBe(403);
      expect((await c.req('PUT', '/webhooks/settings', { allowPrivateTargets: true })).status).toBe(403);
    }
  });

  it('delivers published, updated, corrected and unpublished, signed so standardwebhooks verifies them; inactive and unsubscribed endpoints get nothing', async () => {
    const main = await create('/ok?e=main');
    const off = await create('/ok?e=off');
    expect((await n.admin.req('PATCH', `/webhooks/${off.endpoint.id}`, { active: false })).json.active).toBe(false);
    const dormant = await create('/ok?e=dormant', ALL, false);
    const onlyGone = await create('/ok?e=gone', ['story.unpublished']);
    expect(main.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    // The secret is shown once: never in a list, an endpoint, or the log.
    const listed = await n.admin.req('GET', '/webhooks');
    expect(listed.json.items.map((e: any) => e.url)).toEqual([main, off, dormant, onlyGone].map((x) => x.endpoint.url));
    expect(listed.body).not.toContain('whsec_');
    expect(listed.body).not.toContain(main.secret.slice(6, 20));
    expect(listed.body).not.toMatch(/secret/i);

    const e = await publish('Bridge opens over the river');
    await drain();
    const got = rx.to('/ok?e=main');
    expect(got).toHaveLength(1);
    const published = verify(main.secret, got[0]!);
    expect(published).toMatchObject({ type: 'story.published', data: { id: e.id, storyId: e.storyId, locale: 'en', headline: 'Bridge opens over the river', url: `https://news.example.test/en/news/${e.slug}` } });
    expect(published.data.bodyHtml).toContain('The first paragraph.');
    expect(got[0]!.headers['webhook-id']).toMatch(/^msg_/);
    expect(() => verify(onlyGone.secret, got[0]!)).toThrow(); // another endpoint's secret does not verify it

    // Updated (coalesced: runs after the window), corrected, unpublished.
    const saved = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { headline: 'Bridge opens over the wide river' }));
    expect(saved.status, saved.body).toBe(200);
    n.s.tick(12_000);
    await drain();
    expect((await n.editor.req('POST', `/editions/${e.id}/notes`, { kind: 'correction', text: 'The bridge is 2 km long.' })).status).toBe(200);
    await drain();
    expect((await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished', from: 'published', reason: 'Legal' })).status).toBe(200);
    await drain();

    const events = rx.to('/ok?e=main').map((h) => verify(main.secret, h));
    expect(events.map((p) => p.type)).toEqual(['story.published', 'story.updated', 'story.corrected', 'story.unpublished']);
    expect(events[1].data.headline).toBe('Bridge opens over the wide river');
    expect(events[2].data.notes).toEqual([expect.objectContaining({ kind: 'correction', text: 'The bridge is 2 km long.' })]);
    expect(events[3].data).toEqual({ id: e.id, storyId: e.storyId, locale: 'en', language: 'en', url: `https://news.example.test/en/news/${e.slug}`, unpublishedAt: expect.any(String) });
    expect(new Set(rx.to('/ok?e=main').map((h) => h.headers['webhook-id'])).size).toBe(4);

    expect(rx.to('/ok?e=off')).toEqual([]);
    expect(rx.to('/ok?e=dormant')).toEqual([]);
    expect(rx.to('/ok?e=gone').map((h) => verify(onlyGone.secret, h).type)).toEqual(['story.unpublished']);

    const entries = await log(main.endpoint.id);
    expect(entries.map((d) => [d.eventType, d.statusCode, d.ok, d.responseHead])).toEqual([
      ['story.unpublished', 200, true, 'thanks'], ['story.corrected', 200, true, 'thanks'], ['story.updated', 200, true, 'thanks'], ['story.published', 200, true, 'thanks'],
    ]);
    expect(entries[0].latencyMs).toEqual(expect.any(Number));
    const logBody = (await n.admin.req('GET', `/webhooks/${main.endpoint.id}/deliveries`)).body;
    expect(logBody).not.toContain('whsec_');

    for (const x of [main, off, dormant, onlyGone]) expect((await n.admin.req('DELETE', `/webhooks/${x.endpoint.id}`)).status).toBe(204);
    expect((await n.admin.req('GET', `/webhooks/${main.endpoint.id}/deliveries`)).status).toBe(404);
  });

  it('an endpoint disabled after the fan-out gets nothing, and the delivery is not retried', async () => {
    const ep = await create('/ok?e=late-off', ['story.published']);
    await publish('Disabled in between');
    await n.s.c.relay.runDue(50); // the fan-out: the delivery is queued
    const queued = await n.s.c.db.kysely.selectFrom('outbox').select(['id']).where('topic', '=', 'webhooks.deliver').where('done_at', 'is', null).execute();
    expect(queued).toHaveLength(1);
    await n.admin.req('PATCH', `/webhooks/${ep.endpoint.id}`, { active: false });
    await drain();
    expect(rx.to('/ok?e=late-off')).toEqual([]);
    const job = await n.s.c.db.kysely.selectFrom('outbox').select(['done_at']).where('id', '=', queued[0]!.id).executeTakeFirstOrThrow();
    expect(Number(job.done_at)).toBeGreaterThan(0);
    await n.admin.req('DELETE', `/webhooks/${ep.endpoint.id}`);
  });

  it('a fan-out that runs twice delivers once', async () => {
    const ep = await create('/ok?e=twice', ['story.published']);
    const e = await publish('Twice announced');
    const job = await n.s.c.db.kysely.selectFrom('outbox').select(['id', 'payload', 'created_at']).where('topic', '=', 'webhooks.fanout').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const event = JSON.parse(job.payload);
    expect(event.editionId).toBe(e.id);
    await n.s.c.webhooks.fanOut(event, { id: job.id, created_at: Number(job.created_at) });
    await n.s.c.webhooks.fanOut(event, { id: job.id, created_at: Number(job.created_at) });
    await drain(); // runs the fan-out job a third time, too
    expect(rx.to('/ok?e=twice')).toHaveLength(1);
    await n.admin.req('DELETE', `/webhooks/${ep.endpoint.id}`);
  });

  it('hands a delivery back instead of sending it when too little of its lease is left (another node could claim it mid-flight)', async () => {
    const ep = await create('/ok?e=lease', ['story.published']);
    const job = { endpointId: ep.endpoint.id, eventId: 'msg_lease', payload: { type: 'story.published', timestamp: new Date(T0).toISOString(), data: {} } };
    await expect(n.s.c.webhooks.deliver(job, 1, false, n.s.c.clock() + 500)).rejects.toThrow(/lease/);
    expect(rx.to('/ok?e=lease')).toEqual([]);
    await n.s.c.webhooks.deliver(job, 2, false, n.s.c.clock() + 60_000);
    expect(rx.to('/ok?e=lease')).toHaveLength(1);
    await n.admin.req('DELETE', `/webhooks/${ep.endpoint.id}`);
  });

  it('describes its routes in the OpenAPI document', async () => {
    const doc = await n.admin.req('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.json.paths)).toEqual(expect.arrayContaining(['/webhooks', '/webhooks/settings', '/webhooks/{id}', '/webhooks/{id}/test', '/webhooks/{id}/rotate', '/webhooks/{id}/deliveries']));
  });

  it('retries a receiver that answers 500, and the log shows both attempts', async () => {
    const ep = await create('/flaky', ['story.published']);
    await publish('Flaky receiver story');
    await drain();
    expect(rx.to('/flaky')).toHaveLength(1);
    expect((await log(ep.endpoint.id)).map((d) => [d.attempt, d.statusCode, d.ok, d.responseHead, d.error])).toEqual([[1, 500, false, 'oops', 'HTTP 500']]);
    n.s.tick(backoffMs(1));
    await drain();
    const hits = rx.to('/flaky');
    expect(hits).toHaveLength(2);
    expect(hits[1]!.headers['webhook-id']).toBe(hits[0]!.headers['webhook-id']); // the same message, so receivers can de-duplicate
    expect(verify(ep.secret, hits[1]!).type).toBe('story.published');
    expect((await log(ep.endpoint.id)).map((d) => [d.attempt, d.statusCode, d.ok])).toEqual([[2, 200, true], [1, 500, false]]);
    expect((await n.admin.req('GET', '/webhooks')).json.items.find((x: any) => x.id === ep.endpoint.id).state).toBe('ok');
    await n.admin.req('DELETE', `/webhooks/${ep.endpoint.id}`);
  });

  it('cuts off a receiver that hangs after the timeout, and retries it', async () => {
    const ep = await create('/hang', ['story.published']);
    await publish('Hanging receiver story');
    await drain();
    const [first] = await log(ep.endpoint.id);
    expect(first).toMatchObject({ attempt: 1, statusCode: null, ok: false, error: 'timed out after 1500 ms' });
    const job = await n.s.c.db.kysely.selectFrom('outbox').select(['attempts', 'done_at', 'last_error']).where('topic', '=', 'webhooks.deliver').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ attempts: 1, done_at: null });
    expect(job.last_error).toContain('timed out');
    rx.state.hang = false;
    n.s.tick(backoffMs(1));
    await drain();
    expect((await log(ep.endpoint.id)).map((d) => [d.attempt, d.statusCode, d.ok])).toEqual([[2, 204, true], [1, null, false]]);
    await n.admin.req('DELETE', `/webhooks/${ep.endpoint.id}`);
  });

  it('sends a test event on the button, does not follow redirects, and refuses private targets at send time once they are not allowed', async () => {
    const ok = await create('/ok?e=test', ['story.published'], false);
    const sent = await n.admin.req('POST', `/webhooks/${ok.endpoint.id}/test`);
    expect(sent.status, sent.body).toBe(200);
    expect(sent.json).toMatchObject({ eventType: 'webhook.test', attempt: 1, statusCode: 200, ok: true, responseHead: 'thanks' });
    const [hit] = rx.to('/ok?e=test');
    expect(verify(ok.secret, hit!)).toMatchObject({ type: 'webhook.test', data: { endpointId: ok.endpoint.id } });

    const redirect = await create('/redirect', ['story.published']);
    const r = await n.admin.req('POST', `/webhooks/${redirect.endpoint.id}/test`);
    expect(r.json).toMatchObject({ statusCode: 302, ok: false });
    expect(r.json.error).toContain('redirect not followed');
    expect(rx.to('/ok?from=redirect')).toEqual([]);

    // A new secret: signatures made with it verify, the old one no longer does.
    const rotated = await n.admin.req('POST', `/webhooks/${ok.endpoint.id}/rotate`);
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(ok.secret);
    await n.admin.req('POST', `/webhooks/${ok.endpoint.id}/test`);
    const last = rx.to('/ok?e=test').at(-1)!;
    expect(verify(rotated.json.secret, last).type).toBe('webhook.test');
    expect(() => verify(ok.secret, last)).toThrow();

    await n.admin.req('PUT', '/webhooks/settings', { allowPrivateTargets: false });
    try {
      const refused = await n.admin.req('POST', `/webhooks/${ok.endpoint.id}/test`);
      expect(refused.json).toMatchObject({ ok: false, statusCode: null });
      expect(refused.json.error).toContain('private');
      expect(rx.to('/ok?e=test')).toHaveLength(2);
    } finally {
      await n.admin.req('PUT', '/webhooks/settings', { allowPrivateTargets: true });
    }
    for (const x of [ok, redirect]) await n.admin.req('DELETE', `/webhooks/${x.endpoint.id}`);
  });

  // Last: it moves the test clock a day on, past what signatures verified against real time accept.
  it('marks the endpoint failing after the last attempt, about a day later, keeping the first bytes of each answer', async () => {
    const ep = await create('/down', ['story.published']);
    await publish('Nobody listens');
    await drain();
    let waited = 0;
    for (let a = 1; a < DELIVERY_MAX_ATTEMPTS; a++) {
      expect((await n.admin.req('GET', '/webhooks')).json.items[0].state).toBe('ok');
      n.s.tick(backoffMs(a));
      waited += backoffMs(a);
      await drain();
    }
    expect(waited).toBeGreaterThanOrEqual(RETRY_FOR_MS);
    expect(rx.to('/down')).toHaveLength(DELIVERY_MAX_ATTEMPTS);
    const [view] = (await n.admin.req('GET', '/webhooks')).json.items;
    expect(view).toMatchObject({ id: ep.endpoint.id, state: 'failing', lastError: 'HTTP 500', failingSince: new Date(n.s.c.clock()).toISOString() });
    const job = await n.s.c.db.kysely.selectFrom('outbox').select(['done_at', 'attempts']).where('topic', '=', 'webhooks.deliver').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job).toEqual({ done_at: -1, attempts: DELIVERY_MAX_ATTEMPTS });
    const entries = await log(ep.endpoint.id);
    expect(entries).toHaveLength(DELIVERY_MAX_ATTEMPTS);
    expect(entries[0].responseHead).toBe('x'.repeat(512));
    // A success later makes it healthy again.
    expect((await n.admin.req('PATCH', `/webhooks/${ep.endpoint.id}`, { url: rx.base + '/ok?e=recovered' })).status).toBe(200);
    expect((await n.admin.req('POST', `/webhooks/${ep.endpoint.id}/test`)).json.ok).toBe(true);
    expect((await n.admin.req('GET', '/webhooks')).json.items[0]).toMatchObject({ state: 'ok', failingSince: null });
  });
});
