/**
 * `xabar import` as an operator runs it: a real process on a fresh SQLite site — the progress bar on
 * stderr, the summary and report path on stdout, exit codes 0 (done) and 2 (a command-line or file
 * mistake, with a message naming what to change); a dry run first, then the import, then a rerun.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parseImportArgs, runImport } from '../src/import/import.cli.js';
import { paragraphsToDoc } from '../src/content/document.js';
import { THEME_UNIT_TEST } from './helpers/import.js';
import { makeTestSite, type TestSite } from './helpers/site.js';

const TSX = path.resolve('node_modules/.bin/tsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-import-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function xabar(args: string[]) {
  const r = spawnSync(TSX, ['src/cli/xabar.ts', ...args], { env: { ...process.env, DATA_DIR: path.join(dir, 'data'), XABAR_DEMO: 'false', LOG_LEVEL: 'silent', DATABASE_URL: '' }, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('xabar import (the command)', () => {
  it('refuses mistakes with exit code 2 and says what to change', () => {
    const noKind = xabar(['import', THEME_UNIT_TEST]);
    expect(noKind.code).toBe(2);
    expect(noKind.err).toContain('xabar import wordpress FILE.xml');
    const bad = xabar(['import', 'wordpress', THEME_UNIT_TEST, '--locale', 'de']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--locale must be one of');
    const notXml = path.join(dir, 'not.xml');
    fs.writeFileSync(notXml, '{"posts": []}');
    const wrong = xabar(['import', 'wordpress', notXml, '--report', path.join(dir, 'x.json')]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('not an XML file');
  }, 240_000);

  it('dry run, import, rerun: summary on stdout, progress on stderr, report files written', () => {
    const dry = xabar(['import', 'wordpress', THEME_UNIT_TEST, '--locale', 'en', '--dry-run', '--report', path.join(dir, 'dry.json')]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('DRY RUN');
    expect(dry.err).toContain('Importing themeunittestdata.wordpress.xml');
    const run = xabar(['import', 'wordpress', THEME_UNIT_TEST, '--locale', 'en', '--sections', 'none', '--report', path.join(dir, 'run.json')]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/post: .*58 source|post: /);
    expect(run.out).toContain(`Report: ${path.join(dir, 'run.json')}`);
    expect(fs.existsSync(path.join(dir, 'run.txt'))).toBe(true);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'run.json'), 'utf8'));
    expect(report.summary.created.sections).toBe(0);
    expect(report.items.filter((i: { kind: string }) => i.kind === 'post')).toHaveLength(58);
    const again = xabar(['import', 'wordpress', THEME_UNIT_TEST, '--locale', 'en', '--report', path.join(dir, 'again.json')]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('post: 58 skipped');
  }, 240_000);
});

const REDIS = process.env.XABAR_TEST_REDIS ?? 'redis://127.0.0.1:6379';

async function until(cond: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}

const ONE_POST = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example.com</link><language>ru-RU</language><wp:base_blog_url>https://old.example.com</wp:base_blog_url>
<item><title><![CDATA[Импортированная новость]]></title><link>https://old.example.com/imported/</link><dc:creator><![CDATA[editor]]></dc:creator>
<content:encoded><![CDATA[<p>Текст.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>1</wp:post_id>
<wp:post_date><![CDATA[2024-05-01 10:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2024-05-01 10:00:00]]></wp:post_date_gmt><wp:post_name><![CDATA[imported]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status><wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password></item>
</channel></rss>`;

describe('xabar import on a node of a cluster', () => {
  it('purges every node’s cached pages and the CDN, not only its own', async () => {
    const cdnBodies: string[] = [];
    const cdn = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        cdnBodies.push(body);
        res.end();
      });
    });
    await new Promise<void>((r) => cdn.listen(0, '127.0.0.1', r));
    const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-import-nodes-'));
    // Two nodes of one site: one database (a shared SQLite file), one Redis prefix; the import runs on `a`.
    const env = { REDIS_URL: REDIS, REDIS_PREFIX: `xabar:test:${crypto.randomBytes(4).toString('hex')}:`, DATABASE_URL: `sqlite:${path.join(dbDir, 'site.db')}` };
    let a: TestSite | undefined;
    let b: TestSite | undefined;
    try {
      a = await makeTestSite('sqlite', { env: { ...env, XABAR_CDN: 'on', XABAR_CDN_PURGE_URL: `http://127.0.0.1:${(cdn.address() as AddressInfo).port}/purge` } });
      b = await makeTestSite('sqlite', { env });
      await a.c.stories.create({ editions: [{ locale: 'ru', headline: 'Новость до импорта', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(Date.now() - 60_000) }] });
      expect((await b.app.inject('/ru/')).statusCode).toBe(200);
      expect(b.c.pageCache!.get('/ru/')).toBeDefined();
      const file = path.join(dbDir, 'one.xml');
      fs.writeFileSync(file, ONE_POST);
      const parsed = parseImportArgs(['wordpress', file, '--report', path.join(dbDir, 'report.json')]);
      if (typeof parsed === 'string') throw new Error(parsed);
      const out = new Writable({ write: (_c, _e, done) => done() });
      expect(await runImport(a.c, parsed, out)).toBe(0);
      // The other node drops its pages (its home page would miss the imported story otherwise)…
      expect(await until(() => b!.c.pageCache!.size === 0)).toBe(true);
      const home = await b.app.inject('/ru/');
      expect(home.body).toContain('Импортированная новость');
      // …and the CDN is told to drop everything.
      expect(await until(() => cdnBodies.length > 0)).toBe(true);
      expect(JSON.parse(cdnBodies[0]!)).toMatchObject({ all: true });
    } finally {
      await a?.close();
      await b?.close();
      await new Promise((r) => cdn.close(r));
      fs.rmSync(dbDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('does not exit before the CDN has the purge: closing waits for a slow purge hook', async () => {
    const answered: string[] = [];
    // A CDN adapter that takes 400 ms to answer.
    const cdn = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => setTimeout(() => {
        answered.push(body);
        res.end();
      }, 400));
    });
    await new Promise<void>((r) => cdn.listen(0, '127.0.0.1', r));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-import-cdn-'));
    try {
      const a = await makeTestSite('sqlite', { env: { XABAR_CDN: 'on', XABAR_CDN_PURGE_URL: `http://127.0.0.1:${(cdn.address() as AddressInfo).port}/purge` } });
      const file = path.join(dir, 'one.xml');
      fs.writeFileSync(file, ONE_POST);
      const parsed = parseImportArgs(['wordpress', file, '--report', path.join(dir, 'report.json')]);
      if (typeof parsed === 'string') throw new Error(parsed);
      expect(await runImport(a.c, parsed, new Writable({ write: (_c, _e, done) => done() }))).toBe(0);
      expect(answered).toEqual([]); // still on its way
      await a.close(); // what `xabar import` does before the process exits
      expect(answered.map((b) => JSON.parse(b))).toEqual([{ tags: ['*'], all: true }]);
    } finally {
      await new Promise((r) => cdn.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
