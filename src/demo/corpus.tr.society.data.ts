// Uzbek and English forms of the society slot data (corpus.society.data.ts), keyed by the Russian.
import type { Festival, Monument, Sport } from './corpus.society.data.js';
import { bi, lookup, uzForms, type Bi, type UzForms } from './corpus.tr.gen.js';

export interface FestivalTr {
  /** "«Sharq taronalari» xalqaro musiqa festivali" with its cases. */
  uz: UzForms;
  /** "the Sharq Taronalari international music festival". */
  en: string;
  program: Bi;
  who: Bi;
}

const FESTIVAL_TABLE: Record<string, [string, string, string, string, string, string]> = {
  'международный музыкальный фестиваль «Шарк тароналари»': [
    '«Sharq taronalari» xalqaro musiqa festivali',
    'the Sharq Taronalari international music festival',
    'Tanlov dasturi Registon maydonida oʻtmoqda. Turli mamlakatlarning musiqashunoslari va ijrochilaridan iborat hakamlar hayʼati anʼanaviy musiqa va xonandalik yoʻnalishidagi chiqishlarni baholaydi.',
    'The competition is being held on Registan Square. A jury of musicologists and performers from various countries will judge performances of traditional music and singing.',
    'ijrochilar',
    'performers',
  ],
  'международный фестиваль «Шелк и специи»': [
    '«Ipak va ziravorlar» xalqaro festivali',
    'the Silk and Spices international festival',
    'Qadimiy shahar koʻchalarida ipak matolar va hunarmandchilik buyumlari yarmarkasi, milliy liboslar koʻrgazmasi tashkil etildi, mehmonlar Buxoro taomlaridan tatib koʻrmoqda.',
    'The streets of the old city are hosting a fair of silk fabrics and handicrafts, a national costume show and tastings of Bukhara cuisine.',
    'hunarmandlar va ijodiy jamoalar',
    'craftsmen and folk ensembles',
  ],
  'международный фестиваль ремесленников': [
    'Xalqaro hunarmandlar festivali',
    'the International Crafts Festival',
    'Ustalar kulolchilik, yogʻoch, metall va mato buyumlarini namoyish etmoqda, festival mehmonlari uchun ochiq mahorat darslari oʻtkazmoqda.',
    'Craftsmen are showing ceramics, woodwork, metalwork and textiles and giving open master classes for visitors.',
    'xalq hunarmandchiligi ustalari',
    'master craftsmen',
  ],
  'международный фестиваль танца «Лазги»': [
    '«Lazgi» xalqaro raqs festivali',
    'the Lazgi international dance festival',
    'Raqs jamoalari Ichan qalʼaning ochiq maydonlarida chiqish qilmoqda. Dasturda Xorazm lazgi raqsi ijrochilari tanlovi va gala-konsert bor.',
    'Dance groups are performing on open-air stages in Itchan Kala. The programme includes a competition of Khorezmian lazgi dancers and a gala concert.',
    'raqs jamoalari',
    'dance groups',
  ],
  'международный фестиваль искусства бахши': [
    'Xalqaro baxshichilik sanʼati festivali',
    'the International Festival of Bakhshi Art',
    'Baxshilar doʻmbira joʻrligida xalq dostonlarini ijro etmoqda. Shu bilan birga ogʻzaki merosni asrashga bagʻishlangan ilmiy konferensiya boʻlib oʻtmoqda.',
    'Bakhshi storytellers are performing folk epics to the accompaniment of the dombra. A conference on preserving oral heritage is being held alongside.',
    'baxshilar va tadqiqotchilar',
    'storytellers and researchers',
  ],
  'Ташкентский международный кинофестиваль': [
    'Toshkent xalqaro kinofestivali',
    'the Tashkent International Film Festival',
    'Tanlov dasturida badiiy va hujjatli filmlar namoyish etilmoqda, seanslar poytaxt kinoteatrlarida va ochiq maydonlarda oʻtmoqda.',
    'The competition includes feature and documentary films, with screenings in the capital’s cinemas and at open-air venues.',
    'kino ijodkorlari, aktyorlar va prodyuserlar',
    'filmmakers, actors and producers',
  ],
  'международный фестиваль макомного искусства': [
    'Maqom sanʼati xalqaro festivali',
    'the International Maqom Art Festival',
    'Mumtoz musiqa ijrochilari Oqsaroy qoldiqlari yonidagi sahnada chiqish qilmoqda. Dasturda maqom ijrochiligi anʼanalariga bagʻishlangan ilmiy konferensiya ham bor.',
    'Classical musicians are performing on a stage by the ruins of the Ak-Saray palace. The programme also includes a conference on the traditions of maqom performance.',
    'ijrochilar va musiqashunoslar',
    'performers and musicologists',
  ],
};

export function festivalTr(f: Festival): FestivalTr {
  const [uz, en, progUz, progEn, whoUz, whoEn] = lookup(FESTIVAL_TABLE, f.nom, 'festival');
  return { uz: uzForms(uz), en, program: bi(progUz, progEn), who: bi(whoUz, whoEn) };
}

export interface SportTr {
  /** "Oʻzbekiston dzyudochilari" without the country: "dzyudochilari". */
  athletesUz: string;
  athletesEn: string;
  champ: { uz: UzForms; en: string };
  /** Same order as the Russian highlights. */
  highlights: Bi[];
}

const SPORT_TABLE: Record<string, [string, string, string, string, [Bi, Bi]]> = {
  дзюдо: [
    'dzyudochilari',
    'judokas',
    'dzyudo boʻyicha Osiyo chempionati',
    'the Asian Judo Championships',
    [
      bi('Sportchilarimiz, ayniqsa, yengil vazn toifalarida muvaffaqiyatli chiqish qildi.', 'The lighter weight categories were particularly successful for the team.'),
      bi(
        'Ogʻir vazn toifasidagi oltin medalni sportchimiz finalda amaldagi jahon chempionini magʻlub etib qoʻlga kiritdi.',
        'The heavyweight gold went to an Uzbek judoka who beat the reigning world champion in the final.',
      ),
    ],
  ],
  боксу: [
    'bokschilari',
    'boxers',
    'boks boʻyicha Osiyo chempionati',
    'the Asian Boxing Championships',
    [
      bi('Oʻzbekistonlik bokschilar uchta final jangini muddatidan oldin yakunladi.', 'Uzbek boxers won three of their finals inside the distance.'),
      bi('Turnirning eng yaxshi bokschisi deb Oʻzbekiston terma jamoasi vakili tan olindi.', 'A member of the Uzbek team was named the tournament’s best boxer.'),
    ],
  ],
  'вольной борьбе': [
    'polvonlari',
    'wrestlers',
    'erkin kurash boʻyicha Osiyo chempionati',
    'the Asian Freestyle Wrestling Championships',
    [
      bi('Oʻzbekistonlik polvonlar ishtirokidagi barcha final bellashuvlari yirik hisobdagi gʻalabalar bilan yakunlandi.', 'All the finals involving Uzbek wrestlers ended in convincing wins.'),
      bi(
        'Terma jamoa tarkibida ilk bor bir nechta yangi sportchi chiqish qildi, ulardan ikkitasi shohsupaga koʻtarildi.',
        'Several newcomers competed for the national team for the first time, and two of them made the podium.',
      ),
    ],
  ],
  'тяжелой атлетике': [
    'ogʻir atletikachilari',
    'weightlifters',
    'ogʻir atletika boʻyicha Osiyo chempionati',
    'the Asian Weightlifting Championships',
    [
      bi('Terma jamoa vakillaridan biri siltab koʻtarishda yangi Osiyo rekordini oʻrnatdi.', 'One of the team set a new Asian record in the clean and jerk.'),
      bi('Ayniqsa, 89 va 102 kilogrammgacha vazn toifalaridagi sportchilar muvaffaqiyatli chiqish qildi.', 'Athletes in the 89 kg and 102 kg categories were particularly successful.'),
    ],
  ],
  'художественной гимнастике': [
    'gimnastikachilari',
    'rhythmic gymnasts',
    'badiiy gimnastika boʻyicha Osiyo chempionati',
    'the Asian Rhythmic Gymnastics Championships',
    [
      bi('Hakamlarning eng yuqori baholarini guruh jamoasining lentalar bilan chiqishi oldi.', 'The group team’s ribbon routine earned the highest marks from the judges.'),
      bi(
        'Mamlakatni ilk bor bunday yirik turnirda himoya qilgan oʻsmir gimnastikachilar muvaffaqiyatli chiqish qildi.',
        'Junior gymnasts representing the country at such a major event for the first time performed well.',
      ),
    ],
  ],
  таэквондо: [
    'taekvondochilari',
    'taekwondo athletes',
    'taekvondo boʻyicha Osiyo chempionati',
    'the Asian Taekwondo Championships',
    [
      bi('Oʻzbekistonlik sportchilar final bellashuvlarida raqiblari ustidan yaqqol ustunlikka erishdi.', 'Uzbek athletes dominated their opponents in the finals.'),
      bi('Bir nechta medalni kattalar orasida ilk bor chiqish qilgan sportchilar qoʻlga kiritdi.', 'Several medals were won by athletes competing at senior level for the first time.'),
    ],
  ],
};

export function sportTr(s: Sport): SportTr {
  const [athletesUz, athletesEn, champUz, champEn, highlights] = lookup(SPORT_TABLE, s.dat, 'sport');
  return { athletesUz, athletesEn, champ: { uz: uzForms(champUz), en: champEn }, highlights };
}

const MONUMENT_TABLE: Record<string, [string, string]> = {
  'медресе XVII века': ['XVII asrga oid madrasa', 'a 17th-century madrasa'],
  'мечети XVIII века': ['XVIII asrga oid masjid', 'an 18th-century mosque'],
  'караван-сарая XVI века': ['XVI asrga oid karvonsaroy', 'a 16th-century caravanserai'],
  'мавзолея XIV века': ['XIV asrga oid maqbara', 'a 14th-century mausoleum'],
  'ансамбля XV века': ['XV asrga oid meʼmoriy majmua', 'a 15th-century architectural ensemble'],
  'торгового купола XVI века': ['XVI asrga oid savdo gumbazi', 'a 16th-century trading dome'],
  'ханаки XVIII века': ['XVIII asrga oid xonaqoh', 'an 18th-century khanaka'],
};

export function monument(m: Monument): { uz: UzForms; en: string } {
  const [uz, en] = lookup(MONUMENT_TABLE, m.gen, 'monument');
  return { uz: uzForms(uz), en };
}

const MEDICAL_TABLE: Record<string, [string, string]> = {
  'многопрофильный медицинский центр': ['koʻp tarmoqli tibbiyot markazi', 'multidisciplinary medical centre'],
  'перинатальный центр': ['perinatal markaz', 'perinatal centre'],
  'детская многопрофильная больница': ['koʻp tarmoqli bolalar shifoxonasi', 'children’s hospital'],
  'центр медицинской реабилитации': ['tibbiy reabilitatsiya markazi', 'medical rehabilitation centre'],
  'онкологический диспансер': ['onkologiya dispanseri', 'cancer treatment centre'],
};

export function medicalCenter(nom: string): Bi {
  const [uz, en] = lookup(MEDICAL_TABLE, nom, 'medical centre');
  return bi(uz, en);
}

/** Uzbek (possessive form, after "Germaniyaning"), English, fields of study in the Russian order. */
const UNIVERSITY_TABLE: Record<string, [string, string, Bi[]]> = {
  'Технический университет': [
    'texnika universiteti',
    'technical university',
    [bi('mashinasozlik', 'mechanical engineering'), bi('axborot texnologiyalari', 'information technology'), bi('energetika', 'energy'), bi('logistika', 'logistics')],
  ],
  'Медицинский университет': [
    'tibbiyot universiteti',
    'medical university',
    [bi('davolash ishi', 'general medicine'), bi('stomatologiya', 'dentistry'), bi('farmatsiya', 'pharmacy'), bi('hamshiralik ishi', 'nursing')],
  ],
  'Университет прикладных наук': [
    'amaliy fanlar universiteti',
    'university of applied sciences',
    [bi('turizm va mehmonxona ishi', 'tourism and hospitality'), bi('menejment', 'management'), bi('axborot texnologiyalari', 'information technology'), bi('dizayn', 'design')],
  ],
  'Аграрный университет': [
    'agrar universiteti',
    'agricultural university',
    [bi('agronomiya', 'agronomy'), bi('veterinariya', 'veterinary science'), bi('oziq-ovqat texnologiyalari', 'food technology'), bi('suv xoʻjaligi', 'water management')],
  ],
};

export function university(nom: string): { uz: string; en: string; fields: Bi[] } {
  const [uz, en, fields] = lookup(UNIVERSITY_TABLE, nom, 'university');
  return { uz, en, fields };
}
