/**
 * `xabar import` as an operator runs it: a real process on a fresh SQLite site — the progress bar on
 * stderr, the summary and report path on stdout, exit codes 0 (done) and 2 (a command-line or file
 * mistake, with a message naming what to change); a dry run first, then the import, then a rerun.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { THEME_UNIT_TEST } from './helpers/import.js';

const TSX = path.resolve('node_modules/.bin/tsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-import-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function xabar(args: string[]) {
  const r = spawnSync(TSX, ['src/cli/xabar.ts', ...args], { env: { ...process.env, DATA_DIR: path.join(dir, 'data'), XABAR_DEMO: 'false', LOG_LEVEL: 'silent', DATABASE_URL: '' }, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('xabar import (the command)', () => {
  it('refuses mistakes with exit code 2 and says what to change', () => {
    const noKind = xabar(['import', THEME_UNIT_TEST]);
    expect(noKind.code).toBe(2);
    expect(noKind.err).toContain('xabar import wordpress FILE.xml');
    const bad = xabar(['import', 'wordpress', THEME_UNIT_TEST, '--locale', 'de']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--locale must be one of');
    const notXml = path.join(dir, 'not.xml');
    fs.writeFileSync(notXml, '{"posts": []}');
    const wrong = xabar(['import', 'wordpress', notXml, '--report', path.join(dir, 'x.json')]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('not an XML file');
  }, 240_000);

  it('dry run, import, rerun: summary on stdout, progress on stderr, report files written', () => {
    const dry = xabar(['import', 'wordpress', THEME_UNIT_TEST, '--locale', 'en', '--dry-run', '--report', path.join(dir, 'dry.json')]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('DRY RUN');
    expect(dry.err).toContain('Importing themeunittestdata.wordpress.xml');
    const run = xabar(['import', 'wordpress', THEME_UNIT_TEST, '--locale', 'en', '--sections', 'none', '--report', path.join(dir, 'run.json')]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/post: .*58 source|post: /);
    expect(run.out).toContain(`Report: ${path.join(dir, 'run.json')}`);
    expect(fs.existsSync(path.join(dir, 'run.txt'))).toBe(true);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'run.json'), 'utf8'));
    expect(report.summary.created.sections).toBe(0);
    expect(report.items.filter((i: { kind: string }) => i.kind === 'post')).toHaveLength(58);
    const again = xabar(['import', 'wordpress', THEME_UNIT_TEST, '--locale', 'en', '--report', path.join(dir, 'again.json')]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('post: 58 skipped');
  }, 240_000);
});
