/**
 * `xabar import ghost` on an export built here with the cases of the WordPress fixture: published,
 * members-only (as password-protected), scheduled, draft and newsletter-only posts, pages, feature
 * and inline images, galleries, embeds, tables, markup without an equivalent, primary tags as
 * sections, internal tags, several authors, a slug that clashes — on SQLite and PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDeps } from '../src/import/import.cli.js';
import { importGhost } from '../src/import/ghost.js';
import type { ImportOptions } from '../src/import/wordpress.js';
import type { ReportItem, ReportSummary } from '../src/import/report.js';
import { paragraphsToDoc } from '../src/content/document.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';
import { GhostFormatError } from '../src/import/ghost-reader.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-import-ghost-'));
const mediaDir = path.join(tmp, 'images');
const NOW = Date.UTC(2026, 11, 6, 9, 0);
const IMAGES = ['2024/01/harbour.jpg', '2024/01/bridge.png', '2024/02/g1.jpg', '2024/02/g2.jpg'];
const img = (p: string) => `__GHOST_URL__/content/images/${p}`;

const post = (id: string, o: Record<string, unknown>) => ({
  id, uuid: `uuid-${id}`, title: `Post ${id}`, slug: `post-${id}`, html: `<p>Text of ${id}.</p>`, feature_image: null, featured: 0, type: 'post', status: 'published',
  visibility: 'public', created_at: '2024-01-10T08:00:00.000Z', updated_at: '2024-01-10T09:00:00.000Z', published_at: '2024-01-10T09:00:00.000Z', custom_excerpt: null, ...o,
});

const POSTS = [
  post('p1', {
    title: 'Harbour &amp; <em>bridges</em>', slug: 'harbour', feature_image: img(IMAGES[0]!), custom_excerpt: 'The lead of the harbour story.',
    html: '<p>First <strong>bold</strong> and <a href="https://example.com/x">a link</a>.</p><h2>Heading</h2><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>'
      + `<figure class="kg-card kg-image-card kg-card-hascaption"><img src="${img(IMAGES[1]!)}" alt="A bridge"><figcaption>The bridge at dawn</figcaption></figure>`
      + `<figure class="kg-card kg-gallery-card"><div class="kg-gallery-container"><div class="kg-gallery-row"><div class="kg-gallery-image"><img src="${img(IMAGES[2]!)}" alt="g one"></div><div class="kg-gallery-image"><img src="${img(IMAGES[3]!)}" alt="g two"></div></div></div></figure>`
      + '<figure class="kg-card kg-embed-card"><iframe width="200" height="113" src="https://www.youtube.com/embed/ex8fMxXJDJw?feature=oembed"></iframe></figure>'
      + '<blockquote><p>A quote.</p></blockquote><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>'
      + '<form action="/subscribe">Subscribe to the letter <input name="email"></form><iframe src="https://player.vimeo.com/video/1"></iframe>',
  }),
  post('p2', { title: 'Members only', slug: 'members-only', visibility: 'members' }),
  post('p3', { title: 'Scheduled', slug: 'scheduled', status: 'scheduled', published_at: '2030-01-01T19:00:18.000Z' }),
  post('p4', { title: 'A draft', slug: 'a-draft', status: 'draft', published_at: null }),
  post('p5', { title: 'Newsletter', slug: 'newsletter', status: 'sent' }),
  post('p6', { title: 'Clash', slug: 'taken-slug', published_at: '2024-03-01T10:00:00.000Z' }),
  post('p7', { title: '', slug: 'no-title', html: '<p>Body without a title.</p>' }),
  post('g1', { title: 'About us', slug: 'about', type: 'page', html: '<p>We are an agency.</p>' }),
  post('g2', { title: 'Contacts', slug: 'contacts', type: 'page' }),
  post('g3', { title: 'Draft page', slug: 'draft-page', type: 'page', status: 'draft', published_at: null }),
];

const EXPORT = {
  db: [{
    meta: { exported_on: 1733475600000, version: '5.96.0' },
    data: {
      posts: POSTS,
      posts_authors: [
        { id: 'pa1', post_id: 'p1', author_id: 'u1', sort_order: 0 }, { id: 'pa2', post_id: 'p1', author_id: 'u2', sort_order: 1 },
        { id: 'pa3', post_id: 'p6', author_id: 'u2', sort_order: 0 },
      ],
      posts_meta: [{ id: 'pm1', post_id: 'p1', feature_image_alt: 'The harbour', feature_image_caption: 'Harbour in the morning' }],
      posts_tags: [
        { id: 'pt1', post_id: 'p1', tag_id: 't1', sort_order: 0 }, { id: 'pt2', post_id: 'p1', tag_id: 't2', sort_order: 1 }, { id: 'pt3', post_id: 'p1', tag_id: 't3', sort_order: 2 },
        { id: 'pt4', post_id: 'p6', tag_id: 't1', sort_order: 0 }, { id: 'pt5', post_id: 'p6', tag_id: 't2', sort_order: 1 },
      ],
      settings: [{ id: 's1', key: 'title', value: 'Ghost Agency' }, { id: 's2', key: 'locale', value: 'en' }],
      tags: [
        { id: 't1', name: 'Economy', slug: 'economy', visibility: 'public' },
        { id: 't2', name: 'Ports', slug: 'ports', visibility: 'public' },
        { id: 't3', name: '#hidden', slug: 'hash-hidden', visibility: 'internal' },
      ],
      users: [
        { id: 'u1', name: 'Ada Writer', slug: 'ada', email: 'ada@example.com' },
        { id: 'u2', name: 'Bob Editor', slug: 'bob', email: 'bob@example.com' },
      ],
    },
  }],
};
const file = path.join(tmp, 'ghost.json');

beforeAll(async () => {
  fs.writeFileSync(file, JSON.stringify(EXPORT));
  for (const [i, p] of IMAGES.entries()) {
    fs.mkdirSync(path.dirname(path.join(mediaDir, p)), { recursive: true });
    const s = sharp({ create: { width: 80 + i, height: 60, channels: 3, background: { r: 40 * i, g: 100, b: 200 - 30 * i } } });
    fs.writeFileSync(path.join(mediaDir, p), p.endsWith('.png') ? await s.png().toBuffer() : await s.jpeg().toBuffer());
  }
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const options = (name: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({ file, mediaDir, timeZone: 'UTC', reportPath: path.join(tmp, `${name}.json`), defaultLocale: 'ru', ...extra });
const readReport = (name: string) => JSON.parse(fs.readFileSync(path.join(tmp, `${name}.json`), 'utf8')) as { items: ReportItem[]; summary: ReportSummary };

describe.each(DIALECTS)('Ghost import on %s', (dialect) => {
  let s: TestSite;
  let report: ReturnType<typeof readReport>;
  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    // A story of this site already has the slug one Ghost post wants.
    await s.c.stories.create({ editions: [{ locale: 'en', headline: 'Taken', slug: 'taken-slug', doc: paragraphsToDoc(['x']), status: 'published', publishedAt: new Date(NOW - 86400_000) }] });
    await importGhost(importDeps(s.c), options(`${dialect}-first`));
    report = readReport(`${dialect}-first`);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('accounts for every post and page with its status', async () => {
    const posts = report.items.filter((i) => i.kind === 'post');
    const pages = report.items.filter((i) => i.kind === 'page');
    expect(posts).toHaveLength(7);
    expect(pages).toHaveLength(3);
    const st = Object.fromEntries((await s.c.db.kysely.selectFrom('editions').select(['slug', 'status']).execute()).map((r) => [r.slug, r.status]));
    expect(st).toMatchObject({ harbour: 'published', 'members-only': 'unpublished', scheduled: 'scheduled', 'a-draft': 'draft', newsletter: 'unpublished' });
    expect(report.items.find((i) => i.sourceId === 'p2')!.notes.join(' ')).toContain('members only');
    const pg = await s.c.db.kysely.selectFrom('pages').select(['slug', 'status', 'locale']).orderBy('slug').execute();
    expect(pg).toEqual([{ slug: 'about', status: 'published', locale: 'en' }, { slug: 'contacts', status: 'published', locale: 'en' }, { slug: 'draft-page', status: 'draft', locale: 'en' }]);
  });

  it('resolves and reports a slug clash, and a missing title', async () => {
    const clash = report.items.find((i) => i.sourceId === 'p6')!;
    expect(clash.outcome).toBe('changed');
    expect(clash.target).toBe('/en/news/taken-slug-2');
    expect(clash.notes.join(' ')).toContain('«taken-slug» was taken');
    const untitled = report.items.find((i) => i.sourceId === 'p7')!;
    expect(untitled.notes.join(' ')).toContain('no title');
  });

  it('brings images, authors, the primary tag as section and the body blocks', async () => {
    const db = s.c.db.kysely;
    const e = await db.selectFrom('editions as e').innerJoin('stories as st', 'st.id', 'e.story_id').select(['e.headline', 'e.lead', 'e.body_json', 'e.body_html', 'e.published_at', 'e.hero_caption', 'st.id', 'st.hero_media_id', 'st.section_id']).where('e.slug', '=', 'harbour').executeTakeFirstOrThrow();
    expect(e.headline).toBe('Harbour & bridges');
    expect(e.lead).toBe('The lead of the harbour story.');
    expect(e.published_at).toBe(Date.UTC(2024, 0, 10, 9, 0));
    expect(e.hero_media_id).not.toBeNull();
    expect(e.hero_caption).toBe('Harbour in the morning');
    const alt = await db.selectFrom('media_texts').select('alt').where('media_id', '=', e.hero_media_id!).executeTakeFirstOrThrow();
    expect(alt.alt).toBe('The harbour');
    const section = await db.selectFrom('sections').select('slug').where('id', '=', e.section_id!).executeTakeFirstOrThrow();
    expect(section.slug).toBe('economy');
    const tags = await db.selectFrom('story_tags as t').innerJoin('tags as g', 'g.id', 't.tag_id').select('g.slug').where('t.story_id', '=', e.id).execute();
    expect(tags.map((t) => t.slug)).toEqual(['ports']);
    const authors = await db.selectFrom('story_authors as a').innerJoin('authors as x', 'x.id', 'a.author_id').select('x.slug').where('a.story_id', '=', e.id).orderBy('a.position').execute();
    expect(authors.map((a) => a.slug)).toEqual(['ada', 'bob']);
    for (const t of ['"type":"heading"', '"type":"bulletList"', '"type":"gallery"', '"provider":"youtube"', '"type":"blockquote"', '"type":"table"', '"type":"image"', '"type":"html"']) expect(e.body_json).toContain(t);
    expect(e.body_html).not.toContain('<form');
    expect(e.body_html).not.toContain('__GHOST_URL__');
    expect(await db.selectFrom('media').select('id').execute()).toHaveLength(4);
    const notes = report.items.find((i) => i.sourceId === 'p1')!.notes;
    expect(notes.some((n) => n.includes('<form> kept as HTML'))).toBe(true);
    expect(e.body_html).toContain('<div class="imported-html">Subscribe to the letter');
    expect(notes.some((n) => n.includes('player.vimeo.com'))).toBe(true);
    expect(e.body_html).toContain('href="https://player.vimeo.com/video/1"');
    expect(notes.some((n) => n.includes('internal tag'))).toBe(true);
  });

  it('redirects Ghost addresses (/slug/, /tag/, /author/) through HTTP; drafts stay hidden', async () => {
    const go = async (url: string) => {
      const r = await s.app.inject({ url });
      return [r.statusCode, r.headers.location];
    };
    expect(await go('/harbour/')).toEqual([301, '/en/news/harbour']);
    expect(await go('/taken-slug/')).toEqual([301, '/en/news/taken-slug-2']);
    expect(await go('/about/')).toEqual([301, '/en/page/about']);
    expect(await go('/tag/ports/')).toEqual([301, '/en/tag/ports']);
    expect(await go('/tag/economy/')).toEqual([301, '/en/section/economy']);
    expect(await go('/author/ada/')).toEqual([301, '/en/author/ada']);
    expect((await go('/a-draft/'))[0]).toBe(404);
    expect((await go('/draft-page/'))[0]).toBe(404);
    expect((await s.app.inject({ url: '/en/news/harbour' })).statusCode).toBe(200);
  });

  it('creates nothing on a second run', async () => {
    const n = async () => Promise.all((['editions', 'pages', 'media', 'old_url_redirects', 'tags', 'authors'] as const).map(async (t) => Number((await s.c.db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)));
    const before = await n();
    await importGhost(importDeps(s.c), options(`${dialect}-again`));
    expect(await n()).toEqual(before);
    const again = readReport(`${dialect}-again`);
    expect(again.summary.counts.post).toEqual({ skipped: 7 });
    expect(again.summary.counts.page).toEqual({ skipped: 3 });
  });
});

describe('Ghost export checks', () => {
  it('refuses a file that is not a Ghost export, saying why', async () => {
    const s = await makeTestSite('sqlite');
    try {
      const bad = path.join(tmp, 'bad.json');
      fs.writeFileSync(bad, '<rss></rss>');
      await expect(importGhost(importDeps(s.c), options('bad', { file: bad }))).rejects.toThrow(GhostFormatError);
      fs.writeFileSync(bad, '{"something": [1, 2]}');
      await expect(importGhost(importDeps(s.c), options('bad2', { file: bad }))).rejects.toThrow(/not a Ghost export/);
      fs.writeFileSync(bad, '{"db": [{"data": {"posts": [');
      await expect(importGhost(importDeps(s.c), options('bad3', { file: bad }))).rejects.toThrow(GhostFormatError);
    } finally {
      await s.close();
    }
  });
});
