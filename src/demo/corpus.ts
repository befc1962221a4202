// Demo content for a fresh Xabar site: a Russian-language state news agency's newsfeed.
// Stories are assembled from per-section templates with slot values stored in the grammatical cases
// each template needs, driven by a seeded PRNG. The templates are moving from TypeScript
// (corpus.<section>.ts) into story files (data/stories/<lang>/<section>.liquid, see docs/demo-corpus.md).
import { Gen, cap, fixPrepositions, mulberry32, type StoryDraft, type StoryTemplate } from './corpus.gen.js';
import { DEMO_AUTHORS, DEMO_SECTIONS, DEMO_TAGS, SECTION_DESKS } from './corpus.meta.js';
import { translateDraft, type DemoTranslation } from './corpus.tr.js';
import { deskTemplates } from './stories.js';

export type { DemoAuthor, DemoLocale, DemoSection, DemoTag, LocalizedNames } from './corpus.meta.js';
export { DEMO_AUTHORS, DEMO_SECTIONS, DEMO_TAGS } from './corpus.meta.js';
export type { DemoTranslation } from './corpus.tr.js';
export { DEMO_TRANSLIT_KEEP, TRANSLATION_LIMITS } from './corpus.tr.js';

export interface DemoStorySeed {
  /** A DemoSection slug. */
  section: string;
  /** Dateline city, Russian nominative. */
  city: string;
  /** Russian, sentence case, 50–140 chars. */
  headline: string;
  /** One-sentence Russian summary, 100–250 chars. */
  lead: string;
  /** 3–7 Russian paragraphs; the first one does not start with the dateline. */
  paragraphs: string[];
  /** 1–4 DemoTag slugs. */
  tags: string[];
  /** 1–2 DemoAuthor slugs. */
  authors: string[];
  /** True for at most ~3% of stories. */
  breaking: boolean;
  /** Seed for drawHeroImage. */
  imageSeed: number;
  /** Caption that differs from the headline, when the template has one. */
  imageCaption?: string;
}

/** Story templates per section slug. */
export const DEMO_TEMPLATES: Record<string, readonly StoryTemplate[]> = {
  politics: deskTemplates('politics'),
  economy: deskTemplates('economy'),
  society: deskTemplates('society'),
  world: deskTemplates('world'),
};

export const DEMO_LIMITS = {
  headline: [50, 140],
  lead: [100, 250],
  paragraphs: [3, 7],
  tags: [1, 4],
  authors: [1, 2],
  breakingShare: 0.03,
} as const;

const TAG_SLUGS = new Set(DEMO_TAGS.map((t) => t.slug));
const AUTHOR_SLUGS = new Set(DEMO_AUTHORS.map((a) => a.slug));
const SECTION_SLUGS = DEMO_SECTIONS.map((s) => s.slug);

/** "Ташкент," / "Нью-Йорк —" at the start of a paragraph would duplicate the engine's dateline. */
export const DATELINE_START = /^\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?\s*(?:,|—|\()/u;

const BROKEN_TEXT = /\$\{|undefined|NaN|null|\s{2,}|\s[,.:;]|\.\.(?!\.)|^\s|\s$/;

function textOk(s: string): boolean {
  return s.length > 0 && !BROKEN_TEXT.test(s);
}

/** Checks a template's output against the limits; drafts that fail are redrawn. */
function draftOk(d: StoryDraft): boolean {
  const [hMin, hMax] = DEMO_LIMITS.headline;
  const [lMin, lMax] = DEMO_LIMITS.lead;
  const [pMin, pMax] = DEMO_LIMITS.paragraphs;
  if (d.headline.length < hMin || d.headline.length > hMax || d.headline.endsWith('.')) return false;
  if (d.lead.length < lMin || d.lead.length > lMax) return false;
  if (d.paragraphs.length < pMin || d.paragraphs.length > pMax) return false;
  if (![d.headline, d.lead, d.city, ...d.paragraphs].every(textOk)) return false;
  const first = d.paragraphs[0] ?? '';
  if (first.startsWith(d.city) || DATELINE_START.test(first)) return false;
  return true;
}

/** Capitalises the headline and fixes euphonic prepositions in every text field. */
function polish(d: StoryDraft): StoryDraft {
  d.headline = cap(fixPrepositions(d.headline));
  d.lead = fixPrepositions(d.lead);
  d.paragraphs = d.paragraphs.map(fixPrepositions);
  if (d.imageCaption) d.imageCaption = fixPrepositions(d.imageCaption);
  return d;
}

function uniq<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Deterministic demo newsfeed: `count` stories (1–300 and beyond) for a seed, spread evenly over the
 * four sections, with distinct headlines. Story 0 is meant to be the most recent one: the breaking
 * stories (floor(3% of count)) sit at indices 0, 2, 4, ... so that they are fresh.
 */
export function generateDemoStories(count: number, seed: number): DemoStorySeed[] {
  return buildStories(count, seed).map((b) => b.story);
}

/** A generated story with the template that wrote it and the raw random draws that template made. */
interface BuiltStory {
  story: DemoStorySeed;
  template: StoryTemplate;
  tape: number[];
}

function buildStories(count: number, seed: number): BuiltStory[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  // The same mulberry32 stream as `new Gen(seed')`, with the draws of each template call recorded so
  // that the Uzbek/English mirrors can replay them (see corpus.tr.gen.ts).
  const rnd = mulberry32((seed ^ 0x9e3779b9) >>> 0);
  let tape: number[] | null = null;
  const g = new Gen(() => {
    const x = rnd();
    if (tape) tape.push(x);
    return x;
  });
  const run = (t: StoryTemplate): { draft: StoryDraft; template: StoryTemplate; tape: number[] } => {
    const own: number[] = [];
    tape = own;
    try {
      return { draft: polish(t(g)), template: t, tape: own };
    } finally {
      tape = null;
    }
  };
  const decks = new Map<string, StoryTemplate[]>();
  const draw = (section: string): StoryTemplate => {
    let deck = decks.get(section);
    if (!deck || deck.length === 0) {
      deck = g.shuffle(DEMO_TEMPLATES[section] ?? []);
      decks.set(section, deck);
    }
    const t = deck.pop();
    if (!t) throw new Error(`no templates for section ${section}`);
    return t;
  };

  // Breaking news goes to the freshest slots (story 0 is the newest): 0, 2, 4, ...
  const maxBreaking = Math.floor(count * DEMO_LIMITS.breakingShare);
  const breakingSlots = new Set(Array.from({ length: maxBreaking }, (_, k) => 2 * k));

  type Picked = { section: string; draft: StoryDraft; breaking: boolean; template: StoryTemplate; tape: number[] };
  const seen = new Set<string>();
  const drafts: Picked[] = [];
  let order: string[] = [];
  for (let i = 0; i < count; i++) {
    let picked: Picked | undefined;
    if (breakingSlots.has(i)) {
      for (let attempt = 0; attempt < 2000 && !picked; attempt++) {
        const section = g.pick(SECTION_SLUGS);
        const c = run(g.pick(DEMO_TEMPLATES[section] ?? []));
        if (c.draft.urgent && draftOk(c.draft) && !seen.has(c.draft.headline)) picked = { section, breaking: true, ...c };
      }
    }
    if (!picked) {
      if (order.length === 0) order = g.shuffle(SECTION_SLUGS);
      const section = order.pop() as string;
      for (let attempt = 0; attempt < 400 && !picked; attempt++) {
        const c = run(draw(section));
        if (draftOk(c.draft) && !seen.has(c.draft.headline)) picked = { section, breaking: false, ...c };
      }
      if (!picked) throw new Error(`could not generate a distinct ${section} story #${i}`);
    }
    seen.add(picked.draft.headline);
    drafts.push(picked);
  }

  return drafts.map(({ section, draft, breaking, template, tape: own }) => {
    const tags = uniq(draft.tags).slice(0, DEMO_LIMITS.tags[1]);
    for (const t of tags) if (!TAG_SLUGS.has(t)) throw new Error(`unknown demo tag ${t}`);
    const desk = SECTION_DESKS[section] ?? [];
    const primary = g.pick(draft.authors && draft.authors.length > 0 ? draft.authors : desk);
    const others = uniq(desk).filter((a) => a !== primary);
    const authors = others.length > 0 && g.chance(0.2) ? [primary, g.pick(others)] : [primary];
    for (const a of authors) if (!AUTHOR_SLUGS.has(a)) throw new Error(`unknown demo author ${a}`);
    const story: DemoStorySeed = {
      section,
      city: draft.city,
      headline: draft.headline,
      lead: draft.lead,
      paragraphs: draft.paragraphs.slice(),
      tags,
      authors,
      breaking,
      imageSeed: Math.floor(g.next() * 0x7fffffff),
    };
    if (draft.imageCaption && draft.imageCaption !== draft.headline) story.imageCaption = draft.imageCaption;
    return { story, template, tape: own };
  });
}

/** The same story in the agency's three desks' languages; null where a template is Russian-only. */
export interface DemoStoryEditions {
  ru: DemoStorySeed;
  /** Uzbek, Latin script (derive Cyrillic with toCyrillic from src/i18n/translit.ts). */
  uz: DemoTranslation | null;
  en: DemoTranslation | null;
}

/**
 * The demo newsfeed in Russian, Uzbek and English: `ru` is exactly `generateDemoStories(count, seed)`;
 * `uz`/`en` tell the same stories (same figures, places and dateline) as the Uzbek and English desks
 * would write them. Translated headlines are distinct within each language (a rare clash leaves the
 * later story without that edition).
 */
export function generateDemoStoryEditions(count: number, seed: number): DemoStoryEditions[] {
  return buildDemoStoryEditions(count, seed).editions;
}

/** generateDemoStoryEditions plus what went wrong on the way (for tests and diagnostics). */
export function buildDemoStoryEditions(count: number, seed: number): { editions: DemoStoryEditions[]; problems: string[] } {
  const problems: string[] = [];
  const seen = { uz: new Set<string>(), en: new Set<string>() };
  const editions = buildStories(count, seed).map(({ story, template, tape }, i): DemoStoryEditions => {
    const r = translateDraft(template, tape);
    if (r.kind === 'none') return { ru: story, uz: null, en: null };
    if (r.kind === 'error') {
      problems.push(`#${i} ${r.error}`);
      return { ru: story, uz: null, en: null };
    }
    for (const p of r.problems) problems.push(`#${i} ${template.name} ${p}`);
    const distinct = (t: DemoTranslation | null, lang: 'uz' | 'en'): DemoTranslation | null => {
      if (!t) return null;
      if (seen[lang].has(t.headline)) {
        problems.push(`#${i} ${template.name} ${lang}: duplicate headline ${t.headline}`);
        return null;
      }
      seen[lang].add(t.headline);
      return t;
    };
    return { ru: story, uz: distinct(r.uz, 'uz'), en: distinct(r.en, 'en') };
  });
  return { editions, problems };
}
