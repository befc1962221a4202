import { describe, expect, it } from 'vitest';
import { analyze, stemUzbek } from './analyze.js';
import { fts5Query, headTest, inHead, parseQuery, tsQuery } from './query.js';
import { snippet } from './snippet.js';

const one = (text: string, locale: Parameters<typeof analyze>[1]) => analyze(text, locale).join(' ');

describe('analyzer', () => {
  it('folds every apostrophe form and none to one Uzbek token, from either script', () => {
    const forms = ['Oʻzbekiston', "O'zbekiston", 'O‘zbekiston', 'O’zbekiston', 'Oʼzbekiston', 'O`zbekiston', 'Ozbekiston', 'OʻZBEKISTON', 'Ўзбекистон'];
    const tokens = new Set(forms.flatMap((f) => [one(f, 'uz'), one(f, 'uz-Cyrl')]));
    expect(tokens).toEqual(new Set(['ozbekiston']));
    expect(one('gʻalla', 'uz')).toBe(one('ғалла', 'uz-Cyrl'));
    expect(one("bog'liqlik", 'uz')).toBe(one('боғлиқлик', 'uz'));
    expect(one('Тошкент', 'uz')).toBe('toshkent');
    expect(one('BMT', 'uz-Cyrl')).toBe(one('БМТ', 'uz-Cyrl'));
  });

  it('strips Uzbek case, possessive and plural suffixes but keeps short roots', () => {
    expect(stemUzbek('ozbekistonda')).toBe('ozbekiston');
    expect(stemUzbek('ozbekistonning')).toBe('ozbekiston');
    expect(stemUzbek('toshkentga')).toBe('toshkent');
    expect(stemUzbek('kitoblarimizdan')).toBe('kitob');
    expect(stemUzbek('yilda')).toBe('yil');
    expect(stemUzbek('ish')).toBe('ish');
    expect(stemUzbek('olga')).toBe('olga');
    expect(one('Oʻzbekistonda', 'uz')).toBe(one('Ўзбекистон', 'uz-Cyrl'));
  });

  it('stems Russian and English (Snowball), ё as е', () => {
    expect(one('Женева', 'ru')).toBe(one('Женеве', 'ru'));
    expect(one('миграция', 'ru')).toBe(one('миграции', 'ru'));
    expect(one('права мигрантов', 'ru')).toBe(one('прав мигрантов', 'ru'));
    expect(one('Ёлка', 'ru')).toBe(one('елка', 'ru'));
    expect(one('migrants running', 'ru')).toBe('migrant run');
    expect(one('Migration', 'en')).toBe(one('migrations', 'en'));
  });

  it('emits only letters and digits, so both engines split tokens alike', () => {
    for (const t of analyze('a-b c.d 3,5 e_mail x@y.z 🙂 שלום O‘zbek مرحبا \u0000', 'ru')) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(analyze('x'.repeat(200), 'en')).toEqual([]);
  });
});

describe('query syntax', () => {
  it('parses words, phrases, exclusions and prefixes', () => {
    const q = parseQuery('Женева "права мигрантов" -Москва миграции* тошк*', 'ru');
    expect(q.must).toEqual([
      { kind: 'word', forms: ['женев'] },
      { kind: 'phrase', tokens: ['прав', 'мигрант'] },
      { kind: 'prefix', prefix: 'миграции', stem: 'миграц' },
      { kind: 'prefix', prefix: 'тошк' },
    ]);
    expect(q.not).toEqual([{ kind: 'word', forms: ['москв'] }]);
    expect(fts5Query(q.must, q.not)).toBe('("женев" AND "прав мигрант" AND ("миграции"* OR "миграц") AND "тошк"*) NOT "москв"');
    expect(tsQuery(q.must, q.not)).toBe('(женев) & (прав <-> мигрант) & (миграции:* | миграц) & тошк:* & !(москв)');
  });

  it('treats operators, column filters, SQL and stray syntax as plain words', () => {
    const q = parseQuery('NEAR(a b) OR search_text:x AND NOT "; drop table editions; -- * "unbalanced', 'en');
    for (const t of q.must) {
      if (t.kind === 'word') t.forms.forEach((f) => expect(f).toMatch(/^[\p{L}\p{N}]+$/u));
      if (t.kind === 'phrase') t.tokens.forEach((f) => expect(f).toMatch(/^[\p{L}\p{N}]+$/u));
    }
    expect(fts5Query(q.must, q.not)).not.toMatch(/[();:^]/);
    expect(parseQuery('*', 'ru').must).toEqual([]);
    expect(parseQuery('a*', 'en').must).toEqual([{ kind: 'word', forms: ['a'] }]);
    expect(parseQuery('-мом', 'ru').must).toEqual([]);
  });

  it('offers a Latin-typed Russian name in Cyrillic too', () => {
    expect(parseQuery('Toshmatov', 'ru').must).toEqual([{ kind: 'word', forms: ['toshmatov', 'тошмат'] }]);
  });
});

describe('snippets', () => {
  it('marks words that match by stem around the first match', () => {
    const text = `${'Вступление без совпадений. '.repeat(10)}Представитель в Женеве встретился с МОМ по вопросам миграции.`;
    const s = snippet(text, parseQuery('Женева миграция', 'ru').must, 'ru');
    expect(s.filter((p) => p.mark).map((p) => p.text)).toEqual(['Женеве', 'миграции']);
    expect(s[0]!.text).toBe('… ');
    expect(s.map((p) => p.text).join('').length).toBeLessThan(260);
  });
});

describe('head matches in memory', () => {
  it('headTest on the stored head agrees with inHead on its tokens', () => {
    const heads = ['', 'женев', 'мом женев миграц', 'ozbekiston galla hosil yigib olindi', 'эконом экономическ развит', 'прав мигрант прав', 'a b c', 'мигрант прав'];
    const queries: [string, 'ru' | 'uz'][] = [['Женева', 'ru'], ['эконом*', 'ru'], ['экономическ*', 'ru'], ['"прав мигрантов"', 'ru'], ['"мигрантов прав"', 'ru'], ['Oʻzbekiston', 'uz'], ['gal*', 'uz'], ['a', 'ru'], ['миграции*', 'ru'], ['Toshmatov', 'ru']];
    let agreed = 0;
    for (const [q, locale] of queries) {
      for (const t of parseQuery(q, locale).must) {
        const test = headTest(t);
        for (const h of heads) {
          expect(test(h), `${q} in «${h}»`).toBe(inHead(t, h.split(' ')));
          if (test(h)) agreed++;
        }
      }
    }
    expect(agreed).toBeGreaterThan(5);
  });
});
