/**
 * A photo credit that names the agency itself follows the page's language and script: media rows
 * keep one credit for every language (`Xabar`), so an Uzbek Cyrillic page would print «Сурат:
 * Xabar». A credit equal to the site's name, or to its dateline agency, in any language is shown
 * as that setting's value for the page's language (Хабар, Хабар АА); any other credit (a
 * photographer, Reuters) is a name and stays as written.
 */
import type { Locale } from '../i18n/locales.js';
import type { SiteSettings } from './settings.js';

const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

export function creditForPage(credit: string, settings: Pick<SiteSettings, 'siteName' | 'datelineAgency'>, locale: Locale): string {
  const key = fold(credit);
  if (!key) return credit;
  for (const names of [settings.siteName, settings.datelineAgency]) {
    const mine = names[locale];
    if (mine && Object.values(names).some((n) => n && fold(n) === key)) return mine;
  }
  return credit;
}
