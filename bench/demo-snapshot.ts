// Dumps the demo corpus's full output (Russian stories and their uz/uz-Cyrl/en editions, plus the
// problems the mirrors reported) for several seeds and counts to a JSON file, to prove that a change
// of the corpus's form (TypeScript → data files) leaves every byte of the output as it was.
//   npx tsx bench/demo-snapshot.ts /tmp/demo-before.json   (before)
//   npx tsx bench/demo-snapshot.ts /tmp/demo-after.json && cmp /tmp/demo-before.json /tmp/demo-after.json
import fs from 'node:fs';
import { buildDemoStoryEditions, generateDemoStories, DEMO_TRANSLIT_KEEP, type DemoTranslation } from '../src/demo/corpus.js';
import { transliterateText } from '../src/i18n/translit.js';

const out = process.argv[2] ?? '/tmp/demo-snapshot.json';
// The demo site (seed.ts: 90 stories, seed 2025), the archive's pool (archive.ts: 1,000, seed 2026),
// a 3,000-story run, and a few other seeds and odd counts.
const RUNS: [number, number][] = [[90, 2025], [1000, 2026], [3000, 2026], [300, 7], [300, 42], [37, 1], [5, 12345]];

const cyrl = (t: DemoTranslation | null) => {
  if (!t) return null;
  const c = (s: string) => transliterateText(s, 'cyrl', { keep: DEMO_TRANSLIT_KEEP });
  return { headline: c(t.headline), lead: c(t.lead), paragraphs: t.paragraphs.map(c), city: c(t.city), imageCaption: t.imageCaption && c(t.imageCaption) };
};

const snapshot: Record<string, unknown> = {};
const started = performance.now();
for (const [count, seed] of RUNS) {
  const { editions, problems } = buildDemoStoryEditions(count, seed);
  snapshot[`${count}/${seed}`] = {
    ru: generateDemoStories(count, seed),
    editions: editions.map((e) => ({ ru: e.ru, uz: e.uz, 'uz-Cyrl': cyrl(e.uz), en: e.en })),
    problems,
  };
}
fs.writeFileSync(out, JSON.stringify(snapshot, null, 1) + '\n');
console.log(`${out}: ${RUNS.length} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
