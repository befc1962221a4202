/**
 * Where an attachment's bytes come from, with an export that is not trusted: a malformed escape
 * (`100%.jpg`) is a file name, not a crash; --media-base-url never lets an export's path reach
 * another host, leave the base path, or follow a redirect (real local servers, no mocks).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaSource, mediaUrl, uploadsPath } from './media-source.js';

describe('uploadsPath', () => {
  it('keeps a stray % as written and decodes the valid escapes around it', () => {
    expect(() => uploadsPath('https://old.example.com/wp-content/uploads/2024/01/100%.jpg')).not.toThrow();
    expect(uploadsPath('https://old.example.com/wp-content/uploads/2024/01/100%.jpg')).toBe('2024/01/100%.jpg');
    expect(uploadsPath('https://old.example.com/wp-content/uploads/2024/01/caf%C3%A9%20100%.jpg')).toBe('2024/01/café 100%.jpg');
    expect(uploadsPath('/wp-content/uploads/%E0%A4%A.png')).toBe('%E0%A4%A.png');
  });
});

describe('mediaSource with --media-dir', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-media-source-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  it('reads a file whose name has a bare %', async () => {
    fs.mkdirSync(path.join(dir, '2024/01'), { recursive: true });
    fs.writeFileSync(path.join(dir, '2024/01/100%.jpg'), 'bytes');
    const r = await mediaSource({ dir }).read('https://old.example.com/wp-content/uploads/2024/01/100%.jpg');
    expect(r.data?.toString()).toBe('bytes');
  });
});

describe('mediaSource with --media-base-url', () => {
  let base: http.Server;
  let other: http.Server;
  const baseHits: string[] = [];
  const otherHits: string[] = [];
  let baseUrl = '';
  let otherHost = '';
  beforeAll(async () => {
    other = http.createServer((req, res) => {
      otherHits.push(req.url ?? '');
      res.end('secret');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    otherHost = `127.0.0.1:${(other.address() as AddressInfo).port}`;
    base = http.createServer((req, res) => {
      baseHits.push(req.url ?? '');
      if (req.url === '/wp-content/uploads/2024/01/ok.jpg') res.end('image');
      else if (req.url === '/wp-content/uploads/2024/01/moved.jpg') res.writeHead(302, { location: `http://${otherHost}/moved.jpg` }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => base.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(base.address() as AddressInfo).port}/wp-content/uploads`;
  });
  afterAll(async () => {
    await new Promise((r) => base.close(r));
    await new Promise((r) => other.close(r));
  });

  it('fetches a file under the base URL', async () => {
    const r = await mediaSource({ baseUrl }).read('https://old.example.com/wp-content/uploads/2024/01/ok.jpg');
    expect(r.data?.toString()).toBe('image');
  });

  it('never reaches another host, leaves the base path or follows a redirect', async () => {
    const files = mediaSource({ baseUrl });
    const attempts = [
      // `http:%2F%2F…` decodes to an absolute URL, which new URL(rel, base) would take as is.
      `https://old.example.com/wp-content/uploads/http:%2F%2F${otherHost}%2Flatest`,
      // `//host/…` is a scheme-relative URL: another host, same scheme.
      `https://old.example.com/wp-content/uploads///${otherHost}/a.jpg`,
      // `../` leaves the uploads folder on the same host.
      'https://old.example.com/wp-content/uploads/..%2F..%2Fadmin%2Fsecret',
      // The base answers with a redirect to the other host.
      'https://old.example.com/wp-content/uploads/2024/01/moved.jpg',
    ];
    const results = [];
    for (const url of attempts) results.push(await files.read(url));
    expect(results.map((r) => r.data)).toEqual([null, null, null, null]);
    expect(results[0]!.reason).toContain('would leave --media-base-url');
    expect(results[1]!.reason).toContain('would leave --media-base-url');
    expect(results[2]!.reason).toContain('would leave --media-base-url');
    expect(results[3]!.reason).toContain('redirect');
    expect(otherHits).toEqual([]);
    // The base was asked only for paths under its uploads folder.
    expect(baseHits.every((u) => u.startsWith('/wp-content/uploads/'))).toBe(true);
  });

  it('resolves only to the base origin, under the base path', () => {
    const u = mediaUrl('2024/01/a b#c?.jpg', 'https://old.example.com/wp-content/uploads/');
    expect(typeof u === 'object' && u.href).toBe('https://old.example.com/wp-content/uploads/2024/01/a%20b%23c%3F.jpg');
    for (const rel of ['http://evil.com/a', '//evil.com/a', '/etc/passwd', '../x', 'a/../../x', 'a//b', 'C:\\x']) expect(typeof mediaUrl(rel, 'https://old.example.com/wp-content/uploads')).toBe('string');
  });
});
