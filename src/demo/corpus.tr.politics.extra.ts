// Uzbek and English mirrors of corpus.politics.extra.ts: visas, consulates, oversight and neighbours.
import { cap, type StoryTemplate } from './corpus.gen.js';
import {
  honoraryConsulate,
  neighbourTrade,
  senateHokimReport,
  visaAgreement,
  TRADE_NEIGHBOURS,
  VISA_COUNTRIES,
  VISA_GROUPS,
} from './corpus.politics.extra.js';
import { COOPERATION_AREAS, PARTNERS, PROVINCES, REGIONS } from './corpus.slots.js';
import { bi, en, enN, joinBi, lookup, usdBi, uzForms, type Mirror } from './corpus.tr.gen.js';
import { area, city, country, dateline, region } from './corpus.tr.slots.js';

const TASHKENT = city('Ташкент');

const VISA_GROUP_TABLE: Record<string, [string, string]> = {
  'деловых людей': ['ishbilarmonlar', 'business people'],
  'студентов и преподавателей': ['talabalar va oʻqituvchilar', 'students and teachers'],
  'туристических групп': ['turistik guruhlar', 'tourist groups'],
  'участников научных программ': ['ilmiy dasturlar ishtirokchilari', 'participants in research programmes'],
};

const trVisaAgreement: Mirror = (g) => {
  const C = country(g.pick(VISA_COUNTRIES));
  const service = g.chance(0.5);
  const [groupUz, groupEn] = lookup(VISA_GROUP_TABLE, g.pick(VISA_GROUPS), 'visa group');
  const home = g.chance(0.5);
  const P = home ? TASHKENT : C.capital;
  const visitors = g.int(5, 120);
  const subject = service
    ? bi('xizmat pasportlari egalari uchun viza talablarini oʻzaro bekor qilish', 'mutual visa exemption for holders of service passports')
    : bi(`${groupUz} uchun viza tartib-taomillarini soddalashtirish`, `simplified visa procedures for ${groupEn}`);
  return {
    city: bi(P.uz.nom, P.en),
    headline: service
      ? bi(`Oʻzbekiston va ${C.uz.nom} xizmat pasportlari egalari uchun vizalarni bekor qildi`, `Uzbekistan and ${C.en} scrap visas for holders of service passports`)
      : bi(`Oʻzbekiston va ${C.uz.nom} ${groupUz} uchun viza rejimini soddalashtirishga kelishib oldi`, `Uzbekistan and ${C.en} agree to ease visa rules for ${groupEn}`),
    lead: service
      ? bi(
          `Oʻzbekiston va ${C.uz.nom} xizmat pasportlari egalari uchun viza talablarini oʻzaro bekor qilish toʻgʻrisidagi hukumatlararo bitimni imzoladi.`,
          `Uzbekistan and ${C.en} have signed an intergovernmental agreement on mutual visa exemption for holders of service passports.`,
        )
      : bi(
          `Oʻzbekiston va ${C.uz.nom} ${groupUz} uchun viza olish tartibini soddalashtiradigan va arizalarni koʻrib chiqish muddatlarini qisqartiradigan bitimni imzoladi.`,
          `Uzbekistan and ${C.en} have signed an agreement that simplifies visa procedures for ${groupEn} and shortens application processing times.`,
        ),
    paragraphs: [
      bi(
        `${P.uz.loc} Oʻzbekiston Respublikasi va ${C.uz.nom} oʻrtasida ${subject.uz} toʻgʻrisidagi hukumatlararo bitim imzolandi.`,
        `An intergovernmental agreement between the Republic of Uzbekistan and ${C.en} on ${subject.en} was signed in ${P.en}.`,
      ),
      service
        ? bi(
            'Hujjat boshqa tomon hududiga vizasiz kirish, undan chiqish, tranzit oʻtish va u yerda 30 kungacha boʻlishni nazarda tutadi.',
            'The document provides for visa-free entry, exit, transit and stays of up to 30 days on the territory of the other party.',
          )
        : bi(
            'Hujjat amal qilish muddati bir yilgacha boʻlgan koʻp martalik vizalar berishni va arizalarni koʻrib chiqish muddatini besh ish kunigacha qisqartirishni nazarda tutadi.',
            'The document provides for multiple-entry visas valid for up to one year and cuts the processing time for applications to five working days.',
          ),
      bi(
        `TIVda taʼkidlanishicha, bitim ishbilarmonlik, ilmiy va gumanitar aloqalarni kengaytirishga xizmat qiladi. Vazirlik maʼlumotlariga koʻra, oʻtgan yili ${C.uz.dat} ${visitors} mingdan ortiq Oʻzbekiston fuqarosi tashrif buyurgan.`,
        `The Foreign Ministry said the agreement would help expand business, academic and people-to-people contacts. According to the ministry, more than ${en(visitors * 1000)} Uzbek citizens visited ${C.en} last year.`,
      ),
      bi(
        'Bitim tomonlar zarur davlat ichki tartib-taomillarini bajarganidan soʻng kuchga kiradi.',
        'The agreement will enter into force once the parties have completed the necessary domestic procedures.',
      ),
    ],
  };
};

const trHonoraryConsulate: Mirror = (g) => {
  const R = region(g.pick(PROVINCES));
  const C = country(g.pick(PARTNERS.filter((x) => !x.centralAsia)));
  const a = area(g.pick(COOPERATION_AREAS));
  const quote = g.pick([
    bi(`Kompaniyalarimiz hududga, ayniqsa, ${a.uz} sohasidagi loyihalarga katta qiziqish bildirmoqda`, `We see strong interest from our companies in the region, especially in projects in ${a.en}`),
    bi(
      'Har yili hududga tashrif buyurayotgan sayyohlarimiz soni ortib bormoqda va ular uchun joyida yordam olish imkoniyati muhim',
      'Every year more of our tourists visit the region, and it is important for them to be able to get help locally',
    ),
  ]);
  const firms = g.count(5, 70);
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline: bi(`${R.center.uz.loc} ${C.uz.gen} Oʻzbekistondagi fahriy konsulligi ish boshladi`, `Honorary consulate of ${C.en} opens in ${R.center.en}`),
    lead: bi(
      `${R.center.uz.loc} ochilgan ${C.uz.gen} fahriy konsulligi ishbilarmonlik aloqalarini qoʻllab-quvvatlash, turistik almashinuvlarni rivojlantirish va ushbu davlat fuqarolariga konsullik yordami koʻrsatish bilan shugʻullanadi.`,
      `An honorary consulate of ${C.en} has opened in ${R.center.en} to support business ties, develop tourist exchanges and provide consular assistance to its citizens.`,
    ),
    paragraphs: [
      bi(
        `${R.center.uz.loc} ${C.uz.gen} fahriy konsulligi ochildi. Marosimda ${R.head.uz.nom}, ${C.uz.gen} Oʻzbekistondagi Favqulodda va muxtor elchisi, ishbilarmon doiralar va jamoatchilik vakillari ishtirok etdi.`,
        `An honorary consulate of ${C.en} has opened in ${R.center.en}. The ceremony was attended by ${R.head.en}, the Ambassador of ${C.en} to Uzbekistan, business leaders and members of the public.`,
      ),
      bi(
        `Koʻp yillardan buyon ${C.uz.nom} hamkorlari bilan ishbilarmonlik aloqalarini rivojlantirib kelayotgan mahalliy tadbirkor fahriy konsul etib tayinlandi.`,
        `A local entrepreneur who has been developing business ties with partners in ${C.en} for many years has been appointed honorary consul.`,
      ),
      bi(
        `Marosimda soʻzga chiqqan elchi konsullikning ochilishi hududlararo hamkorlikni rivojlantirishda muhim qadam boʻlishini taʼkidladi. «${quote.uz}», — dedi diplomat.`,
        `Speaking at the ceremony, the ambassador said the opening of the consulate was an important step in developing interregional cooperation. “${quote.en},” the diplomat said.`,
      ),
      bi(
        `${cap(R.admin.uz.nom)} maʼlumotlariga koʻra, ${R.uz.loc} ${C.uz.nom} kapitali ishtirokidagi ${firms} ta korxona faoliyat koʻrsatmoqda.`,
        `According to ${R.admin.en}, ${enN(firms)} companies with ${C.adj} capital operate in ${R.en}.`,
      ),
    ],
  };
};

const trSenateHokimReport: Mirror = (g) => {
  const r = g.pick(REGIONS);
  const R = region(r);
  const capital = r.center === 'Ташкент';
  const kind = capital ? bi('poytaxt', 'the capital’s') : bi('hudud', 'the region’s');
  const headline = g.pick([
    bi(`Senatorlar ${R.head.uz.gen} ${kind.uz}ni rivojlantirish toʻgʻrisidagi hisobotini tingladi`, `Senators hear report from ${R.head.en} on ${kind.en} development`),
    bi(`Senat ${R.uz.loc} investitsiya dasturlari ijrosini koʻrib chiqdi`, `Senate reviews investment programmes in ${R.en}`),
  ]);
  const projects = g.count(60, 840);
  const cost = g.dec(1.5, 19);
  const jobs = g.int(6, 48);
  const problem = g.pick([
    bi('ayrim tumanlarda aholini ichimlik suvi bilan taʼminlash yetarli emasligi', 'insufficient drinking water supply in some districts'),
    bi('mahalliy ahamiyatga ega yoʻllarni taʼmirlash surʼatlari sekinligi', 'the slow pace of repairs to local roads'),
    bi('maktabgacha taʼlim tashkilotlarida joylar yetishmasligi', 'a shortage of places in preschools'),
    bi('bir qator sanoat korxonalarida quvvatlardan toʻliq foydalanilmayotgani', 'low capacity utilisation at a number of industrial enterprises'),
  ]);
  const quote = g.pick([
    bi(
      'Hokimlarning Senatdagi hisobotlari rasmiyatchilik emas, balki har bir tumandagi real vaziyatni koʻrish imkonini beradigan vositadir',
      'Governors’ reports to the Senate are not a formality but a tool that lets us see the real picture in every district',
    ),
    bi(
      'Barcha kamchiliklar belgilangan muddatlarda bartaraf etilishini kutamiz va bu masalaga keyingi majlislardan birida qaytamiz',
      'We expect all the shortcomings to be eliminated on time, and we will return to this issue at one of our next sessions',
    ),
  ]);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Senat yalpi majlisida ${R.head.uz.gen} ${kind.uz}ni ijtimoiy-iqtisodiy rivojlantirish va investitsiya dasturlarini amalga oshirish toʻgʻrisidagi hisoboti tinglandi.`,
      `At a plenary session, the Senate heard a report from ${R.head.en} on ${kind.en} social and economic development and the implementation of investment programmes.`,
    ),
    paragraphs: [
      bi(
        `Oliy Majlis Senatining yalpi majlisida ${R.head.uz.gen} ${kind.uz}ni ijtimoiy-iqtisodiy rivojlantirish va investitsiya dasturlari ijrosi toʻgʻrisidagi hisoboti eshitildi.`,
        `Senators of the Oliy Majlis heard ${R.head.en} report on ${kind.en} social and economic development and on progress with investment programmes.`,
      ),
      bi(
        `Majlisda taʼkidlanganidek, oʻtgan bir yilda ${R.uz.loc} umumiy qiymati ${cost} trln soʻm boʻlgan ${projects} ta investitsiya loyihasi amalga oshirilib, ${jobs} mingdan ortiq ish oʻrni yaratilgan.`,
        `Over the past year, ${en(projects)} investment projects worth ${en(cost)} trillion soums were completed in ${R.en} and more than ${en(jobs * 1000)} jobs created, the session heard.`,
      ),
      bi(
        `Shu bilan birga, senatorlar bir qator hal etilmagan muammolarga, jumladan, ${uzForms(problem.uz).dat} eʼtibor qaratdi.`,
        `Senators also pointed to a number of unresolved problems, including ${problem.en}.`,
      ),
      bi(`«${quote.uz}», — dedi senatorlardan biri.`, `“${quote.en},” one of the senators said.`),
      bi(
        'Muhokama yakunlari boʻyicha Senat aniqlangan kamchiliklarni bartaraf etish yuzasidan aniq vazifalar belgilangan qaror qabul qildi.',
        'Following the debate, the Senate adopted a resolution setting out specific tasks for eliminating the shortcomings identified.',
      ),
    ],
    imageCaption: bi('Oliy Majlis Senatining yalpi majlisi', 'Plenary session of the Oliy Majlis Senate'),
  };
};

const trNeighbourTrade: Mirror = (g) => {
  const C = country(g.pick(TRADE_NEIGHBOURS));
  const home = g.chance(0.5);
  const P = home ? TASHKENT : C.capital;
  const turnover = g.decNum(0.6, 4.4);
  const target = g.pick([3, 5, 10].filter((t) => t > turnover * 1.3));
  const headline = g.pick([
    bi(`Oʻzbekiston va ${C.uz.nom} tovar aylanmasini ${target} mlrd dollarga yetkazish niyatida`, `Uzbekistan and ${C.en} aim to raise trade to $${target} billion`),
    bi(`Oʻzbekiston va ${C.uz.nom} hukumat rahbarlari yangi qoʻshma loyihalarni muhokama qildi`, `Uzbek and ${C.adj} prime ministers discuss new joint projects`),
  ]);
  const focus = g.pick([
    bi('chegaradagi oʻtkazish punktlarini modernizatsiya qilish', 'modernising border crossing points'),
    bi('qoʻshma sanoat kooperatsiya zonalarini yaratish', 'creating joint industrial cooperation zones'),
    bi('temir yoʻl va avtomobil qatnovini rivojlantirish', 'developing rail and road links'),
    bi('suv-energetika resurslaridan birgalikda foydalanish', 'the joint use of water and energy resources'),
  ]);
  const usd = usdBi(turnover);
  const sectors = joinBi(
    g.pickN(
      [
        bi('toʻqimachilik sanoati', 'textiles'),
        bi('qurilish materiallari ishlab chiqarish', 'building materials'),
        bi('qishloq xoʻjaligi mahsulotlarini qayta ishlash', 'agricultural processing'),
        bi('farmatsevtika', 'pharmaceuticals'),
        bi('mashinasozlik', 'mechanical engineering'),
        bi('logistika', 'logistics'),
      ],
      3,
    ),
  );
  const docs = g.count(4, 16);
  return {
    city: bi(P.uz.nom, P.en),
    headline,
    lead: bi(
      `Oʻzbekiston va ${C.uz.nom} hukumat rahbarlari ${P.uz.loc} muzokaralar oʻtkazib, yaqin yillarda oʻzaro tovar aylanmasini ${target} mlrd dollarga yetkazish vazifasini qoʻydi.`,
      `The heads of government of Uzbekistan and ${C.en} held talks in ${P.en} and set the goal of raising bilateral trade to $${target} billion in the coming years.`,
    ),
    paragraphs: [
      bi(
        `${P.uz.loc} Oʻzbekiston va ${C.uz.nom} hukumat rahbarlarining muzokaralari boʻlib oʻtdi. Tomonlar oliy darajadagi soʻnggi uchrashuvlarda erishilgan kelishuvlarning bajarilishini koʻrib chiqdi.`,
        `The heads of government of Uzbekistan and ${C.en} held talks in ${P.en}. The sides reviewed progress on the agreements reached at recent summits.`,
      ),
      bi(
        `${cap(uzForms(focus.uz).dat)}, shuningdek, ikki mamlakat hududlari oʻrtasidagi toʻgʻridan-toʻgʻri aloqalarni kengaytirishga alohida eʼtibor qaratildi.`,
        `Particular attention was paid to ${focus.en}, as well as to closer direct ties between the regions of the two countries.`,
      ),
      bi(
        `Oʻtgan yil yakunlari boʻyicha oʻzaro tovar aylanmasi ${usd.uz}ni tashkil etdi. Tomonlar ${sectors.uz}ni istiqbolli yoʻnalishlar sifatida qayd etdi.`,
        `Bilateral trade amounted to ${usd.en} last year. The sides named ${sectors.en} among the promising areas.`,
      ),
      bi(
        `Muzokaralar yakunida hukumatlararo bitimlar va hamkorlik memorandumlarini oʻz ichiga olgan ${docs} ta hujjat imzolandi.`,
        `Following the talks, the sides signed a package of ${enN(docs)} documents, including intergovernmental agreements and memorandums of cooperation.`,
      ),
    ],
    imageCaption: bi(`Oʻzbekiston va ${C.uz.nom} hukumat rahbarlarining muzokaralari`, `Talks between the heads of government of Uzbekistan and ${C.en}`),
  };
};

export const POLITICS_EXTRA_MIRRORS: [StoryTemplate, Mirror][] = [
  [visaAgreement, trVisaAgreement],
  [honoraryConsulate, trHonoraryConsulate],
  [senateHokimReport, trSenateHokimReport],
  [neighbourTrade, trNeighbourTrade],
];
