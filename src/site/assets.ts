/**
 * Static assets of the public site (stylesheet, logos, favicon, fonts, icons), read once at
 * start-up and served under content-hashed names so browsers and CDNs may cache them for a year.
 * The stylesheet starts with the @font-face rules (fonts.ts), which name the fonts' hashed URLs,
 * so a new font file changes the stylesheet's hash too. favicon.ico and apple-touch-icon.png are
 * also served at the fixed root addresses browsers ask for without reading the page.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fontFaceCss, fontFaces, headlineFontNames } from './fonts.js';
import { sendCompressed } from './http-cache.js';
import { LOCALE_INFO, type Locale } from '../i18n/locales.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

export interface Asset {
  name: string;
  url: string;
  type: string;
  body: Buffer;
  /** Text assets are stored compressed too; fonts and images are compressed formats already. */
  gzip: Buffer | null;
  br: Buffer | null;
  etag: string;
}

const TEXT: [string, string][] = [
  ['logo.svg', 'image/svg+xml'],
  ['logo-cyrl.svg', 'image/svg+xml'],
  ['logo-light.svg', 'image/svg+xml'],
  ['logo-light-cyrl.svg', 'image/svg+xml'],
  ['favicon.svg', 'image/svg+xml'],
];
const ICONS = ['favicon.ico', 'apple-touch-icon.png', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png'];
const TYPES: Record<string, string> = { ico: 'image/x-icon', png: 'image/png', woff2: 'font/woff2' };

/** Root addresses browsers request on their own (favicon, iOS home-screen icon): cached a day. */
export const ROOT_ICONS: Record<string, string> = { '/favicon.ico': 'favicon.ico', '/apple-touch-icon.png': 'apple-touch-icon.png' };

export const THEME_COLOR = '#0b3a6e';

/** Each language's web manifest (icons.routes.ts). */
export function manifestUrl(locale: Locale): string {
  return `/${LOCALE_INFO[locale].prefix}/manifest.webmanifest`;
}

/** A site name written in Cyrillic letters gets the Cyrillic logo (ХАБАР for Хабар). */
const CYRILLIC = /[\u0400-\u04FF]/;

export class AssetStore {
  readonly byUrl = new Map<string, Asset>();
  readonly urlOf: Record<string, string> = {};
  readonly byName = new Map<string, Asset>();

  constructor(dir = DIR) {
    for (const [file, type] of TEXT) this.add(file, fs.readFileSync(path.join(dir, file)), type, true);
    for (const file of ICONS) this.add(file, fs.readFileSync(path.join(dir, 'icons', file)), TYPES[file.split('.').pop()!]!, false, '/assets/icons');
    const faces = fontFaces();
    for (const f of faces) this.add(f.name, fs.readFileSync(f.file), TYPES.woff2!, false, '/assets/fonts');
    const css = `${fontFaceCss(faces, (name) => this.urlOf[name]!)}\n${fs.readFileSync(path.join(dir, 'site.css'), 'utf8')}`;
    this.add('site.css', Buffer.from(css), 'text/css; charset=utf-8', true);
  }

  private add(file: string, body: Buffer, type: string, compress: boolean, folder = '/assets') {
    const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);
    const dot = file.lastIndexOf('.');
    const url = `${folder}/${file.slice(0, dot)}.${hash}${file.slice(dot)}`;
    const asset: Asset = {
      name: file,
      url,
      type,
      body,
      gzip: compress ? zlib.gzipSync(body, { level: 9 }) : null,
      br: compress ? zlib.brotliCompressSync(body) : null,
      etag: `"${hash}"`,
    };
    this.byUrl.set(url, asset);
    this.byName.set(file, asset);
    this.urlOf[file] = url;
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

  /** The built-in logo in the script of the site's name, on a light or (footer) dark ground. */
  logoFor(siteName: string, ground: 'light' | 'dark' = 'light'): string {
    const cyr = CYRILLIC.test(siteName) ? '-cyrl' : '';
    return this.urlOf[`logo${ground === 'dark' ? '-light' : ''}${cyr}.svg`]!;
  }

  /** Hashed URLs of the headline font files a page in `locale` preloads. */
  headlineFonts(locale: Locale): string[] {
    return headlineFontNames(locale).map((n) => this.urlOf[n]!);
  }

  icon(name: string): string {
    return this.urlOf[name]!;
  }
}

/** Sends an asset: text ones negotiated (br/gzip), binary ones as stored; ETag and 304 either way. */
export function sendAsset(req: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl = 'public, max-age=31536000, immutable'): FastifyReply {
  if (asset.gzip && asset.br) {
    return sendCompressed(req, reply, { status: 200, body: asset.body, gzip: asset.gzip, br: asset.br, etag: asset.etag, contentType: asset.type }, cacheControl);
  }
  reply.header('content-type', asset.type).header('cache-control', cacheControl).header('etag', asset.etag);
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === asset.etag)) return reply.code(304).send();
  return reply.send(asset.body);
}
