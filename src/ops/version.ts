/**
 * The running version, from package.json (two folders up from src/ops/ and dist/ops/ alike): shown
 * by /readyz, `xabar doctor` and the newsroom footer, and recorded in CHANGELOG.md per release.
 */
import fs from 'node:fs';

function readVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export const VERSION = readVersion();
