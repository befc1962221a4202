import SQLite from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { QueryTemplates } from './query-template.js';

interface DB {
  t: { id: number; tag: string; at: number };
}

describe('QueryTemplates', () => {
  const sqlite = new SQLite(':memory:');
  sqlite.exec("create table t (id integer primary key, tag text, at integer); insert into t values (1, 'a', 10), (2, 'b', 20), (3, 'a', 30), (4, 'c', 40)");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  let compiles = 0;
  const byTagBefore = (v: { tag: string; before: number }) => {
    compiles++;
    return db.selectFrom('t').select('id').where('tag', '=', v.tag).where('at', '<', v.before).where(sql<boolean>`${v.before} > 0`).orderBy('id');
  };
  afterAll(() => db.destroy());

  it('compiles a shape once and runs it with each call’s own values, a value used twice included', async () => {
    const q = new QueryTemplates(db);
    expect(await q.run('byTag', { tag: 'a', before: 100 }, byTagBefore)).toEqual([{ id: 1 }, { id: 3 }]);
    expect(await q.run('byTag', { tag: 'a', before: 20 }, byTagBefore)).toEqual([{ id: 1 }]);
    expect(await q.run('byTag', { tag: 'b', before: 100 }, byTagBefore)).toEqual([{ id: 2 }]);
    expect(await q.run('byTag', { tag: 'b', before: -1 }, byTagBefore)).toEqual([]);
    expect(compiles).toBe(1);
  });

  it('compiles one form per array length and keeps at most `max` forms', async () => {
    const q = new QueryTemplates(db, 2);
    const ids = (v: { ids: number[] }) => db.selectFrom('t').select('id').where('id', 'in', v.ids).orderBy('id');
    expect(await q.run('ids', { ids: [1, 4] }, ids)).toEqual([{ id: 1 }, { id: 4 }]);
    expect(await q.run('ids', { ids: [2, 3, 4] }, ids)).toEqual([{ id: 2 }, { id: 3 }, { id: 4 }]);
    expect(await q.run('ids', { ids: [3, 2] }, ids)).toEqual([{ id: 2 }, { id: 3 }]);
    expect(q.size).toBe(2);
    expect(await q.run('ids', { ids: [4] }, ids)).toEqual([{ id: 4 }]);
    expect(q.size).toBe(2); // the least recently used form went
  });

  it('refuses a template whose value JS read instead of passing it to SQL', async () => {
    const q = new QueryTemplates(db);
    // A limit decided in JS would be frozen at the first call's value.
    await expect(q.run('js', { n: 3 }, (v) => db.selectFrom('t').select('id').limit(Number(v.n) || 2))).rejects.toThrow(/n was read by JS/);
    await expect(q.run('raw', { tag: 'a' }, (v) => db.selectFrom('t').select('id').where(sql.raw<boolean>(`tag = '${v.tag}'`)))).rejects.toThrow(/read by JS/);
  });
});
