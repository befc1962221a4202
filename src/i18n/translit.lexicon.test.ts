/**
 * Tests for the transliterator's word lists, the rules that hold in every case form (issue 13), the
 * editors' exceptions, explanations, and the accuracy per direction on the held-out pair set.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Readable, Writable } from 'node:stream';
import { explainText, toCyrillic, toLatin } from './translit.js';
import { runTranslit } from './translit.cli.js';
import { HELDOUT, ISSUE, type Pair } from './translit.fixtures/pairs.js';

const OK = '\u02BB'; // ʻ

describe('rules that hold in every case form', () => {
  it('reads digraphs and iotated vowels in any mix of cases', () => {
    expect(toCyrillic('sH cH yE yO yA yU')).toBe('ш ч е ё я ю');
    expect(toCyrillic('SH CH YE YO YA YU')).toBe('Ш Ч Е Ё Я Ю');
    expect(toCyrillic('sHahar cHoy')).toBe('шаҳар чой');
    expect(toCyrillic('motivaTsion')).toBe('мотиваЦион');
    expect(toCyrillic('aCH')).toBe('аЧ');
    expect(toLatin('аЧ')).toBe('aCH');
    expect(toLatin('мотиваЦион')).toBe('motivaTsion');
  });

  it('still keeps brand-like case (iPhone, YouTube, eBay)', () => {
    expect(toCyrillic('iPhone YouTube eBay TikTok')).toBe('iPhone YouTube eBay TikTok');
  });

  it('keeps a word in capitals in capitals, word lists included', () => {
    expect(toCyrillic('SANKSIYA DVIGATELNI KARATE')).toBe('САНКЦИЯ ДВИГАТЕЛНИ КАРАТЭ');
    expect(toLatin('САНКЦИЯ ДВИГАТЕЛИ')).toBe('SANKSIYA DVIGATELI');
  });

  it('maps standalone letters to single letters', () => {
    expect(toCyrillic('G‘ O‘ Sh Ch Gʻ harfi')).toBe('Ғ Ў Ш Ч Ғ ҳарфи');
    expect(toCyrillic("G' va O' harflari")).toBe('Ғ ва Ў ҳарфлари');
    expect(toLatin('Ғ ҳарфи')).toBe(`G${OK} harfi`);
    // A lower-case o or g with a straight quote may end a quotation: left alone.
    expect(toCyrillic("'salom o' dedi")).toBe("'салом о' деди");
  });

  it('leaves Roman numerals, URLs, e-mail, @handles and #hashtags alone; an initial is a letter', () => {
    expect(toCyrillic('I. Kirish\nII. Asosiy qism\nXXI asr, IV bob')).toBe('I. Кириш\nII. Асосий қисм\nXXI аср, IV боб');
    expect(toCyrillic('Muallif: I. Karimov')).toBe('Муаллиф: И. Каримов');
    expect(toCyrillic('#Toshkent2024 #yangilik @kunuz https://kun.uz/oʻzbek info@gov.uz')).toBe(
      '#Toshkent2024 #yangilik @kunuz https://kun.uz/oʻzbek info@gov.uz',
    );
    expect(toLatin('#Тошкент хабари')).toBe('#Тошкент xabari');
  });

  it('transliterates Uzbek suffixes written straight after digits', () => {
    expect(toCyrillic('3138ta, 5ga, 10dan, 3tadan, 100ga yaqin')).toBe('3138та, 5га, 10дан, 3тадан, 100га яқин');
    expect(toLatin('3138та, 5га, 10дан')).toBe('3138ta, 5ga, 10dan');
    expect(toCyrillic('5G, 4K, 3D, COVID-19')).toBe('5G, 4K, 3D, COVID-19');
  });

  it('writes metric units and common abbreviations in the target script', () => {
    expect(toCyrillic('148 km, 20 kg, 300 m, 12 sm, 5 ga, 2 mln soʻm, 1,5 mlrd dollar, 500 MVt, 110 kVt')).toBe(
      '148 км, 20 кг, 300 м, 12 см, 5 га, 2 млн сўм, 1,5 млрд доллар, 500 МВт, 110 кВт',
    );
    expect(toLatin('148 км, 20 кг, 2 млн сўм, 500 МВт')).toBe(`148 km, 20 kg, 2 mln so${OK}m, 500 MVt`);
    expect(toCyrillic('100 MB, 5 GHz')).toBe('100 MB, 5 GHz');
  });
});

describe('the 1995 rules in both directions', () => {
  it('keeps nuqtayi-type endings', () => {
    expect(toLatin('нуқтаи назар, обрўи, Бухорои шариф')).toBe(`nuqtayi nazar, obro${OK}yi, Buxoroyi sharif`);
    expect(toCyrillic(`nuqtayi nazar, obro${OK}yi, Buxoroyi sharif`)).toBe('нуқтаи назар, обрўи, Бухорои шариф');
    // y + i of a stem ending in y stays: uy+i, toʻy+i, Orolboʻy+i.
    expect(toCyrillic(`uyi, to${OK}yi, joyi, Orolbo${OK}yi`)).toBe('уйи, тўйи, жойи, Оролбўйи');
    expect(toLatin('уйи, тўйи')).toBe(`uyi, to${OK}yi`);
  });

  it('writes ғъ and ўъ without a tutuq (rule 32)', () => {
    expect(toLatin('ғъ ўъ мўъжиза тағъин')).toBe(`g${OK} o${OK} mo${OK}jiza tag${OK}in`);
    expect(toCyrillic(`mo${OK}jiza mo${OK}jaz`)).toBe('мўъжиза мўъжаз');
  });

  it('tells s+h from sh both ways', () => {
    expect(toCyrillic('Isʼhoq, Asʼhob, ISʼHOQ, mashhur, tashhis, sxema, shahar')).toBe('Исҳоқ, Асҳоб, ИСҲОҚ, машҳур, ташҳис, схема, шаҳар');
    expect(toLatin('Исҳоқ, Асҳоб, ИСҲОҚ, машҳур, ташҳис, схема, шаҳар')).toBe('Isʼhoq, Asʼhob, ISʼHOQ, mashhur, tashhis, sxema, shahar');
    expect(toCyrillic("Is'hoq")).toBe('Исҳоқ');
  });
});

describe('word lists', () => {
  it('gives the examples of issue 13', () => {
    const latin = 'sanksiya podstansiya siklon dvigatel alpinizm konyak karate konveyer pleyer yod yogurt poyabzal mikrorayon Alfred Nobel Shtirlitsni';
    expect(toCyrillic(latin)).toBe(
      'санкция подстанция циклон двигатель альпинизм коньяк каратэ конвейер плейер йод йогурт пойабзал микрорайон Альфред Нобель Штирлицни',
    );
  });

  it('prefers the Uzbek list to the Russian one where they differ', () => {
    expect(toCyrillic('pleyer karate')).toBe('плейер каратэ'); // Russian: плеер, карате
  });

  it('keeps the rules where a native word shares its Latin with a Russian one', () => {
    expect(toCyrillic('chunki zavod tish tush past stol sol')).toBe('чунки завод тиш туш паст стол сол');
  });

  it('finds stems before Uzbek suffixes and drops a final ь there', () => {
    expect(toCyrillic('sanksiyalarni dvigatelni festivalda konyakdan kompyuterlashtirish')).toBe(
      'санкцияларни двигателни фестивалда коньякдан компьютерлаштириш',
    );
    expect(toLatin('двигателни фестивалда')).toBe('dvigatelni festivalda');
  });

  it('converts a megabyte of loanword-heavy text', () => {
    const [latin, cyrillic] = ISSUE.reduce<[string, string]>(([l, c], [a, b]) => [l + a + '\n', c + b + '\n'], ['', '']);
    const times = Math.ceil(1_000_000 / latin.length);
    const out = toCyrillic(latin.repeat(times));
    expect(out.length).toBe(cyrillic.length * times);
    expect(out === cyrillic.repeat(times)).toBe(true);
  });
});

describe('editor exceptions', () => {
  const exceptions: Array<[string, string]> = [['Nikol', 'Никол'], ['karate', 'карате'], ['Finlandiya', 'Финляндия']];

  it('win over the word lists and the rules, in both directions and before suffixes', () => {
    expect(toCyrillic('Nikol Pashinyan', { exceptions })).toBe('Никол Пашинян');
    expect(toCyrillic('Nikol Pashinyan')).toBe('Николь Пашинян'); // the Russian list's николь without it
    expect(toCyrillic('karate Finlandiyada', { exceptions })).toBe('карате Финляндияда');
    expect(toLatin('Финляндия Финляндияга', { exceptions })).toBe('Finlandiya Finlandiyaga');
    expect(toLatin('Финляндия')).toBe('Finlyandiya');
  });

  it('never make conversion or explanation throw, whatever the text and the entries', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 5 }), (text, exceptions) => {
        expect(typeof toCyrillic(text, { exceptions })).toBe('string');
        expect(typeof toLatin(text, { exceptions })).toBe('string');
        expect(explainText(text, 'cyrl', { exceptions }).output).toBe(toCyrillic(text, { exceptions }));
      }),
      { numRuns: 300 },
    );
  });

  it('ignore malformed entries', () => {
    const bad = [['', 'x'], ['a'], 5, null] as unknown as Array<[string, string]>;
    expect(toCyrillic('salom', { exceptions: bad })).toBe('салом');
  });
});

describe('explanations', () => {
  it('says per word which rule or list entry decided it', () => {
    const { output, words } = explainText('sanksiya karate yod Google 3138ta nuqtayi', 'cyrl');
    expect(output).toBe('санкция каратэ йод Google 3138та нуқтаи');
    expect(words).toEqual([
      { from: 'sanksiya', to: 'санкция', why: 'Russian list: санкция' },
      { from: 'karate', to: 'каратэ', why: 'Uzbek list: каратэ' },
      { from: 'yod', to: 'йод', why: 'Uzbek list: йод' },
      { from: 'Google', to: 'Google', why: 'kept: keep-list' },
      { from: '3138ta', to: '3138та', why: 'letter rules' },
      { from: 'nuqtayi', to: 'нуқтаи', why: 'izofa: vowel + yi is written и' },
    ]);
    expect(explainText('Nikol', 'cyrl', { exceptions: [['Nikol', 'Никол']] }).words).toEqual([{ from: 'Nikol', to: 'Никол', why: 'exception nikol → никол' }]);
  });

  it('xabar translit --explain writes the conversion to stdout and the reasons to stderr', async () => {
    const chunks: Record<'out' | 'err', Buffer[]> = { out: [], err: [] };
    const sink = (k: 'out' | 'err') =>
      new Writable({
        write(chunk: Buffer, _e, cb) {
          chunks[k].push(Buffer.from(chunk));
          cb();
        },
      });
    const code = await runTranslit(['--to', 'cyrl', '--explain'], Readable.from([Buffer.from('salom\nsanksiya\n')]), sink('out'), sink('err'));
    expect(code).toBe(0);
    expect(Buffer.concat(chunks.out).toString()).toBe('салом\nсанкция\n');
    expect(Buffer.concat(chunks.err).toString()).toBe('1: salom → салом  letter rules\n2: sanksiya → санкция  Russian list: санкция\n');
    const bad = await runTranslit(['--to', 'cyrl', '--explain', '--html'], Readable.from([Buffer.from('salom')]), sink('out'), sink('err'));
    expect(bad).toBe(2);
  });
});

// ───────────────────────────── accuracy on the held-out set ─────────────────────────────

function accuracy(pairs: readonly Pair[]): { cyrl: number; latn: number; cyrlMiss: string[]; latnMiss: string[] } {
  const cyrlMiss: string[] = [];
  const latnMiss: string[] = [];
  for (const [latin, cyrillic] of pairs) {
    if (toCyrillic(latin) !== cyrillic) cyrlMiss.push(`${latin} → ${toCyrillic(latin)} (want ${cyrillic})`);
    if (toLatin(cyrillic) !== latin) latnMiss.push(`${cyrillic} → ${toLatin(cyrillic)} (want ${latin})`);
  }
  const n = pairs.length;
  return { cyrl: (n - cyrlMiss.length) / n, latn: (n - latnMiss.length) / n, cyrlMiss, latnMiss };
}

const all = [...HELDOUT.values()].flat();
const total = accuracy(all);
const pct = (x: number): string => (100 * x).toFixed(1) + '%';

describe(`held-out set (${all.length} pairs)`, () => {
  it('has enough pairs: with the seen ones at least 2,000', () => {
    expect(all.length).toBeGreaterThanOrEqual(1200);
    expect(new Set(all.map(([l, c]) => l + '\t' + c)).size).toBe(all.length);
  });

  it(`Latin → Cyrillic: ${pct(total.cyrl)} (at least 97%)`, () => {
    expect(total.cyrl, total.cyrlMiss.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it(`Cyrillic → Latin: ${pct(total.latn)} (at least 97%)`, () => {
    expect(total.latn, total.latnMiss.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  for (const [group, pairs] of HELDOUT) {
    const a = accuracy(pairs);
    it(`${group}: Latin → Cyrillic ${pct(a.cyrl)}, Cyrillic → Latin ${pct(a.latn)} of ${pairs.length} (at least 90% per group)`, () => {
      expect(a.cyrl, a.cyrlMiss.join('\n')).toBeGreaterThanOrEqual(0.9);
      expect(a.latn, a.latnMiss.join('\n')).toBeGreaterThanOrEqual(0.9);
    });
  }
});
