/**
 * The photographer's credit from an image's own metadata, read before the metadata is stripped
 * from every served file. EXIF IFD0 Artist/Copyright (CIPA DC-008, TIFF 6.0 §8), IPTC IIM By-line
 * 2:80 and Copyright Notice 2:116 (IPTC IIM 4.2), XMP dc:creator/dc:rights. Only these strings are
 * kept; GPS, camera serials and the rest are dropped with the metadata.
 */

const EXIF_ARTIST = 0x013b;
const EXIF_COPYRIGHT = 0x8298;

export interface CreditParts {
  creator: string;
  copyright: string;
}

/** A credit line such as "Ivan Petrov / (C) Xabar 2026", or '' when the file names nobody. */
export function creditFromMetadata(meta: { exif?: Buffer; iptc?: Buffer; xmp?: Buffer }): string {
  const exif = meta.exif ? safe(() => readExif(meta.exif!)) : null;
  const iptc = meta.iptc ? safe(() => readIptc(meta.iptc!)) : null;
  const xmp = meta.xmp ? safe(() => readXmp(meta.xmp!.toString('utf8'))) : null;
  const creator = clean(exif?.creator || iptc?.creator || xmp?.creator || '');
  const copyright = clean(exif?.copyright || iptc?.copyright || xmp?.copyright || '');
  const line = creator && copyright && !copyright.includes(creator) ? `${creator} / ${copyright}` : copyright || creator;
  return line.slice(0, 200);
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null; // damaged metadata only means no credit, never a failed upload
  }
}

function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Text that is UTF-8 when it decodes as such (most tools write it), else Latin-1. */
function text(b: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return b.toString('latin1');
  }
}

/** IFD0 ASCII tags of a TIFF structure, optionally behind sharp's "Exif\0\0" marker. */
export function readExif(buf: Buffer): CreditParts {
  const base = buf.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  const order = buf.subarray(base, base + 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return { creator: '', copyright: '' };
  const le = order === 'II';
  const u16 = (o: number) => (le ? buf.readUInt16LE(base + o) : buf.readUInt16BE(base + o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(base + o) : buf.readUInt32BE(base + o));
  const ifd = u32(4);
  const count = Math.min(u16(ifd), 500);
  const out: CreditParts = { creator: '', copyright: '' };
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    const tag = u16(e);
    if ((tag !== EXIF_ARTIST && tag !== EXIF_COPYRIGHT) || u16(e + 2) !== 2) continue;
    const n = Math.min(u32(e + 4), 2000);
    const at = base + (n <= 4 ? e + 8 : u32(e + 8));
    // Copyright may hold "photographer\0editor"; both halves are kept.
    const value = text(buf.subarray(at, at + n)).split('\0').filter(Boolean).join(', ');
    if (tag === EXIF_ARTIST) out.creator = value;
    else out.copyright = value;
  }
  return out;
}

/** IPTC IIM datasets 2:80 (By-line) and 2:116 (Copyright Notice), wherever the block sits. */
export function readIptc(buf: Buffer): CreditParts {
  const out: CreditParts = { creator: '', copyright: '' };
  for (let i = 0; i + 5 <= buf.length; i++) {
    if (buf[i] !== 0x1c || buf[i + 1] !== 0x02) continue;
    const dataset = buf[i + 2]!;
    const len = buf.readUInt16BE(i + 3);
    if (len > 0x7fff || i + 5 + len > buf.length) continue;
    const value = text(buf.subarray(i + 5, i + 5 + len));
    if (dataset === 80 && !out.creator) out.creator = value;
    if (dataset === 116 && !out.copyright) out.copyright = value;
    i += 4 + len;
  }
  return out;
}

/** dc:creator and dc:rights of an XMP packet (first list item of each). */
export function readXmp(xml: string): CreditParts {
  const first = (tag: string) => {
    const block = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';
    const li = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(block)?.[1] ?? block;
    return decodeXml(li.replace(/<[^>]*>/g, ''));
  };
  return { creator: first('dc:creator'), copyright: first('dc:rights') };
}

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&#(\d{1,7});/g, (_, d: string) => safeChar(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function safeChar(cp: number): string {
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '';
}
