/**
 * `npx tsx bench/list-pages.ts <DATA_DIR> [n]`: uncached renders of section, tag and author pages
 * (first page and a page deep through `?before=`), in process through `app.inject()` with the
 * page cache off, n times each (default 20) after 5 warm-ups; prints the median render, the CPU
 * milliseconds per render (steadier than wall-clock on a shared machine) and the list query alone
 * (EditionsRepository.listPage, median). PAGES=<slug,…> picks tags; AUTHORS and
 * SECTIONS likewise. Compare runs made one after the other on the same machine (issue 12,
 * docs/query-plans.md "List entries").
 */
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { buildContainer } from '../src/container.js';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: tsx bench/list-pages.ts <DATA_DIR> [n]');
  process.exit(2);
}
const N = Number(process.argv[3] ?? 20);
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, XABAR_DEMO: 'false', XABAR_PAGE_CACHE: 'false', LOG_LEVEL: 'silent' }, process.cwd());
const c = await buildContainer(config, { logger: pino({ level: 'silent' }) });
const app = await buildApp(c);
await app.ready();

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const get = (url: string) => app.inject({ url, headers: { 'user-agent': UA, 'accept-encoding': 'br, gzip' }, remoteAddress: '10.0.0.1' });
const list = (v: string | undefined, d: string[]) => (v ? v.split(',') : d);
const pages: string[] = [
  ...list(process.env.TAGS, ['bench-501', 'nauka', 'regiony', 'bench-60k']).map((s) => `/ru/tag/${s}`),
  ...list(process.env.AUTHORS, ['anna-belova', 'malika-yusupova']).map((s) => `/ru/author/${s}`),
  ...list(process.env.SECTIONS, ['economy']).map((s) => `/ru/section/${s}`),
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 100) / 100;
};
// The list query alone: time spent in EditionsRepository.listPage during the renders.
const repo = c.editions as unknown as { listPage: (...a: unknown[]) => Promise<unknown> };
const original = repo.listPage.bind(repo);
let queryMs = 0;
repo.listPage = async (...a: unknown[]) => {
  const t = performance.now();
  try {
    return await original(...a);
  } finally {
    queryMs += performance.now() - t;
  }
};

const rows: Record<string, unknown>[] = [];
async function measure(name: string, url: string) {
  for (let i = 0; i < 5; i++) await get(url);
  const times: number[] = [];
  const query: number[] = [];
  let status = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    queryMs = 0;
    const t = performance.now();
    const r = await get(url);
    times.push(performance.now() - t);
    query.push(queryMs);
    status = r.statusCode;
  }
  const cpu = process.cpuUsage(cpu0);
  rows.push({ page: name, status, renderMedianMs: median(times), cpuMsPerRender: Math.round(((cpu.user + cpu.system) / 1000 / N) * 100) / 100, listQueryMedianMs: median(query) });
}
for (const url of pages) {
  await measure(url, url);
  // A page deep in the list: the 20th, followed through its `older` links (past page 10: a cursor).
  let at = url;
  for (let i = 0; i < 19; i++) {
    const body = (await app.inject({ url: at, headers: { 'user-agent': UA } })).body;
    const next = /rel="next" href="([^"]+)"/.exec(body)?.[1]?.replace(/&amp;/g, '&');
    if (!next) break;
    at = next;
  }
  if (at !== url) await measure(`${url} deep`, at);
}
console.table(rows);
await app.close();
await c.close();
