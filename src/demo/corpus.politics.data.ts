// Bills, laws and government programmes used by the politics templates.
import { demoData } from './data.js';

// The values live in data/ru/politics.json; this module gives them their types.
const data = demoData<{ LAWS: Law[]; PROGRAMS: Program[] }>('ru/politics');

export interface Law {
  /** Prepositional phrase with its preposition: "о защите прав потребителей". */
  about: string;
  /** Accusative, after "направлен на". */
  goal: string;
  /** A clause continuing "Согласно документу, ...". */
  provision: string;
  tag: string;
}

export const LAWS: Law[] = data.LAWS;

export interface Program {
  /** Genitive after "программа развития". */
  gen: string;
  /** Key of the responsible sector (see corpus.slots SECTORS). */
  sector: string;
  /** One sentence about what the programme includes. */
  detail: string;
  tag: string;
}

export const PROGRAMS: Program[] = data.PROGRAMS;
