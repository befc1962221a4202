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

export interface CdnPurger {
  (tags: string[]): void;
  /**
   * Resolves when every purge sent so far has been answered or given up (each within TIMEOUT_MS):
   * a command like `xabar import` awaits it before exiting, or its purge would die with the process.
   */
  idle(): Promise<void>;
}

export function cdnPurger(url: string | null, log: Logger): CdnPurger {
  if (!url) return Object.assign(() => {}, { idle: async () => {} });
  // Bounded by the deadline: each entry leaves within TIMEOUT_MS.
  const sending = new Set<Promise<void>>();
  const purge = (tags: string[]) => {
    const body = JSON.stringify(tags.includes('*') ? { tags: ['*'], all: true } : { tags });
    const p: Promise<void> = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(TIMEOUT_MS) })
      .then(async (res) => {
        if (!res.ok) log.warn({ status: res.status, tags }, 'CDN purge hook answered with an error; pages stay cached until s-maxage');
        await res.body?.cancel();
      })
      .catch((err: unknown) => log.warn({ err, tags }, 'CDN purge hook failed; pages stay cached until s-maxage'))
      .finally(() => sending.delete(p));
    sending.add(p);
  };
  return Object.assign(purge, { idle: async () => void (await Promise.allSettled([...sending])) });
}
