/**
 * One HTTP POST to a webhook receiver, with the limits a server that calls strangers' URLs needs:
 * - it connects to the address the SSRF check approved (a `lookup` that returns it), never
 *   resolving the name again, so DNS cannot rebind between check and connect; TLS still checks
 *   the certificate against the host name (SNI and verification use the URL's host);
 * - one deadline covers connecting, sending and the answer's headers and body: a receiver that
 *   accepts and then hangs is cut off;
 * - redirects are not followed (a 3xx is a failed delivery: following it would reach a target
 *   nobody checked);
 * - at most `maxBytes` of the answer are read, then the connection is dropped.
 * Success is a 2xx answer (Standard Webhooks).
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedTarget } from './ssrf.js';

export interface SendRequest {
  url: URL;
  target: ResolvedTarget;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  maxBytes: number;
}

export interface SendResult {
  ok: boolean;
  /** The receiver's status code; null when there was no answer. */
  status: number | null;
  latencyMs: number;
  /** The first `maxBytes` of the answer, as text. */
  head: string;
  /** Why it failed ('' on success). */
  error: string;
}

export function send(req: SendRequest): Promise<SendResult> {
  // Latency is measured on the monotonic clock, not the app's (which tests move by hand).
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const { address, family } = req.target;
  // Every lookup answers with the checked address (both callback shapes: Node asks with `all` on some paths).
  const lookup: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else cb(null, address, family);
  };
  const client = req.url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve) => {
    let done = false;
    const finish = (r: Omit<SendResult, 'latencyMs'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...r, latencyMs: elapsed() });
    };
    const request = client.request(req.url, {
      method: 'POST',
      headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
      lookup,
      // A fresh connection per delivery: a pooled socket could belong to an address checked for another URL.
      agent: false,
    });
    const timer = setTimeout(() => {
      finish({ ok: false, status: null, head: '', error: `timed out after ${req.timeoutMs} ms` });
      request.destroy();
    }, req.timeoutMs);
    request.on('error', (err) => finish({ ok: false, status: null, head: '', error: `${(err as NodeJS.ErrnoException).code ?? 'error'}: ${err.message}`.slice(0, 500) }));
    request.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const settle = () => {
        const head = Buffer.concat(chunks).subarray(0, req.maxBytes).toString('utf8');
        const ok = status >= 200 && status < 300;
        let error = '';
        if (status >= 300 && status < 400) error = `redirect not followed${res.headers.location ? ` (Location: ${String(res.headers.location).slice(0, 300)})` : ''}`;
        else if (!ok) error = `HTTP ${status}`;
        finish({ ok, status, head, error });
      };
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        size += c.length;
        if (size >= req.maxBytes) {
          // Enough: the log keeps only the first bytes, and a receiver streaming for ever is not our problem.
          settle();
          res.destroy();
          request.destroy();
        }
      });
      res.on('end', settle);
      res.on('error', () => settle());
      res.on('close', settle);
    });
    request.end(req.body);
  });
}
