import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { countWords, readingMinutes, SECONDS_PER_IMAGE } from './reading-time.js';
import { parseArticleText } from '../content/reference-import.js';

describe('reading time', () => {
  it('gives «2 мин» for the reference story body', () => {
    const a = parseArticleText(fs.readFileSync('fixtures/reference-story.ru.txt', 'utf8'), 'Asia/Tashkent');
    const words = countWords(a.paragraphs.join('\n\n'), 'ru');
    expect(words).toBeGreaterThan(200);
    expect(readingMinutes(words, 0, 'ru')).toBe(2);
  });
  it('counts Cyrillic, Latin with oʻ/gʻ and numbers as words', () => {
    expect(countWords('Президент посетил Самарканд 24 апреля.', 'ru')).toBe(5);
    expect(countWords('Oʻzbekiston va Gʻarbiy Yevropa', 'uz')).toBe(4);
  });
  it('never says less than one minute and rounds up', () => {
    expect(readingMinutes(0, 0, 'ru')).toBe(1);
    expect(readingMinutes(185, 0, 'ru')).toBe(2);
    expect(readingMinutes(184, 0, 'ru')).toBe(1);
  });
  it('adds time for images and reads English faster than Russian', () => {
    expect(readingMinutes(180, 5, 'ru')).toBe(Math.ceil(180 / 184 + (5 * SECONDS_PER_IMAGE) / 60));
    expect(readingMinutes(400, 0, 'en')).toBeLessThan(readingMinutes(400, 0, 'ru'));
  });
});
