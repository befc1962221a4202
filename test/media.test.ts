/**
 * Uploads under hostile input and concurrency, on SQLite and PostgreSQL: pixel bombs refused from
 * the header, a bounded image queue, damaged files as 415 (never 500), the documented 413 code,
 * metadata stripped from every served file with the credit kept, parallel duplicate uploads, the
 * public /media responses; and the local store itself (atomic writes, leftover temporary files).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../src/errors.js';
import { creditFromMetadata } from '../src/media/image-credit.js';
import { ImageQueue } from '../src/media/image-queue.js';
import { LocalMediaStore } from '../src/media/storage.js';
import { ApiClient, multipart } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const PW = 'correct horse battery';
const WORKERS = 1;

async function photo(seed: number, width = 900, height = 600) {
  return sharp({ create: { width, height, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: (seed * 13) % 256 } } }).jpeg().toBuffer();
}

describe.each(DIALECTS)('media uploads on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  let editor: ApiClient;
  const upload = (c: ApiClient, data: Buffer, name = 'photo.jpg', fields: Record<string, string> = {}) => {
    const m = multipart({ name, type: 'image/jpeg', data }, fields);
    return c.req('POST', '/media', m.body, m.headers);
  };
  const storageKeyOf = async (id: number) => (await s.c.db.kysely.selectFrom('media').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow()).storage_key;

  beforeAll(async () => {
    s = await makeTestSite(dialect, { env: { XABAR_IMAGE_WORKERS: String(WORKERS), XABAR_IMAGE_QUEUE: '64' } });
    admin = new ApiClient(s.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: PW })).status).toBe(201);
    expect((await admin.req('POST', '/users', { email: 'editor@example.uz', name: 'Editor', role: 'editor', password: PW })).status).toBe(201);
    editor = new ApiClient(s.app, '10.0.0.2');
    expect((await editor.login('editor@example.uz', PW)).status).toBe(200);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('refuses a pixel bomb from its header, before decoding, naming the maximum', async () => {
    const bomb = await sharp({ create: { width: 16000, height: 16000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = s.c.media.queue.started;
    const r = await upload(editor, bomb, 'bomb.png');
    expect(r.status, r.body).toBe(413);
    expect(r.json.error.code).toBe('payload_too_large');
    expect(r.json.error.message).toMatch(/16000×16000 pixels \(256 megapixels\); the largest accepted is 120 megapixels/);
    expect(s.c.media.queue.started).toBe(started); // never reached the image workers
  });

  it('answers a truncated JPEG with 415 and accepts a GIF with trailing bytes, serving it without them', async () => {
    const jpeg = await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).jpeg().toBuffer();
    const cut = await upload(editor, jpeg.subarray(0, jpeg.length >> 1), 'cut.jpg');
    expect(cut.status, cut.body).toBe(415);
    expect(cut.json.error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/damaged or incomplete/) });

    const garbage = Buffer.from('<script>alert(1)</script>'.repeat(40));
    const gif = Buffer.concat([await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c00' } }).gif().toBuffer(), garbage]);
    const r = await upload(editor, gif, 'anim.gif');
    expect(r.status, r.body).toBe(201);
    const served = await s.app.inject(`/media/${await storageKeyOf(r.json.id)}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/gif');
    expect(served.rawPayload.includes('<script>')).toBe(false);
  });

  it('answers a file over the upload limit with the documented 413 code', async () => {
    const settings = (await admin.req('GET', '/settings')).json;
    expect((await admin.req('PUT', '/settings', { ...settings, maxUploadMb: 1 })).status).toBe(200);
    try {
      const big = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
      expect(big.length).toBeGreaterThan(1024 * 1024);
      const r = await upload(editor, big, 'big.png');
      expect(r.status).toBe(413);
      expect(r.json.error.code).toBe('payload_too_large');
      expect(r.json.error.message).toMatch(/1 MB limit/);
      // Beyond the parser's own limits (a second file, too many fields) the code is the same.
      const boundary = 'xabar2files';
      const part = (name: string, data: Buffer) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), data, Buffer.from('\r\n')]);
      const small = await photo(9, 200, 100);
      const two = await editor.req('POST', '/media', Buffer.concat([part('file', small), part('file2', small), Buffer.from(`--${boundary}--\r\n`)]), { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(two.status).toBe(413);
      expect(two.json.error).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/one file/) });
    } finally {
      await admin.req('PUT', '/settings', settings);
    }
  });

  it('answers a cut-off or malformed multipart body with 400, never 500', async () => {
    const bodies: [Buffer, string][] = [
      [Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nabc'), 'multipart/form-data; boundary=b'],
      [Buffer.from('xxx'), 'multipart/form-data'],
      [Buffer.from('--b\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--b--\r\n'), 'multipart/form-data; boundary=b'],
    ];
    for (const [body, type] of bodies) {
      const r = await editor.req('POST', '/media', body, { 'content-type': type });
      expect(r.status, r.body).toBe(400);
      expect(r.json.error.code).toBe('bad_request');
    }
  });

  // Multipart text is raw UTF-8, which cannot carry an unpaired surrogate (encoders write U+FFFD): NUL is the case.
  it('refuses NUL in the form fields and file name before storing anything', async () => {
    const before = Number((await s.c.db.kysely.selectFrom('media').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#135' } }).jpeg().toBuffer();
    for (const [name, fields] of [
      ['photo.jpg', { alt: 'a\u0000b' }],
      ['photo.jpg', { credit: 'x\u0000' }],
      ['ph\u0000oto.jpg', {}],
    ] as [string, Record<string, string>][]) {
      const r = await upload(editor, jpeg, name, fields);
      expect(r.status, r.body).toBe(400);
      expect(r.json.error.code).toBe('bad_request');
    }
    const after = Number((await s.c.db.kysely.selectFrom('media').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before);
  });

  it('strips EXIF and GPS from the original and every variant, applies orientation, and keeps the credit', async () => {
    const tagged = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#2a6' } })
      .withExif({ IFD0: { Artist: 'Ivan Petrov', Copyright: 'Xabar 2026' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 18/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '69/1 16/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(tagged).metadata()).exif).toBeDefined();
    const r = await upload(editor, tagged, 'gps.jpg');
    expect(r.status, r.body).toBe(201);
    expect(r.json.credit).toBe('Ivan Petrov / Xabar 2026');
    expect((await s.c.db.kysely.selectFrom('media').select('credit').where('id', '=', r.json.id).executeTakeFirstOrThrow()).credit).toBe('Ivan Petrov / Xabar 2026');

    const keys = [await storageKeyOf(r.json.id), ...(await s.c.db.kysely.selectFrom('media_variants').select('storage_key').where('media_id', '=', r.json.id).execute()).map((v) => v.storage_key)];
    expect(keys.length).toBeGreaterThan(3);
    for (const key of keys) {
      const res = await s.app.inject(`/media/${key}`);
      expect(res.statusCode, key).toBe(200);
      const meta = await sharp(res.rawPayload).metadata();
      expect(meta.exif, key).toBeUndefined();
      expect(meta.xmp, key).toBeUndefined();
      expect(meta.iptc, key).toBeUndefined();
      expect(meta.orientation ?? 1, key).toBe(1);
      expect(meta.height!, key).toBeGreaterThan(meta.width!); // turned upright, not just untagged
    }

    const mine = await upload(editor, await sharp(tagged).jpeg({ quality: 70 }).withExif({ IFD0: { Artist: 'Someone' } }).toBuffer(), 'own.jpg', { credit: 'Фото: ИА «Дунё»' });
    expect(mine.json.credit).toBe('Фото: ИА «Дунё»'); // the uploader's credit wins
  });

  it('cleans originals stored with their metadata by earlier versions (xabar media clean)', async () => {
    const r = await upload(editor, await photo(31, 1000, 700), 'legacy.jpg');
    const key = await storageKeyOf(r.json.id);
    const legacy = await sharp({ create: { width: 1000, height: 700, channels: 3, background: '#345' } })
      .withExif({ IFD0: { Artist: 'Legacy Photographer' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 18/1 0/1' } })
      .jpeg()
      .toBuffer();
    await s.c.storage.put(key, legacy, 'image/jpeg'); // as an earlier version stored it
    await s.c.db.kysely.updateTable('media').set({ credit: '' }).where('id', '=', r.json.id).execute();
    expect((await sharp((await s.app.inject(`/media/${key}`)).rawPayload).metadata()).exif).toBeDefined();

    const first = await s.c.media.cleanStoredOriginals();
    expect(first.cleaned).toBe(1);
    expect(first.failed).toBe(0);
    const served = await s.app.inject(`/media/${key}`);
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
    expect((await editor.req('GET', `/media/${r.json.id}`)).json.credit).toBe('Legacy Photographer');
    expect((await s.c.media.cleanStoredOriginals()).cleaned).toBe(0); // idempotent
  });

  it('gives two parallel uploads of the same bytes the same item', async () => {
    const same = await photo(77, 1300, 700);
    const results = await Promise.all(Array.from({ length: 4 }, () => upload(editor, same, 'same.jpg')));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
    expect(results[3]!.json.thumb).toBe(results[0]!.json.thumb); // the winner's variants, complete
    const rows = await s.c.db.kysely.selectFrom('media').select('id').where('storage_key', '=', await storageKeyOf(results[0]!.json.id)).execute();
    expect(rows).toHaveLength(1);
  });

  it('never runs more image jobs at once than configured, however many uploads arrive', async () => {
    const images = await Promise.all(Array.from({ length: 6 }, (_, i) => photo(1000 + i, 1400, 900)));
    const started = s.c.media.queue.started;
    const results = await Promise.all(images.map((img) => upload(editor, img)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(s.c.media.queue.started - started).toBe(6);
    expect(s.c.media.queue.peakActive).toBeLessThanOrEqual(WORKERS);
    expect(s.c.media.queue.running).toBe(0);
  });

  it('answers 503 with Retry-After when the image queue is full', async () => {
    const q = s.c.media.queue;
    // Hold every worker and every queue place with jobs that end only when released.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = Array.from({ length: WORKERS + q.queue }, () => q.run(() => gate));
    const r = await upload(editor, await photo(4242));
    expect(r.status).toBe(503);
    expect(r.json.error.code).toBe('service_unavailable');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    release();
    await Promise.all(held);
  });

  it('serves /media with its type, an ETag, immutable caching, 304 and 404', async () => {
    const r = await upload(editor, await photo(5, 700, 500));
    const res = await s.app.inject(r.json.thumb);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"/);
    expect((await s.app.inject({ url: r.json.thumb, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await s.app.inject('/media/ab/0000000000000000-320.webp')).statusCode).toBe(404);
    for (const bad of ['/media/../xabar.db', '/media/ab/x.tmp', '/media/.hidden', '/media/ab%2F..%2F..%2Fetc%2Fpasswd']) {
      expect((await s.app.inject(bad)).statusCode, bad).toBe(404);
    }
  });
});

describe('credit from image metadata', () => {
  it('reads EXIF Artist/Copyright, IPTC By-line/Copyright and XMP dc:creator/dc:rights', async () => {
    const exif = (await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).withExif({ IFD0: { Artist: 'Ivan Petrov' } }).jpeg().toBuffer());
    expect(creditFromMetadata(await sharp(exif).metadata())).toBe('Ivan Petrov');
    const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Дилноза Каримова</rdf:li></rdf:Seq></dc:creator><dc:rights><rdf:Alt><rdf:li xml:lang="x-default">&#169; ИА &quot;Дунё&quot;</rdf:li></rdf:Alt></dc:rights></rdf:Description></rdf:RDF></x:xmpmeta>';
    const withXmp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).withXmp(xmp).jpeg().toBuffer();
    expect(creditFromMetadata(await sharp(withXmp).metadata())).toBe('Дилноза Каримова / © ИА "Дунё"');
    const ds = (n: number, v: string) => { const b = Buffer.from(v, 'utf8'); return Buffer.concat([Buffer.from([0x1c, 0x02, n, b.length >> 8, b.length & 0xff]), b]); };
    const iptc = Buffer.concat([Buffer.from('Photoshop 3.0\x008BIM\x04\x04\x00\x00'), ds(5, 'Title'), ds(80, 'Aziz Rahimov'), ds(116, '© UzA 2026')]);
    expect(creditFromMetadata({ iptc })).toBe('Aziz Rahimov / © UzA 2026');
    expect(creditFromMetadata({ exif: Buffer.from('Exif\0\0MM\0*\0\0\0\x08\xff\xff') })).toBe(''); // damaged: no credit, no error
  });
});

describe('image queue', () => {
  it('runs at most `workers` jobs, queues at most `queue`, refuses the rest', async () => {
    const q = new ImageQueue(1, 1);
    const gates: (() => void)[] = [];
    const job = () => new Promise<void>((r) => gates.push(r));
    const a = q.run(job);
    const b = q.run(job);
    await expect(q.run(job)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect([q.running, q.queued, gates.length]).toEqual([1, 1, 1]);
    gates[0]!();
    await a;
    await new Promise((r) => setImmediate(r));
    expect([q.running, q.queued, gates.length]).toEqual([1, 0, 2]);
    gates[1]!();
    await b;
    expect([q.running, q.peakActive, q.started]).toEqual([0, 1, 2]);
  });
});

describe('local media store', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-store-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes, reads, lists and removes by key, and refuses keys outside the folder', async () => {
    const store = new LocalMediaStore(root);
    await store.put('ab/0123456789abcdef-320.webp', Buffer.from('one'));
    await store.put('ab/0123456789abcdef-320.webp', Buffer.from('two!'));
    expect((await store.head('ab/0123456789abcdef-320.webp'))?.size).toBe(4);
    const got = await store.get('ab/0123456789abcdef-320.webp');
    const chunks: Buffer[] = [];
    for await (const c of got!.body) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('two!');
    expect(fs.readdirSync(path.join(root, 'ab'))).toEqual(['0123456789abcdef-320.webp']); // no temporary file left
    const keys: string[] = [];
    for await (const k of store.list()) keys.push(k);
    expect(keys).toEqual(['ab/0123456789abcdef-320.webp']);
    await store.remove('ab/0123456789abcdef-320.webp');
    await store.remove('ab/0123456789abcdef-320.webp');
    expect(await store.get('ab/0123456789abcdef-320.webp')).toBeNull();
    expect(await store.head('cd/missing.png')).toBeNull();
    expect(() => store.resolve('../outside.png')).toThrow(/escapes/);
  });

  it('removes temporary files a killed upload left behind at start, sparing recent ones', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-sweep-'));
    const dir = path.join(dataDir, 'media', 'ab');
    fs.mkdirSync(dir, { recursive: true });
    const stale = path.join(dir, '0123456789abcdef.jpeg.1a2b3c4d5e6f.tmp');
    const fresh = path.join(dir, '0123456789abcdef-320.webp.6f5e4d3c2b1a.tmp');
    const kept = path.join(dir, '0123456789abcdef.jpeg');
    for (const f of [stale, fresh, kept]) fs.writeFileSync(f, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
    fs.utimesSync(kept, twoHoursAgo, twoHoursAgo);
    const site = await makeTestSite('sqlite', { env: { DATA_DIR: dataDir } });
    try {
      expect(await (site.c.storage as LocalMediaStore).lastSweep).toBe(1);
      expect([fs.existsSync(stale), fs.existsSync(fresh), fs.existsSync(kept)]).toEqual([false, true, true]);
    } finally {
      await site.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
