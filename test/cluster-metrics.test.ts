/**
 * /metrics with XABAR_WORKERS=2 (a real `node:cluster` server process and real Redis): whichever
 * worker a scrape reaches, it reports the whole node. Requests on fresh connections are spread
 * over both workers by the kernel, and every scrape counts all of them.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/.bin/tsx');
const REDIS = process.env.XABAR_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const TOKEN = 'cluster-metrics-token-0123456789';

function total(text: string, route: string): number {
  let n = 0;
  for (const line of text.split('\n')) {
    const m = /^xabar_http_requests_total\{(.*)\} (\S+)$/.exec(line);
    if (m && m[1]!.includes(`route="${route}"`)) n += Number(m[2]);
  }
  return n;
}

describe('metrics of a node running several workers', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-cluster-metrics-'));
  let child: ReturnType<typeof spawn> | null = null;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sums every worker whichever one answers the scrape', async () => {
    const port = 4100 + Math.floor(Math.random() * 800);
    child = spawn(TSX, ['src/main.ts'], {
      env: { ...process.env, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', XABAR_DEMO: 'false', XABAR_WORKERS: '2', REDIS_URL: REDIS, REDIS_PREFIX: `xabar:cluster-metrics:${port}:`, XABAR_METRICS_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const base = `http://127.0.0.1:${port}`;
    const get = (p: string, headers: Record<string, string> = {}) => fetch(base + p, { headers: { connection: 'close', ...headers } });
    // Up: five /healthz answers in a row (on fresh connections, so both workers are asked).
    let ready = 0;
    for (let i = 0; i < 600 && ready < 5; i++) {
      await new Promise((r) => setTimeout(r, 200));
      ready = (await get('/healthz').then((r) => r.status === 200, () => false)) ? ready + 1 : 0;
    }
    expect(ready, out).toBeGreaterThanOrEqual(5);
    await new Promise((r) => setTimeout(r, 3000)); // the second worker may still be starting
    const before = total(await (await get('/metrics', { authorization: `Bearer ${TOKEN}` })).text(), '/readyz');
    for (let i = 0; i < 20; i++) expect((await get('/readyz')).status).toBe(200);
    const scrapes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
      expect(r.status).toBe(200);
      scrapes.push(total(await r.text(), '/readyz') - before);
    }
    expect(scrapes).toEqual([20, 20, 20, 20]);
  }, 180_000);
});
