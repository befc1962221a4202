/**
 * The import's report: every source item with what became of it and why, written as it goes (a
 * 2 GB export has hundreds of thousands of items: none are kept in memory), as JSON for tools and
 * a readable summary for people — the counts, then only the items that were not imported as they
 * were (skipped, changed, failed), each with its reasons.
 */
import fs from 'node:fs';

export type Outcome = 'imported' | 'changed' | 'skipped' | 'failed';

export interface ReportItem {
  /** post, page, attachment, author, nav_menu_item… as the source names it. */
  kind: string;
  sourceId: string;
  title: string;
  outcome: Outcome;
  /** The source's status (publish, draft, future, private…) and what it became here. */
  status?: string;
  /** The new address (or the library id of an attachment). */
  target?: string;
  /** Old addresses that now redirect here. */
  oldUrls?: string[];
  notes: string[];
}

export interface ReportSummary {
  source: string;
  file: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  /** Counts per kind and outcome: `{ post: { imported: 55, changed: 1 } }`. */
  counts: Record<string, Partial<Record<Outcome, number>>>;
  /** Counts of the source's statuses per kind: `{ post: { publish: 56, draft: 1 } }`. */
  statuses: Record<string, Record<string, number>>;
  redirects: number;
  created: { authors: number; sections: number; tags: number; media: number };
  /** Said once for the whole import (WPML, menus, comments…). */
  warnings: string[];
  interrupted: boolean;
}

export class ImportReport {
  private readonly json: fs.WriteStream | null;
  private readonly text: fs.WriteStream | null;
  private first = true;
  readonly summary: ReportSummary;

  /** `path` is the JSON report; the summary goes next to it as `.txt`. Null keeps only the counts. */
  constructor(readonly path: string | null, source: string, file: string, dryRun: boolean) {
    this.summary = { source, file, dryRun, startedAt: new Date().toISOString(), finishedAt: '', counts: {}, statuses: {}, redirects: 0, created: { authors: 0, sections: 0, tags: 0, media: 0 }, warnings: [], interrupted: false };
    this.json = path ? fs.createWriteStream(path) : null;
    this.text = path ? fs.createWriteStream(`${textPath(path)}.part`) : null;
    this.json?.write('{"items":[\n');
  }

  add(item: ReportItem): void {
    const c = (this.summary.counts[item.kind] ??= {});
    c[item.outcome] = (c[item.outcome] ?? 0) + 1;
    if (item.status) {
      const s = (this.summary.statuses[item.kind] ??= {});
      const source = item.status.split(' → ')[0]!;
      s[source] = (s[source] ?? 0) + 1;
    }
    if (this.json) {
      this.json.write(`${this.first ? '' : ',\n'}${JSON.stringify(item)}`);
      this.first = false;
    }
    if (this.text && item.outcome !== 'imported') {
      this.text.write(`${item.outcome.toUpperCase()} ${item.kind} ${item.sourceId} «${item.title.slice(0, 80)}»${item.target ? ` → ${item.target}` : ''}\n${item.notes.map((n) => `    - ${n}\n`).join('')}`);
    }
  }

  warn(message: string): void {
    if (!this.summary.warnings.includes(message)) this.summary.warnings.push(message);
  }

  /** Closes both files; the summary's text is returned as well (the CLI prints it). */
  async finish(interrupted = false): Promise<string> {
    this.summary.finishedAt = new Date().toISOString();
    this.summary.interrupted = interrupted;
    const s = this.summary;
    const lines = [
      `${s.dryRun ? 'DRY RUN (nothing was written): ' : ''}import of ${s.file} (${s.source})${interrupted ? ' — INTERRUPTED: run it again to continue' : ''}`,
      ...Object.entries(s.counts).map(([kind, c]) => `  ${kind}: ${Object.entries(c).map(([o, n]) => `${n} ${o}`).join(', ')}${s.statuses[kind] ? ` (source: ${Object.entries(s.statuses[kind]!).map(([st, n]) => `${n} ${st}`).join(', ')})` : ''}`),
      `  created: ${s.created.authors} authors, ${s.created.sections} sections, ${s.created.tags} tags, ${s.created.media} images; ${s.redirects} old addresses redirect`,
      ...s.warnings.map((w) => `  note: ${w}`),
    ];
    const head = `${lines.join('\n')}\n`;
    if (this.json && this.text && this.path) {
      await new Promise<void>((resolve) => this.json!.end(`\n],\n"summary":${JSON.stringify(s, null, 1)}}\n`, () => resolve()));
      await new Promise<void>((resolve) => this.text!.end(() => resolve()));
      const part = `${textPath(this.path)}.part`;
      const out = fs.createWriteStream(textPath(this.path));
      out.write(`${head}\nItems not imported exactly as they were:\n`);
      await new Promise<void>((resolve, reject) => fs.createReadStream(part).on('error', reject).on('end', resolve).pipe(out, { end: false }));
      await new Promise<void>((resolve) => out.end(() => resolve()));
      fs.rmSync(part, { force: true });
    }
    return head;
  }
}

export function textPath(jsonPath: string): string {
  return jsonPath.replace(/\.json$/i, '') + '.txt';
}
