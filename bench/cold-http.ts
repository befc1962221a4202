/**
 * `npx tsx bench/cold-http.ts <DATA_DIR> [n]`: the uncached single-request latency per public page
 * type over real HTTP, as `npm run bench` measures it ("single request median / p95") but without
 * its minutes of wrk load — for comparing one change with the next. Starts the compiled server
 * (`node dist/main.js`, built when stale, NODE_ENV=production) on DATA_DIR with the page cache
 * off, then makes n sequential requests per page type (default 100) in each of BENCH_ROUNDS
 * rounds (default 3) and prints each round's median, the median of the rounds, the p95 of all
 * requests and the server's CPU milliseconds per request (its utime + stime from /proc over the
 * measured requests: steadier than wall-clock times when other work shares the cores). The
 * machine is shared: compare runs made one after the other, never across machines.
 * Options (env): BENCH_PORT=3710, BENCH_ROUNDS=3, BENCH_WARMUP=20 (requests per page type first),
 * BENCH_PAGES=article,home (page names).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: tsx bench/cold-http.ts <DATA_DIR made by `xabar demo`> [requests per page per round]');
  process.exit(2);
}
const N = Number(process.argv[3] ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3710);
const ONLY = process.env.BENCH_PAGES?.split(',');
/** Requests per page type before measuring (0: measure a just-started process, as `npm run bench` did). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const base = `http://127.0.0.1:${PORT}`;

if (spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');
const server = spawn(process.execPath, ['dist/main.js'], {
  env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', XABAR_DEMO: 'false', XABAR_PAGE_CACHE: 'false' },
  stdio: 'ignore',
});

async function waitFor(url: string, timeoutMs = 60_000) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not come up`);
}

/** The server process's CPU time so far, in ms (Linux /proc; fields 14 and 15 are in clock ticks of 10 ms). */
const serverCpuMs = () => {
  const fields = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 100) / 100;
};

try {
  await waitFor(`${base}/healthz`);
  const bot = { 'user-agent': 'bench-bot/1.0' };
  const home = await (await fetch(`${base}/ru/`, { headers: bot })).text();
  const article = /href="(\/ru\/news\/[a-z0-9-]+)"/.exec(home)?.[1] ?? '/ru/';
  const pages = [
    { page: 'article', path: article },
    { page: 'home', path: '/ru/' },
    { page: 'section', path: '/ru/section/economy' },
    { page: 'news page 2', path: '/ru/news?page=2' },
  ].filter((p) => !ONLY || ONLY.includes(p.page));
  const times = new Map(pages.map((p) => [p.page, [] as number[][]]));
  const cpu = new Map(pages.map((p) => [p.page, 0]));
  for (const p of pages) for (let i = 0; i < WARMUP; i++) await (await fetch(base + p.path, { headers: { 'user-agent': UA, 'accept-encoding': 'br, gzip' } })).arrayBuffer();
  // Rounds interleave the page types, so a burst of load elsewhere is spread over all of them.
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of pages) {
      const t: number[] = [];
      const cpu0 = serverCpuMs();
      for (let i = 0; i < N; i++) {
        const start = performance.now();
        const r = await fetch(base + p.path, { headers: { 'user-agent': UA, 'accept-encoding': 'br, gzip' } });
        await r.arrayBuffer();
        t.push(performance.now() - start);
        if (r.status !== 200) throw new Error(`${p.path}: ${r.status}`);
      }
      cpu.set(p.page, cpu.get(p.page)! + serverCpuMs() - cpu0);
      times.get(p.page)!.push(t);
    }
  }
  console.table(
    pages.map((p) => {
      const rounds = times.get(p.page)!;
      const medians = rounds.map((t) => quantile(t, 0.5));
      return { page: p.page, 'round medians ms': medians.join(' / '), 'median of rounds ms': quantile(medians, 0.5), 'p95 ms': quantile(rounds.flat(), 0.95), 'server CPU ms/request': Math.round((cpu.get(p.page)! / (N * ROUNDS)) * 100) / 100 };
    }),
  );
} finally {
  const done = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await done;
}
