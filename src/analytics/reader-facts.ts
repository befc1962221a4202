/**
 * What the dashboard keeps about a counted view besides the count: where the reader came from as
 * a category and a host, and the class of device — reduced here, when the view is counted, so no
 * URL, query string or user agent is ever stored or even buffered (docs/analytics.md).
 *
 * A reader who sends Do Not Track or Global Privacy Control is counted (the count is the page's
 * own public number and identifies no one) but their referrer and device are not recorded: both
 * become `withheld` (docs/decisions/0015-analytics-dnt-gpc.md).
 */
import fs from 'node:fs';
import { LRUCache } from 'lru-cache';

export const SOURCES = ['search', 'telegram', 'social', 'other', 'internal', 'direct', 'withheld'] as const;
export type Source = (typeof SOURCES)[number];
export const DEVICES = ['mobile', 'tablet', 'desktop', 'withheld'] as const;
export type Device = (typeof DEVICES)[number];

export interface ReaderFacts {
  source: Source;
  /** The referring host without `www.` ('' for direct, internal and withheld). */
  host: string;
  device: Device;
}

/** The request headers the facts come from (IncomingHttpHeaders fits). */
export interface ReaderHeaders {
  referer?: string | undefined;
  dnt?: string | string[] | undefined;
  'sec-gpc'?: string | string[] | undefined;
}

interface ReferrerData {
  search: string[];
  telegram: string[];
  social: string[];
  apps: Record<string, Source>;
}

const data = JSON.parse(fs.readFileSync(new URL('./data/referrers.json', import.meta.url), 'utf8')) as ReferrerData;

/** 'google.*' → /(^|\.)google\.[a-z]+(\.[a-z]+)?$/; 'bing.com' → itself and its subdomains. */
function matcher(entries: string[]): (host: string) => boolean {
  const exact = entries.filter((e) => !e.endsWith('.*'));
  const wild = entries.filter((e) => e.endsWith('.*')).map((e) => new RegExp(`(^|\\.)${e.slice(0, -2).replace(/\./g, '\\.')}\\.[a-z]{2,}(\\.[a-z]{2,})?$`));
  return (host) => exact.some((e) => host === e || host.endsWith('.' + e)) || wild.some((r) => r.test(host));
}
const CATEGORIES: [Source, (host: string) => boolean][] = [
  ['telegram', matcher(data.telegram)],
  ['search', matcher(data.search)],
  ['social', matcher(data.social)],
];

const MAX_HOST = 100;
// Scheme, optional user info (dropped), then the host; the port, path and query are never read.
const URL_HOST = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#:]*)/i;
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

const memo = new LRUCache<string, { source: Source; host: string }>({ max: 2000 });

/**
 * The category and host of a `Referer` (or the beacon's `document.referrer`). `siteHost` is this
 * site's own host: a reader moving between our pages is `internal`. Anything unreadable is
 * `direct`: we cannot say where the reader came from.
 */
export function classifyReferrer(referer: string | undefined, siteHost: string): { source: Source; host: string } {
  if (!referer) return { source: 'direct', host: '' };
  const key = referer.length > 300 ? referer.slice(0, 300) : referer;
  const hit = memo.get(`${siteHost}\0${key}`);
  if (hit) return hit;
  const out = reduce(key, siteHost);
  memo.set(`${siteHost}\0${key}`, out);
  return out;
}

function reduce(referer: string, siteHost: string): { source: Source; host: string } {
  const m = URL_HOST.exec(referer.trim());
  if (!m) return { source: 'direct', host: '' };
  const scheme = m[1]!.toLowerCase();
  const raw = m[2]!.toLowerCase().replace(/\.$/, '');
  if (scheme === 'android-app') {
    // An Android app's package name: known apps have a category; others are "other" under their name.
    if (!HOST.test(raw) || raw.length > MAX_HOST) return { source: 'direct', host: '' };
    return { source: data.apps[raw] ?? 'other', host: raw };
  }
  if (scheme !== 'http' && scheme !== 'https') return { source: 'direct', host: '' };
  if (!raw || raw.length > MAX_HOST || !HOST.test(raw)) return { source: 'direct', host: '' };
  const host = raw.startsWith('www.') ? raw.slice(4) : raw;
  const own = siteHost.toLowerCase().replace(/^www\./, '');
  if (own && (host === own || host.endsWith('.' + own))) return { source: 'internal', host: '' };
  for (const [source, test] of CATEGORIES) if (test(host)) return { source, host };
  return { source: 'other', host };
}

const TABLET = /iPad|Tablet|PlayBook|Silk\/|Kindle|Nexus (7|9|10)\b|SM-T\d/i;
const MOBILE = /Mobi|iPhone|iPod|Android|Windows Phone|IEMobile|Opera Mini|BlackBerry|BB10|KaiOS/i;

/**
 * The device class from the user agent (already known not to be a bot): tablets first (Android
 * without "Mobile" is a tablet by Google's convention), then phones, else desktop. iPadOS asks
 * for desktop sites with a Mac user agent and is counted as desktop: nothing in the request says
 * otherwise without client hints or scripts.
 */
export function classifyDevice(userAgent: string): Exclude<Device, 'withheld'> {
  // "Android" may appear twice (an in-app browser adds "Telegram-Android/…"): the whole agent decides.
  if (TABLET.test(userAgent) || (/Android/i.test(userAgent) && !/Mobile/i.test(userAgent))) return 'tablet';
  if (MOBILE.test(userAgent)) return 'mobile';
  return 'desktop';
}

// Bounded by entries and by the agents' total length: a user agent may be kilobytes long.
const deviceMemo = new LRUCache<string, Exclude<Device, 'withheld'>>({ max: 2000, maxSize: 1_000_000, sizeCalculation: (_v, k) => k.length + 1 });

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim();

/** Do Not Track (`DNT: 1`) or Global Privacy Control (`Sec-GPC: 1`) was sent. */
export function optedOut(h: ReaderHeaders | undefined): boolean {
  return first(h?.dnt) === '1' || first(h?.['sec-gpc']) === '1';
}

/** Everything kept about one counted view besides its edition and time. */
export function readerFacts(userAgent: string, h: ReaderHeaders | undefined, siteHost: string): ReaderFacts {
  if (optedOut(h)) return { source: 'withheld', host: '', device: 'withheld' };
  let device = deviceMemo.get(userAgent);
  if (device === undefined) deviceMemo.set(userAgent, (device = classifyDevice(userAgent)));
  return { ...classifyReferrer(h?.referer, siteHost), device };
}
