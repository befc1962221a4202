// Uzbek and English mirrors of the society desk templates (corpus.society.ts), part one.
import { cap, fmtInt, type StoryTemplate } from './corpus.gen.js';
import { festival, jobFair, medicalCenter, migrantTraining, newSchools, sportMedals, universityBranch, MIGRATION_DESTINATIONS } from './corpus.society.js';
import { FESTIVALS, MEDICAL_CENTERS, SPORTS, SPORT_HOSTS, UNIVERSITIES } from './corpus.society.data.js';
import { PARTNERS, PROVINCES, REGIONS } from './corpus.slots.js';
import { aEn, bi, en, enN, joinBi, joinEn, joinUz, uzForms, type Mirror } from './corpus.tr.gen.js';
import { festivalTr, medicalCenter as medicalKind, sportTr, university } from './corpus.tr.society.data.js';
import { city, country, dateline, region, sector } from './corpus.tr.slots.js';

const trNewSchools: Mirror = (g) => {
  const R = region(g.pick(REGIONS));
  const n = g.count(3, 28);
  const seats = g.round(n * 600, n * 1100, 10);
  const school = sector('school').ministry;
  const headline = g.pick([
    bi(`${R.uz.loc} ${n} ta yangi umumtaʼlim maktabi qurilishi yakunlanmoqda`, `Construction of ${enN(n)} new schools nearing completion in ${R.en}`),
    bi(`${R.uz.loc} ${fmtInt(seats)} oʻquvchi oʻrniga moʻljallangan ${n} ta yangi maktab quriladi`, `${R.En} to build ${enN(n)} new schools for ${en(seats)} pupils`),
  ]);
  const repairs = g.count(6, 40);
  const focus = g.pick([
    bi('oʻquvchilar qoʻshni mahallalardagi maktablarga qatnashga majbur boʻlayotgan chekka tumanlar', 'remote districts where pupils have to travel to schools in neighbouring mahallas'),
    bi('sinflar eng koʻp toʻlgan tumanlar', 'districts with the most overcrowded classes'),
    bi('maktab yoshidagi bolalar soni tez oʻsib borayotgan yangi turar joy massivlari', 'new residential areas where the number of school-age children is growing fast'),
  ]);
  const extra = g.pick([
    bi('Barcha binolarda imkoniyati cheklangan bolalar uchun sharoit yaratiladi.', 'All the buildings will be accessible to children with disabilities.'),
    bi('Barcha maktablar yuqori tezlikdagi internetga ulanadi.', 'All of them will be connected to high-speed internet.'),
  ]);
  const quote = g.pick([
    bi(
      'Vazifamiz — uch smenali oʻqitishdan voz kechish va har bir bolani uyiga yaqin zamonaviy maktabda oʻqish imkoniyati bilan taʼminlash',
      'Our task is to end three-shift schooling and give every child a place in a modern school close to home',
    ),
    bi(
      'Biz shunchaki bino qurayotganimiz yoʻq: har bir maktabda robototexnika, xorijiy tillar toʻgaraklari va sport seksiyalari boʻladi',
      'We are not just putting up buildings: every school will have robotics and language clubs and sports sections',
    ),
  ]);
  return {
    city: bi(R.center.uz.nom, R.center.en),
    headline,
    lead: bi(
      `${R.uz.loc} ${fmtInt(seats)} oʻquvchi oʻrniga moʻljallangan ${n} ta yangi umumtaʼlim maktabi qurilmoqda, yana ${repairs} ta maktabda kapital taʼmirlash ishlari olib borilmoqda.`,
      `Work is under way in ${R.en} on ${enN(n)} new schools for ${en(seats)} pupils, while ${enN(repairs)} more schools are undergoing major repairs.`,
    ),
    paragraphs: [
      bi(
        `${R.uz.loc} davlat dasturi doirasida umumiy sigʻimi ${fmtInt(seats)} oʻquvchi oʻrniga moʻljallangan ${n} ta yangi umumtaʼlim maktabi qurilmoqda, — deya xabar beradi ${school.uz.nom}.`,
        `Under a state programme, ${enN(n)} new schools with a total of ${en(seats)} places are being built in ${R.en}, ${school.en} reports.`,
      ),
      bi(`${cap(uzForms(focus.uz).dat)} alohida eʼtibor qaratilmoqda.`, `Priority is given to ${focus.en}.`),
      bi(
        `Yangi maktablar fizika, kimyo va biologiya xonalari, kompyuter sinflari, sport zallari va kutubxonalar bilan jihozlanadi. ${extra.uz}`,
        `The new schools will have physics, chemistry and biology labs, computer rooms, sports halls and libraries. ${extra.en}`,
      ),
      bi(`«${quote.uz}», — dedi ${R.head.uz.nom}.`, `“${quote.en},” said ${R.head.en}.`),
    ],
    imageCaption: bi(`${R.uz.loc} yangi maktab qurilishi`, `Construction of a new school in ${R.en}`),
  };
};

const trMedicalCenter: Mirror = (g) => {
  const R = region(g.pick(PROVINCES));
  const K = medicalKind(g.pick(MEDICAL_CENTERS).nom);
  const beds = g.round(80, 400, 10);
  const at = R.center;
  const headline = g.pick([
    bi(`${at.uz.loc} ${beds} oʻrinli yangi ${K.uz} ochildi`, `New ${beds}-bed ${K.en} opens in ${at.en}`),
    bi(`${R.uz.nom} aholisi yuqori texnologiyali tibbiy yordamni uyiga yaqin joyda olish imkoniyatiga ega boʻldi`, `Residents of ${R.en} gain access to high-tech medical care close to home`),
  ]);
  const lender = g.pick([
    bi('Osiyo taraqqiyot banki', 'the Asian Development Bank'),
    bi('Islom taraqqiyot banki', 'the Islamic Development Bank'),
    bi('Jahon banki', 'the World Bank'),
  ]);
  const doctors = g.count(60, 240);
  const nurses = g.round(120, 600, 10);
  const abroad = joinBi(
    g.pickN([bi('Janubiy Koreya', 'South Korea'), bi('Turkiya', 'Türkiye'), bi('Germaniya', 'Germany'), bi('Hindiston', 'India'), bi('Yaponiya', 'Japan')], 2),
  );
  const more = g.count(3, 12);
  const health = sector('health').ministry;
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `${at.uz.loc} zamonaviy diagnostika va jarrohlik uskunalari oʻrnatilgan ${beds} oʻrinli ${K.uz} ochildi.`,
      `A ${beds}-bed ${K.en} with modern diagnostic and surgical equipment has opened in ${at.en}.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} ${beds} oʻrinli ${K.uz} ochildi. Obyektni qurish va jihozlash davlat byudjeti mablagʻlari hamda ${lender.uz} krediti hisobidan moliyalashtirildi.`,
        `A ${beds}-bed ${K.en} has opened in ${at.en}. Its construction and equipment were financed from the state budget and a loan from ${lender.en}.`,
      ),
      bi(
        'Tibbiyot muassasasi kompyuter va magnit-rezonans tomograflari, angiografiya qurilmasi va zamonaviy laboratoriya bilan jihozlangan. Endi hudud aholisi murakkab operatsiyalar uchun poytaxtga borishiga hojat qolmaydi: ular shu yerning oʻzida bajariladi.',
        'The facility has CT and MRI scanners, an angiography unit and a modern laboratory. It will perform complex operations for which local residents previously had to travel to the capital.',
      ),
      bi(
        `Bemorlarga ${doctors} nafar shifokor va ${nurses} nafardan ortiq hamshira tibbiy yordam koʻrsatadi. Mutaxassislarning bir qismi ${abroad.uz} klinikalarida malaka oshirgan.`,
        `Patients will be treated by ${doctors} doctors and more than ${nurses} nurses. Some of the staff trained at clinics in ${abroad.en}.`,
      ),
      bi(
        `${health.uz.nom} maʼlumotlariga koʻra, bu yil hududlarda yana ${more} ta shunday markaz ochish rejalashtirilgan.`,
        `According to ${health.en}, ${enN(more)} more such centres are due to open in the regions this year.`,
      ),
    ],
    imageCaption: bi(`${at.uz.loc}gi yangi tibbiyot muassasasi`, `The new medical facility in ${at.en}`),
  };
};

const trUniversityBranch: Mirror = (g) => {
  const R = region(g.pick(REGIONS));
  const C = country(g.pick(PARTNERS.filter((x) => !x.centralAsia)));
  const U = university(g.pick(UNIVERSITIES).nom);
  const programs = g.count(4, 14);
  const at = R.center;
  const uni = bi(`${C.uz.gen} ${U.uz}`, `${aEn(C.adj)} ${C.adj} ${U.en}`);
  const headline = g.pick([
    bi(`${at.uz.loc} ${uni.uz} filiali ochildi`, `Branch of ${uni.en} opens in ${at.en}`),
    bi(`${uni.uz} ${at.uz.loc} filial ochdi`, `${cap(`${C.adj} ${U.en}`)} opens branch in ${at.en}`),
  ]);
  const diploma = g.pick([bi('qoʻshaloq diplom', 'a double degree'), bi('xalqaro namunadagi diplom', 'an internationally recognised degree')]);
  const branches = g.round(30, 40, 5);
  const lang = g.pick([bi('ingliz tilida', 'in English'), bi('ingliz va oʻzbek tillarida', 'in English and Uzbek')]);
  const fields = joinBi(g.pickN(U.fields, 3));
  const students = g.round(150, 600, 50);
  const science = sector('science').ministry;
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `${at.uz.loc} ${uni.uz} filiali ish boshladi, unda talabalar ${programs} ta yoʻnalish boʻyicha ${diploma.uz} olishi mumkin.`,
      `A branch of ${uni.en} has opened in ${at.en}, offering students ${diploma.en} in ${enN(programs)} fields.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} ${uni.uz} filialining ochilish marosimi boʻlib oʻtdi. U Oʻzbekistonda faoliyat yuritayotgan ${branches} tadan ortiq xorijiy oliy taʼlim muassasasi filiallaridan biriga aylandi.`,
        `An opening ceremony was held in ${at.en} for the branch of ${uni.en}. It is one of more than ${branches} branches of foreign universities operating in Uzbekistan.`,
      ),
      bi(
        `Oʻqitish ${lang.uz} bakalavriatning ${programs} ta yoʻnalishi, jumladan, ${fields.uz} boʻyicha olib boriladi.`,
        `Teaching will be ${lang.en} in ${enN(programs)} bachelor’s programmes, including ${fields.en}.`,
      ),
      bi(
        `Birinchi yilda ${students} nafar talaba qabul qilinadi. Oʻqituvchilarning bir qismi ${C.uz.abl} keladi, talabalar esa bosh universitetda bir semestr tahsil olishi mumkin.`,
        `In its first year the branch will admit ${students} students. Some of the teachers will come from ${C.en}, and students will be able to spend a semester at the main university.`,
      ),
      bi(
        `${science.uz.nom} maʼlumotlariga koʻra, soʻnggi yillarda respublikada yoshlarni oliy taʼlim bilan qamrab olish darajasi uch baravardan koʻproq oshgan.`,
        `According to ${science.en}, the share of young people in higher education in the country has more than tripled in recent years.`,
      ),
    ],
  };
};

const trJobFair: Mirror = (g) => {
  const R = region(g.pick(REGIONS));
  const vacancies = g.round(800, 9000, 100);
  const companies = g.round(60, 400, 10);
  const hired = g.round(200, 1500, 100);
  const jobs = sector('jobs').ministry;
  const at = R.center;
  const headline = g.pick([
    bi(
      `${at.uz.loc} boʻsh ish oʻrinlari yarmarkasi boʻlib oʻtdi: ish izlovchilarga ${fmtInt(vacancies)} tadan ortiq ish oʻrni taklif etildi`,
      `Job fair in ${at.en} offers more than ${en(vacancies)} vacancies`,
    ),
    bi(`${at.uz.loc}gi boʻsh ish oʻrinlari yarmarkasi yakunlariga koʻra ${fmtInt(hired)} nafardan ortiq kishi ishga joylashdi`, `More than ${en(hired)} people find work through job fair in ${at.en}`),
  ]);
  const fields = joinBi(
    g.pickN(
      [
        bi('qurilish', 'construction'),
        bi('tikuvchilik', 'garment making'),
        bi('axborot texnologiyalari', 'information technology'),
        bi('sogʻliqni saqlash', 'healthcare'),
        bi('umumiy ovqatlanish', 'catering'),
        bi('logistika', 'logistics'),
      ],
      3,
    ),
  );
  const training = g.round(100, 600, 10);
  const group = g.pick([
    bi('kollej va oliy taʼlim muassasalari bitiruvchilari', 'graduates of colleges and universities'),
    bi('mehnat faoliyatiga qaytishni istagan xotin-qizlar', 'women wishing to return to work'),
    bi('nogironligi boʻlgan shaxslar', 'people with disabilities'),
  ]);
  const rate = g.dec(4.5, 8.5);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `${at.uz.loc} boʻsh ish oʻrinlari yarmarkasi boʻlib oʻtdi, unda ${companies} ta korxona va tashkilot ish izlovchilarga ${fmtInt(vacancies)} tadan ortiq ish oʻrnini taklif qildi.`,
      `At a job fair in ${at.en}, ${companies} companies and organisations offered jobseekers more than ${en(vacancies)} vacancies.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} ${jobs.uz.nom} hamda ${R.admin.uz.nom} tomonidan tashkil etilgan boʻsh ish oʻrinlari yarmarkasi boʻlib oʻtdi.`,
        `A job fair organised by ${jobs.en} and ${R.admin.en} has been held in ${at.en}.`,
      ),
      bi(
        `Unda ${companies} ta korxona va tashkilot ishtirok etib, ish izlovchilarga ${fmtInt(vacancies)} tadan ortiq boʻsh ish oʻrnini taklif qildi. ${cap(fields.uz)} sohalaridagi mutaxassislarga talab eng yuqori boʻldi.`,
        `The fair brought together ${companies} companies and organisations offering more than ${en(vacancies)} vacancies. Demand was highest for specialists in ${fields.en}.`,
      ),
      bi(
        `Yarmarka yakunlariga koʻra ${fmtInt(hired)} nafar kishi ishga yoʻllanma oldi, yana ${training} nafari «Ishga marhamat» monomarkazlarida bepul kasbga oʻqitishga yoʻnaltirildi.`,
        `As a result, ${en(hired)} people received job referrals and another ${training} were sent for free vocational training at Ishga Marhamat centres.`,
      ),
      bi(`${cap(group.uz)} uchun alohida maydoncha tashkil etildi.`, `A separate area was set up for ${group.en}.`),
      bi(
        `${jobs.uz.nom} maʼlumotlariga koʻra, bir yil ichida ${R.uz.loc} ishsizlik darajasi ${rate} foizgacha pasaygan.`,
        `According to ${jobs.en}, unemployment in ${R.en} has fallen to ${en(rate)}% over the year.`,
      ),
    ],
  };
};

const trMigrantTraining: Mirror = (g) => {
  const n = g.int(12, 96);
  const dest = g.pickN(MIGRATION_DESTINATIONS, 3).map(country);
  const first = dest[0]!;
  const headline = g.pick([
    bi(`Yil boshidan buyon ${n} mingdan ortiq Oʻzbekiston fuqarosi xorijda ishlashga tayyorgarlikdan oʻtdi`, `Over ${en(n * 1000)} Uzbek citizens trained for work abroad since the start of the year`),
    bi(`Oʻzbekiston ${first.uz.dat} mehnat migrantlarini uyushgan tarzda yuborishni kengaytirmoqda`, `Uzbekistan expands organised recruitment of migrant workers for ${first.en}`),
  ]);
  const trades = g.pickN(
    [
      bi('payvandchilar', 'welders'),
      bi('quruvchilar', 'builders'),
      bi('oshpazlar', 'cooks'),
      bi('hamshiralar', 'nurses'),
      bi('haydovchilar', 'drivers'),
      bi('qishloq xoʻjaligidagi mavsumiy ishchilar', 'seasonal farm workers'),
    ],
    3,
  );
  const perk = g.pick([
    bi('aviachiptalar va tibbiy sugʻurta xarajatlari qoplab beriladi', 'are reimbursed for air tickets and health insurance'),
    bi(
      'bepul xorijiy til kurslari va mezbon davlat mehnat qonunchiligi boʻyicha maslahatlar taqdim etiladi',
      'receive free foreign language courses and advice on the host country’s labour laws',
    ),
  ]);
  const where = g.pick([bi('bandlikka koʻmaklashish markazlarida', 'at employment centres'), bi('agentlikning rasmiy portalida', 'on its official portal')]);
  const lastUz = (xs: string[], f: (s: string) => string): string => joinUz(xs.slice(0, -1).concat(f(xs[xs.length - 1]!)));
  return {
    city: dateline('Ташкент'),
    headline,
    lead: bi(
      `Yil boshidan buyon uyushgan tarzda ishga yuborish doirasida ${n} mingdan ortiq Oʻzbekiston fuqarosi xorijga ishga ketishdan oldin kasbiy va til tayyorgarligidan oʻtdi.`,
      `More than ${en(n * 1000)} Uzbek citizens have received vocational and language training before leaving to work abroad under organised recruitment since the start of the year.`,
    ),
    paragraphs: [
      bi(
        `Tashqi mehnat migratsiyasi agentligi maʼlumotlariga koʻra, yil boshidan buyon ${n} mingdan ortiq fuqaro xorijga ishga ketishdan oldin kasbiy va til tayyorgarligidan oʻtgan.`,
        `According to the Agency for External Labour Migration, more than ${en(n * 1000)} citizens have had vocational and language training before leaving to work abroad since the start of the year.`,
      ),
      bi(
        `Eng koʻp nomzodlar ${lastUz(dest.map((c) => c.uz.nom), (s) => uzForms(s).dat)} yuborildi. ${cap(lastUz(trades.map((t) => t.uz), (s) => uzForms(s).dat))} talab eng yuqori.`,
        `Most candidates have gone to ${joinEn(dest.map((c) => c.en))}. ${cap(joinEn(trades.map((t) => t.en)))} are in greatest demand.`,
      ),
      bi(`Uyushgan tarzda ishga ketayotgan mehnat migrantlariga ${perk.uz}.`, `Migrant workers leaving under organised recruitment ${perk.en}.`),
      bi(
        `Agentlik xorijdagi boʻsh ish oʻrinlari haqidagi maʼlumotni ${where.uz} olish mumkinligini, litsenziyasiz vositachilarga murojaat qilish esa firibgarlik xavfi bilan bogʻliqligini eslatadi.`,
        `The agency reminds jobseekers that information on vacancies abroad is available ${where.en}, and that using unlicensed intermediaries carries a risk of fraud.`,
      ),
    ],
  };
};

const trFestival: Mirror = (g) => {
  const f = g.pick(FESTIVALS);
  const F = festivalTr(f);
  const at = city(f.city);
  const countries = g.count(12, 70);
  const name = F.en.replace(/^the /, '');
  const headline = g.pick([
    bi(`${at.uz.loc} ${F.uz.nom} ochildi`, `${cap(name)} opens in ${at.en}`),
    bi(`${at.uz.loc} ${F.uz.nom} uchun ${countries} ta davlatdan ishtirokchilar yigʻildi`, `Participants from ${countries} countries gather in ${at.en} for ${F.en}`),
  ]);
  const extra = g.pick([
    bi('ilmiy konferensiya, mahorat darslari va xalq hunarmandchiligi koʻrgazmasi', 'a conference, master classes and a folk crafts exhibition'),
    bi('hunarmandchilik buyumlari yarmarkasi va gastronomiya festivali', 'a handicrafts fair and a food festival'),
    bi('ochiq osmon ostidagi konsertlar va ijodiy uchrashuvlar', 'open-air concerts and meetings with artists'),
  ]);
  const note = g.pick([
    bi('festival davomida shaharga oʻn minglab mehmonlar tashrif buyuradi', 'tens of thousands of visitors are expected in the city during the festival'),
    bi('festivalning barcha tadbirlariga kirish bepul', 'admission to all festival events is free'),
  ]);
  const length = g.pick([bi('besh kun', 'five days'), bi('toʻrt kun', 'four days'), bi('bir hafta', 'a week')]);
  return {
    city: bi(at.uz.nom, at.en),
    headline,
    lead: bi(
      `${at.uz.loc} ${F.uz.nom} boshlandi, unda ${countries} ta davlatdan kelgan ${F.who.uz} ishtirok etmoqda.`,
      `${cap(F.en)} has opened in ${at.en}, bringing together ${F.who.en} from ${countries} countries.`,
    ),
    paragraphs: [
      bi(
        `${at.uz.loc} ${F.uz.nom} ochildi. Unda ${countries} ta davlatdan ${F.who.uz} ishtirok etmoqda.`,
        `${cap(F.en)} has opened in ${at.en}, with ${F.who.en} from ${countries} countries taking part.`,
      ),
      F.program,
      bi(`Festival doirasida, shuningdek, ${extra.uz} boʻlib oʻtadi.`, `The festival will also feature ${extra.en}.`),
      bi(
        `Tashkilotchilarning soʻzlariga koʻra, ${note.uz}. Festival ${length.uz} davom etadi.`,
        `According to the organisers, ${note.en}. The festival will last ${length.en}.`,
      ),
    ],
    imageCaption: bi(`${at.uz.loc}gi festivalning ochilishi`, `Opening of the festival in ${at.en}`),
  };
};

const PLACE_TR = [bi('birinchi', 'first'), bi('ikkinchi', 'second'), bi('uchinchi', 'third')];

function medalsBi(gold: number, silver: number, bronze: number): { uz: string; en: string } {
  const parts: [number, string, string][] = [
    [gold, 'oltin', 'gold'],
    [silver, 'kumush', 'silver'],
    [bronze, 'bronza', 'bronze'],
  ];
  const used = parts.filter(([k]) => k > 0);
  return {
    uz: `${joinUz(used.map(([k, u]) => `${k} ta ${u}`))} medal`,
    en: `${joinEn(used.map(([k, , e]) => `${enN(k)} ${e}`))} ${used.reduce((a, [k]) => a + k, 0) === 1 ? 'medal' : 'medals'}`,
  };
}

const trSportMedals: Mirror = (g) => {
  const S = sportTr(g.pick(SPORTS));
  const host = city(g.pick(SPORT_HOSTS).city);
  const gold = g.int(1, 5);
  const silver = g.int(0, 5);
  const bronze = g.int(1, 6);
  const total = gold + silver + bronze;
  const place = PLACE_TR[gold >= 4 ? 0 : gold >= 2 ? g.int(0, 1) : g.int(1, 2)]!;
  const champIn = bi(`${host.uz.loc}gi ${S.champ.uz.loc}`, `${S.champ.en} in ${host.en}`);
  const headline = g.pick([
    bi(`Oʻzbekiston ${S.athletesUz} ${champIn.uz} ${total} ta medal qoʻlga kiritdi`, `Uzbek ${S.athletesEn} win ${total} medals at ${champIn.en}`),
    bi(`Oʻzbekiston terma jamoasi ${S.champ.uz.loc} jamoaviy hisobda ${place.uz} oʻrinni egalladi`, `Uzbekistan finishes ${place.en} in team standings at ${S.champ.en}`),
  ]);
  const highlight = g.pick(S.highlights);
  const quote = g.pick([
    bi(
      'Jamoaning natijasi — oʻquv-mashgʻulot yigʻinlarida olib borilgan katta mehnat samarasi. Endi asosiy maqsadimiz — jahon chempionatida munosib chiqish qilish',
      'The team’s result is the fruit of hard work at our training camps. Now our main goal is a strong showing at the world championships',
    ),
    bi(
      'Turnirga yangilangan tarkib bilan keldik va jamoaning koʻplab yosh aʼzolari eng yuqori darajada medallar uchun kurashishga tayyor ekanini koʻrsatdi',
      'We brought a renewed squad to the tournament, and many of our young athletes showed they are ready to fight for medals at the highest level',
    ),
  ]);
  const next = g.pick([
    bi('jahon chempionati', 'the world championships'),
    bi('Gran-pri bosqichi', 'a Grand Prix event'),
    bi('Toshkentdagi xalqaro turnir', 'an international tournament in Tashkent'),
  ]);
  const medals = medalsBi(gold, silver, bronze);
  return {
    city: bi(host.uz.nom, host.en),
    headline,
    lead: bi(
      `Oʻzbekiston terma jamoasi ${champIn.uz} ${total} ta medal qoʻlga kiritib, umumjamoa hisobida ${place.uz} oʻrinni egalladi.`,
      `Uzbekistan’s national team won ${total} medals at ${champIn.en}, finishing ${place.en} in the overall team standings.`,
    ),
    paragraphs: [
      bi(
        `${host.uz.loc} ${S.champ.uz.nom} yakunlandi. Oʻzbekiston terma jamoasi ${medals.uz} qoʻlga kiritib, umumjamoa hisobida ${place.uz} oʻrinni egalladi.`,
        `${cap(S.champ.en)} have ended in ${host.en}. Uzbekistan won ${medals.en} and finished ${place.en} in the overall team standings.`,
      ),
      highlight,
      bi(`«${quote.uz}», — dedi terma jamoa bosh murabbiyi.`, `“${quote.en},” the head coach said.`),
      bi(`Jamoa uchun navbatdagi yirik start ${next.uz} boʻladi.`, `The team’s next major event will be ${next.en}.`),
    ],
    imageCaption: bi('Chempionat sovrindorlarini taqdirlash marosimi', 'Medal ceremony at the championships'),
  };
};

export const SOCIETY_MIRRORS: [StoryTemplate, Mirror][] = [
  [newSchools, trNewSchools],
  [medicalCenter, trMedicalCenter],
  [universityBranch, trUniversityBranch],
  [jobFair, trJobFair],
  [migrantTraining, trMigrantTraining],
  [festival, trFestival],
  [sportMedals, trSportMedals],
];
