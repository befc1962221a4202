/**
 * Video uploads: MP4 and WebM stored as sent (no transcoding), under a content-addressed key in
 * the same media store as images, and served by /media with range requests (media.routes.ts).
 *
 * The type is decided by the bytes, never by the file name or the browser's content type:
 * - MP4 (ISO base media file, ISO/IEC 14496-12 §4.3): the file starts with an `ftyp` box whose
 *   major or a compatible brand is a video brand. HEIF/AVIF images share the box, not the brands.
 * - WebM (Matroska, RFC 9559 §5.1 and the WebM spec): the EBML magic 1A 45 DF A3, then an EBML
 *   header whose DocType element (ID 42 82) says `webm`. Other Matroska files (`matroska`) are
 *   refused: browsers do not promise to play them.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ServiceUnavailableError, UnsupportedMediaTypeError, msg } from '../errors.js';
import type { MediaStore } from './storage.js';
import { VideosRepository } from './videos.repository.js';

export interface ProbedVideo {
  mime: 'video/mp4' | 'video/webm';
  ext: 'mp4' | 'webm';
}

const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'dash', 'mmp4', 'msnv', 'f4v ']);

const NOT_A_VIDEO = 'The file is not an MP4 or WebM video. Export it as MP4 (H.264) or WebM and upload it again.';

export function probeVideo(data: Buffer): ProbedVideo {
  if (data.length >= 16 && data.toString('latin1', 4, 8) === 'ftyp') {
    const boxSize = data.readUInt32BE(0);
    if (boxSize >= 16 && boxSize <= Math.min(data.length, 4096) && (boxSize - 16) % 4 === 0) {
      const brands = [data.toString('latin1', 8, 12)];
      for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(data.toString('latin1', i, i + 4));
      if (brands.some((b) => MP4_BRANDS.has(b))) return { mime: 'video/mp4', ext: 'mp4' };
    }
    throw new UnsupportedMediaTypeError(NOT_A_VIDEO);
  }
  if (data.length >= 8 && data.readUInt32BE(0) === 0x1a45dfa3 && ebmlDocType(data) === 'webm') return { mime: 'video/webm', ext: 'webm' };
  throw new UnsupportedMediaTypeError(NOT_A_VIDEO);
}

/** Reads an EBML variable-length integer at `at`: its value and length, or null. */
function vint(data: Buffer, at: number): { value: number; length: number } | null {
  const first = data[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23; // leading zeros within the byte, plus one
  if (length > 8 || at + length > data.length) return null;
  let value = first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + data[at + i]!;
  return { value, length };
}

/** The DocType of the EBML header that starts the file, or null. */
function ebmlDocType(data: Buffer): string | null {
  const size = vint(data, 4);
  if (!size) return null;
  const end = Math.min(data.length, 4 + size.length + size.value, 4096);
  let at = 4 + size.length;
  while (at + 2 < end) {
    // Element IDs in the EBML header are two bytes (42 86 version, 42 82 DocType, …).
    const id = data.readUInt16BE(at);
    const len = vint(data, at + 2);
    if (!len) return null;
    const body = at + 2 + len.length;
    if (id === 0x4282) return data.toString('latin1', body, Math.min(body + len.value, end));
    at = body + len.value;
  }
  return null;
}

export interface PresentedVideo {
  id: number;
  src: string;
  mime: string;
  bytes: number;
}

/** Stores videos: content check, the file, then its row (insert once per key, as images). */
export class VideoStore {
  private running = 0;
  private readonly repo: VideosRepository;

  constructor(
    db: Kysely<Database>,
    private readonly storage: MediaStore,
    /** Largest upload in MB; uploads are held in memory, so at most `parallel` at once. */
    readonly maxMb: number,
    private readonly publicPrefix = '/media/',
    private readonly parallel = 2,
  ) {
    this.repo = new VideosRepository(db);
  }

  /** Refuses before a large body is read when the uploads already running fill the memory bound. */
  assertRoom(): void {
    if (this.running >= this.parallel) throw new ServiceUnavailableError(msg('video.busy'), 30);
  }

  /** Claims one upload slot for the body about to be read; call the returned function when done. */
  claim(): () => void {
    this.assertRoom();
    this.running++;
    let released = false;
    return () => {
      if (!released) this.running--;
      released = true;
    };
  }

  async store(data: Buffer, originalName: string): Promise<PresentedVideo> {
    const probed = probeVideo(data);
    const sha = crypto.createHash('sha256').update(data).digest('hex');
    const key = `${sha.slice(0, 2)}/${sha.slice(0, 16)}.${probed.ext}`;
    // File first, row second (a crash leaves an unreferenced file, never a row without a file).
    await this.storage.put(key, data, probed.mime);
    const row = await this.repo.insertOnce({ storage_key: key, mime: probed.mime, bytes: data.length, sha256: sha, original_name: originalName.slice(0, 200), created_at: Date.now() });
    return { id: row.id, src: this.publicPrefix + row.storage_key, mime: row.mime, bytes: Number(row.bytes) };
  }
}
