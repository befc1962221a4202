#!/usr/bin/env node
// Runs the compiled CLI (dist/) when a build is present and newer than the sources; otherwise the
// TypeScript sources through tsx's loader, so `npx xabar …` works in a checkout without a build.
import { serverBuildFresh } from '../scripts/build-server.mjs';

if (serverBuildFresh()) {
  await import('../dist/cli/xabar.js');
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    console.error('xabar: the server build (dist/) is missing or older than src/, and tsx is not installed to run the sources. Run `npm run build`.');
    process.exit(1);
  }
  register();
  await import('../src/cli/xabar.ts');
}
