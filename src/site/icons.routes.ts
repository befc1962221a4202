/**
 * Icons and install: the site's assets under their hashed URLs, favicon.ico and
 * apple-touch-icon.png at the root addresses browsers ask for on their own, and one web manifest
 * per language (`/<prefix>/manifest.webmanifest`) whose name is the site's name in that language
 * and script (the `siteName` setting) and whose start page is that language's home.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { LOCALE_INFO, localeFromPrefix, type Locale } from '../i18n/locales.js';
import { messages } from '../i18n/messages/index.js';
import { ROOT_ICONS, sendAsset, THEME_COLOR, type AssetStore } from './assets.js';
import type { SiteSettings } from './settings.js';
import { urls } from './urls.js';

/** The manifest of one language: https://www.w3.org/TR/appmanifest/ */
export function webManifest(locale: Locale, settings: SiteSettings, assets: AssetStore): object {
  const name = settings.siteName[locale] || settings.siteName[settings.defaultLocale] || 'Xabar';
  const tagline = settings.tagline[locale];
  return {
    name: `${name} — ${messages(locale).agencyKind}`,
    short_name: name,
    ...(tagline ? { description: tagline } : {}),
    lang: LOCALE_INFO[locale].htmlLang,
    dir: 'ltr',
    id: urls.home(locale),
    start_url: urls.home(locale),
    scope: '/',
    display: 'minimal-ui',
    theme_color: THEME_COLOR,
    background_color: '#ffffff',
    icons: [
      { src: assets.icon('icon-192.png'), sizes: '192x192', type: 'image/png' },
      { src: assets.icon('icon-512.png'), sizes: '512x512', type: 'image/png' },
      { src: assets.icon('icon-maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: assets.favicon, sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}

export function iconRoutes(app: FastifyInstance, assets: AssetStore, settings: () => Promise<SiteSettings>): void {
  for (const [url, asset] of assets.byUrl) app.get(url, async (req, reply) => sendAsset(req, reply, asset));
  for (const [url, name] of Object.entries(ROOT_ICONS)) {
    const asset = assets.byName.get(name)!;
    app.get(url, async (req, reply) => sendAsset(req, reply, asset, 'public, max-age=86400'));
  }
  app.get('/:locale/manifest.webmanifest', async (req, reply) => {
    const l = localeFromPrefix((req.params as { locale: string }).locale);
    const s = await settings();
    if (!l || !s.enabledLocales.includes(l)) return reply.callNotFound();
    const body = Buffer.from(JSON.stringify(webManifest(l, s, assets)));
    const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
    // Revalidated every time (it names the site, a setting); the ETag makes that a 304.
    return sendAsset(req, reply, { name: 'manifest', url: req.url, type: 'application/manifest+json', body, gzip: null, br: null, etag: `"${hash}"` }, 'public, max-age=0, must-revalidate');
  });
}
