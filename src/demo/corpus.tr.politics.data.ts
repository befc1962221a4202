// Uzbek and English forms of the laws and government programmes (corpus.politics.data.ts).
import type { Law, Program } from './corpus.politics.data.js';
import { lookup } from './corpus.tr.gen.js';

export interface LawTr {
  /** Uzbek subject before "toʻgʻrisida(gi)": "elektron tijorat". */
  uz: string;
  /** Uzbek goal ending in a verbal noun; "+ga qaratilgan". */
  goalUz: string;
  /** Uzbek clause after "Hujjatga koʻra,". */
  provUz: string;
  /** English subject after "law on": "e-commerce". */
  en: string;
  /** English verb phrase after "aims to". */
  goalEn: string;
  /** English clause after "Under the law,". */
  provEn: string;
}

const law = (uz: string, goalUz: string, provUz: string, en: string, goalEn: string, provEn: string): LawTr => ({ uz, goalUz, provUz, en, goalEn, provEn });

/** Keyed by the Russian `about`. */
const LAW_TABLE: Record<string, LawTr> = {
  'о государственно-частном партнерстве в социальной сфере': law(
    'ijtimoiy sohada davlat-xususiy sheriklik',
    'maktablar, shifoxonalar va bolalar bogʻchalarini qurish hamda modernizatsiya qilishga xususiy investitsiyalarni jalb etish',
    'xususiy sherik bitim amal qiladigan butun muddat davomida qurilgan obyektlarga xizmat koʻrsatgani uchun kafolatlangan toʻlovlar olishi mumkin boʻladi',
    'public-private partnership in the social sector',
    'attract private investment into building and upgrading schools, hospitals and kindergartens',
    'a private partner will receive guaranteed payments for maintaining the facilities it has built for the entire term of the agreement',
  ),
  'о развитии внутреннего и паломнического туризма': law(
    'ichki va ziyorat turizmini rivojlantirish',
    'sayyohlar uchun qulay sharoitlar yaratish va hududlarda mehmonxonalar ochishni soddalashtirish',
    'qishloq joylardagi mehmon uylari egalari bir qator ruxsat berish tartib-taomillaridan ozod qilinadi, turistik yoʻnalishlar esa yagona elektron reyestrga kiritiladi',
    'the development of domestic and pilgrimage tourism',
    'create better conditions for travellers and make it easier to open hotels in the regions',
    'owners of guesthouses in rural areas will be exempt from a number of permit procedures, and tourist routes will be entered in a single electronic register',
  ),
  'о защите прав потребителей финансовых услуг': law(
    'moliyaviy xizmatlar isteʼmolchilarining huquqlarini himoya qilish',
    'bank mahsulotlarining shaffofligini oshirish va qarz oluvchilarni insofsiz amaliyotlardan himoya qilish',
    'banklar shartnoma imzolanishidan oldin kreditning toʻliq qiymatini oshkor etishi shart boʻladi, qarz oluvchi esa isteʼmol kreditidan 14 kun ichida voz kechish huquqiga ega boʻladi',
    'the protection of consumers of financial services',
    'make banking products more transparent and protect borrowers from unfair practices',
    'banks will have to disclose the full cost of a loan before the contract is signed, and borrowers will be able to withdraw from a consumer loan within 14 days',
  ),
  'об обращении с отходами': law(
    'chiqindilar bilan ishlash',
    'chiqindilarni alohida yigʻishni joriy etish va qayta ishlash korxonalarini rivojlantirish',
    'yirik shaharlarda maishiy chiqindilarni alohida yigʻish bosqichma-bosqich joriy etiladi, ikkilamchi xomashyoni qayta ishlovchi korxonalar esa soliq imtiyozlariga ega boʻladi',
    'waste management',
    'introduce separate waste collection and develop the recycling industry',
    'separate collection of household waste will be phased in across major cities, and companies that recycle secondary raw materials will receive tax breaks',
  ),
  'о рациональном использовании водных ресурсов': law(
    'suv resurslaridan oqilona foydalanish',
    'suvni tejaydigan texnologiyalarni joriy etish va suvni isrof qilganlik uchun javobgarlikni kuchaytirish',
    'tomchilatib sugʻorishni joriy etayotgan fermer xoʻjaliklariga subsidiyalar beriladi, olinayotgan suv hisobi esa elektron hisoblagichlar yordamida yuritiladi',
    'the rational use of water resources',
    'promote water-saving technologies and tighten liability for wasteful water use',
    'farms that install drip irrigation will receive subsidies, and water withdrawals will be metered electronically',
  ),
  'о поддержке молодежного предпринимательства': law(
    'yoshlar tadbirkorligini qoʻllab-quvvatlash',
    'yosh tadbirkorlarning imtiyozli kreditlar va oʻquv dasturlaridan foydalanish imkoniyatlarini kengaytirish',
    '30 yoshgacha boʻlgan boshlovchi tadbirkorlar garovsiz imtiyozli kredit hamda birinchi yil davomida bepul maslahat yordami olishi mumkin boʻladi',
    'support for youth entrepreneurship',
    'give young entrepreneurs wider access to soft loans and training programmes',
    'first-time entrepreneurs under 30 will be able to obtain a soft loan without collateral and free advisory support during their first year',
  ),
  'об электронной коммерции': law(
    'elektron tijorat',
    'onlayn savdoni rivojlantirish va internetda xaridorlar huquqlarini himoya qilish',
    'internet-doʻkonlar sotuvchi haqidagi toʻliq maʼlumotni va yetkazib berish muddatlarini koʻrsatishi shart boʻladi, xaridor esa sifatli tovarni yetti kun ichida qaytarishi mumkin',
    'e-commerce',
    'develop online trade and protect the rights of online shoppers',
    'online shops will have to publish full details of the seller and delivery times, and buyers will be able to return goods of proper quality within seven days',
  ),
  'о качестве и безопасности пищевой продукции': law(
    'oziq-ovqat mahsulotlarining sifati va xavfsizligi',
    'oziq-ovqat mahsulotlari xavfsizligi ustidan daladan peshtaxtagacha boʻlgan barcha bosqichlarda nazoratni kuchaytirish',
    'oziq-ovqat ishlab chiqaruvchilar har bir tovar partiyasining kelib chiqishini aniqlash imkonini beruvchi kuzatuv tizimini joriy etishi shart boʻladi',
    'food quality and safety',
    'tighten food safety controls at every stage, from the field to the shop counter',
    'food producers will have to introduce a traceability system that makes it possible to establish the origin of every batch',
  ),
  'о профессиональном образовании': law(
    'professional taʼlim',
    'kollej va texnikumlar dasturlarini ish beruvchilarning ehtiyojlariga moslashtirish',
    'kollejlarda oʻquv vaqtining kamida yarmi korxonalardagi amaliy mashgʻulotlarga ajratiladi, ish beruvchilar esa oʻquv dasturlarini ishlab chiqishda ishtirok eta oladi',
    'vocational education',
    'bring the curricula of colleges and technical schools into line with employers’ needs',
    'at least half of college teaching time will be spent on practical training at companies, and employers will be able to help draw up curricula',
  ),
  'об охране объектов культурного наследия': law(
    'madaniy meros obyektlarini muhofaza qilish',
    'tarix va meʼmorchilik yodgorliklari muhofazasini kuchaytirish hamda taʼmirlash ishlarini tartibga solish',
    'yodgorliklarning muhofaza zonalarida har qanday qurilish ishlari faqat tarixiy-madaniy ekspertizadan soʻng amalga oshirilishi mumkin boʻladi',
    'the protection of cultural heritage sites',
    'strengthen the protection of historical and architectural monuments and regulate restoration work',
    'any construction work in the buffer zones of monuments will only be allowed after a historical and cultural assessment',
  ),
  'об энергосбережении и повышении энергоэффективности': law(
    'energiyani tejash va energiya samaradorligini oshirish',
    'iqtisodiyotning energiya sigʻimini kamaytirish va energiya tejovchi texnologiyalarni joriy etishni ragʻbatlantirish',
    'yangi jamoat binolari uchun majburiy energiya samaradorligi talablari joriy etiladi, yirik isteʼmolchilar esa har yili energetik auditdan oʻtishi shart boʻladi',
    'energy saving and energy efficiency',
    'reduce the energy intensity of the economy and encourage energy-saving technologies',
    'new public buildings will be subject to mandatory energy efficiency requirements, and large consumers will have to undergo an annual energy audit',
  ),
  'о платформенной занятости': law(
    'platforma orqali bandlik',
    'kuryerlar, taksi haydovchilari va boshqa onlayn platformalar xodimlari mehnatini huquqiy tartibga solish',
    'raqamli platformalar xodimlari pensiya badallari va baxtsiz hodisalardan sugʻurtalanish huquqiga ega boʻladi',
    'platform employment',
    'regulate the work of couriers, taxi drivers and other online platform workers',
    'digital platform workers will be entitled to pension contributions and accident insurance',
  ),
  'о социальной защите лиц с инвалидностью': law(
    'nogironligi boʻlgan shaxslarni ijtimoiy himoya qilish',
    'nogironligi boʻlgan odamlarning reabilitatsiya, taʼlim va ishga joylashish imkoniyatlarini kengaytirish',
    'maxsus ish oʻrinlari yaratgan ish beruvchilarga ularni jihozlash xarajatlarining bir qismi qoplab beriladi',
    'the social protection of persons with disabilities',
    'widen access to rehabilitation, education and employment for people with disabilities',
    'employers who create special workplaces will be reimbursed for part of the cost of equipping them',
  ),
  'о научной деятельности и инновациях': law(
    'ilmiy faoliyat va innovatsiyalar',
    'tadqiqotlarni moliyalashtirishni koʻpaytirish va ilmiy ishlanmalarni tijoratlashtirish',
    'oliy taʼlim muassasalari va ilmiy institutlar oʻz ishlanmalari asosida startaplar tashkil etish hamda ulardan tushgan daromadni tasarruf etish huquqini oladi',
    'scientific activity and innovation',
    'increase research funding and commercialise scientific developments',
    'universities and research institutes will be allowed to set up start-ups based on their own research and manage the income they earn',
  ),
  'о физической культуре и спорте': law(
    'jismoniy tarbiya va sport',
    'ommaviy sportni hamda jismoniy tarbiya bilan shugʻullanish uchun infratuzilmani rivojlantirish',
    'yangi turar joy massivlarini qurishda sport maydonchalari majburiy ravishda nazarda tutiladi, bolalar sport toʻgaraklari esa soliq imtiyozlariga ega boʻladi',
    'physical education and sport',
    'develop mass sport and facilities for physical exercise',
    'sports grounds will be mandatory in all new housing developments, and children’s sports clubs will receive tax breaks',
  ),
};

export function lawTr(l: Law): LawTr {
  return lookup(LAW_TABLE, l.about, 'law');
}

export interface ProgramTr {
  /** Uzbek object of "…ni rivojlantirish dasturi": "raqamli iqtisodiyot". */
  uz: string;
  /** English verb phrase after "a programme to": "develop the digital economy". */
  en: string;
  detailUz: string;
  detailEn: string;
}

const prog = (uz: string, en: string, detailUz: string, detailEn: string): ProgramTr => ({ uz, en, detailUz, detailEn });

/** Keyed by the Russian `gen`. */
const PROGRAM_TABLE: Record<string, ProgramTr> = {
  'возобновляемой энергетики': prog(
    'qayta tiklanuvchi energetika',
    'develop renewable energy',
    'Hujjatda quyosh va shamol elektr stansiyalari, shuningdek, energiya toʻplash tizimlarini qurish nazarda tutilgan.',
    'The document provides for the construction of solar and wind power plants and energy storage systems.',
  ),
  'цифровой экономики': prog(
    'raqamli iqtisodiyot',
    'develop the digital economy',
    'Davlat xizmatlarining aksariyatini elektron shaklga oʻtkazish va chekka aholi punktlarini yuqori tezlikdagi internetga ulash rejalashtirilgan.',
    'Most public services are to move online, and remote settlements are to be connected to high-speed internet.',
  ),
  'садоводства и тепличного хозяйства': prog(
    'bogʻdorchilik va issiqxona xoʻjaligi',
    'develop horticulture and greenhouse farming',
    'Intensiv bogʻlar barpo etish, zamonaviy issiqxonalar va hosilni saqlash uchun sovutish omborlarini qurish rejalashtirilgan.',
    'Plans include planting intensive orchards and building modern greenhouses and cold stores for the harvest.',
  ),
  'системы профессионального образования': prog(
    'professional taʼlim tizimi',
    'modernise the vocational education system',
    'Kollejlarning oʻquv dasturlarini yangilash va ustaxonalarni zamonaviy uskunalar bilan jihozlash rejalashtirilgan.',
    'College curricula are to be updated and workshops fitted with modern equipment.',
  ),
  'первичной медико-санитарной помощи': prog(
    'birlamchi tibbiy-sanitariya yordami',
    'strengthen primary healthcare',
    'Oilaviy poliklinikalarni qurish va qayta jihozlash, shuningdek, umumiy amaliyot shifokorlarini oʻqitish koʻzda tutilgan.',
    'Family clinics are to be built and refurbished, and general practitioners trained.',
  ),
  'автомобильных дорог': prog(
    'avtomobil yoʻllari',
    'develop the road network',
    'Xalqaro avtomobil yoʻllari uchastkalarini qayta qurish va qishloq joylardagi mahalliy yoʻllarni taʼmirlash rejalashtirilgan.',
    'Sections of international highways are to be rebuilt and local roads in rural areas repaired.',
  ),
  'водосберегающих технологий': prog(
    'suv tejovchi texnologiyalar',
    'expand water-saving technologies',
    'Hujjatda sugʻorish kanallarini betonlash va tomchilatib sugʻoriladigan maydonlarni kengaytirish nazarda tutilgan.',
    'The document provides for lining irrigation canals with concrete and expanding the area under drip irrigation.',
  ),
  'массового спорта': prog(
    'ommaviy sport',
    'develop grassroots sport',
    'Mahallalarda sport maydonchalari qurish hamda bolalar va oʻsmirlar uchun bepul sport toʻgaraklarini ochish rejalashtirilgan.',
    'Sports grounds are to be built in mahallas and free sports clubs opened for children and teenagers.',
  ),
  'электротехнической промышленности': prog(
    'elektrotexnika sanoati',
    'develop the electrical engineering industry',
    'Yuqori darajada mahalliylashtirilgan kabel mahsulotlari, transformatorlar va maishiy texnika ishlab chiqarishni yoʻlga qoʻyish koʻzda tutilgan.',
    'It provides for new plants making cables, transformers and household appliances with a high share of local content.',
  ),
  'научно-исследовательской инфраструктуры': prog(
    'ilmiy-tadqiqot infratuzilmasi',
    'upgrade research infrastructure',
    'Ilmiy institutlar laboratoriyalarini jihozlash va uskunalardan jamoaviy foydalanish markazlarini tashkil etish rejalashtirilgan.',
    'Research institutes’ laboratories are to be equipped and shared-use equipment centres set up.',
  ),
  'жилищного строительства': prog(
    'uy-joy qurilishi',
    'boost housing construction',
    'Imtiyozli ipoteka asosida koʻp qavatli uylar qurish va turar joy massivlaridagi muhandislik tarmoqlarini yangilash koʻzda tutilgan.',
    'It provides for apartment blocks built under subsidised mortgages and the renewal of utility networks in residential areas.',
  ),
  'системы обращения с отходами': prog(
    'chiqindilar bilan ishlash tizimi',
    'improve waste management',
    'Chiqindilarni saralash majmualarini qurish va noqonuniy axlatxonalarni yopish rejalashtirilgan.',
    'Waste sorting facilities are to be built and illegal dumps closed.',
  ),
};

export function programTr(p: Program): ProgramTr {
  return lookup(PROGRAM_TABLE, p.gen, 'programme');
}
