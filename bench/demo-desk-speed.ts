// Render speed of one desk's Russian templates and their mirrors, without the generator around them.
//   npx tsx bench/demo-desk-speed.ts [desk] [stories]
import { Gen } from '../src/demo/corpus.gen.js';
import { DEMO_TEMPLATES } from '../src/demo/corpus.js';
import { translateDraft } from '../src/demo/corpus.tr.js';

const desk = process.argv[2] ?? 'politics';
const n = Number(process.argv[3] ?? 20000);
const ts = DEMO_TEMPLATES[desk] ?? [];
const tapes: [number, number[]][] = [];
for (const round of [0, 1]) {
  let t = performance.now();
  const g = new Gen(1);
  for (let i = 0; i < n; i++) {
    const tape: number[] = [];
    const rec = new Gen(() => { const x = g.next(); tape.push(x); return x; });
    ts[i % ts.length]!(rec);
    if (round === 1) tapes.push([i % ts.length, tape]);
  }
  const ru = (performance.now() - t) / 1000;
  if (round === 0) continue;
  t = performance.now();
  for (const [k, tape] of tapes) translateDraft(ts[k]!, tape);
  const tr = (performance.now() - t) / 1000;
  console.log(`${desk}: ru ${Math.round(n / ru)} stories/s, uz+en (replay and check) ${Math.round(n / tr)} stories/s`);
}
