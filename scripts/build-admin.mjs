#!/usr/bin/env node
// Builds the newsroom SPA (admin/) into admin/dist when its sources are newer than the build,
// so `npm start` and `npm test` always serve a current app without a separate step.
// `--force` rebuilds regardless.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve('admin');
const dist = path.join(root, 'dist', 'index.html');
if (!fs.existsSync(path.join(root, 'vite.config.ts'))) {
  console.log('build-admin: no admin/ app yet; skipping');
  process.exit(0);
}
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const force = process.argv.includes('--force');
// package.json too: the footer shows its version.
if (!force && fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= Math.max(newest(root), fs.statSync('package.json').mtimeMs)) process.exit(0);
console.log('Building the newsroom app (admin/)…');
// Vite is a build-time (dev) dependency: imported only when a build is needed, so a production
// install without dev dependencies starts as long as admin/dist is current.
let build;
try {
  ({ build } = await import('vite'));
} catch {
  console.error('Cannot build the newsroom app: Vite is not installed (run `npm ci` with dev dependencies, then `npm run build`).');
  process.exit(1);
}
try {
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log('Newsroom app built.');
} catch (err) {
  console.error('Cannot build the newsroom app:', err.message ?? err);
  process.exit(1);
}
