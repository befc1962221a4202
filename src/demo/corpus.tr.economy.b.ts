// Uzbek and English mirrors of the economy desk templates (corpus.economy.ts), part two.
import { fmtDec, fmtInt, type StoryTemplate } from './corpus.gen.js';
import { containerTrain, harvest, itPark, powerPlant, tourismFlows, WIND_REGIONS } from './corpus.economy.js';
import { CROPS, RAIL_ROUTES } from './corpus.economy.data.js';
import { NEIGHBOURS, PARTNERS, PROVINCES } from './corpus.slots.js';
import { bi, en, fmtDecEn, joinBi, joinEn, joinUz, usdBi, uzForms, type Mirror } from './corpus.tr.gen.js';
import { crop, transit } from './corpus.tr.economy.data.js';
import { city, country, countryName, dateline, district, region, sector } from './corpus.tr.slots.js';

const trPowerPlant: Mirror = (g) => {
  const wind = g.chance(0.4);
  const r = g.pick(wind ? PROVINCES.filter((x) => WIND_REGIONS.includes(x.name.nom)) : PROVINCES);
  const R = region(r);
  const D = district(g.pick(r.districts));
  const C = country(g.pick(PARTNERS.filter((x) => !x.centralAsia)));
  const mw = wind ? g.round(100, 500, 50) : g.round(50, 400, 50);
  const gwh = Math.round(mw * (wind ? g.int(26, 32) / 10 : g.int(18, 21) / 10));
  const kind = wind ? bi('shamol elektr stansiyasi', 'wind farm') : bi('quyosh fotoelektr stansiyasi', 'solar photovoltaic plant');
  const place = bi(`${R.uz.nom} ${D.uz.loc}`, `${D.en} of ${R.en}`);
  const cost = Math.round((mw * g.int(8, 12)) / 10);
  const trend = g.pick([bi('oʻsishda davom etmoqda', 'continues to grow'), bi('yildan yilga ortib bormoqda', 'is rising every year')]);
  const energy = sector('energy').ministry;
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline: wind
      ? bi(`${R.uz.loc} quvvati ${mw} MVt boʻlgan shamol elektr stansiyasi ishga tushirildi`, `${mw} MW wind farm launched in ${R.en}`)
      : bi(`${R.uz.loc} quvvati ${mw} MVt boʻlgan quyosh elektr stansiyasi foydalanishga topshirildi`, `${mw} MW solar power plant commissioned in ${R.en}`),
    lead: bi(
      `${place.uz} ${C.uz.nom} investori ishtirokida qurilgan quvvati ${mw} MVt boʻlgan ${kind.uz} ishga tushirildi.`,
      `A ${mw} MW ${kind.en} built with an investor from ${C.en} has been launched in ${place.en}.`,
    ),
    paragraphs: [
      bi(
        `${place.uz} quvvati ${mw} MVt boʻlgan ${kind.uz} foydalanishga topshirildi. Qiymati ${fmtInt(cost)} mln dollar boʻlgan loyiha ${C.uz.nom} investori tomonidan davlat-xususiy sheriklik shartlari asosida amalga oshirildi.`,
        `A ${mw} MW ${kind.en} has been commissioned in ${place.en}. The $${en(cost)} million project was carried out by an investor from ${C.en} as a public-private partnership.`,
      ),
      bi(
        `Stansiya har yili qariyb ${gwh < 1000 ? `${fmtInt(gwh)} mln` : `${fmtDec(gwh / 1000, 2)} mlrd`} kilovatt-soat elektr energiyasi ishlab chiqaradi. Bu ${fmtInt(Math.round(gwh / 2.5))} mingdan ortiq xonadonni taʼminlash uchun yetarli boʻlib, yiliga qariyb ${fmtInt(Math.round(gwh * 0.25))} mln kub metr tabiiy gazni tejash imkonini beradi.`,
        `The plant will generate about ${gwh < 1000 ? `${en(gwh)} million` : `${fmtDecEn(gwh / 1000, 2)} billion`} kWh of electricity a year, enough to supply more than ${en(Math.round(gwh / 2.5) * 1000)} households and save about ${en(Math.round(gwh * 0.25))} million cubic metres of natural gas annually.`,
      ),
      bi(
        `Stansiyaning ishga tushirilishi tufayli atmosferaga chiqariladigan karbonat angidrid miqdori yiliga ${fmtInt(Math.round(gwh * 0.45))} ming tonnaga kamayadi.`,
        `The plant will cut carbon dioxide emissions by ${en(Math.round(gwh * 0.45) * 1000)} tonnes a year.`,
      ),
      bi(
        `${energy.uz.nom} maʼlumotlariga koʻra, mamlakatda elektr energiyasi ishlab chiqarishda qayta tiklanuvchi manbalar ulushi ${trend.uz}. Yaqin yillarda yana bir qator yirik quyosh va shamol elektr stansiyalari, shuningdek, energiya toʻplash tizimlarini ishga tushirish rejalashtirilgan.`,
        `According to ${energy.en}, the share of renewables in the country’s power generation ${trend.en}. Several more large solar and wind power plants and energy storage systems are due to come on stream in the coming years.`,
      ),
    ],
    imageCaption: wind
      ? bi(`${D.uz.loc}gi shamol elektr stansiyasi`, `Wind farm in ${D.en}`)
      : bi(`${D.uz.loc}gi yangi stansiyaning quyosh panellari`, `Solar panels at the new plant in ${D.en}`),
  };
};

const trHarvest: Mirror = (g) => {
  const R = region(g.pick(PROVINCES));
  const c = g.pick(CROPS);
  const Cr = crop(c);
  const tonnes = g.int(c.min, c.max);
  const growth = g.dec(3, 18);
  const T = bi(`${fmtInt(tonnes)} ming tonna`, `${en(tonnes * 1000)} tonnes`);
  const headline = g.pick([
    bi(`${R.uz.nom} dehqonlari ${T.uz}dan ortiq ${Cr.name.uz} yetishtirdi`, `Farmers in ${R.en} harvest over ${T.en} of ${Cr.name.en}`),
    bi(`${R.uz.loc} ${Cr.name.uz} hosildorligi ${growth} foizga oshdi`, `Yields of ${Cr.name.en} in ${R.en} rise by ${en(growth)}%`),
  ]);
  const stage = g.pick([bi('yakunlanmoqda', 'nearing completion'), bi('davom etmoqda', 'under way')]);
  const yieldC = g.count(c.yieldMin, c.yieldMax);
  const reason = g.pick([
    bi('tomchilatib sugʻorish va zamonaviy agrotexnologiyalarning joriy etilishi', 'the introduction of drip irrigation and modern farming technologies'),
    bi('yangi serhosil navlardan foydalanish', 'the use of new high-yielding varieties'),
    bi('qulay ob-havo sharoiti va dalalarga oʻz vaqtida ishlov berilishi', 'favourable weather and timely field work'),
  ]);
  const buyers = joinBi(g.pickN(c.buyers, 3).map(countryName));
  const stores = g.count(40, 380);
  const capacity = g.round(40, 600, 10);
  g.chance(0.5); // authors
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline,
    lead: bi(
      `${R.uz.nom} qishloq xoʻjaligi ishlab chiqaruvchilari ${T.uz}dan ortiq ${Cr.name.uz} yetishtirdi, bu oʻtgan yilgidan ${growth} foizga koʻp.`,
      `Farmers in ${R.en} have harvested more than ${T.en} of ${Cr.name.en}, ${en(growth)}% more than last year.`,
    ),
    paragraphs: [
      bi(
        `${R.uz.loc} ${Cr.work.uz} ${stage.uz}. Hududiy qishloq xoʻjaligi boshqarmasi maʼlumotlariga koʻra, ${T.uz}dan ortiq hosil yigʻib olindi, bu oʻtgan yilgi koʻrsatkichdan ${growth} foizga koʻp.`,
        `${Cr.work.en.charAt(0).toUpperCase()}${Cr.work.en.slice(1)} is ${stage.en} in ${R.en}. According to the regional agriculture department, more than ${T.en} have been gathered, ${en(growth)}% more than last year.`,
      ),
      bi(
        `Oʻrtacha hosildorlik gektaridan ${yieldC} sentnerni tashkil etdi. Dehqonlar oʻsishni ${reason.uz} bilan bogʻlamoqda.`,
        `The average yield was ${yieldC} centners per hectare. Farmers attribute the growth to ${reason.en}.`,
      ),
      bi(
        `Hosilning bir qismi qayta ishlash va eksportga yoʻnaltirilmoqda. ${buyers.uz} hudud mahsulotlarining eng yirik xaridorlari hisoblanadi.`,
        `Part of the harvest goes to processing and export, with ${buyers.en} the largest buyers of the region’s produce.`,
      ),
      bi(
        `Hosilni saqlash uchun hududda umumiy sigʻimi ${fmtInt(capacity)} ming tonnadan ortiq boʻlgan ${stores} ta sovutish ombori faoliyat koʻrsatmoqda.`,
        `The region has ${stores} cold stores with a total capacity of more than ${en(capacity * 1000)} tonnes to keep the harvest.`,
      ),
    ],
    imageCaption: bi(`${R.uz.loc} hosil yigʻim-terimi`, `Harvesting in ${R.en}`),
  };
};

const trTourismFlows: Mirror = (g) => {
  const visitors = g.dec(2.1, 9.8);
  const growth = g.dec(8, 32);
  const near = g.pickN(NEIGHBOURS, 3).map(country);
  const far = joinBi(g.pickN(['Турция', 'Китай', 'Южная Корея', 'Россия', 'Германия', 'Индия', 'Франция', 'Италия'], 3).map(countryName));
  const headline = g.pick([
    bi(`Yil boshidan buyon Oʻzbekistonga ${visitors} mln xorijiy sayyoh tashrif buyurdi`, `Uzbekistan welcomes ${en(visitors)} million foreign tourists since the start of the year`),
    bi(`Oʻzbekistonning turistik xizmatlar eksporti yil boshidan buyon ${growth} foizga oshdi`, `Uzbekistan’s tourism exports up ${en(growth)}% since the start of the year`),
  ]);
  const rise = g.dec(5, 28);
  const cities = joinBi(g.pickN(['Самарканд', 'Бухара', 'Хива', 'Ташкент', 'Шахрисабз'], 3).map(dateline));
  const exports = usdBi(g.decNum(1.2, 3.8));
  const hotels = g.round(1500, 2600, 10);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Yil boshidan buyon Oʻzbekistonga ${visitors} mln xorijiy fuqaro tashrif buyurdi, turistik xizmatlar eksporti esa ${growth} foizga oshdi, — deya xabar beradi Turizm qoʻmitasi.`,
      `Uzbekistan has received ${en(visitors)} million foreign visitors since the start of the year, and tourism exports have grown by ${en(growth)}%, the Tourism Committee said.`,
    ),
    paragraphs: [
      bi(
        `Turizm qoʻmitasi maʼlumotlariga koʻra, yil boshidan buyon Oʻzbekistonga ${visitors} mln xorijiy fuqaro tashrif buyurgan, bu oʻtgan yilning shu davriga nisbatan ${rise} foizga koʻp.`,
        `According to the Tourism Committee, ${en(visitors)} million foreign nationals have visited Uzbekistan since the start of the year, ${en(rise)}% more than in the same period last year.`,
      ),
      bi(
        `Mehmonlarning aksariyati ${joinUz(near.slice(0, -1).map((c) => c.uz.nom).concat(near[near.length - 1]!.uz.abl))} kelgan. Uzoq xorij davlatlari orasida ${far.uz} yetakchilik qilmoqda.`,
        `Most visitors came from ${joinEn(near.map((c) => c.en))}, while ${far.en} lead among more distant countries.`,
      ),
      bi(
        `Xorijlik sayyohlar orasida ${cities.uz} eng mashhur hisoblanadi. Toshkent, Jizzax va Surxondaryo viloyatlarining togʻli hududlaridagi ekoturizmga qiziqish ham ortib bormoqda.`,
        `${cities.en} are the most popular destinations among foreign tourists. Interest is also growing in ecotourism in the mountains of Tashkent, Jizzakh and Surkhandarya regions.`,
      ),
      bi(
        `Turistik xizmatlar eksporti ${exports.uz}ni tashkil etdi. Mamlakatda ${fmtInt(hotels)} tadan ortiq mehmonxona va mehmon uyi faoliyat koʻrsatmoqda.`,
        `Tourism exports amounted to ${exports.en}. There are more than ${en(hotels)} hotels and guesthouses in the country.`,
      ),
      bi(
        'Qoʻmitada taʼkidlanishicha, turistlar oqimining oʻsishiga viza rejimining soddalashtirilishi, yangi aviareyslarning yoʻlga qoʻyilishi va hududlarda turizm infratuzilmasining rivojlanishi xizmat qilmoqda.',
        'The committee attributes the growth to simpler visa rules, new flights and the development of tourism infrastructure in the regions.',
      ),
    ],
  };
};

const trItPark: Mirror = (g) => {
  const value = g.int(180, 980);
  const growth = g.dec(14, 58);
  const residents = g.round(1500, 3400, 100);
  const digital = sector('digital').ministry;
  const headline = g.pick([
    bi(`IT Park rezidentlarining xizmatlar eksporti yil boshidan buyon ${value} mln dollarga yetdi`, `IT Park residents’ exports of services reach $${value} million since the start of the year`),
    bi(`IT Park texnoparki rezidentlari soni ${fmtInt(residents)} tadan oshdi`, `IT Park technology park now has more than ${en(residents)} resident companies`),
  ]);
  const foreign = g.round(300, 900, 10);
  const markets = g.pickN(
    [
      bi('AQSH', 'the United States'),
      bi('Buyuk Britaniya', 'the United Kingdom'),
      bi('Germaniya', 'Germany'),
      bi('BAA', 'the UAE'),
      bi('Qozogʻiston', 'Kazakhstan'),
      bi('Janubiy Koreya', 'South Korea'),
    ],
    4,
  );
  const students = g.int(18, 64);
  const quote = g.pick([
    bi(
      'Maqsadimiz — har qanday tumandagi yosh mutaxassis oʻz shahrini tark etmasdan xalqaro bozor uchun ishlay olishi',
      'Our goal is for a young specialist from any district to be able to work for the international market without leaving their home town',
    ),
    bi(
      'Rezidentlar uchun imtiyozli soliq rejimi oʻz samaradorligini isbotladi: kompaniyalar tejalgan mablagʻlarni xodimlarni oʻqitish va yangi mahsulotlarga qayta investitsiya qilmoqda',
      'The preferential tax regime for residents has proved its worth: companies are reinvesting the savings in training and new products',
    ),
  ]);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Yil boshidan buyon IT Park rezidenti boʻlgan kompaniyalarning xizmatlar eksporti ${value} mln dollarni tashkil etdi, bu bir yil avvalgiga nisbatan ${growth} foizga koʻp.`,
      `Exports of services by IT Park resident companies have reached $${value} million since the start of the year, up ${en(growth)}% on a year earlier.`,
    ),
    paragraphs: [
      bi(
        `${digital.uz.nom} maʼlumotlariga koʻra, yil boshidan buyon IT Park texnoparki rezidenti boʻlgan kompaniyalarning xizmatlar eksporti ${value} mln dollarni tashkil etib, ${growth} foizga oshgan.`,
        `According to ${digital.en}, exports of services by resident companies of the IT Park technology park have reached $${value} million since the start of the year, up ${en(growth)}%.`,
      ),
      bi(
        `Texnopark rezidentlari soni ${fmtInt(residents)} tadan oshdi, ularning qariyb ${foreign} tasi xorijiy kapital ishtirokida faoliyat yuritadi.`,
        `The technology park now has more than ${en(residents)} resident companies, about ${foreign} of them with foreign capital.`,
      ),
      bi(
        `Dasturiy taʼminot ishlab chiqish, biznes-jarayonlar autsorsingi va mobil ilovalar yaratish eksportning asosiy yoʻnalishlari boʻlib qolmoqda. Oʻzbekiston IT kompaniyalarining xizmatlariga ${joinUz(markets.slice(0, -1).map((m) => m.uz).concat(uzForms(markets[markets.length - 1]!.uz).loc))} talab katta.`,
        `Software development, business process outsourcing and mobile apps remain the main export lines. Uzbek IT companies’ services are in demand in ${joinEn(markets.map((m) => m.en))}.`,
      ),
      bi(
        `IT Parkning hududiy filiallari respublikaning barcha viloyatlarida faoliyat yuritmoqda. Texnoparkning oʻquv markazlarida ${students} mingdan ortiq yosh tahsil olmoqda.`,
        `IT Park has branches in every region of the country, and more than ${en(students * 1000)} young people are studying at its training centres.`,
      ),
      bi(`«${quote.uz}», — dedi texnopark direktori.`, `“${quote.en},” the director of the technology park said.`),
    ],
  };
};

const trContainerTrain: Mirror = (g) => {
  const route = g.pick(RAIL_ROUTES);
  const O = city(g.pick(route.origins).city);
  const Dst = city(route.dest);
  const cargo = g.pick([
    bi('toʻqimachilik mahsulotlari', 'textiles'),
    bi('meva-sabzavot mahsulotlari', 'fruit and vegetables'),
    bi('mis katanka', 'copper wire rod'),
    bi('qurilish materiallari', 'building materials'),
    bi('mineral oʻgʻitlar', 'mineral fertilisers'),
  ]);
  const days = g.count(route.days[0], route.days[1]);
  const headline = g.pick([
    bi(`${O.uz.nom} — ${Dst.uz.nom} yoʻnalishida muntazam konteyner poyezdi qatnovi yoʻlga qoʻyildi`, `Regular container train service launched on ${O.en}–${Dst.en} route`),
    bi(`${O.uz.abl} ${Dst.uz.dat} ${cargo.uz} ortilgan birinchi konteyner poyezdi joʻnatildi`, `First container train carrying ${cargo.en} leaves ${O.en} for ${Dst.en}`),
  ]);
  const wagons = g.count(40, 64);
  const km = g.round(route.km[0], route.km[1], 100);
  const faster = g.int(20, 45);
  const versus = g.pick([bi('avtomobil tashuvlari', 'road haulage'), bi('avvalgi yoʻnalishlar', 'previous routes')]);
  const freq = g.pick([bi('har hafta', 'weekly'), bi('oyiga ikki marta', 'twice a month'), bi('haftasiga ikki marta', 'twice a week')]);
  const back = g.pick([
    bi('sanoat korxonalari uchun uskuna va butlovchi qismlar', 'equipment and components for industry'),
    bi('kimyo mahsulotlari va qurilish materiallari', 'chemical products and building materials'),
    bi('maishiy texnika va avtomobil butlovchi qismlari', 'household appliances and auto parts'),
  ]);
  const route2 = transit(route);
  const transport = sector('transport').ministry;
  return {
    city: bi(O.uz.nom, O.en),
    headline,
    lead: bi(
      `${O.uz.abl} ${Dst.uz.dat} ochilgan yangi konteyner yoʻnalishi yuklarni ${days} sutkada yetkazib berish va mahalliy eksportyorlarning logistika xarajatlarini kamaytirish imkonini beradi.`,
      `A new container route from ${O.en} to ${Dst.en} will deliver cargo in ${days} days and cut logistics costs for Uzbek exporters.`,
    ),
    paragraphs: [
      bi(
        `${O.uz.abl} ${Dst.uz.dat} ${cargo.uz} ortilgan birinchi konteyner poyezdi joʻnatildi. ${wagons} ta platformadan iborat tarkib yukni uzunligi ${fmtInt(km)} kilometrdan ortiq boʻlgan yoʻnalish boʻyicha yetkazib beradi.`,
        `The first container train carrying ${cargo.en} has left ${O.en} for ${Dst.en}. The train of ${wagons} flatcars will cover a route of more than ${en(km)} km.`,
      ),
      bi(`${route2.uz} Yoʻl ${days} sutka atrofida davom etadi.`, `${route2.en} The journey will take about ${days} days.`),
      bi(
        `${transport.uz.loc} taʼkidlanishicha, muntazam qatnovning yoʻlga qoʻyilishi ${uzForms(versus.uz).dat} nisbatan yetkazib berish muddatlarini ${faster} foizga qisqartirish va eksportyorlarning logistika xarajatlarini kamaytirish imkonini beradi.`,
        `According to ${transport.en}, the regular service will cut delivery times by ${faster}% compared with ${versus.en} and lower exporters’ logistics costs.`,
      ),
      bi(
        `Ushbu yoʻnalishda poyezdlar ${freq.uz} qatnaydi. Qaytishda ${back.uz}ni olib kelish rejalashtirilgan.`,
        `Trains will run ${freq.en} on the route. On the return journey they are to bring ${back.en}.`,
      ),
    ],
    imageCaption: bi(`${O.uz.nom} stansiyasidagi konteyner poyezdi`, `Container train at ${O.en} station`),
  };
};

export const ECONOMY_B_MIRRORS: [StoryTemplate, Mirror][] = [
  [powerPlant, trPowerPlant],
  [harvest, trHarvest],
  [tourismFlows, trTourismFlows],
  [itPark, trItPark],
  [containerTrain, trContainerTrain],
];
