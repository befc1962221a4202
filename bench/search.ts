/**
 * `npm run bench:search [-- --n 200000 --queries 1000]`: search latency over a large archive.
 *
 * Builds a corpus of N editions across the four languages (sentences of the demo corpus recombined
 * at random, Uzbek Cyrillic transliterated from the Latin; publication times spread over three
 * years in id order, as an archive grows) into a fresh SQLite database in a temporary folder — and
 * into a PostgreSQL schema too when XABAR_BENCH_PG holds a URL. Rows are analyzed with the same
 * code as a story save (indexColumns) and inserted in large transactions with a progress bar; the
 * indexing rate counts both. Then it runs `--queries` realistic queries (names, places, stems,
 * phrases, cross-script, prefixes, one-letter and very common words, OR fallbacks) through
 * SearchService + the first page's cards, as the search page does before rendering HTML, and
 * prints p50/p95/p99, the index size and the indexing rate. Not part of `npm test`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { buildContainer, type Container } from '../src/container.js';
import { openDb } from '../src/db/connect.js';
import { build, NOW, pools, queryMix, random, type Pools } from './search-corpus.js';

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '200000' }, queries: { type: 'string', default: '1000' }, seed: { type: 'string', default: '7' }, keep: { type: 'boolean', default: false } } });
const N = Number(args.n);
const QUERIES = Number(args.queries);
async function indexBytes(c: Container): Promise<number> {
  if (c.db.dialect === 'postgres') {
    const r = await sql<{ b: string }>`select (pg_relation_size('editions_search_vec_idx') + coalesce((select sum(pg_column_size(search_vec)) from editions), 0))::text as b`.execute(c.db.kysely);
    return Number(r.rows[0]?.b ?? 0);
  }
  const r = await sql<{ b: number }>`select sum(pgsize) as b from dbstat where name like 'editions_search%'`.execute(c.db.kysely);
  return Number(r.rows[0]?.b ?? 0);
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function runOn(label: string, c: Container, p: Pools) {
  const built = await build(c, p, N, random(Number(args.seed)));
  if (c.db.dialect === 'postgres') await sql`analyze editions`.execute(c.db.kysely);
  const queries = queryMix(p, QUERIES, random(Number(args.seed) + 1));
  // Warm-up: the first queries pay for cold caches and JIT; they are not counted.
  for (const q of queries.slice(0, 50)) await c.search.search({ locale: q.locale, q: q.q, page: 1, now: NOW });
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  let found = 0;
  for (const q of queries) {
    const t0 = process.hrtime.bigint();
    const r = await c.search.search({ locale: q.locale, q: q.q, page: 1, now: NOW });
    await c.site.cardsByIds(q.locale, r.hits.map((h) => h.id));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    times.push(ms);
    if (r.total > 0) found++;
    const kind = q.kind.startsWith('words') ? 'words' : q.kind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  }
  times.sort((a, b) => a - b);
  const bytes = await indexBytes(c);
  console.log(`\n## ${label}: ${N} editions, ${QUERIES} queries (${found} with results)`);
  console.log(`first page: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
  console.log(`index: ${(bytes / 1024 / 1024).toFixed(1)} MB; indexing (analysis + insert + index): ${Math.round(N / built.seconds)} editions/s (${built.seconds.toFixed(0)} s)`);
  console.log('| kind | n | p50 ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: |');
  for (const [kind, xs] of [...byKind.entries()].sort()) {
    xs.sort((a, b) => a - b);
    console.log(`| ${kind} | ${xs.length} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${pct(xs, 99).toFixed(1)} |`);
  }
}

async function main() {
  const p = pools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-bench-search-'));
  const config = loadConfig({ DATA_DIR: dir, XABAR_DEMO: 'false', LOG_LEVEL: 'silent', SITE_URL: 'https://bench.example', XABAR_PAGE_CACHE: 'false' }, process.cwd());
  const quiet = pino({ level: 'silent' });
  try {
    const c = await buildContainer(config, { clock: () => NOW, logger: quiet });
    try {
      await runOn('SQLite (FTS5)', c, p);
    } finally {
      await c.close();
    }
    const pg = process.env.XABAR_BENCH_PG;
    if (pg) {
      const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
      const admin = await openDb({ dialect: 'postgres', url: pg });
      await sql.raw(`create schema ${schema}`).execute(admin.kysely);
      try {
        const c2 = await buildContainer(config, { clock: () => NOW, logger: quiet, dbTarget: { dialect: 'postgres', url: pg, schema } });
        try {
          await runOn('PostgreSQL (tsvector + GIN)', c2, p);
        } finally {
          await c2.close();
        }
      } finally {
        await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.kysely);
        await admin.close();
      }
    }
  } finally {
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
