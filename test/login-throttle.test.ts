/**
 * Sign-in throttling under concurrency and hostile input (issue 7, items 2, 5, 6, 8, 14), on
 * SQLite and PostgreSQL: the attempt is reserved atomically before the password hash is checked,
 * an attacker at one address cannot lock the owner out from another, proxies are trusted only as
 * configured, and racing creations answer 409, never 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ApiClient } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const PW = 'correct horse battery';
// These suites are about passwords; two-factor has its own (test/two-factor.test.ts).
const ENV = { XABAR_NEW_SITE_TWO_FACTOR_ROLES: '' };

async function newSite(dialect: (typeof DIALECTS)[number], env: Record<string, string> = {}) {
  const s = await makeTestSite(dialect, { now: NOW, env: { ...ENV, ...env } });
  const admin = new ApiClient(s.app, '127.0.0.9');
  await admin.session();
  expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: PW })).status).toBe(201);
  return { s, admin };
}

const statuses = (rs: { status: number }[]) => rs.reduce<Record<number, number>>((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});

describe.each(DIALECTS)('login throttle on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  beforeAll(async () => {
    ({ s, admin } = await newSite(dialect));
    for (const name of ['owner', 'victim', 'ceiling', 'fresh'])
      expect((await admin.req('POST', '/users', { email: `${name}@example.uz`, name, role: 'author', password: PW })).status).toBe(201);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('40 parallel guesses at one account check the hash at most 5 times; the right one among them does not get in later', async () => {
    const c = new ApiClient(s.app, '198.51.100.1');
    await c.session();
    const before = s.c.accounts.passwordChecks;
    const rs = await Promise.all(Array.from({ length: 40 }, (_, i) => c.req('POST', '/login', { email: 'victim@example.uz', password: i === 25 ? PW : `wrong guess ${i}` })));
    const counts = statuses(rs);
    expect((counts[401] ?? 0) + (counts[200] ?? 0), JSON.stringify(counts)).toBeLessThanOrEqual(5);
    expect(counts[429]).toBeGreaterThanOrEqual(35);
    expect(s.c.accounts.passwordChecks - before).toBeLessThanOrEqual(5);
    const refused = rs.find((r) => r.status === 429)!;
    expect(refused.json.error.message).toMatch(/Try again in \d+ minutes?/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('60 parallel guesses from one address over different accounts check at most 20 times', async () => {
    const c = new ApiClient(s.app, '198.51.100.2');
    await c.session();
    const before = s.c.accounts.passwordChecks;
    const rs = await Promise.all(Array.from({ length: 60 }, (_, i) => c.req('POST', '/login', { email: `nobody${i}@example.uz`, password: 'wrong password' })));
    const counts = statuses(rs);
    expect(counts[401] ?? 0, JSON.stringify(counts)).toBeLessThanOrEqual(20);
    expect(s.c.accounts.passwordChecks - before).toBeLessThanOrEqual(20);
  });

  it('an attacker at one address does not lock the owner out at another', async () => {
    const attacker = new ApiClient(s.app, '203.0.113.66');
    await attacker.session();
    for (let i = 0; i < 8; i++) await attacker.req('POST', '/login', { email: 'owner@example.uz', password: `guess ${i}` });
    expect((await attacker.req('POST', '/login', { email: 'owner@example.uz', password: PW })).status).toBe(429);
    const owner = new ApiClient(s.app, '192.0.2.77');
    expect((await owner.login('owner@example.uz', PW)).status).toBe(200);
  });

  it('past the per-account ceiling only a known address gets through, and the message says when', async () => {
    const known = new ApiClient(s.app, '192.0.2.10');
    expect((await known.login('ceiling@example.uz', PW)).status).toBe(200);
    // A distributed attack: one guess from each of 50 addresses.
    for (let i = 0; i < 50; i++) {
      const bot = new ApiClient(s.app, `100.64.${Math.floor(i / 200)}.${i + 1}`);
      await bot.session();
      await bot.req('POST', '/login', { email: 'ceiling@example.uz', password: `guess ${i}` });
    }
    const stranger = new ApiClient(s.app, '192.0.2.11');
    const refused = await stranger.login('ceiling@example.uz', PW);
    expect(refused.status).toBe(429);
    expect(refused.json.error.message).toMatch(/Try again in \d+ minutes?/);
    const again = new ApiClient(s.app, '192.0.2.10');
    expect((await again.login('ceiling@example.uz', PW)).status).toBe(200);
  });

  it('successful sign-ins do not use up the budget', async () => {
    const c = new ApiClient(s.app, '192.0.2.30');
    for (let i = 0; i < 30; i++) expect((await c.login('fresh@example.uz', PW)).status).toBe(200);
  });

  // The edge (src/http/edge.ts) refuses these for every route before any handler or query runs;
  // the account schemas refuse them too, so the rule holds even if a route escaped the hook.
  it('refuses NUL characters and lone surrogates with a clear 400, never 500', async () => {
    const c = new ApiClient(s.app, '192.0.2.40');
    await c.session();
    const refused = (r: { status: number; body: string; json: any }) => {
      expect(r.status, r.body).toBe(400);
      expect(r.json.error.code).toBe('bad_request');
      expect(r.json.error.message).toMatch(/NUL or an unpaired surrogate/);
    };
    for (const bad of ['a\u0000b@example.uz', 'x\uD800@example.uz']) refused(await c.req('POST', '/login', { email: bad, password: PW }));
    refused(await c.req('POST', '/login', { email: 'owner@example.uz', password: 'pass\u0000word' }));
    for (const body of [
      { email: 'nul\u0000@example.uz', name: 'N', password: PW, role: 'author' },
      { email: 'nul@example.uz', name: 'N\u0000', password: PW, role: 'author' },
      { email: 'nul@example.uz', name: 'N\uDC00', password: PW, role: 'author' },
      { email: 'nul@example.uz', name: 'N', password: `${PW}\u0000`, role: 'author' },
    ]) refused(await admin.req('POST', '/users', body));
    const fresh = new ApiClient(s.app);
    await fresh.session();
    refused(await fresh.req('POST', '/setup', { email: 'a@example.uz', name: 'A\u0000', password: PW }));
  });

  it('two parallel creations of one e-mail: one 201, the other a clear 409', async () => {
    const body = { email: 'twin@example.uz', name: 'Twin', password: PW, role: 'author' };
    const rs = await Promise.all([admin.req('POST', '/users', body), admin.req('POST', '/users', body)]);
    expect(rs.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(rs.find((r) => r.status === 409)!.json.error.message).toBe('A user with this e-mail already exists.');
    expect((await admin.req('POST', '/users', body)).json.error.message).toBe('A user with this e-mail already exists.');
  });
});

describe.each(DIALECTS)('first-run setup race on %s', (dialect) => {
  it('two parallel setups create exactly one administrator', async () => {
    const s = await makeTestSite(dialect, { now: NOW, env: ENV });
    try {
      const a = new ApiClient(s.app, '192.0.2.1');
      const b = new ApiClient(s.app, '192.0.2.2');
      await Promise.all([a.session(), b.session()]);
      const rs = await Promise.all([
        a.req('POST', '/setup', { email: 'first@example.uz', name: 'First', password: PW }),
        b.req('POST', '/setup', { email: 'second@example.uz', name: 'Second', password: PW }),
      ]);
      expect(rs.map((r) => r.status).sort()).toEqual([201, 409]);
      const admins = await s.c.db.kysely.selectFrom('users').select('email').execute();
      expect(admins).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});

describe('TRUST_PROXY', () => {
  it('refuses `true` and explains what to give instead; accepts hops and addresses', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY.*hop count.*address/i);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1,::1' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.1', '::1']);
  });

  it.each(DIALECTS)('with one hop a forged left-most X-Forwarded-For does not change the address counted (%s)', async (dialect) => {
    const { s } = await newSite(dialect, { TRUST_PROXY: '1' });
    try {
      const c = new ApiClient(s.app, '10.0.0.1');
      await c.session();
      const rs = [];
      for (let i = 0; i < 22; i++) {
        rs.push(await c.req('POST', '/login', { email: `user${i}@example.uz`, password: 'wrong password' }, { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` }));
      }
      expect(rs.at(-1)!.status).toBe(429);
      const keys = (await s.c.db.kysely.selectFrom('login_throttle').select('key').execute()).map((r) => r.key);
      expect(keys.filter((k) => k.startsWith('ip:'))).toEqual(['ip:203.0.113.7']);
    } finally {
      await s.close();
    }
  });

  it.each(DIALECTS)('with a CIDR list only a listed proxy has its header honoured (%s)', async (dialect) => {
    const { s } = await newSite(dialect, { TRUST_PROXY: '10.0.0.0/8' });
    try {
      const viaProxy = new ApiClient(s.app, '10.1.2.3');
      await viaProxy.session();
      await viaProxy.req('POST', '/login', { email: 'x@example.uz', password: 'wrong password' }, { 'x-forwarded-for': '203.0.113.9' });
      const direct = new ApiClient(s.app, '192.0.2.99');
      await direct.session();
      await direct.req('POST', '/login', { email: 'x@example.uz', password: 'wrong password' }, { 'x-forwarded-for': '203.0.113.10' });
      const keys = (await s.c.db.kysely.selectFrom('login_throttle').select('key').execute()).map((r) => r.key).filter((k) => k.startsWith('ip:')).sort();
      expect(keys).toEqual(['ip:192.0.2.99', 'ip:203.0.113.9']);
    } finally {
      await s.close();
    }
  });
});
