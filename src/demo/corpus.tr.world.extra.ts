// Uzbek and English mirrors of the world desk templates (corpus.world.ts), part two.
import { cap, fmtInt, type StoryTemplate } from './corpus.gen.js';
import { centralAsiaPlus, commodityPrices, fmCouncil, gaResolution, iloMigration, railwayCKU, workerQuota, CA_HOSTS, RECRUITING } from './corpus.world.js';
import { CA_PLUS, COMMODITIES, FM_COUNCILS, GA_RESOLUTIONS } from './corpus.world.data.js';
import { bi, en, enN, joinEn, joinUz, uzForms, type Mirror } from './corpus.tr.gen.js';
import { caPartner, commodity, commodityReasons, fmCouncil as fmCouncilTr, gaResolution as gaTr } from './corpus.tr.world.data.js';
import { city, country, dateline, sector } from './corpus.tr.slots.js';

const trCentralAsiaPlus: Mirror = (g) => {
  const p = g.pick(CA_PLUS);
  const P = caPartner(p.nom);
  const at = city(g.chance(0.5) ? p.city : g.pick(CA_HOSTS).city);
  const headline = g.pick([
    bi(`${at.uz.loc} «Markaziy Osiyo + ${P.uz}» formatidagi tashqi ishlar vazirlari uchrashuvi boʻlib oʻtdi`, `“Central Asia + ${P.fmt}” foreign ministers meet in ${at.en}`),
    bi(
      `Markaziy Osiyo davlatlari va ${P.uz} vazirlari ${at.uz.loc} transport bogʻlanishini kengaytirishni muhokama qildi`,
      `Ministers of Central Asia and ${P.en} discuss transport connectivity in ${at.en}`,
    ),
  ]);
  const topics = g.pickN(
    [
      bi('savdo-iqtisodiy hamkorlikni kengaytirish', 'expanding trade and economic cooperation'),
      bi('transport yoʻlaklarini rivojlantirish', 'developing transport corridors'),
      bi('energetika xavfsizligi', 'energy security'),
      bi('taʼlim va fan sohasidagi hamkorlik', 'cooperation in education and science'),
      bi('iqlim oʻzgarishiga qarshi kurash', 'tackling climate change'),
    ],
    3,
  );
  const trend = g.pick([bi('barqaror oʻsib borayotgani', 'grown steadily'), bi('bir yarim baravardan koʻproq oshgani', 'increased more than one and a half times')]);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `Markaziy Osiyo davlatlari va ${P.uz} tashqi ishlar vazirlari ${at.uz.loc} uchrashib, savdo, transport yoʻlaklari va energetika xavfsizligi masalalarini muhokama qildi.`,
      `The foreign ministers of the Central Asian countries and ${P.en} met in ${at.en} to discuss trade, transport corridors and energy security.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} «Markaziy Osiyo + ${P.uz}» formatidagi tashqi ishlar vazirlarining navbatdagi uchrashuvi boʻlib oʻtdi. Oʻzbekiston delegatsiyasiga respublika tashqi ishlar vaziri rahbarlik qildi.`,
        `The latest meeting of foreign ministers in the “Central Asia + ${P.fmt}” format took place in ${at.en}. The Uzbek delegation was led by the country’s foreign minister.`,
      ),
      bi(
        `Tomonlar ${joinUz(topics.slice(0, -1).map((t) => t.uz).concat(uzForms(topics[topics.length - 1]!.uz).acc))} muhokama qildi.`,
        `The sides discussed ${joinEn(topics.map((t) => t.en))}.`,
      ),
      bi(
        `Mintaqa davlatlarining ${P.uz} bilan tovar aylanmasi soʻnggi yillarda ${trend.uz} qayd etildi.`,
        `It was noted that the region’s trade with ${P.en} has ${trend.en} in recent years.`,
      ),
      bi(
        'Uchrashuv yakunlari boʻyicha qoʻshma bayonot qabul qilindi. Ushbu formatdagi navbatdagi uchrashuvni kelgusi yilda oʻtkazishga kelishib olindi.',
        'The meeting adopted a joint statement. The next meeting in this format is to be held next year.',
      ),
    ],
  };
};

const trIloMigration: Mirror = (g) => {
  const n = g.int(162, 184);
  const women = g.dec(38, 44);
  const headline = g.pick([
    bi(`XMT: dunyodagi mehnat migrantlari soni ${n} mln kishiga yetdi`, `ILO: number of migrant workers worldwide reaches ${n} million`),
    bi(`XMT: dunyodagi mehnat migrantlarining ${women} foizini ayollar tashkil etadi`, `ILO: women make up ${en(women)}% of the world’s migrant workers`),
  ]);
  const share = g.dec(4.5, 5.2);
  const need = g.pick([
    bi('uyushgan yollash mexanizmlarini kengaytirish', 'expand organised recruitment'),
    bi('mezbon mamlakatlarda migrantlar malakasini tan olish', 'recognise migrants’ qualifications in destination countries'),
    bi('migrantlarning ijtimoiy himoyadan foydalanishini taʼminlash', 'ensure migrants’ access to social protection'),
  ]);
  return {
    city: dateline('Женева'),
    headline,
    lead: bi(
      `Xalqaro mehnat tashkiloti yangi global baho eʼlon qildi, unga koʻra dunyodagi mehnat migrantlari soni ${n} mln kishiga yetgan.`,
      `The International Labour Organization has published a new global estimate putting the number of migrant workers worldwide at ${n} million.`,
    ),
    paragraphs: [
      bi(
        'Xalqaro mehnat tashkiloti (XMT) mehnat migrantlari sonining global bahosini eʼlon qildi, — deya xabar beradi agentlikning Jenevadagi muxbiri.',
        'The International Labour Organization (ILO) has published a global estimate of the number of migrant workers, the agency’s correspondent in Geneva reports.',
      ),
      bi(
        `Maʼruzaga koʻra, dunyodagi mehnat migrantlari soni ${n} mln kishiga yetgan, bu jahon ishchi kuchining qariyb ${share} foizini tashkil etadi. Ularning ${women} foizi ayollardir.`,
        `According to the report, there are ${n} million migrant workers worldwide, about ${en(share)}% of the global workforce. Women account for ${en(women)}% of them.`,
      ),
      bi(
        `Mehnat migrantlarining aksariyati xizmat koʻrsatish, qurilish va qishloq xoʻjaligida band. XMT ekspertlari ${need.uz} zarurligini taʼkidlamoqda.`,
        `Most migrant workers are employed in services, construction and agriculture. ILO experts stress the need to ${need.en}.`,
      ),
      bi(
        'Oʻzbekiston XMT bilan Munosib mehnat boʻyicha mamlakat dasturi doirasida hamkorlik qilmoqda. Tashkilot koʻmagida mamlakatda xavfsiz mehnat standartlari va mehnat migrantlari huquqlarini himoya qilish mexanizmlari joriy etilmoqda.',
        'Uzbekistan cooperates with the ILO under a Decent Work Country Programme. With the organisation’s support, the country is introducing occupational safety standards and mechanisms to protect the rights of migrant workers.',
      ),
    ],
  };
};

const trRailwayCKU: Mirror = (g) => {
  const works = g.pick([
    bi('tunnel qurish ishlari', 'tunnelling work'),
    bi('koʻpriklar qurish ishlari', 'work on bridges'),
    bi('togʻli uchastkadagi ishlar', 'work on the mountain section'),
    bi('birinchi uchastkada relslar yotqizish', 'track-laying on the first section'),
  ]);
  const line = bi('Xitoy — Qirgʻiziston — Oʻzbekiston temir yoʻli', 'China–Kyrgyzstan–Uzbekistan railway');
  const headline = g.pick([
    bi(`${line.uz} qurilishida ${works.uz} boshlandi`, `${cap(works.en)} begins on ${line.en}`),
    bi(`${line.uz} loyihasi ishtirokchilari qurilish borishini muhokama qildi`, `Partners in ${line.en} project review construction progress`),
  ]);
  const days = g.int(5, 8);
  const staff = g.round(3000, 9000, 100);
  const machines = g.round(300, 900, 10);
  const transport = sector('transport').ministry;
  return {
    city: dateline('Бишкек'),
    headline,
    lead: bi(
      `${line.uz}ning Qirgʻiziston qismida ${works.uz} boshlandi, — deya xabar bermoqda loyiha ishtirokchilari.`,
      `${cap(works.en)} has begun on the Kyrgyz section of the ${line.en}, the project partners said.`,
    ),
    paragraphs: [
      bi(
        `${line.uz}ning Qirgʻiziston qismida ${works.uz} boshlandi. Bu haqda uch davlat vakillari ishtirokidagi ishchi guruhning navbatdagi yigʻilishida maʼlum qilindi.`,
        `${cap(works.en)} has begun on the Kyrgyz section of the ${line.en}. This was announced at a meeting of the working group with representatives of the three countries.`,
      ),
      bi(
        `Magistralning uzunligi 500 kilometrdan oshadi. Uning qurilishi yuklarni Xitoydan Markaziy Osiyo mamlakatlariga va undan keyin Yevropa hamda Yaqin Sharqqa yetkazish yoʻlini qisqartiradi, yetkazib berish muddatlari esa ${days} sutkaga qisqaradi.`,
        `The line will be more than 500 km long. It will shorten the route for goods from China to Central Asia and on to Europe and the Middle East, cutting delivery times by ${enN(days)} days.`,
      ),
      bi(
        `Qurilishda ${fmtInt(staff)} nafardan ortiq mutaxassis va ${machines} birlikka yaqin texnika jalb qilingan.`,
        `More than ${en(staff)} specialists and about ${machines} machines are working on the project.`,
      ),
      bi(
        `Oʻzbekiston ${transport.uz.loc} taʼkidlanishicha, yangi magistral Sharqiy Osiyoni Yevropa va Yaqin Sharq bilan bogʻlovchi transport yoʻlagining muhim qismiga aylanadi.`,
        `Uzbekistan’s Ministry of Transport said the new line would become an important part of the transport corridor linking East Asia with Europe and the Middle East.`,
      ),
    ],
  };
};

const trCommodityPrices: Mirror = (g) => {
  const c = g.pick(COMMODITIES);
  const C = commodity(c);
  const up = g.chance(0.5);
  const p = g.dec(0.6, 4.8);
  const price = C.price(g.int(c.min, c.max));
  const verb = up ? bi('oshdi', 'rose') : bi('pasaydi', 'fell');
  const reason = g.pick(commodityReasons(c));
  const outlook = g.pick([
    bi('bozordagi beqarorlik saqlanib qolishini', 'volatility to persist'),
    bi('narxlar tor diapazonda tebranishini', 'prices to move in a narrow range'),
  ]);
  const at = city(c.city);
  return {
    city: bi(at.uz.nom, at.en),
    headline: bi(
      `Jahon bozorida ${C.name.uz} narxi hafta yakunlariga koʻra ${p} foizga ${verb.uz}`,
      `World ${C.name.en} prices ${up ? 'rise' : 'fall'} ${en(p)}% over the week`,
    ),
    lead: bi(
      `${cap(C.exchange.uz.loc)} ${C.name.uz} narxi hafta yakunlariga koʻra ${p} foizga ${verb.uz} va ${price.uz}ni tashkil etdi.`,
      `The price of ${C.name.en} on ${C.exchange.en} ${verb.en} ${en(p)}% over the week, closing at ${price.en}.`,
    ),
    paragraphs: [
      bi(
        `Savdo haftasi yakunlariga koʻra ${C.exchange.uz.loc} ${C.name.uz} narxi ${p} foizga ${verb.uz} va ${price.uz}ni tashkil etdi.`,
        `At the end of the trading week, ${C.name.en} prices on ${C.exchange.en} had ${up ? 'risen' : 'fallen'} ${en(p)}% to ${price.en}.`,
      ),
      bi(`Tahlilchilar narxlar dinamikasini ${reason.uz} bilan bogʻlamoqda.`, `Analysts attribute the move to ${reason.en}.`),
      C.note,
      bi(`Ekspertlar yaqin haftalarda ${outlook.uz} kutmoqda.`, `Experts expect ${outlook.en} in the coming weeks.`),
    ],
  };
};

const trGaResolution: Mirror = (g) => {
  const R = gaTr(g.pick(GA_RESOLUTIONS).about);
  const how = g.pick([bi('bir ovozdan', 'unanimously'), bi('konsensus asosida', 'by consensus')]);
  const adopted = how.en === 'unanimously' ? 'unanimously adopted' : 'adopted by consensus';
  const headline = g.pick([
    bi(`BMT Bosh Assambleyasi Oʻzbekistonning ${R.uzShort} toʻgʻrisidagi rezolyutsiyasini qabul qildi`, `UN General Assembly adopts Uzbek-drafted resolution on ${R.enShort}`),
    bi(`BMT Bosh Assambleyasi ${R.uzShort} boʻyicha Oʻzbekiston tashabbusini ${how.uz} maʼqulladi`, `UN General Assembly ${how.en === 'unanimously' ? 'unanimously backs' : 'backs'} Uzbekistan’s initiative on ${R.enShort}${how.en === 'unanimously' ? '' : ' by consensus'}`),
  ]);
  const cosponsors = g.round(40, 90, 5);
  const quote = g.pick([
    bi(
      'rezolyutsiyaning qabul qilinishi xalqaro hamjamiyat mamlakatimiz va butun mintaqa saʼy-harakatlarini eʼtirof etayotganini aks ettiradi',
      'The adoption of the resolution reflects the international community’s recognition of the efforts of our country and the whole region',
    ),
    bi(
      'hujjat BMT tizimi muassasalari ishtirokidagi aniq loyihalar uchun asos boʻlishiga ishonamiz',
      'We expect the document to become the basis for concrete projects involving UN agencies',
    ),
  ]);
  return {
    city: dateline('Нью-Йорк'),
    headline,
    lead: bi(
      `BMT Bosh Assambleyasi Oʻzbekiston tashabbusi bilan ishlab chiqilgan ${R.uz} toʻgʻrisidagi rezolyutsiyani ${how.uz} qabul qildi.`,
      `The UN General Assembly has ${adopted} a resolution on ${R.en}, drafted at Uzbekistan’s initiative.`,
    ),
    paragraphs: [
      bi(
        `BMT Bosh Assambleyasi yalpi majlisida Oʻzbekiston tashabbusi bilan ishlab chiqilgan ${R.uz} toʻgʻrisidagi rezolyutsiyani ${how.uz} qabul qildi, — deya xabar beradi agentlikning Nyu-Yorkdagi muxbiri.`,
        `At a plenary meeting, the UN General Assembly ${adopted} a resolution on ${R.en}, drafted at Uzbekistan’s initiative, the agency’s correspondent in New York reports.`,
      ),
      bi(`BMTga aʼzo ${cosponsors} tadan ortiq davlat rezolyutsiyaning hammualliflari boʻldi. ${R.detail.uz}`, `More than ${cosponsors} UN member states co-sponsored the text. ${R.detail.en}`),
      bi(`Oʻzbekistonning BMT huzuridagi doimiy vakili taʼkidlaganidek, «${quote.uz}».`, `“${quote.en},” Uzbekistan’s Permanent Representative to the UN said.`),
    ],
  };
};

const trWorkerQuota: Mirror = (g) => {
  const c = g.pick(RECRUITING);
  const C = country(c);
  const A = g.pick([
    bi('qishloq xoʻjaligi', 'agriculture'),
    bi('qurilish', 'construction'),
    bi('sogʻliqni saqlash', 'healthcare'),
    bi('mehmonxona biznesi', 'the hotel industry'),
    bi('qayta ishlash sanoati', 'manufacturing'),
  ]);
  const headline = g.pick([
    bi(`${C.uz.nom} Oʻzbekistondan mehnat migrantlarini qabul qilish kvotasini oshirdi`, `${C.En} raises quota for migrant workers from Uzbekistan`),
    bi(`${C.uz.nom} Oʻzbekiston fuqarolarini ${A.uz} sohasida ishga joylashtirishni soddalashtirdi`, `${C.En} makes it easier for Uzbek citizens to find work in ${A.en}`),
  ]);
  const n = g.int(3, 25);
  const test = g.pick([bi('malaka imtihoni', 'a qualification exam'), bi('tibbiy koʻrik', 'a medical examination')]);
  const terms = g.pick([
    bi('Ish beruvchilar ularni uy-joy va tibbiy sugʻurta bilan taʼminlaydi.', 'Employers provide them with housing and health insurance.'),
    bi('Ishchilarning ish haqi mezbon mamlakatdagi eng kam ish haqidan past boʻlmagan miqdorda belgilanadi.', 'Their wages are set at no less than the minimum wage in the host country.'),
  ]);
  const at = city(c.capital);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `${C.uz.nom} hukumati xorijiy ishchilarni qabul qilishni kengaytirishga qaror qildi, bu koʻproq Oʻzbekiston fuqarolariga uyushgan tarzda ishga ketish imkonini beradi.`,
      `The government of ${C.en} has decided to admit more foreign workers, allowing more Uzbek citizens to go to work there through organised recruitment.`,
    ),
    paragraphs: [
      bi(
        `${C.uz.nom} hukumati xorijiy ishchilarni, jumladan, Oʻzbekistondan kelgan ishchilarni qabul qilish kvotasini oshirishga qaror qildi, — deya xabar beradi Tashqi mehnat migratsiyasi agentligi.`,
        `The government of ${C.en} has decided to raise its quota for foreign workers, including those from Uzbekistan, the Agency for External Labour Migration reports.`,
      ),
      bi(
        `Agentlik maʼlumotlariga koʻra, bu yil ${C.uz.dat} uyushgan tarzda ${n} mingdan ortiq Oʻzbekiston fuqarosi ishga ketishi mumkin. ${cap(A.uz)} sohasidagi ishchilarga talab eng yuqori.`,
        `According to the agency, more than ${en(n * 1000)} Uzbek citizens will be able to go to ${C.en} through organised recruitment this year. Demand is highest for workers in ${A.en}.`,
      ),
      bi(
        `Nomzodlar Oʻzbekistonda til tayyorgarligidan va ${uzForms(test.uz).abl} oʻtadi. ${terms.uz}`,
        `Candidates take language training and ${test.en} in Uzbekistan. ${terms.en}`,
      ),
      bi(
        'Agentlik nomzodlarni tanlash bepul amalga oshirilishini, barcha boʻsh ish oʻrinlari esa idoraning rasmiy resurslarida eʼlon qilinishini eslatadi.',
        'The agency reminds applicants that selection is free of charge and that all vacancies are published on its official channels.',
      ),
    ],
  };
};

const trFmCouncil: Mirror = (g) => {
  const c = g.pick(FM_COUNCILS);
  const F = fmCouncilTr(c.short);
  const at = city(g.pick(c.hosts).city);
  const headline = g.pick([
    bi(`${at.uz.loc} ${F.uzShort} Tashqi ishlar vazirlari kengashining majlisi boʻlib oʻtdi`, `${F.enShort} Council of Foreign Ministers meets in ${at.en}`),
    bi(`${F.uzShort} davlatlari TIV rahbarlari ${at.uz.loc} mintaqaviy hamkorlikni muhokama qildi`, `${F.enShort} foreign ministers discuss regional cooperation in ${at.en}`),
  ]);
  const topics = g.pickN(
    [
      bi('mintaqaviy hamkorlik masalalari', 'regional cooperation'),
      bi('transport bogʻlanishini rivojlantirish', 'transport connectivity'),
      bi('yangi tahdid va xatarlarga qarshi kurashish', 'countering new challenges and threats'),
      bi('oziq-ovqat xavfsizligi sohasidagi hamkorlik', 'cooperation on food security'),
      bi('gumanitar aloqalar va yoshlar almashinuvi', 'cultural ties and youth exchanges'),
    ],
    3,
  );
  const speech = g.pick([
    bi('oziq-ovqat xavfsizligi sohasida hamkorlik dasturini ishlab chiqishni taklif qildi', 'proposed drawing up a programme of cooperation on food security'),
    bi('iqtisodiy sohada amaliy hamkorlikni kengaytirish tarafdori ekanini bildirdi', 'called for broader practical cooperation in the economy'),
    bi('hamkorlarni Toshkent xalqaro investitsiya forumida ishtirok etishga taklif qildi', 'invited partners to the Tashkent International Investment Forum'),
  ]);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `${at.uz.loc} ${F.uzFull} Tashqi ishlar vazirlari kengashining majlisi boʻlib oʻtdi, uning ishtirokchilari davlat rahbarlarining boʻlajak uchrashuviga tayyorgarlikni muhokama qildi.`,
      `The Council of Foreign Ministers of ${F.enFull} met in ${at.en} to discuss preparations for the upcoming summit of heads of state.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} ${F.uzFull} Tashqi ishlar vazirlari kengashining majlisi boʻlib oʻtdi. Oʻzbekiston delegatsiyasiga respublika tashqi ishlar vaziri rahbarlik qildi.`,
        `The Council of Foreign Ministers of ${F.enFull} met in ${at.en}. The Uzbek delegation was led by the country’s foreign minister.`,
      ),
      bi(
        `Ishtirokchilar ${joinUz(topics.slice(0, -1).map((t) => t.uz).concat(uzForms(topics[topics.length - 1]!.uz).acc))} muhokama qildi.`,
        `Participants discussed ${joinEn(topics.map((t) => t.en))}.`,
      ),
      bi(`Majlisda soʻzga chiqqan Oʻzbekiston tashqi ishlar vaziri ${speech.uz}.`, `Addressing the meeting, Uzbekistan’s foreign minister ${speech.en}.`),
      bi(
        'Majlis yakunlari boʻyicha bir qator hujjatlar imzolandi, davlat rahbarlarining boʻlajak uchrashuvi kun tartibi kelishib olindi.',
        'The meeting ended with the signing of several documents and agreement on the agenda for the upcoming summit.',
      ),
    ],
  };
};

export const WORLD_EXTRA_MIRRORS: [StoryTemplate, Mirror][] = [
  [centralAsiaPlus, trCentralAsiaPlus],
  [iloMigration, trIloMigration],
  [railwayCKU, trRailwayCKU],
  [commodityPrices, trCommodityPrices],
  [gaResolution, trGaResolution],
  [workerQuota, trWorkerQuota],
  [fmCouncil, trFmCouncil],
];
