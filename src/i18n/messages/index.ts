/**
 * Message catalogues per locale. Russian and English are complete; the Uzbek catalogues arrive
 * with the languages issue and fall back to Russian, the agency's working language, until then.
 */
import type { Locale } from '../locales.js';
import { en } from './en.js';
import { ru, type Messages } from './ru.js';

const CATALOGUES: Record<Locale, Partial<Messages>> = { ru, en, uz: {}, 'uz-Cyrl': {} };

export function messages(locale: Locale): Messages {
  return { ...ru, ...CATALOGUES[locale] } as Messages;
}
export type { Messages };
