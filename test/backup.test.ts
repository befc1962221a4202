/**
 * The proof of issue 17's backups: a site with stories, revisions, media and views is backed up
 * while a writer keeps publishing; the backup is restored into a fresh data folder (SQLite) or a
 * fresh schema (PostgreSQL), and the restored site has every story, revision, media file and view
 * count of the snapshot — exactly the manifest's counts, nothing half-written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackup, listBackups, pruneBackups, type BackupSource } from '../src/ops/backup/backup.js';
import { restoreBackup } from '../src/ops/backup/restore.js';
import { readManifest, mediaPath } from '../src/ops/backup/manifest.js';
import { LocalMediaStore } from '../src/media/storage.js';
import { openDb } from '../src/db/connect.js';
import { MIGRATION_NAMES } from '../src/db/migrate.js';

/** The newest migration this build knows: a backup's schema version. */
const LATEST = MIGRATION_NAMES[MIGRATION_NAMES.length - 1]!;
import { multipart } from './helpers/client.js';
import { draft, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';
import { BROWSER_UA, DIALECTS, makeTestSite, type DialectName } from './helpers/site.js';

const PG = process.env.XABAR_TEST_PG!;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-backup-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const photo = (seed: number) => sharp({ create: { width: 320, height: 200, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: (seed * 13) % 256 } } }).jpeg().toBuffer();

function sourceOf(n: Newsroom, dialect: DialectName): BackupSource {
  const c = n.s.c;
  return {
    database: dialect === 'sqlite' ? { dialect: 'sqlite', file: (c.config.database as { file: string }).file } : { dialect: 'postgres', url: PG, schema: c.db.schema! },
    store: c.storage,
    secretKeyFile: path.join(c.config.dataDir, 'secret.key'),
  };
}

async function publishStory(n: Newsroom, i: number, heroMediaId: number | null) {
  const e = await draft(n.editor, 'ru', `Новость номер ${i}`, n.sectionId, [`Текст новости ${i}.`]);
  const saved = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { heroMediaId, lead: `Лид ${i}` }));
  expect(saved.status, saved.body).toBe(200);
  const pub = await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published' });
  expect(pub.status, pub.body).toBe(200);
  return { id: e.id as number, slug: pub.json.slug as string };
}

async function ids(db: import('kysely').Kysely<any>, table: string): Promise<number[]> {
  return (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r: { id: number }) => Number(r.id));
}

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  it('restores every story, revision, media file and view count of a snapshot taken while a writer publishes', async () => {
    const n = await makeNewsroom(dialect, Date.now(), { XABAR_IMAGE_QUEUE: '64' });
    const db = n.s.c.db.kysely;
    const mediaIds: number[] = [];
    for (let i = 0; i < 4; i++) {
      const m = multipart({ name: `p${i}.jpg`, type: 'image/jpeg', data: await photo(i + 1) }, { alt: `Фото ${i}` });
      const up = await n.editor.req('POST', '/media', m.body, m.headers);
      expect(up.status, up.body).toBe(201);
      mediaIds.push(up.json.id);
    }
    const before: { id: number; slug: string }[] = [];
    for (let i = 0; i < 8; i++) before.push(await publishStory(n, i, mediaIds[i % mediaIds.length]!));
    for (const [k, e] of before.entries()) for (let v = 0; v <= k; v++) await n.s.c.views.record(e.id, `10.1.${k}.${v}`, BROWSER_UA);
    await n.s.c.views.flush();
    const viewsBefore = new Map((await db.selectFrom('editions').select(['id', 'views_total']).execute()).map((r) => [r.id, r.views_total]));
    const revisionsBefore = await ids(db, 'revisions');
    const to = path.join(tmp, `${dialect}-backups`);

    // The writer publishes (and counts views) until the backup is done.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const e = await publishStory(n, 100 + written, mediaIds[0]!);
        await n.s.c.views.record(e.id, `10.9.${written % 250}.1`, BROWSER_UA);
        await n.s.c.views.flush();
        written++;
      }
    })();
    const first = await createBackup(sourceOf(n, dialect), { to });
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);

    const m = await readManifest(first.dir);
    expect(m.database.dialect).toBe(dialect);
    expect(m.schemaVersion).toBe(LATEST);
    expect(m.counts.editions).toBeGreaterThanOrEqual(before.length);
    expect(m.counts.editions).toBeLessThan(before.length + written + 1);
    expect(m.media.missing).toEqual([]);
    // Originals and their variants: every key the snapshot's rows name, each with its checksum.
    const keys = (await db.selectFrom('media').select('storage_key').execute()).map((r) => r.storage_key);
    for (const k of keys) expect(m.media.files.map((f) => f.key)).toContain(k);
    for (const f of m.media.files) expect(crypto.createHash('sha256').update(await fsp.readFile(mediaPath(first.dir, f.key))).digest('hex')).toBe(f.sha256);
    expect(m.media.copied).toBe(m.media.files.length);

    // A second backup links the unchanged media instead of copying them again.
    const second = await createBackup(sourceOf(n, dialect), { to });
    const m2 = await readManifest(second.dir);
    expect(m2.media.copied).toBe(0);
    expect(m2.media.linked).toBe(m2.media.files.length);
    const f0 = m2.media.files[0]!;
    expect(fs.statSync(mediaPath(second.dir, f0.key)).ino).toBe(fs.statSync(mediaPath(first.dir, f0.key)).ino);
    expect((await listBackups(to)).map((b) => b.name)).toEqual([second.name, first.name]);

    const finalEditions = await ids(db, 'editions');
    const finalRevisions = await ids(db, 'revisions');
    const sourceSchema = n.s.c.db.schema;
    const sourceKey = fs.readFileSync(path.join(n.s.dataDir, 'secret.key'), 'utf8');
    await n.s.close();

    // A fresh data folder (and, on PostgreSQL, a fresh schema: the source's is gone, as on another machine).
    const restoredDir = fs.mkdtempSync(path.join(tmp, 'restored-'));
    let targetSchema: string | undefined;
    if (dialect === 'postgres') {
      targetSchema = `t_${crypto.randomBytes(6).toString('hex')}`;
      const admin = await openDb({ dialect: 'postgres', url: PG });
      await sql.raw(`drop schema if exists ${sourceSchema} cascade`).execute(admin.kysely);
      await admin.close();
    }
    const dbFile = path.join(restoredDir, 'xabar.db');
    const store = new LocalMediaStore(path.join(restoredDir, 'media'));
    const target = { database: dialect === 'sqlite' ? { dialect: 'sqlite' as const, file: dbFile } : { dialect: 'postgres' as const, url: PG, schema: targetSchema! }, store, secretKeyFile: path.join(restoredDir, 'secret.key') };
    const r = await restoreBackup(first.dir, target);
    expect(r.mismatches).toEqual([]);
    expect(r.migrated).toEqual([]);
    expect(r.mediaFiles).toBe(m.media.files.length);
    expect(r.secretKey).toBe('restored');

    const site = await makeTestSite(dialect, { env: { DATA_DIR: restoredDir, ...(dialect === 'sqlite' ? { DATABASE_URL: `sqlite:${dbFile}` } : {}) }, ...(targetSchema ? { pgSchema: targetSchema } : {}) });
    try {
      const rdb = site.c.db.kysely;
      // The key that seals two-factor seeds and tokens came back with the data.
      expect(fs.readFileSync(path.join(restoredDir, 'secret.key'), 'utf8')).toBe(sourceKey);
      // The snapshot: every edition before the backup, a prefix of the writer's, none after.
      const editions = await ids(rdb, 'editions');
      expect(editions.length).toBe(m.counts.editions);
      expect(editions).toEqual(finalEditions.slice(0, editions.length));
      for (const b of before) expect(editions).toContain(b.id);
      const revisions = await ids(rdb, 'revisions');
      expect(revisions.length).toBe(m.counts.revisions);
      for (const id of revisionsBefore) expect(revisions).toContain(id);
      for (const id of revisions) expect(finalRevisions).toContain(id);
      for (const t of ['stories', 'media', 'media_variants', 'edition_views_daily', 'users']) {
        expect(Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(rdb)).rows[0]!.n), t).toBe(m.counts[t]);
      }
      const views = new Map((await rdb.selectFrom('editions').select(['id', 'views_total']).execute()).map((x) => [x.id, x.views_total]));
      for (const b of before) expect(views.get(b.id), `views of ${b.id}`).toBe(viewsBefore.get(b.id));
      expect([...views.values()].reduce((a, v) => a + v, 0)).toBe(m.counts.views_total);
      // Every media file is served again, byte for byte.
      for (const f of m.media.files) {
        const res = await site.app.inject({ url: `/media/${f.key}` });
        expect(res.statusCode, f.key).toBe(200);
        expect(crypto.createHash('sha256').update(res.rawPayload).digest('hex')).toBe(f.sha256);
      }
      const page = await site.app.inject({ url: `/ru/news/${before[3]!.slug}`, headers: { 'user-agent': BROWSER_UA } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Новость номер 3');
    } finally {
      await site.close();
      if (targetSchema) {
        const admin = await openDb({ dialect: 'postgres', url: PG });
        await sql.raw(`drop schema if exists ${targetSchema} cascade`).execute(admin.kysely);
        await admin.close();
      }
    }
    expect(await pruneBackups(to, 1)).toEqual([first.name]);
    expect((await listBackups(to)).map((b) => b.name)).toEqual([second.name]);
    // The kept backup is whole on its own: its linked files outlived the pruned one.
    expect(fs.readFileSync(mediaPath(second.dir, f0.key)).length).toBe(f0.bytes);
  }, 60_000);
});

describe('backup and restore refuse what they must (SQLite)', () => {
  async function siteWithBackup() {
    const n = await makeNewsroom('sqlite', Date.now());
    await publishStory(n, 1, null);
    const to = fs.mkdtempSync(path.join(tmp, 'refuse-'));
    const b = await createBackup(sourceOf(n, 'sqlite'), { to });
    return { n, b };
  }
  const fresh = () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'target-'));
    return { dir, target: { database: { dialect: 'sqlite' as const, file: path.join(dir, 'xabar.db') }, store: new LocalMediaStore(path.join(dir, 'media')), secretKeyFile: path.join(dir, 'secret.key') } };
  };

  it('refuses a damaged backup before touching the target, and a non-empty target unless forced', async () => {
    const { n, b } = await siteWithBackup();
    try {
      const t = fresh();
      const db = path.join(b.dir, 'db.sqlite');
      const original = fs.readFileSync(db);
      const damaged = Buffer.from(original);
      damaged.writeUInt8(damaged.readUInt8(damaged.length - 1) ^ 0xff, damaged.length - 1);
      fs.writeFileSync(db, damaged);
      await expect(restoreBackup(b.dir, t.target)).rejects.toThrow(/damaged: the database file does not match its checksum/);
      expect(fs.existsSync(t.target.database.file)).toBe(false);
      fs.writeFileSync(db, original);

      // The site's own database and media folder are not empty.
      const own = { database: { dialect: 'sqlite' as const, file: (n.s.c.config.database as { file: string }).file }, store: n.s.c.storage, secretKeyFile: path.join(n.s.dataDir, 'secret.key') };
      await expect(restoreBackup(b.dir, own)).rejects.toThrow(/target database is not empty \(.*1 stories.*add --force/);

      // A target with another secret.key is refused too; --force replaces database, media and key.
      fs.writeFileSync(t.target.secretKeyFile, `${'ab'.repeat(32)}\n`);
      await expect(restoreBackup(b.dir, t.target)).rejects.toThrow(/holds another key than the backup's/);
      const r = await restoreBackup(b.dir, t.target, { force: true });
      expect(r.secretKey).toBe('restored');
      expect(r.counts.stories).toBe(1);
      // Restoring again over it: not empty now, so forced only.
      await expect(restoreBackup(b.dir, t.target)).rejects.toThrow(/not empty/);
      expect((await restoreBackup(b.dir, t.target, { force: true })).counts.stories).toBe(1);
    } finally {
      await n.s.close();
    }
  }, 30_000);

  it('migrates an older backup forward, and refuses one from a newer version', async () => {
    const { n, b } = await siteWithBackup();
    await n.s.close();
    // Make the backup older: its database as it was before migration 0029.
    const SQLite = (await import('better-sqlite3')).default;
    const file = path.join(b.dir, 'db.sqlite');
    const old = new SQLite(file);
    old.exec("drop table backup_runs; drop table backup_schedule; delete from xabar_migrations where name = '0029_backups'");
    old.close();
    const m = await readManifest(b.dir);
    const { hashFile, writeManifest } = await import('../src/ops/backup/manifest.js');
    const counts = { ...m.counts };
    delete counts.backup_runs;
    delete counts.backup_schedule;
    await writeManifest(b.dir, { ...m, migrations: m.migrations.filter((x) => x !== '0029_backups'), schemaVersion: '0026_bounded_pages', database: { ...m.database, ...(await hashFile(file)) } as typeof m.database, counts });
    const t = fresh();
    const r = await restoreBackup(b.dir, t.target);
    expect(r.migrated).toEqual(['0029_backups']);
    expect(r.mismatches).toEqual([]);

    await writeManifest(b.dir, { ...m, migrations: [...m.migrations, '0099_future'], database: { ...m.database, ...(await hashFile(file)) } as typeof m.database });
    await expect(restoreBackup(b.dir, fresh().target)).rejects.toThrow(/made by a newer Xabar .*0099_future/);
  }, 30_000);

  it('says how to install pg_dump when it is missing', async () => {
    const { findPgTool } = await import('../src/ops/backup/pg-tools.js');
    expect(() => findPgTool('pg_dump', path.join(tmp, 'no-such-bin'))).toThrow(/pg_dump was not found in XABAR_PG_BIN .*apt-get install postgresql-client/);
    expect(() => findPgTool('pg_dump', null, '')).toThrow(/not found on PATH/);
  });
});

describe('media in an S3 bucket', () => {
  it('backs up the bucket\'s files and restores them into an empty bucket prefix', async () => {
    const { startS3 } = await import('./helpers/s3rver.js');
    const { S3MediaStore } = await import('../src/media/s3-store.js');
    const { loadConfig } = await import('../src/config.js');
    const s3 = await startS3();
    const n = await makeNewsroom('sqlite', Date.now(), s3.env('site/'));
    try {
      const m = multipart({ name: 'p.jpg', type: 'image/jpeg', data: await photo(42) });
      const up = await n.editor.req('POST', '/media', m.body, m.headers);
      expect(up.status, up.body).toBe(201);
      await publishStory(n, 1, up.json.id);
      const to = fs.mkdtempSync(path.join(tmp, 's3-'));
      const b = await createBackup(sourceOf(n, 'sqlite'), { to });
      expect(b.manifest.media.source).toMatch(/^S3 bucket xabar-media \(prefix site\/\)$/);
      expect(b.manifest.media.files.length).toBeGreaterThan(1); // the original and its variants
      expect(b.manifest.media.missing).toEqual([]);

      const store = new S3MediaStore(loadConfig(s3.env('restored/')).s3!);
      const dir = fs.mkdtempSync(path.join(tmp, 's3-target-'));
      try {
        const r = await restoreBackup(b.dir, { database: { dialect: 'sqlite', file: path.join(dir, 'xabar.db') }, store });
        expect(r.mediaFiles).toBe(b.manifest.media.files.length);
        for (const f of b.manifest.media.files) {
          const got = await store.get(f.key);
          const chunks: Buffer[] = [];
          for await (const c of got!.body) chunks.push(Buffer.from(c as Buffer));
          expect(crypto.createHash('sha256').update(Buffer.concat(chunks)).digest('hex')).toBe(f.sha256);
        }
        // The prefix is not empty now: a second restore there needs --force.
        await expect(restoreBackup(b.dir, { database: { dialect: 'sqlite', file: path.join(dir, 'other.db') }, store })).rejects.toThrow(/media store \(S3 bucket xabar-media \(prefix restored\/\)\) is not empty/);
      } finally {
        store.close();
      }
    } finally {
      await n.s.close();
      await s3.close();
    }
  }, 30_000);
});

describe('the xabar backup and restore commands', () => {
  it('check their arguments, print what they did, and restore into a fresh data folder', async () => {
    const { backupCommand, restoreCommand } = await import('../src/ops/backup/backup.cli.js');
    const { loadConfig } = await import('../src/config.js');
    const n = await makeNewsroom('sqlite', Date.now());
    try {
      await publishStory(n, 1, null);
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
      const config = n.s.c.config;
      expect(await backupCommand(['--bogus'], config, io)).toBe(2);
      expect(await backupCommand(['--to='], config, io)).toBe(2);
      expect(await restoreCommand([], config, io)).toBe(2);
      expect(lines.filter((l) => l.startsWith('ERR')).length).toBe(3);
      lines.length = 0;
      const to = fs.mkdtempSync(path.join(tmp, 'cli-'));
      expect(await backupCommand(['--to', to], config, io)).toBe(0);
      expect(lines[0]).toMatch(/^Backup written: .*xabar-\d{8}-\d{6}Z$/);
      expect(lines[1]).toMatch(new RegExp(String.raw`1 stories, 1 editions, \d+ revisions, 0 media files, 0 views; schema ${LATEST}`));
      const dir = lines[0]!.replace('Backup written: ', '');
      lines.length = 0;
      // Into this site's own folder: refused, nothing changed.
      expect(await restoreCommand([dir], config, io)).toBe(1);
      expect(lines.join('\n')).toMatch(/ERR xabar restore: The target database is not empty/);
      lines.length = 0;
      const fresh = fs.mkdtempSync(path.join(tmp, 'cli-target-'));
      const target = loadConfig({ DATA_DIR: fresh, LOG_LEVEL: 'silent' });
      expect(await restoreCommand([dir], target, io)).toBe(0);
      const out = lines.join('\n');
      expect(out).toMatch(/^Restored /);
      expect(out).toMatch(/1 stories, 1 editions, \d+ revisions, 4 users, 0 images, 0 media files \(0\.0 MB\), 0 views/);
      expect(out).toMatch(/secret\.key restored into DATA_DIR/);
      expect(out).toMatch(/no migrations needed/);
      expect(fs.existsSync(path.join(fresh, 'xabar.db'))).toBe(true);
    } finally {
      await n.s.close();
    }
  }, 30_000);
});

describe.runIf(DIALECTS.includes('postgres'))('restore into PostgreSQL schemas', () => {
  it('refuses a schema holding another application\'s tables, and never drops them', async () => {
    const n = await makeNewsroom('postgres', Date.now());
    const other = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = await openDb({ dialect: 'postgres', url: PG });
    const sourceSchema = n.s.c.db.schema!;
    let closed = false;
    try {
      const b = await createBackup(sourceOf(n, 'postgres'), { to: fs.mkdtempSync(path.join(tmp, 'pg-foreign-')) });
      await n.s.close(); // its schema is dropped: as on another server
      closed = true;
      await sql.raw(`create schema ${other}; create table ${other}.invoices (id integer); insert into ${other}.invoices values (1)`).execute(admin.kysely);
      const target = { database: { dialect: 'postgres' as const, url: PG, schema: other }, store: new LocalMediaStore(fs.mkdtempSync(path.join(tmp, 'pg-foreign-media-'))) };
      await expect(restoreBackup(b.dir, target)).rejects.toThrow(/holds tables that are not Xabar's \(invoices\)/);
      // Forced, under another name: the rename needs the schema empty, so it is refused — and invoices survive.
      await expect(restoreBackup(b.dir, target, { force: true })).rejects.toThrow(/holds objects that are not Xabar's/);
      expect((await sql<{ id: number }>`select id from ${sql.table(`${other}.invoices`)}`.execute(admin.kysely)).rows).toEqual([{ id: 1 }]);
      // The backup's own schema name was not left behind by the failed attempt.
      expect((await sql<{ n: number }>`select count(*)::int as n from pg_namespace where nspname = ${sourceSchema}`.execute(admin.kysely)).rows[0]!.n).toBe(0);
    } finally {
      await sql.raw(`drop schema if exists ${other} cascade`).execute(admin.kysely);
      await admin.close();
      if (!closed) await n.s.close();
    }
  }, 30_000);

  it('refuses the live schema, and with --force replaces it by the snapshot', async () => {
    const n = await makeNewsroom('postgres', Date.now());
    try {
      await publishStory(n, 1, null);
      const to = fs.mkdtempSync(path.join(tmp, 'pg-same-'));
      const b = await createBackup(sourceOf(n, 'postgres'), { to });
      await publishStory(n, 2, null); // after the snapshot
      const schema = n.s.c.db.schema!;
      const dataDir = fs.mkdtempSync(path.join(tmp, 'pg-same-target-'));
      const target = { database: { dialect: 'postgres' as const, url: PG, schema }, store: new LocalMediaStore(path.join(dataDir, 'media')) };
      await expect(restoreBackup(b.dir, target)).rejects.toThrow(new RegExp(`schema ${schema}: 2 stories`));
      // Another application's table in the same schema is left alone.
      await sql.raw(`create table ${schema}.other_app (x integer); insert into ${schema}.other_app values (7)`).execute(n.s.c.db.kysely);
      // The site is idle here; an operator would have stopped it.
      const r = await restoreBackup(b.dir, target, { force: true });
      expect(r.counts.stories).toBe(1);
      expect(r.mismatches).toEqual([]);
      const db = await openDb({ dialect: 'postgres', url: PG, schema });
      try {
        const heads = (await db.kysely.selectFrom('editions').select('headline').execute()).map((e) => e.headline);
        expect(heads).toEqual(['Новость номер 1']);
        expect((await sql<{ x: number }>`select x from other_app`.execute(db.kysely)).rows).toEqual([{ x: 7 }]);
        // The list index (migration 0035) comes back as it was, with its triggers (and their
        // functions, which the restore replaced): taking the story down empties its section's list.
        const entries = async () => (await db.kysely.selectFrom('list_entries').select(['kind', 'key_id']).execute()).map((r) => [Number(r.kind), r.key_id]);
        expect(await entries()).toEqual([[1, n.sectionId]]);
        await db.kysely.updateTable('editions').set({ status: 'unpublished' }).execute();
        expect(await entries()).toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      await n.s.close();
    }
  }, 30_000);
});
