/**
 * `npm run bench`: throughput and latency of the public site with Debian's `wrk`, next to nginx
 * serving the same article bytes as a static file (the ceiling: no application beats sending a
 * file). For the demo and for a generated archive of 100,000 stories: article, home, section and
 * news-feed pages 2 and 500, from the page cache and uncached (XABAR_PAGE_CACHE=false); cold
 * single-request latency per page type; RSS and time to ready at start. Runs the compiled server
 * (`node dist/main.js`, built when stale) as production does. Long: never part of CI.
 *
 * Writes bench/results/<date>.json and the table between the BENCH markers in docs/benchmarks.md.
 * Options (env): BENCH_SETS=demo,archive (default both), BENCH_STORIES=100000 (archive size),
 * BENCH_ARCHIVE_DIR=<dir> (reuse a DATA_DIR made by `xabar demo --stories N` instead of generating),
 * BENCH_SECONDS=20, BENCH_CONNECTIONS=50, BENCH_SINGLE=40 (sequential requests per page type),
 * BENCH_NOTE="…" (a line about the machine's load).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ARCHIVE_STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const SETS = (process.env.BENCH_SETS ?? 'demo,archive').split(',').map((s) => s.trim());
const PORT = 3700;
const NGINX_PORT = 3701;
const BARE_PORT = 3702;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const HEADERS = ['-H', `User-Agent: ${UA}`, '-H', 'Accept-Encoding: br, gzip'];

function log(msg: string) {
  process.stderr.write(msg + '\n');
}

function need(bin: string): string {
  const found = ['/usr/bin', '/usr/sbin', '/usr/local/bin'].map((d) => path.join(d, bin)).find((p) => fs.existsSync(p));
  if (!found) {
    log(`bench: \`${bin}\` is not installed. On Debian/Ubuntu: sudo apt-get install wrk nginx`);
    process.exit(2);
  }
  return found;
}
const WRK = need('wrk');
const NGINX = need('nginx');

async function waitFor(url: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return performance.now() - started;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not come up`);
}

/** wrk's latency distribution line ("50%  1.23ms") in milliseconds. */
function wrkMs(out: string, pct: string): number | null {
  const m = new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
  if (!m) return null;
  const v = Number(m[1]);
  return Math.round((m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v) * 100) / 100;
}

function wrk(url: string, seconds: number) {
  const r = spawnSync(WRK, ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', ...HEADERS, url], { encoding: 'utf8' });
  const out = r.stdout ?? '';
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = /Socket errors: (.*)/.exec(out)?.[1] ?? '';
  return { rps: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)), p50: wrkMs(out, '50'), p99: wrkMs(out, '99'), non2xx, errors };
}

function load(title: string, url: string) {
  log(`  ${title}: warm-up 3 s, then ${SECONDS} s × ${CONNECTIONS} connections…`);
  wrk(url, 3);
  return { title, url, ...wrk(url, SECONDS) };
}

/** Sequential single requests (no concurrency): the median and p95 of one uncached page. */
async function singleLatency(url: string, n = Number(process.env.BENCH_SINGLE ?? 40)) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(url, { headers: { 'user-agent': UA, 'accept-encoding': 'br, gzip' } });
    await r.arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 100) / 100;
  return { median: at(0.5), p95: at(0.95) };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function startServer(dataDir: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['dist/main.js'], { env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', XABAR_DEMO: 'false', ...env }, stdio: 'ignore' });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

function makeData(stories: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-bench-'));
  log(`Generating ${stories} stories in ${dir}…`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['bin/xabar.js', 'demo', '--stories', String(stories)], { env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('xabar demo failed');
  log(`  generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return dir;
}

/** A page's HTML as a bot gets it (not counted as a view); a fresh connection each time. */
async function html(url: string): Promise<string> {
  return (await fetch(url, { headers: { 'user-agent': 'bench-bot/1.0', connection: 'close' } })).text();
}

async function pagesOf(base: string) {
  const home = await html(`${base}/ru/`);
  const article = /href="(\/ru\/news\/[a-z0-9-]+)"/.exec(home)?.[1] ?? '/ru/';
  // Past page 10 the news feed answers a 301 to its cursor page (docs/decisions/0012): measure the
  // page readers land on. A demo with fewer pages has no page 500 (404): it is left out.
  // A tag the article carries (lists by tag were the archive-sized cost before migration 0035).
  const tag = /href="(\/ru\/tag\/[a-z0-9-]+)"/.exec(await html(base + article))?.[1];
  const deep = await fetch(`${base}/ru/news?page=500`, { redirect: 'manual', headers: { 'user-agent': 'bench-bot/1.0' } });
  const deepPath = deep.status === 301 ? deep.headers.get('location') : deep.status === 200 ? '/ru/news?page=500' : null;
  return [
    { page: 'article', path: article },
    { page: 'home', path: '/ru/' },
    { page: 'section', path: '/ru/section/economy' },
    ...(tag ? [{ page: 'tag', path: tag }] : []),
    { page: 'news page 2', path: '/ru/news?page=2' },
    ...(deepPath ? [{ page: 'news page 500', path: deepPath.replace(/^https?:\/\/[^/]+/, '') }] : []),
  ];
}

async function nginxCeiling(articleHtml: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-nginx-'));
  fs.chmodSync(dir, 0o755); // nginx workers run as an unprivileged user
  const root = path.join(dir, 'static');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'article.html'), articleHtml, { mode: 0o644 });
  // Pre-compressed like Xabar's page cache, so nginx does not gzip on every request.
  fs.writeFileSync(path.join(root, 'article.html.gz'), zlib.gzipSync(articleHtml, { level: 9 }), { mode: 0o644 });
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; gzip_static on; etag on;
  client_body_temp_path ${dir}/t1; proxy_temp_path ${dir}/t2; fastcgi_temp_path ${dir}/t3; uwsgi_temp_path ${dir}/t4; scgi_temp_path ${dir}/t5;
  server { listen 127.0.0.1:${NGINX_PORT}; root ${root}; location / { default_type text/html; } } }`,
  );
  const nginx = spawn(NGINX, ['-c', conf, '-p', dir], { stdio: 'ignore' });
  let nginxRow;
  try {
    await waitFor(`http://127.0.0.1:${NGINX_PORT}/article.html`);
    nginxRow = load('nginx: the same article bytes (pre-gzipped)', `http://127.0.0.1:${NGINX_PORT}/article.html`);
  } finally {
    await stop(nginx);
  }
  // The same gzip bytes from a bare Node `http` server: Node's own floor on this machine.
  const bare = spawn(process.execPath, ['bench/bare-node-server.mjs', path.join(root, 'article.html.gz'), String(BARE_PORT)], { stdio: 'ignore' });
  try {
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`);
    return { ...nginxRow, bareNode: load('bare Node http: the same bytes', `http://127.0.0.1:${BARE_PORT}/`) };
  } finally {
    await stop(bare);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSet(name: string, dataDir: string) {
  const base = `http://127.0.0.1:${PORT}`;
  const set: Record<string, unknown> = { name };
  const stories = spawnSync(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(process.argv[1],{readonly:true});console.log(d.prepare('select count(*) n from stories').get().n, d.prepare('select count(*) n from editions').get().n)`, path.join(dataDir, 'xabar.db')], { encoding: 'utf8' }).stdout.trim().split(' ');
  set.stories = Number(stories[0]);
  set.editions = Number(stories[1]);
  log(`\n== ${name}: ${set.stories} stories, ${set.editions} editions ==`);

  // Cached: the production default.
  let server = startServer(dataDir, {});
  set.readyMs = Math.round(await waitFor(`${base}/healthz`));
  set.rssAtReadyMb = rssMb(server.pid!);
  log(`  ready in ${set.readyMs} ms (spawn to /healthz), RSS ${set.rssAtReadyMb} MB`);
  const pages = await pagesOf(base);
  const articleHtml = await html(base + pages[0]!.path);
  const rows: Record<string, unknown>[] = [];
  try {
    for (const p of pages) rows.push({ page: p.page, mode: 'cached', ...load(`${name} ${p.page} (cached)`, base + p.path) });
    set.rssAfterLoadMb = rssMb(server.pid!);
    set.nginx = await nginxCeiling(articleHtml);
  } finally {
    await stop(server);
  }

  // Uncached: every request renders.
  server = startServer(dataDir, { XABAR_PAGE_CACHE: 'false' });
  try {
    await waitFor(`${base}/healthz`);
    const cold: Record<string, unknown> = {};
    for (const p of pages) cold[p.page] = await singleLatency(base + p.path);
    set.singleRequestUncached = cold;
    for (const p of pages) rows.push({ page: p.page, mode: 'uncached', ...load(`${name} ${p.page} (uncached)`, base + p.path) });
  } finally {
    await stop(server);
  }
  set.rows = rows;
  return set;
}

function markdown(run: Record<string, unknown>, sets: Record<string, unknown>[]): string {
  const lines: string[] = [];
  lines.push(`Run ${run.at} on ${run.machine} (${run.cores} cores), node ${run.node}; wrk -t2 -c${CONNECTIONS} for ${SECONDS} s after a 3 s warm-up, on the same machine as the server.`);
  if (run.note) lines.push('', `> ${run.note}`);
  for (const s of sets) {
    const nginx = s.nginx as { rps: number; p50: number; p99: number; bareNode?: { rps: number; p50: number; p99: number } };
    lines.push('', `### ${s.name}: ${s.stories} stories, ${s.editions} editions`, '');
    lines.push(`Ready ${s.readyMs} ms after spawn (to /healthz); RSS ${s.rssAtReadyMb} MB at ready, ${s.rssAfterLoadMb} MB after the cached runs. nginx with the same article bytes: ${nginx.rps} req/s (p50 ${nginx.p50} ms, p99 ${nginx.p99} ms)${nginx.bareNode ? `; a bare Node \`http\` server writing them: ${nginx.bareNode.rps} req/s = ${Math.round((nginx.bareNode.rps / nginx.rps) * 100)}% of nginx (p99 ${nginx.bareNode.p99} ms)` : ''}.`, '');
    lines.push('| page | mode | req/s | p50 ms | p99 ms | vs nginx | single request median / p95 ms | non-2xx |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    const cold = s.singleRequestUncached as Record<string, { median: number; p95: number }>;
    for (const r of s.rows as { page: string; mode: string; rps: number; p50: number; p99: number; non2xx: number }[]) {
      const single = r.mode === 'uncached' ? `${cold[r.page]?.median} / ${cold[r.page]?.p95}` : '';
      // wrk gives up on a request after 2 s: a row with no completed request says so instead of zeros.
      if (!r.rps) lines.push(`| ${r.page} | ${r.mode} | none within wrk's 2 s timeout | | | | ${single} | |`);
      else lines.push(`| ${r.page} | ${r.mode} | ${r.rps} | ${r.p50} | ${r.p99} | ${Math.round((r.rps / nginx.rps) * 100)}% | ${single} | ${r.non2xx} |`);
    }
  }
  return lines.join('\n');
}

async function main() {
  log('Building the server when stale…');
  if (spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  const sets: Record<string, unknown>[] = [];
  const made: string[] = [];
  try {
    for (const name of SETS) {
      let dir: string;
      if (name === 'archive' && process.env.BENCH_ARCHIVE_DIR) dir = path.resolve(process.env.BENCH_ARCHIVE_DIR);
      else made.push((dir = makeData(name === 'archive' ? ARCHIVE_STORIES : 90)));
      sets.push(await benchSet(name === 'archive' ? `archive` : 'demo', dir));
      fs.mkdirSync('bench/results', { recursive: true });
      fs.writeFileSync('bench/results/partial.json', JSON.stringify(sets, null, 2)); // survives a later failure
    }
  } finally {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  }
  const run = { at: new Date().toISOString(), machine: os.cpus()[0]?.model ?? 'unknown CPU', cores: os.cpus().length, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, seconds: SECONDS, connections: CONNECTIONS, note: process.env.BENCH_NOTE ?? '' };
  fs.mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${run.at.replace(/[:.]/g, '-')}.json`;
  fs.writeFileSync(file, JSON.stringify({ ...run, sets }, null, 2));
  const table = markdown(run, sets);
  console.log('\n' + table);
  const doc = 'docs/benchmarks.md';
  if (fs.existsSync(doc)) {
    const text = fs.readFileSync(doc, 'utf8');
    const [a, b] = ['<!-- BENCH:START -->', '<!-- BENCH:END -->'];
    if (text.includes(a) && text.includes(b)) fs.writeFileSync(doc, `${text.slice(0, text.indexOf(a) + a.length)}\n${table}\n${text.slice(text.indexOf(b))}`);
  }
  console.log(`\nWritten ${file} and the table in ${doc}`);
}

main().catch((err) => {
  console.error('bench failed:', err);
  process.exit(1);
});
