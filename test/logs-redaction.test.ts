/**
 * No secret ever reaches a log line (issue 17). A site logging at `trace` (Fastify's own lines
 * included) through the real logger factory (src/ops/logger.ts) is sent requests that carry
 * passwords (setup, good and bad sign-ins, a body the edge refuses), the session cookie and CSRF
 * token, a preview link's token in the path, wire API keys in the header, in X-Api-Key and in the
 * query string, the metrics token, and secret-named query parameters; then everything logged is
 * searched for each secret. The access lines themselves must be there (one per request, with
 * request id, route, status and duration), so the test cannot pass by logging nothing.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { createLogger, prettyLine, redactUrl } from '../src/ops/logger.js';
import { ApiClient } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const PASSWORD = 'Setup-Passw0rd-Aubergine-77';
const WRONG_PASSWORD = 'Wrong-Passw0rd-Zebra-31';
const METRICS_TOKEN = 'metricsTok3n-Quartz-0123456789';
const WIRE_KEY = `xw_${'Ab3'.repeat(14)}Z`; // the shape of a wire key: xw_ + 43 url-safe characters
const QUERY_SECRET = 'qsecret-Plum-8842';

for (const dialect of DIALECTS) {
  describe(`logs carry no secrets (${dialect})`, () => {
    let s: TestSite;
    const lines: string[] = [];
    const secrets: string[] = [PASSWORD, WRONG_PASSWORD, METRICS_TOKEN, WIRE_KEY, QUERY_SECRET];
    beforeAll(async () => {
      const sink = new Writable({
        write(chunk, _enc, cb) {
          lines.push(...String(chunk).split('\n').filter(Boolean));
          cb();
        },
      });
      const logger = createLogger({ level: 'trace', format: 'json', destination: sink });
      s = await makeTestSite(dialect, { logger, env: { LOG_LEVEL: 'trace', XABAR_METRICS_TOKEN: METRICS_TOKEN } });
    });
    afterAll(async () => {
      await s?.close();
    });

    it('sends requests full of secrets and finds none of them in the log', async () => {
      const api = new ApiClient(s.app);
      await api.session();
      expect((await api.req('POST', '/setup', { email: 'chief@example.uz', name: 'Chief', password: PASSWORD })).status).toBe(201);
      secrets.push(api.csrf);
      await api.req('POST', '/logout');
      expect((await api.login('chief@example.uz', WRONG_PASSWORD)).status).toBe(401);
      expect((await api.login('chief@example.uz', PASSWORD)).status).toBe(200);
      const sid = Object.entries(api.cookies).find(([k]) => k === 'xabar_sid')?.[1];
      expect(sid).toBeTruthy();
      secrets.push(sid!, api.csrf);
      // A password the edge refuses (NUL): a 400 path that logs.
      await s.app.inject({ method: 'POST', url: '/admin/api/login', payload: { email: 'chief@example.uz', password: `${PASSWORD}\u0000` } });

      // A preview link: its token travels in the path.
      const story = await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Черновик для предпросмотра', doc: paragraphsToDoc(['Текст.']), status: 'draft' }] });
      const link = await api.req('POST', `/editions/${story.editions[0]!.id}/preview-links`, { expiry: '1h' });
      expect(link.status).toBe(201);
      const token = (link.json.url as string).split('/preview/')[1]!;
      secrets.push(token);
      expect((await s.app.inject(`/preview/${token}`)).statusCode).toBe(200);

      // Wire keys in every place people put them.
      await s.app.inject({ url: '/wire/v1/items', headers: { authorization: `Bearer ${WIRE_KEY}` } });
      await s.app.inject({ url: '/wire/v1/items', headers: { 'x-api-key': WIRE_KEY } });
      await s.app.inject({ url: `/wire/v1/items?api_key=${WIRE_KEY}` });
      await s.app.inject({ url: `/wire/v1/items?q=${WIRE_KEY}` });
      // The metrics token, right and wrong; secret-named query parameters on a public page.
      expect((await s.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).statusCode).toBe(200);
      await s.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
      await s.app.inject({ url: `/ru/?token=${QUERY_SECRET}&password=${QUERY_SECRET}&utm_source=x` });
      await s.app.inject({ url: '/healthz', headers: { cookie: `xabar_sid=${sid}; other=${QUERY_SECRET}`, 'x-csrf-token': api.csrf } });

      const all = lines.join('\n');
      for (const secret of secrets) expect(all, `a secret (${secret.slice(0, 6)}…) was logged`).not.toContain(secret);
      // Nothing percent-encoded either.
      for (const secret of secrets) expect(all).not.toContain(encodeURIComponent(secret));

      // …and the access lines are there: one per request, with what an operator needs.
      const access = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((o) => o.msg === 'request');
      expect(access.length).toBeGreaterThanOrEqual(14);
      for (const a of access) {
        expect(a).toMatchObject({ reqId: expect.any(String), method: expect.any(String), route: expect.any(String), status: expect.any(Number), ms: expect.any(Number) });
        expect(a).not.toHaveProperty('ip');
      }
      expect(access.find((a) => a.route === '/preview/:token')).toMatchObject({ url: '/preview/[redacted]', status: 200 });
      expect(access.find((a) => a.route === '/:locale/')?.url).toBe('/ru/?token=[redacted]&password=[redacted]&utm_source=x');
    });
  });
}

describe('redactUrl and the pretty format', () => {
  it('masks secret-named query values and token-like segments, keeps slugs and ordinary queries', () => {
    expect(redactUrl('/ru/news/iom-praises-uzbekistan-s-role-in-migration-2025?page=2')).toBe('/ru/news/iom-praises-uzbekistan-s-role-in-migration-2025?page=2');
    expect(redactUrl('/ru/search?q=Ташкент+2025')).toBe('/ru/search?q=Ташкент+2025');
    expect(redactUrl('/x?access_token=abc&Api-Key=def&sig=ghi&n=1')).toBe('/x?access_token=[redacted]&Api-Key=[redacted]&sig=[redacted]&n=1');
    expect(redactUrl(`/wire/v1/items/${WIRE_KEY}`)).toBe('/wire/v1/items/[redacted]');
    expect(redactUrl(`/a/${'0123456789abcdef'.repeat(4)}`)).toBe('/a/[redacted]');
    expect(redactUrl('/preview/abc', ['abc'])).toBe('/preview/[redacted]');
  });

  it('pretty lines are one readable line per entry, errors with their stack', () => {
    const line = prettyLine(JSON.stringify({ level: 30, time: Date.UTC(2026, 0, 1, 12, 3, 4), msg: 'request', reqId: 'a-1', status: 200 }));
    expect(line).toBe('12:03:04 INFO  request  reqId=a-1 status=200\n');
    const err = prettyLine(JSON.stringify({ level: 50, time: 0, msg: 'boom', err: { type: 'Error', message: 'bad', stack: 'Error: bad\n    at x (y.ts:1:1)' } }));
    expect(err).toBe('00:00:00 ERROR boom  err=Error: bad\n    at x (y.ts:1:1)\n');
    expect(prettyLine('not json')).toBe('not json\n');
  });
});
