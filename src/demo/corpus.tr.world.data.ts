// Uzbek and English forms of the world slot data (corpus.world.data.ts), keyed by the Russian.
import { fmtInt, type Gen } from './corpus.gen.js';
import type { Commodity } from './corpus.world.data.js';
import { bi, en, lookup, uzForms, type Bi, type UzForms } from './corpus.tr.gen.js';

/** WHO topics: Uzbek (before "boʻyicha"), English (after "efforts on"), and the fact with the same draws. */
const WHO_TABLE: Record<string, [string, string, (g: Gen) => Bi]> = {
  'профилактике неинфекционных заболеваний': [
    'yuqumli boʻlmagan kasalliklarning oldini olish',
    'preventing non-communicable diseases',
    (g) => {
      const p = g.int(70, 75);
      return bi(
        `JSST baholashicha, dunyodagi barcha oʻlim holatlarining qariyb ${p} foizi yurak-qon tomir kasalliklari, diabet, onkologik va surunkali nafas yoʻllari kasalliklari hissasiga toʻgʻri keladi.`,
        `According to WHO estimates, cardiovascular disease, diabetes, cancer and chronic respiratory disease account for about ${p}% of all deaths worldwide.`,
      );
    },
  ],
  'борьбе с устойчивостью к антибиотикам': [
    'antibiotiklarga chidamlilikka qarshi kurashish',
    'tackling antimicrobial resistance',
    () =>
      bi(
        'Tashkilot maʼlumotlariga koʻra, bakteriyalarning antibiotiklarga chidamliligi har yili bir milliondan ortiq odamning oʻlimiga bevosita sabab boʻlmoqda, dori vositalarining nazoratsiz qoʻllanilishi esa muammoning tarqalishini tezlashtirmoqda.',
        'According to the organisation, antibiotic-resistant bacteria directly cause more than a million deaths every year, and the uncontrolled use of the drugs is accelerating the spread of the problem.',
      ),
  ],
  'расширению доступа к первичной медико-санитарной помощи': [
    'birlamchi tibbiy-sanitariya yordamidan foydalanish imkoniyatini kengaytirish',
    'widening access to primary healthcare',
    (g) => {
      const share = g.pick([bi('yarmi', 'half'), bi('uchdan bir qismi', 'a third')]);
      return bi(
        `Maʼruzada taʼkidlanishicha, dunyo aholisining qariyb ${share.uz} hamon asosiy tibbiy xizmatlardan toʻliq foydalana olmayapti.`,
        `The report says about ${share.en} of the world’s population still lacks full access to essential health services.`,
      );
    },
  ],
  'снижению потребления соли': [
    'tuz isteʼmolini kamaytirish',
    'reducing salt intake',
    (g) => {
      const grams = g.pick(['10', '11']);
      return bi(
        `JSST maʼlumotlariga koʻra, dunyoda tuzning oʻrtacha isteʼmoli kuniga qariyb ${grams} grammni tashkil etadi — bu tavsiya etilgan meʼyordan ikki baravar koʻp.`,
        `According to WHO, average salt intake worldwide is about ${grams} grams a day, twice the recommended level.`,
      );
    },
  ],
  'защите здоровья населения от экстремальной жары': [
    'aholi salomatligini haddan tashqari issiqdan himoya qilish',
    'protecting people’s health from extreme heat',
    () =>
      bi(
        'Tashkilot ekspertlari anomal issiq toʻlqinlari tez-tez takrorlanib, uzoqroq davom etayotganini, keksalar, bolalar va ochiq havoda ishlaydiganlar eng zaif toifa boʻlib qolayotganini qayd etmoqda.',
        'WHO experts note that heatwaves are becoming more frequent and longer, with older people, children and outdoor workers the most vulnerable.',
      ),
  ],
  'повышению охвата детей плановой вакцинацией': [
    'bolalarni rejali emlash bilan qamrab olishni oshirish',
    'raising routine childhood vaccination rates',
    (g) => {
      const n = g.int(14, 21);
      return bi(
        `Maʼruzaga koʻra, oʻtgan yili dunyoda qariyb ${n} mln bola asosiy vaksinalarning birorta dozasini ham olmagan.`,
        `According to the report, about ${n} million children worldwide did not receive a single dose of basic vaccines last year.`,
      );
    },
  ],
};

export function whoTopic(dat: string): { uz: string; en: string; fact: (g: Gen) => Bi } {
  const [uz, en, fact] = lookup(WHO_TABLE, dat, 'WHO topic');
  return { uz, en, fact };
}

/** UNESCO events: Uzbek, English in prose, English headline form. */
const UNESCO_EVENT_TABLE: Record<string, [string, string, string]> = {
  'сессия Исполнительного совета ЮНЕСКО': ['YUNESKO Ijroiya kengashining sessiyasi', 'a session of the UNESCO Executive Board', 'UNESCO Executive Board session'],
  'международная конференция ЮНЕСКО': ['YUNESKOning xalqaro konferensiyasi', 'a UNESCO international conference', 'UNESCO international conference'],
  'заседание Межправительственного комитета ЮНЕСКО': [
    'YUNESKO Hukumatlararo qoʻmitasining yigʻilishi',
    'a meeting of a UNESCO intergovernmental committee',
    'UNESCO intergovernmental committee meeting',
  ],
};

export function unescoEvent(nom: string): { uz: UzForms; en: string; short: string } {
  const [uz, en, short] = lookup(UNESCO_EVENT_TABLE, nom, 'UNESCO event');
  return { uz: uzForms(uz), en, short };
}

const UNESCO_TOPIC_TABLE: Record<string, [string, string, string, string]> = {
  'сохранение объектов Великого шелкового пути': [
    'Buyuk ipak yoʻli obyektlarini asrash',
    'the preservation of Great Silk Road sites',
    'Ekspertlar yodgorliklarni konservatsiya qilish, turistlar oqimini boshqarish va restavratorlar tayyorlashga oid umumiy yondashuvlarni muhokama qildi.',
    'Experts discussed common approaches to conserving monuments, managing tourist flows and training restorers.',
  ],
  'защиту нематериального культурного наследия': [
    'nomoddiy madaniy merosni muhofaza qilish',
    'the protection of intangible cultural heritage',
    'Anʼanaviy hunarmandchilik va ijrochilik sanʼatini yosh avlodga yetkazishga alohida eʼtibor qaratildi.',
    'Particular attention was paid to passing on traditional crafts and performing arts to the younger generation.',
  ],
  'развитие инклюзивного образования': [
    'inklyuziv taʼlimni rivojlantirish',
    'the development of inclusive education',
    'Gap alohida ehtiyojli bolalar va chekka hududlardagi bolalarga sifatli taʼlim berishni qanday taʼminlash haqida bormoqda.',
    'The focus is on how to ensure quality education for children with special needs and children in remote areas.',
  ],
  'цифровизацию архивов и библиотек': [
    'arxiv va kutubxonalarni raqamlashtirish',
    'the digitisation of archives and libraries',
    'Qoʻlyozmalar va noyob kitoblarning ochiq elektron toʻplamlarini yaratish hamda ularni uzoq muddat saqlash standartlari haqida soʻz bordi.',
    'Discussions covered open digital collections of manuscripts and rare books and standards for their long-term preservation.',
  ],
  'роль науки в адаптации к изменению климата': [
    'iqlim oʻzgarishiga moslashishda ilm-fanning roli',
    'the role of science in adapting to climate change',
    'Ishtirokchilar turli mamlakatlar ilmiy institutlari oʻrtasida maʼlumot almashish va yosh tadqiqotchilarni qoʻllab-quvvatlash muhimligini taʼkidladi.',
    'Participants stressed the importance of data sharing between research institutes in different countries and of support for young researchers.',
  ],
};

export function unescoTopic(acc: string): { uz: UzForms; en: string; detail: Bi } {
  const [uz, en, dUz, dEn] = lookup(UNESCO_TOPIC_TABLE, acc, 'UNESCO topic');
  return { uz: uzForms(uz), en, detail: bi(dUz, dEn) };
}

const CLIMATE_CONF_TABLE: Record<string, [string, string]> = {
  Бонн: [
    'BMTning Iqlim oʻzgarishi toʻgʻrisidagi doiraviy konvensiyasi yordamchi organlarining sessiyasi',
    'a session of the subsidiary bodies of the UN Framework Convention on Climate Change',
  ],
  Найроби: ['BMT Atrof-muhit assambleyasining sessiyasi', 'a session of the UN Environment Assembly'],
  Женева: ['ofatlar xavfini kamaytirish boʻyicha xalqaro konferensiya', 'an international conference on disaster risk reduction'],
};

export function climateConference(cityRu: string): Bi {
  const [uz, en] = lookup(CLIMATE_CONF_TABLE, cityRu, 'climate venue');
  return bi(uz, en);
}

const CLIMATE_TOPIC_TABLE: Record<string, [string, string]> = {
  'финансирование адаптации к изменению климата': ['iqlim oʻzgarishiga moslashishni moliyalashtirish', 'financing for climate adaptation'],
  'сокращение выбросов метана': ['metan chiqindilarini qisqartirish', 'cutting methane emissions'],
  'поддержку стран, наиболее уязвимых к засухам': ['qurgʻoqchilikka eng zaif mamlakatlarni qoʻllab-quvvatlash', 'support for the countries most vulnerable to drought'],
  'переход к возобновляемой энергетике': ['qayta tiklanuvchi energetikaga oʻtish', 'the transition to renewable energy'],
  'восстановление деградированных земель': ['tanazzulga uchragan yerlarni tiklash', 'restoring degraded land'],
};

export function climateTopic(ru: string): { uz: UzForms; en: string } {
  const [uz, en] = lookup(CLIMATE_TOPIC_TABLE, ru, 'climate topic');
  return { uz: uzForms(uz), en };
}

const CLIMATE_INITIATIVE_TABLE: Record<string, [string, string]> = {
  'восстановлению экосистем Приаралья': ['Orolboʻyi ekotizimlarini tiklash', 'restoring the ecosystems of the Aral Sea region'],
  'борьбе с пыльными и солевыми бурями в Центральной Азии': ['Markaziy Osiyoda chang va tuz boʻronlariga qarshi kurashish', 'combating dust and salt storms in Central Asia'],
  'расширению лесонасаждений на осушенном дне Аральского моря': ['Orol dengizining qurigan tubida oʻrmonzorlarni kengaytirish', 'expanding forests on the dried-up bed of the Aral Sea'],
  'созданию региональной системы раннего предупреждения о засухах': [
    'qurgʻoqchilik haqida erta ogohlantirishning mintaqaviy tizimini yaratish',
    'a regional early warning system for droughts',
  ],
};

export function climateInitiative(ru: string): Bi {
  const [uz, en] = lookup(CLIMATE_INITIATIVE_TABLE, ru, 'climate initiative');
  return bi(uz, en);
}

/** "Central Asia + X": Uzbek name, English name in the format, English name in prose. */
const CA_PLUS_TABLE: Record<string, [string, string, string]> = {
  Япония: ['Yaponiya', 'Japan', 'Japan'],
  'Республика Корея': ['Koreya Respublikasi', 'Republic of Korea', 'the Republic of Korea'],
  Китай: ['Xitoy', 'China', 'China'],
  Индия: ['Hindiston', 'India', 'India'],
  Германия: ['Germaniya', 'Germany', 'Germany'],
  ЕС: ['Yevropa Ittifoqi', 'EU', 'the European Union'],
  Италия: ['Italiya', 'Italy', 'Italy'],
};

export function caPartner(nom: string): { uz: string; fmt: string; en: string } {
  const [uz, fmt, en] = lookup(CA_PLUS_TABLE, nom, 'Central Asia + partner');
  return { uz, fmt, en };
}

/** UN General Assembly resolutions: full and headline subjects, detail. */
const GA_TABLE: Record<string, [string, string, string, string, string, string]> = {
  'объявлении Приаралья зоной экологических инноваций и технологий': [
    'Orolboʻyi mintaqasini ekologik innovatsiyalar va texnologiyalar hududi deb eʼlon qilish',
    'Orolboʻyini ekologik innovatsiyalar hududi deb eʼlon qilish',
    'declaring the Aral Sea region a zone of ecological innovations and technologies',
    'the Aral Sea region as a zone of ecological innovation',
    'Hujjat BMTga aʼzo davlatlar va xalqaro moliya institutlarini ekotizimlarni tiklash, ish oʻrinlari yaratish va mintaqa aholisining turmush sifatini yaxshilashga qaratilgan loyihalarni qoʻllab-quvvatlashga chaqiradi.',
    'The document calls on UN member states and international financial institutions to support projects to restore ecosystems, create jobs and improve the quality of life in the region.',
  ],
  'развитии устойчивого туризма в Центральной Азии': [
    'Markaziy Osiyoda barqaror turizmni rivojlantirish',
    'Markaziy Osiyoda barqaror turizmni rivojlantirish',
    'sustainable tourism development in Central Asia',
    'sustainable tourism in Central Asia',
    'Rezolyutsiya ekoturizmni rivojlantirish, madaniy merosni asrash va mahalliy jamoalarni turizm faoliyatiga jalb etishga koʻmaklashishga chaqiradi.',
    'The resolution calls for support for ecotourism, the preservation of cultural heritage and the involvement of local communities in tourism.',
  ],
  'укреплении связанности между Центральной и Южной Азией': [
    'Markaziy va Janubiy Osiyo oʻrtasidagi oʻzaro bogʻliqlikni mustahkamlash',
    'Markaziy va Janubiy Osiyo bogʻliqligi',
    'strengthening connectivity between Central and South Asia',
    'connectivity between Central and South Asia',
    'Hujjatda ikki mintaqa oʻrtasida transport yoʻlaklari, energetika loyihalari va gumanitar aloqalarni rivojlantirish muhimligi taʼkidlangan.',
    'The document stresses the importance of developing transport corridors, energy projects and people-to-people ties between the two regions.',
  ],
  'просвещении и религиозной толерантности': [
    'maʼrifat va diniy bagʻrikenglik',
    'maʼrifat va diniy bagʻrikenglik',
    'enlightenment and religious tolerance',
    'enlightenment and religious tolerance',
    'Rezolyutsiya davlatlarni taʼlimdan hamma teng foydalanishiga, turli madaniyat vakillari oʻrtasida oʻzaro tushunish va hurmatni mustahkamlashga koʻmaklashishga chaqiradi.',
    'The resolution calls on states to promote universal access to education and mutual understanding and respect between people of different cultures.',
  ],
  'поддержке молодежного предпринимательства': [
    'yoshlar tadbirkorligini qoʻllab-quvvatlash',
    'yoshlar tadbirkorligini qoʻllab-quvvatlash',
    'support for youth entrepreneurship',
    'youth entrepreneurship',
    'Hujjat davlatlarga yoshlarning moliyalashtirish, oʻqitish va ustozlik dasturlaridan foydalanish imkoniyatlarini kengaytirishni tavsiya etadi.',
    'The document recommends that states widen young people’s access to finance, training and mentoring.',
  ],
};

export function gaResolution(about: string): { uz: string; uzShort: string; en: string; enShort: string; detail: Bi } {
  const [uz, uzShort, en, enShort, dUz, dEn] = lookup(GA_TABLE, about, 'UN resolution');
  return { uz, uzShort, en, enShort, detail: bi(dUz, dEn) };
}

export interface CommodityTr {
  name: Bi;
  /** Where it trades: Uzbek with cases, English with article. */
  exchange: { uz: UzForms; en: string };
  price: (n: number) => Bi;
  note: Bi;
}

const METAL_REASONS: Bi[] = [
  bi('yetakchi markaziy banklarning foiz stavkalari boʻyicha kutilmalari oʻzgarishi', 'shifting expectations for interest rates at the leading central banks'),
  bi('AQSH dollari kursining tebranishi', 'swings in the US dollar'),
  bi('dunyoning yirik iqtisodiyotlarida sanoat ishlab chiqarishi boʻyicha yangi maʼlumotlar', 'fresh industrial output data from the world’s largest economies'),
];
const CROP_REASONS: Bi[] = [
  bi('asosiy ishlab chiqaruvchi mamlakatlarda hosil prognozlarining aniqlashtirilishi', 'revised harvest forecasts in the main producing countries'),
  bi('yirik importchilar talabining oʻzgarishi', 'changing demand from major importers'),
  bi('asosiy yetishtirish hududlaridagi ob-havo sharoiti', 'the weather in key growing regions'),
];

/** Reasons in the order of the Russian lists (metals or crops). */
export function commodityReasons(c: Commodity): Bi[] {
  return c.unit[0] === 'цент' ? CROP_REASONS : METAL_REASONS;
}

const COMMODITY_TABLE: Record<string, [Bi, string, string, (n: number) => Bi, Bi]> = {
  золото: [
    bi('oltin', 'gold'),
    'London qimmatbaho metallar bozori',
    'the London bullion market',
    (n) => bi(`bir troy unsiyasi uchun ${fmtInt(n)} dollar`, `$${en(n)} an ounce`),
    bi(
      'Dunyodagi yirik oltin ishlab chiqaruvchilardan biri boʻlgan Oʻzbekiston uchun narxlar dinamikasi eksport tushumi va oltin-valyuta zaxiralari uchun muhim ahamiyatga ega.',
      'For Uzbekistan, one of the world’s largest gold producers, price movements matter for export earnings and gold and foreign currency reserves.',
    ),
  ],
  медь: [
    bi('mis', 'copper'),
    'London metallar birjasi',
    'the London Metal Exchange',
    (n) => bi(`bir tonnasi uchun ${fmtInt(n)} dollar`, `$${en(n)} a tonne`),
    bi(
      'Mis mahsulotlari ishlab chiqarish va eksportini koʻpaytirayotgan Oʻzbekiston uchun jahon narxlari dinamikasi muhim ahamiyatga ega.',
      'Global price movements matter for Uzbekistan, which is expanding its production and exports of copper products.',
    ),
  ],
  серебро: [
    bi('kumush', 'silver'),
    'London qimmatbaho metallar bozori',
    'the London bullion market',
    (n) => bi(`bir troy unsiyasi uchun ${fmtInt(n)} dollar`, `$${en(n)} an ounce`),
    bi(
      'Kumush Oʻzbekistonning eksport tovarlari qatoriga kiradi, shu bois narxlar dinamikasini soha ekspertlari diqqat bilan kuzatib bormoqda.',
      'Silver is one of Uzbekistan’s export goods, so industry experts follow its price closely.',
    ),
  ],
  хлопок: [
    bi('paxta', 'cotton'),
    'Nyu-Yorkdagi Interkontinental birja',
    'the Intercontinental Exchange in New York',
    (n) => bi(`bir funti uchun ${n} sent`, `${n} cents a pound`),
    bi(
      'Paxtani mamlakat ichida qayta ishlayotgan Oʻzbekiston toʻqimachilik korxonalari uchun jahon narxlari ip-kalava va mato eksporti boʻyicha shartnomalar tuzishda moʻljal boʻlib xizmat qiladi.',
      'For Uzbek textile companies, which process cotton at home, world prices serve as a benchmark for export contracts for yarn and fabric.',
    ),
  ],
  пшеницу: [
    bi('bugʻdoy', 'wheat'),
    'Chikago tovar birjasi',
    'the Chicago Board of Trade',
    (n) => bi(`bir bushel uchun ${n} sent`, `${n} cents a bushel`),
    bi(
      'Bugʻdoy va unning bir qismini import qiladigan Oʻzbekiston uchun jahon narxlari dinamikasi ichki bozordagi non mahsulotlari narxiga taʼsir qiladi.',
      'For Uzbekistan, which imports some of its wheat and flour, world prices affect the cost of bread on the domestic market.',
    ),
  ],
};

export function commodity(c: Commodity): CommodityTr {
  const [name, exUz, exEn, price, note] = lookup(COMMODITY_TABLE, c.acc, 'commodity');
  return { name, exchange: { uz: uzForms(exUz), en: exEn }, price, note };
}

/** Councils of foreign ministers: Uzbek short and full, English short and full. */
const FM_TABLE: Record<string, [string, string, string, string]> = {
  ШОС: ['ShHT', 'Shanxay hamkorlik tashkilotiga aʼzo davlatlar', 'SCO', 'the SCO member states'],
  СНГ: ['MDH', 'MDH ishtirokchi davlatlari', 'CIS', 'the CIS member states'],
  ОИС: ['IHT', 'IHTga aʼzo davlatlar', 'OIC', 'the OIC member states'],
  ОТГ: ['TDT', 'Turkiy davlatlar tashkilotiga aʼzo davlatlar', 'OTS', 'the member states of the Organization of Turkic States'],
};

export function fmCouncil(short: string): { uzShort: string; uzFull: string; enShort: string; enFull: string } {
  const [uzShort, uzFull, enShort, enFull] = lookup(FM_TABLE, short, 'council');
  return { uzShort, uzFull, enShort, enFull };
}
