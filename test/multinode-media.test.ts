/**
 * Several nodes share media through S3-compatible storage: an image uploaded on node A is served
 * by node B, byte for byte. The nodes are built as in test/multinode.test.ts (each its own
 * container); /media serving reads only the store, so it needs nothing from A's database.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, multipart } from './helpers/client.js';
import { startS3, type LocalS3 } from './helpers/s3rver.js';
import { makeTestSite, type TestSite } from './helpers/site.js';

describe('two nodes sharing an S3 bucket', () => {
  let s3: LocalS3;
  let a: TestSite;
  let b: TestSite;
  beforeAll(async () => {
    s3 = await startS3();
    a = await makeTestSite('sqlite', { env: s3.env('shared') });
    b = await makeTestSite('sqlite', { env: s3.env('shared') });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await s3?.close();
  });

  it('serves on node B the image uploaded on node A, with the same bytes', async () => {
    const admin = new ApiClient(a.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: 'correct horse battery' })).status).toBe(201);
    const jpeg = await sharp({ create: { width: 1500, height: 1000, channels: 3, background: '#b8551f' } }).jpeg().toBuffer();
    const m = multipart({ name: 'hero.jpg', type: 'image/jpeg', data: jpeg });
    const up = await admin.req('POST', '/media', m.body, m.headers);
    expect(up.status, up.body).toBe(201);
    const keys = [
      (await a.c.db.kysely.selectFrom('media').select('storage_key').where('id', '=', up.json.id).executeTakeFirstOrThrow()).storage_key,
      ...(await a.c.db.kysely.selectFrom('media_variants').select('storage_key').where('media_id', '=', up.json.id).execute()).map((v) => v.storage_key),
    ];
    expect(keys.length).toBeGreaterThan(4);
    for (const key of keys) {
      const onA = await a.app.inject(`/media/${key}`);
      const onB = await b.app.inject(`/media/${key}`);
      expect(onA.statusCode, key).toBe(200);
      expect(onB.statusCode, key).toBe(200);
      expect(onB.headers['content-type']).toBe(onA.headers['content-type']);
      expect(onB.headers.etag).toBe(onA.headers.etag);
      expect(onB.rawPayload.equals(onA.rawPayload), key).toBe(true);
    }
  });
});
