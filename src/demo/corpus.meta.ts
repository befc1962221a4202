// Demo taxonomy: sections, tags and correspondents, named in all four site locales.
// Uzbek Latin uses U+02BB (ʻ) in oʻ/gʻ and U+02BC (ʼ) for the tutuq belgisi.
import { demoData } from './data.js';

// The values live in data/ru/meta.json; this module gives them their types.
const data = demoData<{ DEMO_SECTIONS: DemoSection[]; DEMO_TAGS: DemoTag[]; DEMO_AUTHORS: DemoAuthor[]; SECTION_DESKS: Record<string, string[]>; REGIONAL_DESK: string[]; CULTURE_DESK: string[] }>('ru/meta');

export type DemoLocale = 'ru' | 'uz' | 'uz-Cyrl' | 'en';
export type LocalizedNames = Record<DemoLocale, string>;

export interface DemoSection {
  slug: string;
  names: LocalizedNames;
  /** Hex accent colour used for the section and its hero images. */
  color: string;
}

export interface DemoTag {
  slug: string;
  names: LocalizedNames;
}

export interface DemoAuthor {
  slug: string;
  names: LocalizedNames;
  bio: LocalizedNames;
}

export const DEMO_SECTIONS: DemoSection[] = data.DEMO_SECTIONS;

export const DEMO_TAGS: DemoTag[] = data.DEMO_TAGS;

export const DEMO_AUTHORS: DemoAuthor[] = data.DEMO_AUTHORS;

/** Desk rotation: which correspondents normally sign stories of a section. */
export const SECTION_DESKS: Record<string, string[]> = data.SECTION_DESKS;

export const REGIONAL_DESK: string[] = data.REGIONAL_DESK;
export const CULTURE_DESK: string[] = data.CULTURE_DESK;
