/**
 * Small text rules every feed format shares: characters XML cannot carry, attribute escaping the
 * `feed` package leaves to us, dates in the site's time zone, and body HTML as plain text.
 */
import sanitizeHtml from 'sanitize-html';
import { isoInZone, zoneOffsetMinutes } from '../../i18n/dates.js';

/**
 * Removes what XML 1.0 cannot carry at all (https://www.w3.org/TR/xml/#charsets): C0 controls
 * other than tab/newline/return, U+FFFE/U+FFFF and unpaired surrogates. Imported stories may hold
 * them, and one would make the whole feed unreadable to a strict parser.
 */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/**
 * An attribute value for the `feed` package: its XML writer (xml-js) escapes only `"` in
 * attributes, so `&` and `<` are escaped here, once, before it writes them.
 */
export function attr(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * RSS 2.0's date (RFC 822 as updated by RFC 1123: four-digit year) with the zone's numeric
 * offset: «Mon, 02 Mar 2026 14:00:00 +0500». English day and month names are part of the format.
 */
export function rfc822InZone(ms: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(new Date(ms), timeZone);
  const d = new Date(ms + offset * 60_000); // wall-clock time read through the UTC getters
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${zone}`;
}

/**
 * A Date that prints itself in the site's time zone. The `feed` package formats every date with
 * `toUTCString()` (RSS) or `toISOString()` (Atom), which always say GMT/Z; this is the one
 * seam through which its output carries the offset the issue asks for (docs/decisions/0004).
 */
export class ZonedDate extends Date {
  readonly #zone: string;
  constructor(ms: number, timeZone: string) {
    super(ms);
    this.#zone = timeZone;
  }
  override toUTCString(): string {
    return rfc822InZone(this.getTime(), this.#zone);
  }
  override toISOString(): string {
    return isoInZone(this, this.#zone);
  }
}

const BLOCK_END = /<\/(p|h[1-6]|li|blockquote|figcaption|figure|pre|tr|div|ul|ol)>|<br\s*\/?>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Body HTML as plain text, one paragraph per line (Yandex's `yandex:full-text` is text, not
 * markup). The HTML is our own sanitized output, so tags are well formed; sanitize-html drops
 * them (and the content of script-like elements) and the few entities it writes are decoded.
 */
export function htmlToText(html: string): string {
  const stripped = sanitizeHtml(html.replace(BLOCK_END, (m) => `${m}\n`), { allowedTags: [], allowedAttributes: {} });
  const decoded = stripped.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  return xmlSafe(decoded)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
