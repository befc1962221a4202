// Slot values for the demo story templates, stored with the Russian case forms the templates need.
// The values live in data/ru/slots.json; this module gives them their types and builds the derived forms.
import { demoData } from './data.js';

/** Russian case forms of a noun phrase. */
export interface Forms {
  nom: string;
  gen: string;
  dat: string;
  acc: string;
  ins: string;
  prep: string;
}

/** A phrase whose first word (head) declines and whose tail is fixed. */
interface PhraseData {
  head: string;
  tail: string;
}

/** A region as stored: an oblast by its adjective stem, or the name and head written out. */
type RegionData = { center: string; centerGen: string; centerPrep: string; districts: string[]; tag?: string } & (
  | { oblast: string }
  | { name: Forms; head: PhraseData }
);

const data = demoData<{
  HEADS: Record<string, Forms>;
  ECONOMY_MINISTRY: PhraseData;
  ECONOMY_MINISTER: PhraseData;
  FOREIGN_MINISTRY: PhraseData;
  FOREIGN_MINISTER: PhraseData;
  SECTORS: { key: string; area: string; tail: string; tag: string }[];
  COOPERATION_AREAS: string[];
  COUNTRIES: Country[];
  PARTNER_NAMES: string[];
  REGIONS: RegionData[];
  ORGS: Record<string, Org>;
  COMPANY_KINDS: string[];
  HERITAGE_CITIES: { city: string; prep: string; gen: string; tag: string }[];
}>('ru/slots');

/** A phrase whose first word declines and whose tail is fixed: phrase('министр', 'энергетики'). */
export function phrase(head: string, tail: string): Forms {
  const h = data.HEADS[head];
  if (!h) throw new Error(`unknown phrase head ${head}`);
  const t = tail ? ` ${tail}` : '';
  return { nom: h.nom + t, gen: h.gen + t, dat: h.dat + t, acc: h.acc + t, ins: h.ins + t, prep: h.prep + t };
}

/** A government domain with its ministry, minister and the tag that goes with it. */
export interface Sector {
  key: string;
  /** Genitive, after "в сфере": "энергетики". */
  area: string;
  ministry: Forms;
  minister: Forms;
  tag: string;
}

export const SECTORS: Sector[] = data.SECTORS.map(({ key, area, tail, tag }) => ({
  key,
  area,
  ministry: phrase('Министерство', tail),
  minister: phrase('министр', tail),
  tag,
}));

export const ECONOMY_MINISTRY = phrase(data.ECONOMY_MINISTRY.head, data.ECONOMY_MINISTRY.tail);
export const ECONOMY_MINISTER = phrase(data.ECONOMY_MINISTER.head, data.ECONOMY_MINISTER.tail);
export const FOREIGN_MINISTRY = phrase(data.FOREIGN_MINISTRY.head, data.FOREIGN_MINISTRY.tail);
export const FOREIGN_MINISTER = phrase(data.FOREIGN_MINISTER.head, data.FOREIGN_MINISTER.tail);

export function sectorByKey(key: string): Sector {
  const s = SECTORS.find((x) => x.key === key);
  if (!s) throw new Error(`unknown sector ${key}`);
  return s;
}

/** Areas of bilateral cooperation, genitive after "в сфере". */
export const COOPERATION_AREAS: string[] = data.COOPERATION_AREAS;

export interface Country {
  name: Forms;
  capital: string;
  capitalPrep: string;
  /** Neighbours in Central Asia get the regional tag. */
  centralAsia?: boolean;
}

export const COUNTRIES: Country[] = data.COUNTRIES;

export const NEIGHBOURS = COUNTRIES.filter((c) => c.centralAsia);
/** Countries that typically appear as investors and trade partners. */
export const PARTNERS = COUNTRIES.filter((c) => data.PARTNER_NAMES.includes(c.name.nom));

export function countryByName(nom: string): Country {
  const c = COUNTRIES.find((x) => x.name.nom === nom);
  if (!c) throw new Error(`unknown country ${nom}`);
  return c;
}

export interface Region {
  /** "Самаркандская область". */
  name: Forms;
  center: string;
  centerGen: string;
  centerPrep: string;
  /** Head of the regional administration. */
  head: Forms;
  /** District adjective stems: 'Ургутск' -> "Ургутский район". */
  districts: string[];
  /** Extra tag for the region, if any. */
  tag?: string;
}

/** "Самаркандская область" with its cases, from the stem 'Самаркандск'. */
function oblastName(adj: string): Forms {
  return { nom: `${adj}ая область`, gen: `${adj}ой области`, dat: `${adj}ой области`, acc: `${adj}ую область`, ins: `${adj}ой областью`, prep: `${adj}ой области` };
}

export const REGIONS: Region[] = data.REGIONS.map((r): Region => {
  const { center, centerGen, centerPrep, districts } = r;
  if ('oblast' in r) {
    const name = oblastName(r.oblast);
    return { name, center, centerGen, centerPrep, head: phrase('хоким', name.gen), districts, tag: r.tag };
  }
  return { name: r.name, center, centerGen, centerPrep, head: phrase(r.head.head, r.head.tail), districts, ...(r.tag !== undefined ? { tag: r.tag } : {}) };
});

/** Regions excluding the capital city (for "области"-style stories). */
export const PROVINCES = REGIONS.filter((r) => r.center !== 'Ташкент');

/** "в Ургутском районе" / "Ургутского района" / "Ургутский район". */
export function district(stem: string): { nom: string; gen: string; prep: string } {
  return { nom: `${stem}ий район`, gen: `${stem}ого района`, prep: `${stem}ом районе` };
}

/** Tags a regional story should carry. */
export function regionTags(r: Region): string[] {
  return r.tag === 'tashkent' ? ['tashkent'] : r.tag ? ['regiony', r.tag] : ['regiony'];
}

/** Only the twelve "области" (no capital city, no Karakalpakstan). */
export const OBLASTS = REGIONS.filter((r) => r.name.nom.endsWith('область'));

/** International organisations: nominative/genitive/instrumental/prepositional. */
export interface Org {
  name: Forms;
  short: string;
  city: string;
  tag?: string;
}

export const ORGS: Record<string, Org> = data.ORGS;

/** Foreign companies are never named: the generator uses descriptions like these (genitive). */
export const COMPANY_KINDS: string[] = data.COMPANY_KINDS;

/** Uzbek cities for datelines of domestic culture and tourism stories. */
export const HERITAGE_CITIES: { city: string; prep: string; gen: string; tag: string }[] = data.HERITAGE_CITIES;
