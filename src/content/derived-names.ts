/**
 * Uzbek is written in two scripts. A section, tag or author name given in one and left empty in
 * the other is shown transliterated (the newsroom form says so), so a Cyrillic site never loses a
 * menu entry because nobody typed its Cyrillic name. Names typed by hand always win.
 */
import { toCyrillic, toLatin } from '../i18n/translit.js';

/** The other script of an Uzbek locale (whose names can stand in), or the locale itself. */
export function twinLocale(locale: string): string {
  return locale === 'uz' ? 'uz-Cyrl' : locale === 'uz-Cyrl' ? 'uz' : locale;
}

/** A name for `locale`: its own when given, else the twin script's transliterated. */
export function nameIn(locale: string, own: string | null | undefined, twin: string | null | undefined): string {
  if (own) return own;
  if (!twin || twinLocale(locale) === locale) return own ?? '';
  return locale === 'uz-Cyrl' ? toCyrillic(twin) : toLatin(twin);
}
