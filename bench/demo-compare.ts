// Conversion check for the demo corpus (docs/demo-corpus.md): compares the TypeScript templates and
// mirrors of a desk with the stories of its data files, story by story, on many seeds.
//   npx tsx bench/demo-compare.ts <desk> <module.ts>... [--seeds N]
// e.g. npx tsx bench/demo-compare.ts economy src/demo/corpus.economy*.ts src/demo/corpus.tr.economy*.ts (see docs/demo-corpus.md)
// The modules' exported functions are taken as templates (by name) and their exported arrays of
// [template, mirror] pairs as mirrors. Stories of the data files without a TypeScript twin are skipped.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Gen, type StoryDraft, type StoryTemplate } from '../src/demo/corpus.gen.js';
import { TapeGen, splitDraft, type Mirror } from '../src/demo/corpus.tr.gen.js';
import { biDraft, deskMirrors, deskTemplates } from '../src/demo/stories.js';

const args = process.argv.slice(2);
const si = args.indexOf('--seeds');
const seeds = si >= 0 ? Number(args.splice(si, 2)[1]) : 3000;
const [desk, ...mods] = args;
if (!desk) throw new Error('usage: demo-compare.ts <desk> <module.ts>... [--seeds N]');

const tsTemplates = new Map<string, StoryTemplate>();
const tsMirrors = new Map<string, Mirror>();
for (const m of mods) {
  const mod = (await import(pathToFileURL(path.resolve(m)).href)) as Record<string, unknown>;
  for (const [name, v] of Object.entries(mod)) {
    if (typeof v === 'function' && v.length === 1) tsTemplates.set(name, v as StoryTemplate);
    if (Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'function')) {
      for (const [t, mirror] of v as [StoryTemplate, Mirror][]) tsMirrors.set(t.name, mirror);
    }
  }
}

/** A draft with its fields in one order and without undefined ones (key order is not output). */
const canon = (d: StoryDraft): string =>
  JSON.stringify({ city: d.city, headline: d.headline, lead: d.lead, paragraphs: d.paragraphs, tags: d.tags, imageCaption: d.imageCaption, urgent: d.urgent || undefined, authors: d.authors });

const dataMirrors = new Map(deskMirrors(desk).map(([t, m]) => [t.name, m]));
let failures = 0;
let compared = 0;
for (const t of deskTemplates(desk)) {
  const ts = tsTemplates.get(t.name);
  if (!ts) continue;
  let bad = 0;
  for (let s = 1; s <= seeds && bad < 3; s++) {
    const tape: number[] = [];
    const rnd = new Gen(s);
    const rec = new Gen(() => {
      const x = rnd.next();
      tape.push(x);
      return x;
    });
    const want = canon(ts(new Gen(s)));
    const got = canon(t(rec));
    if (want !== got) {
      bad++;
      console.log(`${t.name} ru seed ${s}:\n  ts:   ${want}\n  data: ${got}`);
      continue;
    }
    const tsm = tsMirrors.get(t.name);
    const dm = dataMirrors.get(t.name);
    if (!tsm && !dm) continue;
    if (!tsm || !dm) {
      bad++;
      console.log(`${t.name}: mirror only in ${tsm ? 'TypeScript' : 'data'}`);
      break;
    }
    const ref = new TapeGen(tape);
    ts(ref);
    const replay = <T>(f: (g: Gen) => T): T | string => {
      const g = new TapeGen(tape, ref.trace);
      try {
        const r = f(g);
        g.finish();
        return r;
      } catch (e) {
        return `ERROR ${(e as Error).message}`;
      }
    };
    const a = replay(tsm);
    const du = replay(dm.uz);
    const de = replay(dm.en);
    const wantTr = JSON.stringify(typeof a === 'string' ? a : splitDraft(a));
    const gotTr = typeof du === 'string' || typeof de === 'string' ? JSON.stringify([du, de].filter((x) => typeof x === 'string')) : JSON.stringify(splitDraft(biDraft(du, de)));
    if (wantTr !== gotTr) {
      bad++;
      console.log(`${t.name} uz/en seed ${s}:\n  ts:   ${wantTr}\n  data: ${gotTr}`);
    }
  }
  compared++;
  if (bad) failures++;
  console.log(`${bad ? 'DIFF' : 'same'} ${t.name}`);
}
console.log(`${compared} stories compared on ${seeds} seeds, ${failures} differ`);
process.exitCode = failures ? 1 : 0;
