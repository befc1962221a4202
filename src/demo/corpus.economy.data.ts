// Goods, products, crops, routes and zones used by the economy templates.

export interface ExportGood {
  /** Genitive: "экспорт плодоовощной продукции". */
  gen: string;
  tag: string;
  /** Export value range, million USD. */
  min: number;
  max: number;
  minMarkets: number;
  /** Typical buyers (Russian nominative, must exist in COUNTRIES). */
  markets: string[];
}

export const EXPORT_GOODS: ExportGood[] = [
  { gen: 'плодоовощной продукции', tag: 'selskoe-hozyaystvo', min: 600, max: 1600, minMarkets: 60, markets: ['Россия', 'Казахстан', 'Китай', 'Кыргызстан', 'Пакистан', 'Германия'] },
  { gen: 'текстильной продукции', tag: 'promyshlennost', min: 1200, max: 3100, minMarkets: 50, markets: ['Россия', 'Турция', 'Китай', 'Казахстан', 'Кыргызстан', 'Польша'] },
  { gen: 'кожевенно-обувной продукции', tag: 'promyshlennost', min: 120, max: 420, minMarkets: 30, markets: ['Россия', 'Казахстан', 'Италия', 'Турция', 'Беларусь'] },
  { gen: 'строительных материалов', tag: 'stroitelstvo', min: 180, max: 640, minMarkets: 20, markets: ['Казахстан', 'Кыргызстан', 'Таджикистан', 'Туркменистан', 'Россия'] },
  { gen: 'фармацевтической продукции', tag: 'zdravoohranenie', min: 40, max: 190, minMarkets: 15, markets: ['Казахстан', 'Кыргызстан', 'Таджикистан', 'Азербайджан', 'Россия'] },
  { gen: 'электротехнической продукции', tag: 'promyshlennost', min: 260, max: 780, minMarkets: 25, markets: ['Казахстан', 'Россия', 'Азербайджан', 'Кыргызстан', 'Турция'] },
  { gen: 'сухофруктов и орехов', tag: 'selskoe-hozyaystvo', min: 180, max: 520, minMarkets: 40, markets: ['Китай', 'Россия', 'Казахстан', 'Индия', 'Турция', 'Германия'] },
  { gen: 'продукции химической промышленности', tag: 'promyshlennost', min: 300, max: 900, minMarkets: 30, markets: ['Китай', 'Казахстан', 'Турция', 'Россия', 'Кыргызстан'] },
  { gen: 'мебели и изделий из дерева', tag: 'promyshlennost', min: 30, max: 140, minMarkets: 12, markets: ['Казахстан', 'Кыргызстан', 'Таджикистан', 'Россия', 'Азербайджан'] },
  { gen: 'ювелирных изделий', tag: 'promyshlennost', min: 40, max: 220, minMarkets: 10, markets: ['ОАЭ', 'Россия', 'Казахстан', 'Турция', 'Индия'] },
];

export interface Product {
  /** Genitive: "производство керамической плитки". */
  gen: string;
  tag: string;
  /** Annual capacity range and unit (genitive plural), e.g. 12 "тыс. тонн". */
  min: number;
  max: number;
  step: number;
  unit: string;
}

export const PRODUCTS: Product[] = [
  { gen: 'хлопчатобумажной пряжи', tag: 'promyshlennost', min: 5, max: 40, step: 1, unit: 'тыс. тонн' },
  { gen: 'керамической плитки', tag: 'stroitelstvo', min: 2, max: 12, step: 1, unit: 'млн квадратных метров' },
  { gen: 'солнечных панелей', tag: 'energetika', min: 100, max: 600, step: 50, unit: 'МВт' },
  { gen: 'бытовой техники', tag: 'promyshlennost', min: 100, max: 900, step: 50, unit: 'тыс. единиц' },
  { gen: 'медицинских изделий', tag: 'zdravoohranenie', min: 20, max: 300, step: 10, unit: 'млн единиц' },
  { gen: 'автокомпонентов', tag: 'promyshlennost', min: 200, max: 1500, step: 100, unit: 'тыс. комплектов' },
  { gen: 'лекарственных препаратов', tag: 'zdravoohranenie', min: 20, max: 240, step: 10, unit: 'млн упаковок' },
  { gen: 'трикотажных изделий', tag: 'promyshlennost', min: 2, max: 30, step: 1, unit: 'млн штук' },
  { gen: 'стеклянной тары', tag: 'promyshlennost', min: 40, max: 400, step: 10, unit: 'млн штук' },
  { gen: 'кабельной продукции', tag: 'promyshlennost', min: 5, max: 60, step: 1, unit: 'тыс. тонн' },
  { gen: 'плодоовощных консервов', tag: 'selskoe-hozyaystvo', min: 10, max: 120, step: 5, unit: 'млн банок' },
  { gen: 'сухих строительных смесей', tag: 'stroitelstvo', min: 50, max: 400, step: 10, unit: 'тыс. тонн' },
];

export interface Crop {
  gen: string;
  /** Nominative phrase for "завершается ...": "уборка зерновых". */
  work: string;
  /** Harvest range, thousand tonnes, for one region. */
  min: number;
  max: number;
  /** Yield range, centners per hectare. */
  yieldMin: number;
  yieldMax: number;
  buyers: string[];
}

export const CROPS: Crop[] = [
  { gen: 'зерна', work: 'уборка зерновых колосовых культур', min: 300, max: 900, yieldMin: 52, yieldMax: 68, buyers: ['Таджикистан', 'Кыргызстан', 'Афганистан', 'Туркменистан'] },
  { gen: 'картофеля', work: 'уборка картофеля', min: 80, max: 400, yieldMin: 220, yieldMax: 320, buyers: ['Казахстан', 'Россия', 'Таджикистан', 'Кыргызстан'] },
  { gen: 'винограда', work: 'сбор винограда', min: 60, max: 280, yieldMin: 140, yieldMax: 220, buyers: ['Россия', 'Казахстан', 'Китай', 'Беларусь'] },
  { gen: 'черешни', work: 'сбор черешни', min: 8, max: 40, yieldMin: 60, yieldMax: 95, buyers: ['Китай', 'Россия', 'Казахстан', 'ОАЭ', 'Южная Корея'] },
  { gen: 'абрикосов', work: 'сбор абрикосов', min: 12, max: 70, yieldMin: 80, yieldMax: 130, buyers: ['Россия', 'Казахстан', 'Китай', 'Беларусь'] },
  { gen: 'томатов', work: 'сбор томатов', min: 60, max: 350, yieldMin: 320, yieldMax: 480, buyers: ['Казахстан', 'Россия', 'Кыргызстан', 'Беларусь'] },
  { gen: 'бахчевых культур', work: 'уборка бахчевых культур', min: 50, max: 300, yieldMin: 240, yieldMax: 360, buyers: ['Россия', 'Казахстан', 'Беларусь', 'Кыргызстан'] },
  { gen: 'яблок', work: 'сбор яблок', min: 40, max: 220, yieldMin: 150, yieldMax: 260, buyers: ['Россия', 'Казахстан', 'Туркменистан', 'Индия'] },
  { gen: 'лука', work: 'уборка лука', min: 40, max: 260, yieldMin: 380, yieldMax: 520, buyers: ['Казахстан', 'Россия', 'Кыргызстан', 'Пакистан'] },
];

export const FEZ = [
  { name: 'Навои', city: 'Навои' },
  { name: 'Ангрен', city: 'Ангрен' },
  { name: 'Джизак', city: 'Джизак' },
  { name: 'Коканд', city: 'Коканд' },
  { name: 'Гиждуван', city: 'Гиждуван' },
  { name: 'Ургут', city: 'Ургут' },
  { name: 'Хазарасп', city: 'Хазарасп' },
  { name: 'Нукус-фарм', city: 'Нукус' },
];

export interface RailRoute {
  dest: string;
  destAcc: string;
  transit: string;
  origins: { city: string; gen: string }[];
  days: [number, number];
  km: [number, number];
}

const ORIGINS = {
  tashkent: { city: 'Ташкент', gen: 'Ташкента' },
  andijan: { city: 'Андижан', gen: 'Андижана' },
  navoi: { city: 'Навои', gen: 'Навои' },
  angren: { city: 'Ангрен', gen: 'Ангрена' },
  samarkand: { city: 'Самарканд', gen: 'Самарканда' },
  termez: { city: 'Термез', gen: 'Термеза' },
};

export const RAIL_ROUTES: RailRoute[] = [
  { dest: 'Стамбул', destAcc: 'Стамбул', transit: 'Туркменистана, Азербайджана и Грузии с переправой через Каспийское море', origins: [ORIGINS.tashkent, ORIGINS.navoi, ORIGINS.andijan], days: [12, 18], km: [4200, 4800] },
  { dest: 'Дуйсбург', destAcc: 'Дуйсбург', transit: 'Казахстана, России, Беларуси и Польши', origins: [ORIGINS.tashkent, ORIGINS.samarkand], days: [14, 19], km: [6200, 6900] },
  { dest: 'Сиань', destAcc: 'Сиань', transit: 'Казахстана и Китая', origins: [ORIGINS.tashkent, ORIGINS.andijan], days: [8, 12], km: [3600, 4200] },
  { dest: 'Чунцин', destAcc: 'Чунцин', transit: 'Казахстана и Китая', origins: [ORIGINS.tashkent, ORIGINS.angren], days: [10, 14], km: [4500, 5100] },
  { dest: 'Бендер-Аббас', destAcc: 'Бендер-Аббас', transit: 'Туркменистана и Ирана', origins: [ORIGINS.tashkent, ORIGINS.navoi, ORIGINS.samarkand], days: [8, 12], km: [2600, 3100] },
  { dest: 'Поти', destAcc: 'Поти', transit: 'Туркменистана, Азербайджана и Грузии', origins: [ORIGINS.tashkent, ORIGINS.navoi], days: [9, 14], km: [2900, 3400] },
  { dest: 'Мерсин', destAcc: 'Мерсин', transit: 'Туркменистана и Ирана', origins: [ORIGINS.andijan, ORIGINS.tashkent], days: [14, 19], km: [5200, 5800] },
  { dest: 'Москва', destAcc: 'Москву', transit: 'Казахстана', origins: [ORIGINS.tashkent, ORIGINS.termez, ORIGINS.andijan], days: [6, 9], km: [3300, 3700] },
  { dest: 'Ляньюньган', destAcc: 'Ляньюньган', transit: 'Казахстана и Китая', origins: [ORIGINS.tashkent, ORIGINS.angren], days: [12, 16], km: [5300, 5900] },
];

export interface AirDestination {
  city: string;
  acc: string;
  /** "около семи часов" — after "Время в пути составит". */
  time: string;
  origins: { city: string; gen: string }[];
}

const AIR = {
  tashkent: { city: 'Ташкент', gen: 'Ташкента' },
  samarkand: { city: 'Самарканд', gen: 'Самарканда' },
  bukhara: { city: 'Бухара', gen: 'Бухары' },
  urgench: { city: 'Ургенч', gen: 'Ургенча' },
  namangan: { city: 'Наманган', gen: 'Намангана' },
  fergana: { city: 'Фергана', gen: 'Ферганы' },
};

export const AIR_DESTINATIONS: AirDestination[] = [
  { city: 'Рим', acc: 'Рим', time: 'около шести с половиной часов', origins: [AIR.tashkent, AIR.samarkand] },
  { city: 'Милан', acc: 'Милан', time: 'около шести часов', origins: [AIR.tashkent, AIR.bukhara] },
  { city: 'Токио', acc: 'Токио', time: 'около восьми часов', origins: [AIR.tashkent] },
  { city: 'Сеул', acc: 'Сеул', time: 'около семи часов', origins: [AIR.tashkent, AIR.samarkand, AIR.namangan] },
  { city: 'Куала-Лумпур', acc: 'Куала-Лумпур', time: 'около семи с половиной часов', origins: [AIR.tashkent] },
  { city: 'Бангкок', acc: 'Бангкок', time: 'около шести часов', origins: [AIR.tashkent, AIR.samarkand] },
  { city: 'Мадрид', acc: 'Мадрид', time: 'около семи часов', origins: [AIR.tashkent] },
  { city: 'Франкфурт-на-Майне', acc: 'Франкфурт-на-Майне', time: 'около шести часов', origins: [AIR.tashkent, AIR.urgench] },
  { city: 'Будапешт', acc: 'Будапешт', time: 'около пяти с половиной часов', origins: [AIR.tashkent, AIR.samarkand] },
  { city: 'Варшава', acc: 'Варшаву', time: 'около пяти часов', origins: [AIR.tashkent] },
  { city: 'Вена', acc: 'Вену', time: 'около пяти с половиной часов', origins: [AIR.tashkent, AIR.bukhara] },
  { city: 'Джидда', acc: 'Джидду', time: 'около пяти часов', origins: [AIR.tashkent, AIR.namangan, AIR.fergana] },
  { city: 'Ханой', acc: 'Ханой', time: 'около шести часов', origins: [AIR.tashkent] },
  { city: 'Стамбул', acc: 'Стамбул', time: 'около пяти часов', origins: [AIR.samarkand, AIR.urgench, AIR.fergana, AIR.namangan] },
];
