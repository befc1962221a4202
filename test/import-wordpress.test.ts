/**
 * `xabar import wordpress` on WordPress's theme unit test export (test/fixtures, see SOURCES.md):
 * every post and page accounted for in the report, images in the library, nothing announced,
 * old addresses redirecting through HTTP, a second run creating nothing, an interrupted run
 * continued — on SQLite and PostgreSQL.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDeps, parseImportArgs } from '../src/import/import.cli.js';
import { importWordPress, type ImportOptions } from '../src/import/wordpress.js';
import type { ReportItem, ReportSummary } from '../src/import/report.js';
import { mediaFolderFor, THEME_UNIT_TEST } from './helpers/import.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-import-wp-'));
const mediaDir = path.join(tmp, 'uploads');
let imageFiles: string[] = [];

beforeAll(async () => {
  imageFiles = await mediaFolderFor(THEME_UNIT_TEST, mediaDir);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function readReport(file: string): { items: ReportItem[]; summary: ReportSummary } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { items: ReportItem[]; summary: ReportSummary };
}

const options = (name: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  file: THEME_UNIT_TEST, locale: 'en', mediaDir, timeZone: 'UTC', reportPath: path.join(tmp, `${name}.json`), defaultLocale: 'ru', ...extra,
});

async function count(s: TestSite, table: 'editions' | 'stories' | 'pages' | 'media' | 'old_url_redirects' | 'outbox' | 'tags' | 'sections' | 'authors' | 'revisions'): Promise<number> {
  const r = await s.c.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(DIALECTS)('WordPress import on %s', (dialect) => {
  let s: TestSite;
  let report: { items: ReportItem[]; summary: ReportSummary };
  let outboxBefore = 0;
  beforeAll(async () => {
    // Import time is "now" in 2026: the fixture's scheduled post (2030) is still in the future.
    s = await makeTestSite(dialect, { now: Date.UTC(2026, 11, 6, 9, 0) });
    outboxBefore = await count(s, 'outbox');
    await importWordPress(importDeps(s.c), options(`${dialect}-first`));
    report = readReport(path.join(tmp, `${dialect}-first.json`));
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('accounts for every post, page and attachment in the report', () => {
    const by = (kind: string) => report.items.filter((i) => i.kind === kind);
    expect(by('post')).toHaveLength(58);
    expect(by('page')).toHaveLength(21);
    expect(by('attachment')).toHaveLength(37);
    // 56 published (one of them password-protected), one scheduled, one draft.
    expect(report.summary.statuses.post).toEqual({ publish: 55, 'publish (password)': 1, future: 1, draft: 1 });
    expect(report.summary.statuses.page).toEqual({ publish: 21 });
    expect(by('post').every((i) => i.outcome === 'imported' || i.outcome === 'changed')).toBe(true);
    expect(by('page').every((i) => i.outcome === 'imported' || i.outcome === 'changed')).toBe(true);
    // Every image file the test wrote is in the library; the two non-images (an MP3, a MOV) are reported.
    expect(by('attachment').filter((i) => i.outcome === 'imported')).toHaveLength(imageFiles.length);
    const failed = by('attachment').filter((i) => i.outcome === 'failed');
    expect(failed.map((i) => i.sourceId).sort()).toEqual(['1690', '821']);
    expect(failed.every((i) => i.notes[0]!.includes('file not found'))).toBe(true);
    // The readable summary exists and lists what was not perfect.
    const text = fs.readFileSync(path.join(tmp, `${dialect}-first.txt`), 'utf8');
    expect(text).toContain('post: ');
    expect(text).toContain('password-protected');
    expect(report.summary.warnings.some((w) => w.includes('menu items'))).toBe(true);
  });

  it('writes stories with their statuses, dates, authors, sections and tags', async () => {
    const db = s.c.db.kysely;
    expect(await count(s, 'editions')).toBe(58);
    expect(await count(s, 'pages')).toBe(21);
    const statuses = await db.selectFrom('editions').select(['status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('status').orderBy('status').execute();
    expect(Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)]))).toEqual({ draft: 1, published: 55, scheduled: 1, unpublished: 1 });
    const pw = await db.selectFrom('editions').select(['status', 'slug']).where('slug', '=', 'template-password-protected').executeTakeFirstOrThrow();
    expect(pw.status).toBe('unpublished');
    expect(report.items.find((i) => i.sourceId === '1168')!.notes.join(' ')).toContain('password-protected');
    const scheduled = await db.selectFrom('editions').select(['published_at', 'scheduled_at']).where('status', '=', 'scheduled').executeTakeFirstOrThrow();
    expect(scheduled.published_at).toBe(Date.UTC(2030, 0, 1, 19, 0, 18)); // post_date_gmt
    expect(scheduled.scheduled_at).toBe(scheduled.published_at);
    // A published post's date is its GMT date.
    const featured = await db.selectFrom('editions as e').innerJoin('stories as st', 'st.id', 'e.story_id').select(['e.published_at', 'st.hero_media_id', 'st.id']).where('e.slug', '=', 'template-featured-image-horizontal').executeTakeFirstOrThrow();
    expect(featured.hero_media_id).not.toBeNull();
    const authors = await db.selectFrom('story_authors as sa').innerJoin('author_names as n', 'n.author_id', 'sa.author_id').select('n.name').where('sa.story_id', '=', featured.id).execute();
    expect(authors.map((a) => a.name)).toEqual(['Theme Buster']);
    expect(await count(s, 'authors')).toBe(2);
    // "Many tags": the post's tags became tags here.
    const many = await db.selectFrom('editions as e').innerJoin('story_tags as t', 't.story_id', 'e.story_id').select((eb) => eb.fn.countAll<number>().as('n')).where('e.slug', '=', 'edge-case-many-tags').executeTakeFirstOrThrow();
    expect(Number(many.n)).toBeGreaterThan(20);
    // Every imported tag and section has its own address in the import locale (migration 0030).
    const unaddressed = await db.selectFrom('tag_names').select('tag_id').where('locale', '=', 'en').where('slug', 'is', null).execute();
    expect(unaddressed).toEqual([]);
    expect(await db.selectFrom('section_names').select('section_id').where('locale', '=', 'en').where('slug', 'is', null).execute()).toEqual([]);
    const eightBit = await db.selectFrom('tags as t').innerJoin('tag_names as n', 'n.tag_id', 't.id').select('n.slug').where('t.slug', '=', '8bit').where('n.locale', '=', 'en').executeTakeFirstOrThrow();
    expect(eightBit.slug).toBe('8bit');
    expect((await s.app.inject({ url: '/en/tag/8bit' })).statusCode).toBe(200);
  });

  it('converts the bodies: images from the library with alt texts, galleries, embeds, tables, and no raw HTML lost silently', async () => {
    const db = s.c.db.kysely;
    const bodies = await db.selectFrom('editions').select(['slug', 'body_json', 'body_html']).execute();
    const all = bodies.map((b) => b.body_json).join('\n');
    expect(all).toContain('"type":"gallery"');
    expect(all).toContain('"type":"embed"');
    expect(all).toContain('"provider":"youtube"');
    expect(all).toContain('"type":"table"');
    expect(all).toContain('"type":"blockquote"');
    expect(all).toContain('"type":"orderedList"');
    // Inline images point at the library, not at the old site.
    const caption = bodies.find((b) => b.slug === 'post-format-image-caption')!;
    expect(caption.body_json).toMatch(/"mediaId":\d+/);
    expect(caption.body_html).toContain('/media/');
    expect(caption.body_html).not.toContain('files.wordpress.com/2010');
    // Alt texts and captions came along into the library.
    const texts = await db.selectFrom('media_texts').select(['alt', 'caption']).where('locale', '=', 'en').where('alt', '=', 'canola').executeTakeFirst();
    expect(texts?.caption).toMatch(/^Lorem ipsum/);
    // Every note the converter made is in the report.
    const noted = report.items.flatMap((i) => i.notes);
    expect(noted.some((n) => n.includes('dynamic block'))).toBe(true);
    expect(noted.some((n) => n.includes('kept as a link'))).toBe(true);
  });

  it('announces nothing: no outbox events, no newsroom transition the wire would serve', async () => {
    expect(await count(s, 'outbox')).toBe(outboxBefore);
    const moved = await s.c.db.kysely.selectFrom('edition_transitions').select('id').where('from_status', 'is not', null).execute();
    expect(moved).toEqual([]);
  });

  it('redirects the old addresses (permalinks, ?p=, ?page_id=, categories, tags, authors) permanently, through HTTP', async () => {
    const follow = async (url: string) => {
      const r = await s.app.inject({ url });
      return { status: r.statusCode, location: r.headers.location as string | undefined };
    };
    expect(await follow('/2012/03/15/template-featured-image-horizontal/')).toEqual({ status: 301, location: '/en/news/template-featured-image-horizontal' });
    expect(await follow('/2012/03/15/template-featured-image-horizontal')).toEqual({ status: 301, location: '/en/news/template-featured-image-horizontal' });
    expect(await follow('/2012/03/15/template-featured-image-horizontal/?utm_source=x')).toEqual({ status: 301, location: '/en/news/template-featured-image-horizontal' });
    expect(await follow('/?p=1011')).toEqual({ status: 301, location: '/en/news/template-featured-image-horizontal' });
    expect(await follow('/about/')).toEqual({ status: 301, location: '/en/page/about' });
    expect(await follow('/?page_id=2')).toEqual({ status: 301, location: '/en/page/about' });
    expect((await follow('/category/cat-a/')).status).toBe(301);
    expect(await follow('/tag/8bit/')).toEqual({ status: 301, location: '/en/tag/8bit' });
    expect(await follow('/author/themedemos/')).toEqual({ status: 301, location: '/en/author/themedemos' });
    // Where they lead answers 200.
    expect((await s.app.inject({ url: '/en/news/template-featured-image-horizontal' })).statusCode).toBe(200);
    const page = await s.app.inject({ url: '/en/page/about' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('About');
    // A draft's and an unpublished story's addresses stay 404: a redirect must not reveal them.
    expect((await follow('/2012/01/04/template-password-protected/')).status).toBe(404);
    expect((await follow('/nothing/here/')).status).toBe(404);
    // Every recorded address of a visible story leads to an answer of 200.
    const sample = await s.c.db.kysely.selectFrom('old_url_redirects').select('path').where('edition_id', 'is not', null).orderBy('path').limit(40).execute();
    for (const { path: p } of sample) {
      const r = await follow(p);
      if (r.status === 301) expect((await s.app.inject({ url: r.location! })).statusCode).toBe(200);
    }
  });

  it('creates nothing on a second run: every item is reported as already imported', async () => {
    const tables = ['editions', 'stories', 'pages', 'media', 'old_url_redirects', 'tags', 'sections', 'authors', 'revisions'] as const;
    const before = await Promise.all(tables.map((t) => count(s, t)));
    await importWordPress(importDeps(s.c), options(`${dialect}-again`));
    expect(await Promise.all(tables.map((t) => count(s, t)))).toEqual(before);
    const again = readReport(path.join(tmp, `${dialect}-again.json`));
    expect(again.summary.counts.post).toEqual({ skipped: 58 });
    expect(again.summary.counts.page).toEqual({ skipped: 21 });
    expect(again.summary.created).toEqual({ authors: 0, sections: 0, tags: 0, media: 0 });
  }, 60_000);
});

describe.each(DIALECTS)('WordPress import interrupted and resumed, and dry run, on %s', (dialect) => {
  let s: TestSite;
  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: Date.UTC(2026, 11, 6, 9, 0) });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a dry run writes nothing and reports what it would do', async () => {
    await importWordPress(importDeps(s.c), options(`${dialect}-dry`, { dryRun: true }));
    for (const t of ['editions', 'pages', 'media', 'old_url_redirects', 'tags', 'authors'] as const) expect(await count(s, t)).toBe(0);
    const r = readReport(path.join(tmp, `${dialect}-dry.json`));
    expect(r.summary.dryRun).toBe(true);
    expect(r.items.filter((i) => i.kind === 'post')).toHaveLength(58);
    expect(r.items.filter((i) => i.kind === 'post' && i.outcome === 'failed')).toEqual([]);
  }, 60_000);

  it('continues where an interrupted run stopped, creating every item once', async () => {
    await importWordPress(importDeps(s.c), options(`${dialect}-part`, { limit: 30 }));
    const part = readReport(path.join(tmp, `${dialect}-part.json`));
    expect(part.summary.interrupted).toBe(true);
    const written = part.items.filter((i) => (i.kind === 'post' || i.kind === 'page') && i.outcome !== 'skipped').length;
    expect(written).toBe(30);
    expect((await count(s, 'editions')) + (await count(s, 'pages'))).toBe(30);
    await importWordPress(importDeps(s.c), options(`${dialect}-rest`));
    const rest = readReport(path.join(tmp, `${dialect}-rest.json`));
    const skipped = rest.items.filter((i) => (i.kind === 'post' || i.kind === 'page') && i.outcome === 'skipped');
    expect(skipped).toHaveLength(30);
    expect(await count(s, 'editions')).toBe(58);
    expect(await count(s, 'pages')).toBe(21);
    const dupSlugs = await s.c.db.kysely.selectFrom('editions').select('slug').groupBy('slug').having((eb) => eb.fn.countAll(), '>', 1).execute();
    expect(dupSlugs).toEqual([]);
  }, 120_000);
});

describe('xabar import arguments', () => {
  it('refuses what it cannot do with a message that says what to change', () => {
    expect(parseImportArgs([])).toMatch(/wordpress FILE.xml/);
    expect(parseImportArgs(['wordpress'])).toMatch(/exactly one export file/);
    expect(parseImportArgs(['wordpress', '/no/such.xml'])).toMatch(/no such file/);
    expect(parseImportArgs(['wordpress', THEME_UNIT_TEST, '--locale', 'fr'])).toMatch(/--locale must be one of/);
    expect(parseImportArgs(['wordpress', THEME_UNIT_TEST, '--media-dir', '/no/such/dir'])).toMatch(/no such folder/);
    expect(parseImportArgs(['wordpress', THEME_UNIT_TEST, '--limit', '0'])).toMatch(/--limit/);
    expect(parseImportArgs(['wordpress', THEME_UNIT_TEST, '--section-map', 'a'])).toMatch(/category=section/);
    expect(parseImportArgs(['wordpress', THEME_UNIT_TEST, '--bogus'])).toMatch(/bogus/);
    const ok = parseImportArgs(['wordpress', THEME_UNIT_TEST, '--locale', 'ru', '--sections', 'news,sport', '--dry-run', '--report', path.join(tmp, 'r.json')]);
    expect(typeof ok).toBe('object');
    if (typeof ok === 'object') expect(ok.options).toMatchObject({ locale: 'ru', sections: ['news', 'sport'], dryRun: true });
  });
});

/** A small Polylang site: one story in Russian and Uzbek (one translation group), one Russian-only post, a WPML leftover. */
function polylangWxr(): string {
  const item = (id: number, lang: string, group: string | null, title: string, slug: string, meta = '') => `<item>
<title><![CDATA[${title}]]></title>
<link>https://old.example.uz/${lang}/${slug}/</link>
<dc:creator><![CDATA[editor]]></dc:creator>
<content:encoded><![CDATA[<p>${title}: matn.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id>
<wp:post_date><![CDATA[2024-05-01 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[${slug}]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type><![CDATA[post]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
<category domain="language" nicename="${lang}"><![CDATA[${lang}]]></category>
${group ? `<category domain="post_translations" nicename="${group}"><![CDATA[${group}]]></category>` : ''}
${meta}
</item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Poly</title><link>https://old.example.uz</link><language>ru-RU</language><wp:base_blog_url>https://old.example.uz</wp:base_blog_url>
<wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name><![CDATA[Редактор]]></wp:author_display_name></wp:author>
<wp:term><wp:term_id>5</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>ru</wp:term_slug><wp:term_name>Русский</wp:term_name></wp:term>
<wp:term><wp:term_id>6</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>uz</wp:term_slug><wp:term_name>Oʻzbekcha</wp:term_name></wp:term>
<wp:term><wp:term_id>7</wp:term_id><wp:term_taxonomy>post_translations</wp:term_taxonomy><wp:term_slug>pll_1</wp:term_slug><wp:term_name>pll_1</wp:term_name><wp:term_description><![CDATA[a:2:{s:2:"ru";i:10;s:2:"uz";i:11;}]]></wp:term_description></wp:term>
${item(10, 'ru', 'pll_1', 'Новости Ташкента', 'novosti-tashkenta')}
${item(11, 'uz', 'pll_1', 'Toshkent yangiliklari', 'toshkent-yangiliklari')}
${item(12, 'ru', null, 'Только по-русски', 'tolko-po-russki', '<wp:postmeta><wp:meta_key>_wpml_word_count</wp:meta_key><wp:meta_value>3</wp:meta_value></wp:postmeta>')}
</channel></rss>`;
}

describe.each(DIALECTS)('Polylang translation groups on %s', (dialect) => {
  it('imports a translation group as editions of one story, dates in the site zone, and says WPML links are not in WXR', async () => {
    const s = await makeTestSite(dialect, { now: Date.UTC(2026, 11, 6, 9, 0) });
    try {
      const file = path.join(tmp, `polylang-${dialect}.xml`);
      fs.writeFileSync(file, polylangWxr());
      await importWordPress(importDeps(s.c), { file, timeZone: 'Asia/Tashkent', reportPath: path.join(tmp, `polylang-${dialect}.json`), defaultLocale: 'ru' });
      const rows = await s.c.db.kysely.selectFrom('editions').select(['story_id', 'locale', 'slug', 'published_at']).orderBy('id').execute();
      expect(rows.map((r) => [r.locale, r.slug])).toEqual([['ru', 'novosti-tashkenta'], ['uz', 'toshkent-yangiliklari'], ['ru', 'tolko-po-russki']]);
      expect(rows[0]!.story_id).toBe(rows[1]!.story_id);
      expect(rows[2]!.story_id).not.toBe(rows[0]!.story_id);
      // No GMT twin: the local date in the site's zone (Tashkent is UTC+5).
      expect(rows[0]!.published_at).toBe(Date.UTC(2024, 4, 1, 5, 0));
      const r = readReport(path.join(tmp, `polylang-${dialect}.json`));
      expect(r.summary.warnings.some((w) => w.includes('WPML'))).toBe(true);
      expect(r.summary.warnings.some((w) => w.includes('Polylang'))).toBe(true);
      const go = await s.app.inject({ url: '/uz/toshkent-yangiliklari/' });
      expect([go.statusCode, go.headers.location]).toEqual([301, '/uz/news/toshkent-yangiliklari']);
    } finally {
      await s.close();
    }
  }, 60_000);
});

describe.skipIf(!DIALECTS.includes('postgres'))('two runs of one import at the same moment on postgres', () => {
  it('every post and page is written once; the loser of each race reports it skipped or failed, never a duplicate', async () => {
    const s = await makeTestSite('postgres', { now: Date.UTC(2026, 11, 6, 9, 0) });
    try {
      await Promise.all([
        importWordPress(importDeps(s.c), options('race-a', { mediaDir: undefined })),
        importWordPress(importDeps(s.c), options('race-b', { mediaDir: undefined })),
      ]);
      expect(await count(s, 'editions')).toBe(58);
      expect(await count(s, 'pages')).toBe(21);
      const dup = await s.c.db.kysely.selectFrom('old_url_redirects').select('path').groupBy('path').having((eb) => eb.fn.countAll(), '>', 1).execute();
      expect(dup).toEqual([]);
      const a = readReport(path.join(tmp, 'race-a.json'));
      const b = readReport(path.join(tmp, 'race-b.json'));
      const written = (r: typeof a) => r.items.filter((i) => (i.kind === 'post' || i.kind === 'page') && (i.outcome === 'imported' || i.outcome === 'changed')).length;
      expect(written(a) + written(b)).toBe(79);
    } finally {
      await s.close();
    }
  }, 120_000);
});

/** A small export whose attachments and terms an old site really had: a bare % in a file name, addresses that try to leave --media-base-url, a tag and a category whose old slugs are not their English names. */
function hostileWxr(otherHost: string): string {
  const attachment = (id: number, url: string) => `<item>
<title><![CDATA[file ${id}]]></title>
<link>https://old.example.com/?attachment_id=${id}</link>
<dc:creator><![CDATA[editor]]></dc:creator>
<guid isPermaLink="false">${url}</guid>
<content:encoded><![CDATA[]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id>
<wp:post_date><![CDATA[2024-01-10 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2024-01-10 10:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[file-${id}]]></wp:post_name>
<wp:status><![CDATA[inherit]]></wp:status>
<wp:post_parent>301</wp:post_parent>
<wp:post_type><![CDATA[attachment]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
<wp:attachment_url><![CDATA[${url}]]></wp:attachment_url>
</item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example.com</link><language>en-US</language><wp:base_blog_url>https://old.example.com</wp:base_blog_url>
<wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name><![CDATA[Editor]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>dehqon</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Farm]]></wp:cat_name></wp:category>
<wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug>qishloq</wp:tag_slug><wp:tag_name><![CDATA[Village life]]></wp:tag_name></wp:tag>
${attachment(201, 'https://old.example.com/wp-content/uploads/2024/01/100%.jpg')}
${attachment(202, `https://old.example.com/wp-content/uploads/http:%2F%2F${otherHost}%2Flatest`)}
${attachment(203, `https://old.example.com/wp-content/uploads///${otherHost}/a.jpg`)}
${attachment(204, 'https://old.example.com/wp-content/uploads/2024/01/moved.jpg')}
<item>
<title><![CDATA[Harvest at 100%]]></title>
<link>https://old.example.com/2024/01/harvest/</link>
<dc:creator><![CDATA[editor]]></dc:creator>
<guid isPermaLink="false">https://old.example.com/?p=301</guid>
<content:encoded><![CDATA[<p>The harvest.</p><img src="https://old.example.com/wp-content/uploads/2024/01/100%-300x200.jpg" alt="Fields" /><img src="https://old.example.com/wp-content/uploads/2024/01/50%off.png" />]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>301</wp:post_id>
<wp:post_date><![CDATA[2024-01-10 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2024-01-10 10:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[harvest]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type><![CDATA[post]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
<category domain="category" nicename="dehqon"><![CDATA[Farm]]></category>
<category domain="post_tag" nicename="qishloq"><![CDATA[Village life]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>201</wp:meta_value></wp:postmeta>
</item>
</channel></rss>`;
}

describe.each(DIALECTS)('an export that is not to be trusted, on %s', (dialect) => {
  let base: http.Server;
  let other: http.Server;
  const otherHits: string[] = [];
  const baseHits: string[] = [];
  let s: TestSite;
  let report: { items: ReportItem[]; summary: ReportSummary };
  beforeAll(async () => {
    // The old site (--media-base-url) and another server an export's addresses try to reach instead.
    other = http.createServer((req, res) => {
      otherHits.push(req.url ?? '');
      res.end('internal');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const otherHost = `127.0.0.1:${(other.address() as AddressInfo).port}`;
    base = http.createServer((req, res) => {
      baseHits.push(req.url ?? '');
      if (req.url?.endsWith('/moved.jpg')) res.writeHead(302, { location: `http://${otherHost}/moved.jpg` }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => base.listen(0, '127.0.0.1', r));
    const dir = path.join(tmp, `hostile-${dialect}`);
    fs.mkdirSync(path.join(dir, 'uploads/2024/01'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'uploads/2024/01/100%.jpg'), await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } }).jpeg().toBuffer());
    const file = path.join(dir, 'export.xml');
    fs.writeFileSync(file, hostileWxr(otherHost));
    s = await makeTestSite(dialect, { now: Date.UTC(2026, 11, 6, 9, 0) });
    await importWordPress(importDeps(s.c), {
      file, locale: 'en', timeZone: 'UTC', defaultLocale: 'ru', reportPath: path.join(dir, 'report.json'),
      mediaDir: path.join(dir, 'uploads'), mediaBaseUrl: `http://127.0.0.1:${(base.address() as AddressInfo).port}/wp-content/uploads/`,
    });
    report = readReport(path.join(dir, 'report.json'));
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await new Promise((r) => base?.close(r));
    await new Promise((r) => other?.close(r));
  });

  it('imports a file named with a bare % instead of aborting the import, and reports each attachment', async () => {
    const item = (id: string) => report.items.find((i) => i.sourceId === id)!;
    expect(item('201').outcome).toBe('imported');
    expect(item('301').outcome === 'imported' || item('301').outcome === 'changed').toBe(true);
    const story = await s.c.db.kysely.selectFrom('editions as e').innerJoin('stories as st', 'st.id', 'e.story_id').select(['st.hero_media_id', 'e.body_json']).where('e.slug', '=', 'harvest').executeTakeFirstOrThrow();
    expect(story.hero_media_id).not.toBeNull();
    // The resized copy in the body leads to the library image.
    expect(story.body_json).toContain(`"mediaId":${story.hero_media_id}`);
    expect((await s.app.inject({ url: '/en/news/harvest' })).statusCode).toBe(200);
  });

  it('never fetches outside --media-base-url: escaping addresses and redirects are reported, and the other server hears nothing', () => {
    expect(otherHits).toEqual([]);
    const item = (id: string) => report.items.find((i) => i.sourceId === id)!;
    for (const id of ['202', '203']) {
      expect(item(id).outcome).toBe('failed');
      expect(item(id).notes.join(' ')).toContain('would leave --media-base-url');
    }
    expect(item('204').outcome).toBe('failed');
    expect(item('204').notes.join(' ')).toContain('redirect');
    expect(baseHits.every((u) => u.startsWith('/wp-content/uploads/2024/01/'))).toBe(true);
  });

  it('gives imported tags and sections their address in the import locale, as the newsroom does', async () => {
    const db = s.c.db.kysely;
    const tag = await db.selectFrom('tags as t').innerJoin('tag_names as n', 'n.tag_id', 't.id').select(['t.slug as shared', 'n.slug', 'n.name']).where('n.locale', '=', 'en').executeTakeFirstOrThrow();
    expect(tag).toEqual({ shared: 'qishloq', slug: 'village-life', name: 'Village life' });
    const tagPage = await s.app.inject({ url: '/en/tag/village-life' });
    expect(tagPage.statusCode).toBe(200);
    expect(tagPage.body).toContain('Harvest at 100%');
    const section = await db.selectFrom('sections as x').innerJoin('section_names as n', 'n.section_id', 'x.id').select(['x.slug as shared', 'n.slug']).where('n.locale', '=', 'en').executeTakeFirstOrThrow();
    expect(section).toEqual({ shared: 'dehqon', slug: 'farm' });
    expect((await s.app.inject({ url: '/en/section/farm' })).statusCode).toBe(200);
    // The old archive addresses lead straight to the new ones.
    const go = async (url: string) => {
      const r = await s.app.inject({ url });
      return [r.statusCode, r.headers.location];
    };
    expect(await go('/tag/qishloq/')).toEqual([301, '/en/tag/village-life']);
    expect(await go('/category/dehqon/')).toEqual([301, '/en/section/farm']);
  });
});
