/**
 * `xabar import wordpress|ghost FILE [options]`: argument checks (exit 2 with a message that says
 * what to change), then the import with a progress bar on stderr and the summary on stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Container } from '../container.js';
import { isLocale, LOCALES, type Locale } from '../i18n/locales.js';
import { progressBar, type Progress } from '../cli/progress.js';
import type { ImportDeps } from './importer.js';
import { importWordPress, type ImportOptions } from './wordpress.js';
import { importGhost } from './ghost.js';
import { WxrFormatError } from './wxr-reader.js';
import { GhostFormatError } from './ghost-reader.js';

export const IMPORT_USAGE = `  import wordpress FILE.xml | ghost FILE.json [--locale L] [--dry-run] [--media-dir DIR | --media-base-url URL]
         [--sections top|none|a,b,c] [--section-map cat=section,…] [--time-zone Z] [--report FILE.json] [--limit N]
                             import a WordPress (WXR) or Ghost (JSON) export: stories, pages, images, authors,
                             sections, tags and redirects from the old addresses; run it again to continue or to check`;

export interface ParsedImport {
  kind: 'wordpress' | 'ghost';
  options: Omit<ImportOptions, 'timeZone' | 'defaultLocale' | 'onProgress'> & { timeZone?: string };
}

/** Checks the command line; returns the options or a message for the operator. */
export function parseImportArgs(args: string[]): ParsedImport | string {
  const [kind, ...rest] = args;
  if (kind !== 'wordpress' && kind !== 'ghost') return `say what the file is: «xabar import wordpress FILE.xml» or «xabar import ghost FILE.json»`;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        locale: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'media-dir': { type: 'string' }, 'media-base-url': { type: 'string' }, sections: { type: 'string' },
        'section-map': { type: 'string' }, 'time-zone': { type: 'string' }, report: { type: 'string' }, limit: { type: 'string' },
      },
    });
  } catch (err) {
    return (err as Error).message;
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1) return `give exactly one export file (got ${positionals.length})`;
  const file = positionals[0]!;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return `${file}: no such file`;
  if (v.locale !== undefined && !isLocale(v.locale)) return `--locale must be one of ${LOCALES.join(', ')}`;
  if (v['media-dir'] !== undefined && !(fs.existsSync(v['media-dir']) && fs.statSync(v['media-dir']).isDirectory())) return `--media-dir ${v['media-dir']}: no such folder`;
  if (v['media-base-url'] !== undefined && !/^https?:\/\/[^\s]+$/.test(v['media-base-url'])) return '--media-base-url must be an http(s) address, such as https://old.example.com/wp-content/uploads/';
  if (v['time-zone'] !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: v['time-zone'] });
    } catch {
      return '--time-zone must be an IANA time zone such as Asia/Tashkent';
    }
  }
  const limit = v.limit === undefined ? undefined : Number(v.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) return '--limit must be a whole number above 0';
  const sectionMap: Record<string, string> = {};
  for (const pair of (v['section-map'] ?? '').split(',').filter(Boolean)) {
    const [from, to] = pair.split('=');
    if (!from || !to) return `--section-map takes category=section pairs separated by commas (got «${pair}»)`;
    sectionMap[from.trim()] = to.trim();
  }
  const sections = v.sections === undefined || v.sections === 'top' ? 'top' : v.sections === 'none' ? 'none' : v.sections.split(',').map((s) => s.trim()).filter(Boolean);
  const report = v.report ?? path.resolve(`xabar-import-${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  if (!fs.existsSync(path.dirname(path.resolve(report)))) return `--report ${report}: its folder does not exist`;
  return {
    kind,
    options: { file, locale: v.locale as Locale | undefined, dryRun: v['dry-run'] ?? false, mediaDir: v['media-dir'], mediaBaseUrl: v['media-base-url'], sections, sectionMap, timeZone: v['time-zone'], reportPath: report, limit },
  };
}

export function importDeps(c: Container): ImportDeps {
  return { db: c.db.kysely, stories: c.stories, pages: c.pages, media: c.media, repo: c.imports, taxonomy: c.taxonomy, clock: c.clock };
}

export async function runImport(c: Container, p: ParsedImport, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const settings = await c.settings.get();
  let bar: Progress | null = null;
  const options: ImportOptions = {
    ...p.options,
    timeZone: p.options.timeZone ?? settings.timeZone,
    defaultLocale: settings.defaultLocale,
    onProgress: (done, total) => (bar ??= progressBar(`Importing ${path.basename(p.options.file)}`, total)).update(done),
  };
  try {
    const r = p.kind === 'wordpress' ? await importWordPress(importDeps(c), options) : await importGhost(importDeps(c), options);
    (bar as Progress | null)?.finish();
    // Every node's cached pages (and the CDN's) show the imported stories, sections and tags:
    // the cluster-wide purge (Redis purge bus and CDN hook), not only this process's cache.
    c.purgeAll();
    out.write(r.summaryText);
    if (options.reportPath) out.write(`Report: ${options.reportPath} (summary: ${options.reportPath.replace(/\.json$/i, '')}.txt)\n`);
    // Posts or pages that could not be written make the run fail; a missing image is only reported.
    const failed = ['post', 'page'].some((k) => (r.report.summary.counts[k]?.failed ?? 0) > 0);
    return failed ? 1 : 0;
  } catch (err) {
    (bar as Progress | null)?.finish();
    if (err instanceof WxrFormatError || err instanceof GhostFormatError) {
      process.stderr.write(`xabar import: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
