import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.js';

describe('cachingStatements', () => {
  it('prepares a SQL text once, keeps at most `max` texts, and prepares afresh while a statement is busy', () => {
    const db = new SQLite(':memory:');
    let prepared = 0;
    const counting = { prepare: (text: string) => (prepared++, db.prepare(text)), close: () => db.close() };
    const c = cachingStatements(counting, 2);
    db.exec('create table t (x integer)');
    db.exec('insert into t values (1), (2), (3)');
    expect(c.prepare('select x from t').all([])).toHaveLength(3);
    expect(c.prepare('select x from t').all([])).toHaveLength(3);
    expect(prepared).toBe(1);
    // Iterating keeps the statement busy: the same text meanwhile gets a statement of its own.
    const it = c.prepare('select x from t').iterate([]);
    it.next();
    expect(c.prepare('select x from t').all([])).toHaveLength(3);
    expect(prepared).toBe(2);
    it.return?.();
    c.prepare('select 1');
    c.prepare('select 2');
    expect(c.cachedStatements).toBe(2); // the least recently used text went
    // A schema change: SQLite re-prepares the cached statement by itself.
    db.exec('alter table t add column y integer default 7');
    expect(c.prepare('select * from t').all([])[0]).toEqual({ x: 1, y: 7 });
    c.close();
  });
});
