// Uzbek and English mirrors of the politics desk templates (corpus.politics.ts), part two.
import { cap, type StoryTemplate } from './corpus.gen.js';
import { governmentProgram, kengashSession, mfaConsultations, ombudsmanReport, parliamentAbroad, OMBUDSMAN_TOPICS, PARL_EVENTS } from './corpus.politics.js';
import { PROGRAMS } from './corpus.politics.data.js';
import { COUNTRIES, OBLASTS, sectorByKey } from './corpus.slots.js';
import { bi, en, joinEn, joinUz, lookup, uzForms, type Bi, type Mirror } from './corpus.tr.gen.js';
import { programTr } from './corpus.tr.politics.data.js';
import { ECONOMY_MINISTRY_TR, city, country, dateline, district, region, sector } from './corpus.tr.slots.js';

const TASHKENT = city('Ташкент');

const trMfaConsultations: Mirror = (g) => {
  const C = country(g.pick(COUNTRIES));
  const home = g.chance(0.5);
  const P = home ? TASHKENT : C.capital;
  const nextP = home ? C.capital : TASHKENT;
  const headline = g.pick([
    bi(`${P.uz.loc} Oʻzbekiston va ${C.uz.nom} TIVlari oʻrtasida siyosiy maslahatlashuvlar boʻlib oʻtdi`, `Uzbek and ${C.adj} foreign ministries hold political consultations in ${P.en}`),
    bi(`Oʻzbekiston va ${C.uz.nom} vazir oʻrinbosarlari darajasida siyosiy maslahatlashuvlar oʻtkazdi`, `Uzbekistan and ${C.en} hold political consultations at deputy minister level`),
  ]);
  const forum = g.pick([
    bi('BMT va uning ixtisoslashgan muassasalari', 'the UN and its specialised agencies'),
    bi('xalqaro va mintaqaviy tashkilotlar', 'international and regional organisations'),
  ]);
  const focus = g.pick([
    bi('hukumatlararo komissiyaning navbatdagi yigʻilishiga tayyorgarlik', 'preparations for the next meeting of the intergovernmental commission'),
    bi('ikki mamlakat oʻrtasidagi toʻgʻridan-toʻgʻri aviaqatnovlarni kengaytirish', 'expanding direct flights between the two countries'),
    bi('hududlararo hamkorlikni rivojlantirish', 'developing cooperation between regions'),
    bi('ilgari imzolangan kelishuvlarni amalga oshirish', 'implementing previously signed agreements'),
  ]);
  return {
    city: bi(P.uz.nom, P.en),
    headline,
    lead: bi(
      `Oʻzbekiston va ${C.uz.nom} tashqi ishlar vazirliklari delegatsiyalari siyosiy maslahatlashuvlarning navbatdagi raundini oʻtkazib, yuqori darajadagi boʻlajak uchrashuvlar jadvalini muhokama qildi.`,
      `Delegations of the foreign ministries of Uzbekistan and ${C.en} held a new round of political consultations, discussing the schedule of upcoming high-level contacts.`,
    ),
    paragraphs: [
      bi(
        `${P.uz.loc} Oʻzbekiston va ${C.uz.nom} tashqi ishlar vazirliklari oʻrtasida siyosiy maslahatlashuvlarning navbatdagi raundi boʻlib oʻtdi. Delegatsiyalarga ikki mamlakat tashqi ishlar vazirlarining oʻrinbosarlari rahbarlik qildi.`,
        `A new round of political consultations between the foreign ministries of Uzbekistan and ${C.en} took place in ${P.en}. The delegations were led by the two countries’ deputy foreign ministers.`,
      ),
      bi(
        `Tomonlar siyosiy, savdo-iqtisodiy va madaniy-gumanitar sohalardagi ikki tomonlama hamkorlik holatini koʻrib chiqdi, shuningdek, ${forum.uz} doirasidagi hamkorlik masalalari yuzasidan fikr almashdi.`,
        `The sides reviewed bilateral cooperation in the political, trade, economic, cultural and humanitarian spheres and exchanged views on cooperation within ${forum.en}.`,
      ),
      bi(`${cap(uzForms(focus.uz).dat)} alohida eʼtibor qaratildi.`, `Particular attention was paid to ${focus.en}.`),
      bi(
        `TIVda taʼkidlanganidek, ${C.uz.nom} bilan munosabatlar jadal rivojlanmoqda: soʻnggi yillarda shartnoma-huquqiy baza sezilarli darajada kengaydi, oʻzaro savdo hajmi oshdi.`,
        `According to the Uzbek Foreign Ministry, relations with ${C.en} are developing dynamically: the legal framework has expanded significantly in recent years and bilateral trade has grown.`,
      ),
      bi(`Tomonlar maslahatlashuvlarning navbatdagi raundini ${nextP.uz.loc} oʻtkazishga kelishib oldi.`, `The sides agreed to hold the next round of consultations in ${nextP.en}.`),
    ],
    imageCaption: bi(`Oʻzbekiston va ${C.uz.nom} TIVlarining siyosiy maslahatlashuvlari`, `Political consultations between the foreign ministries of Uzbekistan and ${C.en}`),
  };
};

const trGovernmentProgram: Mirror = (g) => {
  const p = g.pick(PROGRAMS);
  const P = programTr(p);
  const S = sector(sectorByKey(p.sector));
  const years = g.pick([bi('uch yil', 'three-year'), bi('besh yil', 'five-year')]);
  const yearsEn = years.en.replace('-year', ' years');
  const projects = g.count(24, 480);
  const headline = g.pick([
    bi(`Hukumat yaqin ${years.uz}ga moʻljallangan ${P.uz}ni rivojlantirish dasturini tasdiqladi`, `Government approves ${years.en} programme to ${P.en}`),
    bi(`Vazirlar Mahkamasi ${P.uz}ni rivojlantirish dasturini tasdiqladi`, `Cabinet of Ministers approves programme to ${P.en}`),
  ]);
  const cost = g.dec(1.2, 48);
  const jobs = g.int(4, 90);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Vazirlar Mahkamasi ${projects} ta loyihani amalga oshirishni nazarda tutuvchi, yaqin ${years.uz}ga moʻljallangan ${P.uz}ni rivojlantirish dasturini tasdiqladi.`,
      `The Cabinet of Ministers has approved a ${years.en} programme to ${P.en} that envisages ${en(projects)} projects.`,
    ),
    paragraphs: [
      bi(
        `Oʻzbekiston Respublikasi Vazirlar Mahkamasi yaqin ${years.uz}ga moʻljallangan ${P.uz}ni rivojlantirish dasturini tasdiqlash toʻgʻrisida qaror qabul qildi. Hujjat Qonunchilik maʼlumotlari milliy bazasida eʼlon qilindi.`,
        `The Cabinet of Ministers of the Republic of Uzbekistan has adopted a resolution approving a programme to ${P.en} over the next ${yearsEn}. The document has been published in the National Database of Legislation.`,
      ),
      bi(
        `Dastur umumiy qiymati ${cost} trln soʻm boʻlgan ${projects} ta loyihani amalga oshirishni nazarda tutadi. Davlat byudjeti mablagʻlari, tijorat banklarining kreditlari va toʻgʻridan-toʻgʻri xorijiy investitsiyalar asosiy moliyalashtirish manbalari boʻladi.`,
        `The programme covers ${en(projects)} projects worth a total of ${en(cost)} trillion soums. They will be financed mainly from the state budget, commercial bank loans and foreign direct investment.`,
      ),
      bi(`Dastur ijrosini muvofiqlashtirish ${S.ministry.uz.dat} yuklatildi. ${P.detailUz}`, `${cap(S.ministry.en)} will coordinate its implementation. ${P.detailEn}`),
      bi(
        `Dasturning amalga oshirilishi natijasida ${jobs} mingdan ortiq yangi ish oʻrni, jumladan, qishloq joylarda ham yaratilishi kutilmoqda.`,
        `The programme is expected to create more than ${en(jobs * 1000)} new jobs, including in rural areas.`,
      ),
      bi(
        `Viloyatlar hokimliklariga bir oy muddatda hududiy chora-tadbirlar rejalarini tasdiqlash, ${ECONOMY_MINISTRY_TR.uz.dat} esa byudjet parametrlarini shakllantirishda zarur mablagʻlarni nazarda tutish topshirildi.`,
        `Regional administrations have been instructed to approve local action plans within a month, and the Ministry of Economy and Finance to earmark the necessary funds when drafting the budget.`,
      ),
    ],
  };
};

const trKengashSession: Mirror = (g) => {
  const r = g.pick(OBLASTS);
  const R = region(r);
  const D = district(g.pick(r.districts));
  const headline = g.pick([
    bi(`Xalq deputatlari ${R.uz.nom} Kengashi hududni ijtimoiy-iqtisodiy rivojlantirish yakunlarini sarhisob qildi`, `${R.enAdj} council reviews the region’s social and economic performance`),
    bi(`Xalq deputatlari ${R.uz.nom} Kengashi mahalliy byudjetni tasdiqladi`, `${R.enAdj} council of people’s deputies approves local budget`),
  ]);
  const industry = g.dec(3, 14);
  const invest = g.dec(5, 29);
  const quote = g.pick([
    bi(
      'Bizning asosiy vazifamiz — islohotlar natijasini viloyatning har bir aholisi, avvalo mahallalar va chekka tumanlarda yashovchilar his qilishiga erishish',
      'Our main task is to make sure every resident of the region feels the results of the reforms, above all in the mahallas and remote districts',
    ),
    bi(
      'Bu yil biz boshlangan barcha ijtimoiy obyektlar qurilishini yakunlashimiz va yana bir necha ming xonadonni ichimlik suvi bilan taʼminlashimiz kerak',
      'This year we must complete all the social facilities under construction and bring drinking water to several thousand more households',
    ),
    bi(
      'Tadbirkorlar uchun sharoit yaratishda davom etamiz, chunki bugun yangi ish oʻrinlarining asosiy qismini aynan xususiy sektor yaratmoqda',
      'We will keep creating conditions for entrepreneurs, because it is the private sector that now creates most new jobs',
    ),
  ]);
  const budget = g.dec(2.5, 14);
  const social = g.int(52, 68);
  const council = bi(`Xalq deputatlari ${R.uz.nom} Kengashi`, `the ${R.enAdj} Council of People’s Deputies`);
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline,
    lead: bi(
      `${council.uz}ning navbatdagi sessiyasida hududni ijtimoiy-iqtisodiy rivojlantirish yakunlari koʻrib chiqilib, mahalliy byudjet parametrlari tasdiqlandi.`,
      `A regular session of ${council.en} reviewed the region’s social and economic performance and approved the parameters of the local budget.`,
    ),
    paragraphs: [
      bi(
        `${R.center.uz.loc} ${council.uz}ning navbatdagi sessiyasi boʻlib oʻtdi. Unda deputatlar, tuman va shaharlar rahbarlari, jamoatchilik vakillari ishtirok etdi.`,
        `A regular session of ${council.en} was held in ${R.center.en}, attended by deputies, the heads of districts and towns and members of the public.`,
      ),
      bi(
        `Hududni ijtimoiy-iqtisodiy rivojlantirish toʻgʻrisidagi maʼruza bilan ${R.head.uz.nom} soʻzga chiqdi. Uning soʻzlariga koʻra, viloyatda sanoat ishlab chiqarishi hajmi ${industry} foizga, asosiy kapitalga investitsiyalar esa ${invest} foizga oshgan.`,
        `${R.head.En} presented a report on the region’s social and economic development. Industrial output in the region grew by ${en(industry)}% and fixed capital investment by ${en(invest)}%, he said.`,
      ),
      bi(`«${quote.uz}», — dedi hokim.`, `“${quote.en},” the governor said.`),
      bi(
        `Deputatlar ${budget} trln soʻmlik mahalliy byudjetni tasdiqladi, uning ${social} foizdan ortigʻi ijtimoiy sohaga yoʻnaltiriladi.`,
        `Deputies approved a local budget of ${en(budget)} trillion soums, more than ${social}% of which will go to the social sector.`,
      ),
      bi(
        `Sessiyada, shuningdek, ${D.uz.nom} hokimining mahallalarni obodonlashtirish va ichki yoʻllarni taʼmirlash ishlari toʻgʻrisidagi axboroti tinglandi.`,
        `The session also heard a report from the hokim of ${D.en} on improvements in mahallas and repairs to local roads.`,
      ),
    ],
    imageCaption: bi(`${council.uz}ning sessiyasi`, `Session of ${council.en}`),
  };
};

/** corpus.politics PARL_EVENTS by city: Uzbek event name, English event name, who takes part (uz, en). */
const PARL_TABLE: Record<string, [string, string, string, string]> = {
  Женева: ['Parlamentlararo ittifoq assambleyasi', 'the Assembly of the Inter-Parliamentary Union', 'dunyoning yuz oʻttizdan ortiq davlati', 'more than 130 countries'],
  'Санкт-Петербург': ['MDH Parlamentlararo assambleyasining majlisi', 'a meeting of the CIS Inter-Parliamentary Assembly', 'Hamdoʻstlik davlatlari parlamentlari', 'the parliaments of the Commonwealth states'],
  Вена: ['YXHT Parlament assambleyasining sessiyasi', 'a session of the OSCE Parliamentary Assembly', 'YXHT ishtirokchi davlatlari', 'the OSCE participating states'],
  Пекин: ['ShHT davlatlari parlamentlari raislarining uchrashuvi', 'a meeting of the speakers of parliament of the SCO countries', 'Shanxay hamkorlik tashkilotiga aʼzo va hamkor davlatlar', 'SCO member and partner states'],
  Баку: ['Osiyo parlament assambleyasining yalpi sessiyasi', 'a plenary session of the Asian Parliamentary Assembly', 'Osiyo mamlakatlarining qirqdan ortiq parlamenti', 'more than 40 Asian parliaments'],
};

const trParliamentAbroad: Mirror = (g) => {
  const e = g.pick(PARL_EVENTS);
  const [evUz, evEn, whoUz, whoEn] = lookup(PARL_TABLE, e.city, 'parliamentary event');
  const E = uzForms(evUz);
  const at = city(e.city);
  const theme = g.pick([
    bi('parlament nazorati', 'parliamentary oversight'),
    bi('davlat xizmatlarini raqamlashtirish', 'the digitalisation of public services'),
    bi('yoshlar huquqlarini himoya qilish', 'protecting the rights of young people'),
    bi('barqaror rivojlanish maqsadlariga erishish', 'achieving the Sustainable Development Goals'),
  ]);
  const headline = g.pick([
    bi(`Oliy Majlis delegatsiyasi ${E.loc} ishtirok etdi`, `Oliy Majlis delegation takes part in ${evEn.replace(/^an? /, 'the ')}`),
    bi(`Oʻzbekiston deputat va senatorlari ${at.uz.loc}gi ${E.loc} soʻzga chiqdi`, `Uzbek lawmakers address ${evEn.replace(/^an? /, 'the ')} in ${at.en}`),
  ]);
  const leader = g.pick([
    bi('Senatning Xalqaro munosabatlar qoʻmitasi raisi', 'the chairman of the Senate Committee on International Relations'),
    bi('Qonunchilik palatasining Xalqaro ishlar qoʻmitasi raisi', 'the chairman of the Legislative Chamber Committee on International Affairs'),
    bi('Qonunchilik palatasi Spikerining oʻrinbosari', 'the Deputy Speaker of the Legislative Chamber'),
  ]);
  const speech = g.pick([
    bi('parlamentarizm sohasidagi islohotlar va joylarda vakillik organlarining rolini kuchaytirish', 'parliamentary reform and the growing role of local representative bodies'),
    bi('xotin-qizlar va yoshlarning ijtimoiy-siyosiy hayotdagi ishtirokini kengaytirish choralari', 'measures to widen the participation of women and young people in public life'),
    bi('Oʻzbekistonning Markaziy Osiyoda mintaqaviy hamkorlikni rivojlantirish boʻyicha tashabbuslari', 'Uzbekistan’s initiatives to develop regional cooperation in Central Asia'),
    bi('mamlakatda qonun ijodkorligi jarayonini raqamlashtirish tajribasi', 'the country’s experience in digitalising the law-making process'),
  ]);
  const cs = g.pickN(COUNTRIES, 3).map(country);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `Oʻzbekiston Respublikasi Oliy Majlisi delegatsiyasi ${E.loc} ishtirok etib, mamlakatning ${theme.uz} sohasidagi tajribasini taqdim etdi.`,
      `A delegation of the Oliy Majlis of the Republic of Uzbekistan took part in ${evEn}, presenting the country’s experience in ${theme.en}.`,
    ),
    paragraphs: [
      bi(`${at.uz.loc} ${E.nom} boʻlib oʻtmoqda. Tadbirda ${whoUz} delegatsiyalari ishtirok etmoqda.`, `${cap(evEn)} is under way in ${at.en}, bringing together delegations from ${whoEn}.`),
      bi(`Oʻzbekiston delegatsiyasiga ${leader.uz} rahbarlik qildi.`, `The Uzbek delegation is led by ${leader.en}.`),
      bi(`Yalpi majlisda soʻzga chiqqan delegatsiya rahbari ${speech.uz} haqida soʻzlab berdi.`, `Addressing the plenary session, the head of the delegation spoke about ${speech.en}.`),
      bi(
        `Tadbir doirasida ${joinUz(cs.map((c) => c.uz.nom))} parlament delegatsiyalari rahbarlari bilan ikki tomonlama uchrashuvlar boʻlib oʻtdi. Tomonlar parlamentlararo aloqalarni rivojlantirish va qonun ijodkorligi sohasida tajriba almashishni muhokama qildi.`,
        `On the sidelines, the delegation held bilateral meetings with the heads of the parliamentary delegations of ${joinEn(cs.map((c) => c.en))}, discussing inter-parliamentary ties and the exchange of law-making experience.`,
      ),
    ],
  };
};

/** corpus.politics OMBUDSMAN_TOPICS (Russian genitive) -> Uzbek, English. */
const OMBUDSMAN_TABLE: Record<string, [string, string]> = {
  'трудовых отношений': ['mehnat munosabatlari', 'labour relations'],
  'жилищно-коммунального обслуживания': ['uy-joy kommunal xizmatlari', 'housing and utility services'],
  'социального обеспечения': ['ijtimoiy taʼminot', 'social security'],
  землепользования: ['yerdan foydalanish', 'land use'],
  'получения медицинской помощи': ['tibbiy yordam olish', 'access to medical care'],
  'исполнения судебных решений': ['sud qarorlarining ijrosi', 'the enforcement of court decisions'],
  'доступа к образованию': ['taʼlim olish imkoniyati', 'access to education'],
};

const trOmbudsmanReport: Mirror = (g) => {
  const total = g.int(9, 38);
  const [t1, t2, t3] = g.pickN(OMBUDSMAN_TOPICS, 3).map((t) => {
    const [uz, e] = lookup(OMBUDSMAN_TABLE, t, 'ombudsman topic');
    return bi(uz, e);
  }) as [Bi, Bi, Bi];
  const headline = g.pick([
    bi(`Ombudsman maʼruza taqdim etdi: bir yilda fuqarolardan ${total} mingdan ortiq murojaat kelib tushgan`, `Ombudsman’s report: more than ${en(total * 1000)} complaints from citizens in a year`),
    bi(`Fuqarolar ombudsmanga koʻproq ${t1.uz} masalalari yuzasidan murojaat qilgan`, `Most complaints to the ombudsman concern ${t1.en}`),
  ]);
  const restored = g.int(32, 64);
  const visits = g.count(60, 340);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Oliy Majlisning Inson huquqlari boʻyicha vakili deputatlarga taqdim etgan yillik maʼruzaga koʻra, bir yilda fuqarolardan ${total} mingdan ortiq murojaat kelib tushgan.`,
      `The Oliy Majlis Commissioner for Human Rights has presented an annual report to deputies showing that more than ${en(total * 1000)} complaints were received from citizens over the year.`,
    ),
    paragraphs: [
      bi(
        'Oʻzbekiston Respublikasi Oliy Majlisining Inson huquqlari boʻyicha vakili (ombudsman) Qonunchilik palatasida oʻz faoliyati toʻgʻrisidagi yillik maʼruzani taqdim etdi.',
        'The Oliy Majlis Commissioner for Human Rights (Ombudsman) presented an annual activity report to the Legislative Chamber.',
      ),
      bi(
        `Hujjatga koʻra, hisobot davrida ombudsman nomiga ${total} mingdan ortiq murojaat kelib tushgan. Ularning asosiy qismi ${t1.uz}, ${t2.uz} va ${t3.uz} masalalariga taalluqli.`,
        `According to the report, the ombudsman received more than ${en(total * 1000)} complaints during the period, most of them concerning ${t1.en}, ${t2.en} and ${t3.en}.`,
      ),
      bi(
        `Koʻrib chiqish natijalariga koʻra, murojaatlarning ${restored} foizida arizachilarning huquqlari tiklangan yoki ularga huquqiy yordam koʻrsatilgan. Bir yil davomida ombudsman apparati xodimlari hududlarda fuqarolarni ${visits} marta sayyor qabul qilgan.`,
        `In ${restored}% of cases, the applicants’ rights were restored or they received legal assistance. Over the year, staff of the ombudsman’s office held ${en(visits)} visiting receptions for citizens in the regions.`,
      ),
      bi(
        'Deputatlar maʼruzani maʼlumot uchun qabul qilib, tegishli vazirlik va idoralarga bir qator tavsiyalar yubordi.',
        'Deputies took note of the report and sent a number of recommendations to the relevant ministries and agencies.',
      ),
    ],
    imageCaption: bi('Ombudsmanning yillik maʼruzasi parlamentda taqdim etilmoqda', 'The ombudsman presents the annual report in parliament'),
  };
};

export const POLITICS_B_MIRRORS: [StoryTemplate, Mirror][] = [
  [mfaConsultations, trMfaConsultations],
  [governmentProgram, trGovernmentProgram],
  [kengashSession, trKengashSession],
  [parliamentAbroad, trParliamentAbroad],
  [ombudsmanReport, trOmbudsmanReport],
];
