/**
 * Static assets of the public site (stylesheet, logo, favicon), read once at start-up and served
 * under content-hashed names so browsers and CDNs may cache them for a year.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

export interface Asset {
  name: string;
  url: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
}

const FILES: [string, string][] = [
  ['site.css', 'text/css; charset=utf-8'],
  ['logo.svg', 'image/svg+xml'],
  ['favicon.svg', 'image/svg+xml'],
];

export class AssetStore {
  readonly byUrl = new Map<string, Asset>();
  readonly urlOf: Record<string, string> = {};

  constructor(dir = DIR) {
    for (const [file, type] of FILES) {
      const body = fs.readFileSync(path.join(dir, file));
      const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);
      const [base, ext] = file.split('.') as [string, string];
      const url = `/assets/${base}.${hash}.${ext}`;
      const asset = { name: file, url, type, body, gzip: zlib.gzipSync(body, { level: 9 }), br: zlib.brotliCompressSync(body) };
      this.byUrl.set(url, asset);
      this.urlOf[file] = url;
    }
  }

  get css(): string {
    return this.urlOf['site.css']!;
  }
  get logo(): string {
    return this.urlOf['logo.svg']!;
  }
  get favicon(): string {
    return this.urlOf['favicon.svg']!;
  }
}
