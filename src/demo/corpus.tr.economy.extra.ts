// Uzbek and English mirrors of corpus.economy.extra.ts: finance, free zones, budget, irrigation, flights, forums.
import { cap, fmtInt, type StoryTemplate } from './corpus.gen.js';
import { budgetRevenue, dripIrrigation, fezInvestors, investorsForum, newFlights, smallBusinessLoans } from './corpus.economy.extra.js';
import { AIR_DESTINATIONS, FEZ, PRODUCTS } from './corpus.economy.data.js';
import { OBLASTS, PARTNERS, PROVINCES } from './corpus.slots.js';
import { bi, en, enN, joinBi, joinUz, usdBi, uzForms, type Mirror } from './corpus.tr.gen.js';
import { fezName, flightTime, product } from './corpus.tr.economy.data.js';
import { city, country, dateline, district, region, sector } from './corpus.tr.slots.js';

const trSmallBusinessLoans: Mirror = (g) => {
  const volume = g.dec(38, 96);
  const growth = g.dec(9, 34);
  const headline = g.pick([
    bi(`Oʻzbekistonda kichik biznesga ajratilgan kreditlar hajmi yil boshidan buyon ${growth} foizga oshdi`, `Lending to small businesses in Uzbekistan up ${en(growth)}% since the start of the year`),
    bi(`Banklar yil boshidan buyon tadbirkorlarga ${volume} trln soʻmlik kredit ajratdi`, `Banks lend ${en(volume)} trillion soums to entrepreneurs since the start of the year`),
  ]);
  const sectors = g.pickN(
    [bi('savdo', 'trade'), bi('xizmatlar sohasi', 'services'), bi('sanoat', 'industry'), bi('qishloq xoʻjaligi', 'agriculture'), bi('qurilish', 'construction')],
    3,
  );
  const S = joinBi(sectors);
  const rate = g.dec(19, 24);
  const npl = g.dec(3.1, 5.8);
  const npl2 = g.pick([bi('bank tizimi boʻyicha oʻrtacha koʻrsatkichdan past', 'is below the banking system average'), bi('oʻtgan yil darajasiga mos keladi', 'is in line with last year')]);
  const family = g.dec(1.2, 9.5);
  const trend = g.pick([
    bi(
      'kreditlashning oʻsishi qarz oluvchilarning toʻlov qobiliyatini baholashga qoʻyiladigan talablarning kuchaytirilishi bilan birga kechmoqda',
      'the growth in lending has been accompanied by stricter checks on borrowers’ creditworthiness',
    ),
    bi('banklar kreditlarni mobil ilovalar orqali berishga tobora faolroq oʻtmoqda', 'banks are increasingly issuing loans through mobile apps'),
  ]);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Tijorat banklari yil boshidan buyon kichik biznes va xususiy tadbirkorlik vakillariga ${volume} trln soʻmlik kredit ajratdi, bu bir yil avvalgiga nisbatan ${growth} foizga koʻp.`,
      `Commercial banks have lent ${en(volume)} trillion soums to small and private businesses since the start of the year, ${en(growth)}% more than a year earlier.`,
    ),
    paragraphs: [
      bi(
        `Markaziy bank maʼlumotlariga koʻra, yil boshidan buyon tijorat banklari kichik biznes va xususiy tadbirkorlik vakillariga jami ${volume} trln soʻmlik kredit ajratgan. Bu oʻtgan yilning shu davridagiga nisbatan ${growth} foizga koʻp.`,
        `According to the Central Bank, commercial banks have issued loans totalling ${en(volume)} trillion soums to small and private businesses since the start of the year, ${en(growth)}% more than in the same period last year.`,
      ),
      bi(
        `Mablagʻlarning katta qismi ${joinUz(sectors.slice(0, -1).map((s) => s.uz).concat(uzForms(sectors[sectors.length - 1]!.uz).dat))} yoʻnaltirildi. Milliy valyutadagi kreditlar boʻyicha oʻrtacha foiz stavkasi yillik ${rate} foizni tashkil etdi.`,
        `Most of the money went to ${S.en}. The average interest rate on loans in the national currency was ${en(rate)}% a year.`,
      ),
      bi(
        `Kichik biznes portfelidagi muammoli kreditlar ulushi ${npl} foizni tashkil etadi, bu ${npl2.uz}.`,
        `Non-performing loans make up ${en(npl)}% of the small business portfolio, which ${npl2.en}.`,
      ),
      bi(
        `Bundan tashqari, oilaviy tadbirkorlikni qoʻllab-quvvatlash boʻyicha davlat dasturlari doirasida ${family} trln soʻmdan ortiq imtiyozli kredit ajratildi, jumladan, mahallalarda ustaxonalar, issiqxonalar va kichik sexlar ochish uchun.`,
        `In addition, more than ${en(family)} trillion soums in soft loans has been provided under state programmes supporting family businesses, including for opening workshops, greenhouses and small production units in mahallas.`,
      ),
      bi(`Markaziy bankda taʼkidlanishicha, ${trend.uz}.`, `The Central Bank noted that ${trend.en}.`),
    ],
  };
};

const trFezInvestors: Mirror = (g) => {
  const fez = g.pick(FEZ);
  const F = fezName(fez.name);
  const C = country(g.pick(PARTNERS));
  const portfolio = usdBi(g.decNum(0.05, 1.8));
  const [p1, p2] = g.pickN(PRODUCTS, 2).map(product) as [ReturnType<typeof product>, ReturnType<typeof product>];
  const launched = g.count(4, 24);
  const headline = g.pick([
    bi(`${C.uz.nom} investorlari «${F.uz}» EIZda ${portfolio.uz}lik loyihalarni amalga oshiradi`, `Investors from ${C.en} to carry out ${portfolio.en} in projects at ${F.en} free economic zone`),
    bi(`«${F.uz}» erkin iqtisodiy zonasida bir yilda ${launched} ta yangi ishlab chiqarish korxonasi ishga tushirildi`, `${cap(F.en)} free economic zone launches ${launched} new production facilities in a year`),
  ]);
  const projects = g.count(2, 9);
  const firms = g.count(18, 140);
  const staff = g.round(1200, 16000, 100);
  const plan = g.pick([
    bi(
      'yaqin yillarda zona hududini kengaytirish va unga qoʻshimcha muhandislik tarmoqlarini olib kelish rejalashtirilmoqda',
      'the zone is to be expanded in the coming years and connected to additional utilities',
    ),
    bi(
      'investorlar mahalliy xomashyoni chuqur qayta ishlash loyihalariga alohida qiziqish bildirmoqda',
      'investors are particularly interested in projects for the deep processing of local raw materials',
    ),
    bi('zona ishtirokchilari uchun mahalliy kollejlar bazasida xodimlarni oʻqitish tashkil etilgan', 'staff for companies in the zone are being trained at local colleges'),
  ]);
  const at = city(fez.city);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `«${F.uz}» erkin iqtisodiy zonasida ${C.uz.nom} investorlarining umumiy qiymati ${portfolio.uz} boʻlgan loyihalari, jumladan, ${p1.uz} ishlab chiqarish loyihasi amalga oshiriladi.`,
      `Investors from ${C.en} will carry out projects worth ${portfolio.en} at the ${F.en} free economic zone, including production of ${p1.en}.`,
    ),
    paragraphs: [
      bi(
        `«${F.uz}» erkin iqtisodiy zonasi maʼmuriyati va ${C.uz.nom} kompaniyalari umumiy qiymati ${portfolio.uz} boʻlgan ${projects} ta investitsiya loyihasini amalga oshirish toʻgʻrisida bitimlar imzoladi.`,
        `The administration of the ${F.en} free economic zone and companies from ${C.en} have signed agreements on ${enN(projects)} investment projects worth a total of ${portfolio.en}.`,
      ),
      bi(
        `Loyihalar ${p1.uz} va ${p2.uz} ishlab chiqarishni yoʻlga qoʻyishni nazarda tutadi. Soʻnggi bir yilda zonada jami ${launched} ta yangi ishlab chiqarish korxonasi ishga tushirilgan.`,
        `The projects include production of ${p1.en} and ${p2.en}. In total, ${launched} new production facilities have been launched in the zone over the past year.`,
      ),
      bi(
        `EIZ ishtirokchilari bir qator soliqlar va uskunalar importi uchun bojxona toʻlovlaridan ozod qilinadi. Hozirda zonada ${firms} ta korxona faoliyat yuritmoqda, ularda ${fmtInt(staff)} nafardan ortiq kishi ishlaydi.`,
        `Companies in the zone are exempt from a number of taxes and from customs duties on imported equipment. The zone is currently home to ${firms} companies employing more than ${en(staff)} people.`,
      ),
      bi(`EIZ direktorining soʻzlariga koʻra, ${plan.uz}.`, `According to the zone’s director, ${plan.en}.`),
    ],
  };
};

const trBudgetRevenue: Mirror = (g) => {
  const revenue = g.dec(120, 290);
  const growth = g.dec(8, 26);
  const social = g.int(46, 54);
  const headline = g.pick([
    bi(`Oʻzbekiston davlat byudjeti daromadlari yil boshidan buyon ${growth} foizga oshdi`, `Uzbekistan’s state budget revenue up ${en(growth)}% since the start of the year`),
    bi(
      `Iqtisodiyot va moliya vazirligi: davlat byudjeti daromadlari yil boshidan buyon ${revenue} trln soʻmni tashkil etdi`,
      `Ministry of Economy and Finance: state budget revenue reaches ${en(revenue)} trillion soums since the start of the year`,
    ),
  ]);
  const smallBiz = g.dec(18, 31);
  const spending = g.dec(130, 310);
  const deficit = g.pick([
    bi('tasdiqlangan parametrlar doirasida qolmoqda', 'remains within the limits'),
    bi('tasdiqlangan parametrlardan oshmayapti', 'does not exceed the limits'),
  ]);
  const vat = g.dec(4, 19);
  const note = g.pick([
    bi(
      'soliq maʼmuriyatchiligi raqamlashtirilgani tufayli onlayn-kassalardan foydalanuvchi soliq toʻlovchilar soni qariyb ikki baravar oshdi',
      'thanks to the digitalisation of tax administration, the number of taxpayers using online cash registers has almost doubled',
    ),
    bi(
      `yil boshidan buyon soliq toʻlovchilarga ortiqcha toʻlangan QQS boʻyicha ${vat} trln soʻmdan ortiq mablagʻ qaytarildi`,
      `more than ${en(vat)} trillion soums in overpaid VAT has been refunded to taxpayers since the start of the year`,
    ),
  ]);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Iqtisodiyot va moliya vazirligi maʼlumotlariga koʻra, yil boshidan buyon davlat byudjeti daromadlari ${revenue} trln soʻmni tashkil etdi, bu bir yil avvalgiga nisbatan ${growth} foizga koʻp.`,
      `State budget revenue has reached ${en(revenue)} trillion soums since the start of the year, ${en(growth)}% more than a year earlier, according to the Ministry of Economy and Finance.`,
    ),
    paragraphs: [
      bi(
        `Yil boshidan buyon Oʻzbekiston Respublikasi davlat byudjeti daromadlari ${revenue} trln soʻmni tashkil etib, oʻtgan yilning shu davriga nisbatan ${growth} foizga oshdi, — deya xabar beradi Iqtisodiyot va moliya vazirligi.`,
        `Revenue of the state budget of the Republic of Uzbekistan amounted to ${en(revenue)} trillion soums since the start of the year, up ${en(growth)}% on the same period last year, the Ministry of Economy and Finance reports.`,
      ),
      bi(
        `Qoʻshilgan qiymat soligʻi, yuridik shaxslarning foyda soligʻi va jismoniy shaxslarning daromad soligʻi asosiy tushum manbalari boʻldi. Kichik biznesdan tushumlar ulushi ${smallBiz} foizga yetdi.`,
        `Value added tax, corporate profit tax and personal income tax were the main sources of revenue. The share of receipts from small businesses rose to ${en(smallBiz)}%.`,
      ),
      bi(
        `Byudjet xarajatlari ${spending} trln soʻmni tashkil etdi, shundan ${social} foizi ijtimoiy sohaga — taʼlim, sogʻliqni saqlash va aholini ijtimoiy himoya qilishga yoʻnaltirildi.`,
        `Spending amounted to ${en(spending)} trillion soums, ${social}% of it on the social sector: education, healthcare and social protection.`,
      ),
      bi(
        `Davlat byudjeti taqchilligi davlat byudjeti toʻgʻrisidagi qonun bilan ${deficit.uz}.`,
        `The state budget deficit ${deficit.en} set by the state budget law.`,
      ),
      bi(`Vazirlikda taʼkidlanishicha, ${note.uz}.`, `The ministry noted that ${note.en}.`),
    ],
  };
};

const trDripIrrigation: Mirror = (g) => {
  const r = g.pick(OBLASTS);
  const R = region(r);
  const area = g.int(12, 95);
  const D = district(g.pick(r.districts));
  const A = bi(`${area} ming gektar`, `${en(area * 1000)} hectares`);
  const headline = g.pick([
    bi(`${R.uz.loc} tomchilatib sugʻoriladigan ekin maydonlari ${A.uz}ga yetdi`, `Drip-irrigated farmland in ${R.en} reaches ${A.en}`),
    bi(`${R.uz.loc} suv tejovchi texnologiyalar ${A.uz}da joriy etildi`, `Water-saving technologies introduced on ${A.en} in ${R.en}`),
  ]);
  const drip = g.int(55, 80);
  const saving = g.int(30, 50);
  const yieldUp = g.int(15, 35);
  const crops = g.pick([
    bi('sabzavot va poliz ekinlari yetishtiriladi', 'vegetables and melons are grown'),
    bi('intensiv bogʻlar barpo etilgan', 'intensive orchards have been planted'),
    bi('yirik uzumzorlar joylashgan', 'there are large vineyards'),
  ]);
  const water = sector('water').ministry;
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline,
    lead: bi(
      `${R.uz.loc} suv tejovchi sugʻorish texnologiyalari ${A.uz} maydonda qoʻllanilmoqda, bu katta hajmdagi sugʻorish suvini tejash imkonini bermoqda.`,
      `Water-saving irrigation technologies are now used on ${A.en} in ${R.en}, saving large volumes of irrigation water.`,
    ),
    paragraphs: [
      bi(
        `${R.uz.loc} suv tejovchi texnologiyalar qoʻllanilayotgan qishloq xoʻjaligi yerlari maydoni ${A.uz}ga yetdi. Ularning qariyb ${drip} foizi tomchilatib sugʻorish hissasiga toʻgʻri keladi.`,
        `The area of farmland using water-saving technologies in ${R.en} has reached ${A.en}, about ${drip}% of it under drip irrigation.`,
      ),
      bi(
        `${water.uz.nom} maʼlumotlariga koʻra, bunday texnologiyalarni joriy etish sugʻorish suvini ${saving} foizgacha tejash va hosildorlikni ${yieldUp} foizga oshirish imkonini beradi.`,
        `According to ${water.en}, such technologies save up to ${saving}% of irrigation water and raise yields by ${yieldUp}%.`,
      ),
      bi(
        'Tomchilatib sugʻorishni joriy etayotgan fermerlarga davlat uskunalar xarid qilish xarajatlarining bir qismini qoplab beradi, tijorat banklari esa imtiyozli kreditlar ajratmoqda.',
        'The state reimburses part of the cost of equipment for farmers who install drip irrigation, and commercial banks offer soft loans.',
      ),
      bi(
        `Suv tejovchi texnologiyalar qoʻllanilayotgan eng katta maydonlar ${D.uz.loc} joylashgan boʻlib, bu yerda ${crops.uz}.`,
        `The largest areas under water-saving technologies are in ${D.en}, where ${crops.en}.`,
      ),
    ],
    imageCaption: bi(`${D.uz.loc}gi dalalarda tomchilatib sugʻorish`, `Drip irrigation in the fields of ${D.en}`),
  };
};

const trNewFlights: Mirror = (g) => {
  const dest = g.pick(AIR_DESTINATIONS);
  const O = city(g.pick(dest.origins).city);
  const Dst = city(dest.city);
  const freq = g.pick([bi('haftasiga ikki marta', 'twice a week'), bi('haftasiga uch marta', 'three times a week'), bi('har hafta', 'weekly')]);
  const headline = g.pick([
    bi(`${O.uz.abl} ${Dst.uz.dat} toʻgʻridan-toʻgʻri muntazam aviareyslar ochiladi`, `Direct scheduled flights to open from ${O.en} to ${Dst.en}`),
    bi(`Milliy aviakompaniya ${O.uz.abl} ${Dst.uz.dat} toʻgʻridan-toʻgʻri reyslarni yoʻlga qoʻymoqda`, `National airline launches direct flights from ${O.en} to ${Dst.en}`),
  ]);
  const plane = g.pick(['Airbus A320neo', 'Airbus A321neo', 'Boeing 787 Dreamliner']);
  const time = flightTime(dest);
  const benefit = g.pick([
    bi('ulanishli parvozlarga nisbatan yoʻlda sarflanadigan vaqtni ikki baravardan koʻproq qisqartirish', 'cut travel time by more than half compared with connecting flights'),
    bi('har ikki yoʻnalishda turistlar oqimini oshirish va ishbilarmonlik aloqalarini mustahkamlash', 'boost tourist flows in both directions and strengthen business ties'),
  ]);
  const cities = g.round(55, 90, 5);
  return {
    city: bi(O.uz.nom, O.en),
    headline,
    lead: bi(
      `Uzbekistan Airways milliy aviakompaniyasi kelgusi oy boshidan ${O.uz.nom} — ${Dst.uz.nom} yoʻnalishi boʻyicha toʻgʻridan-toʻgʻri reyslarni yoʻlga qoʻyadi, parvozlar ${freq.uz} amalga oshiriladi.`,
      `National carrier Uzbekistan Airways will launch direct flights between ${O.en} and ${Dst.en} from the start of next month, operating ${freq.en}.`,
    ),
    paragraphs: [
      bi(
        `Uzbekistan Airways milliy aviakompaniyasi kelgusi oy boshidan ${O.uz.nom} — ${Dst.uz.nom} yoʻnalishi boʻyicha toʻgʻridan-toʻgʻri muntazam reyslarni ochadi. Parvozlar ${plane} samolyotlarida ${freq.uz} amalga oshiriladi.`,
        `National carrier Uzbekistan Airways will open direct scheduled flights between ${O.en} and ${Dst.en} from the start of next month. Flights will operate ${freq.en} using ${plane} aircraft.`,
      ),
      bi(
        `Parvoz ${time.uz} davom etadi. Aviakompaniyada taʼkidlanishicha, yangi yoʻnalish sayyohlar bilan bir qatorda ishbilarmonlar va talabalarga ham moʻljallangan.`,
        `The flight will take ${time.en}. The airline said the new route is aimed at tourists as well as business travellers and students.`,
      ),
      bi(
        `Toʻgʻridan-toʻgʻri reysning ochilishi ${benefit.uz} imkonini beradi. Chiptalar savdosi tashuvchining rasmiy saytida va kassalarda allaqachon boshlangan.`,
        `The direct service will ${benefit.en}. Tickets are already on sale on the carrier’s website and at ticket offices.`,
      ),
      bi(
        `Hozirgi vaqtda aviakompaniyalar Oʻzbekistondan dunyoning ${cities} tadan ortiq shahriga muntazam reyslarni amalga oshirmoqda.`,
        `Airlines currently operate scheduled flights from Uzbekistan to more than ${cities} cities worldwide.`,
      ),
    ],
    imageCaption: bi(`${O.uz.nom} aeroportidagi milliy aviakompaniya samolyoti`, `A national airline aircraft at ${O.en} airport`),
  };
};

const trInvestorsForum: Mirror = (g) => {
  const R = region(g.pick(PROVINCES));
  const deals = usdBi(g.decNum(0.3, 4.5));
  const countries = g.count(12, 48);
  const at = R.center;
  const headline = g.pick([
    bi(`${at.uz.loc}gi investitsiya forumida ${deals.uz}lik bitimlar imzolandi`, `${deals.en} in deals signed at investment forum in ${at.en}`),
    bi(`${at.uz.loc}gi hududiy investitsiya forumida ${countries} ta davlatdan ishtirokchilar qatnashdi`, `Regional investment forum in ${at.en} draws participants from ${countries} countries`),
  ]);
  const companies = g.round(150, 900, 50);
  const projects = g.count(40, 260);
  const sectors = joinBi(
    g.pickN(
      [
        bi('qishloq xoʻjaligi mahsulotlarini qayta ishlash', 'agricultural processing'),
        bi('turizm', 'tourism'),
        bi('qurilish materiallari', 'building materials'),
        bi('toʻqimachilik sanoati', 'textiles'),
        bi('qayta tiklanuvchi energetika', 'renewable energy'),
        bi('logistika', 'logistics'),
      ],
      3,
    ),
  );
  const quote = g.pick([
    bi(
      'Bizni shunchaki kapital jalb qilish emas, balki yuqori qoʻshilgan qiymatli mahsulot chiqaradigan zamonaviy korxonalar yaratish qiziqtiradi',
      'We are interested not just in attracting capital but in creating modern production with high added value',
    ),
    bi('Hudud investorlarga infratuzilmasi tayyor yer uchastkalari va malakali kadrlarni taklif qilishga tayyor', 'The region is ready to offer investors land plots with ready infrastructure and a skilled workforce'),
  ]);
  g.chance(0.5); // authors
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `${at.uz.loc} hududiy investitsiya forumi boʻlib oʻtdi, uning yakunlariga koʻra turli mamlakatlar investorlari ${deals.uz}lik loyihalarni amalga oshirish toʻgʻrisida bitimlar imzoladi.`,
      `A regional investment forum in ${at.en} ended with investors from various countries signing agreements on projects worth ${deals.en}.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} hududiy investitsiya forumi boʻlib oʻtdi. Unda ${countries} ta davlatdan ${companies} tadan ortiq kompaniya, xalqaro moliya institutlari va mahalliy biznes vakillari ishtirok etdi.`,
        `A regional investment forum was held in ${at.en}, bringing together representatives of more than ${companies} companies from ${countries} countries, international financial institutions and local business.`,
      ),
      bi(
        `Ishtirokchilarga hududning ${sectors.uz} sohalaridagi ${projects} ta investitsiya loyihasi taqdim etildi.`,
        `Participants were presented with ${projects} investment projects from the region in ${sectors.en}.`,
      ),
      bi(
        `Forum yakunida ${deals.uz}lik bitimlar imzolandi. ${R.head.uz.nom} investorlarni har bir loyihaga bitim imzolanganidan to ishlab chiqarish ishga tushirilgunga qadar uni kuzatib boradigan masʼul xodim biriktirilishiga ishontirdi.`,
        `Agreements worth ${deals.en} were signed at the forum. ${R.head.En} assured investors that each project would be assigned an official to guide it from the signing of the agreement to the launch of production.`,
      ),
      bi(`«${quote.uz}», — deya taʼkidladi hudud rahbari.`, `“${quote.en},” the head of the region stressed.`),
    ],
    imageCaption: bi(`${at.uz.loc}gi investitsiya forumi ishtirokchilari`, `Participants of the investment forum in ${at.en}`),
  };
};

export const ECONOMY_EXTRA_MIRRORS: [StoryTemplate, Mirror][] = [
  [smallBusinessLoans, trSmallBusinessLoans],
  [fezInvestors, trFezInvestors],
  [budgetRevenue, trBudgetRevenue],
  [dripIrrigation, trDripIrrigation],
  [newFlights, trNewFlights],
  [investorsForum, trInvestorsForum],
];
