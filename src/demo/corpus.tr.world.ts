// Uzbek and English mirrors of the world desk templates (corpus.world.ts), part one.
import { cap, type StoryTemplate } from './corpus.gen.js';
import { climateTalks, faoIndex, growthForecast, travelFair, unescoSession, whoReport } from './corpus.world.js';
import { CLIMATE_INITIATIVES, CLIMATE_TOPICS, CLIMATE_VENUES, TRAVEL_FAIRS, UNESCO_EVENTS, UNESCO_TOPICS, WHO_TOPICS } from './corpus.world.data.js';
import { bi, en, enN, joinBi, joinEn, joinUz, uzForms, type Mirror } from './corpus.tr.gen.js';
import { climateConference, climateInitiative, climateTopic, unescoEvent, unescoTopic, whoTopic } from './corpus.tr.world.data.js';
import { city, dateline } from './corpus.tr.slots.js';

const trWhoReport: Mirror = (g) => {
  const T = whoTopic(g.pick(WHO_TOPICS).dat);
  const headline = g.pick([
    bi(`JSST mamlakatlarni ${T.uz} boʻyicha choralarni kuchaytirishga chaqirdi`, `WHO urges countries to step up efforts on ${T.en}`),
    bi(`Jahon sogʻliqni saqlash tashkiloti ${T.uz} boʻyicha maʼruza eʼlon qildi`, `World Health Organization publishes report on ${T.en}`),
  ]);
  const fact = T.fact(g);
  const rec = g.pick([
    bi('tibbiyot kadrlarini tayyorlash', 'training medical staff'),
    bi('statistik hisobni takomillashtirish', 'improving statistical records'),
    bi('aholini xabardor qilish', 'informing the public'),
    bi('idoralararo hamkorlik', 'cooperation between agencies'),
  ]);
  const region = g.pick([
    bi('soʻnggi yillarda bu sohada sezilarli yutuqlarga erishdi', 'have made notable progress in this area in recent years'),
    bi('JSSTning mintaqaviy dasturlarida faol ishtirok etmoqda', 'are active participants in WHO regional programmes'),
  ]);
  const office = g.pick([
    bi('mamlakatlarga tavsiyalarni amalga oshirishda texnik yordam koʻrsatadi', 'will provide technical assistance to countries in implementing the recommendations'),
    bi('mintaqa sogʻliqni saqlash vazirliklari bilan bir qator maslahatlashuvlar oʻtkazadi', 'will hold a series of consultations with health ministries in the region'),
  ]);
  return {
    city: dateline('Женева'),
    headline,
    lead: bi(
      `Jahon sogʻliqni saqlash tashkiloti hukumatlarni ${T.uz} boʻyicha choralarni kuchaytirishga chaqirib, milliy sogʻliqni saqlash tizimlari uchun tavsiyalar eʼlon qildi.`,
      `The World Health Organization has urged governments to step up efforts on ${T.en} and published recommendations for national health systems.`,
    ),
    paragraphs: [
      bi(
        `Jahon sogʻliqni saqlash tashkiloti (JSST) hukumatlarni ${T.uz} boʻyicha choralarni kuchaytirishga chaqirgan maʼruza eʼlon qildi, — deya xabar beradi agentlikning Jenevadagi muxbiri.`,
        `The World Health Organization (WHO) has published a report urging governments to step up efforts on ${T.en}, the agency’s correspondent in Geneva reports.`,
      ),
      fact,
      bi(
        `Hujjatda milliy sogʻliqni saqlash tizimlari uchun tavsiyalar, jumladan, ${rec.uz} boʻyicha tavsiyalar berilgan.`,
        `The document contains recommendations for national health systems, including on ${rec.en}.`,
      ),
      bi(
        `Maʼruzada qayd etilishicha, Markaziy Osiyo davlatlari ${region.uz}. Faoliyat hududiga Oʻzbekiston ham kiruvchi JSST Yevropa mintaqaviy byurosi ${office.uz}.`,
        `The report notes that Central Asian countries ${region.en}. The WHO Regional Office for Europe, which covers Uzbekistan, ${office.en}.`,
      ),
    ],
  };
};

const trFaoIndex: Mirror = (g) => {
  const up = g.chance(0.5);
  const p = g.dec(0.4, 3.8);
  const drivers = joinBi(
    g.pickN([bi('oʻsimlik moylari', 'vegetable oils'), bi('sut mahsulotlari', 'dairy products'), bi('shakar', 'sugar'), bi('goʻsht', 'meat'), bi('don mahsulotlari', 'cereals')], 2),
  );
  const verb = up ? bi('oshdi', 'rose') : bi('pasaydi', 'fell');
  const why = up ? bi('qimmatlashgani', 'higher') : bi('arzonlashgani', 'lower');
  const headline = g.pick([
    bi(`FAO oziq-ovqat narxlari indeksi bir oyda ${p} foizga ${verb.uz}`, `FAO Food Price Index ${up ? 'rises' : 'falls'} ${en(p)}% in a month`),
    bi(`FAO: jahon oziq-ovqat narxlari bir oyda ${p} foizga ${verb.uz}`, `FAO: world food prices ${up ? 'up' : 'down'} ${en(p)}% in a month`),
  ]);
  const points = g.dec(115, 135);
  const cereal = g.pick([bi('oshdi', 'rose'), bi('pasaydi', 'fell')]);
  const cerealBy = g.dec(0.3, 2.9);
  const amid = g.pick([
    bi('asosiy ishlab chiqaruvchi mamlakatlarda hosil istiqbollari yaxshiligi', 'good harvest prospects in the main producing countries'),
    bi('yirik importchilar talabining oʻzgarishi', 'shifting demand from major importers'),
    bi('valyuta kurslarining tebranishi', 'currency fluctuations'),
  ]);
  return {
    city: dateline('Рим'),
    headline,
    lead: bi(
      `FAO oziq-ovqat narxlari indeksi oʻtgan oy yakunlariga koʻra ${p} foizga ${verb.uz}, bunga asosan ${drivers.uz} ${why.uz} sabab boʻldi.`,
      `The FAO Food Price Index ${verb.en} ${en(p)}% last month, driven mainly by ${why.en} prices for ${drivers.en}.`,
    ),
    paragraphs: [
      bi(
        `BMTning Oziq-ovqat va qishloq xoʻjaligi tashkiloti (FAO) oziq-ovqat narxlari indeksi oʻtgan oy yakunlariga koʻra ${p} foizga ${verb.uz} va ${points} punktni tashkil etdi.`,
        `The Food Price Index of the Food and Agriculture Organization of the United Nations (FAO) ${verb.en} ${en(p)}% last month to ${en(points)} points.`,
      ),
      bi(
        `${up ? 'Oʻsishga' : 'Pasayishga'} birinchi navbatda ${drivers.uz} ${why.uz} sabab boʻldi. Don mahsulotlari narxlari indeksi ${amid.uz} fonida ${cerealBy} foizga ${cereal.uz}.`,
        `The ${up ? 'rise' : 'decline'} was driven mainly by ${why.en} prices for ${drivers.en}. The cereal price index ${cereal.en} ${en(cerealBy)}% amid ${amid.en}.`,
      ),
      bi(
        'FAO indeksni har oy oziq-ovqat mahsulotlarining asosiy guruhlari boʻyicha xalqaro narxlar asosida hisoblab boradi. Maʼruzaning navbatdagi soni kelgusi oy boshida eʼlon qilinadi.',
        'FAO calculates the index every month from international prices for the main groups of food commodities. The next update is due early next month.',
      ),
    ],
  };
};

const FORECAST_ORGS: Record<string, [string, string, string, string]> = {
  wb: ['Jahon banki', 'Jahon banki', 'the World Bank', 'World Bank'],
  adb: ['Osiyo taraqqiyot banki', 'OTB', 'the Asian Development Bank', 'ADB'],
  ebrd: ['Yevropa tiklanish va taraqqiyot banki', 'YTTB', 'the European Bank for Reconstruction and Development', 'EBRD'],
};
const ORG_CITY: Record<string, string> = { wb: 'Вашингтон', adb: 'Манила', ebrd: 'Лондон' };

const trGrowthForecast: Mirror = (g) => {
  const key = g.pick(['wb', 'adb', 'ebrd']);
  const [nameUz, shortUz, nameEn, shortEn] = FORECAST_ORGS[key]!;
  const raised = g.chance(0.6);
  const p = g.dec(5.1, 6.9);
  const ca = g.dec(4.1, 5.6);
  const headline = g.pick([
    raised
      ? bi(`${shortUz} Oʻzbekiston iqtisodiyotining oʻsish prognozini ${p} foizgacha oshirdi`, `${shortEn} raises Uzbekistan growth forecast to ${en(p)}%`)
      : bi(`${shortUz} Oʻzbekiston iqtisodiyotining oʻsish prognozini ${p} foiz darajasida saqlab qoldi`, `${shortEn} keeps Uzbekistan growth forecast at ${en(p)}%`),
    bi(`${shortUz}: bu yil Markaziy Osiyo iqtisodiyoti ${ca} foizga oʻsadi`, `${shortEn}: Central Asian economies to grow ${en(ca)}% this year`),
  ]);
  const forecast = raised
    ? bi(`Oʻzbekiston yalpi ichki mahsulotining joriy yilgi oʻsish prognozini ${p} foizgacha oshirdi`, `raised its forecast for Uzbekistan’s GDP growth this year to ${en(p)}%`)
    : bi(`Oʻzbekiston yalpi ichki mahsulotining joriy yilgi oʻsish prognozini ${p} foiz darajasida saqlab qoldi`, `kept its forecast for Uzbekistan’s GDP growth this year at ${en(p)}%`);
  const cause = g.pick([
    bi('investitsiyalarning yuqori darajasi', 'high investment'),
    bi('xususiy isteʼmolning barqaror oʻsishi', 'steady growth in private consumption'),
    bi('eksport va pul oʻtkazmalarining oʻsishi', 'rising exports and remittances'),
  ]);
  const next = g.dec(5, 6.8);
  const drivers = joinBi(
    g.pickN(
      [
        bi('infratuzilmaga investitsiyalar', 'infrastructure investment'),
        bi('xususiy sektorning kengayishi', 'the expansion of the private sector'),
        bi('xizmatlar eksportining oʻsishi', 'growing exports of services'),
        bi('mehnat migrantlari pul oʻtkazmalarining koʻpayishi', 'higher remittances from migrant workers'),
      ],
      2,
    ),
  );
  const fastest = g.pickN([bi('Oʻzbekiston', 'Uzbekistan'), bi('Tojikiston', 'Tajikistan'), bi('Qirgʻiziston', 'Kyrgyzstan'), bi('Qozogʻiston', 'Kazakhstan')], 2);
  const risk = g.pick([
    bi('asosiy savdo hamkorlarida oʻsishning sekinlashishi', 'slower growth among major trading partners'),
    bi('xomashyo tovarlari narxlarining beqarorligi', 'volatile commodity prices'),
    bi('iqlim oʻzgarishining qishloq xoʻjaligiga taʼsiri', 'the impact of climate change on agriculture'),
  ]);
  const advice = g.pick([
    bi('tarkibiy islohotlar va davlat aktivlarini xususiylashtirishni davom ettirishni', 'press ahead with structural reforms and the privatisation of state assets'),
    bi('inson kapitali va raqamli infratuzilmaga investitsiya kiritishni', 'invest in human capital and digital infrastructure'),
  ]);
  const at = city(ORG_CITY[key]!);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(`${nameUz} ${cause.uz}ni inobatga olib, ${forecast.uz}.`, `${cap(nameEn)} has ${forecast.en}, citing ${cause.en}.`),
    paragraphs: [
      bi(
        `${nameUz} yangilangan mintaqaviy iqtisodiy maʼruzasini eʼlon qilib, unda ${forecast.uz}.`,
        `${cap(nameEn)} has published an updated regional economic report in which it ${forecast.en}.`,
      ),
      bi(
        `Hujjatga koʻra, kelgusi yilda mamlakat iqtisodiyoti ${next} foizga oʻsadi. ${cap(drivers.uz)} oʻsish omillari sifatida koʻrsatilgan.`,
        `The report expects the economy to grow by ${en(next)}% next year, driven by ${drivers.en}.`,
      ),
      bi(
        `Bank ekspertlari baholashicha, umuman Markaziy Osiyo iqtisodiyoti ${ca} foizga oʻsadi. Eng yuqori oʻsish surʼatlari ${joinUz([fastest[0]!.uz, uzForms(fastest[1]!.uz).loc])} kutilmoqda.`,
        `The bank’s experts expect Central Asia as a whole to grow by ${en(ca)}%, with the fastest growth in ${joinEn(fastest.map((x) => x.en))}.`,
      ),
      bi(
        `Maʼruzada ${risk.uz} asosiy xatar sifatida koʻrsatilgan. Ekspertlar mintaqa davlatlariga ${advice.uz} tavsiya qilmoqda.`,
        `The report names ${risk.en} as the main risk. The experts advise the region’s countries to ${advice.en}.`,
      ),
    ],
  };
};

const trUnescoSession: Mirror = (g) => {
  const E = unescoEvent(g.pick(UNESCO_EVENTS).nom);
  const t = g.pick(UNESCO_TOPICS);
  const T = unescoTopic(t.acc);
  const headline = g.pick([
    bi(`Parijda ${E.uz.loc} ${T.uz.nom} masalasi muhokama qilindi`, `${E.short} in Paris discusses ${T.en}`),
    bi(`Parijdagi ${E.uz.nom} ishtirokchilari ${T.uz.acc} muhokama qildi`, `Delegates at ${E.short} in Paris discuss ${T.en}`),
  ]);
  const states = g.round(60, 180, 10);
  const uzb = g.pick([
    bi('Samarqand, Buxoro va Xiva tarixiy markazlarini asrash boʻyicha mamlakat tajribasini taqdim etdi', 'presented the country’s experience in preserving the historic centres of Samarkand, Bukhara and Khiva'),
    bi('Toshkentdagi Islom sivilizatsiyasi markazi faoliyati haqida soʻzlab berdi', 'spoke about the work of the Centre for Islamic Civilisation in Tashkent'),
    bi('YUNESKOning sohaviy tadbirlaridan birini Samarqandda oʻtkazish taklifi bilan chiqdi', 'proposed holding one of UNESCO’s specialised events in Samarkand'),
  ]);
  return {
    city: dateline('Париж'),
    headline,
    lead: bi(
      `Parijdagi YUNESKO shtab-kvartirasida ${E.uz.nom} boʻlib oʻtmoqda, uning ishtirokchilari ${T.uz.acc} muhokama qilmoqda.`,
      `${cap(E.en)} is under way at UNESCO headquarters in Paris, with participants discussing ${T.en}.`,
    ),
    paragraphs: [
      bi(
        `Parijdagi YUNESKO shtab-kvartirasida ${E.uz.nom} boʻlib oʻtmoqda. Tadbirda ${states} tadan ortiq davlat delegatsiyalari ishtirok etmoqda, — deya xabar beradi agentlik muxbiri.`,
        `${cap(E.en)} is under way at UNESCO headquarters in Paris, attended by delegations from more than ${states} countries, the agency’s correspondent reports.`,
      ),
      bi(`Ishtirokchilar ${T.uz.acc} muhokama qilmoqda. ${T.detail.uz}`, `Participants are discussing ${T.en}. ${T.detail.en}`),
      bi(`Oʻzbekiston delegatsiyasi ${uzb.uz}.`, `The Uzbek delegation ${uzb.en}.`),
      t.tag === 'kultura'
        ? bi(
            'Eslatib oʻtamiz, YUNESKOning Butunjahon merosi roʻyxatiga, xususan, Buxoro, Shahrisabz va Samarqandning tarixiy markazlari, shuningdek, Xivadagi Ichan qalʼa kiritilgan.',
            'The UNESCO World Heritage List includes the historic centres of Bukhara, Shakhrisabz and Samarkand and Itchan Kala in Khiva.',
          )
        : bi(
            'Oʻzbekiston mustaqillikning ilk yillaridan buyon YUNESKO aʼzosi hisoblanadi. Mamlakatda taʼlim, fan va madaniyat sohalaridagi qoʻshma loyihalarni muvofiqlashtiruvchi YUNESKO ishlari boʻyicha Milliy komissiya faoliyat yuritadi.',
            'Uzbekistan has been a member of UNESCO since the first years of its independence. A National Commission for UNESCO coordinates joint projects in education, science and culture.',
          ),
    ],
  };
};

const trClimateTalks: Mirror = (g) => {
  const v = g.pick(CLIMATE_VENUES);
  const at = city(v.city);
  const conf = climateConference(v.city);
  const topic = climateTopic(g.pick(CLIMATE_TOPICS));
  const init = climateInitiative(g.pick(CLIMATE_INITIATIVES));
  const headline = g.pick([
    bi(`${at.uz.loc}gi iqlim uchrashuvi ishtirokchilari ${topic.uz.acc} muhokama qildi`, `Climate meeting in ${at.en} discusses ${topic.en}`),
    bi(`Oʻzbekiston ${at.uz.loc} ${init.uz} boʻyicha tashabbuslarni taqdim etdi`, `Uzbekistan presents initiatives on ${init.en} in ${at.en}`),
  ]);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `${at.uz.loc} ${conf.uz} boʻlib oʻtmoqda, unda Oʻzbekiston delegatsiyasi ${init.uz} boʻyicha tashabbuslarni taqdim etdi.`,
      `${cap(conf.en)} is under way in ${at.en}, where the Uzbek delegation has presented initiatives on ${init.en}.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} ${conf.uz} boʻlib oʻtmoqda. Unda hukumatlar, xalqaro tashkilotlar, ilmiy hamjamiyat va fuqarolik jamiyati vakillari ishtirok etmoqda.`,
        `${cap(conf.en)} is under way in ${at.en}, bringing together representatives of governments, international organisations, the scientific community and civil society.`,
      ),
      bi(
        `Ishtirokchilar ${topic.uz.acc}, shuningdek, BMTning Iqlim oʻzgarishi toʻgʻrisidagi doiraviy konvensiyasi tomonlarining navbatdagi konferensiyasiga tayyorgarlikni muhokama qilmoqda.`,
        `Participants are discussing ${topic.en} and preparations for the next Conference of the Parties to the UN Framework Convention on Climate Change.`,
      ),
      bi(
        `Oʻzbekiston delegatsiyasi ${init.uz} boʻyicha tashabbuslarni taqdim etdi. Delegatsiya aʼzolari taʼkidlaganidek, soʻnggi yillarda Orol dengizining qurigan tubida bir million gektardan ortiq maydonda himoya oʻrmonzorlari barpo etildi.`,
        `The Uzbek delegation presented initiatives on ${init.en}. Delegation members noted that protective forests have been planted on more than a million hectares of the dried-up Aral Sea bed in recent years.`,
      ),
      bi(
        'BMT ekspertlari baholashicha, Markaziy Osiyo oʻrtacha harorat dunyodagi oʻrtacha koʻrsatkichdan tezroq oshayotgan mintaqalar qatoriga kiradi, bu esa qurgʻoqchilik va suv tanqisligi xavfini oshiradi.',
        'According to UN experts, Central Asia is among the regions where average temperatures are rising faster than the global average, increasing the risk of drought and water shortages.',
      ),
    ],
  };
};

const trTravelFair: Mirror = (g) => {
  const f = g.pick(TRAVEL_FAIRS);
  const at = city(f.city);
  const visitors = g.int(8, 45);
  const headline = g.pick([
    bi(`Oʻzbekiston ${at.uz.loc}gi ${f.name} koʻrgazmasida turizm salohiyatini namoyish etdi`, `Uzbekistan showcases its tourism potential at ${f.name} in ${at.en}`),
    bi(`${f.name} koʻrgazmasidagi Oʻzbekiston milliy stendiga ${visitors} mingdan ortiq kishi tashrif buyurdi`, `Over ${en(visitors * 1000)} people visit Uzbekistan’s stand at ${f.name} in ${at.en}`),
  ]);
  const area = g.round(100, 400, 10);
  const theme = g.pick([
    bi('Buyuk ipak yoʻlining tarixiy shaharlari', 'the historic cities of the Great Silk Road'),
    bi('gastronomik va ziyorat turizmi', 'food and pilgrimage tourism'),
    bi('togʻli hududlardagi ekoturizm', 'ecotourism in the mountains'),
    bi('hunarmandchilik markazlari va anʼanalari', 'craft centres and traditions'),
  ]);
  const firms = g.count(20, 70);
  const show = g.pick([
    bi('palov tayyorlash va kulolchilik buyumlariga naqsh solish boʻyicha mahorat darslari koʻrsatilmoqda', 'are watching master classes in cooking plov and painting ceramics'),
    bi('milliy shirinliklardan tatib koʻrish va hunarmandlar ishlari bilan tanishish taklif etilmoqda', 'can taste national sweets and see the work of craftsmen'),
  ]);
  const deals = g.count(5, 30);
  const about = g.pick([bi('charter reyslarini tashkil etish', 'organising charter flights'), bi('qoʻshma turpaketlarni ilgari surish', 'promoting joint tour packages')]);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `Oʻzbekiston ${at.uz.loc}gi ${f.name} xalqaro turizm koʻrgazmasida milliy stend bilan ishtirok etmoqda, turoperatorlar mehmonlarni mamlakat boʻylab yoʻnalishlar bilan tanishtirmoqda.`,
      `Uzbekistan is represented by a national stand at the ${f.name} international travel fair in ${at.en}, where tour operators are introducing visitors to routes around the country.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} ${f.name} xalqaro turizm koʻrgazmasi boʻlib oʻtmoqda. Oʻzbekiston unda maydoni ${area} kvadrat metr boʻlgan milliy stend bilan ishtirok etmoqda.`,
        `The ${f.name} international travel fair is under way in ${at.en}, where Uzbekistan has a national stand covering ${area} square metres.`,
      ),
      bi(
        `Ekspozitsiya ${uzForms(theme.uz).dat} bagʻishlangan. Delegatsiya tarkibida ${firms} ta turoperator, mehmonxona va aviakompaniya vakillari bor.`,
        `The display is devoted to ${theme.en}. The delegation includes representatives of ${firms} tour operators, hotels and airlines.`,
      ),
      bi(
        `Stendga tashrif buyuruvchilarga ${show.uz}. Koʻrgazmaning dastlabki kunlarida stendga ${visitors} mingdan ortiq kishi tashrif buyurdi.`,
        `Visitors to the stand ${show.en}. More than ${en(visitors * 1000)} people visited it in the first days of the fair.`,
      ),
      bi(
        `Muzokaralar yakunida xorijiy turoperatorlar bilan ${about.uz} boʻyicha ${deals} ta kelishuv imzolandi.`,
        `Following talks, ${enN(deals)} agreements were signed with foreign tour operators on ${about.en}.`,
      ),
    ],
    imageCaption: bi(`Oʻzbekistonning ${at.uz.loc}gi milliy stendi`, `Uzbekistan’s national stand in ${at.en}`),
  };
};

export const WORLD_MIRRORS: [StoryTemplate, Mirror][] = [
  [whoReport, trWhoReport],
  [faoIndex, trFaoIndex],
  [growthForecast, trGrowthForecast],
  [unescoSession, trUnescoSession],
  [climateTalks, trClimateTalks],
  [travelFair, trTravelFair],
];
