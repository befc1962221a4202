/**
 * The Telegram post formatter: Telegram's HTML with every text escaped, and the limits counted as
 * Telegram counts them (UTF-16 units of the visible text) — checked against the fake Bot API's
 * own parser, which refuses what Telegram refuses.
 */
import { describe, expect, it } from 'vitest';
import { parseTelegramHtml } from '../../../test/helpers/fake-telegram.js';
import { CAPTION_LIMIT, cutAtWord, escapeTelegramHtml, formatPost, MESSAGE_LIMIT } from './telegram.format.js';
import { jittered } from './telegram.poster.js';

const url = 'https://news.example.test/ru/news/most';

describe('Telegram post formatting', () => {
  it('puts a bold headline, the lead and the link in Telegram HTML', () => {
    const p = formatPost({ headline: 'Мост открыт', lead: 'В Ташкенте открыли мост.', url, linkText: 'Читать' }, CAPTION_LIMIT);
    expect(p.html).toBe(`<b>Мост открыт</b>\n\nВ Ташкенте открыли мост.\n\n<a href="${url}">Читать</a>`);
    expect(p.visible).toBe('Мост открыт\n\nВ Ташкенте открыли мост.\n\nЧитать');
    expect(parseTelegramHtml(p.html)).toBe(p.visible);
  });

  it('escapes <, > and & in the headline, lead and URL, so Telegram parses it and shows the characters', () => {
    const p = formatPost({ headline: 'A <b> & <script>', lead: 'x < y && y > z "q"', url: 'https://e.test/?a=1&b="2"', linkText: 'Read <more>' }, CAPTION_LIMIT);
    expect(p.html).toContain('<b>A &lt;b&gt; &amp; &lt;script&gt;</b>');
    expect(p.html).toContain('href="https://e.test/?a=1&amp;b=&quot;2&quot;"');
    expect(parseTelegramHtml(p.html)).toBe('A <b> & <script>\n\nx < y && y > z "q"\n\nRead <more>');
    expect(escapeTelegramHtml('<&>"')).toBe('&lt;&amp;&gt;&quot;');
  });

  it('leaves the lead out cleanly when there is none', () => {
    const p = formatPost({ headline: 'Only a headline', lead: '  ', url, linkText: 'Read more' }, CAPTION_LIMIT);
    expect(p.visible).toBe('Only a headline\n\nRead more');
  });

  it('counts the visible text, not the tags or entities: a lead full of & fits where its HTML would not', () => {
    const headline = 'H';
    const linkText = 'L';
    const fixed = headline.length + 2 + 2 + linkText.length;
    const lead = '&'.repeat(CAPTION_LIMIT - fixed); // exactly the limit once parsed; five times longer as HTML
    const p = formatPost({ headline, lead, url, linkText }, CAPTION_LIMIT);
    expect(p.visible.length).toBe(CAPTION_LIMIT);
    expect(p.visible).not.toContain('…');
    expect(parseTelegramHtml(p.html).length).toBe(CAPTION_LIMIT);
    expect(p.html.length).toBeGreaterThan(4 * CAPTION_LIMIT);
  });

  it('keeps a post of exactly the limit whole and cuts one unit more at a word with an ellipsis', () => {
    const headline = 'Заголовок';
    const linkText = 'Читать';
    const room = CAPTION_LIMIT - headline.length - 4 - linkText.length;
    const words = 'слово '.repeat(400);
    const exact = words.slice(0, room - 1) + 'я'; // ends inside a word: no trailing space to trim
    expect(formatPost({ headline, lead: exact, url, linkText }, CAPTION_LIMIT).visible).toBe(`${headline}\n\n${exact}\n\n${linkText}`);
    const over = exact + 'я';
    const p = formatPost({ headline, lead: over, url, linkText }, CAPTION_LIMIT);
    expect(p.visible.length).toBeLessThanOrEqual(CAPTION_LIMIT);
    const lead = p.visible.split('\n\n')[1]!;
    expect(lead.endsWith('слово…')).toBe(true); // a whole word, then the ellipsis
    expect(over.startsWith(lead.slice(0, -1))).toBe(true);
  });

  it('counts an emoji as two units and never cuts a surrogate pair in half', () => {
    const lead = '😀'.repeat(600); // 1,200 UTF-16 units, no spaces
    const p = formatPost({ headline: 'Emoji', lead, url, linkText: 'Read more' }, CAPTION_LIMIT);
    expect(p.visible.length).toBeLessThanOrEqual(CAPTION_LIMIT);
    expect(p.visible).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no lone high surrogate
    expect(p.visible).not.toMatch(/(?<![\ud800-\udbff])[\udc00-\udfff]/); // no lone low surrogate
    expect(p.visible).toContain('😀…');
    for (let max = 2; max < 12; max++) {
      const cut = cutAtWord('a😀😀😀😀😀😀😀', max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/[\ud800-\udbff]…/);
    }
  });

  it('uses the message limit for text posts and cuts the headline too when it alone is too long', () => {
    const long = 'Очень длинный лид. '.repeat(400);
    expect(formatPost({ headline: 'H', lead: long, url, linkText: 'L' }, MESSAGE_LIMIT).visible.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    const p = formatPost({ headline: 'word '.repeat(300), lead: 'lead', url, linkText: 'Read more' }, CAPTION_LIMIT);
    expect(p.visible.length).toBeLessThanOrEqual(CAPTION_LIMIT);
    expect(p.visible.endsWith('\n\nRead more')).toBe(true);
    expect(parseTelegramHtml(p.html)).toBe(p.visible);
  });

  it('cuts at a word boundary with Cyrillic and Uzbek text', () => {
    expect(cutAtWord('Oʻzbekiston Respublikasi Prezidenti', 20)).toBe('Oʻzbekiston…');
    expect(cutAtWord('Президент Республики Узбекистан', 22)).toBe('Президент Республики…');
    expect(cutAtWord('short', 10)).toBe('short');
  });

  it('spreads retries: jitter in the upper half of a doubling backoff, capped at an hour', () => {
    expect(jittered(1, () => 0)).toBe(5_000);
    expect(jittered(1, () => 1)).toBe(10_000);
    expect(jittered(3, () => 0.5)).toBe(30_000);
    expect(jittered(30, () => 1)).toBe(3600_000);
  });
});
