// Small deterministic toolkit used by the demo story templates:
// a seeded PRNG (mulberry32), random helpers and Russian number formatting.

/** mulberry32: tiny, fast, good-enough 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NBSP = '\u00A0';

/** Russian integer formatting: 4-digit numbers unseparated, 5+ digits grouped by thousands with NBSP. */
export function fmtInt(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  const body = s.length <= 4 ? s : s.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return n < 0 ? `-${body}` : body;
}

/** Decimal with a comma separator; trailing ",0" is dropped. */
export function fmtDec(n: number, digits = 1): string {
  const fixed = n.toFixed(digits);
  const [int = '0', frac = ''] = fixed.split('.');
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${fmtInt(Number(int))},${trimmed}` : fmtInt(Number(int));
}

/** Chooses the Russian noun form agreeing with an integer: plural(5, 'проект', 'проекта', 'проектов'). */
export function plural(n: number, one: string, few: string, many: string): string {
  const n10 = Math.abs(n) % 10;
  const n100 = Math.abs(n) % 100;
  if (n100 >= 11 && n100 <= 14) return many;
  if (n10 === 1) return one;
  if (n10 >= 2 && n10 <= 4) return few;
  return many;
}

/** "12 проектов" — number followed by the agreeing form. */
export function counted(n: number, one: string, few: string, many: string): string {
  return `${fmtInt(n)} ${plural(n, one, few, many)}`;
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Seeded random helpers handed to every story template. */
export class Gen {
  private readonly rnd: () => number;

  /** A seed for mulberry32, or a ready source of floats in [0, 1) (used to replay recorded draws). */
  constructor(seed: number | (() => number)) {
    this.rnd = typeof seed === 'function' ? seed : mulberry32(seed);
  }

  next(): number {
    return this.rnd();
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }

  /**
   * Integer in [min, max] that does not end in 1 (except 11): such numbers take the plural
   * in every case, which keeps templates with oblique-case numerals grammatical.
   */
  count(min: number, max: number): number {
    let n = this.int(min, max);
    if (n % 10 === 1 && n % 100 !== 11) n += n + 1 <= max ? 1 : -2;
    return Math.max(n, 2);
  }

  /** Random multiple of `step` in [min, max]. */
  round(min: number, max: number, step: number): number {
    return this.int(Math.ceil(min / step), Math.floor(max / step)) * step;
  }

  /** Random decimal number in [min, max] rounded to `digits`, never ending in a zero decimal. */
  decNum(min: number, max: number, digits = 1): number {
    const k = 10 ** digits;
    let v = Math.round((min + this.rnd() * (max - min)) * k);
    if (digits > 0 && v % 10 === 0) v += 1;
    return v / k;
  }

  /** Formatted decimal with a comma, e.g. "12,4". */
  dec(min: number, max: number, digits = 1): string {
    return fmtDec(this.decNum(min, max, digits), digits);
  }

  chance(p: number): boolean {
    return this.rnd() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.rnd() * items.length)] as T;
  }

  /** `n` distinct items in random order. */
  pickN<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.min(n, items.length));
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.rnd() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}

/** Joins Russian list items: "A", "A и B", "A, B и C". */
export function joinRu(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}`;
}

/** What a story template produces; the generator adds section, authors, breaking flag and image seed. */
export interface StoryDraft {
  city: string;
  headline: string;
  lead: string;
  paragraphs: string[];
  tags: string[];
  imageCaption?: string;
  /** The story may be flagged as breaking news. */
  urgent?: boolean;
  /** Preferred author slugs (e.g. regional correspondent); defaults to the section desk. */
  authors?: string[];
}

export type StoryTemplate = (g: Gen) => StoryDraft;

/** Money in US dollars given in billions: 0.64 -> "640 млн долларов", 2.3 -> "2,3 млрд долларов". */
export function usd(billions: number): string {
  if (billions < 1) return `${fmtInt(Math.max(10, Math.round(billions * 100) * 10))} млн долларов`;
  return `${fmtDec(billions, 1)} млрд долларов`;
}

/**
 * Euphonic prepositions after slot substitution: "в встрече" -> "во встрече", "с строительными" ->
 * "со строительными", "о объявлении" -> "об объявлении", "к кварталам" -> "ко кварталам" is left alone.
 */
export function fixPrepositions(text: string): string {
  return text
    .replace(/(^|[\s(«])([Вв]) (?=[ВвФф][бвгджзклмнпрстфхцчшщь])/g, '$1$2о ')
    .replace(/(^|[\s(«])([Сс]) (?=[СсЗзШшЖж][бвгджзклмнпрстфхцчшщ]|[Щщ])/g, '$1$2о ')
    .replace(/(^|[\s(«])([Оо]) (?=[АаЕеИиОоУуЭэ])/g, '$1$2б ');
}

/** "о"/"об" + prepositional phrase: about('объявлении …') -> "об объявлении …". */
export function about(phrase: string): string {
  return /^[аеиоуэ]/i.test(phrase) ? `об ${phrase}` : `о ${phrase}`;
}

/** "с"/"со" + instrumental phrase: withIns('строительными …') -> "со строительными …". */
export function withIns(phrase: string): string {
  return /^([сзшж][бвгджзклмнпрстфхцчшщ]|щ|мн|вс)/i.test(phrase) ? `со ${phrase}` : `с ${phrase}`;
}
