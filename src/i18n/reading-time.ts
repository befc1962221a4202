/**
 * Reading time of a story body.
 *
 * Words are counted with Intl.Segmenter (word-like segments), which handles Cyrillic, Latin with
 * the Uzbek modifier-letter apostrophe (oʻ, gʻ) and numbers alike. Speeds per language are in
 * locales.ts: Russian 184 and English 228 words per minute are the silent-reading means measured
 * by Trauzettel-Klosinski & Dietz (2012, IReST, Invest. Ophthalmol. Vis. Sci. 53:5452); Uzbek is
 * not in that study, and we use 170 because its agglutinative words are longer than Russian ones.
 * Each image or embed, each gallery photo and each video adds 12 seconds of looking (the figure Medium popularised). The result is
 * rounded up and never below one minute: 236 words of Russian → 1.28 min → «2 мин».
 */
import { LOCALE_INFO, type Locale } from './locales.js';

export const SECONDS_PER_IMAGE = 12;

const segmenters = new Map<string, Intl.Segmenter>();

export function countWords(text: string, locale: Locale): number {
  const tag = LOCALE_INFO[locale].tag;
  let seg = segmenters.get(tag);
  if (!seg) {
    seg = new Intl.Segmenter(tag, { granularity: 'word' });
    segmenters.set(tag, seg);
  }
  let n = 0;
  for (const s of seg.segment(text)) if (s.isWordLike) n++;
  return n;
}

export function readingMinutes(words: number, images: number, locale: Locale): number {
  const minutes = words / LOCALE_INFO[locale].wordsPerMinute + (images * SECONDS_PER_IMAGE) / 60;
  return Math.max(1, Math.ceil(minutes));
}
