// Demo taxonomy: sections, tags and correspondents, named in all four site locales.
// Uzbek Latin uses U+02BB (ʻ) in oʻ/gʻ and U+02BC (ʼ) for the tutuq belgisi.

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

const n = (ru: string, uz: string, uzCyrl: string, en: string): LocalizedNames => ({
  ru,
  uz,
  'uz-Cyrl': uzCyrl,
  en,
});

export const DEMO_SECTIONS: DemoSection[] = [
  { slug: 'politics', names: n('Политика', 'Siyosat', 'Сиёсат', 'Politics'), color: '#1D4E89' },
  { slug: 'economy', names: n('Экономика', 'Iqtisodiyot', 'Иқтисодиёт', 'Economy'), color: '#1B7A57' },
  { slug: 'society', names: n('Общество', 'Jamiyat', 'Жамият', 'Society'), color: '#B8551F' },
  { slug: 'world', names: n('В мире', 'Dunyo', 'Дунё', 'World'), color: '#6B3FA0' },
];

export const DEMO_TAGS: DemoTag[] = [
  { slug: 'oon', names: n('ООН', 'BMT', 'БМТ', 'UN') },
  { slug: 'diplomatiya', names: n('Дипломатия', 'Diplomatiya', 'Дипломатия', 'Diplomacy') },
  { slug: 'parlament', names: n('Парламент', 'Parlament', 'Парламент', 'Parliament') },
  { slug: 'tsentralnaya-aziya', names: n('Центральная Азия', 'Markaziy Osiyo', 'Марказий Осиё', 'Central Asia') },
  { slug: 'migratsiya', names: n('Миграция', 'Migratsiya', 'Миграция', 'Migration') },
  { slug: 'eksport', names: n('Экспорт', 'Eksport', 'Экспорт', 'Exports') },
  { slug: 'torgovlya', names: n('Торговля', 'Savdo', 'Савдо', 'Trade') },
  { slug: 'finansy', names: n('Финансы', 'Moliya', 'Молия', 'Finance') },
  { slug: 'investitsii', names: n('Инвестиции', 'Investitsiyalar', 'Инвестициялар', 'Investment') },
  { slug: 'promyshlennost', names: n('Промышленность', 'Sanoat', 'Саноат', 'Industry') },
  { slug: 'energetika', names: n('Энергетика', 'Energetika', 'Энергетика', 'Energy') },
  { slug: 'transport', names: n('Транспорт', 'Transport', 'Транспорт', 'Transport') },
  { slug: 'selskoe-hozyaystvo', names: n('Сельское хозяйство', 'Qishloq xoʻjaligi', 'Қишлоқ хўжалиги', 'Agriculture') },
  { slug: 'vodnye-resursy', names: n('Водные ресурсы', 'Suv resurslari', 'Сув ресурслари', 'Water resources') },
  { slug: 'tsifrovizatsiya', names: n('Цифровизация', 'Raqamlashtirish', 'Рақамлаштириш', 'Digitalisation') },
  { slug: 'predprinimatelstvo', names: n('Предпринимательство', 'Tadbirkorlik', 'Тадбиркорлик', 'Entrepreneurship') },
  { slug: 'obrazovanie', names: n('Образование', 'Taʼlim', 'Таълим', 'Education') },
  { slug: 'nauka', names: n('Наука', 'Fan', 'Фан', 'Science') },
  { slug: 'zdravoohranenie', names: n('Здравоохранение', 'Sogʻliqni saqlash', 'Соғлиқни сақлаш', 'Healthcare') },
  { slug: 'zanyatost', names: n('Занятость', 'Bandlik', 'Бандлик', 'Employment') },
  { slug: 'molodezh', names: n('Молодежь', 'Yoshlar', 'Ёшлар', 'Youth') },
  { slug: 'stroitelstvo', names: n('Строительство', 'Qurilish', 'Қурилиш', 'Construction') },
  { slug: 'ekologiya', names: n('Экология', 'Ekologiya', 'Экология', 'Environment') },
  { slug: 'klimat', names: n('Климат', 'Iqlim', 'Иқлим', 'Climate') },
  { slug: 'turizm', names: n('Туризм', 'Turizm', 'Туризм', 'Tourism') },
  { slug: 'kultura', names: n('Культура', 'Madaniyat', 'Маданият', 'Culture') },
  { slug: 'sport', names: n('Спорт', 'Sport', 'Спорт', 'Sport') },
  { slug: 'regiony', names: n('Регионы', 'Hududlar', 'Ҳудудлар', 'Regions') },
  { slug: 'tashkent', names: n('Ташкент', 'Toshkent', 'Тошкент', 'Tashkent') },
  { slug: 'samarkand', names: n('Самарканд', 'Samarqand', 'Самарқанд', 'Samarkand') },
];

export const DEMO_AUTHORS: DemoAuthor[] = [
  {
    slug: 'dilnoza-rahimova',
    names: n('Дильноза Рахимова', 'Dilnoza Rahimova', 'Дилноза Раҳимова', 'Dilnoza Rakhimova'),
    bio: n(
      'Политический обозреватель. Освещает внешнюю политику, работу парламента и правительства.',
      'Siyosiy sharhlovchi. Tashqi siyosat, parlament va hukumat faoliyatini yoritadi.',
      'Сиёсий шарҳловчи. Ташқи сиёсат, парламент ва ҳукумат фаолиятини ёритади.',
      'Political commentator covering foreign policy, parliament and the government.',
    ),
  },
  {
    slug: 'sherzod-karimov',
    names: n('Шерзод Каримов', 'Sherzod Karimov', 'Шерзод Каримов', 'Sherzod Karimov'),
    bio: n(
      'Экономический обозреватель. Пишет о макроэкономике, инвестициях и внешней торговле.',
      'Iqtisodiy sharhlovchi. Makroiqtisodiyot, investitsiyalar va tashqi savdo haqida yozadi.',
      'Иқтисодий шарҳловчи. Макроиқтисодиёт, инвестициялар ва ташқи савдо ҳақида ёзади.',
      'Economics commentator writing about macroeconomics, investment and foreign trade.',
    ),
  },
  {
    slug: 'olga-kim',
    names: n('Ольга Ким', 'Olga Kim', 'Ольга Ким', 'Olga Kim'),
    bio: n(
      'Корреспондент отдела экономики. Специализируется на энергетике, промышленности и транспорте.',
      'Iqtisodiyot boʻlimi muxbiri. Energetika, sanoat va transport mavzulariga ixtisoslashgan.',
      'Иқтисодиёт бўлими мухбири. Энергетика, саноат ва транспорт мавзуларига ихтисослашган.',
      'Economy desk correspondent specialising in energy, industry and transport.',
    ),
  },
  {
    slug: 'anna-belova',
    names: n('Анна Белова', 'Anna Belova', 'Анна Белова', 'Anna Belova'),
    bio: n(
      'Корреспондент отдела общества. Пишет об образовании, здравоохранении и социальной защите.',
      'Jamiyat boʻlimi muxbiri. Taʼlim, sogʻliqni saqlash va ijtimoiy himoya haqida yozadi.',
      'Жамият бўлими мухбири. Таълим, соғлиқни сақлаш ва ижтимоий ҳимоя ҳақида ёзади.',
      'Society desk correspondent writing about education, healthcare and social protection.',
    ),
  },
  {
    slug: 'jasur-tursunov',
    names: n('Жасур Турсунов', 'Jasur Tursunov', 'Жасур Турсунов', 'Jasur Tursunov'),
    bio: n(
      'Собственный корреспондент агентства в Самаркандской области. Рассказывает о жизни регионов.',
      'Agentlikning Samarqand viloyatidagi muxbiri. Hududlar hayoti haqida hikoya qiladi.',
      'Агентликнинг Самарқанд вилоятидаги мухбири. Ҳудудлар ҳаёти ҳақида ҳикоя қилади.',
      'The agency’s correspondent in Samarkand region, reporting on life in the regions.',
    ),
  },
  {
    slug: 'timur-saidov',
    names: n('Тимур Саидов', 'Temur Saidov', 'Темур Саидов', 'Timur Saidov'),
    bio: n(
      'Корреспондент отдела культуры и спорта. Освещает фестивали, выставки и международные турниры.',
      'Madaniyat va sport boʻlimi muxbiri. Festivallar, koʻrgazmalar va xalqaro musobaqalarni yoritadi.',
      'Маданият ва спорт бўлими мухбири. Фестиваллар, кўргазмалар ва халқаро мусобақаларни ёритади.',
      'Culture and sports correspondent covering festivals, exhibitions and international tournaments.',
    ),
  },
  {
    slug: 'malika-yusupova',
    names: n('Малика Юсупова', 'Malika Yusupova', 'Малика Юсупова', 'Malika Yusupova'),
    bio: n(
      'Редактор международного отдела. Пишет о Центральной Азии и международных организациях.',
      'Xalqaro boʻlim muharriri. Markaziy Osiyo va xalqaro tashkilotlar haqida yozadi.',
      'Халқаро бўлим муҳаррири. Марказий Осиё ва халқаро ташкилотлар ҳақида ёзади.',
      'International desk editor writing about Central Asia and international organisations.',
    ),
  },
  {
    slug: 'bekzod-nazarov',
    names: n('Бекзод Назаров', 'Bekzod Nazarov', 'Бекзод Назаров', 'Bekzod Nazarov'),
    bio: n(
      'Корреспондент агентства в Женеве. Освещает работу структур ООН и международных форумов.',
      'Agentlikning Jenevadagi muxbiri. BMT tuzilmalari va xalqaro forumlar faoliyatini yoritadi.',
      'Агентликнинг Женевадаги мухбири. БМТ тузилмалари ва халқаро форумлар фаолиятини ёритади.',
      'The agency’s Geneva correspondent, covering UN bodies and international forums.',
    ),
  },
];

/** Desk rotation: which correspondents normally sign stories of a section. */
export const SECTION_DESKS: Record<string, string[]> = {
  politics: ['dilnoza-rahimova', 'dilnoza-rahimova', 'malika-yusupova'],
  economy: ['sherzod-karimov', 'olga-kim'],
  society: ['anna-belova', 'timur-saidov', 'jasur-tursunov'],
  world: ['malika-yusupova', 'bekzod-nazarov'],
};

export const REGIONAL_DESK = ['jasur-tursunov'];
export const CULTURE_DESK = ['timur-saidov'];
