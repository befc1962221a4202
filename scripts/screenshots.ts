/**
 * Screenshots of public pages at phone (390 px) and desktop (1280 px) widths in Debian's Chromium,
 * for docs/screenshots and for looking at what we build.
 *   npx tsx scripts/screenshots.ts http://localhost:3000 /ru/ /ru/news/<slug>
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const [base = 'http://localhost:3000', ...paths] = process.argv.slice(2);
const out = process.env.SHOT_DIR ?? 'docs/screenshots';
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const p of paths.length ? paths : ['/ru/']) {
    for (const [label, width] of [['phone', 390], ['desktop', 1280]] as const) {
      const page = await browser.newPage({ viewport: { width, height: label === 'phone' ? 844 : 900 }, deviceScaleFactor: 1 });
      await page.goto(base + p, { waitUntil: 'networkidle' });
      // Lazy images below the fold load only when scrolled to; scroll through once for full-page shots.
      if (process.env.FULL === '1') {
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 600) {
            window.scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 60));
          }
          window.scrollTo(0, 0);
        });
        await page.waitForLoadState('networkidle');
      }
      const name = (p.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-').slice(0, 40) || 'root') + `-${label}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
      console.log(`${out}/${name}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
