/**
 * A node starting (migrating) while another client drops unrelated schemas of the same
 * database: Kysely's stock introspector failed such a start with `schema "<other>" does not
 * exist` (seen in CI: a test's site dropped its schema while another test's site migrated).
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb } from './connect.js';
import { MIGRATION_NAMES, migrate } from './migrate.js';

const PG = process.env.XABAR_TEST_PG;

describe.runIf(PG)('PostgreSQL introspection of our own schema', () => {
  it('migrates a new schema while other schemas are created and dropped around it, and sees only its own tables', async () => {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = await openDb({ dialect: 'postgres', url: PG! });
    await sql.raw(`create schema ${schema}`).execute(admin.kysely);
    const churn = await openDb({ dialect: 'postgres', url: PG! });
    const db = await openDb({ dialect: 'postgres', url: PG!, schema });
    let stop = false;
    let cycles = 0;
    // Many short-lived schemas, each holding a table, so the catalogue scan keeps meeting ones
    // that vanish under it.
    const churning = (async () => {
      while (!stop) {
        const names = Array.from({ length: 8 }, () => `t_churn_${crypto.randomBytes(5).toString('hex')}`);
        await sql.raw(names.map((n) => `create schema ${n}; create table ${n}.x (id int)`).join('; ')).execute(churn.kysely);
        await sql.raw(names.map((n) => `drop schema ${n} cascade`).join('; ')).execute(churn.kysely);
        cycles++;
      }
    })();
    try {
      const applied = await migrate(db);
      expect([...applied].sort()).toEqual([...MIGRATION_NAMES].sort());
      // Keep asking while the churn goes on: none of these may throw.
      for (let i = 0; i < 30; i++) {
        const tables = await db.kysely.introspection.getTables();
        expect(tables.every((t) => t.schema === schema)).toBe(true);
        expect(tables.map((t) => t.name)).toContain('xabar_migrations');
      }
      expect(cycles).toBeGreaterThan(0);
      const editions = (await db.kysely.introspection.getTables()).find((t) => t.name === 'editions')!;
      expect(editions.isView).toBe(false);
      expect(editions.columns.find((c) => c.name === 'id')).toMatchObject({ isNullable: false, isAutoIncrementing: true });
    } finally {
      stop = true;
      await churning.catch(() => undefined);
      await db.close();
      await churn.close();
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.kysely);
      await admin.close();
    }
  }, 120_000);
});
