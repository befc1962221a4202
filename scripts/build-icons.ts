/**
 * Regenerates the site's raster icons in src/site/assets/icons/ from the mark in favicon.svg:
 * favicon.ico (16, 32, 48 px PNGs), apple-touch-icon.png (180 px, opaque: iOS rounds it itself),
 * icon-192.png / icon-512.png for the web manifest, and icon-maskable-512.png (the mark inside the
 * central 60 %, the safe zone Android may crop to a circle). Run: npx tsx scripts/build-icons.ts
 * The outputs are committed; the site only reads them.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const OUT = path.resolve('src/site/assets/icons');
const BRAND = '#0b3a6e';
const MARK = '<path d="M9 10h6.2l3.8 6.4 3.8-6.4H29l-6.9 10 7.3 10h-6.3L19 23.4 14.9 30H8.6l7.3-10z" fill="#fff"/><circle cx="33" cy="7.5" r="3.2" fill="#e4572e"/>';

/** The mark on a tile: rounded for the favicon, square (full bleed) for touch and manifest icons. */
function svg(kind: 'rounded' | 'square' | 'maskable'): Buffer {
  const tile = kind === 'rounded' ? `<rect width="40" height="40" rx="9" fill="${BRAND}"/>` : `<rect width="40" height="40" fill="${BRAND}"/>`;
  const mark = kind === 'maskable' ? `<g transform="translate(8 8) scale(.6)">${MARK}</g>` : kind === 'square' ? `<g transform="translate(4 4) scale(.8)">${MARK}</g>` : MARK;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">${tile}${mark}</svg>`);
}

const png = (kind: 'rounded' | 'square' | 'maskable', size: number) => sharp(svg(kind), { density: 72 * (size / 40) * 2 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

/** An ICO file holding PNG images (Windows Vista+ and every browser read PNG-in-ICO). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((img, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(img.size >= 256 ? 0 : img.size, e);
    header.writeUInt8(img.size >= 256 ? 0 : img.size, e + 1);
    header.writeUInt8(0, e + 2); // no palette
    header.writeUInt8(0, e + 3);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(img.data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += img.data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

fs.mkdirSync(OUT, { recursive: true });
const small = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png('rounded', size) })));
fs.writeFileSync(path.join(OUT, 'favicon.ico'), ico(small));
fs.writeFileSync(path.join(OUT, 'apple-touch-icon.png'), await png('square', 180));
fs.writeFileSync(path.join(OUT, 'icon-192.png'), await png('square', 192));
fs.writeFileSync(path.join(OUT, 'icon-512.png'), await png('square', 512));
fs.writeFileSync(path.join(OUT, 'icon-maskable-512.png'), await png('maskable', 512));
console.log(`icons written to ${OUT}`);
