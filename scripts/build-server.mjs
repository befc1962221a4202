#!/usr/bin/env node
// Compiles the server (src/) to dist/ when its sources are newer than the last build, so
// `npm start` runs plain `node dist/main.js` and the README's two commands still do everything.
// Files that are not TypeScript (site assets, demo data) are copied next to the compiled code,
// because the server reads them relative to its own module. `--force` rebuilds regardless.
// The build goes to a temporary folder and replaces dist/ only when it succeeded.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
const inputs = [src, 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => path.resolve(root, p));
const isTest = (name) => /\.test\.tsx?$/.test(name);

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs; // a deleted file changes its folder's mtime
  for (const e of fs.readdirSync(p, { withFileTypes: true })) if (!isTest(e.name)) t = Math.max(t, newest(path.join(p, e.name)));
  return t;
}

/** True when dist/ holds a build at least as new as every source (also used by bin/xabar.js). */
export function serverBuildFresh() {
  return fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= Math.max(...inputs.filter((p) => fs.existsSync(p)).map(newest));
}

function copyData(from, to) {
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyData(a, b);
    else if (!/\.tsx?$/.test(e.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(a, b);
    }
  }
}

function build() {
  let tsc = null;
  try {
    tsc = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.resolve('typescript')))), 'bin', 'tsc');
  } catch {
    /* not installed: production install without dev dependencies */
  }
  if (!tsc || !fs.existsSync(tsc)) {
    console.error('Cannot build the server: TypeScript is not installed (run `npm ci` with dev dependencies, then `npm run build`).');
    process.exit(1);
  }
  const started = new Date();
  const tmp = path.join(root, 'dist.tmp');
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log('Building the server (src/ → dist/)…');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', tmp], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    console.error('Cannot build the server: the TypeScript compiler reported errors.');
    process.exit(1);
  }
  copyData(src, tmp);
  // The stamp carries the time the build started: a source saved during the build is newer.
  fs.writeFileSync(path.join(tmp, '.build-stamp'), started.toISOString() + '\n');
  fs.utimesSync(path.join(tmp, '.build-stamp'), started, started);
  fs.rmSync(dist, { recursive: true, force: true });
  fs.renameSync(tmp, dist);
  console.log('Server built.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--force') || !serverBuildFresh()) build();
}
