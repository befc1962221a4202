/**
 * The `xabar` command: operator tasks that do not need the web server.
 *   xabar migrate                 apply database migrations
 *   xabar demo [--stories N] [--locales ru,uz,uz-Cyrl,en]   the demo site (and an archive beyond 300) in an empty database
 *   xabar translit --to cyrl|latn convert Uzbek text on stdin between scripts
 *   xabar users create --email E --role R [--name N] [--password P]
 *   xabar media clean             strip EXIF/GPS, IPTC and XMP from originals stored before uploads were cleaned
 *   xabar reindex                 recompute the search columns (and so the index) of every edition
 *   xabar backup [--to DIR]       a consistent backup of the database and media (docs/operations.md)
 *   xabar restore DIR [--force]   restore a backup into an empty database and media store
 *   xabar doctor                  check config, database, migrations, media, Redis and disk; exit 1 on a problem
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { ValidationError } from '../errors.js';
import { ConfigError, loadConfig } from '../config.js';
import { buildContainer } from '../container.js';
import { StartupError } from '../errors.js';
import { ImportFormatError } from '../content/reference-import.js';
import { ARCHIVE_LOCALES, ARCHIVE_MAX_STORIES, generateArchive } from '../demo/archive.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import { progressBar, type Progress } from './progress.js';

const USAGE = `usage: xabar <command>
  migrate                    apply database migrations
  demo [--stories N] [--locales L]
                             create the demo site in an empty database (N: 1–1,000,000, default 90;
                             beyond 300, older archive stories in the languages L, default ru,uz,uz-Cyrl,en)
  translit --to cyrl|latn    convert Uzbek text from stdin to stdout
  users create --email E --role contributor|author|editor|admin [--name N] [--password P]
                             create a newsroom user (a password is generated and printed when not given)
  media clean                strip EXIF/GPS, IPTC and XMP from originals stored by earlier versions
  reindex                    rebuild the search index of every edition (after an analyzer change), with progress
  backup [--to DIR]          back up the database and media files while the site runs (default XABAR_BACKUP_DIR,
                             else DATA_DIR/backups); unchanged media are hard-linked from the previous backup
  restore DIR [--force]      restore a backup into an empty database and media store (--force: replace them);
                             checks every checksum first, migrates forward if the backup is older
  doctor                     check config, database, migrations, media store, Redis and disk space, say how to
                             fix what is wrong (changes nothing; exit 1 when something fails)`;

async function run(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'migrate': {
      const c = await buildContainer(loadConfig());
      await c.close();
      console.log('Database is up to date.');
      return 0;
    }
    case 'demo': {
      let values: { stories?: string; locales?: string };
      try {
        ({ values } = parseArgs({ args: rest, options: { stories: { type: 'string' }, locales: { type: 'string' } }, strict: true }));
      } catch (err) {
        console.error(`xabar demo: ${(err as Error).message}`);
        return 2;
      }
      const n = values.stories === undefined ? 90 : /^\d+$/.test(values.stories.replace(/[_,]/g, '')) ? Number(values.stories.replace(/[_,]/g, '')) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > ARCHIVE_MAX_STORIES) {
        console.error(`xabar demo: --stories must be a whole number from 1 to ${ARCHIVE_MAX_STORIES.toLocaleString('en-US')}`);
        return 2;
      }
      const locales = values.locales === undefined ? ARCHIVE_LOCALES : values.locales.split(',').map((l) => l.trim());
      const unknown = locales.filter((l) => !isLocale(l));
      if (unknown.length || locales.length === 0) {
        console.error(`xabar demo: --locales takes a comma-separated list of ${ARCHIVE_LOCALES.join(', ')} (unknown: ${unknown.join(', ') || 'none given'})`);
        return 2;
      }
      const c = await buildContainer(loadConfig());
      try {
        const started = Date.now();
        let bar: Progress | null = null;
        const r = await generateArchive(c, {
          stories: n,
          locales: locales as Locale[],
          progress: (m) => console.log(m),
          onBatch: (done, total) => {
            bar ??= progressBar('archive stories', total);
            bar.update(done);
          },
        });
        (bar as Progress | null)?.finish();
        console.log(
          r.created
            ? `Demo site created: ${r.stories} stories${r.editions ? ` (${r.editions} archive editions)` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s. Reference story: ${r.referencePath}`
            : 'The database already has stories; nothing was changed.',
        );
      } finally {
        await c.close();
      }
      return 0;
    }
    case 'users': {
      if (rest[0] !== 'create') {
        console.error(`xabar users: unknown subcommand «${rest[0] ?? ''}»\n${USAGE}`);
        return 2;
      }
      let values: { email?: string; role?: string; name?: string; password?: string };
      try {
        ({ values } = parseArgs({ args: rest.slice(1), options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } }, strict: true }));
      } catch (err) {
        console.error(`xabar users create: ${(err as Error).message}`);
        return 2;
      }
      if (!values.email || !values.role) {
        console.error('xabar users create: --email and --role are required (role: contributor, author, editor or admin)');
        return 2;
      }
      const generated = !values.password;
      const password = values.password ?? crypto.randomBytes(12).toString('base64url');
      const c = await buildContainer(loadConfig());
      try {
        const u = await c.accounts.createUser(null, { email: values.email, name: values.name ?? values.email.split('@')[0]!, role: values.role as never, password });
        console.log(`Created ${u.role} ${u.email} (id ${u.id}).${generated ? ` Password: ${password}` : ''}`);
        return 0;
      } catch (err) {
        if (err instanceof ValidationError) {
          for (const f of err.fields) console.error(`xabar users create: --${f.field}: ${f.message}`);
          return 2;
        }
        throw err;
      } finally {
        await c.close();
      }
    }
    case 'media': {
      if (rest[0] !== 'clean') {
        console.error(`xabar media: unknown subcommand «${rest[0] ?? ''}»\n${USAGE}`);
        return 2;
      }
      const c = await buildContainer(loadConfig());
      try {
        const r = await c.media.cleanStoredOriginals((p) => console.log(`checked ${p.checked}, cleaned ${p.cleaned}, failed ${p.failed}`));
        console.log(`Media originals: ${r.checked} checked, ${r.cleaned} cleaned, ${r.failed} could not be read.`);
        return r.failed ? 1 : 0;
      } finally {
        await c.close();
      }
    }
    case 'reindex': {
      const { reindexAll } = await import('../search/search-index.js');
      const { progressBar } = await import('./progress.js');
      const c = await buildContainer(loadConfig());
      try {
        let bar: ReturnType<typeof progressBar> | undefined;
        // One transaction per batch: readers and editors keep working while it runs.
        const n = await reindexAll(c.db.kysely, { batch: 500, transaction: true, progress: (d, t) => (bar ??= progressBar('Reindexing editions', t)).update(d) });
        (bar ?? progressBar('Reindexing editions', n)).finish(`${n} editions reindexed`);
        console.log('Optimizing the search index…');
        await c.dialect.optimizeSearch(c.db.kysely);
      } finally {
        await c.close();
      }
      return 0;
    }
    case 'backup': {
      const { backupCommand } = await import('../ops/backup/backup.cli.js');
      return backupCommand(rest, loadConfig());
    }
    case 'restore': {
      const { restoreCommand } = await import('../ops/backup/backup.cli.js');
      return restoreCommand(rest, loadConfig());
    }
    case 'doctor': {
      const { runDoctor, formatReport, exitCode } = await import('../ops/doctor.js');
      const checks = await runDoctor();
      process.stdout.write(formatReport(checks));
      return exitCode(checks);
    }
    case 'translit': {
      const { runTranslit } = await import('../i18n/translit.cli.js');
      return runTranslit(rest, process.stdin, process.stdout, process.stderr);
    }
    case undefined:
    case '--help':
    case 'help':
      console.log(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      console.error(`xabar: unknown command «${cmd}»\n${USAGE}`);
      return 2;
  }
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof StartupError || err instanceof ImportFormatError) console.error(`xabar: ${err.message}`);
    else console.error('xabar:', err);
    process.exit(1);
  });
