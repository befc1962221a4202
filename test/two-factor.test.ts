/**
 * Two-factor sign-in through the real HTTP layer, on SQLite and PostgreSQL (issue 7, item 19):
 * enrolment, the second step with TOTP and recovery codes, replay and reuse refused, codes
 * throttled, the role requirement enforced on every API call before enrolment, reset and settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/accounts/secret-box.js';
import { totpCode } from '../src/accounts/totp.js';
import { ApiClient } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0, 5);
const PW = 'correct horse battery';

describe('SecretBox', () => {
  it('opens only what it sealed, for the same owner, untampered', () => {
    const box = new SecretBox(Buffer.alloc(32, 7));
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'totp:1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'totp:1')).toBe('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'totp:2')).toBeNull();
    expect(new SecretBox(Buffer.alloc(32, 8)).open(sealed, 'totp:1')).toBeNull();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(box.open(`v1.${raw.toString('base64url')}`, 'totp:1')).toBeNull();
  });
});

describe.each(DIALECTS)('two-factor sign-in on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  let adminSecret = '';
  let adminCodes: string[] = [];

  async function enrol(c: ApiClient) {
    const start = await c.req('POST', '/two-factor/enrol');
    expect(start.status, start.body).toBe(200);
    expect(start.json.qrSvg).toMatch(/^<svg/);
    expect(start.json.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    const done = await c.req('POST', '/two-factor/enrol/confirm', { code: totpCode(start.json.secret, s.c.clock()) });
    expect(done.status, done.body).toBe(200);
    return { secret: start.json.secret as string, codes: done.json.recoveryCodes as string[] };
  }

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW, env: { XABAR_NEW_SITE_TWO_FACTOR_ROLES: 'editor,admin' } });
    admin = new ApiClient(s.app, '192.0.2.1');
    await admin.session();
    const setup = await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: PW });
    expect(setup.status).toBe(201);
    expect(setup.json.secondFactor).toBe('enrol');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a new site requires enrolment for its administrator before any other API call', async () => {
    for (const url of ['/users', '/stories', '/settings', '/audit']) {
      const r = await admin.req('GET', url);
      expect(r.status, url).toBe(403);
      expect(r.json.error.code).toBe('second_factor_required');
      expect(r.json.error.details.secondFactor).toBe('enrol');
    }
    expect((await admin.req('POST', '/users', { email: 'x@example.uz', name: 'X', role: 'author', password: PW })).status).toBe(403);
    expect((await admin.session()).json.secondFactor).toBe('enrol');
    expect((await admin.req('GET', '/security-settings')).status).toBe(403);
  });

  it('enrols with a confirming code; a wrong code is refused; the secret is stored encrypted', async () => {
    const start = await admin.req('POST', '/two-factor/enrol');
    const wrong = await admin.req('POST', '/two-factor/enrol/confirm', { code: totpCode(start.json.secret, s.c.clock() + 10 * 60_000) });
    expect(wrong.status).toBe(422);
    const { secret, codes } = await enrol(admin);
    adminSecret = secret;
    adminCodes = codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const row = await s.c.db.kysely.selectFrom('two_factor').selectAll().executeTakeFirstOrThrow();
    expect(row.secret_enc).not.toContain(secret);
    const stored = await s.c.db.kysely.selectFrom('recovery_codes').select('code_hash').execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);
    expect((await admin.req('GET', '/users')).status).toBe(200);
    expect((await admin.req('GET', '/two-factor')).json).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });
    // Already on: no second enrolment over it.
    expect((await admin.req('POST', '/two-factor/enrol')).status).toBe(409);
  });

  it('signs in in two steps; the pending session can do nothing else and is replaced', async () => {
    s.tick(30_000);
    const c = new ApiClient(s.app, '192.0.2.1');
    const first = await c.login('admin@example.uz', PW);
    expect(first.status).toBe(200);
    expect(first.json.secondFactor).toBe('verify');
    const pendingCookie = c.cookies.xabar_sid;
    const blocked = await c.req('GET', '/users');
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.details.secondFactor).toBe('verify');
    expect((await c.req('POST', '/two-factor/enrol')).status).toBe(403);
    expect((await c.req('POST', '/two-factor/verify', { code: '000000' })).status).toBe(422);
    const ok = await c.req('POST', '/two-factor/verify', { code: totpCode(adminSecret, s.c.clock()) });
    expect(ok.status, ok.body).toBe(200);
    expect(ok.json.secondFactor).toBeNull();
    expect(c.cookies.xabar_sid).not.toBe(pendingCookie);
    expect((await c.req('GET', '/users')).status).toBe(200);
    // The pre-second-factor token is gone.
    const old = new ApiClient(s.app);
    old.cookies.xabar_sid = pendingCookie!;
    expect((await old.session()).json.user).toBeNull();
  });

  it('refuses a code used once already, and accepts the next step', async () => {
    s.tick(30_000);
    const code = totpCode(adminSecret, s.c.clock());
    const a = new ApiClient(s.app, '192.0.2.1');
    await a.login('admin@example.uz', PW);
    expect((await a.req('POST', '/two-factor/verify', { code })).status).toBe(200);
    const b = new ApiClient(s.app, '192.0.2.1');
    await b.login('admin@example.uz', PW);
    const replay = await b.req('POST', '/two-factor/verify', { code });
    expect(replay.status).toBe(422);
    expect(replay.json.error.message).toMatch(/already used/);
    s.tick(30_000);
    expect((await b.req('POST', '/two-factor/verify', { code: totpCode(adminSecret, s.c.clock()) })).status).toBe(200);
  });

  it('one code sent by two sessions at once signs in only one of them', async () => {
    s.tick(30_000);
    const a = new ApiClient(s.app, '192.0.2.1');
    const b = new ApiClient(s.app, '192.0.2.1');
    await a.login('admin@example.uz', PW);
    await b.login('admin@example.uz', PW);
    const code = totpCode(adminSecret, s.c.clock());
    const rs = await Promise.all([a.req('POST', '/two-factor/verify', { code }), b.req('POST', '/two-factor/verify', { code })]);
    expect(rs.map((r) => r.status).sort()).toEqual([200, 422]);
  });

  it('a recovery code works once', async () => {
    s.tick(16 * 60_000); // a fresh throttle window: the failed codes above count in the last one
    const a = new ApiClient(s.app, '192.0.2.1');
    await a.login('admin@example.uz', PW);
    expect((await a.req('POST', '/two-factor/verify', { recoveryCode: adminCodes[0]!.toUpperCase() })).status).toBe(200);
    const b = new ApiClient(s.app, '192.0.2.1');
    await b.login('admin@example.uz', PW);
    expect((await b.req('POST', '/two-factor/verify', { recoveryCode: adminCodes[0] })).status).toBe(422);
    expect((await a.req('GET', '/two-factor')).json.recoveryCodesLeft).toBe(9);
  });

  it('parallel code guesses are checked at most 5 times', async () => {
    const c = new ApiClient(s.app, '192.0.2.1');
    await c.login('admin@example.uz', PW);
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => c.req('POST', '/two-factor/verify', { code: String(100000 + i) })));
    const wrong = rs.filter((r) => r.status === 422).length;
    const limited = rs.filter((r) => r.status === 429);
    expect(wrong).toBeLessThanOrEqual(5);
    expect(limited.length).toBeGreaterThanOrEqual(15);
    expect(limited[0]!.json.error.message).toMatch(/Try again in \d+ minutes?/);
    // Even the right code waits for the window to end.
    s.tick(30_000);
    expect((await c.req('POST', '/two-factor/verify', { code: totpCode(adminSecret, s.c.clock()) })).status).toBe(429);
    s.tick(16 * 60_000);
    // The half-signed-in session has expired meanwhile (10 minutes): sign in again.
    expect((await c.req('POST', '/two-factor/verify', { code: totpCode(adminSecret, s.c.clock()) })).status).toBe(401);
    await c.login('admin@example.uz', PW);
    expect((await c.req('POST', '/two-factor/verify', { code: totpCode(adminSecret, s.c.clock()) })).status).toBe(200);
  });

  it('enforces the role requirement on an editor until enrolled; authors may choose; admin resets are audited', async () => {
    s.tick(30_000);
    const fresh = new ApiClient(s.app, '192.0.2.1');
    await fresh.login('admin@example.uz', PW);
    expect((await fresh.req('POST', '/two-factor/verify', { code: totpCode(adminSecret, s.c.clock()) })).status).toBe(200);
    admin = fresh;
    for (const role of ['editor', 'author'])
      expect((await admin.req('POST', '/users', { email: `${role}@example.uz`, name: role, role, password: PW })).status).toBe(201);

    const editor = new ApiClient(s.app, '192.0.2.2');
    expect((await editor.login('editor@example.uz', PW)).json.secondFactor).toBe('enrol');
    expect((await editor.req('GET', '/stories')).status).toBe(403);
    expect((await editor.req('POST', '/stories', { locale: 'ru', headline: 'Без второго фактора' })).status).toBe(403);
    s.tick(30_000);
    const { secret: editorSecret } = await enrol(editor);
    expect((await editor.req('GET', '/stories')).status).toBe(200);
    s.tick(30_000);
    const off = await editor.req('POST', '/two-factor/disable', { code: totpCode(editorSecret, s.c.clock()) });
    expect(off.status).toBe(403);

    const author = new ApiClient(s.app, '192.0.2.3');
    expect((await author.login('author@example.uz', PW)).json.secondFactor).toBeNull();
    expect((await author.req('GET', '/stories')).status).toBe(200);
    const { secret: authorSecret } = await enrol(author);
    s.tick(30_000);
    const regen = await author.req('POST', '/two-factor/recovery-codes', { code: totpCode(authorSecret, s.c.clock()) });
    expect(regen.status).toBe(200);
    expect(regen.json.recoveryCodes).toHaveLength(10);
    s.tick(30_000);
    expect((await author.req('POST', '/two-factor/disable', { code: totpCode(authorSecret, s.c.clock()) })).status).toBe(204);
    expect((await author.req('GET', '/two-factor')).json.enabled).toBe(false);

    const users = (await admin.req('GET', '/users')).json.items as { id: number; email: string; twoFactor: boolean }[];
    const ed = users.find((u) => u.email === 'editor@example.uz')!;
    expect(ed.twoFactor).toBe(true);
    expect((await admin.req('DELETE', `/users/${ed.id}/two-factor`)).status).toBe(204);
    expect((await editor.req('GET', '/stories')).status).toBe(401); // sessions ended
    expect((await editor.login('editor@example.uz', PW)).json.secondFactor).toBe('enrol');
    const audit = await s.c.db.kysely.selectFrom('audit_log').select(['action', 'user_id', 'entity_id']).where('action', '=', 'user.2fa_reset').execute();
    expect(audit).toEqual([{ action: 'user.2fa_reset', user_id: 1, entity_id: ed.id }]);

    // The administrator relaxes the requirement: editors are no longer stopped.
    expect((await editor.req('GET', '/security-settings')).status).toBe(403);
    const put = await admin.req('PUT', '/security-settings', { twoFactorRoles: ['admin'] });
    expect(put.json).toEqual({ twoFactorRoles: ['admin'] });
    expect((await admin.req('PUT', '/security-settings', { twoFactorRoles: ['boss'] })).status).toBe(422);
    await new Promise((r) => setTimeout(r, 2100)); // the requirement is cached for 2 s per node
    expect((await editor.req('GET', '/stories')).status).toBe(200);
  });
});

describe.each(DIALECTS)('a site set up before two-factor on %s', (dialect) => {
  it('forces nobody until an administrator chooses roles', async () => {
    const s = await makeTestSite(dialect, { now: NOW, env: { XABAR_NEW_SITE_TWO_FACTOR_ROLES: '' } });
    try {
      const admin = new ApiClient(s.app);
      await admin.session();
      expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: PW })).json.secondFactor).toBeNull();
      expect((await admin.req('GET', '/users')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
