// Uzbek and English forms of the shared slot values (corpus.slots.ts), keyed by their Russian form.
import type { Country, Region, Sector } from './corpus.slots.js';
import { bi, lookup, uzForms, type Bi, type UzForms } from './corpus.tr.gen.js';

// ───────────────────────────── cities ─────────────────────────────

const CITY_TABLE: Record<string, [string, string]> = {
  Ташкент: ['Toshkent', 'Tashkent'],
  Самарканд: ['Samarqand', 'Samarkand'],
  Бухара: ['Buxoro', 'Bukhara'],
  Ургенч: ['Urganch', 'Urgench'],
  Фергана: ['Fargʻona', 'Fergana'],
  Андижан: ['Andijon', 'Andijan'],
  Наманган: ['Namangan', 'Namangan'],
  Карши: ['Qarshi', 'Karshi'],
  Термез: ['Termiz', 'Termez'],
  Навои: ['Navoiy', 'Navoi'],
  Джизак: ['Jizzax', 'Jizzakh'],
  Гулистан: ['Guliston', 'Gulistan'],
  Нурафшан: ['Nurafshon', 'Nurafshan'],
  Нукус: ['Nukus', 'Nukus'],
  Хива: ['Xiva', 'Khiva'],
  Шахрисабз: ['Shahrisabz', 'Shakhrisabz'],
  Коканд: ['Qoʻqon', 'Kokand'],
  Ангрен: ['Angren', 'Angren'],
  Гиждуван: ['Gʻijduvon', 'Gijduvan'],
  Ургут: ['Urgut', 'Urgut'],
  Хазарасп: ['Hazorasp', 'Khazarasp'],
  Туркестан: ['Turkiston', 'Turkistan'],
  'Чолпон-Ата': ['Choʻlpon-Ota', 'Cholpon-Ata'],
  Астана: ['Astana', 'Astana'],
  Бишкек: ['Bishkek', 'Bishkek'],
  Душанбе: ['Dushanbe', 'Dushanbe'],
  Ашхабад: ['Ashxobod', 'Ashgabat'],
  Баку: ['Boku', 'Baku'],
  Анкара: ['Anqara', 'Ankara'],
  Пекин: ['Pekin', 'Beijing'],
  Сеул: ['Seul', 'Seoul'],
  Токио: ['Tokio', 'Tokyo'],
  Берлин: ['Berlin', 'Berlin'],
  Париж: ['Parij', 'Paris'],
  Рим: ['Rim', 'Rome'],
  Будапешт: ['Budapesht', 'Budapest'],
  Вена: ['Vena', 'Vienna'],
  Варшава: ['Varshava', 'Warsaw'],
  Лондон: ['London', 'London'],
  'Нью-Дели': ['Nyu-Dehli', 'New Delhi'],
  Исламабад: ['Islomobod', 'Islamabad'],
  'Абу-Даби': ['Abu-Dabi', 'Abu Dhabi'],
  'Эр-Рияд': ['Ar-Riyod', 'Riyadh'],
  Доха: ['Doha', 'Doha'],
  'Куала-Лумпур': ['Kuala-Lumpur', 'Kuala Lumpur'],
  Джакарта: ['Jakarta', 'Jakarta'],
  Ханой: ['Xanoy', 'Hanoi'],
  Каир: ['Qohira', 'Cairo'],
  Москва: ['Moskva', 'Moscow'],
  Минск: ['Minsk', 'Minsk'],
  'Нью-Йорк': ['Nyu-York', 'New York'],
  Женева: ['Jeneva', 'Geneva'],
  Вашингтон: ['Vashington', 'Washington'],
  Манила: ['Manila', 'Manila'],
  Джидда: ['Jidda', 'Jeddah'],
  'Санкт-Петербург': ['Sankt-Peterburg', 'St Petersburg'],
  Бангкок: ['Bangkok', 'Bangkok'],
  Амман: ['Amman', 'Amman'],
  Бонн: ['Bonn', 'Bonn'],
  Найроби: ['Nayrobi', 'Nairobi'],
  Мадрид: ['Madrid', 'Madrid'],
  Дубай: ['Dubay', 'Dubai'],
  Стамбул: ['Istanbul', 'Istanbul'],
  Сингапур: ['Singapur', 'Singapore'],
  Сиань: ['Sian', 'Xi’an'],
  Брюссель: ['Bryussel', 'Brussels'],
  Чикаго: ['Chikago', 'Chicago'],
  Милан: ['Milan', 'Milan'],
  'Франкфурт-на-Майне': ['Frankfurt-Mayn', 'Frankfurt'],
  Дуйсбург: ['Duysburg', 'Duisburg'],
  Чунцин: ['Chunsin', 'Chongqing'],
  'Бендер-Аббас': ['Bandar-Abbos', 'Bandar Abbas'],
  Поти: ['Poti', 'Poti'],
  Мерсин: ['Mersin', 'Mersin'],
  Ляньюньган: ['Lyanyungan', 'Lianyungang'],
};

export interface CityTr {
  uz: UzForms;
  en: string;
}

/** A city by its Russian nominative: Uzbek case forms and the English name. */
export function city(ru: string): CityTr {
  const [uz, en] = lookup(CITY_TABLE, ru, 'city');
  return { uz: uzForms(uz), en };
}

/** Dateline: the city's nominative in both languages. */
export function dateline(ru: string): Bi {
  const c = city(ru);
  return bi(c.uz.nom, c.en);
}

// ───────────────────────────── countries ─────────────────────────────

/** Uzbek name, English name (with "the" where English needs it), English adjective. */
const COUNTRY_TABLE: Record<string, [string, string, string]> = {
  Казахстан: ['Qozogʻiston', 'Kazakhstan', 'Kazakh'],
  Кыргызстан: ['Qirgʻiziston', 'Kyrgyzstan', 'Kyrgyz'],
  Таджикистан: ['Tojikiston', 'Tajikistan', 'Tajik'],
  Туркменистан: ['Turkmaniston', 'Turkmenistan', 'Turkmen'],
  Азербайджан: ['Ozarbayjon', 'Azerbaijan', 'Azerbaijani'],
  Турция: ['Turkiya', 'Türkiye', 'Turkish'],
  Китай: ['Xitoy', 'China', 'Chinese'],
  'Южная Корея': ['Janubiy Koreya', 'South Korea', 'South Korean'],
  Япония: ['Yaponiya', 'Japan', 'Japanese'],
  Германия: ['Germaniya', 'Germany', 'German'],
  Франция: ['Fransiya', 'France', 'French'],
  Италия: ['Italiya', 'Italy', 'Italian'],
  Венгрия: ['Vengriya', 'Hungary', 'Hungarian'],
  Австрия: ['Avstriya', 'Austria', 'Austrian'],
  Польша: ['Polsha', 'Poland', 'Polish'],
  Великобритания: ['Buyuk Britaniya', 'the United Kingdom', 'British'],
  Индия: ['Hindiston', 'India', 'Indian'],
  Пакистан: ['Pokiston', 'Pakistan', 'Pakistani'],
  ОАЭ: ['BAA', 'the UAE', 'Emirati'],
  'Саудовская Аравия': ['Saudiya Arabistoni', 'Saudi Arabia', 'Saudi'],
  Катар: ['Qatar', 'Qatar', 'Qatari'],
  Малайзия: ['Malayziya', 'Malaysia', 'Malaysian'],
  Индонезия: ['Indoneziya', 'Indonesia', 'Indonesian'],
  Вьетнам: ['Vyetnam', 'Vietnam', 'Vietnamese'],
  Египет: ['Misr', 'Egypt', 'Egyptian'],
  Россия: ['Rossiya', 'Russia', 'Russian'],
  Беларусь: ['Belarus', 'Belarus', 'Belarusian'],
  Афганистан: ['Afgʻoniston', 'Afghanistan', 'Afghan'],
};

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
  const [uz, en, adj] = lookup(COUNTRY_TABLE, ru, 'country');
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

/** Uzbek region word, English region name, Uzbek head, English head. */
const REGION_TABLE: Record<string, [string, string, string, string]> = {
  Самарканд: ['Samarqand viloyati', 'Samarkand region', 'Samarqand viloyati hokimi', 'the governor of Samarkand region'],
  Бухара: ['Buxoro viloyati', 'Bukhara region', 'Buxoro viloyati hokimi', 'the governor of Bukhara region'],
  Ургенч: ['Xorazm viloyati', 'Khorezm region', 'Xorazm viloyati hokimi', 'the governor of Khorezm region'],
  Фергана: ['Fargʻona viloyati', 'Fergana region', 'Fargʻona viloyati hokimi', 'the governor of Fergana region'],
  Андижан: ['Andijon viloyati', 'Andijan region', 'Andijon viloyati hokimi', 'the governor of Andijan region'],
  Наманган: ['Namangan viloyati', 'Namangan region', 'Namangan viloyati hokimi', 'the governor of Namangan region'],
  Карши: ['Qashqadaryo viloyati', 'Kashkadarya region', 'Qashqadaryo viloyati hokimi', 'the governor of Kashkadarya region'],
  Термез: ['Surxondaryo viloyati', 'Surkhandarya region', 'Surxondaryo viloyati hokimi', 'the governor of Surkhandarya region'],
  Навои: ['Navoiy viloyati', 'Navoi region', 'Navoiy viloyati hokimi', 'the governor of Navoi region'],
  Джизак: ['Jizzax viloyati', 'Jizzakh region', 'Jizzax viloyati hokimi', 'the governor of Jizzakh region'],
  Гулистан: ['Sirdaryo viloyati', 'Syrdarya region', 'Sirdaryo viloyati hokimi', 'the governor of Syrdarya region'],
  Нурафшан: ['Toshkent viloyati', 'Tashkent region', 'Toshkent viloyati hokimi', 'the governor of Tashkent region'],
  Нукус: [
    'Qoraqalpogʻiston Respublikasi',
    'the Republic of Karakalpakstan',
    'Qoraqalpogʻiston Respublikasi Vazirlar Kengashi Raisi',
    'the chairman of the Council of Ministers of Karakalpakstan',
  ],
  Ташкент: ['Toshkent shahri', 'Tashkent', 'Toshkent shahri hokimi', 'the mayor of Tashkent'],
};

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
  const [uz, en, headUz, headEn] = lookup(REGION_TABLE, r.center, 'region');
  return {
    uz: uzForms(uz),
    en,
    En: capFirst(en),
    center: city(r.center),
    head: { uz: uzForms(headUz), en: headEn, En: capFirst(headEn) },
    kind: r.center === 'Ташкент' ? bi('poytaxt', 'the capital') : r.center === 'Нукус' ? bi('respublika', 'the republic') : bi('viloyat', 'the region'),
    admin:
      r.center === 'Ташкент'
        ? { uz: uzForms('Toshkent shahar hokimligi'), en: 'the Tashkent city administration' }
        : r.center === 'Нукус'
          ? { uz: uzForms('Qoraqalpogʻiston Respublikasi Vazirlar Kengashi'), en: 'the Council of Ministers of Karakalpakstan' }
          : { uz: uzForms(`${uz} hokimligi`), en: `the ${en.replace(/ region$/, ' regional')} administration` },
    enAdj: en.replace(/ region$/, ' regional'),
  };
}

/** District adjective stem (corpus.slots REGIONS) -> Uzbek and English district name. */
const DISTRICT_TABLE: Record<string, [string, string]> = {
  Ургутск: ['Urgut', 'Urgut'],
  Пастдаргомск: ['Pastdargʻom', 'Pastdargom'],
  Джамбайск: ['Jomboy', 'Jambay'],
  Гиждуванск: ['Gʻijduvon', 'Gijduvan'],
  Каганск: ['Kogon', 'Kagan'],
  Вабкентск: ['Vobkent', 'Vabkent'],
  Хивинск: ['Xiva', 'Khiva'],
  Ханкинск: ['Xonqa', 'Khanka'],
  Хазараспск: ['Hazorasp', 'Khazarasp'],
  Риштанск: ['Rishton', 'Rishtan'],
  Алтыарыкск: ['Oltiariq', 'Altyaryk'],
  Кувинск: ['Quva', 'Kuva'],
  Асакинск: ['Asaka', 'Asaka'],
  Ходжаабадск: ['Xoʻjaobod', 'Khojaabad'],
  Избасканск: ['Izboskan', 'Izbaskan'],
  Чустск: ['Chust', 'Chust'],
  Папск: ['Pop', 'Pap'],
  Касансайск: ['Kosonsoy', 'Kasansay'],
  Шахрисабзск: ['Shahrisabz', 'Shakhrisabz'],
  Касанск: ['Koson', 'Kasan'],
  Гузарск: ['Gʻuzor', 'Guzar'],
  Денауск: ['Denov', 'Denau'],
  Шерабадск: ['Sherobod', 'Sherabad'],
  Байсунск: ['Boysun', 'Baysun'],
  Кызылтепинск: ['Qiziltepa', 'Kyzyltepa'],
  Нуратинск: ['Nurota', 'Nurata'],
  Хатырчинск: ['Xatirchi', 'Khatyrchi'],
  Зааминск: ['Zomin', 'Zaamin'],
  Галляаральск: ['Gʻallaorol', 'Gallaaral'],
  Фаришск: ['Forish', 'Farish'],
  Баяутск: ['Boyovut', 'Bayaut'],
  Сардобинск: ['Sardoba', 'Sardoba'],
  Мирзаабадск: ['Mirzaobod', 'Mirzaabad'],
  Бостанлыкск: ['Boʻstonliq', 'Bostanlyk'],
  Паркентск: ['Parkent', 'Parkent'],
  Зангиатинск: ['Zangiota', 'Zangiata'],
  Турткульск: ['Toʻrtkoʻl', 'Turtkul'],
  Ходжейлийск: ['Xoʻjayli', 'Khodjeyli'],
  Берунийск: ['Beruniy', 'Beruni'],
  Юнусабадск: ['Yunusobod', 'Yunusabad'],
  Чиланзарск: ['Chilonzor', 'Chilanzar'],
  'Мирзо-Улугбекск': ['Mirzo Ulugʻbek', 'Mirzo Ulugbek'],
  Яшнабадск: ['Yashnobod', 'Yashnabad'],
};

/** "Urgut tumani" with its cases; English "Urgut district". */
export function district(stem: string): { uz: UzForms; en: string } {
  const [uz, en] = lookup(DISTRICT_TABLE, stem, 'district');
  return { uz: uzForms(`${uz} tumani`), en: `${en} district` };
}

// ───────────────────────────── ministries ─────────────────────────────

/** Area (after "sohasida"/"in"), ministry, minister. */
const SECTOR_TABLE: Record<string, [Bi, Bi, Bi]> = {
  energy: [bi('energetika', 'energy'), bi('Energetika vazirligi', 'the Ministry of Energy'), bi('Energetika vaziri', 'the Minister of Energy')],
  health: [
    bi('sogʻliqni saqlash', 'healthcare'),
    bi('Sogʻliqni saqlash vazirligi', 'the Ministry of Health'),
    bi('Sogʻliqni saqlash vaziri', 'the Minister of Health'),
  ],
  agri: [bi('qishloq xoʻjaligi', 'agriculture'), bi('Qishloq xoʻjaligi vazirligi', 'the Ministry of Agriculture'), bi('Qishloq xoʻjaligi vaziri', 'the Minister of Agriculture')],
  digital: [
    bi('raqamli texnologiyalar', 'digital technologies'),
    bi('Raqamli texnologiyalar vazirligi', 'the Ministry of Digital Technologies'),
    bi('Raqamli texnologiyalar vaziri', 'the Minister of Digital Technologies'),
  ],
  transport: [bi('transport va logistika', 'transport and logistics'), bi('Transport vazirligi', 'the Ministry of Transport'), bi('Transport vaziri', 'the Minister of Transport')],
  school: [
    bi('maktab taʼlimi', 'school education'),
    bi('Maktabgacha va maktab taʼlimi vazirligi', 'the Ministry of Preschool and School Education'),
    bi('Maktabgacha va maktab taʼlimi vaziri', 'the Minister of Preschool and School Education'),
  ],
  science: [
    bi('oliy taʼlim va fan', 'higher education and science'),
    bi('Oliy taʼlim, fan va innovatsiyalar vazirligi', 'the Ministry of Higher Education, Science and Innovation'),
    bi('Oliy taʼlim, fan va innovatsiyalar vaziri', 'the Minister of Higher Education, Science and Innovation'),
  ],
  invest: [
    bi('investitsiyalar va sanoat kooperatsiyasi', 'investment and industrial cooperation'),
    bi('Investitsiyalar, sanoat va savdo vazirligi', 'the Ministry of Investment, Industry and Trade'),
    bi('Investitsiyalar, sanoat va savdo vaziri', 'the Minister of Investment, Industry and Trade'),
  ],
  water: [bi('suv xoʻjaligi', 'water management'), bi('Suv xoʻjaligi vazirligi', 'the Ministry of Water Resources'), bi('Suv xoʻjaligi vaziri', 'the Minister of Water Resources')],
  build: [
    bi('qurilish', 'construction'),
    bi('Qurilish va uy-joy kommunal xoʻjaligi vazirligi', 'the Ministry of Construction and Housing and Communal Services'),
    bi('Qurilish va uy-joy kommunal xoʻjaligi vaziri', 'the Minister of Construction and Housing and Communal Services'),
  ],
  jobs: [
    bi('bandlik', 'employment'),
    bi('Bandlik va kambagʻallikni qisqartirish vazirligi', 'the Ministry of Employment and Poverty Reduction'),
    bi('Bandlik va kambagʻallikni qisqartirish vaziri', 'the Minister of Employment and Poverty Reduction'),
  ],
  eco: [
    bi('atrof-muhitni muhofaza qilish', 'environmental protection'),
    bi('Ekologiya, atrof-muhitni muhofaza qilish va iqlim oʻzgarishi vazirligi', 'the Ministry of Ecology, Environmental Protection and Climate Change'),
    bi('Ekologiya, atrof-muhitni muhofaza qilish va iqlim oʻzgarishi vaziri', 'the Minister of Ecology, Environmental Protection and Climate Change'),
  ],
  culture: [bi('madaniyat', 'culture'), bi('Madaniyat vazirligi', 'the Ministry of Culture'), bi('Madaniyat vaziri', 'the Minister of Culture')],
  sport: [bi('sport', 'sport'), bi('Sport vazirligi', 'the Ministry of Sport'), bi('Sport vaziri', 'the Minister of Sport')],
};

export interface SectorTr {
  area: Bi;
  ministry: { uz: UzForms; en: string };
  minister: { uz: UzForms; en: string };
}

export function sector(s: Sector | string): SectorTr {
  const key = typeof s === 'string' ? s : s.key;
  const [area, ministry, minister] = lookup(SECTOR_TABLE, key, 'sector');
  return { area, ministry: { uz: uzForms(ministry.uz), en: ministry.en }, minister: { uz: uzForms(minister.uz), en: minister.en } };
}

export const ECONOMY_MINISTRY_TR = { uz: uzForms('Iqtisodiyot va moliya vazirligi'), en: 'the Ministry of Economy and Finance' };

// ───────────────────────────── cooperation areas ─────────────────────────────

/** corpus.slots COOPERATION_AREAS (Russian genitive) -> Uzbek (before "sohasi/sohasida"), English. */
const AREA_TABLE: Record<string, [string, string]> = {
  торговли: ['savdo', 'trade'],
  энергетики: ['energetika', 'energy'],
  'транспортной логистики': ['transport-logistika', 'transport logistics'],
  образования: ['taʼlim', 'education'],
  здравоохранения: ['sogʻliqni saqlash', 'healthcare'],
  'цифровых технологий': ['raqamli texnologiyalar', 'digital technologies'],
  'сельского хозяйства': ['qishloq xoʻjaligi', 'agriculture'],
  туризма: ['turizm', 'tourism'],
  культуры: ['madaniyat', 'culture'],
  'водного хозяйства': ['suv xoʻjaligi', 'water management'],
  'промышленной кооперации': ['sanoat kooperatsiyasi', 'industrial cooperation'],
  'горнодобывающей отрасли': ['togʻ-kon sanoati', 'mining'],
  фармацевтики: ['farmatsevtika', 'pharmaceuticals'],
  'охраны окружающей среды': ['atrof-muhitni muhofaza qilish', 'environmental protection'],
};

export function area(ru: string): Bi {
  const [uz, en] = lookup(AREA_TABLE, ru, 'cooperation area');
  return bi(uz, en);
}

// ───────────────────────────── heritage cities ─────────────────────────────

export { capFirst };
