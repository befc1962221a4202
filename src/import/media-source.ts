/**
 * Where an attachment's bytes come from: a local copy of `wp-content/uploads` (--media-dir) or,
 * when asked, the old site itself (--media-base-url). An attachment URL is reduced to its path
 * inside the uploads folder (`2008/06/canola2.jpg`); the file is looked up under that path, then
 * by its name alone, so a flat folder of files works too.
 *
 * The path comes from the export, which is not trusted: it never reads outside the media folder,
 * and never fetches outside the base URL (same origin, under its path, no redirects followed) —
 * an export must not make the importer read the operator's files or call other hosts (SSRF).
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Percent-escapes decoded where they are valid; a stray `%` (a file named `100%.jpg`) stays as
 * written instead of throwing (decodeURIComponent throws on a malformed escape).
 */
function decodeLenient(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** The file's path inside the uploads folder, from any of the URL shapes WordPress and Ghost use. */
export function uploadsPath(url: string): string {
  let p = url;
  try {
    p = new URL(url, 'https://x.invalid').pathname;
  } catch {
    /* a bare path */
  }
  p = decodeLenient(p);
  for (const marker of ['/wp-content/uploads/', '/content/images/', '/files/']) {
    const i = p.indexOf(marker);
    if (i >= 0) return p.slice(i + marker.length);
  }
  return p.replace(/^\/+/, '');
}

/** `photo-300x200.jpg` → `photo.jpg`: WordPress's resized copies lead to their original. */
export function withoutSizeSuffix(p: string): string {
  return p.replace(/-\d{1,5}x\d{1,5}(\.[a-z0-9]+)$/i, '$1').replace(/-scaled(\.[a-z0-9]+)$/i, '$1');
}

/** The bytes of a file, or why there are none (for the import report). */
export type MediaRead = { data: Buffer; reason?: undefined } | { data: null; reason: string };

export interface MediaSource {
  read(url: string): Promise<MediaRead>;
}

/** Largest file read or fetched: larger ones are reported and left out. */
const MAX_BYTES = 100 * 1024 * 1024;

const NOT_FOUND = 'file not found';

/**
 * The address of `rel` under `baseUrl`, or why it has none: `rel` is a path inside the uploads
 * folder, so a scheme (`http:`), a leading `/` (`//evil.com/…` is another host), a `..` or an empty
 * segment is refused, each segment is escaped, and the result must keep the base's origin and
 * stay under its path.
 */
export function mediaUrl(rel: string, baseUrl: string): URL | string {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const segments = rel.split('/');
  if (rel.includes(':') || rel.startsWith('/') || rel.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    return `address «${rel}» would leave --media-base-url: not fetched`;
  }
  let target: URL;
  try {
    target = new URL(segments.map(encodeURIComponent).join('/'), base);
  } catch {
    return `address «${rel}» is not a valid path: not fetched`;
  }
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) return `address «${rel}» would leave --media-base-url: not fetched`;
  return target;
}

export function mediaSource(opts: { dir?: string; baseUrl?: string; fetch?: typeof fetch }): MediaSource {
  return {
    async read(url) {
      const rel = uploadsPath(url);
      if (!rel || rel.includes('\0')) return { data: null, reason: NOT_FOUND };
      if (opts.dir) {
        const root = path.resolve(opts.dir);
        for (const candidate of [rel, path.basename(rel)]) {
          const full = path.resolve(root, candidate);
          // Never outside the folder: `../` in an export must not read the operator's files.
          if (!full.startsWith(root + path.sep)) continue;
          try {
            const st = await fs.stat(full);
            if (st.isFile() && st.size <= MAX_BYTES) return { data: await fs.readFile(full) };
          } catch {
            /* try the next candidate */
          }
        }
      }
      if (!opts.baseUrl) return { data: null, reason: NOT_FOUND };
      const target = mediaUrl(rel, opts.baseUrl);
      if (typeof target === 'string') return { data: null, reason: target };
      // A redirect is not followed: it could lead anywhere (another host, an internal address).
      const res = await (opts.fetch ?? fetch)(target, { redirect: 'manual', signal: AbortSignal.timeout(30_000) }).catch((err: unknown) => (err as Error).message || 'failed');
      if (typeof res === 'string') return { data: null, reason: `${target.href} could not be fetched (${res})` };
      if (res.status >= 300 && res.status < 400 || res.type === 'opaqueredirect') {
        await res.body?.cancel();
        return { data: null, reason: `${target.href} answered with a redirect (${res.status}), which is not followed` };
      }
      if (!res.ok) {
        await res.body?.cancel();
        return { data: null, reason: res.status === 404 ? NOT_FOUND : `${target.href} answered ${res.status}` };
      }
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > MAX_BYTES) {
        await res.body?.cancel();
        return { data: null, reason: `${target.href} is larger than ${MAX_BYTES / 1024 / 1024} MB` };
      }
      const buf = Buffer.from(await res.arrayBuffer());
      if (buf.length > MAX_BYTES) return { data: null, reason: `${target.href} is larger than ${MAX_BYTES / 1024 / 1024} MB` };
      return { data: buf };
    },
  };
}
