// Stories per second of the demo corpus generator (Russian only, and with the uz/en editions).
//   npx tsx bench/demo-speed.ts [stories]
import { generateDemoStories, generateDemoStoryEditions } from '../src/demo/corpus.js';

const n = Number(process.argv[2] ?? 3000);
// (Distinct headlines run out a little above 4,000 stories for one seed; the archive cycles a pool of 1,000.)
generateDemoStoryEditions(200, 1); // warm-up
for (const [name, f] of [['ru', generateDemoStories], ['editions', generateDemoStoryEditions]] as const) {
  const t = performance.now();
  f(n, 2026);
  const s = (performance.now() - t) / 1000;
  console.log(`${name}: ${n} stories in ${s.toFixed(2)} s = ${Math.round(n / s)} stories/s`);
}
