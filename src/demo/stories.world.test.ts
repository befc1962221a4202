import { describe, expect, it } from 'vitest';
import { Gen, mulberry32 } from './corpus.gen.js';
import { DEMO_TEMPLATES } from './corpus.js';
import { DEMO_MIRRORS, translateDraft } from './corpus.tr.js';
import { deskMirrors, deskTemplates } from './stories.js';

/** A recording Gen over a seeded stream: the raw draws end up in `tape`. */
function recorder(seed: number): { gen: Gen; tape: number[] } {
  const rnd = mulberry32(seed);
  const tape: number[] = [];
  return {
    tape,
    gen: new Gen(() => {
      const x = rnd();
      tape.push(x);
      return x;
    }),
  };
}

describe('world desk story files (data/stories/<lang>/world.liquid)', () => {
  it('gives every world story an Uzbek and English mirror and keeps the desk’s order', () => {
    const templates = deskTemplates('world');
    expect(DEMO_TEMPLATES.world).toEqual(templates);
    expect(templates.map((t) => t.name)).toEqual([
      'whoReport',
      'faoIndex',
      'growthForecast',
      'unescoSession',
      'climateTalks',
      'travelFair',
      'centralAsiaPlus',
      'iloMigration',
      'railwayCKU',
      'commodityPrices',
      'gaResolution',
      'workerQuota',
      'fmCouncil',
    ]);
    expect(deskMirrors('world').map(([t]) => t)).toEqual(templates);
    for (const t of templates) expect(DEMO_MIRRORS.has(t), t.name).toBe(true);
  });

  it('writes every paragraph in all three languages whichever slot value is drawn (a {% case %} without a branch would leave one empty)', () => {
    const whoFacts = new Set<string>();
    for (const t of deskTemplates('world')) {
      for (let seed = 1; seed <= 150; seed++) {
        const rec = recorder(seed);
        const d = t(rec.gen);
        for (const p of d.paragraphs) expect(p.length, `${t.name} seed ${seed}: ${p}`).toBeGreaterThan(30);
        if (t.name === 'whoReport') whoFacts.add((d.paragraphs[1] as string).slice(0, 15));
        const r = translateDraft(t, rec.tape);
        expect(r.kind, `${t.name} seed ${seed}`).toBe('ok');
        if (r.kind !== 'ok') continue;
        // A rare over-long headline or lead drops that edition (as it always did); an empty or broken paragraph must not.
        expect(r.problems.filter((p) => !/^(?:uz|en): (?:headline|lead) length/.test(p)), `${t.name} seed ${seed}`).toEqual([]);
        for (const tr of [r.uz, r.en]) for (const p of tr?.paragraphs ?? []) expect(p.length, `${t.name} seed ${seed}: ${p}`).toBeGreaterThan(30);
      }
    }
    expect(whoFacts.size).toBe(6); // one fact per WHO topic, each with its own opening
  });
});
