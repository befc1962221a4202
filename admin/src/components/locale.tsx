/** How an edition's language is shown: a chip coloured per language, and a name with the script. */
import type { I18n, MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { LOCALES, LOCALE_NAMES, LOCALE_SHORT, type Locale, type StoryEditionRef } from '../types';

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

/** The languages to give a place in an editions column: the known ones in use, in the usual order. */
export function editionSlots(lists: StoryEditionRef[][]): string[] {
  const used = new Set<string>();
  for (const list of lists) for (const e of list) used.add(e.locale);
  return [...LOCALES.filter((l) => used.has(l)), ...[...used].filter((l) => !(LOCALES as string[]).includes(l)).sort()];
}

/** "Ўзбекча (kirill): Published · Synced with Latin · this edition" — the tooltip and name of a chip. */
export function editionDescription(e: StoryEditionRef, own: boolean, i: I18n): string {
  const parts = [i.t(`status.${e.status}` as MessageKey)];
  // A derived Uzbek edition follows its twin in the other script.
  if (e.sync === 'synced') parts.push(i.t(e.locale === 'uz-Cyrl' ? 'ed.syncedLatn' : 'ed.syncedCyrl'));
  else if (e.sync === 'diverged') parts.push(i.t('ed.divergedShort'));
  else if (e.sync === 'pending') parts.push(i.t('ed.pendingShort'));
  if (own) parts.push(i.t('ed.this'));
  return `${localeLabel(e.locale, i)}: ${parts.join(' · ')}`;
}

/**
 * A story's editions as language chips in fixed places (`slots`), each linking to its edition with a
 * dot coloured by status (hollow for a draft); the chip of `current` is ringed. A language of the
 * slots the story has no edition in gets a faint dashed placeholder, so the columns line up.
 */
export function EditionChips({ editions, current, slots }: { editions: StoryEditionRef[]; current: number; slots: string[] }) {
  const i = useI18n();
  const byLocale = new Map(editions.map((e) => [e.locale as string, e]));
  return (
    <ul className="edition-chips" aria-label={i.t('stories.editions')}>
      {slots.map((l) => {
        const e = byLocale.get(l);
        const short = LOCALE_SHORT[l as Locale] ?? l;
        if (!e) {
          const text = `${localeLabel(l, i)}: ${i.t('ed.missing')}`;
          return (
            <li key={l}>
              <span className="ed-chip ed-chip-missing" title={text} data-locale={l}>
                {short}
                <span className="sr-only"> — {text}</span>
              </span>
            </li>
          );
        }
        const own = e.editionId === current;
        const text = editionDescription(e, own, i);
        return (
          <li key={l}>
            <Link
              to={`/stories/${e.editionId}`}
              className={`ed-chip locale-chip-${l} ed-status-${e.status}${own ? ' is-own' : ''}${e.sync ? ` ed-sync-${e.sync}` : ''}`}
              title={text}
              aria-current={own ? 'true' : undefined}
              data-locale={l}
              data-edition={e.editionId}
              data-status={e.status}
              data-sync={e.sync ?? undefined}
            >
              <span className="ed-dot" aria-hidden="true" />
              {short}
              {/* The name starts with what is seen (RU), then says the rest. */}
              <span className="sr-only"> — {text}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
