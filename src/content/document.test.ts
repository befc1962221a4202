import { describe, expect, it } from 'vitest';
import { docText, paragraphsToDoc, renderDoc, withLeadIn, type StoryDoc } from './document.js';

describe('renderDoc', () => {
  it('renders paragraphs, headings, marks and lists', () => {
    const doc: StoryDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Итоги' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'важно', marks: [{ type: 'bold' }] }, { type: 'text', text: ' и ' }, { type: 'text', text: 'ссылка', marks: [{ type: 'link', attrs: { href: 'https://un.org' } }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'пункт' }] }] }] },
      ],
    };
    const html = renderDoc(doc);
    expect(html).toContain('<h2>Итоги</h2>'); // h1 is the headline's
    expect(html).toContain('<strong>важно</strong>');
    expect(html).toContain('<a href="https://un.org" rel="noopener nofollow" target="_blank">ссылка</a>');
    expect(html).toContain('<ul><li><p>пункт</p></li></ul>');
  });
  it('escapes text and refuses script links, so a document cannot inject markup', () => {
    const doc: StoryDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        { type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'a' } },
        { type: 'rawHtml', content: [{ type: 'text', text: '<img onerror=x>' }] } as never,
      ],
    };
    const html = renderDoc(doc);
    expect(html).not.toMatch(/<script|<img[^>]*onerror|href="javascript|src="javascript/i);
    expect(html).toContain("&lt;img onerror=x&gt;"); // unknown node: text kept, escaped
    expect(html).toContain('&lt;script&gt;');
  });
  it('puts the dateline inside the first paragraph', () => {
    const html = withLeadIn(renderDoc(paragraphsToDoc(['Первый.', 'Второй.'])), '<span class="dateline">ЖЕНЕВА, 24 апреля.</span>');
    expect(html.startsWith('<p><span class="dateline">ЖЕНЕВА, 24 апреля.</span> Первый.</p>')).toBe(true);
  });
  it('extracts plain text for counting and search', () => {
    expect(docText(paragraphsToDoc(['Один.', '', 'Два.']))).toBe('Один.\n\nДва.');
  });
});
