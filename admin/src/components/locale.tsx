/** How an edition's language is shown: a chip coloured per language, and a name with the script. */
import type { I18n } from '../i18n';
import { useI18n } from '../i18n';
import { LOCALE_NAMES, LOCALE_SHORT, type Locale } from '../types';

/** "Ўзбекча (kirill)": the language's own name, plus the script for the two Uzbek editions. */
export function localeLabel(locale: string, i: I18n): string {
  const name = LOCALE_NAMES[locale as Locale] ?? locale;
  if (locale === 'uz') return `${name} (${i.t('script.latn')})`;
  if (locale === 'uz-Cyrl') return `${name} (${i.t('script.cyrl')})`;
  return name;
}

/** A small chip (RU, UZ, ЎЗ, EN) coloured per language, so the Uzbek scripts differ at a glance. */
export function LocaleChip({ locale }: { locale: string }) {
  const i = useI18n();
  return (
    <span className={`locale-chip locale-chip-${locale}`} title={localeLabel(locale, i)}>
      {LOCALE_SHORT[locale as Locale] ?? locale}
    </span>
  );
}
