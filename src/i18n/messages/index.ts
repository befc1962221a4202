/**
 * Message catalogues per locale. Russian, Uzbek (Latin) and English are written by hand; Uzbek
 * Cyrillic is derived from the Latin catalogue by the transliterator, so the two scripts can
 * never drift apart (the same rule the newsroom applies to derived story editions).
 */
import type { Locale } from '../locales.js';
import { toCyrillic } from '../translit.js';
import { en } from './en.js';
import { ru, type Messages } from './ru.js';
import { uz } from './uz.js';

const KEEP = { keep: ['RSS'] };

/**
 * Converts every string; for message functions only the template is converted, never the
 * arguments (a reader's search query or a tag name stays as given): the function is called with
 * placeholder characters the transliterator passes through, which are then filled in.
 */
function cyrillicOf(m: Messages): Messages {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(m)) {
    if (typeof value !== 'function') {
      out[key] = toCyrillic(value as string, KEEP);
      continue;
    }
    const fn = value as (...a: unknown[]) => string;
    out[key] = (...args: unknown[]) => {
      const slots = args.map((_, i) => String.fromCharCode(0xe000 + i)); // private-use characters
      const template = toCyrillic(fn(...slots), KEEP);
      return template.replace(/[\ue000-\ue0ff]/g, (c) => String(args[c.charCodeAt(0) - 0xe000]));
    };
  }
  return out as Messages;
}

const CATALOGUES: Record<Locale, Messages> = { ru, en, uz, 'uz-Cyrl': cyrillicOf(uz) };

export function messages(locale: Locale): Messages {
  return CATALOGUES[locale];
}
export type { Messages };
