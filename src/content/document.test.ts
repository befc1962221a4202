import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { docText, normalizeDoc, paragraphsToDoc, renderDoc, withLeadIn, type StoryDoc } from './document.js';

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

describe('normalizeDoc on crafted documents', () => {
  const p = (node: Record<string, unknown>) => ({ type: 'doc', content: [node] });
  const refused = (doc: unknown) => {
    try {
      normalizeDoc(doc);
      return null;
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).fields.map((f) => f.field);
    }
  };

  it('drops embeds whose provider is an Object.prototype name instead of crashing', () => {
    for (const provider of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(normalizeDoc(p({ type: 'embed', attrs: { provider, url: 'https://youtu.be/abc' } })).content).toEqual([]);
    }
    expect(normalizeDoc(p({ type: 'embed', attrs: { provider: 'youtube', url: 'https://youtu.be/abc' } })).content).toHaveLength(1);
  });

  it('refuses wrong types with a field error on body', () => {
    const text = (extra: Record<string, unknown>) => p({ type: 'paragraph', content: [{ type: 'text', text: 'x', ...extra }] });
    expect(refused(text({ marks: 5 }))).toEqual(['body']);
    expect(refused(text({ marks: [{ type: 'link', attrs: { href: { toString: 1 } } }] }))).toEqual(['body']);
    expect(refused(text({ text: { toString: 1 } }))).toEqual(['body']);
    expect(refused(p({ type: 'image', attrs: { src: 'https://x.test/a.jpg', alt: { toString: 1 } } }))).toEqual(['body']);
    expect(refused(p({ type: 'image', attrs: { src: 'https://x.test/a.jpg', mediaId: 2147483648 } }))).toEqual(['body']);
    expect(refused(p({ type: { toString: 1 } }))).toEqual(['body']);
    expect(refused({ type: 'doc', content: 'paragraph' })).toEqual(['body']);
    expect(refused({ type: 'story', content: [] })).toEqual(['body']);
  });

  it('bounds depth without recursing into a hostile body', () => {
    let deep: Record<string, unknown> = { type: 'paragraph' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', content: [deep] };
    expect(refused({ type: 'doc', content: [deep] })).toEqual(['body']);
  });

  it('keeps what the editor writes and drops unknown nodes and marks', () => {
    const doc = normalizeDoc({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Итоги' }] },
        { type: 'paragraph', attrs: { textAlign: null }, content: [{ type: 'text', text: 'a', marks: [{ type: 'bold' }, { type: 'highlight' }, { type: 'link', attrs: { href: 'https://un.org', target: null } }] }] },
        { type: 'image', attrs: { src: '/media/a.jpg', alt: 'Кадр', title: null, caption: 'Подпись', mediaId: 7, width: 800, height: 600 } },
        { type: 'rawHtml', content: [] },
      ],
    });
    expect(doc.content.map((n) => n.type)).toEqual(['heading', 'paragraph', 'image']);
    expect(doc.content[1]!.content![0]!.marks).toEqual([{ type: 'bold' }, { type: 'link', attrs: { href: 'https://un.org' } }]);
    expect(renderDoc(doc)).toContain('<img src="/media/a.jpg" alt="Кадр" width="800" height="600"');
  });

  it('renders a stored document with odd values without throwing', () => {
    const odd = { type: 'doc', content: [{ type: 'embed', attrs: { provider: 'toString', url: 'https://youtu.be/x' } }, { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: 5 }] }, null] } as unknown as StoryDoc;
    expect(() => renderDoc(odd)).not.toThrow();
    expect(() => docText(odd)).not.toThrow();
  });
});
