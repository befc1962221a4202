/**
 * `npx tsx bench/search-ab.ts --db DIR --base DIR [--queries 1000] [--rounds 1]`: search latency of
 * two code trees on the same archive, compared query by query in one process.
 *
 * On a shared machine absolute timings drift with the neighbours' load; interleaving the two
 * variants (A then B, B then A, …) on the same queries makes the comparison fair. `--db` is a
 * folder kept by `npm run bench:search -- --keep` (its xabar.db is copied twice, so each tree
 * migrates its own copy); `--base` is a checkout of the other tree (`git worktree add /tmp/base
 * main` plus a node_modules link). Each query runs through SearchService and the first page's
 * cards, as in bench/search.ts. It also checks that both trees return the same first page (ids
 * and order) and the same total, and prints where they differ.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { buildContainer } from '../src/container.js';
import { NOW, pools, queryMix, random } from './search-corpus.js';

const { values: args } = parseArgs({ options: { db: { type: 'string' }, base: { type: 'string' }, queries: { type: 'string', default: '1000' }, seed: { type: 'string', default: '7' }, rounds: { type: 'string', default: '1' } } });
if (!args.db || !args.base) {
  console.error('usage: tsx bench/search-ab.ts --db DIR (kept by bench:search --keep) --base DIR (a checkout of the other tree)');
  process.exit(2);
}

type Searcher = { label: string; run: (q: { locale: string; q: string }) => Promise<{ ids: number[]; total: number }>; close: () => Promise<void> };

async function open(label: string, tree: string, dir: string): Promise<Searcher> {
  const cfgMod = (await import(path.join(tree, 'src/config.ts'))) as { loadConfig: typeof loadConfig };
  const contMod = (await import(path.join(tree, 'src/container.ts'))) as { buildContainer: typeof buildContainer };
  const config = cfgMod.loadConfig({ DATA_DIR: dir, XABAR_DEMO: 'false', LOG_LEVEL: 'silent', SITE_URL: 'https://bench.example', XABAR_PAGE_CACHE: 'false' }, tree);
  const t0 = Date.now();
  const c = await contMod.buildContainer(config, { clock: () => NOW, logger: pino({ level: 'silent' }) });
  console.error(`${label}: opened (migrations included) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return {
    label,
    async run(q) {
      const r = await c.search.search({ locale: q.locale as 'ru', q: q.q, page: 1, now: NOW });
      await c.site.cardsByIds(q.locale as 'ru', r.hits.map((h) => h.id));
      return { ids: r.hits.map((h) => h.id), total: r.total };
    },
    close: () => c.close(),
  };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-search-ab-'));
  try {
    const dirs = ['a', 'b'].map((x) => path.join(work, x));
    for (const d of dirs) {
      fs.mkdirSync(d);
      for (const f of fs.readdirSync(args.db!)) if (/^(xabar\.db|secret\.key)$/.test(f)) fs.copyFileSync(path.join(args.db!, f), path.join(d, f));
    }
    const a = await open('A (base)', path.resolve(args.base!), dirs[0]!);
    const b = await open('B (this tree)', process.cwd(), dirs[1]!);
    const queries = queryMix(pools(), Number(args.queries), random(Number(args.seed) + 1));
    for (const q of queries.slice(0, 50)) for (const s of [a, b]) await s.run(q);
    const times = new Map<string, number[]>([[a.label, []], [b.label, []]]);
    // CPU time of the process per query: the work is synchronous in this thread (better-sqlite3),
    // so on a loaded machine it estimates what the wall time would be on an idle one.
    const cpu = new Map<string, number[]>([[a.label, []], [b.label, []]]);
    const kinds = new Map<string, Map<string, number[]>>();
    let differ = 0;
    for (let round = 0; round < Number(args.rounds); round++) {
      for (const [i, q] of queries.entries()) {
        const order = (i + round) % 2 ? [a, b] : [b, a];
        const got = new Map<string, { ids: number[]; total: number }>();
        for (const s of order) {
          const t0 = process.hrtime.bigint();
          const c0 = process.cpuUsage();
          got.set(s.label, await s.run(q));
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const c1 = process.cpuUsage(c0);
          times.get(s.label)!.push(ms);
          cpu.get(s.label)!.push((c1.user + c1.system) / 1000);
          const kind = q.kind.startsWith('words') ? 'words' : q.kind;
          const byKind = kinds.get(kind) ?? new Map<string, number[]>();
          kinds.set(kind, byKind);
          byKind.set(s.label, [...(byKind.get(s.label) ?? []), (c1.user + c1.system) / 1000]);
        }
        const [x, y] = [got.get(a.label)!, got.get(b.label)!];
        if (round === 0 && (x.total !== y.total || x.ids.join() !== y.ids.join())) {
          differ++;
          if (differ <= 10) console.log(`differs: ${q.locale} «${q.q}»: A ${x.total} [${x.ids.slice(0, 5).join(' ')}…] B ${y.total} [${y.ids.slice(0, 5).join(' ')}…]`);
        }
      }
    }
    console.log(`\n${queries.length} queries × ${args.rounds} round(s), interleaved; first pages that differ: ${differ}`);
    console.log('| variant | clock | p50 ms | p95 ms | p99 ms | max ms | total s |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [clock, m] of [['wall', times], ['CPU', cpu]] as const) {
      for (const [label, xs] of m) console.log(`| ${label} | ${clock} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${pct(xs, 99).toFixed(1)} | ${pct(xs, 100).toFixed(1)} | ${(xs.reduce((s, v) => s + v, 0) / 1000).toFixed(1)} |`);
    }
    console.log(`\nCPU time per kind:\n| kind | n | A p50 | B p50 | A p95 | B p95 |\n| --- | ---: | ---: | ---: | ---: | ---: |`);
    for (const [kind, m] of [...kinds.entries()].sort()) {
      const xa = m.get(a.label)!;
      const xb = m.get(b.label)!;
      console.log(`| ${kind} | ${xa.length} | ${pct(xa, 50).toFixed(1)} | ${pct(xb, 50).toFixed(1)} | ${pct(xa, 95).toFixed(1)} | ${pct(xb, 95).toFixed(1)} |`);
    }
    await a.close();
    await b.close();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
