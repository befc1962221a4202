/**
 * Galleries and video (issue 8): the body document's new blocks (validation, rendering without
 * scripts, reading time, Cyrillic edition, media usage), video uploads checked by content, and
 * range requests on /media from both stores (local folder and S3 through s3rver).
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDoc, renderDoc, countImages, docMediaIds, type StoryDoc } from '../src/content/document.js';
import { parseRange } from '../src/media/range.js';
import { probeVideo } from '../src/media/video.js';
import { ApiClient, multipart } from './helpers/client.js';
import { doc, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';
import { startS3, type LocalS3 } from './helpers/s3rver.js';
import { DIALECTS, makeTestSite } from './helpers/site.js';

/** An ISO BMFF file: an `ftyp` box (isom, mp41) and an `mdat` box of `payload` bytes. Not playable, but a real MP4 header. */
export function tinyMp4(payload = 70_000): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isommp41')]);
  const body = Buffer.alloc(payload);
  for (let i = 0; i < payload; i++) body[i] = i % 251;
  const mdatHead = Buffer.alloc(8);
  mdatHead.writeUInt32BE(payload + 8, 0);
  mdatHead.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, mdatHead, body]);
}
/** An EBML header saying `docType`, then some bytes. */
function ebml(docType: string, extra = 500): Buffer {
  const dt = Buffer.from(docType, 'latin1');
  const els = Buffer.concat([Buffer.from([0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x80 | dt.length]), dt, Buffer.from([0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02])]);
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | els.length]), els, Buffer.alloc(extra, 7)]);
}

const galleryNode = (items: object[]) => ({ type: 'gallery', attrs: { items } });
const item = (mediaId: number, caption: string, extra: object = {}) => ({ mediaId, src: `/media/aa/${String(mediaId).padStart(16, '0')}-960.jpg`, srcset: `/media/aa/${String(mediaId).padStart(16, '0')}-320.webp 320w, /media/aa/${String(mediaId).padStart(16, '0')}-960.webp 960w`, width: 960, height: 640, alt: `Alt ${mediaId}`, caption, ...extra });

describe('gallery and video nodes in the body document', () => {
  const body: StoryDoc = normalizeDoc({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Matn.' }] },
      galleryNode([item(1, 'Birinchi <b>rasm</b>'), item(2, ''), item(3, 'Uchinchi')]),
      { type: 'video', attrs: { videoId: 4, src: '/media/bb/00000000000000bb.mp4', mime: 'video/mp4', width: 1280, height: 720, caption: 'Video "izoh"', poster: { mediaId: 9, src: '/media/cc/00000000000000cc-960.jpg' } } },
    ],
  });

  it('renders a gallery as figures whose lightbox needs no script: :target anchors, captions, srcset and sizes', () => {
    const html = renderDoc(body, { close: 'Yopish', previous: 'Oldingi', next: 'Keyingi' });
    expect(html).not.toMatch(/<script|onclick|javascript:/i);
    expect(html).toContain('<div class="gallery" id="gallery-1">');
    expect(html).toContain('<figure class="gallery-item" id="gallery-1-1"><a class="gallery-open" href="#gallery-1-1"><img class="gallery-thumb" src="/media/aa/0000000000000001-960.jpg"');
    // The thumbnail is sized for the grid; the lightbox's own image (fetched when opened) for the screen.
    expect(html).toMatch(/<img class="gallery-thumb" [^>]*sizes="\(min-width: 640px\) 300px, 50vw"[^>]*\/><img class="gallery-full" [^>]*sizes="100vw"[^>]*loading="lazy"/);
    expect(html).toContain('srcset="/media/aa/0000000000000001-320.webp 320w, /media/aa/0000000000000001-960.webp 960w"');
    expect(html).toContain('width="960" height="640"');
    expect(html).toContain('<figcaption>Birinchi &lt;b&gt;rasm&lt;/b&gt;</figcaption>');
    expect(html).toContain('<a class="gallery-close" href="#gallery-1" aria-label="Yopish"></a>');
    // The first photo has no "previous", the last no "next"; the middle one both.
    expect(html).toContain('<a class="gallery-next" href="#gallery-1-2" aria-label="Keyingi"></a>');
    expect(html).toMatch(/id="gallery-1-2">.*<a class="gallery-prev" href="#gallery-1-1"/);
    expect(html.match(/class="gallery-item"/g)).toHaveLength(3);
    expect(html.match(/<figcaption>/g)).toHaveLength(3); // two captioned photos + the video; an empty caption is left out
  });

  it('renders a video with controls, preload=metadata, poster, size and a typed source', () => {
    const html = renderDoc(body);
    expect(html).toContain('<figure class="video"><video controls preload="metadata" poster="/media/cc/00000000000000cc-960.jpg" width="1280" height="720"><source src="/media/bb/00000000000000bb.mp4" type="video/mp4" />');
    expect(html).toContain('<figcaption>Video "izoh"</figcaption>');
  });

  it('counts gallery photos and videos for reading time, and their media ids', () => {
    expect(countImages(body)).toBe(4);
    expect(docMediaIds(body).sort()).toEqual([1, 2, 3, 9]);
  });

  it('drops items and videos that do not point at a safe place', () => {
    const d = normalizeDoc({ type: 'doc', content: [galleryNode([item(1, 'a', { src: 'javascript:alert(1)' }), item(2, 'b', { srcset: 'javascript:x 10w, /media/a.webp 320w' })]), { type: 'video', attrs: { src: 'https://evil.example/v.mp4' } }] });
    expect(d.content).toHaveLength(1);
    expect((d.content[0]!.attrs!.items as { mediaId: number; srcset: string }[]).map((i) => [i.mediaId, i.srcset])).toEqual([[2, '/media/a.webp 320w']]);
  });
});

describe('video content check', () => {
  it('takes MP4 by its ftyp box and WebM by its EBML DocType, nothing else', () => {
    expect(probeVideo(tinyMp4(100))).toEqual({ mime: 'video/mp4', ext: 'mp4' });
    expect(probeVideo(ebml('webm'))).toEqual({ mime: 'video/webm', ext: 'webm' });
    expect(() => probeVideo(ebml('matroska'))).toThrow(/not an MP4 or WebM/);
    expect(() => probeVideo(Buffer.from('this is not a video at all, just text'))).toThrow(/not an MP4 or WebM/);
    // An AVIF image is an ISO BMFF file too, with image brands only.
    const avif = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypavif'), Buffer.from([0, 0, 0, 0]), Buffer.from('avifmif1')]);
    expect(() => probeVideo(avif)).toThrow(/not an MP4 or WebM/);
  });
});

describe('range header', () => {
  it('answers single ranges, ignores what it may ignore and says what cannot be satisfied', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=990-', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=-10', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=500-100000', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-1', 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-9', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange('bytes=abc', 1000)).toBeNull();
  });
});

async function setupAdmin(app: import('fastify').FastifyInstance) {
  const admin = new ApiClient(app);
  await admin.session();
  expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: 'correct horse battery' })).status).toBe(201);
  return admin;
}

async function uploadVideo(c: ApiClient, data: Buffer, name = 'clip.mp4', type = 'video/mp4') {
  const m = multipart({ name, type, data });
  return c.req('POST', '/videos', m.body, m.headers);
}

async function checkRanges(app: import('fastify').FastifyInstance, src: string, data: Buffer) {
  const full = await app.inject(src);
  expect(full.statusCode).toBe(200);
  expect(full.headers['accept-ranges']).toBe('bytes');
  expect(full.headers['content-type']).toBe('video/mp4');
  expect(full.rawPayload.equals(data)).toBe(true);
  const size = data.length;
  for (const [range, start, end] of [['bytes=0-0', 0, 0], ['bytes=0-1023', 0, 1023], ['bytes=1000-', 1000, size - 1], ['bytes=-500', size - 500, size - 1], [`bytes=${size - 10}-${size + 1000}`, size - 10, size - 1]] as const) {
    const r = await app.inject({ url: src, headers: { range } });
    expect(r.statusCode, range).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
    expect(r.headers['content-length']).toBe(String(end - start + 1));
    expect(r.rawPayload.length, range).toBe(end - start + 1);
    expect(r.rawPayload.equals(data.subarray(start, end + 1)), range).toBe(true);
  }
  const bad = await app.inject({ url: src, headers: { range: `bytes=${size}-` } });
  expect(bad.statusCode).toBe(416);
  expect(bad.headers['content-range']).toBe(`bytes */${size}`);
  // If-Range naming another version of the file: the whole file.
  const stale = await app.inject({ url: src, headers: { range: 'bytes=0-9', 'if-range': '"other"' } });
  expect(stale.statusCode).toBe(200);
  expect(stale.rawPayload.length).toBe(size);
  const fresh = await app.inject({ url: src, headers: { range: 'bytes=0-9', 'if-range': full.headers.etag as string } });
  expect(fresh.statusCode).toBe(206);
}

describe.each(DIALECTS)('video uploads and range requests on %s (local store)', (dialect) => {
  it('stores an MP4 and WebM by content, refuses a fake .mp4 with 415, and serves ranges', async () => {
    const s = await makeTestSite(dialect);
    try {
      const admin = await setupAdmin(s.app);
      const fake = await uploadVideo(admin, Buffer.from('<html>not a video</html>'.repeat(10)));
      expect(fake.status, fake.body).toBe(415);
      expect(fake.json.error.message).toMatch(/not an MP4 or WebM video/);
      const mkv = await uploadVideo(admin, ebml('matroska'), 'clip.webm', 'video/webm');
      expect(mkv.status).toBe(415);
      const webm = await uploadVideo(admin, ebml('webm'), 'clip.mp4', 'video/mp4'); // the name does not decide
      expect(webm.status, webm.body).toBe(201);
      expect(webm.json).toMatchObject({ mime: 'video/webm', src: expect.stringMatching(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{16}\.webm$/) });
      const data = tinyMp4();
      const mp4 = await uploadVideo(admin, data);
      expect(mp4.status, mp4.body).toBe(201);
      expect(mp4.json).toMatchObject({ mime: 'video/mp4', bytes: data.length, src: expect.stringMatching(/\.mp4$/) });
      expect((await uploadVideo(admin, data)).json.id).toBe(mp4.json.id); // the same bytes: the same video
      await checkRanges(s.app, mp4.json.src, data);
    } finally {
      await s.close();
    }
  });

  it('refuses a video over XABAR_VIDEO_MAX_MB with 413 naming the limit', async () => {
    const s = await makeTestSite(dialect, { env: { XABAR_VIDEO_MAX_MB: '1' } });
    try {
      const admin = await setupAdmin(s.app);
      const r = await uploadVideo(admin, tinyMp4(1024 * 1024 + 10));
      expect(r.status, r.body).toBe(413);
      expect(r.json.error.message).toMatch(/1 MB limit/);
    } finally {
      await s.close();
    }
  });
});

describe('range requests from the S3 store', () => {
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => {
    await s3?.close();
  });
  it('answers 206/416 for a video in the bucket', async () => {
    const s = await makeTestSite('sqlite', { env: s3.env('videos') });
    try {
      const admin = await setupAdmin(s.app);
      const data = tinyMp4(50_000);
      const r = await uploadVideo(admin, data);
      expect(r.status, r.body).toBe(201);
      await checkRanges(s.app, r.json.src, data);
    } finally {
      await s.close();
    }
  });
});

describe.each(DIALECTS)('gallery and video in a published story on %s', (dialect) => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await makeNewsroom(dialect, Date.now());
  });
  afterAll(async () => {
    await n?.s.close();
  });

  const photo = async (seed: number, caption: string) => {
    const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: seed * 40, g: 90, b: 120 } } }).jpeg().toBuffer();
    const m = multipart({ name: `p${seed}.jpg`, type: 'image/jpeg', data }, { locale: 'uz', caption, alt: `Surat ${seed}` });
    const r = await n.admin.req('POST', '/media', m.body, m.headers);
    expect(r.status, r.body).toBe(201);
    return r.json;
  };

  it('refuses bad block shapes with 422 on the body', async () => {
    const e = (await n.admin.req('POST', '/stories', { locale: 'uz', headline: 'Shakl' })).json;
    for (const bad of [
      { type: 'gallery' },
      galleryNode([{ mediaId: 'one', src: '/media/a.jpg' }]),
      { type: 'gallery', attrs: { items: 'photos' } },
      galleryNode([{ mediaId: 1 }]),
      { type: 'video', attrs: { src: 5 } },
      { type: 'video', attrs: { src: '/media/a.mp4', mime: 'video/quicktime' } },
      { type: 'video', attrs: { src: '/media/a.mp4', poster: { mediaId: -1, src: '/media/p.jpg' } } },
    ]) {
      const r = await n.admin.req('PUT', `/editions/${e.id}`, saveBody(e, { body: { type: 'doc', content: [bad] } }));
      expect(r.status, JSON.stringify(bad)).toBe(422);
      expect(r.json.error.details.fields[0].field, JSON.stringify(r.json)).toBe('body');
    }
  });

  it('publishes both blocks, derives the Cyrillic edition with transliterated captions, counts reading time and media usage', async () => {
    const [p1, p2, poster] = [await photo(1, 'Toshkent shahri'), await photo(2, 'Yangi bogʻ'), await photo(3, 'Muqova')];
    const video = (await uploadVideo(n.admin, tinyMp4(2000))).json;
    const gallery = galleryNode([p2, p1].map((p) => ({ mediaId: p.id, src: p.src, srcset: p.srcset, width: p.width, height: p.height, alt: p.texts.uz.alt, caption: p.texts.uz.caption })));
    const videoNode = { type: 'video', attrs: { videoId: video.id, src: video.src, mime: video.mime, width: 640, height: 360, caption: 'Shahar videosi', poster: { mediaId: poster.id, src: poster.src } } };
    const created = (await n.admin.req('POST', '/stories', { locale: 'uz', headline: 'Galereya va video' })).json;
    const body = { type: 'doc', content: [...doc('Bir soʻz.').content, gallery, videoNode] };
    const saved = await n.admin.req('PUT', `/editions/${created.id}`, saveBody(created, { sectionId: n.sectionId, datelineCity: 'Toshkent', body }));
    expect(saved.status, saved.body).toBe(200);
    // Order and captions survive the round trip.
    expect(saved.json.body.content[1].attrs.items.map((i: { mediaId: number }) => i.mediaId)).toEqual([p2.id, p1.id]);
    const published = await n.admin.req('POST', `/editions/${created.id}/transition`, { to: 'published' });
    expect(published.status, published.body).toBe(200);
    const page = await n.s.app.inject(published.json.publicUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<figcaption>Yangi bogʻ</figcaption>');
    expect(page.body).toContain(`<img class="gallery-thumb" src="${p2.src}" srcset="${p2.srcset}"`);
    expect(page.body).toContain('aria-label="Yopish"');
    expect(page.body).toContain(`<video controls preload="metadata" poster="${poster.src}" width="640" height="360"><source src="${video.src}" type="video/mp4" />`);
    // 3 words and 3 pictures (two photos and one video): 36 s of looking → 1 minute; the row says so.
    const row = await n.s.c.db.kysely.selectFrom('editions').select(['reading_minutes', 'word_count']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.word_count).toBeGreaterThan(3); // captions are words too

    const cyrl = await n.admin.req('POST', `/editions/${created.id}/derive`);
    expect(cyrl.status, cyrl.body).toBe(201);
    expect(cyrl.json.body.content[1].attrs.items.map((i: { caption: string }) => i.caption)).toEqual(['Янги боғ', 'Тошкент шаҳри']);
    expect(cyrl.json.body.content[2].attrs.caption).toBe('Шаҳар видеоси');
    const cyrlPub = await n.admin.req('POST', `/editions/${cyrl.json.id}/transition`, { to: 'published' });
    expect(cyrlPub.status, cyrlPub.body).toBe(200);
    const cyrlPage = await n.s.app.inject(cyrlPub.json.publicUrl);
    expect(cyrlPage.body).toContain('<figcaption>Янги боғ</figcaption>');
    expect(cyrlPage.body).toContain('aria-label="Ёпиш"');

    // Gallery photos and the poster are uses: two editions each, and they cannot be deleted.
    for (const p of [p1, p2, poster]) {
      const m = await n.admin.req('GET', `/media/${p.id}`);
      expect(m.json.usedBy, `media ${p.id}`).toBe(2);
      const del = await n.admin.req('DELETE', `/media/${p.id}`);
      expect(del.status).toBe(409);
    }
  });

  it('adds 12 seconds per gallery photo and per video to reading time', async () => {
    const items = Array.from({ length: 6 }, (_, i) => item(100 + i, ''));
    const created = (await n.admin.req('POST', '/stories', { locale: 'uz', headline: 'Vaqt' })).json;
    const body = { type: 'doc', content: [...doc('Soʻz.').content, galleryNode(items), { type: 'video', attrs: { src: '/media/bb/00000000000000bb.mp4' } }] };
    const saved = await n.admin.req('PUT', `/editions/${created.id}`, saveBody(created, { sectionId: n.sectionId, body }));
    expect(saved.status, saved.body).toBe(200);
    // 7 × 12 s = 84 s → 2 minutes (one word adds a fraction).
    const row = await n.s.c.db.kysely.selectFrom('editions').select('reading_minutes').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.reading_minutes).toBe(2);
  });
});
