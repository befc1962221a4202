import { describe, expect, it } from 'vitest';
import { embedOf, htmlToDoc } from './html-to-doc.js';
import { oldUrlKey } from './old-urls.js';
import { uploadsPath, withoutSizeSuffix } from './media-source.js';

const none = { image: () => null };

describe('htmlToDoc', () => {
  it('turns WordPress classic text into paragraphs and line breaks, and a lone URL into an embed', () => {
    const { doc } = htmlToDoc('First line\nsecond line\n\nNext paragraph\n\nhttps://youtu.be/ex8fMxXJDJw\n\n[caption id="1"]<img src="https://x.test/wp-content/uploads/2020/01/a-300x200.jpg" alt="A">The caption[/caption]', {
      image: (src) => (src.includes('a-300x200') ? { mediaId: 7, src: '/media/ab/a.jpg', width: 300, height: 200 } : null),
    });
    expect(doc.content.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'embed', 'image']);
    expect(doc.content[0]!.content!.map((n) => n.type)).toEqual(['text', 'hardBreak', 'text']);
    expect(doc.content[2]!.attrs).toEqual({ provider: 'youtube', url: 'https://youtu.be/ex8fMxXJDJw' });
    expect(doc.content[3]!.attrs).toMatchObject({ mediaId: 7, src: '/media/ab/a.jpg', alt: 'A', caption: 'The caption' });
  });

  it('reads Gutenberg blocks, keeps marks, and names what it could not convert', () => {
    const html = '<!-- wp:paragraph --><p>A <strong>bold</strong> <em>word</em> and <a href="https://e.test">link</a></p><!-- /wp:paragraph -->'
      + '<!-- wp:latest-posts /--><!-- wp:embed {"url":"https://x.com/user/status/123"} --><figure class="wp-block-embed"><div>https://x.com/user/status/123</div></figure><!-- /wp:embed -->'
      + '<figure class="wp-block-table"><table><tbody><tr><td>1</td><td>2</td></tr></tbody></table></figure><form>Write to us<input></form><audio src="https://e.test/a.mp3"></audio>';
    const { doc, notes } = htmlToDoc(html, none);
    expect(doc.content.map((n) => n.type)).toEqual(['paragraph', 'embed', 'table', 'html', 'paragraph']);
    expect(doc.content[0]!.content!.find((n) => n.text === 'bold')!.marks).toEqual([{ type: 'bold' }]);
    expect(notes.join('\n')).toMatch(/latest-posts/);
    expect(notes.join('\n')).toMatch(/<form> kept as HTML/);
    expect(notes.join('\n')).toMatch(/audio player kept as a link/);
  });

  it('keeps an [embed] inside a line of text as an embed between its two halves', () => {
    const { doc } = htmlToDoc('Watch this: [embed]https://www.youtube.com/watch?v=ex8fMxXJDJw[/embed] now', none);
    expect(doc.content.map((n) => n.type)).toEqual(['paragraph', 'embed', 'paragraph']);
  });

  it('maps YouTube player URLs to watch URLs and refuses other hosts', () => {
    expect(embedOf('https://www.youtube.com/embed/ex8fMxXJDJw?feature=oembed')).toEqual({ provider: 'youtube', url: 'https://www.youtube.com/watch?v=ex8fMxXJDJw' });
    expect(embedOf('https://t.me/channel/42')).toEqual({ provider: 'telegram', url: 'https://t.me/channel/42' });
    expect(embedOf('https://vimeo.com/1')).toBeNull();
  });
});

describe('old addresses and upload paths', () => {
  it('normalises old addresses to one key', () => {
    expect(oldUrlKey('https://old.example/2012/01/07/Hello-World/?utm_source=x')).toBe('/2012/01/07/hello-world');
    expect(oldUrlKey('/index.php?p=12&replytocom=3')).toBe('/?p=12');
    expect(oldUrlKey('/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/')).toBe('/новости');
    expect(oldUrlKey('/?page_id=2')).toBe('/?page_id=2');
    expect(oldUrlKey(`/${'a'.repeat(2000)}`)).toBeNull();
  });
  it('finds an upload by its path inside the uploads folder, and a resized copy by its original', () => {
    expect(uploadsPath('https://site.uz/wp-content/uploads/2008/06/canola2.jpg')).toBe('2008/06/canola2.jpg');
    expect(uploadsPath('https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg?w=604')).toBe('2008/06/canola2.jpg');
    expect(uploadsPath('/content/images/2024/01/a.png')).toBe('2024/01/a.png');
    expect(withoutSizeSuffix('2008/06/photo-300x200.jpg')).toBe('2008/06/photo.jpg');
  });
});
