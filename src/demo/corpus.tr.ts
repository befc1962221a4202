// Uzbek and English editions of the demo stories: the mirror registry, replay and validation.
import type { StoryTemplate } from './corpus.gen.js';
import { MirrorMismatch, TapeGen, splitDraft, type DemoTranslation } from './corpus.tr.gen.js';
import { biDraft, deskMirrors, type DataMirror } from './stories.js';

export type { DemoTranslation } from './corpus.tr.gen.js';

/** Russian template -> its Uzbek/English mirror. Templates without one are Russian-only. */
export const DEMO_MIRRORS: ReadonlyMap<StoryTemplate, DataMirror> = new Map<StoryTemplate, DataMirror>([
  ...deskMirrors('politics'),
  ...deskMirrors('economy'),
  ...deskMirrors('society'),
  ...deskMirrors('world'),
]);

/** Length bounds of the translated fields (a little wider than the Russian ones: English is terser). */
export const TRANSLATION_LIMITS = {
  headline: [40, 140],
  lead: [90, 260],
  paragraphs: [3, 7],
  paragraph: 30,
} as const;

/**
 * Words the transliterator should keep in Latin when the Uzbek Cyrillic edition is derived
 * (`toCyrillic(text, { keep: DEMO_TRANSLIT_KEEP })`): brand and trade-fair names in the Uzbek text.
 * IT, Uzbekistan (Airways) and words with w/c are kept by the transliterator anyway.
 */
export const DEMO_TRANSLIT_KEEP: readonly string[] = [
  'Airbus', 'Boeing', 'Dreamliner', 'Airways', 'ITB', 'Asia', 'FITUR', 'EMITT', 'JATA', 'Tourism', 'Expo',
  'World', 'Travel', 'Market', 'Arabian', 'Park', 'QR', 'Wi-Fi',
];

const BROKEN = /\$\{|undefined|NaN|null|\[object|\s{2,}|\s[,.:;]|,,|\.\.(?!\.)|^\s|\s$/;
const CYRILLIC = /[\u0400-\u04FF]/;

/** Why a translated story is unusable, or null when it is fine. */
export function translationProblem(t: DemoTranslation, lang: 'uz' | 'en'): string | null {
  const L = TRANSLATION_LIMITS;
  if (t.headline.length < L.headline[0] || t.headline.length > L.headline[1]) return `headline length ${t.headline.length}: ${t.headline}`;
  if (t.headline.endsWith('.')) return `headline ends with a dot: ${t.headline}`;
  if (t.lead.length < L.lead[0] || t.lead.length > L.lead[1]) return `lead length ${t.lead.length}: ${t.lead}`;
  if (t.paragraphs.length < L.paragraphs[0] || t.paragraphs.length > L.paragraphs[1]) return `${t.paragraphs.length} paragraphs`;
  if (!/^\p{Lu}[\p{L}’ -]+$/u.test(t.city)) return `city ${t.city}`;
  const texts = [t.headline, t.lead, ...t.paragraphs, ...(t.imageCaption ? [t.imageCaption] : [])];
  for (const s of texts) {
    if (BROKEN.test(s)) return `broken text: ${s}`;
    if (CYRILLIC.test(s)) return `Cyrillic letters: ${s}`;
    if (lang === 'uz' && /['`‘’]/.test(s)) return `ASCII or curly apostrophe in Uzbek: ${s}`;
    if (lang === 'en' && /[ʻʼ]/.test(s)) return `Uzbek apostrophe in English: ${s}`;
    if ((s.match(/«/g) ?? []).length !== (s.match(/»/g) ?? []).length) return `unbalanced quotes: ${s}`;
  }
  for (const p of [t.lead, ...t.paragraphs]) {
    if (p.length <= L.paragraph) return `short paragraph: ${p}`;
    if (!/^[\p{Lu}«“"]/u.test(p)) return `paragraph starts in lower case: ${p}`;
    if (!/[.»”"]$/.test(p)) return `paragraph does not end a sentence: ${p}`;
  }
  const first = t.paragraphs[0] ?? '';
  if (first.startsWith(`${t.city},`) || first.startsWith(`${t.city} —`)) return `first paragraph starts with the dateline: ${first}`;
  return null;
}

export type MirrorResult =
  | { kind: 'none' }
  | { kind: 'error'; error: string }
  | { kind: 'ok'; uz: DemoTranslation | null; en: DemoTranslation | null; problems: string[] };

/** Replays a Russian template's draws through its mirror and validates both languages. */
export function translateDraft(template: StoryTemplate, tape: readonly number[]): MirrorResult {
  const mirror = DEMO_MIRRORS.get(template);
  if (!mirror) return { kind: 'none' };
  try {
    const ref = new TapeGen(tape);
    template(ref);
    ref.finish();
    // Each language replays its own copy of the draws, checked call by call.
    const replay = <T>(m: (g: TapeGen) => T): T => {
      const gen = new TapeGen(tape, ref.trace);
      const out = m(gen);
      gen.finish();
      return out;
    };
    const draft = biDraft(replay(mirror.uz), replay(mirror.en));
    const { uz, en } = splitDraft(draft);
    const problems: string[] = [];
    const check = (t: DemoTranslation, lang: 'uz' | 'en'): DemoTranslation | null => {
      const p = translationProblem(t, lang);
      if (p) problems.push(`${lang}: ${p}`);
      return p ? null : t;
    };
    return { kind: 'ok', uz: check(uz, 'uz'), en: check(en, 'en'), problems };
  } catch (e) {
    if (e instanceof MirrorMismatch || e instanceof Error) return { kind: 'error', error: `${template.name}: ${e.message}` };
    throw e;
  }
}
