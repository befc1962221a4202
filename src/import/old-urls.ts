/**
 * An old site's addresses as lookup keys: the path (percent-decoded, lower-case, without the
 * trailing slash or `index.php`) plus the query parameters that name content on WordPress
 * (`?p=`, `?page_id=`, `?cat=`, `?tag=`, `?author=`, `?attachment_id=`), sorted. Every other
 * parameter (tracking, `?amp`, `?replytocom`) is dropped, so `/2010/09/hello/?utm_source=x` and
 * `/2010/09/hello` are one key. Used when an import records redirects and when the site looks up
 * a request it cannot answer (site.routes.tsx, on 404).
 */
const CONTENT_PARAMS = new Set(['p', 'page_id', 'cat', 'tag', 'author', 'attachment_id']);
/** Longest key stored or looked up: longer paths are not content addresses. */
export const MAX_OLD_PATH = 1000;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The key of a URL (absolute or a path with its query); null for what cannot be an old address. */
export function oldUrlKey(url: string): string | null {
  let path = url;
  let query = '';
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(url);
  if (m) path = m[1] || '/';
  path = path.split('#')[0]!;
  const q = path.indexOf('?');
  if (q >= 0) {
    query = path.slice(q + 1);
    path = path.slice(0, q);
  }
  path = decode(path).normalize('NFC').toLowerCase().replace(/\/index\.php$/, '/').replace(/\/+/g, '/');
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1) path = path.replace(/\/$/, '');
  const params = [...new URLSearchParams(query)].filter(([k, v]) => CONTENT_PARAMS.has(k) && /^[\w-]{1,200}$/.test(v)).map(([k, v]) => `${k}=${v.toLowerCase()}`).sort();
  const key = params.length ? `${path}?${params.join('&')}` : path;
  return key.length <= MAX_OLD_PATH ? key : null;
}
