/**
 * `npx tsx bench/analytics.ts`: does the live analytics view cost the public site anything?
 * The article rate (wrk, a cached article page, views counted) is measured alternately without and
 * with N open dashboards (default 10 editors, each polling /admin/api/analytics/live every
 * POLL_MS as the newsroom page does), in one run, several rounds each, so the difference can be
 * read against the run-to-run noise of the same mode. Runs the compiled server on a demo site.
 * Never part of CI; the lead runs it on an idle machine.
 *
 * Options (env): BENCH_SECONDS=15, BENCH_CONNECTIONS=50, BENCH_ROUNDS=3 (per mode),
 * BENCH_DASHBOARDS=10, BENCH_POLL_MS=10000 (the page's interval; lower it to stress the server).
 * Prints a table and writes bench/results/analytics-<time>.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DASHBOARDS = Number(process.env.BENCH_DASHBOARDS ?? 10);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 10_000);
const PORT = 3710;
const BASE = `http://127.0.0.1:${PORT}`;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const PASSWORD = 'correct horse battery staple 15';

const log = (m: string) => process.stderr.write(m + '\n');

const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p));
if (!WRK) {
  log('bench: `wrk` is not installed (Debian: apt-get install wrk)');
  process.exit(2);
}

/** wrk as a child process, awaited: the dashboards' polling loops in this process keep running. */
async function wrk(url: string, seconds: number): Promise<number> {
  const child = spawn(WRK!, ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '-H', `User-Agent: ${UA}`, '-H', 'Accept-Encoding: br, gzip', '-H', 'Referer: https://t.me/bench/1', url]);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((r) => child.once('close', r));
  return Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0));
}

async function waitFor(url: string, timeoutMs = 120_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not come up`);
}

/** A signed-in newsroom session: its cookie header. */
async function signIn(email: string): Promise<string> {
  const s = await fetch(`${BASE}/admin/api/session`);
  const cookie = (s.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  const r = await fetch(`${BASE}/admin/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  return [cookie, ...(r.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0])].join('; ');
}

/** N dashboards polling the live view; returns a stop function and the count of answers. */
function openDashboards(cookies: string[]) {
  let stopped = false;
  let answers = 0;
  let failures = 0;
  const loops = cookies.map(async (cookie, k) => {
    // Spread over the interval, as editors' tabs would be.
    await new Promise((r) => setTimeout(r, (POLL_MS / cookies.length) * k));
    while (!stopped) {
      const r = await fetch(`${BASE}/admin/api/analytics/live`, { headers: { cookie } }).catch(() => null);
      if (r?.status === 200) answers++;
      else failures++;
      await r?.arrayBuffer();
      await new Promise((res) => setTimeout(res, POLL_MS));
    }
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return { answers, failures };
    },
  };
}

async function main() {
  spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-bench-analytics-'));
  log(`Demo site in ${dir}…`);
  if (spawnSync(process.execPath, ['bin/xabar.js', 'demo'], { env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' }, stdio: 'inherit' }).status !== 0) throw new Error('xabar demo failed');
  if (spawnSync(process.execPath, ['bin/xabar.js', 'users', 'create', '--email', 'bench@example.test', '--role', 'editor', '--password', PASSWORD], { env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' }, stdio: 'inherit' }).status !== 0) throw new Error('xabar users create failed');
  const server: ChildProcess = spawn(process.execPath, ['dist/main.js'], { env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dir, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', XABAR_DEMO: 'false' }, stdio: 'ignore' });
  try {
    await waitFor(`${BASE}/healthz`);
    const home = await (await fetch(`${BASE}/ru/`, { headers: { 'user-agent': 'bench-bot/1.0' } })).text();
    const article = /href="(\/ru\/news\/[a-z0-9-]+)"/.exec(home)?.[1];
    if (!article) throw new Error('no article link on the home page');
    const cookies: string[] = [];
    for (let k = 0; k < DASHBOARDS; k++) cookies.push(await signIn('bench@example.test'));
    log(`Article ${article}; ${DASHBOARDS} dashboards polling every ${POLL_MS} ms; ${ROUNDS} rounds × ${SECONDS} s per mode.`);
    await wrk(`${BASE}${article}`, 3); // warm-up
    const runs: { mode: 'without' | 'with'; rps: number }[] = [];
    let polls = { answers: 0, failures: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
        const dash = mode === 'with' ? openDashboards(cookies) : null;
        const rps = await wrk(`${BASE}${article}`, SECONDS);
        if (dash) {
          const p = await dash.stop();
          polls = { answers: polls.answers + p.answers, failures: polls.failures + p.failures };
        }
        runs.push({ mode, rps });
        log(`  round ${round + 1} ${mode.padEnd(7)} dashboards: ${rps} req/s`);
      }
    }
    const stats = (mode: 'without' | 'with') => {
      const v = runs.filter((r) => r.mode === mode).map((r) => r.rps);
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      return { runs: v, mean: Math.round(mean), spreadPct: Math.round(((Math.max(...v) - Math.min(...v)) / mean) * 1000) / 10 };
    };
    const without = stats('without');
    const withD = stats('with');
    const diffPct = Math.round(((withD.mean - without.mean) / without.mean) * 1000) / 10;
    const result = { at: new Date().toISOString(), machine: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, seconds: SECONDS, connections: CONNECTIONS, dashboards: DASHBOARDS, pollMs: POLL_MS, without, with: withD, diffPct, polls };
    fs.mkdirSync('bench/results', { recursive: true });
    const file = path.join('bench/results', `analytics-${result.at.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`\n| mode | runs (req/s) | mean | spread (max−min)/mean |\n|---|---|---|---|`);
    console.log(`| without dashboards | ${without.runs.join(', ')} | ${without.mean} | ${without.spreadPct} % |`);
    console.log(`| with ${DASHBOARDS} dashboards | ${withD.runs.join(', ')} | ${withD.mean} | ${withD.spreadPct} % |`);
    console.log(`\nDifference of the means: ${diffPct} %; live-view answers during the "with" runs: ${polls.answers} (failures ${polls.failures}). Written to ${file}.`);
  } finally {
    if (server.exitCode === null) {
      const done = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await done;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  log(String(err?.stack ?? err));
  process.exit(1);
});
