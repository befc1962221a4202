// Toolkit for the Uzbek (Latin) and English editions of the demo stories.
//
// Every Russian story template has a "mirror" (corpus.tr.<section>.ts) that tells the same story in
// Uzbek and English. The mirror is run on a replay of the very random draws the Russian template made
// (TapeGen), and it must make the same calls in the same order with the same arguments — then it picks
// the same country, the same figures and the same headline variant. TapeGen checks this call by call.
//
// Uzbek Latin follows the 1995 alphabet: oʻ and gʻ with U+02BB, the tutuq belgisi with U+02BC.
// Numbers: Uzbek like Russian (12,4; 12 345), English with a dot and commas (12.4; 12,345).
import { Gen, cap, fmtDec, fmtInt } from './corpus.gen.js';

/** One story in one edition language. */
export interface DemoTranslation {
  headline: string;
  lead: string;
  paragraphs: string[];
  /** Dateline city in that language. */
  city: string;
  imageCaption?: string;
}

/** A text in both edition languages. */
export interface Bi {
  uz: string;
  en: string;
}

export const bi = (uz: string, en: string): Bi => ({ uz, en });

/** What a mirror returns: the story in Uzbek and English at once. */
export interface BiDraft {
  city: Bi;
  headline: Bi;
  lead: Bi;
  paragraphs: Bi[];
  imageCaption?: Bi;
}

export function splitDraft(d: BiDraft): { uz: DemoTranslation; en: DemoTranslation } {
  const one = (l: keyof Bi): DemoTranslation => {
    const t: DemoTranslation = {
      city: d.city[l],
      // Wire-style English headlines drop a leading article.
      headline: cap(l === 'en' ? d.headline.en.replace(/^(?:The|A|An) (?=\S)/, '') : d.headline.uz),
      lead: d.lead[l],
      paragraphs: d.paragraphs.map((p) => p[l]),
    };
    if (d.imageCaption) t.imageCaption = d.imageCaption[l];
    return t;
  };
  return { uz: one('uz'), en: one('en') };
}

// ───────────────────────────── replaying the draws ─────────────────────────────

export class MirrorMismatch extends Error {}

/**
 * A Gen that replays recorded raw draws and logs every call with its arguments. Given the log of the
 * Russian template (`expected`), it throws as soon as the mirror deviates from it.
 */
export class TapeGen extends Gen {
  readonly trace: string[] = [];
  private expected: readonly string[] | undefined;
  private readonly pos: { i: number };
  private readonly size: number;

  constructor(tape: readonly number[], expected?: readonly string[]) {
    const pos = { i: 0 };
    super(() => {
      if (pos.i >= tape.length) throw new MirrorMismatch('mirror drew more numbers than the template');
      return tape[pos.i++] as number;
    });
    this.pos = pos;
    this.size = tape.length;
    this.expected = expected;
  }

  private log(call: string): void {
    const k = this.trace.length;
    if (this.expected && this.expected[k] !== call) {
      throw new MirrorMismatch(`call #${k}: template made ${this.expected[k] ?? 'no call'}, mirror made ${call}`);
    }
    this.trace.push(call);
  }

  /** Throws unless the whole tape (and the whole expected log) has been used. */
  finish(): void {
    if (this.pos.i !== this.size) throw new MirrorMismatch(`used ${this.pos.i} of ${this.size} draws`);
    if (this.expected && this.expected.length !== this.trace.length) {
      throw new MirrorMismatch(`made ${this.trace.length} of ${this.expected.length} calls`);
    }
  }

  override next(): number {
    this.log('next');
    return super.next();
  }
  override int(min: number, max: number): number {
    this.log(`int ${min} ${max}`);
    return super.int(min, max);
  }
  override count(min: number, max: number): number {
    this.log(`count ${min} ${max}`);
    return super.count(min, max);
  }
  override round(min: number, max: number, step: number): number {
    this.log(`round ${min} ${max} ${step}`);
    return super.round(min, max, step);
  }
  override decNum(min: number, max: number, digits = 1): number {
    this.log(`decNum ${min} ${max} ${digits}`);
    return super.decNum(min, max, digits);
  }
  override dec(min: number, max: number, digits = 1): string {
    this.log(`dec ${min} ${max} ${digits}`);
    return super.dec(min, max, digits);
  }
  override chance(p: number): boolean {
    this.log(`chance ${p}`);
    return super.chance(p);
  }
  override pick<T>(items: readonly T[]): T {
    this.log(`pick ${items.length}`);
    return super.pick(items);
  }
  override pickN<T>(items: readonly T[], n: number): T[] {
    this.log(`pickN ${items.length} ${n}`);
    return super.pickN(items, n);
  }
  override shuffle<T>(items: readonly T[]): T[] {
    this.log(`shuffle ${items.length}`);
    return super.shuffle(items);
  }
}

// ───────────────────────────── numbers ─────────────────────────────

/** English integer: 1,234 and 12,345. */
export function fmtIntEn(n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${s}` : s;
}

/** English decimal with a dot; a trailing ".0" is dropped. */
export function fmtDecEn(n: number, digits = 1): string {
  const [int = '0', frac = ''] = n.toFixed(digits).split('.');
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${fmtIntEn(Number(int))}.${trimmed}` : fmtIntEn(Number(int));
}

/** Re-formats a Russian/Uzbek number ("12,4", "12 345") the English way ("12.4", "12,345"). */
export function en(num: string | number): string {
  if (typeof num === 'number') return Number.isInteger(num) ? fmtIntEn(num) : fmtDecEn(num, 2);
  const s = num.replace(/[\s\u00A0]/g, '');
  const [int = '0', frac] = s.split(',');
  return frac ? `${fmtIntEn(Number(int))}.${frac}` : fmtIntEn(Number(int));
}

/** Uzbek number formatting is the Russian one: 12,4 and 12 345 (NBSP). */
export const uzInt = fmtInt;
export const uzDec = fmtDec;

/** Money in US dollars given in billions, rounded exactly as the Russian `usd`. */
export function usdBi(billions: number): Bi {
  if (billions < 1) {
    const m = Math.max(10, Math.round(billions * 100) * 10);
    return bi(`${fmtInt(m)} mln dollar`, `$${fmtIntEn(m)} million`);
  }
  return bi(`${fmtDec(billions, 1)} mlrd dollar`, `$${fmtDecEn(billions, 1)} billion`);
}

/** An amount in millions of dollars; from a billion on, in billions: "2,6 mlrd dollar" / "$2.6 billion". */
export function millionsUsd(m: number): Bi {
  if (m < 1000) return bi(`${fmtInt(m)} mln dollar`, `$${fmtIntEn(m)} million`);
  return bi(`${fmtDec(m / 1000, 2)} mlrd dollar`, `$${fmtDecEn(m / 1000, 2)} billion`);
}

// ───────────────────────────── Uzbek grammar ─────────────────────────────

/** Uzbek case forms of a noun phrase (the suffix goes on its last word). */
export interface UzForms {
  nom: string;
  /** -ning */
  gen: string;
  /** -ga (-ka after k, -qa after q) */
  dat: string;
  /** -ni */
  acc: string;
  /** -da */
  loc: string;
  /** -dan */
  abl: string;
}

export function uzForms(nom: string): UzForms {
  const dat = /k$/.test(nom) ? 'ka' : /q$/.test(nom) ? 'qa' : 'ga';
  return { nom, gen: `${nom}ning`, dat: `${nom}${dat}`, acc: `${nom}ni`, loc: `${nom}da`, abl: `${nom}dan` };
}

/** "A", "A va B", "A, B va C"; "hamda" instead of a second "va" when an item has its own. */
export function joinUz(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const and = items.some((x) => x.includes(' va ')) ? 'hamda' : 'va';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** "A", "A and B", "A, B and C" (wire style; a serial comma only when an item has its own "and"). */
export function joinEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const comma = items.length > 2 && items.some((x) => x.includes(' and ')) ? ',' : '';
  return `${items.slice(0, -1).join(', ')}${comma} and ${items[items.length - 1]}`;
}

/** Joins a list of bilingual items in both languages. */
export function joinBi(items: readonly Bi[]): Bi {
  return bi(joinUz(items.map((x) => x.uz)), joinEn(items.map((x) => x.en)));
}

/** Looks a Russian slot value up in a translation table; unknown values are a bug in the tables. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string, what: string): T {
  const v = table[key];
  if (v === undefined) throw new Error(`no ${what} translation for «${key}»`);
  return v;
}

/** English "a"/"an" before an adjective or noun from the slot tables (none starts with a silent h or "uni"). */
export function aEn(next: string): string {
  return /^[aeiou]/i.test(next) ? 'an' : 'a';
}

/** English count: one to nine in words (wire style), larger numbers in figures. */
export function enN(n: number): string {
  return n >= 1 && n <= 9 ? (['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][n - 1] as string) : fmtIntEn(n);
}
