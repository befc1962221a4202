// Uzbek and English forms of the economy slot data (corpus.economy.data.ts), keyed by the Russian.
import type { AirDestination, Crop, ExportGood, Product, RailRoute } from './corpus.economy.data.js';
import { fmtInt } from './corpus.gen.js';
import { bi, en, lookup, type Bi } from './corpus.tr.gen.js';

const EXPORT_GOOD_TABLE: Record<string, [string, string]> = {
  'плодоовощной продукции': ['meva-sabzavot mahsulotlari', 'fruit and vegetables'],
  'текстильной продукции': ['toʻqimachilik mahsulotlari', 'textiles'],
  'кожевенно-обувной продукции': ['charm-poyabzal mahsulotlari', 'leather goods and footwear'],
  'строительных материалов': ['qurilish materiallari', 'building materials'],
  'фармацевтической продукции': ['farmatsevtika mahsulotlari', 'pharmaceuticals'],
  'электротехнической продукции': ['elektrotexnika mahsulotlari', 'electrical goods'],
  'сухофруктов и орехов': ['quruq meva va yongʻoqlar', 'dried fruit and nuts'],
  'продукции химической промышленности': ['kimyo sanoati mahsulotlari', 'chemical products'],
  'мебели и изделий из дерева': ['mebel va yogʻochdan ishlangan buyumlar', 'furniture and wood products'],
  'ювелирных изделий': ['zargarlik buyumlari', 'jewellery'],
};

export function exportGood(g: ExportGood): Bi {
  const [uz, e] = lookup(EXPORT_GOOD_TABLE, g.gen, 'export good');
  return bi(uz, e);
}

/** Uzbek unit after the number; English amount for a number of units. */
const UNIT_TABLE: Record<string, [string, (n: number) => string]> = {
  'тыс. тонн': ['ming tonna', (n) => `${en(n * 1000)} tonnes`],
  'млн квадратных метров': ['mln kvadrat metr', (n) => `${en(n)} million square metres`],
  МВт: ['MVt', (n) => `${en(n)} MW`],
  'тыс. единиц': ['ming dona', (n) => `${en(n * 1000)} units`],
  'млн единиц': ['mln dona', (n) => `${en(n)} million units`],
  'тыс. комплектов': ['ming komplekt', (n) => `${en(n * 1000)} sets`],
  'млн упаковок': ['mln qadoq', (n) => `${en(n)} million packs`],
  'млн штук': ['mln dona', (n) => `${en(n)} million items`],
  'млн банок': ['mln banka', (n) => `${en(n)} million jars`],
};

const PRODUCT_TABLE: Record<string, [string, string]> = {
  'хлопчатобумажной пряжи': ['paxta ipi', 'cotton yarn'],
  'керамической плитки': ['keramik plitka', 'ceramic tiles'],
  'солнечных панелей': ['quyosh panellari', 'solar panels'],
  'бытовой техники': ['maishiy texnika', 'household appliances'],
  'медицинских изделий': ['tibbiy buyumlar', 'medical devices'],
  автокомпонентов: ['avtomobil butlovchi qismlari', 'auto components'],
  'лекарственных препаратов': ['dori vositalari', 'medicines'],
  'трикотажных изделий': ['trikotaj mahsulotlari', 'knitwear'],
  'стеклянной тары': ['shisha idishlar', 'glass containers'],
  'кабельной продукции': ['kabel mahsulotlari', 'cables'],
  'плодоовощных консервов': ['meva-sabzavot konservalari', 'canned fruit and vegetables'],
  'сухих строительных смесей': ['quruq qurilish qorishmalari', 'dry building mixes'],
};

export interface ProductTr {
  /** Before "ishlab chiqarish": "keramik plitka". */
  uz: string;
  en: string;
  /** Capacity: "12 ming tonna" / "12,000 tonnes". */
  amount: (n: number) => Bi;
}

export function product(p: Product): ProductTr {
  const [uz, e] = lookup(PRODUCT_TABLE, p.gen, 'product');
  const [unitUz, unitEn] = lookup(UNIT_TABLE, p.unit, 'unit');
  return { uz, en: e, amount: (n) => bi(`${fmtInt(n)} ${unitUz}`, unitEn(n)) };
}

/** Crop, harvest work (Uzbek nominative, English with article). */
const CROP_TABLE: Record<string, [string, string, string, string]> = {
  зерна: ['gʻalla', 'boshoqli don ekinlari hosilini yigʻishtirish', 'grain', 'the grain harvest'],
  картофеля: ['kartoshka', 'kartoshka hosilini yigʻishtirish', 'potatoes', 'the potato harvest'],
  винограда: ['uzum', 'uzum terimi', 'grapes', 'the grape harvest'],
  черешни: ['gilos', 'gilos terimi', 'cherries', 'the cherry harvest'],
  абрикосов: ['oʻrik', 'oʻrik terimi', 'apricots', 'the apricot harvest'],
  томатов: ['pomidor', 'pomidor terimi', 'tomatoes', 'the tomato harvest'],
  'бахчевых культур': ['poliz ekinlari', 'poliz ekinlari hosilini yigʻishtirish', 'melons', 'the melon harvest'],
  яблок: ['olma', 'olma terimi', 'apples', 'the apple harvest'],
  лука: ['piyoz', 'piyoz hosilini yigʻishtirish', 'onions', 'the onion harvest'],
};

export function crop(c: Crop): { name: Bi; work: Bi } {
  const [uz, workUz, e, workEn] = lookup(CROP_TABLE, c.gen, 'crop');
  return { name: bi(uz, e), work: bi(workUz, workEn) };
}

const FEZ_TABLE: Record<string, [string, string]> = {
  Навои: ['Navoiy', 'Navoi'],
  Ангрен: ['Angren', 'Angren'],
  Джизак: ['Jizzax', 'Jizzakh'],
  Коканд: ['Qoʻqon', 'Kokand'],
  Гиждуван: ['Gʻijduvon', 'Gijduvan'],
  Ургут: ['Urgut', 'Urgut'],
  Хазарасп: ['Hazorasp', 'Khazarasp'],
  'Нукус-фарм': ['Nukus-farm', 'Nukus-Pharm'],
};

export function fezName(ru: string): Bi {
  const [uz, e] = lookup(FEZ_TABLE, ru, 'free economic zone');
  return bi(uz, e);
}

/** How a rail route runs, as a sentence, keyed by the destination. */
const TRANSIT_TABLE: Record<string, [string, string]> = {
  Стамбул: [
    'Yoʻnalish Turkmaniston, Ozarbayjon va Gruziya hududidan oʻtadi, Kaspiy dengizi orqali parom qatnovi ham nazarda tutilgan.',
    'The route runs through Turkmenistan, Azerbaijan and Georgia, with a ferry crossing of the Caspian Sea.',
  ],
  Дуйсбург: ['Yoʻnalish Qozogʻiston, Rossiya, Belarus va Polsha hududidan oʻtadi.', 'The route runs through Kazakhstan, Russia, Belarus and Poland.'],
  Сиань: ['Yoʻnalish Qozogʻiston va Xitoy hududidan oʻtadi.', 'The route runs through Kazakhstan and China.'],
  Чунцин: ['Yoʻnalish Qozogʻiston va Xitoy hududidan oʻtadi.', 'The route runs through Kazakhstan and China.'],
  'Бендер-Аббас': ['Yoʻnalish Turkmaniston va Eron hududidan oʻtadi.', 'The route runs through Turkmenistan and Iran.'],
  Поти: ['Yoʻnalish Turkmaniston, Ozarbayjon va Gruziya hududidan oʻtadi.', 'The route runs through Turkmenistan, Azerbaijan and Georgia.'],
  Мерсин: ['Yoʻnalish Turkmaniston va Eron hududidan oʻtadi.', 'The route runs through Turkmenistan and Iran.'],
  Москва: ['Yoʻnalish Qozogʻiston hududidan oʻtadi.', 'The route runs through Kazakhstan.'],
  Ляньюньган: ['Yoʻnalish Qozogʻiston va Xitoy hududidan oʻtadi.', 'The route runs through Kazakhstan and China.'],
};

export function transit(r: RailRoute): Bi {
  const [uz, e] = lookup(TRANSIT_TABLE, r.dest, 'rail route');
  return bi(uz, e);
}

const FLIGHT_TIME_TABLE: Record<string, [string, string]> = {
  'около шести с половиной часов': ['taxminan olti yarim soat', 'about six and a half hours'],
  'около шести часов': ['taxminan olti soat', 'about six hours'],
  'около восьми часов': ['taxminan sakkiz soat', 'about eight hours'],
  'около семи часов': ['taxminan yetti soat', 'about seven hours'],
  'около семи с половиной часов': ['taxminan yetti yarim soat', 'about seven and a half hours'],
  'около пяти с половиной часов': ['taxminan besh yarim soat', 'about five and a half hours'],
  'около пяти часов': ['taxminan besh soat', 'about five hours'],
};

export function flightTime(d: AirDestination): Bi {
  const [uz, e] = lookup(FLIGHT_TIME_TABLE, d.time, 'flight time');
  return bi(uz, e);
}
