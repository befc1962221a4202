/**
 * Tests for the Uzbek Latin ↔ Cyrillic transliterator.
 *
 * The seen pair table (translit.fixtures/seen.tsv, read by pairs.ts) is built from:
 * - Cabinet of Ministers resolution №339 of 24 Aug 1995, «Oʻzbek tilining asosiy imlo qoidalari»,
 *   and its annex on writing Cyrillic-only letters in Latin — their own examples are used where they
 *   exist (aʼlo, baʼzan, maʼyus…, Isʼhoq, sentabr/oktabr, premyera, pavilyon, razyezd, kvars, sellofan);
 * - the Oʻzbek tilining izohli lugʻati (5 vols, Oʻzbekiston milliy ensiklopediyasi, 2006–2008) and the
 *   Imlo lugʻati for vocabulary and loanword spellings;
 * - the Oʻzbekiston Milliy ensiklopediyasi for place names, gov.uz for the names of state bodies.
 * Every pair is tested in both directions. One-way cases (Latin apostrophe variants, letters only
 * Cyrillic has: щ, ы, ь before и) are tested in the direction the rules define.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Readable, Writable } from 'node:stream';
import {
  normalizeLatin, toCyrillic, toCyrillicHtml, toLatin, toLatinHtml, translitDoc,
} from './translit.js';
import { runTranslit } from './translit.cli.js';
import * as pairs from './translit.fixtures/pairs.js';

const OK = '\u02BB'; // ʻ
const TU = '\u02BC'; // ʼ

const GROUPS: Array<[string, readonly pairs.Pair[]]> = [
  ['common words', pairs.COMMON_WORDS],
  ['news vocabulary', pairs.NEWS_WORDS],
  ['ц inside words (ts)', pairs.TS_RULE],
  ['tutuq belgisi', pairs.TUTUQ],
  ['s and h apart', pairs.S_H],
  ['examples of the 1995 rules', pairs.ORTHOGRAPHY_EXAMPLES],
  ['place names', pairs.PLACES],
  ['people', pairs.PEOPLE],
  ['calendar', pairs.CALENDAR],
  ['state bodies', pairs.INSTITUTIONS],
  ['loanwords (lexicon)', pairs.LOANWORDS],
  ['lexicon words with suffixes', pairs.INFLECTED],
  ['capitals and abbreviations', pairs.CAPITALS],
  ['sentences', pairs.SENTENCES],
  ['examples of issue 13', pairs.ISSUE],
];

describe('pair table', () => {
  it('has at least 300 distinct pairs', () => {
    expect(pairs.ALL_PAIRS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(pairs.ALL_PAIRS.map(([l, c]) => l + '|' + c)).size).toBe(pairs.ALL_PAIRS.length);
  });
  for (const [name, table] of GROUPS) {
    describe(name, () => {
      it.each(table)('%s ↔ %s', (latin, cyrillic) => {
        expect(toCyrillic(latin)).toBe(cyrillic);
        expect(toLatin(cyrillic)).toBe(latin);
      });
    });
  }
});

describe('Latin input as people type it', () => {
  it.each([
    ["O'zbekiston", 'Ўзбекистон'],
    ['O`zbekiston', 'Ўзбекистон'],
    ['O‘zbekiston', 'Ўзбекистон'],
    ['O’zbekiston', 'Ўзбекистон'],
    ['O´zbekiston', 'Ўзбекистон'],
    [`O${TU}zbekiston`, 'Ўзбекистон'],
    ["g'alaba", 'ғалаба'],
    ["ma'no", 'маъно'],
    ['ma’no', 'маъно'],
    [`ma${OK}no`, 'маъно'],
    ["bog'", 'боғ'],
    ["Is'hoq", 'Исҳоқ'],
    ["O'ZBEKISTON", 'ЎЗБЕКИСТОН'],
    ['sentabr', 'сентябрь'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(toCyrillic(latin)).toBe(cyrillic);
  });

  it('normalizes oʻ/gʻ to U+02BB and the tutuq to U+02BC', () => {
    expect(normalizeLatin("O'zbekiston g`alaba ma'no so‘z bog'")).toBe(`O${OK}zbekiston g${OK}alaba ma${TU}no so${OK}z bog${OK}`);
    expect(normalizeLatin(`ma${OK}no Nu’mon`)).toBe(`ma${TU}no Nu${TU}mon`);
    expect(normalizeLatin('mavqeʼ')).toBe('mavqeʼ');
  });

  it('leaves quotation marks, URLs and e-mail addresses alone', () => {
    expect(normalizeLatin("'Salom', dedi u. ‘Yangi yil’")).toBe("'Salom', dedi u. ‘Yangi yil’");
    expect(normalizeLatin("sening' so'zing")).toBe(`sening' so${OK}zing`);
    expect(normalizeLatin("https://kun.uz/o'zbek bo'lim@xabar.uz")).toBe("https://kun.uz/o'zbek bo'lim@xabar.uz");
    expect(toCyrillic("'Salom', dedi u.")).toBe("'Салом', деди у.");
  });
});

describe('Cyrillic-only letters (1995 annex), one way', () => {
  it.each([
    ['община', 'obshina'], // щ → sh
    ['вымпел', 'vimpel'], // ы → i
    ['Ильин', 'Ilyin'], // ь before и → y
    ['съёмка', 'syomka'], // ъ in a Russian word is dropped
    ['антенна', 'antenna'],
    ['сентябр', 'sentabr'], // ь-less spelling of a lexicon word
  ])('%s → %s', (cyrillic, latin) => {
    expect(toLatin(cyrillic)).toBe(latin);
  });

  it('writes ц as s at a word end and after a consonant, ts after a vowel inside a word', () => {
    expect(toLatin('шприц')).toBe('shpris');
    expect(toLatin('концерт')).toBe('konsert');
    expect(toLatin('лицей')).toBe('litsey');
  });
});

describe('what is left as written', () => {
  it('keeps URLs, e-mail addresses, mentions, domain and file names in both directions', () => {
    const latin = "Batafsil: https://kun.uz/news/2024/01/o'zbekiston?id=5, info@gov.uz va kun.uz, @kunuz, hisobot.pdf";
    expect(toCyrillic(latin)).toBe(
      "Батафсил: https://kun.uz/news/2024/01/o'zbekiston?id=5, info@gov.uz ва kun.uz, @kunuz, hisobot.pdf",
    );
    expect(toLatin('Манба: https://kun.uz/uz/news/тест ва www.gazeta.uz/ru')).toBe(
      'Manba: https://kun.uz/uz/news/тест va www.gazeta.uz/ru',
    );
  });

  it('keeps numbers; metric units follow the script, international ones stay', () => {
    expect(toCyrillic('Masofa 5 km, ogʻirligi 20 kg, 10 % chegirma, 2 mln soʻm, 100 MB, 5 GHz')).toBe(
      'Масофа 5 км, оғирлиги 20 кг, 10 % чегирма, 2 млн сўм, 100 MB, 5 GHz',
    );
    expect(toCyrillic('5 km', { keepUnits: true })).toBe('5 km');
    expect(toLatin('148 км, 20 кг, 5 млн сўм')).toBe(`148 km, 20 kg, 5 mln so${OK}m`);
    expect(toCyrillic('2024-yil 1-sentabr')).toBe('2024-йил 1-сентябрь');
  });

  it('keeps brands: keep-list, mixed case, digits, letters outside the Uzbek alphabet', () => {
    expect(toCyrillic('Google, iPhone 15, YouTube, TikTok, Facebook, 5G, Coca-Cola, Kia')).toBe(
      'Google, iPhone 15, YouTube, TikTok, Facebook, 5G, Coca-Cola, Киа',
    );
    expect(toCyrillic('Artel va Google', { keep: ['Artel'] })).toBe('Artel ва Google');
    expect(toCyrillic('GOOGLE')).toBe('GOOGLE');
    expect(toCyrillic('Google', { useDefaultKeep: false })).toBe('Гоогле');
  });

  it('converts Uzbek abbreviations but keeps Roman numerals; an initial is a letter', () => {
    expect(toCyrillic('XXI asr, IV bob, I. Karimov, X. Xolmatov, BMT, ToshDU')).toBe(
      'XXI аср, IV боб, И. Каримов, Х. Холматов, БМТ, ТошДУ',
    );
  });

  it('gives a lone capital the case of the words around it', () => {
    expect(toLatin('Ш. МИРЗИЁЕВ')).toBe('SH. MIRZIYOYEV');
    expect(toLatin('Ш. Мирзиёев')).toBe('Sh. Mirziyoyev');
    expect(toLatin('ТИНЧЛИК Ё УРУШ')).toBe('TINCHLIK YO URUSH');
    expect(toLatin('Тинчлик ё уруш. Ё БМТ')).toBe('Tinchlik yo urush. Yo BMT');
  });

  it('leaves the other script alone in mixed text', () => {
    expect(toCyrillic('Toshkent (рус. Ташкент) — poytaxt')).toBe('Тошкент (рус. Ташкент) — пойтахт');
    expect(toLatin('Apple iPhone 15 Pro Тошкентда сотувда')).toBe('Apple iPhone 15 Pro Toshkentda sotuvda');
  });

  it('converts Cyrillic brands to Latin unless they are on the keep-list', () => {
    expect(toLatin('Яндекс ва ВКонтакте')).toBe('Yandex va VKontakte');
    expect(toLatin('Яндекс', { keep: ['Яндекс'] })).toBe('Яндекс');
  });
});

describe('robustness', () => {
  it('handles empty input, stray apostrophes and punctuation', () => {
    expect(toCyrillic('')).toBe('');
    expect(toLatin('')).toBe('');
    expect(normalizeLatin('')).toBe('');
    expect(toCyrillic("'''")).toBe("'''");
    expect(toCyrillic("o' ' g' -- - a-")).toBe("о' ' г' -- - а-");
    expect(toLatin('ъ ь Ъ')).toBe(`${TU}  ${TU}`);
  });

  it('passes unpaired surrogates and unmapped characters through', () => {
    const s = 'a\uD800b\uDC00 😀 ß é 漢字 ә';
    expect(toLatin(s)).toBe(s);
    expect(toCyrillic('\uD800salom\uDFFF')).toBe('\uD800салом\uDFFF');
  });

  it('converts a megabyte of text (linear time)', () => {
    const sentence = pairs.SENTENCES.map(([l]) => l).join(' ') + '\n';
    const big = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    expect(big.length).toBeGreaterThanOrEqual(1_000_000);
    const cyr = toCyrillic(big);
    expect(cyr.length).toBeGreaterThan(900_000);
    expect(toLatin(cyr)).toBe(normalizeLatin(big));
    expect(toCyrillicHtml(`<p>${big}</p>`).length).toBeGreaterThan(900_000);
  });

  it('converts pathological megabyte inputs', () => {
    for (const big of ['a'.repeat(1_000_000), "o'".repeat(500_000), '-a'.repeat(500_000), 'a.'.repeat(500_000), "'".repeat(1_000_000)]) {
      expect(toCyrillic(big).length).toBeGreaterThan(0);
      expect(normalizeLatin(big).length).toBe(big.length);
    }
    expect(toLatin('щ'.repeat(1_000_000)).length).toBe(2_000_000);
  });
});

describe('HTML', () => {
  it('converts text and alt/title only, never tags, other attributes or entities', () => {
    const html =
      '<p class="lead" title="Yangi yil">Oʻzbekiston &amp; <a href="https://kun.uz/oʻzbek" data-x="yangi">yangiliklar</a>&nbsp;&laquo;Bugun&raquo;</p>' +
      '<img src="/img/toshkent.jpg" alt="Toshkent shahri">';
    expect(toCyrillicHtml(html)).toBe(
      '<p class="lead" title="Янги йил">Ўзбекистон &amp; <a href="https://kun.uz/oʻzbek" data-x="yangi">янгиликлар</a>&nbsp;&laquo;Бугун&raquo;</p>' +
        '<img src="/img/toshkent.jpg" alt="Тошкент шаҳри">',
    );
    expect(toLatinHtml('<h1 title="Янгилик">ШАҲАР &mdash; Тошкент</h1>')).toBe('<h1 title="Yangilik">SHAHAR &mdash; Toshkent</h1>');
  });

  it('leaves comments, scripts, code and translate="no" content alone', () => {
    const html =
      '<!-- salom --><script>const shahar = "yangi";</script><style>.yangi{}</style><p>yangi <code>shahar</code> ' +
      '<span translate="no">Xabar</span> <span lang="en">Moscow</span> <em class="notranslate">yoz</em> kun</p><pre><b>osh</b></pre>';
    expect(toCyrillicHtml(html)).toBe(
      '<!-- salom --><script>const shahar = "yangi";</script><style>.yangi{}</style><p>янги <code>shahar</code> ' +
        '<span translate="no">Xabar</span> <span lang="en">Moscow</span> <em class="notranslate">yoz</em> кун</p><pre><b>osh</b></pre>',
    );
  });

  it('keeps word context across inline tags and reads apostrophe entities inside words', () => {
    expect(toCyrillicHtml('<p><b>T</b>ezkor <i>O</i>ʻzbekiston</p>')).toBe('<p><b>Т</b>езкор <i>Ў</i>збекистон</p>');
    expect(toCyrillicHtml('<p>O&#39;zbekiston, ma&rsquo;no, &#39;salom&#39;</p>')).toBe('<p>Ўзбекистон, маъно, &#39;салом&#39;</p>');
    expect(toCyrillicHtml('<p>eshik</p><p>eshik</p>')).toBe('<p>эшик</p><p>эшик</p>');
    expect(toCyrillicHtml('<p>5 < 6 va 7 > 3</p>')).toBe('<p>5 < 6 ва 7 > 3</p>');
    expect(toCyrillicHtml('<html lang="en"><body><p>yangi</p></body></html>')).toBe('<html lang="en"><body><p>янги</p></body></html>');
  });
});

describe('ProseMirror documents', () => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2, id: 'yangi' }, content: [{ type: 'text', text: 'SHOSHILINCH XABAR' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Oʻz', marks: [{ type: 'bold' }] },
          { type: 'text', text: 'bekiston ' },
          { type: 'text', text: 'yangiliklari', marks: [{ type: 'link', attrs: { href: 'https://kun.uz/yangi', target: '_blank' } }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'shahar', marks: [{ type: 'code' }] },
        ],
      },
      { type: 'image', attrs: { src: '/media/toshkent.jpg', alt: 'Toshkent', caption: 'Yangi bino', title: 'Surat', width: 800 } },
      { type: 'codeBlock', content: [{ type: 'text', text: 'const yangi = 1' }] },
      { type: 'custom', payload: { when: new Date(0), n: 5, s: 'salom' } },
    ],
  };

  it('converts text nodes and image alt/caption/title in a deep copy', () => {
    const before = JSON.stringify(doc);
    const out = translitDoc(doc, 'cyrl') as typeof doc;
    expect(JSON.stringify(doc)).toBe(before);
    expect(out).not.toBe(doc);
    expect(out.content[0]?.content?.[0]).toEqual({ type: 'text', text: 'ШОШИЛИНЧ ХАБАР' });
    expect(out.content[0]?.attrs).toEqual({ level: 2, id: 'yangi' });
    expect(out.content[1]?.content).toEqual([
      { type: 'text', text: 'Ўз', marks: [{ type: 'bold' }] },
      { type: 'text', text: 'бекистон ' },
      { type: 'text', text: 'янгиликлари', marks: [{ type: 'link', attrs: { href: 'https://kun.uz/yangi', target: '_blank' } }] },
      { type: 'hardBreak' },
      { type: 'text', text: 'shahar', marks: [{ type: 'code' }] },
    ]);
    expect(out.content[2]?.attrs).toEqual({ src: '/media/toshkent.jpg', alt: 'Тошкент', caption: 'Янги бино', title: 'Сурат', width: 800 });
    expect(out.content[3]).toEqual(doc.content[3]);
    expect(out.content[4]).toEqual(doc.content[4]);
    expect(translitDoc(out, 'latn')).toEqual(doc);
  });

  it('passes unknown shapes through', () => {
    expect(translitDoc(null, 'cyrl')).toBe(null);
    expect(translitDoc('yangi', 'cyrl')).toBe('yangi');
    expect(translitDoc(42, 'latn')).toBe(42);
    expect(translitDoc({ type: 'text', text: 'salom' }, 'cyrl')).toEqual({ type: 'text', text: 'салом' });
    expect(translitDoc([{ type: 'text', text: 5 }], 'cyrl')).toEqual([{ type: 'text', text: 5 }]);
    const cyclic: Record<string, unknown> = { type: 'doc' };
    cyclic.self = cyclic;
    expect(() => translitDoc(cyclic, 'cyrl')).not.toThrow();
  });
});

describe('runTranslit (xabar translit)', () => {
  function capture(): { stream: Writable; text: () => string } {
    const chunks: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(Buffer.from(chunk));
        cb();
      },
    });
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  }

  async function run(args: string[], input: string | Buffer[]): Promise<[number, string, string]> {
    const out = capture();
    const err = capture();
    const stdin = Readable.from(typeof input === 'string' ? [Buffer.from(input, 'utf8')] : input);
    const code = await runTranslit(args, stdin, out.stream, err.stream);
    return [code, out.text(), err.text()];
  }

  it('converts stdin to the requested script', async () => {
    expect(await run(['--to', 'cyrl'], "O'zbekiston Respublikasi\n")).toEqual([0, 'Ўзбекистон Республикаси\n', '']);
    expect(await run(['--to=latn'], 'Тошкент шаҳри')).toEqual([0, 'Toshkent shahri', '']);
    expect(await run(['--to', 'cyrl', '--html'], '<p title="yangi">yangi</p>')).toEqual([0, '<p title="янги">янги</p>', '']);
    expect(await run(['--to', 'latn'], '')).toEqual([0, '', '']);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('Ўзбекистон', 'utf8');
    expect(await run(['--to', 'latn'], [bytes.subarray(0, 3), bytes.subarray(3, 8), bytes.subarray(8)])).toEqual([0, `O${OK}zbekiston`, '']);
  });

  it('rejects a bad or missing --to with one usage line and exit code 2', async () => {
    for (const args of [[], ['--to'], ['--to', 'ru'], ['--to', 'cyrl', '--bogus']]) {
      const [code, out, err] = await run(args, 'salom');
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^usage: xabar translit --to cyrl\|latn \[--html\].*\n$/);
      expect(err.split('\n').length).toBe(2);
    }
  });
});

// ───────────────────────────── properties ─────────────────────────────

/** Graphemes of the 1995 alphabet; ʼ is the tutuq. */
const GRAPHEMES = [
  'a', 'b', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y', 'z',
  `o${OK}`, `g${OK}`, 'sh', 'ch', 'ng', TU,
];
const APOSTROPHE_FORMS = ["'", '`', '´', '‘', '’', OK, TU];

/**
 * A word built from Uzbek Latin letters, with apostrophes typed in any of the usual forms, in lower,
 * title or upper case. Excluded, because the rules map them one way only:
 * - a tutuq at the start of a word, doubled or after oʻ/gʻ: it is a quotation mark there (and rule 32
 *   puts none after oʻ: moʻjiza);
 * - a tutuq before y: Cyrillic ъ + ё/ю/я after a consonant is a Russian word, whose Latin drops the ъ;
 * - upper case for words of one or two letters, and capitals for the one-letter words sh, ch, yo, yu,
 *   ya, ye: a lone Ш cannot tell SH from Sh, so it takes the case of the words around it.
 * - variant spellings of lexicon words and abbreviations (MCHJ, oktyabr), which come back standard;
 * - vowel + i at a word's end: Cyrillic нуқтаи is Latin nuqtayi, so nuqtai comes back with its y.
 * c and w occur in Uzbek words only as ch; mixed case inside a word marks a brand, kept by design.
 */
/** Spellings the lexicon turns into the standard ones (МЧЖ → MChJ, октябр → oktabr): one-way. */
const NORMALISED_VARIANTS = ['mchj', 'sentyabr', 'oktyabr', 'stajyor'];

const uzbekWord = fc
  .tuple(
    fc.array(fc.nat({ max: GRAPHEMES.length - 1 }), { minLength: 1, maxLength: 10 }),
    fc.array(fc.nat({ max: APOSTROPHE_FORMS.length - 1 }), { minLength: 10, maxLength: 10 }),
    fc.constantFrom('lower', 'title', 'upper'),
  )
  .map(([idx, forms, casing]) => {
    const gs: string[] = [];
    for (const k of idx) {
      const g = GRAPHEMES[k] ?? 'a';
      const last = gs[gs.length - 1];
      if (g === TU && (last === undefined || /[ʻʼ]$/u.test(last))) continue;
      if (g.startsWith('y') && last === TU) gs.pop();
      gs.push(g);
    }
    if (gs.length === 0) gs.push('a');
    let w = gs.map((g, k) => g.replace(/[ʻʼ]/u, APOSTROPHE_FORMS[forms[k % forms.length] ?? 0] ?? OK)).join('');
    const letters = w.replace(/[^a-z]/g, '').length;
    if (/^(?:sh|ch|y[eoua])['`´‘’ʻʼ]?$/u.test(w)) return w; // Yo' is the one-letter word Ё and a quote
    if (NORMALISED_VARIANTS.some((v) => w.toLowerCase().startsWith(v))) return 'a';
    // Vowel + i at a word's end is the izofa written without its y (nuqtai): it comes back nuqtayi.
    if (/(?:[aeiu]|o['`´‘’ʻʼ]?)i['`´‘’ʻʼ]*$/iu.test(w)) w = w.replace(/['`´‘’ʻʼ]*$/u, '') + 'n';
    if (casing === 'upper' && letters > 2) w = w.toUpperCase();
    else if (casing !== 'lower') w = w.charAt(0).toUpperCase() + w.slice(1);
    return w;
  });

const SEPARATORS = [' ', ', ', '. ', ' - ', '-', '\n', ' (', ') ', ' «', '» ', '! ', ' 5 ', ' 2024-'];
const uzbekText = fc
  .tuple(fc.array(uzbekWord, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom(...SEPARATORS), { minLength: 12, maxLength: 12 }))
  .map(([words, seps]) => words.map((w, k) => (k === 0 ? '' : seps[k] ?? ' ') + w).join(''));

/** Characters that are not letters or apostrophes: they must all come out, in order. */
function unmapped(s: string): string[] {
  return Array.from(s).filter((ch) => !/[\p{L}\p{M}]/u.test(ch) && !APOSTROPHE_FORMS.includes(ch));
}

function keepsInOrder(input: string, output: string): boolean {
  let pos = 0;
  for (const ch of unmapped(input)) {
    const at = output.indexOf(ch, pos);
    if (at === -1) return false;
    pos = at + ch.length;
  }
  return true;
}

/** Whether the fragments occur in text in this order. */
function containsInOrder(text: string, fragments: readonly string[]): boolean {
  let pos = 0;
  for (const f of fragments) {
    const at = text.indexOf(f, pos);
    if (at === -1) return false;
    pos = at + f.length;
  }
  return true;
}

describe('properties', () => {
  it('Latin → Cyrillic → Latin gives the normalised input', () => {
    fc.assert(
      fc.property(uzbekText, (text) => {
        expect(toLatin(toCyrillic(text))).toBe(normalizeLatin(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and keeps every unmapped character, in order, on arbitrary strings', () => {
    const chaos = fc.string({
      unit: fc.constantFrom(...'aoOgGshcyeEtiu’‘\'`ʻʼ-–@./:<>&;# 0123456789АаЎўЕеЦцЪъЬьЁёЮю\uD800\uDC00😀'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), chaos), (s) => {
        for (const out of [toCyrillic(s), toLatin(s)]) {
          expect(typeof out).toBe('string');
          expect(out.length).toBeGreaterThanOrEqual(unmapped(s).length);
          expect(keepsInOrder(s, out)).toBe(true);
        }
        const norm = normalizeLatin(s);
        expect(norm.length).toBe(s.length);
        expect(keepsInOrder(s, norm)).toBe(true);
        expect(typeof toCyrillicHtml(s)).toBe('string');
        expect(typeof toLatinHtml(s)).toBe('string');
        expect(translitDoc({ type: 'text', text: s }, 'cyrl')).toBeTypeOf('object');
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps URLs and e-mail addresses in both directions', () => {
    fc.assert(
      fc.property(uzbekText, fc.webUrl(), fc.emailAddress(), uzbekText, (a, url, email, b) => {
        const latin = `${a} ${url} ${b}, ${email} ${a}`;
        expect(containsInOrder(toCyrillic(latin), [url, email])).toBe(true);
        const cyrillic = `${toCyrillic(a)} ${url} ${toCyrillic(b)}, ${email}`;
        expect(containsInOrder(toLatin(cyrillic), [url, email])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps HTML markup and entities in both directions', () => {
    const markup = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<br>', '<br/>', '<b>', '</b>', '<span class="lead">', '</span>', '<!-- yangi -->', '&amp;', '&nbsp;', '&#169;', '&laquo;'),
      fc.webUrl().map((u) => `<a href="${u}" data-id="yangi">`),
      fc.webUrl().map((u) => `<img src="${u}">`),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(markup, uzbekText), { minLength: 1, maxLength: 8 }), (items) => {
        const tags = items.map(([m]) => m);
        const latin = items.map(([m, t]) => m + t.replace(/[<>&]/g, ' ')).join('');
        expect(containsInOrder(toCyrillicHtml(latin), tags)).toBe(true);
        const cyrillic = items.map(([m, t]) => m + toCyrillic(t.replace(/[<>&]/g, ' '))).join('');
        expect(containsInOrder(toLatinHtml(cyrillic), tags)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
