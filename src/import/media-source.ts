/**
 * Where an attachment's bytes come from: a local copy of `wp-content/uploads` (--media-dir) or,
 * when asked, the old site itself (--media-base-url). An attachment URL is reduced to its path
 * inside the uploads folder (`2008/06/canola2.jpg`); the file is looked up under that path, then
 * by its name alone, so a flat folder of files works too.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** The file's path inside the uploads folder, from any of the URL shapes WordPress and Ghost use. */
export function uploadsPath(url: string): string {
  let p = url;
  try {
    p = new URL(url, 'https://x.invalid').pathname;
  } catch {
    /* a bare path */
  }
  p = decodeURIComponent(p);
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

export interface MediaSource {
  read(url: string): Promise<Buffer | null>;
}

/** Largest file read or fetched: larger ones are reported and left out. */
const MAX_BYTES = 100 * 1024 * 1024;

export function mediaSource(opts: { dir?: string; baseUrl?: string; fetch?: typeof fetch }): MediaSource {
  return {
    async read(url) {
      const rel = uploadsPath(url);
      if (!rel || rel.includes('\0')) return null;
      if (opts.dir) {
        const root = path.resolve(opts.dir);
        for (const candidate of [rel, path.basename(rel)]) {
          const full = path.resolve(root, candidate);
          // Never outside the folder: `../` in an export must not read the operator's files.
          if (!full.startsWith(root + path.sep)) continue;
          try {
            const st = await fs.stat(full);
            if (st.isFile() && st.size <= MAX_BYTES) return await fs.readFile(full);
          } catch {
            /* try the next candidate */
          }
        }
      }
      if (opts.baseUrl) {
        const res = await (opts.fetch ?? fetch)(new URL(rel, opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`), { redirect: 'follow', signal: AbortSignal.timeout(30_000) }).catch(() => null);
        if (res?.ok) {
          const buf = Buffer.from(await res.arrayBuffer());
          if (buf.length <= MAX_BYTES) return buf;
        }
      }
      return null;
    },
  };
}
