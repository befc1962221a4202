// Uzbek and English mirrors of the economy desk templates (corpus.economy.ts), part one.
import { cap, fmtDec, fmtInt, type StoryTemplate } from './corpus.gen.js';
import { centralBankRate, exportGrowth, foreignTrade, interGovCommission, newPlant } from './corpus.economy.js';
import { EXPORT_GOODS, PRODUCTS } from './corpus.economy.data.js';
import { COOPERATION_AREAS, COUNTRIES, PARTNERS, REGIONS } from './corpus.slots.js';
import { bi, en, enN, fmtDecEn, joinBi, joinEn, joinUz, millionsUsd, usdBi, type Bi, type Mirror } from './corpus.tr.gen.js';
import { exportGood, product } from './corpus.tr.economy.data.js';
import { area, city, country, countryName, dateline, district, region, sector } from './corpus.tr.slots.js';

const TASHKENT = city('Ташкент');
const TRADE = sector('invest').ministry;

const trForeignTrade: Mirror = (g) => {
  const total = g.decNum(28, 72);
  const exp = total * (g.int(40, 46) / 100);
  const imp = total - exp;
  const growth = g.dec(3, 19);
  const partners = joinBi(g.pickN(['Китай', 'Россия', 'Казахстан', 'Турция', 'Южная Корея', 'Германия'], 4).map(countryName));
  const T = bi(fmtDec(total), fmtDecEn(total));
  const headline = g.pick([
    bi(`Oʻzbekistonning tashqi savdo aylanmasi yil boshidan buyon ${growth} foizga oshdi`, `Uzbekistan’s foreign trade up ${en(growth)}% since the start of the year`),
    bi(`Oʻzbekistonning tashqi savdo aylanmasi yil boshidan buyon ${T.uz} mlrd dollarga yetdi`, `Uzbekistan’s foreign trade reaches $${T.en} billion since the start of the year`),
  ]);
  const share = g.int(42, 55);
  const goods = joinBi(
    g.pickN(
      [
        bi('oltin', 'gold'),
        bi('toʻqimachilik mahsulotlari', 'textiles'),
        bi('meva-sabzavot mahsulotlari', 'fruit and vegetables'),
        bi('xizmatlar', 'services'),
        bi('mis va undan tayyorlangan buyumlar', 'copper and copper products'),
        bi('kimyo mahsulotlari', 'chemical products'),
      ],
      3,
    ),
  );
  const partnersCount = g.count(196, 212);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Statistika agentligi maʼlumotlariga koʻra, yil boshidan buyon Oʻzbekistonning tashqi savdo aylanmasi ${T.uz} mlrd dollarni tashkil etdi, bu oʻtgan yilning shu davriga nisbatan ${growth} foizga koʻp.`,
      `Uzbekistan’s foreign trade turnover reached $${T.en} billion since the start of the year, up ${en(growth)}% year on year, according to the Statistics Agency.`,
    ),
    paragraphs: [
      bi(
        `Yil boshidan buyon Oʻzbekiston Respublikasining tashqi savdo aylanmasi ${T.uz} mlrd dollarni tashkil etib, oʻtgan yilning shu davriga nisbatan ${growth} foizga oshdi, — deya xabar beradi Oʻzbekiston Respublikasi Prezidenti huzuridagi Statistika agentligi.`,
        `Uzbekistan’s foreign trade turnover amounted to $${T.en} billion since the start of the year, up ${en(growth)}% on the same period last year, the Statistics Agency under the President of the Republic of Uzbekistan reports.`,
      ),
      bi(
        `Eksport hajmi ${fmtDec(exp)} mlrd dollarga, import hajmi esa ${fmtDec(imp)} mlrd dollarga yetdi. Tashqi savdo saldosi manfiy boʻlib, ${fmtDec(imp - exp)} mlrd dollarni tashkil etdi.`,
        `Exports reached $${fmtDecEn(exp)} billion and imports $${fmtDecEn(imp)} billion, leaving a trade deficit of $${fmtDecEn(imp - exp)} billion.`,
      ),
      bi(
        `${partners.uz} mamlakatning yirik savdo hamkorlari boʻlib qolmoqda. Ularning ulushiga jami tashqi savdo aylanmasining ${share} foizdan ortigʻi toʻgʻri keladi.`,
        `${partners.en} remain the country’s largest trading partners, accounting for more than ${share}% of total foreign trade.`,
      ),
      bi(
        `Eksport tarkibida ${goods.uz} eng katta ulushga ega. Oʻzbekiston dunyoning ${partnersCount} ta davlati bilan savdo aloqalarini olib bormoqda.`,
        `${cap(goods.en)} account for the largest share of exports. Uzbekistan trades with ${partnersCount} countries.`,
      ),
    ],
  };
};

const trExportGrowth: Mirror = (g) => {
  const good = g.pick(EXPORT_GOODS);
  const G = exportGood(good);
  const value = g.int(good.min, good.max);
  const growth = g.dec(6, 42);
  const markets = joinBi(g.pickN(good.markets, 3).map(countryName));
  const V = millionsUsd(value);
  const headline = g.pick([
    bi(`Oʻzbekiston yil boshidan buyon ${G.uz} eksportini ${growth} foizga oshirdi`, `Uzbekistan’s exports of ${G.en} up ${en(growth)}% since the start of the year`),
    bi(`Oʻzbekistondan ${G.uz} eksporti yil boshidan buyon ${V.uz}ga yetdi`, `Uzbek exports of ${G.en} reach ${V.en} since the start of the year`),
  ]);
  const countries = g.count(good.minMarkets, good.minMarkets + 40);
  const driver = g.pick([
    bi('Yevropa va Yaqin Sharqning yangi bozorlariga chiqish', 'entry into new markets in Europe and the Middle East'),
    bi('xomashyoni chuqur qayta ishlaydigan yangi korxonalarning ishga tushirilishi', 'the launch of new plants with deeper processing of raw materials'),
    bi('logistika imkoniyatlarining kengaygani va transport xarajatlarining kamaygani', 'better logistics and lower transport costs'),
    bi('korxonalarning xalqaro koʻrgazmalardagi faol ishtiroki', 'companies’ active participation in international trade fairs'),
  ]);
  const exporters = g.round(300, 2400, 10);
  const support = g.pick([
    bi(
      'eksportyorlarga transport xarajatlari va mahsulotlarni xalqaro sertifikatlash xarajatlarining bir qismi qoplab beriladi',
      'exporters are reimbursed for part of their transport and international certification costs',
    ),
    bi(
      'yangi eksportyorlar uchun xorijiy bozorlar talablari boʻyicha bepul maslahatlar tashkil etilgan',
      'free advice on the requirements of foreign markets is available to first-time exporters',
    ),
    bi(
      'yaqin vaqtda yana bir qancha mamlakatlarda oʻzbek ishlab chiqaruvchilarining savdo uylarini ochish rejalashtirilmoqda',
      'trading houses of Uzbek producers are soon to open in several more countries',
    ),
  ]);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Yil boshidan buyon Oʻzbekistondan ${V.uz}lik ${G.uz} eksport qilindi, bu bir yil avvalgiga nisbatan ${growth} foizga koʻp.`,
      `Uzbekistan has exported ${V.en} worth of ${G.en} since the start of the year, ${en(growth)}% more than a year earlier.`,
    ),
    paragraphs: [
      bi(
        `${TRADE.uz.nom} maʼlumotlariga koʻra, yil boshidan buyon xorijga ${V.uz}lik ${G.uz} yetkazib berilgan. Bu koʻrsatkich oʻtgan yilning shu davriga nisbatan ${growth} foizga oshgan.`,
        `According to ${TRADE.en}, ${V.en} worth of ${G.en} has been shipped abroad since the start of the year, up ${en(growth)}% on the same period last year.`,
      ),
      bi(
        `Mahalliy ishlab chiqaruvchilarning mahsulotlari ${countries} ta davlatga eksport qilindi. ${markets.uz} eng yirik sotuv bozorlari boʻldi.`,
        `Uzbek producers shipped their goods to ${countries} countries, with ${markets.en} the largest markets.`,
      ),
      bi(
        `Eksport oʻsishiga, jumladan, ${driver.uz} hisobiga erishildi. Tarmoqdagi eksportyor kompaniyalar soni ${fmtInt(exporters)} taga yetdi.`,
        `The growth was driven in part by ${driver.en}. The number of exporters in the sector has reached ${en(exporters)}.`,
      ),
      bi(`Vazirlikda taʼkidlanishicha, ${support.uz}.`, `The ministry said ${support.en}.`),
    ],
  };
};

const trNewPlant: Mirror = (g) => {
  const r = g.pick(REGIONS);
  const R = region(r);
  const D = district(g.pick(r.districts));
  const prod = g.pick(PRODUCTS);
  const P = product(prod);
  const c = g.pick(PARTNERS);
  const C = country(c);
  const cost = g.int(6, 180);
  const k = g.int(2, 3);
  const M = g.pickN(COUNTRIES.filter((x) => x !== c), k).map(country);
  const markets = bi(`${joinUz(M.slice(0, -1).map((m) => m.uz.nom).concat(M[M.length - 1]!.uz.dat))}`, joinEn(M.map((m) => m.en)));
  const place = bi(`${R.uz.nom} ${D.uz.loc}`, `${D.en} of ${R.en}`);
  const headline = g.pick([
    bi(`${R.uz.loc} ${C.uz.nom} investori ishtirokida ${P.uz} ishlab chiqarish yoʻlga qoʻyildi`, `Production of ${P.en} launched in ${R.en} with ${C.adj} investor`),
    bi(`${place.uz} ${P.uz} ishlab chiqaradigan yangi korxona ochildi`, `New plant making ${P.en} opens in ${D.en}, ${R.en}`),
    bi(`${R.uz.loc} qiymati ${cost} mln dollar boʻlgan ${P.uz} ishlab chiqarish korxonasi ochildi`, `$${cost} million plant producing ${P.en} opens in ${R.en}`),
  ]);
  const fdi = g.int(55, 90);
  const capacity = P.amount(g.round(prod.min, prod.max, prod.step));
  const jobs = g.count(60, 900);
  const about = g.pick(['about', 'over']);
  const share = g.int(25, 60);
  const quote = g.pick([
    bi(
      'Har bir yangi korxona — bu, avvalo, hamyurtlarimiz uchun ish oʻrinlari va mahalliy byudjetga qoʻshimcha daromad',
      'Every new plant means, above all, jobs for our fellow citizens and extra revenue for the local budget',
    ),
    bi(
      'Investorlarga yer ajratishdan tortib muhandislik tarmoqlariga ulashgacha har tomonlama koʻmak berishda davom etamiz',
      'We will continue to give investors all-round support, from allocating land to connecting them to utilities',
    ),
  ]);
  g.chance(0.4); // authors
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline,
    lead: bi(
      `${place.uz} ${C.uz.nom} investori ishtirokida tashkil etilgan ${P.uz} ishlab chiqarish korxonasi foydalanishga topshirildi.`,
      `A plant producing ${P.en}, set up with an investor from ${C.en}, has been commissioned in ${place.en}.`,
    ),
    paragraphs: [
      bi(
        `${place.uz} ${P.uz} ishlab chiqaradigan yangi korxonaning ishga tushirilish marosimi boʻlib oʻtdi. Loyiha ${C.uz.nom} investori bilan hamkorlikda amalga oshirildi.`,
        `A ceremony was held in ${place.en} to launch a new plant producing ${P.en}. The project was carried out jointly with an investor from ${C.en}.`,
      ),
      bi(
        `Loyihaning umumiy qiymati ${cost} mln dollarni tashkil etdi, shundan ${fdi} foizi — toʻgʻridan-toʻgʻri xorijiy investitsiyalar. Korxonaning ishlab chiqarish quvvati — yiliga ${capacity.uz}.`,
        `The project cost $${cost} million, ${fdi}% of it foreign direct investment. The plant can produce ${capacity.en} a year.`,
      ),
      bi(
        `Korxonada ${jobs} ta ish oʻrni yaratildi. Xodimlarning aksariyati — bevosita ishlab chiqarishda oʻqitilgan yaqin atrofdagi mahallalar aholisi.`,
        `The plant has created ${en(jobs)} jobs. Most of the staff are residents of nearby mahallas who were trained on site.`,
      ),
      bi(
        `Mahsulotning ${about === 'about' ? `qariyb ${share} foizini` : `${share} foizdan ortigʻini`} ${markets.uz} eksport qilish rejalashtirilgan, qolgan qismi ichki bozorga yetkazib beriladi.`,
        `${about === 'about' ? 'About' : 'More than'} ${share}% of output is to be exported to ${markets.en}, with the rest supplied to the domestic market.`,
      ),
      bi(`«${quote.uz}», — dedi marosimda ${R.head.uz.nom}.`, `“${quote.en},” ${R.head.en} said at the ceremony.`),
    ],
    imageCaption: bi(`${D.uz.loc}gi yangi korxona sexi`, `A workshop of the new plant in ${D.en}`),
  };
};

const BIG_PARTNERS = ['Китай', 'Россия', 'Турция', 'Южная Корея', 'ОАЭ', 'Саудовская Аравия', 'Казахстан'];

const trInterGovCommission: Mirror = (g) => {
  const c = g.pick(PARTNERS);
  const C = country(c);
  const home = g.chance(0.5);
  const P = home ? TASHKENT : C.capital;
  const next = home ? C.capital : TASHKENT;
  const big = BIG_PARTNERS.includes(c.name.nom);
  const portfolio = usdBi(big ? g.decNum(1.2, 9.6) : g.decNum(0.2, 2.4));
  const [a1, a2, a3] = g.pickN(COOPERATION_AREAS, 3).map(area) as [Bi, Bi, Bi];
  const headline = g.pick([
    bi(`Oʻzbekiston va ${C.uz.nom} hukumatlararo komissiya yakunlari boʻyicha ${portfolio.uz}lik bitimlar imzoladi`, `Uzbekistan and ${C.en} sign ${portfolio.en} in deals at intergovernmental commission`),
    bi(`Oʻzbekiston va ${C.uz.nom} hukumatlararo komissiyasi ${portfolio.uz}lik loyihalar portfelini maʼqulladi`, `Uzbek-${C.adj} intergovernmental commission approves ${portfolio.en} project portfolio`),
  ]);
  const chair = g.pick([
    bi('Investitsiyalar, sanoat va savdo vaziri', 'the Minister of Investment, Industry and Trade'),
    bi('Bosh vazir oʻrinbosari', 'a Deputy Prime Minister'),
    bi('Iqtisodiyot va moliya vaziri', 'the Minister of Economy and Finance'),
  ]);
  const deals = g.count(4, 28);
  const sectors = joinBi(
    g.pickN(
      [
        bi('energetika', 'energy'),
        bi('togʻ-kon sanoati', 'mining'),
        bi('kimyo sanoati', 'chemicals'),
        bi('agrosanoat majmuasi', 'agribusiness'),
        bi('farmatsevtika', 'pharmaceuticals'),
        bi('transport infratuzilmasi', 'transport infrastructure'),
        bi('toʻqimachilik sanoati', 'textiles'),
      ],
      3,
    ),
  );
  const trade = usdBi(big ? g.decNum(1.5, 12) : g.decNum(0.1, 1.2));
  return {
    city: bi(P.uz.nom, P.en),
    headline,
    lead: bi(
      `Hukumatlararo komissiya yigʻilishi yakunlari boʻyicha Oʻzbekiston va ${C.uz.nom} umumiy qiymati ${portfolio.uz} boʻlgan qoʻshma loyihalarni amalga oshirish toʻgʻrisidagi hujjatlarni imzoladi.`,
      `Following a meeting of their intergovernmental commission, Uzbekistan and ${C.en} signed documents on joint projects worth ${portfolio.en}.`,
    ),
    paragraphs: [
      bi(
        `${P.uz.loc} Oʻzbekiston va ${C.uz.nom} oʻrtasidagi savdo-iqtisodiy hamkorlik boʻyicha hukumatlararo komissiyaning navbatdagi yigʻilishi boʻlib oʻtdi. Komissiyaning Oʻzbekiston qismiga ${chair.uz} rahbarlik qildi.`,
        `The intergovernmental commission on trade and economic cooperation between Uzbekistan and ${C.en} met in ${P.en}. The Uzbek side was led by ${chair.en}.`,
      ),
      bi(
        `Tomonlar oldingi yigʻilish qarorlarining bajarilishini koʻrib chiqib, ${a1.uz}, ${a2.uz} va ${a3.uz} sohalaridagi hamkorlik istiqbollarini muhokama qildi.`,
        `The sides reviewed the implementation of decisions taken at the previous meeting and discussed prospects for cooperation in ${a1.en}, ${a2.en} and ${a3.en}.`,
      ),
      bi(
        `Yigʻilish yakunida bayonnoma, shuningdek, ikki mamlakat kompaniyalari oʻrtasida ${deals} ta bitim imzolandi. Qoʻshma loyihalar portfeli ${portfolio.uz}ga baholanmoqda va ${sectors.uz}ni qamrab oladi.`,
        `The meeting ended with the signing of a protocol and ${enN(deals)} agreements between companies of the two countries. The portfolio of joint projects, valued at ${portfolio.en}, covers ${sectors.en}.`,
      ),
      bi(
        `Statistika agentligi maʼlumotlariga koʻra, oʻtgan yil yakunlari boʻyicha ikki mamlakat oʻrtasidagi tovar aylanmasi ${trade.uz}ni tashkil etdi. Tomonlar yaqin yillarda ushbu koʻrsatkichni sezilarli darajada oshirish vazifasini qoʻydi.`,
        `According to the Statistics Agency, trade between the two countries amounted to ${trade.en} last year. The sides aim to increase it significantly in the coming years.`,
      ),
      bi(`Komissiyaning navbatdagi yigʻilishini ${next.uz.loc} oʻtkazishga qaror qilindi.`, `The next meeting of the commission will be held in ${next.en}.`),
    ],
    imageCaption: bi(`Oʻzbekiston va ${C.uz.nom} hukumatlararo komissiyasining yigʻilishi`, `Meeting of the intergovernmental commission of Uzbekistan and ${C.en}`),
  };
};

const trCentralBankRate: Mirror = (g) => {
  const keep = g.chance(0.5);
  const rate = g.pick([13, 13.5, 14, 14.5, 15]);
  const R = bi(fmtDec(keep ? rate : rate - 0.5), fmtDecEn(keep ? rate : rate - 0.5));
  const infl = keep ? g.dec(8.4, 10.5) : g.dec(7.1, 8.9);
  const decision = keep
    ? bi(`asosiy stavkani yillik ${R.uz} foiz darajasida saqlab qolish`, `keep its key rate at ${R.en}%`)
    : bi(`asosiy stavkani 0,5 foiz punktga pasaytirib, yillik ${R.uz} foiz etib belgilash`, `cut its key rate by 0.5 percentage points to ${R.en}%`);
  const core = g.dec(6.2, 8.9);
  const horizon = g.pick([bi('oʻrta muddatli istiqbolda', 'over the medium term'), bi('yaqin bir yarim yil ichida', 'over the next eighteen months')]);
  return {
    city: dateline('Ташкент'),
    headline: keep
      ? bi(`Oʻzbekiston Markaziy banki asosiy stavkani yillik ${R.uz} foiz darajasida saqlab qoldi`, `Central Bank of Uzbekistan keeps key rate at ${R.en}%`)
      : bi(`Oʻzbekiston Markaziy banki asosiy stavkani yillik ${R.uz} foizgacha pasaytirdi`, `Central Bank of Uzbekistan cuts key rate to ${R.en}%`),
    lead: bi(
      `Oʻzbekiston Markaziy banki Boshqaruvi ${decision.uz} toʻgʻrisida qaror qabul qildi, — deya xabar beradi regulyator matbuot xizmati.`,
      `The Board of the Central Bank of Uzbekistan has decided to ${decision.en}, the regulator’s press service said.`,
    ),
    paragraphs: [
      bi(
        `Oʻzbekiston Respublikasi Markaziy banki Boshqaruvi pul-kredit siyosati masalalari boʻyicha navbatdagi yigʻilishida ${decision.uz} toʻgʻrisida qaror qabul qildi.`,
        `At its regular monetary policy meeting, the Board of the Central Bank of the Republic of Uzbekistan decided to ${decision.en}.`,
      ),
      bi(
        `Regulyator xabariga koʻra, oʻtgan oy yakunlari boʻyicha yillik inflyatsiya ${keep ? `${infl} foizni tashkil etdi` : `${infl} foizgacha sekinlashdi`}, bazaviy inflyatsiya esa ${core} foiz boʻldi.`,
        `Annual inflation ${keep ? 'stood at' : 'slowed to'} ${en(infl)}% last month, with core inflation at ${en(core)}%, the regulator said.`,
      ),
      keep
        ? bi(
            'Stavkani saqlab qolish toʻgʻrisidagi qaror ichki talab tomonidan bosimning saqlanib qolayotgani hamda aholi va biznesning inflyatsion kutilmalari yuqoriligi bilan izohlanadi.',
            'The decision to hold the rate reflects continued pressure from domestic demand and elevated inflation expectations among households and businesses.',
          )
        : bi(
            'Stavkani pasaytirish inflyatsiyaning barqaror sekinlashishi, milliy valyutaga ishonchning mustahkamlanishi va inflyatsion kutilmalarning pasayishi tufayli mumkin boʻldi.',
            'The cut was made possible by a sustained slowdown in inflation, greater confidence in the national currency and lower inflation expectations.',
          ),
      bi(
        `Markaziy bank prognoziga koʻra, ${horizon.uz} inflyatsiya asta-sekin 5 foizlik maqsadli koʻrsatkich tomon pasayib boradi.`,
        `The Central Bank expects inflation to decline gradually towards its 5% target ${horizon.en}.`,
      ),
      bi(
        'Boshqaruvning pul-kredit siyosati masalalari boʻyicha navbatdagi yigʻilishi olti haftadan soʻng oʻtkaziladi.',
        'The Board’s next monetary policy meeting is scheduled in six weeks.',
      ),
    ],
    imageCaption: bi('Oʻzbekiston Respublikasi Markaziy banki binosi', 'The building of the Central Bank of the Republic of Uzbekistan'),
  };
};

export const ECONOMY_MIRRORS: [StoryTemplate, Mirror][] = [
  [foreignTrade, trForeignTrade],
  [exportGrowth, trExportGrowth],
  [newPlant, trNewPlant],
  [interGovCommission, trInterGovCommission],
  [centralBankRate, trCentralBankRate],
];
