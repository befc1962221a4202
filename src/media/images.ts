/**
 * Image processing with sharp. The type is decided from the decoded content, never from a file
 * name or a header; SVG is refused because it can carry script. Variants are resized WebP files
 * for `srcset` plus one JPEG for places that want a single widely-readable file (og:image, feeds).
 *
 * Hostile files are answered with 4xx, never 500: a pixel bomb (a few hundred KB that decode to
 * gigabytes) is refused from its header before any decoding; a damaged or truncated file that
 * fails while decoding is a 415. Every file we serve is re-encoded, so EXIF/GPS, IPTC, XMP and
 * any bytes appended to the image (polyglots) never reach a reader; orientation is applied first.
 */
import sharp from 'sharp';
import { AppError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../errors.js';
import { creditFromMetadata } from './image-credit.js';
import { msg } from '../i18n/api-messages.js';

/**
 * srcset widths. 160 is for the list thumbnails (112 px on phones, 96 px author photos): without
 * it a phone fetched the 320-px file, near three times what it shows (issue 14).
 */
export const VARIANT_WIDTHS = [160, 320, 640, 960, 1280, 1600] as const;
export const FALLBACK_WIDTH = 1200;
const ACCEPTED = new Map<string, string>([
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
  ['webp', 'image/webp'],
  ['gif', 'image/gif'],
  ['heif', 'image/avif'], // sharp reports AVIF as the HEIF container
]);

/**
 * Process-wide sharp settings: one libvips thread per image (the queue decides how many images
 * run at once) and no operation cache, which would otherwise keep decoded images in memory.
 */
export function configureSharp(): void {
  sharp.concurrency(1);
  sharp.cache(false);
}

export interface ProbedImage {
  mime: string;
  width: number;
  height: number;
  /** Frames of an animated GIF/WebP (1 for a still image). */
  pages: number;
  /** Photographer and copyright from EXIF/IPTC/XMP, '' when the file names nobody. */
  credit: string;
}

/** Reads the header only (no pixel is decoded) and refuses what must not be decoded at all. */
export async function probeImage(input: Buffer, maxPixels: number): Promise<ProbedImage> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch {
    throw new UnsupportedMediaTypeError(msg('image.unreadable'));
  }
  const mime = meta.format ? ACCEPTED.get(meta.format) : undefined;
  if (!mime) {
    throw new UnsupportedMediaTypeError(msg('image.type_refused', { format: meta.format ?? 'unknown' }));
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new ValidationError(msg('image.no_size'));
  const pages = Math.max(1, meta.pages ?? 1);
  // An animation decodes every frame: its pixels are the frame's times the frame count.
  const pixels = width * (meta.pageHeight ?? height) * pages;
  if (pixels > maxPixels) {
    const mp = (n: number) => Math.round(n / 1e5) / 10;
    throw new PayloadTooLargeError(
      pages > 1
        ? msg('image.too_many_pixels_animated', { width, height, frames: pages, megapixels: mp(pixels), maxMegapixels: mp(maxPixels) })
        : msg('image.too_many_pixels', { width, height, megapixels: mp(pixels), maxMegapixels: mp(maxPixels) }),
      { maxMegapixels: mp(maxPixels) },
    );
  }
  return { mime, width, height, pages, credit: creditFromMetadata(meta) };
}

export interface RenderedVariant {
  width: number;
  height: number;
  format: 'webp' | 'jpeg';
  data: Buffer;
}

export interface ProcessedImage {
  /** The original, re-encoded in its own format at full size without metadata. */
  original: { data: Buffer; width: number; height: number };
  variants: RenderedVariant[];
}

/** Decodes and encodes; call it through the ImageQueue. A file that fails to decode is a 415. */
export async function processImage(input: Buffer, probed: ProbedImage, maxPixels: number): Promise<ProcessedImage> {
  try {
    return { original: await cleanOriginal(input, probed, maxPixels), variants: await renderVariants(input, probed, maxPixels) };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new UnsupportedMediaTypeError(msg('image.damaged'));
  }
}

/** True when the file carries EXIF, IPTC or XMP (stored before metadata was stripped). */
export async function hasEmbeddedMetadata(input: Buffer): Promise<boolean> {
  const meta = await sharp(input, { limitInputPixels: false }).metadata();
  return Boolean(meta.exif || meta.iptc || meta.xmp);
}

/** Re-encodes only the original (for files stored before metadata was stripped). */
export async function reencodeOriginal(input: Buffer, probed: ProbedImage, maxPixels: number): Promise<ProcessedImage['original']> {
  try {
    return await cleanOriginal(input, probed, maxPixels);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new UnsupportedMediaTypeError(msg('image.stored_damaged'));
  }
}

function load(input: Buffer, maxPixels: number, animated = false) {
  // The pixel limit is checked by probeImage already; libvips enforces it again while decoding.
  return sharp(input, { failOn: 'error', limitInputPixels: maxPixels, animated });
}

async function cleanOriginal(input: Buffer, probed: ProbedImage, maxPixels: number) {
  // sharp writes no EXIF, IPTC or XMP unless asked to; only the colour profile is kept.
  const animated = probed.pages > 1 && (probed.mime === 'image/gif' || probed.mime === 'image/webp');
  let img = animated ? load(input, maxPixels, true) : load(input, maxPixels).rotate();
  img = img.keepIccProfile();
  switch (probed.mime) {
    // Huffman optimisation holds every coefficient of the image in memory (~360 MB for 60 MP);
    // without it a JPEG streams through in a few tens of MB, a few percent larger on disk.
    case 'image/jpeg': img = img.jpeg({ quality: 92, optimiseCoding: false }); break;
    case 'image/png': img = img.png(); break;
    case 'image/webp': img = img.webp({ quality: 90 }); break;
    case 'image/gif': img = img.gif(); break;
    default: img = img.avif({ quality: 70, effort: 2 }); // AVIF encoding is slow: the lowest useful effort
  }
  const { data, info } = await img.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: animated ? (info.pageHeight ?? info.height) : info.height };
}

async function renderVariants(input: Buffer, original: ProbedImage, maxPixels: number): Promise<RenderedVariant[]> {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < original.width);
  if (widths.length === 0 || widths[widths.length - 1]! < original.width) widths.push(Math.min(original.width, 1600));
  const unique = [...new Set(widths)].filter((w) => w <= 1600);
  // Decode the upload once, to at most the largest width needed; every variant is made from that
  // (JPEG shrink-on-load makes this cheap even for a large photo).
  const top = Math.max(...unique, Math.min(FALLBACK_WIDTH, original.width));
  const base = await load(input, maxPixels).rotate().resize({ width: top, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } };
  const out: RenderedVariant[] = [];
  for (const width of unique) {
    const { data, info } = await sharp(base.data, raw).resize({ width, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer({ resolveWithObject: true });
    out.push({ width: info.width, height: info.height, format: 'webp', data });
  }
  const fb = await sharp(base.data, raw).resize({ width: Math.min(FALLBACK_WIDTH, original.width), withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  out.push({ width: fb.info.width, height: fb.info.height, format: 'jpeg', data: fb.data });
  return out;
}
