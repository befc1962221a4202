/**
 * Image processing with sharp. The type is decided from the decoded content, never from a file
 * name or a header; SVG is refused because it can carry script. Variants are resized WebP files
 * for `srcset` plus one JPEG for places that want a single widely-readable file (og:image, feeds).
 */
import sharp from 'sharp';
import { UnsupportedMediaTypeError, ValidationError } from '../errors.js';

export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1600] as const;
export const FALLBACK_WIDTH = 1200;
const ACCEPTED = new Map<string, string>([
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
  ['webp', 'image/webp'],
  ['gif', 'image/gif'],
  ['heif', 'image/avif'], // sharp reports AVIF as the HEIF container
]);

export interface ProbedImage {
  mime: string;
  width: number;
  height: number;
}

export async function probeImage(input: Buffer): Promise<ProbedImage> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { failOn: 'error' }).metadata();
  } catch {
    throw new UnsupportedMediaTypeError('The file is not a readable image. Upload a JPEG, PNG, WebP, AVIF or GIF file.');
  }
  const mime = meta.format ? ACCEPTED.get(meta.format) : undefined;
  if (!mime) {
    throw new UnsupportedMediaTypeError(`Images of type ${meta.format ?? 'unknown'} are not accepted. Upload a JPEG, PNG, WebP, AVIF or GIF file.`);
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new ValidationError('The image has no size; it may be damaged.');
  return { mime, width, height };
}

export interface RenderedVariant {
  width: number;
  height: number;
  format: 'webp' | 'jpeg';
  data: Buffer;
}

export async function renderVariants(input: Buffer, original: ProbedImage): Promise<RenderedVariant[]> {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < original.width);
  if (widths.length === 0 || widths[widths.length - 1]! < original.width) widths.push(Math.min(original.width, 1600));
  const unique = [...new Set(widths)].filter((w) => w <= 1600);
  const out: RenderedVariant[] = [];
  for (const width of unique) {
    const { data, info } = await sharp(input).rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer({ resolveWithObject: true });
    out.push({ width: info.width, height: info.height, format: 'webp', data });
  }
  const fb = await sharp(input).rotate().resize({ width: Math.min(FALLBACK_WIDTH, original.width), withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  out.push({ width: fb.info.width, height: fb.info.height, format: 'jpeg', data: fb.data });
  return out;
}
