/**
 * URL slugs. Cyrillic becomes readable Latin: Russian by ICAO Doc 9303 (the romanisation printed in
 * Russian passports since 2013), Uzbek Cyrillic letters by the official Uzbek Latin alphabet with
 * the oʻ/gʻ apostrophes dropped (URLs should not carry them).
 */
import type { Locale } from '../i18n/locales.js';
import { toLatin } from '../i18n/translit.js';

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Uzbek Cyrillic letters (official Latin values, without the apostrophe).
  ў: 'o', қ: 'q', ғ: 'g', ҳ: 'h',
  // Kazakh/Tajik letters that reach us in names.
  ә: 'a', ө: 'o', ү: 'u', ұ: 'u', һ: 'h', ң: 'ng', ҷ: 'j', ӣ: 'i', ӯ: 'u', і: 'i',
};

export const MAX_SLUG_LENGTH = 80;

/**
 * Uzbek Cyrillic text is first written in the official Latin alphabet (х → x, ж → j, ц → s/ts),
 * so a story's two Uzbek editions get the same slug; Russian text goes through ICAO below.
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH, locale?: Locale): string {
  const source = locale === 'uz-Cyrl' ? toLatin(text) : text;
  const lower = source.normalize('NFKC').toLocaleLowerCase('ru');
  let out = '';
  for (const ch of lower) {
    const mapped = CYRILLIC[ch];
    if (mapped !== undefined) out += mapped;
    else if (/[a-z0-9]/.test(ch)) out += ch;
    else if (/[\u02bb\u02bc'`‘’]/.test(ch)) continue; // oʻ → o, gʻ → g, tutuq belgisi dropped
    else {
      // Latin letters with diacritics lose them (é → e); everything else separates words.
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += /^[a-z0-9]+$/.test(base) ? base : '-';
    }
  }
  let slug = out.replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength + 1);
    const lastDash = cut.lastIndexOf('-');
    slug = (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut.slice(0, maxLength)).replace(/-$/, '');
  }
  return slug;
}

/** A slug is lower-case ASCII letters, digits and single dashes, not at the ends. */
export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= 200 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}

/** Letters only Uzbek Cyrillic has: text with them is Uzbek, and «х» is then «x», not «kh». */
const UZBEK_CYRILLIC = /[ўқғҳЎҚҒҲ]/;

/**
 * A slug someone typed, made into a valid one: an ASCII slug is kept as it is; Cyrillic (or
 * capitals, spaces) is converted the way automatic slugs are — Russian by ICAO 9303, Uzbek
 * Cyrillic through the Latin alphabet (the edition's locale says so, or the Uzbek-only letters).
 * Returns '' when nothing convertible is left, so the caller can refuse it with a message.
 */
export function typedSlug(typed: string, locale?: Locale): string {
  const text = typed.trim();
  if (isValidSlug(text)) return text;
  const script: Locale | undefined = locale === 'uz-Cyrl' || (locale !== 'ru' && UZBEK_CYRILLIC.test(text)) ? 'uz-Cyrl' : locale;
  return slugify(text, 200, script);
}
