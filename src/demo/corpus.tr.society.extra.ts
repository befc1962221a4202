// Uzbek and English mirrors of the society desk templates (corpus.society.ts), part two.
import { cap, fmtInt, type StoryTemplate } from './corpus.gen.js';
import { drinkingWater, greenSpace, housingKeys, itCenter, restoration, screening, tashkentBuses } from './corpus.society.js';
import { MONUMENTS } from './corpus.society.data.js';
import { HERITAGE_CITIES, PROVINCES, REGIONS } from './corpus.slots.js';
import { bi, en, enN, joinBi, uzForms, type Mirror } from './corpus.tr.gen.js';
import { monument } from './corpus.tr.society.data.js';
import { city, dateline, district, region, sector } from './corpus.tr.slots.js';

const trGreenSpace: Mirror = (g) => {
  const r = g.pick(REGIONS);
  const R = region(r);
  const D = district(g.pick(r.districts));
  const saplings = g.round(80, 950, 10);
  const parks = g.count(3, 24);
  const S = bi(`${saplings} ming tupdan ortiq`, `more than ${en(saplings * 1000)}`);
  const headline = g.pick([
    bi(`«Yashil makon» loyihasi doirasida ${R.uz.loc} ${S.uz} koʻchat ekildi`, `Over ${en(saplings * 1000)} saplings planted in ${R.en} under Yashil Makon project`),
    bi(`${R.uz.loc} «Yashil makon» loyihasi doirasida ${parks} ta yangi bogʻ barpo etiladi`, `${R.En} to lay out ${enN(parks)} new parks under Yashil Makon project`),
  ]);
  const where = g.pick([
    bi('yoʻl boʻylari va mahallalar hududlari', 'along roadsides and in mahallas'),
    bi('maktablar, bogʻchalar va tibbiyot muassasalari hududlari', 'in the grounds of schools, kindergartens and hospitals'),
    bi('aholi punktlari atrofidagi ihota daraxtzorlari', 'in shelter belts around towns and villages'),
  ]);
  const basis = g.pick([
    bi('qurgʻoqchilikka chidamliligi va mahalliy iqlim xususiyatlari', 'drought resistance and the local climate'),
    bi('oʻrmon xoʻjaligi mutaxassislarining tavsiyalari', 'the advice of forestry experts'),
  ]);
  const hectares = g.count(4, 38);
  const watering = g.pick([
    bi('tomchilatib sugʻorish tizimlaridan foydalanilmoqda', 'The saplings are watered by drip irrigation.'),
    bi('quduqlar qazilib, sugʻorish tarmoqlari yotqizildi', 'Wells have been drilled and irrigation pipes laid to water the saplings.'),
  ]);
  const note = g.pick([
    bi('har bir mahallada koʻchatlarning saqlanishi uchun masʼul shaxslar biriktirilgan', 'every mahalla has people responsible for looking after the saplings'),
    bi('loyihaning maqsadi — shaharlarda yashil maydonlarni sezilarli darajada koʻpaytirish', 'the project aims to substantially increase green space in cities'),
  ]);
  g.chance(0.5); // authors
  const eco = sector('eco').ministry;
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline,
    lead: bi(
      `${R.uz.loc} «Yashil makon» umummilliy loyihasi doirasida ${S.uz} daraxt va buta koʻchati ekildi, ${parks} ta yangi bogʻ barpo etildi.`,
      `More than ${en(saplings * 1000)} tree and shrub saplings have been planted and ${enN(parks)} new parks laid out in ${R.en} under the nationwide Yashil Makon (Green Space) project.`,
    ),
    paragraphs: [
      bi(
        `${R.uz.loc} «Yashil makon» umummilliy loyihasi doirasida mavsum boshidan buyon ${S.uz} daraxt va buta koʻchati ekildi.`,
        `Since the start of the season, ${S.en} tree and shrub saplings have been planted in ${R.en} under the nationwide Yashil Makon (Green Space) project.`,
      ),
      bi(
        `Koʻchatlarning asosiy qismi ${uzForms(where.uz).dat} ekilmoqda. Daraxt turlari ${basis.uz} hisobga olingan holda tanlanmoqda.`,
        `Most of the trees are being planted ${where.en}. Species are chosen with ${basis.en} in mind.`,
      ),
      bi(
        `${D.uz.loc} maydoni ${hectares} gektar boʻlgan yangi jamoat bogʻi barpo etildi. Koʻchatlarni sugʻorish uchun ${watering.uz}.`,
        `A new ${hectares}-hectare public park has been laid out in ${D.en}. ${watering.en}`,
      ),
      bi(`${eco.uz.nom} maʼlumotlariga koʻra, ${note.uz}.`, `According to ${eco.en}, ${note.en}.`),
    ],
    imageCaption: bi(`${D.uz.loc} daraxt ekish`, `Tree planting in ${D.en}`),
  };
};

const trTashkentBuses: Mirror = (g) => {
  const buses = g.round(40, 300, 10);
  const routes = g.count(3, 18);
  const headline = g.pick([
    bi(`Toshkent shahar yoʻnalishlariga ${buses} ta yangi elektrobus chiqdi`, `Tashkent puts ${buses} new electric buses on city routes`),
    bi(`Toshkentda yangi turar joy massivlari aholisi uchun ${routes} ta yangi avtobus yoʻnalishi ishga tushirildi`, `Tashkent launches ${enN(routes)} new bus routes for new residential areas`),
  ]);
  const link = g.pick([
    bi('yangi turar joy massivlarini shahar markazi bilan', 'new residential areas with the city centre'),
    bi('metro bekatlarini yirik turar joy mavzelari bilan', 'metro stations with large housing estates'),
  ]);
  const kit = g.pick([
    bi('past pol, nogironlar aravachalari uchun pandus, konditsioner va telefon quvvatlash uchun ulagichlar', 'low floors, wheelchair ramps, air conditioning and phone charging points'),
    bi('videokuzatuv tizimi, axborot tablolari va bepul Wi-Fi', 'CCTV, information displays and free Wi-Fi'),
  ]);
  const riders = g.dec(1.2, 2.1);
  const renew = g.int(15, 40);
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Toshkent koʻchalariga ${buses} ta yangi elektrobus chiqdi, yangi turar joy massivlari aholisi uchun esa ${routes} ta qoʻshimcha yoʻnalish ishga tushirildi.`,
      `Tashkent has put ${buses} new electric buses into service and launched ${enN(routes)} extra routes for residents of new housing estates.`,
    ),
    paragraphs: [
      bi(
        `Toshkent koʻchalariga ${buses} ta yangi elektrobus chiqdi. Bundan tashqari, ${link.uz} bogʻlovchi ${routes} ta yangi yoʻnalish ishga tushirildi.`,
        `Tashkent has put ${buses} new electric buses on its streets and launched ${enN(routes)} new routes linking ${link.en}.`,
      ),
      bi(`Elektrobuslar ${kit.uz} bilan jihozlangan.`, `The buses have ${kit.en}.`),
      bi(
        'Yoʻl haqini transport yoki bank kartasi bilan, shuningdek, mobil ilovalar orqali QR kod yordamida toʻlash mumkin. Yoʻl haqi oʻzgarmadi.',
        'Fares can be paid with a transport or bank card or by QR code through mobile apps. Fares are unchanged.',
      ),
      bi(
        `Toshkent shahar hokimligi maʼlumotlariga koʻra, poytaxt jamoat transportidan har kuni ${riders} milliondan ortiq kishi foydalanadi. Yil oxirigacha avtobus parkining ${renew} foizini yangilash rejalashtirilgan.`,
        `According to the Tashkent city administration, more than ${en(riders)} million people use the capital’s public transport every day. The city plans to renew ${renew}% of its bus fleet by the end of the year.`,
      ),
    ],
    imageCaption: bi('Toshkent koʻchalaridan biridagi yangi elektrobus', 'A new electric bus on a Tashkent street'),
  };
};

const trHousingKeys: Mirror = (g) => {
  const r = g.pick(PROVINCES);
  const R = region(r);
  const D = district(g.pick(r.districts));
  const families = g.count(40, 900);
  const houses = g.count(3, 30);
  const place = bi(`${R.uz.nom} ${D.uz.loc}`, `${D.en} of ${R.en}`);
  const headline = g.pick([
    bi(`${R.uz.loc} ${families} ta oila yangi xonadonlar kalitini oldi`, `New flats for ${families} families in ${R.en}`),
    bi(`${place.uz} ${houses} ta koʻp qavatli uy foydalanishga topshirildi`, `${cap(enN(houses))} apartment blocks completed in ${place.en}`),
  ]);
  const scheme = g.pick([bi('arzon uy-joy', 'affordable housing'), bi('imtiyozli ipoteka asosida uy-joy qurish', 'housing built with subsidised mortgages')]);
  const deposit = g.pick(['15', '20', '25']);
  const yard = g.pick([bi('bolalar va sport maydonchalari', 'children’s playgrounds and sports grounds'), bi('dam olish joylari va avtoturargohlar', 'recreation areas and car parks')]);
  const nearby = g.pick([bi('bolalar bogʻchasi va oilaviy poliklinika', 'a kindergarten and a family clinic'), bi('maktab va savdo markazi', 'a school and a shopping centre')]);
  const more = g.count(10, 90);
  g.chance(0.5); // authors
  const build = sector('build').ministry;
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline,
    lead: bi(
      `${place.uz} ${houses} ta koʻp qavatli uy foydalanishga topshirildi, ${families} ta oila yangi xonadonlar kalitini oldi.`,
      `In ${place.en}, ${enN(houses)} apartment blocks have been completed and ${families} families have received the keys to new flats.`,
    ),
    paragraphs: [
      bi(
        `${place.uz} yangi koʻp qavatli uylardagi xonadonlar kalitlarini topshirish marosimi boʻlib oʻtdi. ${families} ta oila yangi uyga koʻchib kirdi.`,
        `A ceremony was held in ${place.en} to hand over the keys to flats in new apartment blocks, with ${families} families moving into new homes.`,
      ),
      bi(
        `Uylar ${scheme.uz} davlat dasturi doirasida qurilgan. Xonadonlarning bir qismi yosh oilalarga, shuningdek, pedagoglar va tibbiyot xodimlariga imtiyozli shartlarda berildi.`,
        `The buildings were put up under the state programme for ${scheme.en}. Some of the flats went to young families, teachers and medical workers on preferential terms.`,
      ),
      bi(
        `Imtiyozli ipoteka boʻyicha boshlangʻich badal uy-joy qiymatining ${deposit} foizini tashkil etadi, kredit 20 yilgacha muddatga beriladi. Qarz oluvchilarning foiz xarajatlarining bir qismi davlat byudjetidan qoplanadi.`,
        `The down payment on a subsidised mortgage is ${deposit}% of the price, and loans are issued for up to 20 years. Part of borrowers’ interest costs is covered by the state budget.`,
      ),
      bi(`Hovlilarda ${yard.uz} barpo etilgan, yaqin atrofda ${nearby.uz} qurilmoqda.`, `The courtyards have ${yard.en}, and ${nearby.en} are being built nearby.`),
      bi(
        `${build.uz.nom} maʼlumotlariga koʻra, bu yil ${R.uz.loc} yana ${more} ta koʻp qavatli uyni foydalanishga topshirish rejalashtirilgan.`,
        `According to ${build.en}, ${more} more apartment blocks are to be completed in ${R.en} this year.`,
      ),
    ],
    imageCaption: bi(`${D.uz.loc}gi yangi turar joy binolari`, `New apartment blocks in ${D.en}`),
  };
};

const trItCenter: Mirror = (g) => {
  const R = region(g.pick(PROVINCES));
  const trained = g.int(3, 28);
  const at = R.center;
  const digital = sector('digital').ministry;
  const headline = g.pick([
    bi(`${at.uz.loc} yoshlar uchun IT-taʼlim markazi ochildi`, `IT education centre for young people opens in ${at.en}`),
    bi(`${R.uz.loc} ${trained} mingdan ortiq yosh IT kasblarini bepul oʻrgandi`, `Over ${en(trained * 1000)} young people in ${R.en} learn IT skills free of charge`),
  ]);
  const seats = g.round(80, 400, 10);
  const courses = joinBi(
    g.pickN(
      [
        bi('dasturlash', 'programming'),
        bi('veb-dasturlash', 'web development'),
        bi('grafik dizayn', 'graphic design'),
        bi('maʼlumotlar tahlili', 'data analysis'),
        bi('kiberxavfsizlik', 'cybersecurity'),
      ],
      3,
    ),
  );
  const bonus = g.pick([bi('xalqaro sertifikatlar olishi', 'obtain international certificates'), bi('xakatonlarda ishtirok etishi', 'take part in hackathons')]);
  const employed = g.int(35, 70);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `${at.uz.loc} IT-taʼlim markazi ish boshladi, unda yoshlar dasturlash, veb-dizayn va maʼlumotlar bilan ishlash asoslarini bepul oʻrganishi mumkin.`,
      `An IT education centre has opened in ${at.en}, where young people can learn programming, web design and data skills free of charge.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} ${digital.uz.nom} koʻmagida IT-taʼlim markazi ochildi. U bir vaqtning oʻzida ${seats} nafar tinglovchini oʻqitishga moʻljallangan.`,
        `An IT education centre has opened in ${at.en} with the support of ${digital.en}. It can train ${seats} students at a time.`,
      ),
      bi(
        `${cap(courses.uz)} boʻyicha kurslar uch oydan olti oygacha davom etadi. Oʻqish maktab va kollej bitiruvchilari, shuningdek, ishsiz yoshlar uchun bepul.`,
        `Courses in ${courses.en} last three to six months. Training is free for school and college leavers and for unemployed young people.`,
      ),
      bi(
        `Eng yaxshi bitiruvchilar IT Park rezidenti boʻlgan kompaniyalarda amaliyot oʻtashi va ${bonus.uz} mumkin.`,
        `The best graduates will be able to do internships at IT Park resident companies and ${bonus.en}.`,
      ),
      bi(
        `Vazirlik maʼlumotlariga koʻra, yil boshidan buyon ${R.uz.loc} ${trained} mingdan ortiq yosh IT kasblarini oʻrgangan, bitiruvchilarning ${employed} foizi allaqachon ishga joylashgan.`,
        `According to the ministry, more than ${en(trained * 1000)} young people in ${R.en} have trained in IT since the start of the year, and ${employed}% of graduates already have jobs.`,
      ),
    ],
  };
};

const trDrinkingWater: Mirror = (g) => {
  const r = g.pick(PROVINCES);
  const R = region(r);
  const D = district(g.pick(r.districts));
  const km = g.int(40, 420);
  const residents = g.int(20, 240);
  const place = bi(`${R.uz.nom} ${D.uz.loc}`, `${D.en} of ${R.en}`);
  const headline = g.pick([
    bi(`${R.uz.gen} ${residents} mingdan ortiq aholisi toza ichimlik suvi bilan taʼminlandi`, `Over ${en(residents * 1000)} residents of ${R.en} get clean drinking water`),
    bi(`${place.uz} ${km} km yangi suv quvuri tarmoqlari yotqizildi`, `${km} km of new water mains laid in ${place.en}`),
  ]);
  const mahallas = g.count(6, 48);
  const before = g.pick([bi('avtosisternalarda keltirilgan', 'delivered by tanker trucks'), bi('quduqlardan olingan', 'drawn from wells')]);
  const intakes = g.count(2, 9);
  const pumps = g.count(3, 14);
  const lender = g.pick([
    bi('Osiyo taraqqiyot bankining imtiyozli krediti', 'a soft loan from the Asian Development Bank'),
    bi('Saudiya taraqqiyot jamgʻarmasining qarzi', 'a loan from the Saudi Fund for Development'),
    bi('Islom taraqqiyot bankining krediti', 'a loan from the Islamic Development Bank'),
  ]);
  const cost = g.round(60, 900, 10);
  const coverage = g.int(74, 88);
  const target = g.pick(['90', '95']);
  g.chance(0.5); // authors
  const build = sector('build').ministry;
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline,
    lead: bi(
      `${R.uz.loc} ${km} km suv quvuri tarmoqlarini qurish va yangilash ishlari yakunlandi, bu ${residents} mingdan ortiq aholini toza ichimlik suvi bilan taʼminlash imkonini berdi.`,
      `Work to build and upgrade ${km} km of water mains has been completed in ${R.en}, bringing clean drinking water to more than ${en(residents * 1000)} residents.`,
    ),
    paragraphs: [
      bi(
        `${place.uz} umumiy uzunligi ${km} km boʻlgan suv quvuri tarmoqlarini qurish va yangilash ishlari yakunlandi. Ilgari suv ${before.uz} ${mahallas} ta mahallada ilk bor markazlashgan suv taʼminoti yoʻlga qoʻyildi.`,
        `Work to build and upgrade ${km} km of water mains has been completed in ${place.en}. Mains water has reached ${mahallas} mahallas for the first time; until now their water was ${before.en}.`,
      ),
      bi(
        `Shuningdek, ${intakes} ta suv olish inshooti va ${pumps} ta nasos stansiyasi qurildi.`,
        `In addition, ${enN(intakes)} water intake facilities and ${enN(pumps)} pumping stations have been built.`,
      ),
      bi(
        `Loyiha davlat byudjeti mablagʻlari va ${lender.uz} hisobidan amalga oshirildi. Ishlarning umumiy qiymati ${cost} mlrd soʻmni tashkil etdi.`,
        `The project was financed from the state budget and ${lender.en}. The work cost a total of ${cost} billion soums.`,
      ),
      bi(
        `${build.uz.nom} maʼlumotlariga koʻra, hudud aholisining ichimlik suvi bilan taʼminlanganlik darajasi ${coverage} foizga yetdi. Yaqin yillarda bu koʻrsatkichni ${target} foizga yetkazish rejalashtirilgan.`,
        `According to ${build.en}, ${coverage}% of the region’s population now has access to piped drinking water. The aim is to raise this to ${target}% in the coming years.`,
      ),
    ],
  };
};

const trRestoration: Mirror = (g) => {
  const at = city(g.pick(HERITAGE_CITIES).city);
  const M = monument(g.pick(MONUMENTS));
  const use = g.pick([
    bi('shahar tarixi muzeyi', 'a museum of the city’s history'),
    bi('hunarmandlar ustaxonalari va koʻrgazma zali', 'craft workshops and an exhibition hall'),
    bi('anʼanaviy hunarmandchilik markazi', 'a centre for traditional crafts'),
  ]);
  const headline = g.pick([
    bi(`${at.uz.gen} tarixiy markazidagi ${M.uz.acc} taʼmirlash ishlari yakunlandi`, `Restoration of ${M.en} in ${at.en}’s historic centre completed`),
    bi(`${at.uz.loc}gi ${M.uz.nom} taʼmirlandi: yodgorlik yana tashrif buyuruvchilar uchun ochildi`, `${cap(M.en)} in ${at.en} reopens to visitors after restoration`),
  ]);
  const status = g.pick([bi('davlat muhofazasidagi', 'under state protection'), bi('Milliy reyestrga kiritilgan', 'on the National Register')]);
  const work1 = g.pick([bi('poydevor va devorlarni mustahkamladi', 'strengthened the foundations and walls'), bi('gumbaz va peshtoqlarni tikladi', 'restored the dome and portals')]);
  const work2 = g.pick([
    bi('devoriy naqsh parchalarini tozalab, konservatsiya qildi', 'cleaned and conserved fragments of wall paintings'),
    bi('yoʻqolgan koshin qoplamalarini tikladi', 'restored lost sections of the tiled facing'),
  ]);
  const masters = g.pick([bi('irsiy restavrator ustalar', 'Hereditary master restorers'), bi('hunarmand mahallalar ustalari', 'Craftsmen from artisan mahallas')]);
  const more = g.count(20, 90);
  const culture = sector('culture').ministry;
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `${at.uz.gen} tarixiy markazidagi ${M.uz.acc} taʼmirlash-tiklash ishlari yakunlandi: yodgorlik sayyohlar va shahar aholisi uchun yana ochildi.`,
      `Restoration of ${M.en} in ${at.en}’s historic centre has been completed, and the monument has reopened to tourists and residents.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} ${M.uz.loc} taʼmirlash-tiklash ishlari yakunlandi. ${status.uz.charAt(0).toUpperCase()}${status.uz.slice(1)} madaniy meros obyektlari qatoriga kiruvchi yodgorlik yana tashrif buyuruvchilar uchun ochildi.`,
        `Restoration work on ${M.en} in ${at.en} has been completed. The monument, one of the cultural heritage sites ${status.en}, has reopened to visitors.`,
      ),
      bi(
        `Ishlar davomida mutaxassislar ${work1.uz}, ${work2.uz}. Taʼmirlashda anʼanaviy materiallar — pishiq gʻisht va ganchdan foydalanildi.`,
        `During the work, specialists ${work1.en} and ${work2.en}. Traditional materials, fired brick and ganch plaster, were used.`,
      ),
      bi(
        `Ishlarga ${masters.uz} va ixtisoslashgan ilmiy-tadqiqot instituti mutaxassislari, shuningdek, YUNESKO ekspertlari jalb qilindi.`,
        `${masters.en}, specialists from a research institute and UNESCO experts were involved in the work.`,
      ),
      bi(
        `Taʼmirlangan binoda ${use.uz} joylashadi. ${culture.uz.nom} maʼlumotlariga koʻra, bu yil mamlakat boʻylab yana ${more} ta madaniy meros obyektida taʼmirlash-tiklash ishlari olib borilmoqda.`,
        `The restored building will house ${use.en}. According to ${culture.en}, restoration is under way at ${more} more heritage sites across the country this year.`,
      ),
    ],
    imageCaption: bi(`${at.uz.loc}gi taʼmirlangan yodgorlik`, `The restored monument in ${at.en}`),
  };
};

const trScreening: Mirror = (g) => {
  const R = region(g.pick(REGIONS));
  const examined = g.round(40, 380, 5);
  const headline = g.pick([
    bi(`${R.uz.loc} aholini bepul tibbiy koʻrikdan oʻtkazish kampaniyasi boshlandi`, `Free health screening campaign launched in ${R.en}`),
    bi(`${R.uz.gen} ${examined} mingdan ortiq aholisi bepul tibbiy koʻrikdan oʻtdi`, `Over ${en(examined * 1000)} residents of ${R.en} receive free health checks`),
  ]);
  const teams = g.pick([
    bi('mobil diagnostika majmualari bilan jihozlangan', 'with mobile diagnostic units'),
    bi('tor mutaxassislikdagi shifokorlardan iborat', 'of specialist doctors'),
  ]);
  const risk = g.int(6, 18);
  const quote = g.pick([
    bi(
      'kasalliklarni erta aniqlash davolashni oʻz vaqtida boshlash va ogʻir asoratlarning oldini olish imkonini beradi',
      'Early detection means treatment can start in time and serious complications can be avoided',
    ),
    bi(
      'koʻpchilik odamlar bir necha yildan beri birinchi marta shifokorga keldi, bu allaqachon katta natija',
      'Many people have come to see a doctor for the first time in several years, and that in itself is a big result',
    ),
  ]);
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline,
    lead: bi(
      `${R.uz.loc} bepul tibbiy koʻrik kampaniyasi oʻtkazilmoqda, uning doirasida aholi qandli diabet, gipertoniya va bir qator onkologik kasalliklar boʻyicha skriningdan oʻtishi mumkin.`,
      `A free health screening campaign is under way in ${R.en}, offering residents checks for diabetes, hypertension and several types of cancer.`,
    ),
    paragraphs: [
      bi(
        `${R.uz.loc} aholini bepul tibbiy koʻrikdan oʻtkazish kampaniyasi boshlandi. Aholi yashash joyidagi oilaviy poliklinikalarda qandli diabet, arterial gipertenziya va bir qator onkologik kasalliklar boʻyicha skriningdan oʻtishi mumkin.`,
        `A free health screening campaign has begun in ${R.en}. Residents can be screened for diabetes, high blood pressure and several types of cancer at their local family clinics.`,
      ),
      bi(`Chekka mahallalar aholisi uchun ${teams.uz} sayyor brigadalar tashkil etildi.`, `Mobile teams ${teams.en} have been set up for residents of remote mahallas.`),
      bi(
        `Kampaniya boshlanganidan buyon ${fmtInt(examined)} mingdan ortiq kishi koʻrikdan oʻtdi. Ularning ${risk} foizida qoʻshimcha tekshiruvni talab qiluvchi xavf omillari aniqlanib, barchasi tegishli mutaxassislarga yoʻnaltirildi.`,
        `More than ${en(examined * 1000)} people have been examined since the campaign began. Risk factors requiring further tests were found in ${risk}% of them, and all were referred to specialists.`,
      ),
      bi(`Oilaviy poliklinikalardan birining mudiri taʼkidlaganidek, «${quote.uz}».`, `“${quote.en},” said the head of one of the family clinics.`),
    ],
  };
};

export const SOCIETY_EXTRA_MIRRORS: [StoryTemplate, Mirror][] = [
  [greenSpace, trGreenSpace],
  [tashkentBuses, trTashkentBuses],
  [housingKeys, trHousingKeys],
  [itCenter, trItCenter],
  [drinkingWater, trDrinkingWater],
  [restoration, trRestoration],
  [screening, trScreening],
];
