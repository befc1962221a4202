/**
 * `npm run bench:import [-- --posts N] [-- --reader-mb M]`: how fast `xabar import wordpress` writes
 * posts (no images) and how much memory it holds, on a generated WXR export.
 *
 *  1. import: N posts (default 20,000; Gutenberg and classic bodies, categories, tags, two authors)
 *     into a fresh SQLite database — posts per second and the process's peak RSS;
 *  2. reader: the streaming WXR reader alone over a file of M MB (default 1,000) — MB/s and peak
 *     RSS, to show memory stays flat whatever the file's size.
 *
 * Not a test: timings on the shared 2-core machine drift; compare runs made together.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { buildContainer } from '../src/container.js';
import { importDeps } from '../src/import/import.cli.js';
import { importWordPress } from '../src/import/wordpress.js';
import { readWxr } from '../src/import/wxr-reader.js';

const { values } = parseArgs({ options: { posts: { type: 'string' }, 'reader-mb': { type: 'string' }, pg: { type: 'string' } } });
const POSTS = Number(values.posts ?? 20_000);
const READER_MB = Number(values['reader-mb'] ?? 1000);

const WORDS = 'agentlik xabar bergan yangilik iqtisodiyot siyosat jamiyat sport madaniyat toshkent samarqand buxoro hukumat vazirlik loyiha investitsiya'.split(' ');
function text(seed: number, words: number): string {
  let out = '';
  for (let i = 0; i < words; i++) out += `${WORDS[(seed * 7 + i * 13) % WORDS.length]} `;
  return out.trim();
}

function item(i: number): string {
  const gutenberg = i % 2 === 0;
  const paras = Array.from({ length: 6 }, (_, k) => text(i + k, 60));
  const body = gutenberg
    ? paras.map((p) => `<!-- wp:paragraph -->\n<p>${p} <strong>muhim</strong> <a href="https://example.com/${i}">havola</a>.</p>\n<!-- /wp:paragraph -->`).join('\n\n') + '\n\n<!-- wp:heading -->\n<h2>Sarlavha</h2>\n<!-- /wp:heading -->\n\n<!-- wp:list -->\n<ul><li>bir</li><li>ikki</li></ul>\n<!-- /wp:list -->'
    : paras.join('\n\n') + '\n\nhttps://www.youtube.com/watch?v=ex8fMxXJDJw\n\n<blockquote>iqtibos</blockquote>';
  const d = new Date(Date.UTC(2015, 0, 1) + i * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
  return `<item>
<title><![CDATA[${text(i, 8)} ${i}]]></title>
<link>https://old.example.uz/${d.slice(0, 4)}/${d.slice(5, 7)}/post-${i}/</link>
<dc:creator><![CDATA[${i % 3 ? 'editor' : 'reporter'}]]></dc:creator>
<guid isPermaLink="false">https://old.example.uz/?p=${i + 10}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded>
<excerpt:encoded><![CDATA[${text(i, 20)}]]></excerpt:encoded>
<wp:post_id>${i + 10}</wp:post_id>
<wp:post_date><![CDATA[${d}]]></wp:post_date>
<wp:post_date_gmt><![CDATA[${d}]]></wp:post_date_gmt>
<wp:post_name><![CDATA[post-${i}]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type><![CDATA[post]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
<wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="section-${i % 8}"><![CDATA[Section ${i % 8}]]></category>
<category domain="post_tag" nicename="tag-${i % 300}"><![CDATA[Tag ${i % 300}]]></category>
<category domain="post_tag" nicename="tag-${(i * 7) % 300}"><![CDATA[Tag ${(i * 7) % 300}]]></category>
<wp:comment><wp:comment_id>${i}</wp:comment_id><wp:comment_content><![CDATA[a comment]]></wp:comment_content></wp:comment>
</item>
`;
}

function writeWxr(file: string, until: (bytes: number, n: number) => boolean): number {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  const put = (s: string) => {
    const b = Buffer.from(s);
    fs.writeSync(fd, b);
    bytes += b.length;
  };
  put(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Old agency</title>\n<link>https://old.example.uz</link>\n<language>uz-UZ</language>\n<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_blog_url>https://old.example.uz</wp:base_blog_url>\n`);
  put('<wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name><![CDATA[Muharrir]]></wp:author_display_name></wp:author>\n<wp:author><wp:author_login>reporter</wp:author_login><wp:author_display_name><![CDATA[Muxbir]]></wp:author_display_name></wp:author>\n');
  let n = 0;
  while (until(bytes, n)) put(item(n++));
  put('</channel>\n</rss>\n');
  fs.closeSync(fd);
  return n;
}

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return { stop: () => (clearInterval(t), Math.max(peak, process.memoryUsage().rss)) };
}
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-bench-import-'));
try {
  // 1. Import.
  const wxr = path.join(dir, 'posts.xml');
  writeWxr(wxr, (_b, n) => n < POSTS);
  const config = loadConfig({ DATA_DIR: dir, XABAR_DEMO: 'false', LOG_LEVEL: 'silent', SITE_URL: 'https://bench.example', XABAR_PAGE_CACHE: 'false' }, process.cwd());
  const c = await buildContainer(config, { logger: pino({ level: 'silent' }), ...(values.pg ? { dbTarget: { dialect: 'postgres' as const, url: values.pg, schema: `bench_import_${process.pid}` } } : {}) });
  const baseline = process.memoryUsage().rss;
  const rss = rssSampler();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await importWordPress(importDeps(c), { file: wxr, locale: 'uz', timeZone: 'Asia/Tashkent', reportPath: path.join(dir, 'report.json'), defaultLocale: 'uz' });
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const peak = rss.stop();
  await c.close();
  const imported = (r.report.summary.counts.post?.imported ?? 0) + (r.report.summary.counts.post?.changed ?? 0);
  console.log(`import: ${imported.toLocaleString('en-US')} posts from ${mb(fs.statSync(wxr).size)} in ${secs.toFixed(1)} s = ${(imported / secs).toFixed(0)} posts/s on ${values.pg ? 'PostgreSQL' : 'SQLite'} (CPU ${cpuSecs.toFixed(1)} s = ${(imported / cpuSecs).toFixed(0)} posts per CPU-second, the rate of one idle core); RSS before ${mb(baseline)}, peak ${mb(peak)}`);
  fs.rmSync(wxr);

  // 2. The reader alone over a big file.
  const big = path.join(dir, 'big.xml');
  const items = writeWxr(big, (b) => b < READER_MB * 1048576);
  const rss2 = rssSampler();
  const before = process.memoryUsage().rss;
  const t1 = performance.now();
  let seen = 0;
  for await (const rec of readWxr(big)) if (rec.kind === 'item') seen++;
  const s2 = (performance.now() - t1) / 1000;
  const peak2 = rss2.stop();
  console.log(`reader: ${seen.toLocaleString('en-US')} of ${items.toLocaleString('en-US')} items, ${mb(fs.statSync(big).size)} in ${s2.toFixed(1)} s = ${(fs.statSync(big).size / 1048576 / s2).toFixed(0)} MB/s; RSS before ${mb(before)}, peak ${mb(peak2)}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
