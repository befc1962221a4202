// Festivals, sports, monuments and other slot data for the society templates.
import { demoData } from './data.js';

// The values live in data/ru/society.json; this module gives them their types.
const data = demoData<{ FESTIVALS: Festival[]; SPORTS: Sport[]; SPORT_HOSTS: { city: string; prep: string; }[]; MONUMENTS: Monument[]; MEDICAL_CENTERS: { nom: string; opened: string; fresh: string; }[]; UNIVERSITIES: { nom: string; gen: string; fields: string[]; }[] }>('ru/society');

export interface Festival {
  /** Nominative, masculine ("фестиваль"): "международный музыкальный фестиваль «Шарк тароналари»". */
  nom: string;
  city: string;
  prep: string;
  tag: string;
  /** One or two sentences about the programme. */
  program: string;
  who: string;
}

export const FESTIVALS: Festival[] = data.FESTIVALS;

export interface Sport {
  athletes: string;
  /** Nominative: "чемпионат Азии по дзюдо". */
  champ: string;
  /** Prepositional, after "на": "чемпионате Азии по дзюдо". */
  champPrep: string;
  /** Dative, after "Сборная Узбекистана по": "дзюдо". */
  dat: string;
  highlights: string[];
}

export const SPORTS: Sport[] = data.SPORTS;

export const SPORT_HOSTS: { city: string; prep: string; }[] = data.SPORT_HOSTS;

export interface Monument {
  gen: string;
  prep: string;
}

export const MONUMENTS: Monument[] = data.MONUMENTS;

export const MEDICAL_CENTERS: { nom: string; opened: string; fresh: string; }[] = data.MEDICAL_CENTERS;

export const UNIVERSITIES: { nom: string; gen: string; fields: string[]; }[] = data.UNIVERSITIES;
