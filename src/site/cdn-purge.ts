/**
 * The CDN purge hook (docs/cdn.md): when pages change, the node where the change happened POSTs
 * the purge tags to XABAR_CDN_PURGE_URL as JSON `{"tags":["edition:12","home:ru","list:ru"]}`
 * (`{"tags":["*"],"all":true}` for a settings change) — the same tags the pages carry in their
 * Surrogate-Key and Cache-Tag headers, so a small adapter can call any CDN's purge API. Only the
 * originating node calls it (other nodes hear the purge through Redis and do not repeat it).
 * Fire and forget with a deadline: a slow CDN must not hold an editor's save.
 */
import type { Logger } from 'pino';

const TIMEOUT_MS = 5000;

export function cdnPurger(url: string | null, log: Logger): (tags: string[]) => void {
  if (!url) return () => {};
  return (tags) => {
    const body = JSON.stringify(tags.includes('*') ? { tags: ['*'], all: true } : { tags });
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(TIMEOUT_MS) })
      .then((res) => {
        if (!res.ok) log.warn({ status: res.status, tags }, 'CDN purge hook answered with an error; pages stay cached until s-maxage');
        return res.body?.cancel();
      })
      .catch((err: unknown) => log.warn({ err, tags }, 'CDN purge hook failed; pages stay cached until s-maxage'));
  };
}
