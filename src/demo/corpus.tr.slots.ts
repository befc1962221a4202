// Uzbek and English forms of the shared slot values (corpus.slots.ts), keyed by their Russian form.
// The tables live in data/uz/slots.json and data/en/slots.json; this module looks them up and builds
// the derived forms (Uzbek cases, English capitals and adjectives).
import type { Country, Region, Sector } from './corpus.slots.js';
import { bi, lookup, uzForms, type Bi, type UzForms } from './corpus.tr.gen.js';
import { demoData } from './data.js';

/** One language's translation tables, each keyed by the Russian value. */
interface SlotTables<CountryT> {
  CITIES: Record<string, string>;
  COUNTRIES: Record<string, CountryT>;
  /** Keyed by the region centre; `admin` only where it is not derived from the name. */
  REGIONS: Record<string, { name: string; head: string; kind: string; admin?: string }>;
  /** Keyed by the district adjective stem of corpus.slots REGIONS. */
  DISTRICTS: Record<string, string>;
  /** Keyed by the sector key: area (after "sohasida"/"in"), ministry, minister. */
  SECTORS: Record<string, { area: string; ministry: string; minister: string }>;
  /** corpus.slots COOPERATION_AREAS (Russian genitive) -> before "sohasi/sohasida" / English. */
  AREAS: Record<string, string>;
  ECONOMY_MINISTRY: string;
}

const UZ = demoData<SlotTables<string>>('uz/slots');
/** English countries: the name (with "the" where English needs it) and the adjective. */
const EN = demoData<SlotTables<{ name: string; adj: string }>>('en/slots');

/** The Uzbek and the English entry of a table; an error naming the key if either is missing. */
function both<U, E>(uz: Readonly<Record<string, U>>, en: Readonly<Record<string, E>>, key: string, what: string): [U, E] {
  return [lookup(uz, key, what), lookup(en, key, what)];
}

// ───────────────────────────── cities ─────────────────────────────

export interface CityTr {
  uz: UzForms;
  en: string;
}

/** A city by its Russian nominative: Uzbek case forms and the English name. */
export function city(ru: string): CityTr {
  const [uz, en] = both(UZ.CITIES, EN.CITIES, ru, 'city');
  return { uz: uzForms(uz), en };
}

/** Dateline: the city's nominative in both languages. */
export function dateline(ru: string): Bi {
  const c = city(ru);
  return bi(c.uz.nom, c.en);
}

// ───────────────────────────── countries ─────────────────────────────

export interface CountryTr {
  uz: UzForms;
  /** "Kazakhstan", "the UAE". */
  en: string;
  /** Sentence-initial English form: "The UAE". */
  En: string;
  adj: string;
  capital: CityTr;
}

function countryByRu(ru: string, capital?: string): CountryTr {
  const [uz, { name: en, adj }] = both(UZ.COUNTRIES, EN.COUNTRIES, ru, 'country');
  return { uz: uzForms(uz), en, En: en.charAt(0).toUpperCase() + en.slice(1), adj, capital: city(capital ?? 'Ташкент') };
}

export function country(c: Country): CountryTr {
  return countryByRu(c.name.nom, c.capital);
}

/** A country given by its Russian nominative (lists of buyers and markets). */
export function countryName(ru: string): Bi {
  const c = countryByRu(ru);
  return bi(c.uz.nom, c.en);
}

// ───────────────────────────── regions and districts ─────────────────────────────

export interface RegionTr {
  /** "Samarqand viloyati" with its cases. */
  uz: UzForms;
  /** "Samarkand region", "the Republic of Karakalpakstan", "Tashkent". */
  en: string;
  En: string;
  /** Administrative centre. */
  center: CityTr;
  head: { uz: UzForms; en: string; En: string };
  /** "the region" / "the capital" in English, "viloyat" / "poytaxt" in Uzbek (nominative). */
  kind: Bi;
  /** The regional administration: "Samarqand viloyati hokimligi", "the Samarkand regional administration". */
  admin: { uz: UzForms; en: string };
  /** "Samarkand regional" (before "council", "administration"); the plain name otherwise. */
  enAdj: string;
}

const capFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function region(r: Region): RegionTr {
  const [u, e] = both(UZ.REGIONS, EN.REGIONS, r.center, 'region');
  const enAdj = e.name.replace(/ region$/, ' regional');
  return {
    uz: uzForms(u.name),
    en: e.name,
    En: capFirst(e.name),
    center: city(r.center),
    head: { uz: uzForms(u.head), en: e.head, En: capFirst(e.head) },
    kind: bi(u.kind, e.kind),
    admin: { uz: uzForms(u.admin ?? `${u.name} hokimligi`), en: e.admin ?? `the ${enAdj} administration` },
    enAdj,
  };
}

/** "Urgut tumani" with its cases; English "Urgut district". */
export function district(stem: string): { uz: UzForms; en: string } {
  const [uz, en] = both(UZ.DISTRICTS, EN.DISTRICTS, stem, 'district');
  return { uz: uzForms(`${uz} tumani`), en: `${en} district` };
}

// ───────────────────────────── ministries ─────────────────────────────

export interface SectorTr {
  area: Bi;
  ministry: { uz: UzForms; en: string };
  minister: { uz: UzForms; en: string };
}

export function sector(s: Sector | string): SectorTr {
  const key = typeof s === 'string' ? s : s.key;
  const [uz, en] = both(UZ.SECTORS, EN.SECTORS, key, 'sector');
  return { area: bi(uz.area, en.area), ministry: { uz: uzForms(uz.ministry), en: en.ministry }, minister: { uz: uzForms(uz.minister), en: en.minister } };
}

export const ECONOMY_MINISTRY_TR = { uz: uzForms(UZ.ECONOMY_MINISTRY), en: EN.ECONOMY_MINISTRY };

// ───────────────────────────── cooperation areas ─────────────────────────────

export function area(ru: string): Bi {
  const [uz, en] = both(UZ.AREAS, EN.AREAS, ru, 'cooperation area');
  return bi(uz, en);
}

export { capFirst };
