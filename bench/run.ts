/**
 * `npm run bench`: throughput and latency of the public site, in the same run as nginx serving
 * the same bytes as a static file (the ceiling: no application can beat sending a file). On a
 * shared 2-core machine absolute numbers drift between runs; the ratio to nginx is the figure
 * to compare. Prints a table and writes bench/results/<date>.json.
 *
 * The server runs as a child process (one core), the load generator here (the other core).
 * Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32), BENCH_STORIES (60).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const STORIES = Number(process.env.BENCH_STORIES ?? 60);
const PORT = 3700;
const NGINX_PORT = 3701;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const tsx = path.resolve('node_modules/.bin/tsx');

function log(msg: string) {
  process.stderr.write(msg + '\n');
}

async function waitFor(url: string, tries = 300): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function load(title: string, url: string, headers: Record<string, string> = {}) {
  log(`  ${title}: ${SECONDS} s, ${CONNECTIONS} connections…`);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { 'user-agent': UA, 'accept-encoding': 'br, gzip', ...headers } });
  return { title, url, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, bytesPerReq: Math.round(r.throughput.average / Math.max(1, r.requests.average)) };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-bench-'));
  log(`Creating a demo site with ${STORIES} stories in ${dataDir}…`);
  const demo = spawnSync(tsx, ['src/cli/xabar.ts', 'demo', '--stories', String(STORIES)], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(demo.stderr);
  const refPath = /Reference story: (\S+)/.exec(demo.stdout)?.[1] ?? '/ru/';

  const server: ChildProcess = spawn(tsx, ['src/main.ts'], { env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  let nginx: ChildProcess | null = null;
  const results = [];
  try {
    await waitFor(`http://127.0.0.1:${PORT}/healthz`);
    const base = `http://127.0.0.1:${PORT}`;
    // Warm the page cache and the JIT.
    for (let i = 0; i < 50; i++) await fetch(base + refPath, { headers: { 'user-agent': UA } }).then((r) => r.arrayBuffer());

    results.push(await load('Xabar article (page cache)', base + refPath));
    results.push(await load('Xabar home (page cache)', `${base}/ru/`));
    results.push(await load('Xabar news feed page 2', `${base}/ru/news?page=2`));
    results.push(await load('Xabar search (uncached)', `${base}/ru/search?q=${encodeURIComponent('экспорт')}`));

    // The ceiling: nginx serving the article's bytes (brotli isn't in Debian's nginx; gzip is).
    const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
    if (nginxBin) {
      const root = path.join(dataDir, 'static');
      fs.mkdirSync(root, { recursive: true });
      // nginx workers run as an unprivileged user: the temp folder must be readable to them.
      fs.chmodSync(dataDir, 0o755);
      const html = await (await fetch(base + refPath, { headers: { 'user-agent': 'bench-bot/1.0' } })).text();
      fs.writeFileSync(path.join(root, 'article.html'), html, { mode: 0o644 });
      // Pre-compressed like Xabar's page cache, so nginx does not gzip on every request.
      fs.writeFileSync(path.join(root, 'article.html.gz'), zlib.gzipSync(html, { level: 9 }), { mode: 0o644 });
      const conf = path.join(dataDir, 'nginx.conf');
      fs.writeFileSync(
        conf,
        `worker_processes 1; daemon off; pid ${dataDir}/nginx.pid; error_log ${dataDir}/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; gzip_static on; etag on;
  client_body_temp_path ${dataDir}/t1; proxy_temp_path ${dataDir}/t2; fastcgi_temp_path ${dataDir}/t3; uwsgi_temp_path ${dataDir}/t4; scgi_temp_path ${dataDir}/t5;
  server { listen 127.0.0.1:${NGINX_PORT}; root ${root}; location / { default_type text/html; } } }`,
      );
      nginx = spawn(nginxBin, ['-c', conf, '-p', dataDir], { stdio: 'ignore' });
      await waitFor(`http://127.0.0.1:${NGINX_PORT}/article.html`);
      results.push(await load('nginx static file (same article, pre-gzipped)', `http://127.0.0.1:${NGINX_PORT}/article.html`));
    } else {
      log('nginx not found: the ceiling row is skipped (apt-get install nginx-light to include it).');
    }
  } finally {
    server.kill('SIGTERM');
    nginx?.kill('SIGTERM');
  }

  const ceiling = results.find((r) => r.title.startsWith('nginx'));
  const rows = results.map((r) => ({ ...r, vsNginx: ceiling ? `${Math.round((r.rps / ceiling.rps) * 100)}%` : 'n/a' }));
  console.log(`\nXabar benchmark — ${new Date().toISOString()} — ${os.cpus().length} cores, node ${process.version}, ${SECONDS}s × ${CONNECTIONS} connections\n`);
  console.log('| page | req/s | p50 ms | p99 ms | bytes/req | errors | vs nginx |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.title} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.bytesPerReq} | ${r.errors} | ${r.vsNginx} |`);
  fs.mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, node: process.version, seconds: SECONDS, connections: CONNECTIONS, results: rows }, null, 2));
  console.log(`\nWritten ${file}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error('bench failed:', err);
  process.exit(1);
});
