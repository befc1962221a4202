/**
 * `npx tsx bench/cold-render.ts <DATA_DIR> [n]`: the cold render of each public page type, in
 * process, without HTTP or the page cache — what an uncached request costs the server. Each page
 * is rendered n times (default 200) after 20 warm-ups through `app.inject()` with the page cache
 * off, as `XABAR_PAGE_CACHE=false` serves; prints the median and p95 per page type and the SQL
 * statements one render runs. Run it under `node --cpu-prof --import tsx` to see where the time
 * goes (BENCH_PROFILE=<file> writes one profile per page type of the measured renders alone). CPU milliseconds per render (the process's CPU time over the n renders) drift less than
 * wall-clock times on a shared machine. Numbers are relative: compare runs made one after the other on the same machine.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import SQLite from 'better-sqlite3';
import pino from 'pino';
import { CompiledQuery } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { buildContainer } from '../src/container.js';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: tsx bench/cold-render.ts <DATA_DIR made by `xabar demo`> [renders per page]');
  process.exit(2);
}
const N = Number(process.argv[3] ?? 200);
const ONLY = process.env.BENCH_PAGES?.split(',');

const config = loadConfig({ ...process.env, DATA_DIR: dataDir, XABAR_DEMO: 'false', XABAR_PAGE_CACHE: 'false', LOG_LEVEL: 'silent' }, process.cwd());
const c = await buildContainer(config, { logger: pino({ level: 'silent' }) });
const app = await buildApp(c);
await app.ready();

let statements = 0;
const executor = c.db.kysely.getExecutor() as unknown as { executeQuery(q: CompiledQuery, id?: unknown): Promise<unknown> };
const run = executor.executeQuery.bind(executor);
executor.executeQuery = (q, id) => {
  statements++;
  return run(q, id);
};
// BENCH_QUERIES=1 (SQLite): the statements of the measured renders by time spent running them in
// SQLite (better-sqlite3's Statement#all), printed per page type.
const byText = new Map<string, { n: number; ms: number }>();
if (process.env.BENCH_QUERIES && c.db.dialect === 'sqlite') {
  const proto = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1')) as { all(...a: unknown[]): unknown; source: string };
  const all = proto.all;
  proto.all = function (this: { source: string }, ...args: unknown[]) {
    const t = performance.now();
    try {
      return all.apply(this, args);
    } finally {
      const e = byText.get(this.source) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += performance.now() - t;
      byText.set(this.source, e);
    }
  };
}

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const get = (url: string) => app.inject({ url, headers: { 'user-agent': UA, 'accept-encoding': 'br, gzip' }, remoteAddress: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

const home = await app.inject({ url: '/ru/', headers: { 'user-agent': 'bench-bot/1.0' } });
const article = /href="(\/ru\/news\/[a-z0-9-]+)"/.exec(home.body)?.[1];
const tag = /href="(\/ru\/tag\/[a-z0-9-]+)"/.exec((await app.inject({ url: article ?? '/ru/' })).body)?.[1];
const deep = await app.inject({ url: '/ru/news?page=500', headers: { 'user-agent': 'bench-bot/1.0' } });
// 'articles' renders the home page's stories in turn: nothing one article's render leaves behind
// (a statement, a remembered image) helps the next as much as with one article over and over.
const articles = [...new Set([...home.body.matchAll(/href="(\/ru\/news\/[a-z0-9-]+)"/g)].map((m) => m[1]!))];
const pages: [string, string | string[]][] = [
  ['article', article ?? '/ru/'],
  ...(articles.length > 1 ? [['articles', articles] as [string, string[]]] : []),
  ['home', '/ru/'],
  ['section', '/ru/section/economy'],
  ['news page 2', '/ru/news?page=2'],
  ...(deep.statusCode === 301 ? [['news page 500', String(deep.headers.location)] as [string, string]] : []),
  ...(tag ? [['tag', tag] as [string, string]] : []),
];

// BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the measured renders only (not start-up, not warm-ups).
const profile = process.env.BENCH_PROFILE ? new Session() : null;
if (profile) {
  profile.connect();
  await profile.post('Profiler.enable');
  await profile.post('Profiler.setSamplingInterval', { interval: 200 });
}
const rows: Record<string, unknown>[] = [];
for (const [name, target] of pages) {
  if (ONLY && !ONLY.includes(name)) continue;
  const urlOf = (i: number) => (Array.isArray(target) ? target[i % target.length]! : target);
  const url = Array.isArray(target) ? `${target.length} articles in turn` : target;
  for (let i = 0; i < 20; i++) await get(urlOf(i));
  statements = 0;
  const probe = await get(urlOf(0));
  const perRender = statements;
  byText.clear();
  const times: number[] = [];
  if (profile) await profile.post('Profiler.start');
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const r = await get(urlOf(i));
    times.push(performance.now() - t);
    if (r.statusCode !== 200) throw new Error(`${urlOf(i)}: ${r.statusCode}`);
  }
  const cpu = process.cpuUsage(cpu0);
  if (profile) {
    const { profile: p } = await profile.post('Profiler.stop');
    fs.writeFileSync(process.env.BENCH_PROFILE!.replace(/(\.cpuprofile)?$/, `-${name.replace(/\W+/g, '-')}.cpuprofile`), JSON.stringify(p));
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 100) / 100;
  if (process.env.BENCH_QUERIES) {
    console.log(`\n${name}: statements by time per render`);
    for (const [text, e] of [...byText].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40)) console.log(`  ${(e.ms / N).toFixed(3)} ms ×${(e.n / N).toFixed(1)}  ${text.replace(/"/g, '').slice(0, Number(process.env.BENCH_QUERIES_WIDTH ?? 300))}`);
  }
  rows.push({ page: name, url, status: probe.statusCode, bytes: probe.rawPayload.length, statements: perRender, medianMs: at(0.5), p95Ms: at(0.95), cpuMsPerRender: Math.round(((cpu.user + cpu.system) / 1000 / N) * 100) / 100 });
}
console.table(rows);
await app.close();
await c.close();
