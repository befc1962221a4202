/** The page frame every public page shares: head, masthead, sections menu, breaking strip, footer. */
import type { ReactNode } from 'react';
import { LOCALE_INFO, LOCALES, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { dayKey, formatPublished } from '../../i18n/dates.js';
import type { Chrome } from '../site.service.js';
import { urls } from '../urls.js';
import { serializeJsonLd, socialTags, type ArticleMeta } from '../structured-data.js';
import { TelegramIcon } from './components.js';
import { manifestUrl, THEME_COLOR } from '../assets.js';

export interface Assets {
  css: string;
  logo: string;
  favicon: string;
  /** The built-in logo in the script of the site's name; 'dark' is the light-coloured one for dark grounds. */
  logoFor(siteName: string, ground?: 'light' | 'dark'): string;
  /** Font files a page in this locale preloads (its headlines' bold serif). */
  headlineFonts(locale: Locale): string[];
  icon(name: string): string;
}

/** Breaking items the strip rotates through (site.css has a rotation for each count up to this). */
const MAX_BREAKING = 5;

export interface Head {
  title: string;
  /** The title is whole already (the home page's name and tagline): no « — site name» added. */
  fullTitle?: boolean;
  description?: string;
  canonical?: string;
  /** Feeds of this page for `<link rel="alternate">` discovery: MIME type, title, site path. */
  feeds?: { type: string; title: string; href: string }[];
  /** Absolute URLs of other-language versions of this page (hreflang). */
  alternates?: Partial<Record<Locale, string>>;
  /** Where the language switcher leads; defaults to `alternates`, then each language's home. */
  switcher?: Partial<Record<Locale, string>>;
  /** The share image: a site path and the file's pixel size. */
  ogImage?: { src: string; width: number; height: number; alt: string };
  ogType?: 'website' | 'article';
  /** Open Graph article:* properties (ogType 'article'). */
  article?: ArticleMeta;
  jsonLd?: object[];
  noindex?: boolean;
  /** With noindex: links are not followed either (shared previews). */
  nofollow?: boolean;
  prevHref?: string;
  nextHref?: string;
}

export function Layout({ chrome, head, assets, siteUrl, children, active }: { chrome: Chrome; head: Head; assets: Assets; siteUrl: string; children: ReactNode; active?: string }) {
  const { locale } = chrome;
  const t = messages(locale);
  const info = LOCALE_INFO[locale];
  const enabled = LOCALES.filter((l) => chrome.settings.enabledLocales.includes(l));
  const title = head.fullTitle || head.title === chrome.siteName ? head.title : `${head.title} — ${chrome.siteName}`;
  const channel = chrome.settings.telegramChannel[locale] ?? chrome.settings.telegramChannel.ru;
  // hreflang alternates in a stable order; the switcher leads to the same page where it exists.
  const alternates = LOCALES.filter((l) => head.alternates?.[l]).map((l) => [l, head.alternates![l]!] as const);
  return (
    <html lang={info.htmlLang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {head.description ? <meta name="description" content={head.description} /> : null}
        {head.noindex ? <meta name="robots" content={head.nofollow ? 'noindex, nofollow' : 'noindex'} /> : null}
        {head.canonical ? <link rel="canonical" href={siteUrl + head.canonical} /> : null}
        {head.prevHref ? <link rel="prev" href={siteUrl + head.prevHref} /> : null}
        {head.nextHref ? <link rel="next" href={siteUrl + head.nextHref} /> : null}
        {(head.feeds ?? []).map((f) => <link key={f.href} rel="alternate" type={f.type} title={f.title} href={siteUrl + f.href} />)}
        {alternates.length > 1
          ? [...alternates, ['x-default', head.alternates![chrome.settings.defaultLocale] ?? alternates[0]![1]] as const].map(([l, href]) => (
              <link key={l} rel="alternate" hrefLang={l === 'x-default' ? 'x-default' : LOCALE_INFO[l as Locale].htmlLang} href={siteUrl + href} />
            ))
          : null}
        {socialTags({
          siteName: chrome.siteName,
          title: head.title,
          description: head.description,
          url: head.canonical ? siteUrl + head.canonical : undefined,
          type: head.ogType ?? 'website',
          locale,
          alternateLocales: alternates.map(([l]) => l),
          image: head.ogImage ? { ...head.ogImage, src: siteUrl + head.ogImage.src } : undefined,
          article: head.article,
        }).map((m, i) => ('property' in m ? <meta key={`og${i}`} property={m.property} content={m.content} /> : <meta key={`tw${i}`} name={m.name} content={m.content} />))}
        <meta name="theme-color" content={THEME_COLOR} />
        <link rel="icon" href="/favicon.ico" sizes="48x48" />
        <link rel="icon" href={assets.favicon} type="image/svg+xml" />
        <link rel="apple-touch-icon" href={assets.icon('apple-touch-icon.png')} />
        <link rel="manifest" href={manifestUrl(locale)} />
        {/* The headlines' font, fetched with the stylesheet rather than after it (fonts are CORS requests). */}
        {assets.headlineFonts(locale).map((href) => <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="anonymous" />)}
        <link rel="stylesheet" href={assets.css} />
        {(head.jsonLd ?? []).map((j, i) => (
          <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(j) }} />
        ))}
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <div className="topbar" role="region" aria-label={t.today}>
          <div className="wrap topbar-inner">
            <span className="today">{formatPublished(new Date(chrome.now), locale, chrome.settings.timeZone).replace(/\.\s\d{2}:\d{2}$/, '')}</span>
            <nav className="langs" aria-label={t.language}>
              <ul>
                {enabled.map((l) => (
                  <li key={l}>
                    {l === locale ? (
                      <span aria-current="true" lang={LOCALE_INFO[l].htmlLang} title={LOCALE_INFO[l].nativeName}>{LOCALE_INFO[l].shortName}</span>
                    ) : (
                      <a href={(head.switcher ?? head.alternates)?.[l] ?? urls.home(l)} lang={LOCALE_INFO[l].htmlLang} hrefLang={LOCALE_INFO[l].htmlLang} title={LOCALE_INFO[l].nativeName}>
                        {LOCALE_INFO[l].shortName}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
        <header className="masthead">
          <div className="wrap masthead-inner">
            <a className="logo" href={urls.home(locale)}>
              <img src={chrome.logo?.src ?? assets.logoFor(chrome.siteName)} alt={chrome.siteName} width={chrome.logo?.width ?? 184} height={chrome.logo?.height ?? 44} />
              <span className="logo-kind">{t.agencyKind}</span>
            </a>
            <form className="search-form" role="search" aria-label={t.search} action={urls.search(locale)} method="get">
              <label className="visually-hidden" htmlFor="q">{t.search}</label>
              <input id="q" name="q" type="search" placeholder={t.searchPlaceholder} maxLength={200} />
              <button type="submit">{t.search}</button>
            </form>
          </div>
        </header>
        <nav className="sections-nav" aria-label={t.sections}>
          <div className="wrap">
            <ul>
              <li>
                <a href={urls.news(locale)} aria-current={active === 'news' ? 'page' : undefined}>{t.newsFeed}</a>
              </li>
              {chrome.sections.map((s) => (
                <li key={s.id}>
                  <a href={s.href} aria-current={active === `section:${s.slug}` ? 'page' : undefined}>{s.name}</a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
        {chrome.breaking.length > 0 ? (
          <div className="breaking" role="region" aria-label={t.breaking}>
            <div className="wrap breaking-inner">
              <strong className="breaking-label"><span className="breaking-dot" aria-hidden="true" />{t.breaking}</strong>
              {/* One item at a time: the items share one grid cell and take turns (site.css, no script). */}
              <ul className={`breaking-items breaking-n${Math.min(chrome.breaking.length, MAX_BREAKING)}`}>
                {chrome.breaking.slice(0, MAX_BREAKING).map((c, i) => (
                  <li key={c.editionId} style={{ ['--i' as string]: i }}>
                    <time dateTime={c.publishedIso}>{c.time}</time> <a href={c.href}>{c.headline}</a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap footer-inner">
            <div>
              {/* An uploaded logo is drawn for light grounds: the footer keeps the built-in light one. */}
              <img src={assets.logoFor(chrome.siteName, 'dark')} alt="" width="138" height="33" className="footer-logo" loading="lazy" />
              <p>{t.footerRights(new Date(chrome.now).getUTCFullYear(), chrome.siteName)}</p>
              <p>{t.footerReuse}</p>
            </div>
            <ul className="footer-links">
              {chrome.sections.map((s) => (
                <li key={s.id}><a href={s.href}>{s.name}</a></li>
              ))}
              {(chrome.footerPages ?? []).map((p) => (
                <li key={p.href}><a href={p.href}>{p.title}</a></li>
              ))}
              <li><a href={urls.archive(locale, dayKey(new Date(chrome.now), chrome.settings.timeZone))}>{t.archive}</a></li>
              {channel ? (
                <li>
                  <a href={`https://t.me/${channel}`} rel="noopener"><TelegramIcon size={16} /> Telegram</a>
                </li>
              ) : null}
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}
