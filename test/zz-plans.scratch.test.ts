import { it } from 'vitest';
import SQLite from 'better-sqlite3';
import { makeTestSite } from './helpers/site.js';
import { generateArchive } from './helpers/archive.js';

it('plans', async () => {
  const now = Date.UTC(2026, 11, 1, 12);
  const s = await makeTestSite('sqlite', { now });
  await generateArchive(s.c.db.kysely, now, 3000);
  const seen: { sql: string; args: unknown[] }[] = [];
  let raw: any;
  const orig = (SQLite as any).prototype.prepare;
  (SQLite as any).prototype.prepare = function (this: any, sql: string) {
    raw = this;
    const st = orig.call(this, sql);
    for (const m of ['all', 'run', 'get', 'iterate']) { const f = st[m]; st[m] = (...a: unknown[]) => { seen.push({ sql, args: a }); return f.apply(st, a); }; }
    return st;
  };
  for (const url of (process.env.URLS ?? '/ru/news').split(',')) {
    seen.length = 0;
    const r = await s.app.inject({ url });
    console.log('=====', url, r.statusCode, r.headers.location ?? '', seen.length, 'queries');
    for (const q of seen) {
      if (!/^select/i.test(q.sql)) continue;
      const plan = orig.call(raw, 'explain query plan ' + q.sql).all(...(q.args as any[]));
      console.log('--', q.sql.slice(0, 300));
      for (const p of plan) console.log('   ', p.detail);
    }
  }
  await s.close();
}, 120000);
