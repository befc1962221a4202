/**
 * `npm run audit:site`: Lighthouse 12 (mobile, its default) on every public page type of every
 * language — article, home, section, tag, author, date archive, search — of a freshly seeded demo
 * site, printing the four category scores and, for anything below 100, the audits that cost it.
 * Not part of CI (a full run takes minutes); test/e2e/site-audits.e2e.test.ts checks what can be
 * checked quickly (axe, meta description, canonical, overflow) on every test run.
 *
 *   npm run audit:site                         all languages and page types
 *   npm run audit:site -- --locales ru,en --pages home,article
 *   npm run audit:site -- --out /tmp/lh        also write each page's Lighthouse report (JSON)
 *   CHROME_PATH=/usr/bin/chromium (default)    the browser; never downloaded
 *
 * Search pages are `noindex` on purpose, so their SEO is judged without the crawlability audit
 * (issue 14). Scores on a busy machine vary (performance most): compare runs made together.
 * Exit status 1 when any score is below 100.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { buildContainer } from '../src/container.js';
import { seedDemo } from '../src/demo/seed.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const ALL_LOCALES = ['ru', 'uz', 'uz-cyrl', 'en'];
const ALL_PAGES = ['article', 'home', 'section', 'tag', 'author', 'archive', 'search'];
const QUERY: Record<string, string> = { ru: 'Узбекистан', uz: 'Oʻzbekiston', 'uz-cyrl': 'Ўзбекистон', en: 'Uzbekistan' };
const EDITION_LOCALE: Record<string, string> = { ru: 'ru', uz: 'uz', 'uz-cyrl': 'uz-Cyrl', en: 'en' };

function arg(name: string, all: string[]): string[] {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return all;
  const wanted = (process.argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length || wanted.length === 0) {
    console.error(`--${name} takes a comma-separated list of: ${all.join(', ')}`);
    process.exit(2);
  }
  return wanted;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Headless Chromium with a DevTools port Lighthouse drives; resolves once it listens. */
function launchChrome(profile: string): Promise<{ proc: ChildProcess; port: number }> {
  const bin = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(bin)) throw new Error(`No Chrome at ${bin}: set CHROME_PATH (this script never downloads a browser).`);
  const proc = spawn(bin, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err.slice(-500)}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]) });
      }
    });
    proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${err.slice(-500)}`)));
  });
}

async function main() {
  const locales = arg('locales', ALL_LOCALES);
  const pageKinds = arg('pages', ALL_PAGES);
  const outIdx = process.argv.indexOf('--out');
  const outDir = outIdx === -1 ? undefined : process.argv[outIdx + 1];
  if (outDir) fs.mkdirSync(outDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-audit-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The demo site as `xabar start` serves it in production, on a throwaway data folder.
  process.env.NODE_ENV = 'production';
  const config = loadConfig({ DATA_DIR: dataDir, XABAR_DEMO: 'false', LOG_LEVEL: 'silent', SITE_URL: base, PORT: String(port) }, process.cwd());
  const c = await buildContainer(config, { logger: pino({ level: 'silent' }) });
  let chrome: ChildProcess | undefined;
  let failed = false;
  try {
    console.error('Seeding the demo site…');
    await seedDemo(c, { stories: 90, images: 12 });
    const app = await buildApp(c);
    await app.listen({ port, host: '127.0.0.1' });
    const k = c.db.kysely;
    const urls: { locale: string; kind: string; url: string }[] = [];
    for (const l of locales) {
      const article = await k.selectFrom('editions').select('slug').where('locale', '=', EDITION_LOCALE[l]!).where('status', '=', 'published').orderBy('published_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
      const articlePath = `/${l}/news/${article.slug}`;
      const html = await (await fetch(base + articlePath)).text();
      const main = html.slice(html.indexOf('<main'));
      const link = (kind: string) => new RegExp(`href="(/${l}/${kind}/[^"]+)"`).exec(main)?.[1];
      const archive = (await fetch(`${base}/${l}/archive`, { redirect: 'manual' })).headers.get('location');
      const byKind: Record<string, string | undefined | null> = {
        article: articlePath, home: `/${l}/`, section: link('section'), tag: link('tag'), author: link('author'), archive, search: `/${l}/search?q=${encodeURIComponent(QUERY[l]!)}`,
      };
      for (const kind of pageKinds) {
        if (!byKind[kind]) throw new Error(`no ${kind} page found for ${l}`);
        urls.push({ locale: l, kind, url: base + byKind[kind] });
      }
    }
    const profile = path.join(dataDir, 'chrome');
    const launched = await launchChrome(profile);
    chrome = launched.proc;
    const rows: string[][] = [];
    for (const [i, u] of urls.entries()) {
      process.stderr.write(`[${i + 1}/${urls.length}] ${u.url}\n`);
      const result = await lighthouse(u.url, { port: launched.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, u.kind === 'search' ? { extends: 'lighthouse:default', settings: { skipAudits: ['is-crawlable'] } } : undefined);
      if (!result) throw new Error(`Lighthouse gave no result for ${u.url}`);
      const lhr = result.lhr;
      const scores = CATEGORIES.map((cat) => Math.round((lhr.categories[cat]?.score ?? 0) * 100));
      const metric = (id: string) => lhr.audits[id]?.displayValue?.replace(/\s/g, '') ?? '?';
      rows.push([u.locale, u.kind, ...scores.map(String), `${metric('first-contentful-paint')} ${metric('largest-contentful-paint')} ${metric('total-blocking-time')} ${metric('cumulative-layout-shift')}`, u.url.slice(base.length)]);
      if (outDir) fs.writeFileSync(path.join(outDir, `${u.locale}-${u.kind}.json`), JSON.stringify(lhr));
      if (scores.some((s) => s < 100)) {
        failed = true;
        for (const cat of CATEGORIES) {
          for (const ref of lhr.categories[cat]?.auditRefs ?? []) {
            const a = lhr.audits[ref.id];
            if (ref.weight > 0 && a && a.score !== null && a.score < 1) {
              console.log(`    ${u.locale} ${u.kind} · ${cat} · ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
              // Which elements, when the audit names them (accessibility audits do).
              const items = ((a.details as { items?: { node?: { selector?: string; snippet?: string } }[] } | undefined)?.items ?? []).slice(0, 3);
              for (const it of items) if (it.node) console.log(`        ${it.node.selector ?? ''} ${it.node.snippet?.slice(0, 120) ?? ''}`);
            }
          }
        }
      }
    }
    const head = ['locale', 'page', 'perf', 'a11y', 'b-p', 'seo', 'FCP LCP TBT CLS', 'path'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.min(r[i]!.length, 60))));
    const line = (r: string[]) => r.map((x, i) => (i >= 2 && i <= 5 ? x.padStart(widths[i]!) : x.slice(0, 60).padEnd(widths[i]!))).join('  ');
    console.log(`\nLighthouse ${lighthouseVersion()} (mobile) on ${urls.length} pages:\n${line(head)}\n${rows.map(line).join('\n')}`);
    await app.close();
  } finally {
    if (chrome && chrome.exitCode === null) {
      const exited = new Promise((r) => chrome!.once('exit', r));
      chrome.kill();
      await exited;
    }
    await c.close();
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
  process.exit(failed ? 1 : 0);
}

function lighthouseVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(process.cwd(), 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '12';
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
