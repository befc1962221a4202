// The interpreter of the demo corpus's story files (data/stories/<lang>/<desk>.liquid; the format is
// documented in docs/demo-corpus.md). A story file holds one desk's stories in one language, written in
// Liquid (LiquidJS) with a few tags and filters of our own:
//   - draws:   {{ LIST | pick }}, {{ 12 | count: 96 }}, {% pick %}…{% or %}…{% endpick %} — one Gen call each;
//   - output:  {% city %}…{% endcity %}, headline, lead, p (one per paragraph), caption, {% tag x %},
//              {% authors LIST %}, {% urgent %} — the fields of a StoryDraft;
//   - helpers: Russian, Uzbek and English number and grammar helpers (corpus.gen.ts, corpus.tr.gen.ts)
//              and the translation tables of the slot values (corpus.tr.slots.ts, <lang>/<desk>.json).
// The Russian file is the story; the Uzbek and English files are its mirrors, replayed on the Russian
// draws (TapeGen checks that they make the very same calls, see corpus.tr.gen.ts). Files are read and
// parsed once per process.
import fs from 'node:fs';
import { Liquid, Tag, Value, type Context, type Emitter, type Parser, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { about, cap, counted, fmtDec, fmtInt, joinRu, plural, usd, withIns, type Gen, type StoryDraft, type StoryTemplate } from './corpus.gen.js';
import { CULTURE_DESK, REGIONAL_DESK } from './corpus.meta.js';
import * as slots from './corpus.slots.js';
import { MirrorMismatch, aEn, en, enN, joinEn, joinUz, lookup, millionsUsd, usdBi, uzForms, type Bi, type BiDraft } from './corpus.tr.gen.js';
import * as tr from './corpus.tr.slots.js';

export type StoryLang = 'ru' | 'uz' | 'en';
export const STORY_LANGS: readonly StoryLang[] = ['ru', 'uz', 'en'];

/** What one story file's story produces in its language. */
export interface StoryOutput {
  city: string;
  headline: string;
  lead: string;
  paragraphs: string[];
  tags: string[];
  caption?: string;
  urgent: boolean;
  authors?: string[];
}

export class StoryFileError extends Error {}

// ───────────────────────────── the story being rendered ─────────────────────────────

interface Run {
  gen: Gen;
  out: { city?: string; headline?: string; lead?: string; paragraphs: string[]; tags: string[]; caption?: string; urgent: boolean; authors?: string[] };
  lang: StoryLang;
  desk: string;
}

// Rendering is synchronous, so the story being rendered can live in a module variable.
let run: Run | null = null;

function current(): Run {
  if (!run) throw new StoryFileError('a draw or output tag outside a story');
  return run;
}

/** Field text: every line trimmed, empty lines dropped, lines joined with one space. */
export function squash(text: string): string {
  let out = '';
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t) out = out ? `${out} ${t}` : t;
  }
  return out;
}

// ───────────────────────────── tags ─────────────────────────────

/** Reads the templates up to `{% end<name> %}`, splitting them at `{% <sep> %}` when `sep` is given. */
function readBlock(name: string, token: TagToken, remain: TopLevelToken[], parser: Parser, sep?: string): Template[][] {
  const parts: Template[][] = [[]];
  while (remain.length) {
    const t = remain.shift() as TopLevelToken;
    if (t.kind === 4 /* TokenKind.Tag */) {
      const tagName = (t as TagToken).name;
      if (tagName === `end${name}`) return parts;
      if (sep && tagName === sep) {
        parts.push([]);
        continue;
      }
    }
    (parts[parts.length - 1] as Template[]).push(parser.parseToken(t, remain));
  }
  throw new StoryFileError(`${token.getText()} is not closed by {% end${name} %}`);
}

type TextField = 'city' | 'headline' | 'lead' | 'p' | 'caption';

/** {% city %}…{% endcity %} and the other text fields; {% p %} adds a paragraph. */
function fieldTag(name: TextField) {
  return class extends Tag {
    private readonly body: Template[];
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remain, liquid);
      this.body = readBlock(name, token, remain, parser)[0] as Template[];
    }
    *render(ctx: Context): Generator<unknown, void, unknown> {
      const text = squash((yield this.liquid.renderer.renderTemplates(this.body, ctx)) as string);
      const out = current().out;
      if (name === 'p') out.paragraphs.push(text);
      else if (out[name] !== undefined) throw new StoryFileError(`{% ${name} %} given twice`);
      else out[name] = text;
    }
  };
}

/**
 * {% pick %}A{% or %}B{% endpick %}: renders every alternative (in order, with the draws they make),
 * then draws one of them with a single `pick` — exactly like `g.pick([`A`, `B`])` in TypeScript, whose
 * array elements are all evaluated before the pick. {% pick name %} stores the text in `name` instead
 * of writing it.
 */
class PickTag extends Tag {
  private readonly alternatives: Template[][];
  private readonly variable: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    this.variable = this.tokenizer.readIdentifier().content;
    this.alternatives = readBlock('pick', token, remain, parser, 'or');
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const texts: string[] = [];
    for (const a of this.alternatives) texts.push(squash((yield this.liquid.renderer.renderTemplates(a, ctx)) as string));
    const text = current().gen.pick(texts);
    if (this.variable) ctx.bottom()[this.variable] = text;
    else emitter.write(text);
  }
}

/** A tag with one expression: {% tag 'parlament' %}, {% tag r | regionTags %}, {% authors REGIONAL_DESK %}. */
function valueTag(apply: (out: Run['out'], value: unknown) => void) {
  return class extends Tag {
    private readonly value: Value;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.value = new Value(token.args, liquid);
    }
    *render(ctx: Context): Generator<unknown, void, unknown> {
      apply(current().out, yield this.value.value(ctx));
    }
  };
}

const TagTag = valueTag((out, v) => {
  for (const t of Array.isArray(v) ? v : [v]) {
    if (typeof t !== 'string' || !t) throw new StoryFileError(`{% tag %} wants tag slugs, got ${JSON.stringify(t)}`);
    out.tags.push(t);
  }
});
const AuthorsTag = valueTag((out, v) => {
  if (!Array.isArray(v) || !v.every((a) => typeof a === 'string')) throw new StoryFileError(`{% authors %} wants a list of author slugs, got ${JSON.stringify(v)}`);
  out.authors = v as string[];
});

class UrgentTag extends Tag {
  render(): void {
    current().out.urgent = true;
  }
}

// ───────────────────────────── filters ─────────────────────────────

const num = (x: unknown, what: string): number => {
  const n = typeof x === 'string' ? Number(x) : x;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new StoryFileError(`${what}: not a number: ${JSON.stringify(x)}`);
  return n;
};
const list = (x: unknown, what: string): unknown[] => {
  if (!Array.isArray(x)) throw new StoryFileError(`${what}: not a list: ${JSON.stringify(x)}`);
  return x;
};
/** Applies a slot translation to a value or to each item of a list. */
const each =
  <T>(f: (x: never) => T) =>
  (x: unknown): T | T[] =>
    Array.isArray(x) ? x.map((v) => f(v as never)) : f(x as never);

/** The random draws: one Gen call each, with the Gen method's name and arguments. */
const DRAWS: Record<string, (...args: never[]) => unknown> = {
  pick: (items: unknown) => current().gen.pick(list(items, 'pick')),
  pickN: (items: unknown, n: unknown) => current().gen.pickN(list(items, 'pickN'), num(n, 'pickN')),
  shuffle: (items: unknown) => current().gen.shuffle(list(items, 'shuffle')),
  chance: (p: unknown) => current().gen.chance(num(p, 'chance')),
  int: (min: unknown, max: unknown) => current().gen.int(num(min, 'int'), num(max, 'int')),
  count: (min: unknown, max: unknown) => current().gen.count(num(min, 'count'), num(max, 'count')),
  round: (min: unknown, max: unknown, step: unknown) => current().gen.round(num(min, 'round'), num(max, 'round'), num(step, 'round')),
  decNum: (min: unknown, max: unknown, digits: unknown = 1) => current().gen.decNum(num(min, 'decNum'), num(max, 'decNum'), num(digits, 'decNum')),
  dec: (min: unknown, max: unknown, digits: unknown = 1) => current().gen.dec(num(min, 'dec'), num(max, 'dec'), num(digits, 'dec')),
};

/** Helpers every language has; `usd`, `musd` and `joinAnd` speak the file's language. */
const COMMON: Record<string, (...args: never[]) => unknown> = {
  cap: (s: string) => cap(String(s)),
  /** Math.round: the nearest integer, halves up (Liquid's own `round` is the draw here): {{ gwh | times: 0.45 | roundInt }}. */
  roundInt: (x: unknown) => Math.round(num(x, 'roundInt')),
  /** Items whose number is above x: [3, 5, 10] | above: 4 -> [5, 10]. */
  above: (items: unknown, x: unknown) => list(items, 'above').filter((v) => num(v, 'above') > num(x, 'above')),
  /** Money given in billions of dollars. */
  usd: (b: unknown) => {
    const lang = current().lang;
    return lang === 'ru' ? usd(num(b, 'usd')) : usdBi(num(b, 'usd'))[lang];
  },
  /** Money given in millions of dollars (billions from 1,000 on); Uzbek and English only. */
  musd: (m: unknown) => millionsUsd(num(m, 'musd'))[current().lang as keyof Bi],
  joinAnd: (items: unknown) => {
    const xs = list(items, 'join').map(String);
    const lang = current().lang;
    return lang === 'ru' ? joinRu(xs) : lang === 'uz' ? joinUz(xs) : joinEn(xs);
  },
  /** A translation table of the desk's <lang>/<desk>.json: {{ t.dat | tr: 'CA_TOPICS' }}. */
  tr: (key: unknown, table: unknown) => {
    const r = current();
    const t = deskTables(r.lang, r.desk)[String(table)];
    if (!t) throw new StoryFileError(`no table ${String(table)} in ${r.lang}/${r.desk}.json`);
    return lookup(t, String(key), `${String(table)} (${r.lang})`);
  },
};

const RU: Record<string, (...args: never[]) => unknown> = {
  /** Russian integer: 4 digits unseparated, 12 345 with NBSP. */
  num: (n: unknown) => fmtInt(num(n, 'num')),
  decimal: (n: unknown, digits: unknown = 1) => fmtDec(num(n, 'decimal'), num(digits, 'decimal')),
  counted: (n: unknown, one: string, few: string, many: string) => counted(num(n, 'counted'), one, few, many),
  plural: (n: unknown, one: string, few: string, many: string) => plural(num(n, 'plural'), one, few, many),
  about: (s: string) => about(String(s)),
  withIns: (s: string) => withIns(String(s)),
  sector: (key: string) => slots.sectorByKey(String(key)),
  district: (stem: string) => slots.district(String(stem)),
  regionTags: (r: slots.Region) => slots.regionTags(r),
};

const UZ_EN: Record<string, (...args: never[]) => unknown> = {
  /** Uzbek numbers are written the Russian way (12,4; 12 345). */
  num: (n: unknown) => fmtInt(num(n, 'num')),
  decimal: (n: unknown, digits: unknown = 1) => fmtDec(num(n, 'decimal'), num(digits, 'decimal')),
  /** A Russian-style number ("12,4", "12 345") or a number re-formatted the English way. */
  en: (x: unknown) => en(typeof x === 'number' ? x : String(x)),
  /** English count: one to nine in words. */
  enN: (n: unknown) => enN(num(n, 'enN')),
  aEn: (s: string) => aEn(String(s)),
  /** "a/an …" -> "the …" at the start of an English phrase. */
  the: (s: string) => String(s).replace(/^an? /, 'the '),
  /** Uzbek case forms of a phrase: {{ x | uzForms | map: 'dat' }} or assign then .dat. */
  uzForms: (s: string) => uzForms(String(s)),
  country: each(tr.country),
  countryName: each(tr.countryName),
  city: each(tr.city),
  dateline: each(tr.dateline),
  region: each(tr.region),
  district: each(tr.district),
  sector: each((s: slots.Sector | string) => tr.sector(s)),
  area: each(tr.area),
};

// ───────────────────────────── engines and files ─────────────────────────────

/** The slot lists every story file can draw from (corpus.slots.ts and corpus.meta.ts). */
const SLOT_GLOBALS: Record<string, unknown> = {
  COOPERATION_AREAS: slots.COOPERATION_AREAS,
  COUNTRIES: slots.COUNTRIES,
  NEIGHBOURS: slots.NEIGHBOURS,
  PARTNERS: slots.PARTNERS,
  REGIONS: slots.REGIONS,
  PROVINCES: slots.PROVINCES,
  OBLASTS: slots.OBLASTS,
  SECTORS: slots.SECTORS,
  ORGS: slots.ORGS,
  COMPANY_KINDS: slots.COMPANY_KINDS,
  HERITAGE_CITIES: slots.HERITAGE_CITIES,
  ECONOMY_MINISTRY: slots.ECONOMY_MINISTRY,
  ECONOMY_MINISTER: slots.ECONOMY_MINISTER,
  FOREIGN_MINISTRY: slots.FOREIGN_MINISTRY,
  FOREIGN_MINISTER: slots.FOREIGN_MINISTER,
  ECONOMY_MINISTRY_TR: tr.ECONOMY_MINISTRY_TR,
  REGIONAL_DESK,
  CULTURE_DESK,
};

const engines = new Map<StoryLang, Liquid>();

function engine(lang: StoryLang): Liquid {
  let e = engines.get(lang);
  if (e) return e;
  e = new Liquid({ strictVariables: true, strictFilters: true, jsTruthy: true, ownPropertyOnly: true, cache: false });
  for (const f of ['city', 'headline', 'lead', 'p', 'caption'] as const) e.registerTag(f, fieldTag(f));
  e.registerTag('pick', PickTag);
  e.registerTag('tag', TagTag);
  e.registerTag('authors', AuthorsTag);
  e.registerTag('urgent', UrgentTag);
  const filters = { ...DRAWS, ...COMMON, ...(lang === 'ru' ? RU : UZ_EN) };
  for (const [name, f] of Object.entries(filters)) e.registerFilter(name, f as (...args: unknown[]) => unknown);
  engines.set(lang, e);
  return e;
}

const here = (rel: string): URL => new URL(`./data/${rel}`, import.meta.url);

const tables = new Map<string, Record<string, Record<string, unknown>>>();

/** The desk's per-language JSON (<lang>/<desk>.json): lists for the Russian file, translation tables for the others. */
function deskTables(lang: StoryLang, desk: string): Record<string, Record<string, unknown>> {
  const key = `${lang}/${desk}`;
  let t = tables.get(key);
  if (!t) {
    const url = here(`${key}.json`);
    t = fs.existsSync(url) ? (JSON.parse(fs.readFileSync(url, 'utf8')) as Record<string, Record<string, unknown>>) : {};
    tables.set(key, t);
  }
  return t;
}

const scopes = new Map<string, object>();

/** What a story file sees: the slot lists and the desk's Russian lists (ru/<desk>.json); never written to. */
function deskScope(desk: string): object {
  let s = scopes.get(desk);
  if (!s) {
    s = Object.freeze({ ...SLOT_GLOBALS, ...deskTables('ru', desk) });
    scopes.set(desk, s);
  }
  return s;
}

/** One story of a file: its id and its parsed templates. */
interface ParsedStory {
  id: string;
  templates: Template[];
}

const STORY_HEAD = /^=== ([A-Za-z][\w]*) ===[ \t]*$/gm;

/** Splits a story file at its `=== id ===` lines and parses each story (exported for tests). */
export function parseStoryFile(lang: StoryLang, text: string, where = `${lang} story file`): ParsedStory[] {
  const heads = [...text.matchAll(STORY_HEAD)];
  const before = text.slice(0, heads[0]?.index ?? text.length);
  if (before.replace(/\{%\s*#[^%]*%\}/g, '').trim()) throw new StoryFileError(`${where}: text before the first "=== id ===" line`);
  const seen = new Set<string>();
  return heads.map((h, i) => {
    const id = h[1] as string;
    if (seen.has(id)) throw new StoryFileError(`${where}: story ${id} given twice`);
    seen.add(id);
    const body = text.slice((h.index as number) + h[0].length, heads[i + 1]?.index ?? text.length);
    try {
      return { id, templates: engine(lang).parse(body) };
    } catch (e) {
      throw new StoryFileError(`${where}, story ${id}: ${(e as Error).message}`);
    }
  });
}

const files = new Map<string, Map<string, ParsedStory>>();

function storyFile(lang: StoryLang, desk: string): Map<string, ParsedStory> {
  const key = `${lang}/${desk}`;
  let f = files.get(key);
  if (!f) {
    const url = here(`stories/${key}.liquid`);
    const parsed = fs.existsSync(url) ? parseStoryFile(lang, fs.readFileSync(url, 'utf8'), `stories/${key}.liquid`) : [];
    f = new Map(parsed.map((s) => [s.id, s]));
    files.set(key, f);
  }
  return f;
}

/** Renders one story of a desk in one language with the given Gen (the draws come from it). */
export function renderStory(lang: StoryLang, desk: string, id: string, gen: Gen, story?: ParsedStory): StoryOutput {
  const s = story ?? storyFile(lang, desk).get(id);
  if (!s) throw new StoryFileError(`no story ${id} in stories/${lang}/${desk}.liquid`);
  const outer = run;
  run = { gen, lang, desk, out: { paragraphs: [], tags: [], urgent: false } };
  try {
    let rest: string;
    try {
      rest = engine(lang).renderSync(s.templates, deskScope(desk)) as string;
    } catch (e) {
      // LiquidJS wraps what a tag or filter throws; say which story and keep a mirror mismatch one.
      const original = (e as { originalError?: unknown }).originalError;
      const message = `${lang}/${desk} ${id}: ${(e as Error).message}`;
      throw original instanceof MirrorMismatch ? new MirrorMismatch(message) : new StoryFileError(message);
    }
    if (rest.trim()) throw new StoryFileError(`${lang}/${desk} ${id}: text outside the fields: ${rest.trim().slice(0, 80)}`);
    const o = run.out;
    for (const f of ['city', 'headline', 'lead'] as const) if (o[f] === undefined) throw new StoryFileError(`${lang}/${desk} ${id}: no {% ${f} %}`);
    return o as StoryOutput;
  } finally {
    run = outer;
  }
}

/** The story ids of a desk's Russian file, in file order (which is the order of the desk's deck). */
export function storyIds(desk: string): string[] {
  return [...storyFile('ru', desk).keys()];
}

// ───────────────────────────── templates and mirrors ─────────────────────────────

const templates = new Map<string, StoryTemplate>();

/** The desk's Russian stories as StoryTemplates (one function per story, the same on every call). */
export function deskTemplates(desk: string): StoryTemplate[] {
  return storyIds(desk).map((id) => {
    const key = `${desk}/${id}`;
    let t = templates.get(key);
    if (!t) {
      const story = storyFile('ru', desk).get(id);
      t = (g: Gen): StoryDraft => {
        const o = renderStory('ru', desk, id, g, story);
        const d: StoryDraft = { city: o.city, headline: o.headline, lead: o.lead, paragraphs: o.paragraphs, tags: o.tags };
        if (o.caption !== undefined) d.imageCaption = o.caption;
        if (o.urgent) d.urgent = true;
        if (o.authors) d.authors = o.authors;
        return d;
      };
      Object.defineProperty(t, 'name', { value: id });
      templates.set(key, t);
    }
    return t;
  });
}

/** A mirror given per language: each is replayed on its own copy of the Russian draws. */
export interface DataMirror {
  uz: (g: Gen) => StoryOutput;
  en: (g: Gen) => StoryOutput;
}

/** Joins the Uzbek and English outputs into the BiDraft that splitDraft (corpus.tr.gen.ts) expects. */
export function biDraft(uz: StoryOutput, enOut: StoryOutput): BiDraft {
  const b = (u: string, e: string): Bi => ({ uz: u, en: e });
  if (uz.paragraphs.length !== enOut.paragraphs.length) throw new StoryFileError(`uz has ${uz.paragraphs.length} paragraphs, en ${enOut.paragraphs.length}`);
  if ((uz.caption === undefined) !== (enOut.caption === undefined)) throw new StoryFileError('a caption in one language only');
  const d: BiDraft = {
    city: b(uz.city, enOut.city),
    headline: b(uz.headline, enOut.headline),
    lead: b(uz.lead, enOut.lead),
    paragraphs: uz.paragraphs.map((p, i) => b(p, enOut.paragraphs[i] as string)),
  };
  if (uz.caption !== undefined) d.imageCaption = b(uz.caption, enOut.caption as string);
  return d;
}

/** The desk's mirrors: Russian template -> the Uzbek and English stories with the same id. */
export function deskMirrors(desk: string): [StoryTemplate, DataMirror][] {
  const uz = storyFile('uz', desk);
  const enFile = storyFile('en', desk);
  const ids = new Set(storyIds(desk));
  for (const [lang, f] of [['uz', uz], ['en', enFile]] as const) {
    for (const id of f.keys()) if (!ids.has(id)) throw new StoryFileError(`stories/${lang}/${desk}.liquid: story ${id} is not in the Russian file`);
  }
  const out: [StoryTemplate, DataMirror][] = [];
  for (const t of deskTemplates(desk)) {
    const u = uz.get(t.name);
    const e = enFile.get(t.name);
    if (!u && !e) continue;
    if (!u || !e) throw new StoryFileError(`${desk} ${t.name}: a mirror in ${u ? 'uz' : 'en'} only`);
    out.push([t, { uz: (g) => renderStory('uz', desk, t.name, g, u), en: (g) => renderStory('en', desk, t.name, g, e) }]);
  }
  return out;
}
