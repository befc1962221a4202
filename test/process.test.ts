/**
 * The processes an operator runs: the `xabar` CLI and `npm start`'s entry, as real child
 * processes. Start-up mistakes end with one clear line and a non-zero exit; SIGTERM flushes views.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER_UA } from './helpers/site.js';

const TSX = path.resolve('node_modules/.bin/tsx');
const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-proc-'));
  dirs.push(d);
  return d;
}
function run(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(TSX, args, { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('xabar CLI', () => {
  it('creates users, printing a generated password, and rejects bad input with exit 2', () => {
    const env = { DATA_DIR: tmp() };
    const ok = run(['src/cli/xabar.ts', 'users', 'create', '--email', 'Chief@Example.uz', '--role', 'admin', '--name', 'Chief'], env);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Created admin chief@example\.uz \(id 1\)\. Password: \S{16}/);
    const bad = run(['src/cli/xabar.ts', 'users', 'create', '--email', 'nope', '--role', 'king', '--password', 'short'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--email: Enter a valid e-mail address.');
    expect(bad.err).toContain('--role: Role must be one of contributor, author, editor, admin.');
    expect(run(['src/cli/xabar.ts', 'users', 'create', '--email', 'a@b.uz'], env).code).toBe(2);
    expect(run(['src/cli/xabar.ts', 'frobnicate'], env).code).toBe(2);
  });

  it('transliterates standard input', () => {
    const r = run(['src/cli/xabar.ts', 'translit', '--to', 'cyrl'], { DATA_DIR: tmp() }, 'Oʻzbekiston Respublikasi\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe('Ўзбекистон Республикаси\n');
    expect(run(['src/cli/xabar.ts', 'translit', '--to', 'klingon'], { DATA_DIR: tmp() }, 'x').code).toBe(2);
  });

  it('refuses a demo size or language it cannot make with exit 2, before touching the database', () => {
    const dir = tmp();
    const big = run(['src/cli/xabar.ts', 'demo', '--stories', '1000001'], { DATA_DIR: dir });
    expect(big.code).toBe(2);
    expect(big.err).toContain('--stories must be a whole number from 1 to 1,000,000');
    const lang = run(['src/cli/xabar.ts', 'demo', '--stories', '500', '--locales', 'ru,de'], { DATA_DIR: dir });
    expect(lang.code).toBe(2);
    expect(lang.err).toContain('unknown: de');
    expect(fs.existsSync(path.join(dir, 'xabar.db'))).toBe(false);
  });
});

describe('server start-up', () => {
  it('explains a bad configuration in one line per problem and exits 1', () => {
    const r = run(['src/main.ts'], { DATA_DIR: tmp(), PORT: 'abc', DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('PORT: PORT must be a whole number');
    expect(r.err).toContain('DATABASE_URL: DATABASE_URL must be postgres://');
  });

  it('says which PostgreSQL it cannot reach', () => {
    const r = run(['src/main.ts'], { DATA_DIR: tmp(), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PORT: '3999' });
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^Cannot start Xabar: Cannot connect to PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
  });

  it('says when the data directory is not a writable folder', () => {
    const file = path.join(tmp(), 'a-file');
    fs.writeFileSync(file, '');
    const r = run(['src/main.ts'], { DATA_DIR: file, PORT: '3999' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Cannot write to the data directory .*a-file: make it writable or set DATA_DIR/);
  });

  it('says when the reference story file is missing', () => {
    const r = run(['src/main.ts'], { DATA_DIR: tmp(), PORT: '3999', XABAR_REFERENCE_FILE: '/no/such/reference.txt' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/reference\.txt: cannot read the reference story \(the file does not exist\)/);
  });

  it('flushes counted views on SIGTERM, so a graceful stop loses none', async () => {
    const dataDir = tmp();
    expect(run(['src/cli/xabar.ts', 'demo', '--stories', '2'], { DATA_DIR: dataDir }).code).toBe(0);
    const port = 3900 + Math.floor(Math.random() * 90);
    const child = spawn(TSX, ['src/main.ts'], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', XABAR_VIEW_FLUSH_MS: '60000' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 200 && !/The reference story: (\S+)/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
    const url = /The reference story: (\S+)/.exec(out)![1]!.replace(/localhost:\d+/, `127.0.0.1:${port}`);
    const res = await fetch(url, { headers: { 'user-agent': BROWSER_UA } });
    expect(res.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const db = new Database(path.join(dataDir, 'xabar.db'), { readonly: true });
    const row = db.prepare("select views_total from editions where is_main = 1 and locale = 'ru'").get() as { views_total: number };
    db.close();
    expect(row.views_total).toBe(225); // 224 imported + this reader, flushed at shutdown, not by the 60 s timer
  });
});
