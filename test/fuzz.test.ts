/**
 * Fuzzing every route the app registers (listed by Fastify itself, so routes added later are
 * covered without touching this file) with generated bad input: random JSON shapes, arrays where
 * objects go, huge and fractional numbers, NUL, unpaired surrogates, 100 KB strings, wrong
 * types, invalid JSON and foreign content types — signed in as an administrator with a valid CSRF
 * token (so requests reach the handlers) and anonymously. No answer may be a 5xx, on either
 * database. The seed is fixed: a run is reproducible, and CI sees the same requests every time.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes, type RouteEntry } from '../src/http/edge.js';
import { ApiClient } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const PW = 'correct horse battery';
const SEED = 20261206;
/** Requests per route: enough to hit each field with each kind of bad value, small enough for CI. */
const ADMIN_RUNS = 40;
const ANON_RUNS = 12;

const BIG = 'x'.repeat(100_000);
const evilString = fc.oneof(
  fc.constantFrom('', ' ', 'a\u0000b', '\u0000', '\ud800', 'x\udfffy', BIG, '__proto__', 'constructor', 'toString', '<script>alert(1)</script>', '../../etc/passwd', '2026-13-45T99:99:99Z', '9999-12-31T23:59:59Z', 'ru', 'uz-Cyrl', 'published', 'admin', '#zzzzzz', '-1', '2147483648', '1e20', 'NaN', '%00', '\u202e', 'Ёлка 🎄'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 400 }),
);
const evilNumber = fc.oneof(fc.constantFrom(0, -1, 1, 2, 2147483647, 2147483648, -2147483649, 2 ** 53, 1e20, -1e20, 1.5, 1e-9, 1e308), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const evil: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: evilString },
  { weight: 3, arbitrary: evilNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [1, 2], { a: 1 }, [{}], [null], { type: 'doc', content: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Field names the API knows: a random object built from them reaches deeper than random keys. */
const FIELDS = [
  'email', 'password', 'currentPassword', 'newPassword', 'name', 'role', 'disabled', 'locale', 'headline', 'slug', 'lead', 'body', 'datelineCity', 'sectionId', 'tagIds', 'authorIds',
  'heroMediaId', 'heroCaption', 'seoTitle', 'seoDescription', 'isMain', 'isBreaking', 'embargoUntil', 'version', 'to', 'at', 'reason', 'kind', 'text', 'names', 'color', 'position', 'bio',
  'photoMediaId', 'credit', 'texts', 'logoMediaId', 'enabledLocales', 'defaultLocale', 'siteName', 'timeZone', 'breakingHours', 'maxUploadMb', 'code', 'token',
];
const QUERY_KEYS = ['q', 'page', 'from', 'to', 'status', 'locale', 'section', 'author', 'mine', 'sort', 'size', 'tag', 'since', 'limit', 'cursor'];

/** Every byte percent-encoded, so any generated string survives into the URL (lone surrogates become U+FFFD on the way). */
const enc = (s: string) => [...Buffer.from(s)].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
/** Path values: mostly ids that exist (so the handler runs), the rest hostile. */
const paramArb = (valid: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(valid) },
    { weight: 2, arbitrary: fc.constantFrom('0', '-1', '2147483648', '99999999999999999999', '1e20', '1.5', 'abc', '%00', '%ED%A0%80', '%C0%AE', '..', 'x'.repeat(290)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map(enc) },
  );
const queryArb = fc.dictionary(fc.constantFrom(...QUERY_KEYS), evilString.map((v) => v.slice(0, 2000)), { maxKeys: 3 }).map((d) =>
  Object.entries(d).map(([k, v]) => `${k}=${enc(v)}`).join('&'),
);

type Payload = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; type: string } | { kind: 'none' };
function bodyArb(base: Record<string, unknown> | undefined): fc.Arbitrary<Payload> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((value): Payload => ({ kind: 'json', value }));
  const arms: fc.WeightedArbitrary<Payload>[] = [
    { weight: 2, arbitrary: json(fc.dictionary(fc.constantFrom(...FIELDS), evil, { maxKeys: 6 })) },
    { weight: 1, arbitrary: json(fc.jsonValue({ maxDepth: 4 })) },
    { weight: 1, arbitrary: json(fc.array(evil, { maxLength: 4 })) },
    { weight: 1, arbitrary: fc.constantFrom<Payload>({ kind: 'none' }, { kind: 'raw', text: '{"a":', type: 'application/json' }, { kind: 'raw', text: '1e999', type: 'application/json' }, { kind: 'raw', text: '{"__proto__":{"x":1}}', type: 'application/json' }, { kind: 'raw', text: 'a=1', type: 'application/x-www-form-urlencoded' }, { kind: 'raw', text: 'hello', type: 'text/plain' }, { kind: 'raw', text: '--x\r\n', type: 'multipart/form-data; boundary=x' }) },
  ];
  if (base) {
    const keys = Object.keys(base);
    // A valid body with one or two fields made wrong: gets past the first check into the rules.
    const mutated = fc.tuple(fc.constantFrom(...keys), evil, fc.option(fc.tuple(fc.constantFrom(...keys), evil))).map(([k, v, more]) => ({ ...base, [k]: v, ...(more ? { [more[0]]: more[1] } : {}) }));
    arms.push({ weight: 5, arbitrary: json(mutated) });
  }
  return fc.oneof(...arms);
}

describe.each(DIALECTS)('fuzzing every route on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  const bases = new Map<string, Record<string, unknown>>();
  const validIds = new Map<string, string>();

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    admin = new ApiClient(s.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Админ', password: PW })).status).toBe(201);
    const editor = (await admin.req('POST', '/users', { email: 'editor@example.uz', name: 'Редактор', role: 'editor', password: PW })).json;
    const section = (await admin.req('POST', '/sections', { slug: 'politics', names: { ru: 'Политика' } })).json;
    const tag = (await admin.req('POST', '/tags', { name: 'Выборы', locale: 'ru' })).json;
    const author = (await admin.req('POST', '/authors', { names: { ru: 'Автор' } })).json;
    // Several editions, so a fuzzed DELETE of one leaves others for the requests after it.
    const editions = [];
    for (let i = 0; i < 4; i++) editions.push((await admin.req('POST', '/stories', { locale: 'ru', headline: `Новость ${i}` })).json);
    const e = editions[0];
    const save = { version: e.version, headline: 'Новость', slug: '', lead: 'Лид', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Текст' }] }] }, datelineCity: 'Ташкент', sectionId: section.id, tagIds: [tag.id], authorIds: [author.id], heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null };
    expect((await admin.req('PUT', `/editions/${e.id}`, save)).status).toBe(200);
    const settings = (await admin.req('GET', '/settings')).json;

    const api = '/admin/api';
    bases.set(`PUT ${api}/editions/:id`, { ...save, version: e.version + 1 });
    bases.set(`POST ${api}/stories`, { locale: 'ru', headline: 'Заголовок' });
    bases.set(`POST ${api}/editions/:id/translations`, { locale: 'en' });
    bases.set(`POST ${api}/editions/:id/transition`, { to: 'review' });
    bases.set(`POST ${api}/editions/:id/notes`, { kind: 'update', text: 'Обновлено' });
    bases.set(`POST ${api}/revisions/:id/restore`, { version: 1 });
    bases.set(`POST ${api}/sections`, { slug: 'economy', color: '#123456', position: 1, names: { ru: 'Экономика' } });
    bases.set(`PATCH ${api}/sections/:id`, { slug: 'politics', color: '#123456', names: { ru: 'Политика' } });
    bases.set(`POST ${api}/tags`, { name: 'Тег', locale: 'ru' });
    bases.set(`PATCH ${api}/tags/:id`, { names: { ru: 'Тег' } });
    bases.set(`POST ${api}/authors`, { names: { ru: 'Автор' }, bio: { ru: 'Био' }, photoMediaId: null });
    bases.set(`PATCH ${api}/authors/:id`, { names: { ru: 'Автор' }, photoMediaId: null });
    bases.set(`PATCH ${api}/media/:id`, { credit: 'ИА', texts: { ru: { alt: 'a', caption: 'c' } } });
    bases.set(`PUT ${api}/settings`, settings);
    bases.set(`POST ${api}/users`, { email: 'new@example.uz', name: 'Новый', role: 'author', password: PW });
    bases.set(`PATCH ${api}/users/:id`, { name: 'Редактор', role: 'editor', disabled: false });
    bases.set(`POST ${api}/login`, { email: 'editor@example.uz', password: 'wrong password' });
    bases.set(`POST ${api}/setup`, { email: 'x@example.uz', name: 'X', password: PW });
    validIds.set(`${api}/users/:id`, String(editor.id));
    validIds.set(`${api}/users/:id/password`, String(editor.id));
  });
  afterAll(async () => {
    await s?.close();
  });

  /** One concrete request per generated case: params filled, query and body attached. */
  function cases(routes: RouteEntry[], runs: number, seed: number) {
    const out: { method: string; url: string; body: Payload; route: string }[] = [];
    routes.forEach((r, i) => {
      const names = r.url.match(/:[A-Za-z]+|\*/g) ?? [];
      const valid = validIds.get(r.url) ?? '1';
      const arb = fc.record({
        params: fc.tuple(...names.map((n) => (n === ':locale' ? fc.oneof(fc.constant('ru'), paramArb('en')) : n === ':slug' ? paramArb('novost') : n === '*' ? fc.string({ maxLength: 30 }).map(enc) : paramArb(valid)))),
        query: fc.option(queryArb, { freq: 2 }),
        body: r.method === 'GET' || r.method === 'DELETE' ? fc.constant<Payload>({ kind: 'none' }) : bodyArb(bases.get(`${r.method} ${r.url}`)),
      });
      for (const c of fc.sample(arb, { seed: seed + i, numRuns: runs })) {
        let k = 0;
        const path = r.url.replace(/:[A-Za-z]+|\*/g, () => c.params[k++] as string);
        out.push({ method: r.method, url: c.query ? `${path}?${c.query}` : path, body: c.body, route: `${r.method} ${r.url}` });
      }
    });
    return out;
  }

  async function send(client: ApiClient, ip: string, c: { method: string; url: string; body: Payload }) {
    const headers: Record<string, string> = { 'user-agent': 'fuzz' };
    if (c.method !== 'GET') headers['x-csrf-token'] = client.csrf;
    let payload: string | undefined;
    if (c.body.kind === 'json') {
      payload = JSON.stringify(c.body.value);
      headers['content-type'] = 'application/json';
    } else if (c.body.kind === 'raw') {
      payload = c.body.text;
      headers['content-type'] = c.body.type;
    }
    const r = await s.app.inject({ method: c.method as 'GET', url: c.url, headers, cookies: client.cookies, remoteAddress: ip, ...(payload !== undefined ? { payload } : {}) });
    return r;
  }

  const skipForAdmin = new Set(['POST /admin/api/logout', 'POST /admin/api/logout-everywhere', 'POST /admin/api/me/password']);

  it('answers thousands of generated bad requests with no 5xx, signed in and anonymous', async () => {
    const routes = listRoutes(s.app).filter((r) => r.url !== '/media/*' && !r.url.startsWith('/assets/'));
    expect(routes.length).toBeGreaterThan(40);
    const adminCases = cases(routes.filter((r) => !skipForAdmin.has(`${r.method} ${r.url}`)), ADMIN_RUNS, SEED);
    const anonCases = cases(routes, ANON_RUNS, SEED + 1000);
    const failures: string[] = [];
    const record = (c: { method: string; url: string; body: Payload; route: string }, status: number, body: string) => {
      // Without admin/dist (a checkout that never built the newsroom app) its pages say so with a 503 on purpose.
      if (status === 503 && body.startsWith('The newsroom app is not built')) return;
      if (status >= 500 && failures.length < 20) failures.push(`${status} ${c.route}: ${c.method} ${c.url.slice(0, 200)} ${JSON.stringify(c.body).slice(0, 300)} → ${body.slice(0, 200)}`);
    };
    const answered = new Map<number, number>();
    let n = 0;
    for (const c of adminCases) {
      const r = await send(admin, '127.0.0.1', c);
      record(c, r.statusCode, r.body);
      answered.set(r.statusCode, (answered.get(r.statusCode) ?? 0) + 1);
      // A fuzzed request may end the session (a role change, a disabled account): sign in again.
      if (++n % 50 === 0 || r.statusCode === 401) {
        if (!(await admin.session()).json?.user) expect((await admin.login('admin@example.uz', PW)).status).toBe(200);
      }
    }
    // Anonymous, but with the pre-sign-in CSRF cookie, so setup and login handlers run too.
    const anon = new ApiClient(s.app, '10.66.0.1');
    await anon.session();
    for (const c of anonCases) {
      const r = await send(anon, '10.66.0.1', c);
      record(c, r.statusCode, r.body);
    }
    expect(failures).toEqual([]);
    expect(adminCases.length + anonCases.length).toBeGreaterThan(2000);
    // The signed-in requests really reached the handlers: some succeeded, many failed validation.
    expect(answered.get(200) ?? 0, JSON.stringify([...answered])).toBeGreaterThan(100);
    expect(answered.get(422) ?? 0, JSON.stringify([...answered])).toBeGreaterThan(100);
  }, 300_000); // thousands of requests: ~15 s alone, far more on a loaded 2-core machine
});
