/**
 * The S3 media store against a real S3-compatible server (s3rver), and the S3 settings'
 * validation: one bad or half-given value stops start-up with every problem listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { S3MediaStore } from '../src/media/s3-store.js';
import { ApiClient, multipart } from './helpers/client.js';
import { startS3, type LocalS3 } from './helpers/s3rver.js';
import { makeTestSite } from './helpers/site.js';

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.close();
});

async function text(body: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString();
}

describe('S3 media store', () => {
  it('puts, streams, heads, lists and removes objects under its prefix', async () => {
    const cfg = loadConfig({ ...s3.env('site-a/media') }).s3!;
    expect(cfg.prefix).toBe('site-a/media/');
    const store = new S3MediaStore(cfg);
    try {
      await store.check();
      await store.put('ab/0123456789abcdef-320.webp', Buffer.from('webp bytes'), 'image/webp');
      const got = await store.get('ab/0123456789abcdef-320.webp');
      expect(got).not.toBeNull();
      expect(got!.size).toBe(10);
      expect(got!.etag).toMatch(/^"[0-9a-f]+"$/);
      expect(await text(got!.body)).toBe('webp bytes');
      expect(await store.head('ab/0123456789abcdef-320.webp')).toEqual({ size: 10, etag: got!.etag });
      const keys: string[] = [];
      for await (const k of store.list()) keys.push(k);
      expect(keys).toEqual(['ab/0123456789abcdef-320.webp']);
      // Another site's prefix in the same bucket is invisible.
      const other = new S3MediaStore(loadConfig({ ...s3.env('site-b/') }).s3!);
      expect(await other.get('ab/0123456789abcdef-320.webp')).toBeNull();
      other.close();
      await store.remove('ab/0123456789abcdef-320.webp');
      await store.remove('ab/0123456789abcdef-320.webp'); // missing: not an error
      expect(await store.get('ab/0123456789abcdef-320.webp')).toBeNull();
      expect(await store.head('ab/0123456789abcdef-320.webp')).toBeNull();
    } finally {
      store.close();
    }
  });

  it('stores uploads in the bucket and serves them through the node', async () => {
    const site = await makeTestSite('sqlite', { env: s3.env('uploads') });
    try {
      const admin = new ApiClient(site.app);
      await admin.session();
      await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: 'correct horse battery' });
      const png = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#1d4e89' } }).png().toBuffer();
      const m = multipart({ name: 'p.png', type: 'image/png', data: png });
      const r = await admin.req('POST', '/media', m.body, m.headers);
      expect(r.status, r.body).toBe(201);
      const res = await site.app.inject(r.json.thumb);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await sharp(res.rawPayload).metadata()).format).toBe('webp');
      expect((await site.app.inject({ url: r.json.thumb, headers: { 'if-none-match': String(res.headers.etag) } })).statusCode).toBe(304);
      expect((await site.app.inject('/media/ab/0000000000000000-320.webp')).statusCode).toBe(404);
      expect(await site.c.storage.head(r.json.thumb.slice('/media/'.length))).not.toBeNull();
      expect(fs.existsSync(path.join(site.dataDir, 'media'))).toBe(false); // nothing in the local folder
      expect(site.c.storage.describe).toMatch(/^S3 bucket xabar-media \(prefix uploads\/\)$/);
      expect((await admin.req('DELETE', `/media/${r.json.id}`)).status).toBe(204);
      expect((await site.app.inject(r.json.thumb)).statusCode).toBe(404);
    } finally {
      await site.close();
    }
  });

  it('refuses to start when the bucket cannot be reached, saying which', async () => {
    await expect(makeTestSite('sqlite', { env: { ...s3.env(), S3_BUCKET: 'no-such-bucket' } })).rejects.toThrow(/Cannot reach the media bucket no-such-bucket at http:\/\/127\.0\.0\.1:\d+/);
  });
});

describe('S3 outage', () => {
  it('answers 503 with Retry-After, not 500, while the bucket is unreachable', async () => {
    const own = await startS3('outage');
    const site = await makeTestSite('sqlite', { env: own.env() });
    try {
      await own.close();
      const res = await site.app.inject('/media/ab/0123456789abcdef-320.webp');
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('service_unavailable');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await site.close();
    }
  });
});

describe('S3 settings', () => {
  it('uses the local folder unless S3_BUCKET is set', () => {
    expect(loadConfig({}).s3).toBeNull();
    expect(loadConfig({ S3_BUCKET: '', S3_ENDPOINT: '' }).s3).toBeNull();
    expect(loadConfig({ S3_BUCKET: 'media.example', S3_FORCE_PATH_STYLE: '1' }).s3).toEqual({
      bucket: 'media.example', endpoint: null, region: 'us-east-1', accessKeyId: null, secretAccessKey: null, forcePathStyle: true, prefix: '',
    });
  });

  it('lists every S3 problem at once', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ S3_BUCKET: 'Bad_Bucket', S3_ENDPOINT: 'not a url', S3_FORCE_PATH_STYLE: 'maybe', S3_PREFIX: '/abs' }).join('\n')).toMatch(
      /S3_BUCKET: .*bucket name[\s\S]*S3_ENDPOINT: .*URL[\s\S]*S3_FORCE_PATH_STYLE[\s\S]*S3_PREFIX: .*no leading slash/,
    );
    expect(problems({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toEqual([expect.stringMatching(/^S3_BUCKET: required when S3_ENDPOINT is set/)]);
    expect(problems({ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'AKIA' })).toEqual([expect.stringMatching(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together/)]);
    expect(problems({ XABAR_IMAGE_MAX_MEGAPIXELS: '0', XABAR_IMAGE_WORKERS: '99' })).toHaveLength(2);
  });
});
