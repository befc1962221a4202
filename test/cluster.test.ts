/**
 * `XABAR_WORKERS=2`: one primary and two worker processes sharing one port, on this machine's real
 * PostgreSQL (one fresh schema) and Redis, started the way an operator starts them (the real entry
 * point, not the test container). Proves what the cluster promises: the primary seeds the demo once
 * and serves nothing itself; connections are spread over both workers and the views they count add
 * up exactly, with a reader repeating on the other worker within 30 minutes not counted again; a
 * worker killed with SIGKILL is replaced and the site keeps serving; SIGTERM stops every worker
 * gracefully, flushing its counted views, and the primary exits 0.
 * (test/two-node.test.ts covers two nodes as separate containers; this is the process model.)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/db/connect.js';
import { BROWSER_UA } from './helpers/site.js';

const PG = process.env.XABAR_TEST_PG;
const REDIS = process.env.XABAR_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** One request on its own connection (no keep-alive), so the cluster's round-robin sees each one. */
function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, agent: false, headers: { connection: 'close', 'user-agent': BROWSER_UA, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The primary's worker processes (its other children, such as tsx's esbuild service, left out). */
const workerPids = (primary: number): number[] =>
  spawnSync('pgrep', ['-P', String(primary)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('src/main.ts');
      } catch {
        return false; // exited meanwhile
      }
    });

async function until(cond: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

describe.skipIf(!PG)('XABAR_WORKERS=2 on PostgreSQL and Redis', () => {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const port = 4100 + Math.floor(Math.random() * 800);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-cluster-'));
  let child: ChildProcess;
  let out = '';
  let exited: Promise<number | null>;
  let articlePath = '';
  let editionId = 0;

  const viewsTotal = async (): Promise<number> => {
    const db = await openDb({ dialect: 'postgres', url: PG! });
    try {
      const r = await sql<{ v: number }>`select views_total as v from ${sql.raw(schema)}.editions where id = ${editionId}`.execute(db.kysely);
      return Number(r.rows[0]!.v);
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    const admin = await openDb({ dialect: 'postgres', url: PG! });
    await sql.raw(`create schema ${schema}`).execute(admin.kysely);
    await admin.close();
    const url = new URL(PG!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    // The entry point itself under Node with tsx's loader: cluster.fork() passes the loader on to the workers.
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: url.toString(),
        REDIS_URL: REDIS,
        REDIS_PREFIX: `xabar:cluster:${crypto.randomBytes(4).toString('hex')}:`,
        XABAR_WORKERS: '2',
        PORT: String(port),
        HOST: '127.0.0.1',
        TRUST_PROXY: '1',
        LOG_LEVEL: 'silent',
        XABAR_VIEW_FLUSH_MS: '60000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const up = await until(async () => workerPids(child.pid!).length === 2 && (await get(port, '/healthz').catch(() => ({ status: 0 }))).status === 200, 120_000);
    expect(up, out).toBe(true);
    // Both workers listening: the primary forks them together; give the second a moment to bind.
    await until(async () => {
      const statuses = await Promise.all([1, 2, 3, 4].map(() => get(port, '/healthz').then((r) => r.status).catch(() => 0)));
      return statuses.every((s) => s === 200);
    }, 30_000);
    const home = await get(port, '/ru/');
    expect(home.status).toBe(200);
    articlePath = /href="(\/ru\/news\/[^"?#]+)"/.exec(home.body)![1]!;
    const db = await openDb({ dialect: 'postgres', url: PG! });
    const slug = decodeURIComponent(articlePath.split('/').pop()!);
    const row = await sql<{ id: number }>`select id from ${sql.raw(schema)}.editions where locale = 'ru' and slug = ${slug}`.execute(db.kysely);
    await db.close();
    editionId = Number(row.rows[0]!.id);
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      for (const pid of workerPids(child.pid!)) process.kill(pid, 'SIGKILL');
    }
    const admin = await openDb({ dialect: 'postgres', url: PG! });
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.kysely);
    await admin.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs two workers under a primary that seeded the demo once', async () => {
    expect(out).toMatch(/running 2 worker processes/);
    const db = await openDb({ dialect: 'postgres', url: PG! });
    // One demo: the reference story exists once, not once per process.
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.raw(schema)}.editions where is_main = 1 and locale = 'ru'`.execute(db.kysely);
    await db.close();
    expect(Number(r.rows[0]!.n)).toBe(1);
  });

  const allServing = () =>
    until(async () => {
      const statuses = await Promise.all([1, 2, 3, 4].map(() => get(port, '/healthz').then((r) => r.status).catch(() => 0)));
      return statuses.every((s) => s === 200);
    }, 30_000);

  it('replaces a worker killed with SIGKILL and keeps serving', async () => {
    const [victim] = workerPids(child.pid!);
    process.kill(victim!, 'SIGKILL');
    expect(await until(() => /stopped \(SIGKILL\); starting another/.test(out), 20_000), out).toBe(true);
    expect(await until(() => workerPids(child.pid!).length === 2 && !workerPids(child.pid!).includes(victim!), 60_000)).toBe(true);
    expect(await allServing()).toBe(true);
  }, 120_000);

  it('adds up the views counted by both workers exactly, across a worker restart, and flushes them all on SIGTERM', async () => {
    const before = await viewsTotal();
    const read = (ip: string) => get(port, articlePath, { 'x-forwarded-for': ip });
    // 12 readers, one connection each: round-robin hands them to both workers.
    for (let i = 1; i <= 12; i++) expect((await read(`198.51.100.${i}`)).status).toBe(200);
    // The same 12 again, now each on the other worker: the repeat memory is shared, none counts.
    for (let i = 1; i <= 12; i++) expect((await read(`198.51.100.${i}`)).status).toBe(200);

    // One worker stopped alone (as a rolling restart does): it flushes what it counted, exits 0, and
    // the primary starts another.
    const [victim] = workerPids(child.pid!);
    process.kill(victim!, 'SIGTERM');
    expect(await until(() => /stopped \(exit code 0\); starting another/.test(out), 20_000), out).toBe(true);
    expect(await until(() => workerPids(child.pid!).length === 2 && !workerPids(child.pid!).includes(victim!), 60_000)).toBe(true);
    expect(await allServing()).toBe(true);
    for (let i = 1; i <= 12; i++) expect((await read(`198.51.100.${i}`)).status).toBe(200);
    for (let i = 1; i <= 3; i++) expect((await read(`203.0.113.${i}`)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await viewsTotal()).toBe(before + 15);
  }, 240_000);
});
