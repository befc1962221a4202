/**
 * Media in S3-compatible object storage (AWS S3, MinIO, Ceph RGW, R2, …), so every node of a
 * site serves the same files. The bucket stays private: nodes stream objects to readers
 * (src/media/media.routes.ts), so page URLs never name the bucket and the CSP stays `'self'`.
 */
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Config } from '../config.js';
import type { ByteRange, MediaStore, StoredInfo, StoredObject } from './storage.js';

export class S3MediaStore implements MediaStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(cfg: S3Config) {
    this.bucket = cfg.bucket;
    this.prefix = cfg.prefix;
    this.client = new S3Client({
      region: cfg.region,
      ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
      forcePathStyle: cfg.forcePathStyle,
      ...(cfg.accessKeyId && cfg.secretAccessKey ? { credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } } : {}),
      // Since early 2025 the SDK sends CRC32 checksums by default, which many S3-compatible
      // servers reject or fail to return; add them only when an operation requires one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  get describe(): string {
    return `S3 bucket ${this.bucket}${this.prefix ? ` (prefix ${this.prefix})` : ''}`;
  }

  /** Fails with the backend's reason when the bucket cannot be reached (checked at start-up). */
  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    // A PUT replaces an object atomically: readers see the old bytes or the new, never half.
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: data, ContentType: contentType, CacheControl: 'public, max-age=31536000, immutable' }),
    );
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    try {
      // GetObject takes an HTTP Range; the answer's Content-Range names the whole object's size.
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }));
      const got = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(r.ContentRange ?? '');
      const total = got ? Number(got[3]) : NaN;
      if (range && (!got || Number(got[1]) !== range.start || Number(got[2]) !== range.end)) {
        // A server that answered another range than asked (s3rver sends everything for bytes=0-0),
        // or ignored it: cut the asked bytes out of what came.
        const from = got ? Number(got[1]) : 0;
        return { body: Readable.from(slice(r.Body as Readable, range, from)), size: got ? total : (r.ContentLength ?? 0), etag: r.ETag ?? `"${key}"` };
      }
      return { body: r.Body as Readable, size: Number.isFinite(total) ? total : (r.ContentLength ?? 0), etag: r.ETag ?? `"${key}"` };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async head(key: string): Promise<StoredInfo | null> {
    try {
      const r = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return { size: r.ContentLength ?? 0, etag: r.ETag ?? `"${key}"` };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
  }

  async *list(): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix || undefined, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key) yield o.Key.slice(this.prefix.length);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  close(): void {
    this.client.destroy();
  }
}

/** The bytes of `range` from a stream of the object's bytes from `startsAt` on. */
async function* slice(body: Readable, range: ByteRange, startsAt: number): AsyncGenerator<Buffer> {
  let at = startsAt;
  for await (const chunk of body) {
    const c = Buffer.from(chunk as Buffer);
    const from = Math.max(0, range.start - at);
    const to = Math.min(c.length, range.end + 1 - at);
    if (from < to) yield c.subarray(from, to);
    at += c.length;
    if (at > range.end) {
      body.destroy();
      return;
    }
  }
}

function isMissing(err: unknown): boolean {
  if (err instanceof S3ServiceException) return err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound';
  return false;
}
