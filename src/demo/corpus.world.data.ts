// Topics, events and commodities for the world templates.
import type { Gen } from './corpus.gen.js';
import { demoData } from './data.js';

// The values live in data/ru/world.json; this module gives them their types.
const data = demoData<{ UNESCO_EVENTS: { nom: string; gen: string; prep: string; rel: string; }[]; UNESCO_TOPICS: { acc: string; detail: string; tag: string; }[]; CLIMATE_VENUES: { city: string; prep: string; conf: string; }[]; CLIMATE_TOPICS: string[]; CLIMATE_INITIATIVES: string[]; TRAVEL_FAIRS: { name: string; city: string; prep: string; }[]; CA_PLUS: { nom: string; gen: string; ins: string; city: string; prep: string; }[]; GA_RESOLUTIONS: { about: string; detail: string; tag: string; }[]; COMMODITIES: Commodity[]; FM_COUNCILS: { short: string; full: string; hosts: { city: string; prep: string; }[]; }[] }>('ru/world');

export const WHO_TOPICS: { dat: string; fact: (g: Gen) => string }[] = [
  {
    dat: 'профилактике неинфекционных заболеваний',
    fact: (g) => `По оценке ВОЗ, на долю сердечно-сосудистых заболеваний, диабета, онкологических и хронических респираторных болезней приходится около ${g.int(70, 75)}% всех случаев смерти в мире.`,
  },
  {
    dat: 'борьбе с устойчивостью к антибиотикам',
    fact: () => 'По данным организации, устойчивость бактерий к антибиотикам ежегодно становится прямой причиной более миллиона смертей, а неконтролируемое применение препаратов ускоряет распространение проблемы.',
  },
  {
    dat: 'расширению доступа к первичной медико-санитарной помощи',
    fact: (g) => `Как говорится в докладе, около ${g.pick(['половины', 'трети'])} населения мира по-прежнему не имеет полного доступа к основным медицинским услугам.`,
  },
  {
    dat: 'снижению потребления соли',
    fact: (g) => `По данным ВОЗ, среднее потребление соли в мире составляет около ${g.pick(['10', '11'])} граммов в день — вдвое больше рекомендованной нормы.`,
  },
  {
    dat: 'защите здоровья населения от экстремальной жары',
    fact: () => 'Эксперты организации отмечают, что волны аномальной жары становятся более частыми и продолжительными, а наиболее уязвимыми остаются пожилые люди, дети и работники, занятые на открытом воздухе.',
  },
  {
    dat: 'повышению охвата детей плановой вакцинацией',
    fact: (g) => `Согласно докладу, в прошлом году около ${g.int(14, 21)} млн детей в мире не получили ни одной дозы базовых вакцин.`,
  },
];

export const UNESCO_EVENTS: { nom: string; gen: string; prep: string; rel: string; }[] = data.UNESCO_EVENTS;

export const UNESCO_TOPICS: { acc: string; detail: string; tag: string; }[] = data.UNESCO_TOPICS;

export const CLIMATE_VENUES: { city: string; prep: string; conf: string; }[] = data.CLIMATE_VENUES;

export const CLIMATE_TOPICS: string[] = data.CLIMATE_TOPICS;

export const CLIMATE_INITIATIVES: string[] = data.CLIMATE_INITIATIVES;

export const TRAVEL_FAIRS: { name: string; city: string; prep: string; }[] = data.TRAVEL_FAIRS;

export const CA_PLUS: { nom: string; gen: string; ins: string; city: string; prep: string; }[] = data.CA_PLUS;

export const GA_RESOLUTIONS: { about: string; detail: string; tag: string; }[] = data.GA_RESOLUTIONS;

export interface Commodity {
  acc: string;
  gen: string;
  exchange: string;
  city: string;
  min: number;
  max: number;
  /** Unit forms agreeing with the integer price, and what it is priced per. */
  unit: [string, string, string];
  per: string;
  reasons: string[];
  uz: string;
}

export const COMMODITIES: Commodity[] = data.COMMODITIES;

export const FM_COUNCILS: { short: string; full: string; hosts: { city: string; prep: string; }[]; }[] = data.FM_COUNCILS;
