import { describe, expect, it } from 'vitest';
import { formatDateline, parseDateline, titleCaseCity } from './dateline.js';

const published = new Date('2025-04-24T09:26:00Z');

describe('parseDateline', () => {
  it('splits the reference dateline into city, date and agency', () => {
    const p = parseDateline('ЖЕНЕВА, 24 апреля. /ИА «Дунё»/. Постоянный представитель Узбекистана встретился…');
    expect(p).toEqual({ city: 'Женева', agency: 'ИА «Дунё»', day: 24, month: 4, rest: 'Постоянный представитель Узбекистана встретился…' });
  });
  it('reads compound city names and datelines without an agency', () => {
    expect(parseDateline('НЬЮ-ЙОРК, 3 марта. Генеральная Ассамблея…')).toMatchObject({ city: 'Нью-Йорк', agency: '', day: 3, month: 3, rest: 'Генеральная Ассамблея…' });
    expect(parseDateline('САНКТ-ПЕТЕРБУРГ, 12 июня. /ИА «Дунё»/. Текст')?.city).toBe('Санкт-Петербург');
  });
  it('returns null for a paragraph without a dateline or with an impossible date', () => {
    expect(parseDateline('В ходе встречи были обсуждены вопросы.')).toBeNull();
    expect(parseDateline('ЖЕНЕВА, 24 апрелька. Текст')).toBeNull();
    expect(parseDateline('ЖЕНЕВА, 44 апреля. Текст')).toBeNull();
  });
});

describe('formatDateline', () => {
  it('renders the reference dateline from fields and the publication date', () => {
    expect(formatDateline({ city: 'Женева', agency: 'ИА «Дунё»' }, published, 'ru', 'Asia/Tashkent')).toBe('ЖЕНЕВА, 24 апреля. /ИА «Дунё»/.');
  });
  it('takes the date from publication, so a late-night story in Tashkent shows the next day', () => {
    expect(formatDateline({ city: 'Ташкент', agency: '' }, new Date('2025-04-24T20:00:00Z'), 'ru', 'Asia/Tashkent')).toBe('ТАШКЕНТ, 25 апреля.');
  });
  it('is empty without a city', () => {
    expect(formatDateline({ city: ' ', agency: 'ИА' }, published, 'ru', 'UTC')).toBe('');
  });
  it('round-trips through the parser', () => {
    const text = formatDateline({ city: 'Нью-Йорк', agency: 'ИА «Дунё»' }, published, 'ru', 'Asia/Tashkent');
    expect(parseDateline(`${text} Текст.`)).toMatchObject({ city: 'Нью-Йорк', agency: 'ИА «Дунё»', day: 24, month: 4 });
  });
  it('title-cases cities written in capitals', () => {
    expect(titleCaseCity('ЖЕНЕВА')).toBe('Женева');
  });
});
