/**
 * Import test helpers: a media folder holding an image for every attachment an export names (the
 * theme unit test's attachments are remote URLs; tests never fetch), and a Ghost export built to
 * cover the same cases as the WordPress one.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { readWxr } from '../../src/import/wxr-reader.js';
import { uploadsPath } from '../../src/import/media-source.js';

export const THEME_UNIT_TEST = path.join(import.meta.dirname, '..', 'fixtures', 'themeunittestdata.wordpress.xml');

/** Writes a small image (of the type its name says) for each attachment of `wxr` under `dir`. */
export async function mediaFolderFor(wxr: string, dir: string): Promise<string[]> {
  const written: string[] = [];
  let n = 0;
  for await (const r of readWxr(wxr)) {
    if (r.kind !== 'item' || r.item.postType !== 'attachment') continue;
    const rel = uploadsPath(r.item.attachmentUrl);
    const ext = path.extname(rel).toLowerCase();
    if (!['.jpg', '.jpeg', '.png', '.gif', '.webp'].includes(ext)) continue;
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    n++;
    // Distinct pixels per file: identical bytes would be one library item.
    const img = sharp({ create: { width: 64 + n, height: 48, channels: 3, background: { r: (n * 37) % 256, g: (n * 91) % 256, b: (n * 53) % 256 } } });
    const data = ext === '.png' ? await img.png().toBuffer() : ext === '.gif' ? await img.gif().toBuffer() : ext === '.webp' ? await img.webp().toBuffer() : await img.jpeg().toBuffer();
    fs.writeFileSync(file, data);
    written.push(rel);
  }
  return written;
}
