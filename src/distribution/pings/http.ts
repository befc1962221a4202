/**
 * The one HTTP call the pings make: a POST with a deadline, redirects not followed and at most a
 * few kilobytes of the answer read. A hub or search engine is someone else's server: it must not
 * hold a job (and its lease) for ever, send us somewhere else, or fill our memory with its reply.
 */

export interface PingResponse {
  status: number;
  /** The start of the body (at most `MAX_BODY_BYTES`), for the log when the answer is not a success. */
  body: string;
}

/** Each request's deadline: well inside the relay's 60 s lease even when a job makes several. */
export const PING_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 2048;

/**
 * POSTs `body` to `url`. Network errors and timeouts reject (the job is retried); any HTTP status
 * resolves, 3xx included: `redirect: 'manual'` hands us the redirect itself, which callers treat
 * as a failure because a ping endpoint that moves is misconfigured, not a place to follow blindly.
 */
export async function postPing(url: string, body: string, contentType: string, timeoutMs = PING_TIMEOUT_MS): Promise<PingResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'user-agent': 'Xabar' },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, body: await readStart(res) };
}

/** Reads at most MAX_BODY_BYTES of the body and drops the rest without downloading it. */
async function readStart(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut short or timed out says nothing more than its status: keep what arrived.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}
