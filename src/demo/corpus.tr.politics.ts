// Uzbek and English mirrors of the politics desk templates (corpus.politics.ts), part one.
// Each mirror makes exactly the random calls of its template, in the same order (see corpus.tr.gen.ts).
import { cap, type StoryTemplate } from './corpus.gen.js';
import { chamberFirstReading, fmTalks, hokimDelegation, senateLaw, centralAsiaMinisters, CA_HOSTS, CA_TOPICS } from './corpus.politics.js';
import { LAWS } from './corpus.politics.data.js';
import { COOPERATION_AREAS, COUNTRIES, PARTNERS, PROVINCES, sectorByKey } from './corpus.slots.js';
import { bi, en, enN, lookup, uzForms, usdBi, type Bi, type Mirror } from './corpus.tr.gen.js';
import { lawTr } from './corpus.tr.politics.data.js';
import { area, city, country, dateline, region, sector } from './corpus.tr.slots.js';

const TASHKENT = city('Ташкент');

const trFmTalks: Mirror = (g) => {
  const C = country(g.pick(COUNTRIES));
  const home = g.chance(0.5);
  const P = home ? TASHKENT : C.capital;
  const [a1, a2, a3] = g.pickN(COOPERATION_AREAS, 3).map(area) as [Bi, Bi, Bi];
  const headline = g.pick([
    bi(`Oʻzbekiston tashqi ishlar vaziri ${C.uz.gen} tashqi siyosat idorasi rahbari bilan muzokaralar oʻtkazdi`, `Uzbek foreign minister holds talks with ${C.adj} counterpart`),
    bi(`Oʻzbekiston va ${C.uz.nom} ${a1.uz} sohasidagi hamkorlikni kengaytirishga kelishib oldi`, `Uzbekistan and ${C.en} agree to expand cooperation in ${a1.en}`),
    bi(`Oʻzbekiston va ${C.uz.nom} TIV rahbarlari ${P.uz.loc} hamkorlikni kengaytirishni muhokama qildi`, `Uzbek and ${C.adj} foreign ministers discuss closer cooperation in ${P.en}`),
  ]);
  const usd = usdBi(g.decNum(0.3, 9.5));
  const growth = g.dec(4, 38);
  const firms = g.round(40, 1800, 10);
  const outcome = g.pick([
    bi(
      'Muzokaralar yakunida ikki mamlakat tashqi siyosat idoralari oʻrtasida yaqin ikki yilga moʻljallangan maslahatlashuvlar rejasi imzolandi.',
      'Following the talks, the two foreign ministries signed a plan of consultations for the next two years.',
    ),
    bi(
      'Tomonlar savdo-iqtisodiy hamkorlik boʻyicha hukumatlararo komissiyaning navbatdagi yigʻilishini yil oxirigacha oʻtkazishga kelishib oldi.',
      'The sides agreed to hold the next meeting of the intergovernmental commission on trade and economic cooperation before the end of the year.',
    ),
  ]);
  return {
    city: bi(P.uz.nom, P.en),
    headline,
    lead: bi(
      `${P.uz.loc} boʻlib oʻtgan Oʻzbekiston va ${C.uz.nom} tashqi ishlar vazirlarining muzokaralarida ${a1.uz} va ${a2.uz} sohalarida hamkorlikni kengaytirish masalalari muhokama qilindi.`,
      `The foreign ministers of Uzbekistan and ${C.en} held talks in ${P.en}, discussing closer cooperation in ${a1.en} and ${a2.en}.`,
    ),
    paragraphs: [
      home
        ? bi(
            `Oʻzbekiston Respublikasi Tashqi ishlar vaziri rasmiy tashrif bilan Toshkentda boʻlib turgan ${C.uz.gen} tashqi siyosat idorasi rahbarini qabul qildi, — deya xabar beradi TIV matbuot xizmati.`,
            `Uzbekistan’s Minister of Foreign Affairs received the head of the ${C.adj} foreign ministry, who is in Tashkent on an official visit, the ministry’s press service said.`,
          )
        : bi(
            `Ishchi tashrif bilan ${C.uz.loc} boʻlib turgan Oʻzbekiston Respublikasi Tashqi ishlar vaziri ushbu davlat tashqi siyosat idorasi rahbari bilan muzokaralar oʻtkazdi, — deya xabar beradi TIV matbuot xizmati.`,
            `Uzbekistan’s Minister of Foreign Affairs, on a working visit to ${C.en}, held talks with the head of the country’s foreign ministry, the ministry’s press service said.`,
          ),
      bi(
        `Uchrashuvda tomonlar ikki tomonlama kun tartibidagi dolzarb masalalarni, jumladan, ${a1.uz}, ${a2.uz} va ${a3.uz} sohalarida hamkorlikni kengaytirishni muhokama qildi. Oliy darajadagi boʻlajak uchrashuvlarga tayyorgarlik koʻrishga alohida eʼtibor qaratildi.`,
        `The sides discussed current bilateral issues, including expanding cooperation in ${a1.en}, ${a2.en} and ${a3.en}. Particular attention was paid to preparations for upcoming contacts at the highest level.`,
      ),
      bi(
        `Statistika agentligi maʼlumotlariga koʻra, oʻtgan yil yakunlari boʻyicha ikki mamlakat oʻrtasidagi tovar aylanmasi ${usd.uz}ni tashkil etib, ${growth} foizga oshgan. Oʻzbekistonda ${C.uz.nom} kapitali ishtirokidagi ${firms} tadan ortiq korxona faoliyat koʻrsatmoqda.`,
        `According to the Statistics Agency, trade between the two countries reached ${usd.en} last year, up ${en(growth)}%. More than ${en(firms)} companies with ${C.adj} capital operate in Uzbekistan.`,
      ),
      bi(
        'Vazirlar, shuningdek, mintaqaviy va xalqaro kun tartibidagi masalalar, jumladan, BMT va boshqa koʻp tomonlama tuzilmalar doirasidagi hamkorlik yuzasidan fikr almashdi.',
        'The ministers also exchanged views on regional and international issues, including cooperation within the UN and other multilateral bodies.',
      ),
      outcome,
    ],
    imageCaption: bi(`Oʻzbekiston va ${C.uz.nom} tashqi ishlar vazirlarining muzokaralari`, `Talks between the foreign ministers of Uzbekistan and ${C.en}`),
  };
};

const REPORTING_SECTORS = ['energy', 'health', 'agri', 'water', 'build', 'jobs', 'transport'];

const trSenateLaw: Mirror = (g) => {
  const L = lawTr(g.pick(LAWS));
  const reporter = sector(sectorByKey(g.pick(REPORTING_SECTORS)));
  const headline = g.pick([
    bi(`Oliy Majlis Senati ${L.uz} toʻgʻrisidagi qonunni maʼqulladi`, `Oliy Majlis Senate approves law on ${L.en}`),
    bi(`Senatorlar yalpi majlisda ${L.uz} toʻgʻrisidagi qonunni maʼqulladi`, `Senators approve law on ${L.en} at plenary session`),
  ]);
  const proposals = g.count(12, 96);
  const drafting = g.pick([
    bi(
      'Uning normalari tadbirkorlar, ekspertlar va jamoat tashkilotlarining takliflarini inobatga olgan holda ishlab chiqilgan.',
      'Its provisions were drafted taking into account proposals from entrepreneurs, experts and civil society organisations.',
    ),
    bi(
      `Hujjat loyihasi jamoatchilik muhokamasidan oʻtkazilib, uning yakunlari boʻyicha ${proposals} ta taklif inobatga olingan.`,
      `The draft was put to public discussion, after which ${en(proposals)} proposals were taken into account.`,
    ),
  ]);
  const months = g.pick([bi('uch oy', 'three months'), bi('olti oy', 'six months'), bi('ikki oy', 'two months')]);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Oliy Majlis Senati ${L.goalUz}ga qaratilgan «${cap(L.uz)} toʻgʻrisida»gi qonunni maʼqulladi.`,
      `The Senate of the Oliy Majlis has approved the law on ${L.en}, which aims to ${L.goalEn}.`,
    ),
    paragraphs: [
      bi(
        `Oʻzbekiston Respublikasi Oliy Majlisi Senatining navbatdagi yalpi majlisida «${cap(L.uz)} toʻgʻrisida»gi qonun koʻrib chiqildi va maʼqullandi. Hujjat avvalroq Qonunchilik palatasi tomonidan qabul qilingan edi.`,
        `At its latest plenary session, the Senate of the Oliy Majlis of the Republic of Uzbekistan considered and approved the law on ${L.en}. The document had earlier been adopted by the Legislative Chamber.`,
      ),
      bi(
        `Muhokama chogʻida senatorlar taʼkidlaganidek, qonun ${L.goalUz}ga qaratilgan. ${drafting.uz}`,
        `As senators noted during the debate, the law aims to ${L.goalEn}. ${drafting.en}`,
      ),
      bi(`Hujjatga koʻra, ${L.provUz}.`, `Under the law, ${L.provEn}.`),
      bi(`Qonun rasman eʼlon qilinganidan soʻng ${months.uz} oʻtgach kuchga kiradi.`, `The law will enter into force ${months.en} after its official publication.`),
      bi(
        `Yalpi majlisda senatorlar, shuningdek, ${reporter.minister.uz.gen} tarmoqdagi davlat dasturlari ijrosi toʻgʻrisidagi axborotini tinglab, hududlarni rivojlantirish bilan bogʻliq qator masalalarni koʻrib chiqdi.`,
        `Senators also heard a report from ${reporter.minister.en} on the implementation of state programmes in the sector and considered a number of regional development issues.`,
      ),
    ],
    imageCaption: bi('Oliy Majlis Senatining yalpi majlisi', 'Plenary session of the Oliy Majlis Senate'),
  };
};

const trChamberFirstReading: Mirror = (g) => {
  const L = lawTr(g.pick(LAWS));
  const ini = g.pick([bi('Vazirlar Mahkamasi', 'the Cabinet of Ministers'), bi('bir guruh deputatlar', 'a group of deputies')]);
  const headline = g.pick([
    bi(`Quyi palata ${L.uz} toʻgʻrisidagi qonun loyihasini birinchi oʻqishda qabul qildi`, `Legislative Chamber passes bill on ${L.en} in first reading`),
    bi(`Deputatlar ${L.uz} toʻgʻrisidagi qonun loyihasining konsepsiyasini maʼqulladi`, `Deputies back the concept of a bill on ${L.en}`),
  ]);
  const quote = g.pick([
    bi(
      'Hujjat ilgʻor xorijiy tajriba hamda fuqarolar va tadbirkorlardan kelib tushgan takliflar asosida ishlab chiqilgan',
      'The document draws on the best international practice and on proposals from citizens and entrepreneurs',
    ),
    bi(
      'Qonun qabul qilinishi amaldagi qonunchilikdagi boʻshliqlarni bartaraf etadi va fuqarolarning bu boradagi murojaatlarini kamaytiradi, deb umid qilamiz',
      'We expect the law to close gaps in current legislation and reduce the number of complaints from citizens on these issues',
    ),
    bi(
      'Ikkinchi oʻqishgacha fraksiyalar va ekspertlar hamjamiyatining mulohazalarini inobatga olib, ayrim normalarni takomillashtiramiz',
      'Before the second reading we intend to refine some provisions in line with comments from the factions and the expert community',
    ),
  ]);
  const debate = g.pick([
    bi(
      'Siyosiy partiyalar vakillari hujjat konsepsiyasini umuman qoʻllab-quvvatlab, ayrim normalar yuzasidan bir qator mulohaza va takliflarini bildirdi.',
      'Representatives of the political parties broadly supported the concept of the document while raising a number of comments and proposals on individual provisions.',
    ),
    bi(
      'Muhokama chogʻida fraksiyalar deputatlari loyiha mualliflariga moliyalashtirish mexanizmlari va yangi normalarni amalga oshirish muddatlari haqida savollar berdi.',
      'During the debate, deputies from the factions questioned the drafters about funding mechanisms and the timeframe for implementing the new rules.',
    ),
  ]);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Oliy Majlis Qonunchilik palatasi deputatlari ${ini.uz} tomonidan kiritilgan «${cap(L.uz)} toʻgʻrisida»gi qonun loyihasini birinchi oʻqishda qabul qildi.`,
      `Deputies of the Legislative Chamber of the Oliy Majlis have passed in first reading a bill on ${L.en} submitted by ${ini.en}.`,
    ),
    paragraphs: [
      bi(
        `Oliy Majlis Qonunchilik palatasining navbatdagi majlisida deputatlar ${ini.uz} tomonidan qonunchilik tashabbusi tartibida kiritilgan «${cap(L.uz)} toʻgʻrisida»gi qonun loyihasini birinchi oʻqishda koʻrib chiqdi.`,
        `At a regular sitting of the Legislative Chamber of the Oliy Majlis, deputies considered in first reading a bill on ${L.en}, submitted by ${ini.en} under the right of legislative initiative.`,
      ),
      bi(
        `Muhokama chogʻida tegishli qoʻmita raisi taʼkidlaganidek, qonun loyihasi ${L.goalUz}ga qaratilgan. «${quote.uz}», — dedi u.`,
        `As the chairman of the relevant committee noted during the debate, the bill aims to ${L.goalEn}. “${quote.en},” he said.`,
      ),
      bi(`Qonun loyihasiga koʻra, ${L.provUz}.`, `Under the bill, ${L.provEn}.`),
      debate,
      bi(
        'Qonun loyihasi birinchi oʻqishda qabul qilinib, ikkinchi oʻqishga tayyorlash uchun tegishli qoʻmitaga yuborildi.',
        'The bill was passed in first reading and sent to the relevant committee to be prepared for the second reading.',
      ),
    ],
    imageCaption: bi('Oliy Majlis Qonunchilik palatasining majlisi', 'Sitting of the Legislative Chamber of the Oliy Majlis'),
  };
};

const trHokimDelegation: Mirror = (g) => {
  const R = region(g.pick(PROVINCES));
  const C = country(g.pick(PARTNERS));
  const [a1, a2] = g.pickN(COOPERATION_AREAS, 2).map(area) as [Bi, Bi];
  const headline = g.pick([
    bi(`${R.head.uz.nom} ${C.uz.nom} elchisi boshchiligidagi delegatsiyani qabul qildi`, `${R.head.En} receives ${C.adj} delegation led by ambassador`),
    bi(`${R.uz.loc} ${C.uz.nom} bilan hamkorlik istiqbollari muhokama qilindi`, `Prospects for cooperation with ${C.en} discussed in ${R.en}`),
  ]);
  const firms = g.count(8, 160);
  const trade = g.int(12, 480);
  const visit = g.pick([
    bi('hududdagi bir qator sanoat korxonalari va madaniy meros obyektlari', 'several industrial enterprises and cultural heritage sites in the region'),
    bi('erkin iqtisodiy zona va bir nechta fermer xoʻjaliklari', 'the free economic zone and several farms'),
    bi('qurilayotgan ijtimoiy obyektlar va texnopark', 'social facilities under construction and a technology park'),
  ]);
  const deal = g.pick([
    bi(`hududda ${C.uz.nom} kompaniyalari ishtirokida biznes-forum oʻtkazish`, `hold a business forum in the region with companies from ${C.en}`),
    bi('investitsiya loyihalarini kuzatib borish uchun qoʻshma ishchi guruh tuzish', 'set up a joint working group to support investment projects'),
    bi('ikki mamlakat shaharlari oʻrtasida birodarlik aloqalarini rivojlantirish', 'develop twinning ties between cities of the two countries'),
  ]);
  g.chance(0.5); // authors
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline,
    lead: bi(
      `${R.head.uz.nom} ${C.uz.nom} delegatsiyasi bilan uchrashdi, tomonlar ${a1.uz} va ${a2.uz} sohalaridagi qoʻshma loyihalarni amalga oshirishni muhokama qildi.`,
      `${R.head.En} met a delegation from ${C.en} to discuss joint projects in ${a1.en} and ${a2.en}.`,
    ),
    paragraphs: [
      bi(
        `${R.head.uz.nom} ${C.uz.gen} Oʻzbekiston Respublikasidagi Favqulodda va muxtor elchisi boshchiligidagi delegatsiyani qabul qildi, — deya xabar beradi ${R.admin.uz.nom} matbuot xizmati.`,
        `${R.head.En} received a delegation led by the Ambassador Extraordinary and Plenipotentiary of ${C.en} to Uzbekistan, the press service of ${R.admin.en} said.`,
      ),
      bi(
        `Mehmonlar hududning investitsiya va turizm salohiyati bilan tanishtirildi. Uchrashuvda tomonlar ${a1.uz} va ${a2.uz} sohalaridagi qoʻshma loyihalar ijrosini, shuningdek, mahalliy mahsulotlarni ${C.uz.nom} bozoriga toʻgʻridan-toʻgʻri yetkazib berish imkoniyatlarini muhokama qildi.`,
        `The guests were briefed on the region’s investment and tourism potential. The sides reviewed joint projects in ${a1.en} and ${a2.en} and discussed direct supplies of local products to the ${C.adj} market.`,
      ),
      bi(
        `${cap(R.admin.uz.nom)} maʼlumotlariga koʻra, ${R.uz.loc} ${C.uz.nom} kapitali ishtirokidagi ${firms} ta korxona faoliyat koʻrsatmoqda, oʻtgan yil yakunlari boʻyicha oʻzaro savdo hajmi esa ${trade} mln dollardan oshgan.`,
        `According to ${R.admin.en}, ${enN(firms)} companies with ${C.adj} capital operate in ${R.en}, and bilateral trade exceeded $${en(trade)} million last year.`,
      ),
      bi(`Delegatsiya, shuningdek, ${uzForms(visit.uz).dat} tashrif buyurdi.`, `The delegation also visited ${visit.en}.`),
      bi(`Uchrashuv yakunida ${deal.uz} boʻyicha kelishuvga erishildi.`, `The sides agreed to ${deal.en}.`),
    ],
    imageCaption: bi(`${R.center.uz.loc} ${C.uz.nom} delegatsiyasi bilan uchrashuv`, `Meeting with the delegation from ${C.en} in ${R.center.en}`),
  };
};

/** corpus.politics CA_TOPICS (Russian dative) -> Uzbek (before "boʻyicha"), English. */
const CA_TOPIC_TABLE: Record<string, [string, string]> = {
  'рациональному использованию трансграничных водных ресурсов': ['transchegaraviy suv resurslaridan oqilona foydalanish', 'the rational use of transboundary water'],
  'развитию транспортных коридоров': ['transport yoʻlaklarini rivojlantirish', 'developing transport corridors'],
  'адаптации к изменению климата': ['iqlim oʻzgarishiga moslashish', 'adaptation to climate change'],
  'расширению взаимной торговли': ['oʻzaro savdoni kengaytirish', 'expanding mutual trade'],
  'упрощению пограничных и таможенных процедур': ['chegara va bojxona tartib-taomillarini soddalashtirish', 'simplifying border and customs procedures'],
  'сотрудничеству в энергетике': ['energetika sohasidagi hamkorlik', 'energy cooperation'],
  'развитию регионального туризма': ['mintaqaviy turizmni rivojlantirish', 'developing regional tourism'],
};
const caTopic = (t: (typeof CA_TOPICS)[number]): Bi => {
  const [uz, e] = lookup(CA_TOPIC_TABLE, t.dat, 'Central Asia topic');
  return bi(uz, e);
};

const trCentralAsiaMinisters: Mirror = (g) => {
  const [host, next] = g.pickN(CA_HOSTS, 2).map((h) => city(h.city)) as [ReturnType<typeof city>, ReturnType<typeof city>];
  const [t1, t2] = g.pickN(CA_TOPICS, 2).map(caTopic) as [Bi, Bi];
  const headline = g.pick([
    bi(`Markaziy Osiyo davlatlari ${host.uz.loc} ${t1.uz} boʻyicha choralarni muhokama qildi`, `Central Asian countries discuss steps on ${t1.en} in ${host.en}`),
    bi(`Markaziy Osiyo davlatlari tashqi ishlar vazirlari ${host.uz.loc} uchrashdi`, `Central Asian foreign ministers meet in ${host.en}`),
  ]);
  const growth = g.pick([bi('bir yarim baravardan', 'grown more than one and a half times'), bi('ikki baravardan', 'more than doubled')]);
  const quote = g.pick([
    bi(
      'Bugungi Markaziy Osiyo — ochiq chegaralar va oʻsib borayotgan oʻzaro savdo mintaqasi, bizning umumiy vazifamiz esa ushbu ijobiy dinamikani mustahkamlashdir',
      'Central Asia today is a region of open borders and growing mutual trade, and our common task is to consolidate this positive momentum',
    ),
    bi(
      'Faqat birgalikdagi saʼy-harakatlar bilangina biz iqlim oʻzgarishi, suv taqchilligi va transport bogʻlanishini rivojlantirish bilan bogʻliq muammolarga javob bera olamiz',
      'Only by working together can we respond to the challenges of climate change, water scarcity and transport connectivity',
    ),
    bi(
      'Davlat rahbarlari darajasida qabul qilingan har bir qaror aniq amaliy natijaga aylanishi tarafdorimiz',
      'We want every decision taken at the level of heads of state to be translated into concrete practical action',
    ),
  ]);
  return {
    city: bi(host.uz.nom, host.en),
    headline,
    lead: bi(
      `${host.uz.loc} Markaziy Osiyo davlatlari tashqi ishlar vazirlarining uchrashuvi boʻlib oʻtdi, unda ${t1.uz} boʻyicha birgalikdagi qadamlar muhokama qilindi.`,
      `The foreign ministers of the Central Asian states met in ${host.en} to discuss joint steps on ${t1.en}.`,
    ),
    paragraphs: [
      bi(
        `${host.uz.loc} Qozogʻiston, Qirgʻiziston, Tojikiston, Turkmaniston va Oʻzbekiston tashqi ishlar vazirlarining uchrashuvi boʻlib oʻtdi. Oʻzbekiston delegatsiyasiga Oʻzbekiston Respublikasi Tashqi ishlar vaziri rahbarlik qildi.`,
        `The foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan met in ${host.en}. The Uzbek delegation was led by the Minister of Foreign Affairs of the Republic of Uzbekistan.`,
      ),
      bi(
        `Ishtirokchilar mintaqaviy hamkorlikning holati va istiqbollarini muhokama qilib, ${t1.uz} boʻyicha choralarga alohida eʼtibor qaratdi. Soʻnggi besh yilda Markaziy Osiyo davlatlari oʻrtasidagi tovar aylanmasi ${growth.uz} koʻproq oshgani qayd etildi.`,
        `The participants discussed the state of and prospects for regional cooperation, with particular attention to ${t1.en}. It was noted that trade between the Central Asian countries has ${growth.en} over the past five years.`,
      ),
      bi(`«${quote.uz}», — dedi Oʻzbekiston tashqi siyosat idorasi rahbari.`, `“${quote.en},” Uzbekistan’s foreign minister said.`),
      bi(
        `Uchrashuv yakunlari boʻyicha qoʻshma bayonot qabul qilindi, shuningdek, yaqin ikki yilga moʻljallangan ${t2.uz} boʻyicha chora-tadbirlar rejasi maʼqullandi.`,
        `The meeting adopted a joint statement and approved a two-year action plan on ${t2.en}.`,
      ),
      bi(`Ushbu formatdagi navbatdagi uchrashuvni ${next.uz.loc} oʻtkazish rejalashtirilgan.`, `The next meeting in this format is scheduled to take place in ${next.en}.`),
    ],
    imageCaption: bi(
      `Markaziy Osiyo davlatlari tashqi ishlar vazirlarining ${host.uz.loc}gi uchrashuvi`,
      `Meeting of Central Asian foreign ministers in ${host.en}`,
    ),
  };
};

export const POLITICS_MIRRORS: [StoryTemplate, Mirror][] = [
  [fmTalks, trFmTalks],
  [senateLaw, trSenateLaw],
  [chamberFirstReading, trChamberFirstReading],
  [hokimDelegation, trHokimDelegation],
  [centralAsiaMinisters, trCentralAsiaMinisters],
];
